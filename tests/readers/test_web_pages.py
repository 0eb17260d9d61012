"""Saved news pages, read with the `[web]` extra (trafilatura) and without it (byline's own
parser): the story whole, nothing of the page around it, and its metadata."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from tests.readers.web_helpers import PAGES, reading, without_web  # noqa: F401 -- reading is a fixture

from store.readers import extras, read_paths
from store.readers.html_pages import read_html

# text of the page around the story, none of which may leak into it
NEWS_AROUND = ["cookies", "Accept all", "Sport", "Local news", "Share on", "Advertisement", "Photo: Courier",
               "Sign up", "Bypass plan", "Primary school", "temporary classrooms", "About time", "Forty million",
               "Most read", "cafe", "All rights reserved", "Terms"]
FORM_AROUND = ["Home", "Letters", "Jobs", "cookies", "Find out more", "Fishing quotas", "Lifeboat", "Ferry",
               "Harbour master to retire", "Copyright", "VIEWSTATE"]


def read_page(name: str):
    [article] = list(read_paths([PAGES / name]))
    return article


def word_f1(found: str, expected: str) -> float:
    """Word F1 of a text against the story as written by hand (bags of words)."""
    a, b = Counter(re.findall(r"\w+", found.lower())), Counter(re.findall(r"\w+", expected.lower()))
    common = sum((a & b).values())
    return 2 * common / (sum(a.values()) + sum(b.values()))


def assert_story(page: str, around: list[str]):
    """The page's story as written by hand (page.txt) read whole, and none of the text
    around it."""
    article = read_page(page + ".html")
    expected = (PAGES / (page + ".txt")).read_text(encoding="utf-8")
    for paragraph in expected.split("\n\n")[1:]:       # the headline is the title; the text may hold it
        assert paragraph.strip() in article.text
    for text in around:
        assert text not in article.text, text
    assert word_f1(article.text, expected) >= 0.95
    return article


def test_news_page_keeps_the_story_and_nothing_around_it(reading):
    assert_story("news-page", NEWS_AROUND)


def test_news_page_metadata_from_json_ld_meta_tags_and_the_canonical_link(reading):
    article = read_page("news-page.html")
    assert article.title == "Council approves £40m flood barrier for Riverside"
    assert article.author == "Jane Okafor"
    assert article.published == "2024-03-05T08:30:00Z"      # 09:30 at +01:00, in UTC
    assert article.source == "The Riverside Courier"
    assert article.url == "https://courier.example/news/2024/03/05/flood-barrier"


STORY = "".join(f"<p>Paragraph {i} of the story, long enough to be read as running text by both readers.</p>"
                for i in range(8))


@pytest.mark.parametrize("title, outlet, headline", [
    ("Wildfire forces thousands out | Northern Ledger", "Northern Ledger", "Wildfire forces thousands out"),
    ("Mayor to appeal ruling - The Valley Star", "The Valley Star", "Mayor to appeal ruling"),
    ("Mayor to appeal ruling", None, "Mayor to appeal ruling"),           # no site named: none made up
    ("Live: day 3 - the vote", None, "Live: day 3 - the vote"),          # a tail as long as the rest is no site
])
def test_a_page_naming_its_site_only_in_the_title_gives_the_outlet_never_the_headline(reading, tmp_path, title,
                                                                                        outlet, headline):
    page = tmp_path / "story.html"
    page.write_text(f"<html><head><title>{title}</title><meta property='og:title' content='{headline}'>"
                    f"</head><body><article><h1>{headline}</h1>{STORY}</article></body></html>", encoding="utf-8")
    [article] = list(read_paths([page]))
    assert article.source == outlet
    assert article.title == headline


def test_the_author_the_page_declares_wins_over_a_bio_line_and_an_advert_label_is_no_paragraph(reading, tmp_path):
    page = tmp_path / "story.html"
    page.write_text('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port '
                    'strike ends", "author": {"@type": "Person", "name": "Ravi Menon"}}</script></head><body><article>'
                    f'<h1>Port strike ends</h1>{STORY}<div class="advert">Advertisement</div>{STORY}'
                    '<p class="author-bio">Ravi Menon is the Harbour Times business reporter.</p></article></body></html>',
                    encoding="utf-8")
    [article] = list(read_paths([page]))
    assert article.author == "Ravi Menon"
    assert "Advertisement" not in article.text
    assert "Paragraph 7 of the story" in article.text


def test_a_body_inside_a_form_laid_out_in_spans_and_line_breaks_is_read(reading):
    # each <br><br> paragraph a paragraph of its own
    article = assert_story("form-page", FORM_AROUND)
    assert article.author == "Tom Reyes"                       # "By Tom Reyes" in a meta tag
    assert article.published == "2024-03-12T14:05:00Z"         # RFC 822 in a meta tag
    assert article.source == "Coastline Daily"
    assert article.url == "https://coastline.example/story.aspx?id=88121"


def test_a_related_story_article_box_is_not_taken_for_the_story(reading):
    page = """<html><head><title>Bridge reopens</title></head><body>
    <div class="content"><h1>Bridge reopens after repairs</h1>
    <p>The Old Town bridge reopened to traffic on Saturday after eight months of repairs that cost £3m.</p>
    <p>Engineers replaced the bearings and resurfaced the whole deck, the county council said in a statement.</p>
    <p>“It is good to have our town joined up again,” said Ruth Evans, who runs the bakery at the north end.</p>
    </div>
    <article class="card"><h3>Library hours cut</h3><p>The central library will close on Mondays from May.</p></article>
    </body></html>"""
    article = read_html(page, "bridge.html", "bridge")
    assert "bearings" in article.text and "Ruth Evans" in article.text
    assert "Library" not in article.text and "Mondays" not in article.text


def test_without_web_the_hint_is_printed_once_per_run(monkeypatch, capsys):
    without_web(monkeypatch)
    read_page("news-page.html")
    read_page("form-page.html")
    assert capsys.readouterr().err.splitlines() == [extras.HINT]


def test_with_web_trafilatura_reads_the_page_and_no_hint(capsys, monkeypatch):
    pytest.importorskip("trafilatura")
    monkeypatch.setattr(extras, "_hinted", False)
    asked = []
    real = extras.import_module
    monkeypatch.setattr(extras, "import_module", lambda name: asked.append(name) or real(name))
    read_page("news-page.html")
    assert asked == ["trafilatura"] and capsys.readouterr().err == ""


def test_starting_byline_imports_neither_web_library():
    import subprocess
    import sys
    code = "import sys, tui.cli; print(sorted({'trafilatura', 'feedparser', 'lxml'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_page_with_no_text_is_refused_with_a_reason(tmp_path, reading):
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    [skipped] = list(read_paths([tmp_path / "empty.html"]))
    assert skipped.reason == "no article text found in the page"


def test_boilerplate_classes_on_elements_without_end_tags_skip_nothing_after_them(reading):
    page = """<html><body><img class="ad-pixel" src="/t.gif"><input class="search-box" name="q">
    <ul class="x"><li class="share">Share<li>Tweet</ul>
    <p>The ferry service will run every hour from Monday, the operator confirmed in a statement on Friday.</p>
    <p>Passengers had complained for months about cancelled crossings and long queues at the terminal.</p>
    </body></html>"""
    article = read_html(page, "ferry.html", "ferry")
    assert "The ferry service will run every hour" in article.text
    assert "long queues at the terminal." in article.text
