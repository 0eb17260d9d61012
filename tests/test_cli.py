import json
import os
import subprocess
import sys
import types
from pathlib import Path

from tests.db.store_helpers import drop_feeds, drop_quote_via

from store.db import filters
from store.db import open_store

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Council approves budget\n\n“This budget protects [bold]services[/bold],” Jane Smith said on Monday.\n"
         "The plan costs £4.5m, an increase of 3% on last year.\n")



def test_add_then_list_as_json(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = run("add", "--db", db, str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 0, result.output
    assert "added 1, unchanged 0, replaced 0, skipped 1" in result.output
    assert "missing.txt: no such file or directory" in result.output
    again = run("--db", db, "add", str(tmp_path / "a.txt"))
    assert "added 0, unchanged 1" in again.output
    articles = json.loads(run("articles", "--db", db, "--json").output)
    assert [a["title"] for a in articles] == ["Council approves budget"]
    quotes = json.loads(run("quotes", "--db", db, "--json").output)
    figures = json.loads(run("figures", "--db", db, "--json", "--limit", "1").output)
    assert all(q["title"] == "Council approves budget" for q in quotes)
    assert len(figures) <= 1
    assert json.loads(run("people", "--db", db, "--json").output) is not None
    assert not os.path.exists(tmp_path / "default.db")      # --db really was used


def test_tables_print_article_text_literally(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    db = str(tmp_path / "x.db")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    run("add", "--db", db, str(tmp_path / "a.txt"))
    out = run("quotes", "--db", db).output
    if "no quotes found" not in out:           # extraction found the quote
        assert "[bold]services[/bold]" in out


def test_cite_prints_citation_and_missing_quote_is_an_error(run, sample_db):
    quotes = json.loads(run("quotes", "--db", str(sample_db), "--json", "--limit", "1").output)
    assert quotes, "the sample article has quotes"
    out = run("cite", str(quotes[0]["id"]), "--db", str(sample_db)).output
    assert out.startswith("“") and "quoted in “Starmer coalition of the willing”" in out and "None" not in out
    md = run("cite", str(quotes[0]["id"]), "--db", str(sample_db), "--style", "markdown").output
    assert md.startswith("> “")
    missing = run("cite", "999999", "--db", str(sample_db))
    assert missing.exit_code == 1 and missing.output.strip() == "byline: error: no quote with id 999999"


def test_errors_are_one_line_with_exit_code_1(run, tmp_path):
    notdb = tmp_path / "notes.db"
    notdb.write_text("not a database at all")
    for args in (["people", "--db", str(notdb)], ["people", "--db", str(tmp_path / "none.db")],
                 ["nosuchcommand"], ["cite", "abc"], ["figures", "--limit", "0"]):
        result = run(*args)
        assert result.exit_code == 1, args
        lines = result.output.strip().split("\n")
        assert len(lines) == 1 and lines[0].startswith("byline: error: "), (args, result.output)
    assert notdb.read_text() == "not a database at all"


def test_search_json_and_stats(run, sample_db):
    result = run("search", "zelensky", "--db", str(sample_db), "--json", "--stats", "--limit", "3")
    assert result.exit_code == 0
    out, err = result.stdout, result.stderr
    hits = json.loads(out)
    assert 0 < len(hits) <= 3 and all("Zelenskyy" in h["text"] for h in hits)
    lines = err.strip().split("\n")
    timings = dict(line.split("=") for line in lines if not line.startswith("byline: "))
    # the count of all results is made (and timed) when the limit left some out
    assert set(timings) == {"vocabulary_ms", "search_ms", "count_ms"} and all(float(v) >= 0 for v in timings.values())
    assert lines[-1].startswith("byline: showing 3 of ")
    broken = run("search", '"unclosed', "--db", str(sample_db))
    assert broken.exit_code == 1 and broken.output.startswith("byline: error: ")


def test_extract_json_carries_id_and_title_and_touches_no_store(run, tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"id": "x1", "title": "T1", "text": STORY}) + "\n"
                       + json.dumps({"id": "x2", "title": "T2", "text": "Nothing much here."}) + "\n")
    result = run("extract", "--json", str(archive))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["title"]) for r in rows] == [("x1", "T1"), ("x2", "T2")]
    assert rows[0]["source"].endswith("a.jsonl#x1")
    text = STORY
    for q in rows[0]["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert not os.path.exists(tmp_path / "default.db")


def test_no_subcommand_seeds_sample_and_opens_app(run, tmp_path, monkeypatch):
    opened = []
    fake = types.ModuleType("tui.app")
    fake.run_app = lambda path, first_ids, settings: opened.append((path, first_ids.result()))
    monkeypatch.setitem(sys.modules, "tui.app", fake)
    result = run()
    assert result.exit_code == 0, result.output
    # the app gets the store and its People list's ids, resolved while it loads
    path = str(tmp_path / "default.db")
    with open_store(path) as store:
        assert opened == [(path, filters.people_ids(store.conn))] and opened[0][1]
    articles = json.loads(run("articles", "--json").output)
    assert [a["title"] for a in articles] == ["Starmer coalition of the willing"]
    run()                                    # second start: no second copy
    assert len(json.loads(run("articles", "--json").output)) == 1


def test_console_script_runs_end_to_end(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    env = dict(os.environ, BYLINE_DB=str(tmp_path / "s.db"))
    exe = str(Path(sys.executable).parent / "byline")
    add = subprocess.run([exe, "add", str(tmp_path / "a.txt")], capture_output=True, text=True, env=env)
    assert add.returncode == 0 and "added 1" in add.stdout, add.stderr
    arts = subprocess.run([exe, "articles", "--json"], capture_output=True, text=True, env=env)
    assert json.loads(arts.stdout)[0]["title"] == "Council approves budget"
    bad = subprocess.run([exe, "cite", "12345"], capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and bad.stderr == "byline: error: no quote with id 12345\n"
    assert "Traceback" not in bad.stderr


def test_store_package_never_imports_the_screen():
    code = ("import importlib, pkgutil, sys, store\n"
            "for m in pkgutil.iter_modules(store.__path__): importlib.import_module('store.' + m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui')]\n"
            "print(len(list(pkgutil.iter_modules(store.__path__))), bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    count, bad = out.stdout.split(" ", 1)
    assert int(count) >= 8 and bad.strip() == "[]", out.stderr


def test_hostile_article_prints_no_escape_codes(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    hostile = ("[red]Headline[/red] \x1b]52;c;ZXZpbA==\x07here\n\n"
               "“Pay \x1b[2J[link=http://evil]now[/link],” Ann Lee said.\n")
    (tmp_path / "h.txt").write_text(hostile, encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert run("add", "--db", db, str(tmp_path / "h.txt")).exit_code == 0
    outputs = [run(*cmd, "--db", db).output for cmd in (["articles"], ["quotes"], ["quotes", "--json"])]
    quotes = json.loads(outputs[2])
    if quotes:
        outputs.append(run("cite", str(quotes[0]["id"]), "--db", db).output)
        assert "[link=http://evil]now[/link]" in outputs[1]
    assert "[red]Headline[/red] here" in outputs[0]
    assert not any("\x1b" in out or "\x07" in out for out in outputs)


def test_search_table_shows_query_markup_literally(run, sample_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run("search", "[bold]zelensky", "--db", str(sample_db), "--limit", "1")
    assert result.exit_code == 0 and "Search: [bold]zelensky" in result.output


ORG_STORY = ("Rates hold\n\n“Prices will stay high this winter,” the Weather Bureau of Ruritania said.\n"
             "“The plan is sound,” Jane Smith said.\n")


def test_organisation_source_is_marked_in_quotes_and_cited(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    db = str(tmp_path / "x.db")
    (tmp_path / "a.txt").write_text(ORG_STORY, encoding="utf-8")
    run("add", "--db", db, str(tmp_path / "a.txt"))
    rows = json.loads(run("quotes", "--db", db, "--json").output)
    assert [(r["speaker"], r["organisation"]) for r in rows] == [
        (None, "the Weather Bureau of Ruritania"), ("Jane Smith", None)]
    table = run("quotes", "--db", db).output
    assert "the Weather Bureau of Ruritania (organisation)" in table and "Jane Smith" in table
    assert "Jane Smith (organisation)" not in table
    cited = run("cite", str(rows[0]["id"]), "--db", db).output
    assert cited.startswith("“Prices will stay high this winter.” — the Weather Bureau of Ruritania, quoted in “Rates hold”")


def test_quotes_show_confidence_guesses_and_unnamed_sources_and_cite_no_guess(run, tmp_path, monkeypatch):
    from tests.db.store_helpers import guess_store

    monkeypatch.setenv("COLUMNS", "300")
    db = str(guess_store(tmp_path / "x.db"))
    rows = json.loads(run("quotes", "--db", db, "--json").output)
    assert [(r["speaker"], r["confidence"], r["decision"], r["likely"], r["described"]) for r in rows] == [
        ("Ann Cole", 0.98, "verb-name", None, None), (None, 0.62, "pronoun:rival", "Ann Cole", None),
        (None, None, None, None, "a council spokesperson")]
    table = run("quotes", "--db", db).output
    assert "conf" in table and "98%" in table and "62%" in table
    assert "likely Ann Cole, low confidence" in table and "a council spokesperson (unnamed)" in table
    cited = run("cite", str(rows[1]["id"]), "--db", db).output
    assert cited == "“It is a stunt.” — speaker unconfirmed (likely Ann Cole), quoted in “Council budget”.\n"
    cited = run("cite", str(rows[2]["id"]), "--db", db, "--style", "markdown").output
    assert cited.endswith("> — a council spokesperson, quoted in “Council budget”.\n")
    # her quotes are the one she said
    assert [r["text"] for r in json.loads(run("quotes", "--db", db, "--json", "--speaker", "Ann Cole").output)] == [
        "We will rebuild,"]


def test_extract_json_tells_organisations_from_people(run, tmp_path):
    (tmp_path / "a.txt").write_text(ORG_STORY, encoding="utf-8")
    record = json.loads(run("extract", "--json", str(tmp_path / "a.txt")).output)
    assert [(q["speaker"], q["person"], q["source_kind"]) for q in record["quotes"]] == [
        ("the Weather Bureau of Ruritania", None, "organisation"), ("Smith", "Jane Smith", "person")]


def test_upgrading_an_older_store_says_so_once(run, tmp_path):
    import sqlite3

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run("add", "--db", db, str(tmp_path / "a.txt")).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    drop_quote_via(conn)
    drop_feeds(conn)
    conn.execute("DROP INDEX idx_people_rank")
    for column in ("role", "mentions", "articles", "quotes", "role_mentions"):
        conn.execute(f"ALTER TABLE people DROP COLUMN {column}")
    for column in ("confidence", "likely", "decision", "described"):
        conn.execute(f"ALTER TABLE quotes DROP COLUMN {column}")
    conn.commit()
    conn.close()
    first = run("people", "--db", db, "--json")
    assert first.exit_code == 0 and first.stderr.startswith("byline: upgrading ") and "schema 3 to" in first.stderr
    assert json.loads(first.stdout)[0]["mentions"] > 0
    again = run("people", "--db", db, "--json")
    assert again.exit_code == 0 and again.stderr == ""


def test_add_saves_the_search_vocabulary_when_it_is_missing_or_far_behind(run, tmp_path):
    import sqlite3

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run("add", "--db", db, str(tmp_path / "a.txt")).exit_code == 0

    def saved():
        conn = sqlite3.connect(db)
        try:
            mark = conn.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()
            terms = {t for (t,) in conn.execute("SELECT term FROM search_terms")}
            return int(mark[0]), terms, conn.execute("SELECT max(id) FROM sentences").fetchone()[0]
        finally:
            conn.close()

    mark, terms, max_id = saved()
    assert mark == max_id and "council" in terms
    # a small addition later is topped up by the next search itself: nothing is read again now
    (tmp_path / "b.txt").write_text("Zebrafish thrive in warm water, the keeper said.\n", encoding="utf-8")
    assert run("add", "--db", db, str(tmp_path / "b.txt")).exit_code == 0
    mark2, terms2, max_id2 = saved()
    assert (mark2, terms2) == (mark, terms) and max_id2 > mark
    hits = json.loads(run("search", "zebrafsh", "--db", db, "--json").stdout)
    assert hits and "Zebrafish" in hits[0]["text"]


RELAYED_STORY = ("Delegates meet\n\nDelegate Bo Marsh spoke in Dunmore on Monday.\n\n"
                 "“We will not protest on the floor,” Marsh said, according to the Harbor Gazette. "
                 "“The vote was fair.”\n\n“The budget is sound,” Marsh told reporters.\n")


def test_extract_json_and_the_store_say_who_relayed_a_quote(run, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(RELAYED_STORY, encoding="utf-8")
    record = json.loads(run("extract", "--json", str(tmp_path / "a.txt")).output)
    quotes = {q["text"].strip(" ,."): q for q in record["quotes"]}
    relayed, continued, own = (quotes[t] for t in ("We will not protest on the floor", "The vote was fair",
                                                    "The budget is sound"))
    assert relayed["via"] == continued["via"] == "the Harbor Gazette" and own["via"] is None
    assert relayed["decision"] == "relayed<verb-name" and own["decision"] == "verb-name"
    assert (relayed["person"] or relayed["likely"]) == "Bo Marsh"

    db = str(tmp_path / "s.db")
    assert run("add", "--db", db, str(tmp_path / "a.txt")).exit_code == 0
    rows = {r["text"].strip(" ,."): r for r in json.loads(run("quotes", "--db", db, "--json").output)}
    assert rows["We will not protest on the floor"]["via"] == "the Harbor Gazette"
    cited = run("cite", str(rows["We will not protest on the floor"]["id"]), "--db", db).output
    # named or, below the threshold, a withheld guess: the relay is credited either way
    assert cited.startswith(("“We will not protest on the floor.” — Bo Marsh, Delegate, as reported by the Harbor "
                             "Gazette, quoted in",
                             "“We will not protest on the floor.” — speaker unconfirmed (likely Bo Marsh, reported by "
                             "the Harbor Gazette), quoted in"))
    monkeypatch.setenv("COLUMNS", "250")            # the table on one line per quote
    table = run("quotes", "--db", db).output
    assert "Marsh, via the Harbor Gazette" in table or "likely Bo Marsh, low confidence, via the Harbor Gazette" in table
