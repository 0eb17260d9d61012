"""What every read shares: the connection behind whatever it is given, rows as dicts,
id lists as one query, and the LIKE patterns the filters and lookups narrow by."""
from __future__ import annotations

import sqlite3

from .labels import METADATA, given


def connection(store) -> sqlite3.Connection:
    """The sqlite3 connection behind a Store, a sqlite_utils.Database or a connection."""
    while not isinstance(store, sqlite3.Connection):
        store = store.conn if hasattr(store, "conn") else store.db
    return store


def dict_rows(store, sql: str, params=()) -> list[dict]:
    """The rows sql selects, as dicts keyed by column name; an article's metadata that
    stands for a missing value ("None", "null") comes back as None."""
    cur = connection(store).execute(sql, params)
    names = [d[0] for d in cur.description]
    meta = [n for n in names if n in METADATA]
    rows = [dict(zip(names, row)) for row in cur]
    for row in rows if meta else ():
        for name in meta:
            value = row[name]
            if isinstance(value, str) and len(value) <= 9:       # only short strings can be placeholders
                row[name] = given(value)
    return rows

def select_ids(db, sql: str, params=()) -> list[int]:
    """The ids sql selects, in its order. They come back as one string: a row at a time,
    each row takes the GIL back, and while the app draws that is a wait per row."""
    joined = connection(db).execute(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()[0]
    return list(map(int, joined.split(","))) if joined else []


def query_words(query: str) -> list[str]:
    return [w for w in query.lower().split() if w]


def like_pattern(word: str, subsequence: bool) -> str:
    """A LIKE pattern: the word as a substring, or (for short fields such as names)
    its letters in order with anything between them, so "strmr" finds "Starmer"."""
    escaped = [("\\" + c) if c in "%_\\" else c for c in word]
    return "%" + ("%".join(escaped) if subsequence else "".join(escaped)) + "%"


def narrow(columns: list[str], query: str, subsequence: bool,
            spellings: dict[str, list[str]] | None = None) -> tuple[str, list]:
    """SQL that keeps rows where every query word matches one of the columns (as typed, or
    as one of its close spellings, each a plain substring)."""
    clauses, params = [], []
    for word in query_words(query):
        patterns = [like_pattern(word, subsequence)] + [like_pattern(s, False) for s in (spellings or {}).get(word, [])]
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for _ in patterns for c in columns) + ")")
        params.extend(p for p in patterns for _ in columns)
    return (" AND ".join(clauses) or "1"), params
