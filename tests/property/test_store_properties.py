"""The store over any article a reader can make: the write never fails, every stored
offset (sentences, mentions, quotes and their cues, figures) points at the stored text it
claims, and nothing the command line prints from it carries an escape code."""
from __future__ import annotations

import itertools
import json
import math
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from store.db import ArticleRecord, open_store
from store.extract import extract
from store.extract.text import clean_text
from store.model import Article
from store.readers.common import one_line
from tests.property.strategies import SURROGATES, news_text, safe_line
from tui.cli import main

_serial = itertools.count()


@pytest.fixture(scope="module")
def store_path():
    """One store for every example of the module (a new one per example would cost more
    than the example)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "byline.db"
        open_store(path).close()
        yield path


def _add(path: Path, raw: str, title: str) -> int:
    """Write the article as ingest would (cleaned text and metadata); its id."""
    n = next(_serial)
    text = clean_text(raw) + f"\n\nArticle {n}."       # every example a new article
    article = Article(text=text, title=one_line(title), path=f"/in/{n}.txt", author=one_line(title))
    with open_store(path) as store:
        store.write([ArticleRecord(article.path, article, extract(text))])
        return store.conn.execute("SELECT id FROM articles WHERE key = ?", (article.path,)).fetchone()[0]


# spans of the text as written: a hard-wrapped paragraph keeps its line breaks in them
AS_WRITTEN = {("articles", "text"), ("article_people", "forms"), ("mentions", "form"), ("quotes", "text"),
              ("quotes", "cue"), ("quotes", "described"), ("quotes", "source"), ("figures", "text"),
              ("figures", "about")}


@given(news_text, news_text)
def test_every_stored_offset_points_at_the_stored_text(store_path, raw, title):
    aid = _add(store_path, raw, title)
    conn = sqlite3.connect(store_path)
    try:
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        for table, column in (("sentences", "text"), ("mentions", "form"), ("quotes", "text"),
                              ("figures", "text")):
            for s, e, value in conn.execute(
                    f"SELECT char_start, char_end, {column} FROM {table} WHERE article_id = ?", (aid,)):
                assert 0 <= s <= e <= len(text) and text[s:e] == value, (table, s, e, value)
        quotes = conn.execute("SELECT char_start, char_end, cue_start, cue_end, cue FROM quotes"
                              " WHERE article_id = ? ORDER BY char_start", (aid,)).fetchall()
        for s, e, cs, ce, cue in quotes:
            if cue is not None:
                assert text[cs:ce] == cue
        for i, (s1, e1, *_) in enumerate(quotes):      # apart or nested, never crossing
            for s2, e2, *_ in quotes[i + 1:]:
                assert e1 <= s2 or e2 <= e1, ("quotes cross", s1, e1, s2, e2)
        for (value,) in conn.execute("SELECT value FROM figures WHERE article_id = ?", (aid,)):
            assert math.isfinite(value)
        # everything the app and the command line draw comes from these columns
        for table, where in (("articles", "id = ?"), ("article_people", "article_id = ?"),
                             ("quotes", "article_id = ?"), ("figures", "article_id = ?"),
                             ("mentions", "article_id = ?"),
                             ("people", "id IN (SELECT person_id FROM article_people WHERE article_id = ?)")):
            cur = conn.execute(f"SELECT * FROM {table} WHERE {where}", (aid,))
            names = [d[0] for d in cur.description]
            for row in cur:
                for name, value in zip(names, row):
                    if isinstance(value, str):
                        assert safe_line(value, newlines=(table, name) in AS_WRITTEN), (table, name, value)
    finally:
        conn.close()


# a printed escape sequence: ESC or CSI, or any other control but a line end
_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# six command-line runs an example: a tenth of the profile's examples (never under 30)
@settings(max_examples=max(30, settings().max_examples // 10))
@given(news_text, news_text)
def test_nothing_the_command_line_prints_carries_an_escape_code(store_path, raw, title):
    _add(store_path, raw, title)
    runner = CliRunner()
    db = str(store_path)
    outputs = [runner.invoke(main, [command, "--db", db, "--limit", "5"])
               for command in ("people", "quotes", "figures", "articles")]
    quote_ids = [row["id"] for row in json.loads(runner.invoke(main, ["quotes", "--db", db, "--json",
                                                                      "--limit", "3"]).output)]
    outputs += [runner.invoke(main, ["cite", str(q), "--db", db]) for q in quote_ids]
    words = clean_text(raw).split()
    if words:
        outputs.append(runner.invoke(main, ["search", words[0][:20], "--db", db, "--limit", "5"]))
    for result in outputs:
        assert result.exit_code in (0, 1), result.output
        assert not _TERMINAL.search(result.output), repr(result.output)
        assert not SURROGATES.search(result.output)
