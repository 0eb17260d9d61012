import io
import json
import sys


from store import readers
from store.model import Article
from store.readers import Skipped, read_paths


def read_one(path):
    items = list(read_paths([path]))
    assert len(items) == 1, items
    return items[0]


def test_txt_headline_becomes_title_and_text_is_kept_exactly(tmp_path):
    body = "Markets fall on rate fears\n\nShares fell on Monday, traders said.\nThe index lost 2%.\n"
    (tmp_path / "story.txt").write_text(body, encoding="utf-8")
    art = read_one(tmp_path / "story.txt")
    assert isinstance(art, Article)
    assert art.title == "Markets fall on rate fears"
    assert art.text == body
    assert art.path == str(tmp_path / "story.txt")


def test_txt_without_headline_takes_title_from_file_name(tmp_path):
    body = "The minister said on Monday that the plan would go ahead.\nCritics disagreed.\n"
    (tmp_path / "budget-plan_2025.txt").write_text(body, encoding="utf-8")
    art = read_one(tmp_path / "budget-plan_2025.txt")
    assert art.title == "Budget plan 2025"


def test_cp1252_smart_quotes_decode(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x93We will win,\x94 she said. It\x92s \x8020m.")
    art = read_one(tmp_path / "a.txt")
    assert art.text == "“We will win,” she said. It’s €20m."


def test_utf16_with_bom(tmp_path):
    (tmp_path / "a.txt").write_bytes("“Grüße,” he said.".encode("utf-16"))
    assert read_one(tmp_path / "a.txt").text == "“Grüße,” he said."


def test_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfHello there, reader.")
    assert read_one(tmp_path / "a.txt").text == "Hello there, reader."


def test_binary_and_empty_files_are_skipped_and_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "b.txt").write_bytes(b"  \n\n")
    (tmp_path / "c.txt").write_text("A real article sits here, between the bad ones.", encoding="utf-8")
    items = list(read_paths([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]))
    assert [type(i) for i in items] == [Skipped, Skipped, Article]
    assert "binary" in items[0].reason
    assert "empty" in items[1].reason
    assert "\n" not in items[0].reason


def test_missing_file_is_skipped(tmp_path):
    item = read_one(tmp_path / "nope.txt")
    assert isinstance(item, Skipped) and "no such file" in item.reason


def test_huge_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(readers.common, "MAX_ARTICLE_BYTES", 100)
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    item = read_one(tmp_path / "big.txt")
    assert isinstance(item, Skipped) and "too large" in item.reason


def test_an_article_too_long_to_be_news_is_skipped_and_the_rest_of_its_archive_read(tmp_path):
    # real sizes, no patched limit: a run-on record of quotes over the limit, then a story
    import json
    run_on = 'Ann Lo said "x" ' * (readers.common.MAX_ARTICLE_CHARS // 16 + 1)
    lines = [json.dumps({"id": "dump", "text": run_on}), json.dumps({"id": "story", "text": "Ann Lo spoke."})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(readers.read_paths([str(tmp_path / "a.jsonl")]))
    assert [type(i) for i in items] == [Skipped, Article]
    assert "too long for one article" in items[0].reason and "\n" not in items[0].reason
    assert items[1].text == "Ann Lo spoke."


def test_escape_codes_removed_and_markup_kept_literally(tmp_path):
    raw = "Title here\n\n[bold]Loud[/bold] \x1b[31mred\x1b[0m text\x07 and [link=http://x]link[/link]."
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    art = read_one(tmp_path / "a.txt")
    assert "\x1b" not in art.text and "\x07" not in art.text
    assert "[bold]Loud[/bold] red text and [link=http://x]link[/link]." in art.text


def test_markdown_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: \"Talks resume\"\nsource: The Daily Example\nurl: https://example.org/a\n"
        "published: 2025-03-02\nauthor: Jo Bloggs\nignored: yes\n---\n\nTalks resumed today, officials said.\n",
        encoding="utf-8")
    art = read_one(tmp_path / "a.md")
    assert (art.title, art.source, art.url, art.published, art.author) == (
        "Talks resume", "The Daily Example", "https://example.org/a", "2025-03-02", "Jo Bloggs")
    assert art.text.startswith("Talks resumed today")
    assert "---" not in art.text


def test_markdown_without_front_matter_uses_heading(tmp_path):
    (tmp_path / "a.md").write_text("# A heading\n\nSome body text follows here.\n", encoding="utf-8")
    art = read_one(tmp_path / "a.md")
    assert art.title == "A heading"


def test_jsonl_archive_streams_records_and_skips_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "r1", "title": "One", "text": "First story text.", "source": "Wire",
                    "author": ["A. Writer", "B. Writer"]}),
        "{not json",
        json.dumps({"title": "No text"}),
        "",
        json.dumps({"body": "Second story, with a body field."}),
    ]
    (tmp_path / "arch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([tmp_path / "arch.jsonl"]))
    arts = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.text for a in arts] == ["First story text.", "Second story, with a body field."]
    assert arts[0].id == "r1" and arts[0].path == f"{tmp_path / 'arch.jsonl'}#r1"
    assert arts[0].author == "A. Writer, B. Writer" and arts[0].source == "Wire"
    assert arts[1].id is None and arts[1].path.endswith("arch.jsonl#5")
    assert [s.path.rsplit("#", 1)[1] for s in skipped] == ["2", "3"]


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": "Alpha story."}, {"content": "Beta story."}]))
    (tmp_path / "one.json").write_text(json.dumps({"id": 7, "text": "Gamma story.", "published": "2024-01-01"}))
    arts = list(read_paths([tmp_path / "list.json", tmp_path / "one.json"]))
    assert [a.text for a in arts] == ["Alpha story.", "Beta story.", "Gamma story."]
    assert arts[2].id == "7" and arts[2].published == "2024-01-01"


def test_html_page(tmp_path):
    page = """<html><head><title>Site | Page</title>
    <meta property="og:title" content="Mayor resigns">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2024-05-01T10:00:00Z">
    <script>var x = "not text";</script><style>p {}</style></head>
    <body><nav><p>Home | World</p></nav>
    <article><p>The mayor &amp; council <b>resigned</b>,
    officials said.</p><p>“It is over,” she said.</p></article>
    <footer><p>Copyright</p></footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    art = read_one(tmp_path / "page.html")
    assert art.title == "Mayor resigns" and art.source == "Example News"
    assert art.published == "2024-05-01T10:00:00Z"
    assert art.text == "The mayor & council resigned, officials said.\n\n“It is over,” she said."


def test_rss_and_atom_feeds(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
    <item><title>First</title><link>https://ex.org/1</link><guid>g1</guid>
    <description>&lt;p&gt;Rates rose, the bank said.&lt;/p&gt;</description></item>
    <item><title>Empty</title></item></channel></rss>"""
    atom = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title>
    <entry><title>Second</title><id>e2</id><link href="https://ex.org/2"/>
    <author><name>Sam Writer</name></author><published>2024-02-02</published>
    <content>Plain content here.</content></entry></feed>"""
    (tmp_path / "f.rss").write_text(rss, encoding="utf-8")
    (tmp_path / "f.atom").write_text(atom, encoding="utf-8")
    items = list(read_paths([tmp_path / "f.rss", tmp_path / "f.atom"]))
    first, empty, second = items
    assert first.text == "Rates rose, the bank said." and first.source == "Example Wire"
    assert first.url == "https://ex.org/1" and first.id == "g1" and first.path.endswith("f.rss#g1")
    assert isinstance(empty, Skipped)
    assert second.url == "https://ex.org/2" and second.author == "Sam Writer" and second.published == "2024-02-02"


def test_folders_are_read_recursively(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Story A is here.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "b.md").write_text("Story B is here.", encoding="utf-8")
    (tmp_path / "sub" / "photo.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert sorted(i.text for i in items if isinstance(i, Article)) == ["Story A is here.", "Story B is here."]
    assert [i.reason for i in items if isinstance(i, Skipped)] == ["unsupported file type (.png)"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Piped text arrives.\n".encode())))
    (art,) = list(read_paths(["-"]))
    assert art.text == "Piped text arrives.\n" and art.path == "<stdin>"


def test_utf16_jsonl_archive(tmp_path):
    lines = json.dumps({"id": "u1", "text": "“Straße,” she said."}, ensure_ascii=False) + "\n"
    (tmp_path / "a.jsonl").write_bytes(lines.encode("utf-16"))
    (art,) = list(read_paths([tmp_path / "a.jsonl"]))
    assert art.text == "“Straße,” she said." and art.id == "u1"


def test_json_export_wrapping_its_records_and_ndjson(tmp_path):
    (tmp_path / "export.json").write_text(json.dumps({"count": 2, "articles": [{"text": "One."}, {"text": "Two."}]}))
    (tmp_path / "feed.ndjson").write_text(json.dumps({"id": 3, "text": "Three."}) + "\n")
    arts = list(read_paths([tmp_path / "export.json", tmp_path / "feed.ndjson"]))
    assert [a.text for a in arts] == ["One.", "Two.", "Three."]


def test_capitalised_wire_headline_with_full_stop_is_a_title(tmp_path):
    (tmp_path / "w.txt").write_text("SOCCER - CITY WIN AGAIN.\nLONDON 1996-08-30\nCity won their third game in a row on "
                                    "Saturday, beating United 2-1 at home.\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("The minister resigned.\nHe said he had no regrets about the decision he made.\n",
                                    encoding="utf-8")
    wire, sentence = list(read_paths([tmp_path / "w.txt", tmp_path / "s.txt"]))
    assert wire.title == "SOCCER - CITY WIN AGAIN."
    assert sentence.title == "S"
