"""What the property tests found, each pinned by a plain example."""
from __future__ import annotations

import json
import os
import math
import sqlite3

from store.db import open_store
from store.extract import extract
from store.extract.text import clean_text
from store.ingest import ingest
from store.readers import read_paths


def test_a_lone_surrogate_from_a_json_escape_is_replaced_not_stored(tmp_path):
    """A JSON record whose text holds "\\ud800" (a half of an emoji cut by some exporter)
    made `byline add` fail with UnicodeEncodeError: SQLite takes UTF-8 only."""
    source = tmp_path / "archive.json"
    source.write_text(json.dumps([{"id": "a1", "title": "T\ud83d", "text": 'Ann Cole said "hi \ud800 there" today.'}]))
    [article] = read_paths([source])
    assert article.text == 'Ann Cole said "hi \ufffd there" today.' and article.title == "T\ufffd"
    with open_store(tmp_path / "s.db") as store:
        summary = ingest(store, [source], workers=1)
    assert summary.added == 1 and not summary.skipped
    assert clean_text("a\udc00b\r\nc") == "a\ufffdb\nc"


def test_a_number_past_the_largest_float_is_no_figure(tmp_path):
    """"999…" (400 nines) read as a figure of value inf: stored as Inf, printed as the
    invalid JSON `Infinity` by `byline figures --json`."""
    text = "It cost " + "9" * 400 + " pounds, he said. Another 5,000 people came."
    figures = extract(text).figures
    assert all(math.isfinite(f.value) for f in figures)
    assert [f.text for f in figures] == ["5,000"]


def test_a_file_name_that_is_not_utf8_or_holds_an_escape_is_stored_as_escapes(tmp_path):
    """A file named in Latin-1 (b"caf\\xe9.txt") made `byline add` fail with
    UnicodeEncodeError (Python holds the byte as a lone surrogate); a name with an escape
    sequence put it in the article's title and path."""
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name in (b"caf\xe9.txt", b"\x1b[31mevil.txt"):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(b"Ann Cole said hello.\n")
    with open_store(tmp_path / "s.db") as store:
        summary = ingest(store, [tmp_path / "in"], workers=1)
    assert summary.added == 2 and not summary.skipped
    rows = sqlite3.connect(tmp_path / "s.db").execute("SELECT title, path, key FROM articles ORDER BY title").fetchall()
    assert [r[0] for r in rows] == ["Caf\\xe9", "\\x1b[31mevil"]
    assert all("\x1b" not in v for r in rows for v in r)


def test_record_metadata_and_ids_are_one_clean_line(tmp_path):
    """A JSON record's id went into the article's path uncleaned (an escape sequence
    included), and a title of "\\r\\n" was kept as a line break rather than no title."""
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "x\x1b[31m1", "title": "\r\n", "author": "Ann\n  Cole",
                                  "text": "Ann Cole said hello."}) + "\n")
    [article] = read_paths([source])
    assert article.id == "x1" and article.path.endswith("a.jsonl#x1")
    assert article.title is None and article.author == "Ann Cole"


def test_quotes_never_cross():
    """An unclosed straight quote cut at its sentence's end crossed a curly quote opened
    inside it: the reader would highlight two spans that overlap without nesting."""
    text = '“we,” Ann Cole said. According to Ann Cole, " we “. According to Ann Cole, ”.'
    spans = [(q.start, q.end) for q in extract(text).quotes]
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1:]:
            assert e1 <= s2 or e2 <= s1 or (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2), spans
    nested = extract('Ann Cole spoke. "She asked me “why now?” and I left," Ann Cole said.').quotes
    assert [q.text for q in nested] == ["She asked me “why now?” and I left,", "why now?"]   # nesting stays
