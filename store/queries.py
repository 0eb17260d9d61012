"""Read queries shared by the command line and the app. Every list is paged (LIMIT and
OFFSET); nothing here returns all rows. Rows are plain dicts with readable keys.

Each function takes a Store, a sqlite_utils.Database or a sqlite3.Connection.
"""
from __future__ import annotations

import json
import sqlite3


def _conn(store) -> sqlite3.Connection:
    while not isinstance(store, sqlite3.Connection):
        store = store.conn if hasattr(store, "conn") else store.db
    return store


def _rows(store, sql: str, params=()) -> list[dict]:
    cur = _conn(store).execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def speaker_label(row: dict) -> str:
    """Who said a quote, as every screen and table writes it: the person; else the
    organisation the text names as its source, marked as such (never shown as if it were
    a person); else "unknown speaker"."""
    if row.get("speaker"):
        return row["speaker"]
    if row.get("organisation"):
        return " ".join(row["organisation"].split()) + " (organisation)"
    return "unknown speaker"


def counts(store) -> dict[str, int]:
    return {t: _conn(store).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "people", "quotes", "figures")}


_PEOPLE = "SELECT p.id, p.name, p.gender, p.role, p.mentions, p.quotes, p.articles FROM people p"


def people(store, name: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """People, most mentioned first. name filters: a substring of the name, or failing
    that the closest names by fuzzy match ("zelensky" finds "Volodymyr Zelenskyy")."""
    where, params = "", []
    if name:
        where, params = "WHERE p.name LIKE ? ESCAPE '\\'", [_like(name)]
    ids = [r[0] for r in _conn(store).execute(
        f"SELECT p.id FROM people p {where} ORDER BY p.mentions DESC, p.name LIMIT ? OFFSET ?",
        (*params, limit, offset))]
    if name and not ids and not offset:
        ids = fuzzy_person_ids(store, name, limit)
    return people_rows(store, ids)


def people_rows(store, ids: list[int]) -> list[dict]:
    """People by id, in the order of ids."""
    if not ids:
        return []
    found = {r["id"]: r for r in _rows(store, _PEOPLE + f" WHERE p.id IN ({','.join('?' * len(ids))})", ids)}
    return [found[i] for i in ids if i in found]


def fuzzy_person_ids(store, name: str, limit: int = 10, cutoff: float = 75) -> list[int]:
    """Ids of the people whose names best match name, best first (a scan of the names:
    tens of milliseconds for 100,000 people)."""
    from rapidfuzz import fuzz, process     # here: the app's start-up needs no rapidfuzz

    names = {r[0]: r[1] for r in _conn(store).execute("SELECT id, name FROM people")}
    hits = process.extract(name, names, scorer=fuzz.WRatio, processor=str.lower, limit=limit, score_cutoff=cutoff)
    return [key for _, _, key in hits]


_QUOTES = """
SELECT q.id, q.article_id, q.person_id, p.name AS speaker, q.source AS organisation, ap.role AS role,
    q.text, q.kind, q.cue, q.sieve, q.char_start, q.char_end, q.cue_start, q.cue_end,
    a.title, a.source, a.url, a.published, a.author, a.path
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN people p ON p.id = q.person_id
LEFT JOIN article_people ap ON ap.article_id = q.article_id AND ap.person_id = q.person_id
"""


def quotes(store, speaker: str | None = None, person_id: int | None = None, article_id: int | None = None,
           limit: int = 50, offset: int = 0) -> list[dict]:
    """Quotes in article order. speaker filters by name (substring, else fuzzy); the
    speaker key is None when byline knows no person who said it, and "organisation" then
    holds the organisation the text names as the source, if any ("source" is the outlet
    that published the article)."""
    where, params = [], []
    if speaker:
        ids = [r[0] for r in _conn(store).execute("SELECT id FROM people WHERE name LIKE ? ESCAPE '\\'",
                                                   (_like(speaker),))]
        # an organisation the text names as the source matches too ("PolitiFact")
        orgs = _conn(store).execute("SELECT 1 FROM quotes WHERE source LIKE ? ESCAPE '\\' LIMIT 1",
                                    (_like(speaker),)).fetchone()
        ids = ids or ([] if orgs else fuzzy_person_ids(store, speaker))
        if not ids and not orgs:
            return []
        where.append(f"(q.person_id IN ({','.join('?' * len(ids))}) OR q.source LIKE ? ESCAPE '\\')")
        params += [*ids, _like(speaker)]
    if person_id is not None:
        where.append("q.person_id = ?")
        params.append(person_id)
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    sql = _QUOTES + (" WHERE " + " AND ".join(where) if where else "")
    return _rows(store, sql + " ORDER BY q.article_id, q.char_start LIMIT ? OFFSET ?", (*params, limit, offset))


def quote(store, quote_id: int) -> dict | None:
    rows = _rows(store, _QUOTES + " WHERE q.id = ?", (quote_id,))
    return rows[0] if rows else None


def figures(store, kind: str | None = None, article_id: int | None = None,
            limit: int = 50, offset: int = 0) -> list[dict]:
    where, params = [], []
    if kind:
        where.append("f.kind = ?")
        params.append(kind)
    if article_id is not None:
        where.append("f.article_id = ?")
        params.append(article_id)
    sql = ("SELECT f.id, f.article_id, f.text, f.kind, f.value, f.unit, f.qualifier, f.about,"
           " f.char_start, f.char_end, a.title FROM figures f JOIN articles a ON a.id = f.article_id"
           + (" WHERE " + " AND ".join(where) if where else ""))
    return _rows(store, sql + " ORDER BY f.article_id, f.char_start LIMIT ? OFFSET ?", (*params, limit, offset))


_ARTICLES = """
SELECT a.id, a.key, a.title, a.source, a.url, a.published, a.author, a.path, a.added_at,
    length(a.text) AS chars,
    (SELECT count(*) FROM article_people WHERE article_id = a.id) AS people,
    (SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes,
    (SELECT count(*) FROM figures WHERE article_id = a.id) AS figures
FROM articles a
"""


def articles(store, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles, newest published first (undated ones last, in the order added)."""
    return _rows(store, _ARTICLES + " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
                 (limit, offset))


def article(store, article_id: int) -> dict | None:
    """One article with its text and its people (name, role, forms)."""
    rows = _rows(store, _ARTICLES.replace("a.added_at,", "a.added_at, a.text,") + " WHERE a.id = ?", (article_id,))
    if not rows:
        return None
    row = rows[0]
    row["people_list"] = [
        {**r, "forms": json.loads(r["forms"] or "[]")}
        for r in _rows(store, "SELECT p.id, p.name, ap.role, ap.mentions, ap.forms FROM article_people ap"
                              " JOIN people p ON p.id = ap.person_id WHERE ap.article_id = ?"
                              " ORDER BY ap.mentions DESC, p.name", (article_id,))
    ]
    return row
