"""Exports: quotes, people, figures or articles as JSON Lines, CSV or Markdown.

An export is an ordered list of ids (ids(): the command line's filters; the app passes
the ids its pane lists), read a page of rows at a time (records()) and written as they
come (write()): a store of any size is never read into memory at once, only its ids.

Every record has the columns COLUMNS names for its kind, in that order (documented in
the README); quotes and figures carry a citation in the chosen style (store.cite).

CSV is made safe for spreadsheets: a text cell starting with = + - @, a tab or a carriage
return is neutralised with a leading ' (so `=HYPERLINK(...)` stays text); numbers stay
numbers. `bom` starts the file with a UTF-8 byte order mark (Excel then reads it as UTF-8).
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator

from store.cite import cite, cite_article, cite_passage
from store.db import reads
from store.db.sql import connection, select_ids

WHATS = ("quotes", "people", "figures", "articles")
FORMATS = ("jsonl", "csv", "markdown")
SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "markdown": ".md"}
PAGE = 500                     # rows read at a time
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("quote_id", "text", "speaker", "speaker_type", "likely", "via", "role", "confidence", "decision",
               "kind", "cue", "checked", "article_id", "title", "outlet", "author", "published", "url", "citation"),
    "people": ("person_id", "name", "role", "mentions", "quotes", "articles"),
    "figures": ("figure_id", "figure", "kind", "value", "unit", "qualifier", "about", "sentence", "article_id",
                "title", "outlet", "author", "published", "url", "citation"),
    "articles": ("article_id", "title", "outlet", "author", "published", "url", "path", "people", "quotes",
                 "figures", "citation"),
}


# ---- which rows: the listing commands' filters ------------------------------------

def ids(store, what: str, speaker: str | None = None, article_id: int | None = None,
        since: str | None = None) -> list[int]:
    """The ids an export of `what` holds, in the listing commands' order. speaker: quotes
    by that person or organisation (as `byline quotes --speaker`); people by that name (as
    `byline people --name`); figures and articles in the articles that mention them.
    article_id: in that article. since (YYYY-MM-DD): in articles published that day or
    later (undated articles are left out)."""
    check_what(what)
    where, params = _in_articles(what, article_id, since)
    if what == "quotes":
        found = reads.quote_filter(store, speaker)
        if found is None:
            return []
        where, params = where + found[0], params + found[1]
        return _select(store, "SELECT q.id FROM quotes q", where, params, "q.article_id, q.char_start")
    if speaker:
        named = reads.person_ids_named(store, speaker)
        if not named:
            return []
        marks = ",".join("?" * len(named))
        where.append(f"p.id IN ({marks})" if what == "people" else
                     _in(what, f"SELECT article_id FROM article_people WHERE person_id IN ({marks})"))
        params += named
    table = {"people": "people p", "figures": "figures f", "articles": "articles a"}[what]
    order = {"people": "p.mentions DESC, p.name", "figures": "f.article_id, f.char_start",
             "articles": "a.published IS NULL, a.published DESC, a.id"}[what]
    return _select(store, f"SELECT {table[-1]}.id FROM {table}", where, params, order)


def _in(what: str, articles: str) -> str:
    """A clause keeping the rows of `what` that belong to the articles a subquery selects."""
    if what == "people":
        return f"p.id IN (SELECT person_id FROM article_people WHERE article_id IN ({articles}))"
    return {"quotes": "q.article_id", "figures": "f.article_id", "articles": "a.id"}[what] + f" IN ({articles})"


def _in_articles(what: str, article_id: int | None, since: str | None) -> tuple[list[str], list]:
    """Clauses keeping the rows of one article, or of the articles published since a date."""
    clauses, params = [], []
    if article_id is not None:
        clauses.append("id = ?")
        params.append(article_id)
    if since is not None:
        clauses.append("published >= ?")
        params.append(check_since(since))
    if not clauses:
        return [], []
    return [_in(what, "SELECT id FROM articles WHERE " + " AND ".join(clauses))], params


def _select(store, sql: str, where: list[str], params: list, order: str) -> list[int]:
    return select_ids(store, sql + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}", params)


def check_since(since: str) -> str:
    """A --since date as YYYY-MM-DD; ValueError for anything else."""
    try:
        return date.fromisoformat(since.strip()).isoformat()
    except ValueError:
        raise ValueError(f"--since takes a date as YYYY-MM-DD, not {since!r}") from None


def check_what(what: str) -> None:
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")


# ---- the rows: a page at a time ----------------------------------------------------

def records(db, what: str, row_ids: list[int], style: str = "plain") -> Iterator[dict]:
    """The export's records for row_ids, in that order, read PAGE rows at a time."""
    check_what(what)
    fetch = {"quotes": reads.quotes_rows, "people": reads.people_rows, "figures": reads.figures_rows,
             "articles": reads.articles_rows}[what]
    for start in range(0, len(row_ids), PAGE):
        for row in fetch(db, row_ids[start:start + PAGE]):
            yield _RECORD[what](db, row, style)


def _quote_record(db, row: dict, style: str) -> dict:
    speaker = row.get("speaker") or row.get("organisation") or row.get("described")
    kind = ("person" if row.get("speaker") else "organisation" if row.get("organisation") else
            "unnamed" if row.get("described") else "unconfirmed" if row.get("likely") else "unknown")
    return {"quote_id": row["id"], "text": row.get("text"), "speaker": speaker, "speaker_type": kind,
            "likely": row.get("likely"), "via": row.get("via"), "role": row.get("role") if row.get("speaker") else None,
            "confidence": row.get("confidence"), "decision": row.get("decision"), "kind": row.get("kind"),
            "cue": row.get("cue"), "checked": row.get("checked", False), **_article_fields(row),
            "citation": cite(row, style)}


def _person_record(db, row: dict, style: str) -> dict:
    return {"person_id": row["id"], **{c: row.get(c) for c in COLUMNS["people"][1:]}}


def _figure_record(db, row: dict, style: str) -> dict:
    sentence, citation = figure_citation(db, row, style)
    return {"figure_id": row["id"], "figure": row.get("text"),
            **{c: row.get(c) for c in ("kind", "value", "unit", "qualifier", "about")},
            "sentence": sentence, **_article_fields(row), "citation": citation}


def figure_citation(db, row: dict, style: str = "plain") -> tuple[str | None, str]:
    """A figure's sentence (None where the store has none) and the figure cited with it
    (row: as reads.figures_rows gives it)."""
    found = reads.figure_sentence(db, row)
    sentence = found[0] if found else None
    return sentence, cite_passage(sentence or row.get("text") or "", row, style, figure=row.get("text"))


def _article_record(db, row: dict, style: str) -> dict:
    fields = _article_fields({**row, "article_id": row["id"]})
    return {**fields, "path": row.get("path"), **{c: row.get(c) for c in ("people", "quotes", "figures")},
            "citation": cite_article(row, style)}


def _article_fields(row: dict) -> dict:
    return {"article_id": row.get("article_id"), "title": row.get("title"), "outlet": row.get("source"),
            "author": row.get("author"), "published": row.get("published"), "url": row.get("url")}


_RECORD = {"quotes": _quote_record, "people": _person_record, "figures": _figure_record,
           "articles": _article_record}


# ---- writing -------------------------------------------------------------------------

def write(out: IO[str], fmt: str, what: str, rows: Iterable[dict], bom: bool = False) -> int:
    """Write the records to out (a text stream) as fmt; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if bom:
        out.write("\ufeff")
    return {"jsonl": _jsonl, "csv": _csv, "markdown": _markdown}[fmt](out, what, rows)


def _jsonl(out: IO[str], what: str, rows: Iterable[dict]) -> int:
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def _csv(out: IO[str], what: str, rows: Iterable[dict]) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS[what])
    n = 0
    for n, row in enumerate(rows, 1):
        writer.writerow([spreadsheet_cell(row[c]) for c in COLUMNS[what]])
    return n


def spreadsheet_cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a
    leading ', numbers are written as numbers, booleans as true/false, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _markdown(out: IO[str], what: str, rows: Iterable[dict]) -> int:
    """Quotes and figures as blockquotes, each with its citation; people and articles as a table."""
    out.write(f"# {what.capitalize()}\n")
    n = 0
    if what in ("quotes", "figures"):
        for n, row in enumerate(rows, 1):
            out.write("\n" + blockquote(row["citation"]) + "\n")
        return n
    columns = COLUMNS[what][1:] if what == "people" else COLUMNS[what][1:-1]
    out.write("\n| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
    for n, row in enumerate(rows, 1):
        out.write("| " + " | ".join(_table_cell(row[c]) for c in columns) + " |\n")
    return n


def blockquote(text: str) -> str:
    """text as a Markdown blockquote (a citation in the markdown style already is one)."""
    if text.startswith("> "):
        return text
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def _table_cell(value) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()).replace("\\", "\\\\").replace("|", "\\|")


# ---- to a file -------------------------------------------------------------------------

def to_file(path: Path, fmt: str, what: str, rows: Iterable[dict], bom: bool = False) -> int:
    """Write an export to path, whole or not at all: it is written beside it first and
    moved into place once complete. Returns how many records it holds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as out:
            n = write(out, fmt, what, rows, bom)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return n


def export_path(folder: Path, what: str, fmt: str, stamp: str) -> Path:
    """A new file in folder for an export ("quotes-20250302-101500.csv"; "-2" etc. if taken)."""
    path = Path(folder) / f"{what}-{stamp}{SUFFIXES[fmt]}"
    n = 1
    while path.exists():
        n += 1
        path = Path(folder) / f"{what}-{stamp}-{n}{SUFFIXES[fmt]}"
    return path


def article_exists(store, article_id: int) -> bool:
    """Is there an article with this id?"""
    return connection(store).execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None
