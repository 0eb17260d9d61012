"""`byline export` and store/export.py: every format read back by Python's own csv and json
readers, spreadsheet-safe cells, the BOM, the listing filters, Markdown's shape; on a real
store holding a dated article with an author, outlet and URL, and the undated sample."""
from __future__ import annotations

import csv
import io
import json

import pytest

from store import export
from store.db import open_store, reads
from store.ingest import ingest, sample_path

COUNCIL = """---
title: Council | plan
source: The Courier
url: https://example.com/plan
published: 2025-03-02T10:00:00Z
author: Jane Doe
---

Ann Cole, the council leader, spoke on Monday.

“=HYPERLINK(http://evil.example) is not a plan,” Ann Cole said.

“+1 for the roads,” said Bob Smith, a resident.

“@SUM(A1:A2) will not pay for it,” Ann Cole added.

The council will spend £1.6bn on roads over 10 years.
"""


@pytest.fixture
def news_db(tmp_path):
    """A store with the council article (dated, with author, outlet and URL) and the undated sample."""
    source = tmp_path / "council.md"
    source.write_text(COUNCIL, encoding="utf-8")
    path = tmp_path / "news.db"
    with open_store(path) as store:
        assert ingest(store, [source, sample_path()], workers=1).added == 2
    return path


def exported(store, fmt: str, what: str, bom: bool = False, style: str = "plain", **filters) -> str:
    out = io.StringIO(newline="")
    ids = export.ids(store, what, **filters)
    export.write(out, fmt, what, export.records(store, what, ids, style), bom=bom)
    return out.getvalue()


def council_id(store) -> int:
    return store.conn.execute("SELECT id FROM articles WHERE title = 'Council | plan'").fetchone()[0]


@pytest.mark.parametrize("what", export.WHATS)
def test_jsonl_and_csv_read_back_the_same_records_with_the_documented_columns(news_db, what):
    with open_store(news_db) as store:
        count = store.conn.execute(f"SELECT count(*) FROM {what}").fetchone()[0]
        records = [json.loads(line) for line in exported(store, "jsonl", what).splitlines()]
        table = list(csv.DictReader(io.StringIO(exported(store, "csv", what), newline="")))
    assert count > 0 and len(records) == len(table) == count
    assert all(list(r) == list(export.COLUMNS[what]) for r in records)
    assert list(table[0]) == list(export.COLUMNS[what])
    key = export.COLUMNS[what][0]
    assert [str(r[key]) for r in records] == [row[key] for row in table]
    for record, row in zip(records, table):
        for column in export.COLUMNS[what]:
            value = record[column]
            if isinstance(value, str) and not value.startswith(export.FORMULA_START):
                assert row[column] == value, column          # text comes back as written
            elif value is None:
                assert row[column] == ""
            elif isinstance(value, bool):
                assert row[column] == ("true" if value else "false")
            elif isinstance(value, (int, float)):
                assert float(row[column]) == value


def test_quote_records_carry_the_citation_author_outlet_date_and_checked(news_db):
    with open_store(news_db) as store:
        records = [json.loads(line) for line in exported(store, "jsonl", "quotes", speaker="Bob Smith").splitlines()]
    assert [r["text"] for r in records] == ["+1 for the roads,"]
    bob = records[0]
    assert (bob["speaker"], bob["speaker_type"], bob["role"]) == ("Bob Smith", "person", "resident")
    assert (bob["outlet"], bob["author"], bob["url"]) == ("The Courier", "Jane Doe", "https://example.com/plan")
    assert bob["checked"] is False            # no quote check has marked it
    assert bob["citation"] == ("“+1 for the roads” — Bob Smith, resident, quoted in “Council | plan” by Jane Doe, "
                               "The Courier, 2025-03-02. https://example.com/plan")


def test_formula_like_cells_are_neutralised_in_csv_and_numbers_stay_numbers(news_db):
    with open_store(news_db) as store:
        rows = list(csv.DictReader(io.StringIO(exported(store, "csv", "quotes", speaker="cole"), newline="")))
        smith = list(csv.DictReader(io.StringIO(exported(store, "csv", "quotes", speaker="smith"), newline="")))
        figures = list(csv.DictReader(io.StringIO(exported(store, "csv", "figures", article_id=council_id(store)),
                                                  newline="")))
    texts = [r["text"] for r in rows + smith]
    assert texts == ["'=HYPERLINK(http://evil.example) is not a plan,", "'@SUM(A1:A2) will not pay for it,",
                     "'+1 for the roads,"]
    assert not any(cell.startswith(export.FORMULA_START) for r in rows + smith + figures for cell in r.values())
    assert figures[0]["value"] == "1600000000.0"
    assert export.spreadsheet_cell(-3.5) == "-3.5"          # a number is no formula
    assert export.spreadsheet_cell("-3.5") == "'-3.5"       # text that looks like one is neutralised
    assert [export.spreadsheet_cell(t) for t in ("\tx", "\rx", "a=b", "")] == ["'\tx", "'\rx", "a=b", ""]


def test_bom_starts_the_csv_and_python_reads_past_it(news_db, run, tmp_path):
    out = tmp_path / "quotes.csv"
    result = run("export", "--db", str(news_db), "--format", "csv", "--bom", "--output", str(out))
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f)) == list(export.COLUMNS["quotes"])
    plain = run("export", "--db", str(news_db), "--format", "csv").stdout
    assert not plain.startswith("\ufeff")
    assert result.stderr.strip() == f"exported 28 quotes to {out}"


def test_filters_are_the_listing_commands(news_db, run):
    with open_store(news_db) as store:
        council = council_id(store)
        all_quotes = export.ids(store, "quotes")
        by_cole = export.ids(store, "quotes", speaker="cole")
        listed = [r["id"] for r in reads.quotes(store, speaker="cole")]
        since = export.ids(store, "quotes", since="2025-01-01")
        in_council = export.ids(store, "quotes", article_id=council)
        people_since = export.ids(store, "people", since="2025-03-02")
        starmer_articles = export.ids(store, "articles", speaker="Starmer")
        starmer_figures = export.ids(store, "figures", speaker="Starmer")
        sample = store.conn.execute("SELECT id FROM articles WHERE id != ?", (council,)).fetchone()[0]
        sample_figures = [r[0] for r in store.conn.execute("SELECT id FROM figures WHERE article_id = ?"
                                                           " ORDER BY char_start", (sample,))]
        names = [r["name"] for r in export.records(store, "people", people_since)]
        assert export.ids(store, "quotes", since="2025-03-03") == []       # the day after: nothing
        assert export.ids(store, "quotes", speaker="nobody like this at all") == []
    assert by_cole == listed and len(by_cole) == 2
    assert since == in_council and len(in_council) == 3 and set(in_council) < set(all_quotes)
    assert sorted(names) == ["Ann Cole", "Bob Smith"]
    assert starmer_articles == [sample]
    assert starmer_figures == sample_figures
    jsonl = run("export", "--db", str(news_db), "--what", "quotes", "--since", "2025-03-02").stdout
    assert [json.loads(line)["quote_id"] for line in jsonl.splitlines()] == in_council


def test_markdown_quotes_are_blockquotes_with_citations_and_people_a_table(news_db):
    with open_store(news_db) as store:
        quotes = exported(store, "markdown", "quotes", style="markdown", speaker="smith")
        ap = exported(store, "markdown", "quotes", style="ap", speaker="smith")
        people = exported(store, "markdown", "people", since="2025-01-01")
        articles = exported(store, "markdown", "articles", since="2025-01-01")
    assert quotes == ("# Quotes\n\n> “+1 for the roads”\n>\n> — Bob Smith, resident, quoted in “Council | plan” by "
                      "Jane Doe, The Courier, 2025-03-02. <https://example.com/plan>\n")
    assert ap == ("# Quotes\n\n> “+1 for the roads,” Bob Smith, resident, said, as reported by Jane Doe of The "
                  "Courier on March 2, 2025. https://example.com/plan\n")
    lines = people.splitlines()
    assert lines[:4] == ["# People", "", "| name | role | mentions | quotes | articles |", "|---|---|---|---|---|"]
    assert lines[4].startswith("| Ann Cole | council leader | ")
    assert "| Council \\| plan | The Courier | Jane Doe |" in articles       # a | in a cell is escaped


def test_figures_carry_their_sentence_and_article_citation(news_db):
    with open_store(news_db) as store:
        records = list(export.records(store, "figures", export.ids(store, "figures", article_id=council_id(store))))
    money = next(r for r in records if r["kind"] == "money")
    assert money["sentence"] == "The council will spend £1.6bn on roads over 10 years."
    assert money["citation"] == ("£1.6bn: “The council will spend £1.6bn on roads over 10 years.” — “Council | plan” "
                                 "by Jane Doe, The Courier, 2025-03-02. https://example.com/plan")


def test_export_streams_a_page_at_a_time(news_db, monkeypatch):
    """Rows are read PAGE at a time as they are written, never all at once."""
    pages = []
    original = reads.quotes_rows
    monkeypatch.setattr(export, "PAGE", 5)
    monkeypatch.setattr(reads, "quotes_rows", lambda db, ids: pages.append(len(ids)) or original(db, ids))
    with open_store(news_db) as store:
        rows = export.records(store, "quotes", export.ids(store, "quotes"))
        first = next(rows)
        assert pages == [5] and first["quote_id"]
        assert len(list(rows)) == 27
    assert pages == [5] * 5 + [3]


def test_cli_errors_are_one_line_and_the_output_file_is_whole_or_absent(news_db, run, tmp_path):
    out = tmp_path / "out.jsonl"
    for args, message in ((["--since", "2025-13-01"], "--since takes a date as YYYY-MM-DD, not '2025-13-01'"),
                          (["--article", "999"], "no article with id 999"),
                          (["--bom"], "--bom is for --format csv"),
                          (["--format", "xml"], "")):
        result = run("export", "--db", str(news_db), "--output", str(out), *args)
        assert result.exit_code == 1 and result.stderr.startswith("byline: error: ") and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.glob(".out.jsonl.*")) == []
    nowhere = run("export", "--db", str(news_db), "--output", str(tmp_path / "no" / "such" / "dir" / "x.csv"))
    assert nowhere.exit_code == 0           # folders are made
    assert (tmp_path / "no" / "such" / "dir" / "x.csv").exists()


def test_markdown_format_defaults_to_markdown_citations_and_takes_style(news_db, run):
    md = run("export", "--db", str(news_db), "--format", "markdown", "--speaker", "smith").stdout
    assert md.startswith("# Quotes\n\n> “+1 for the roads”\n>\n> — Bob Smith")
    plain = run("export", "--db", str(news_db), "--format", "markdown", "--speaker", "smith", "--style", "plain").stdout
    assert plain == ("# Quotes\n\n> “+1 for the roads” — Bob Smith, resident, quoted in “Council | plan” by Jane Doe, "
                     "The Courier, 2025-03-02. https://example.com/plan\n")


def test_cite_takes_the_ap_style(news_db, run):
    with open_store(news_db) as store:
        quote_id = export.ids(store, "quotes", speaker="smith")[0]
    out = run("cite", str(quote_id), "--db", str(news_db), "--style", "ap").stdout
    assert out == ("“+1 for the roads,” Bob Smith, resident, said, as reported by Jane Doe of The Courier on "
                   "March 2, 2025. https://example.com/plan\n")
