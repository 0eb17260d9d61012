"""The app's ordered id lists and their typo-tolerant filters: each pane resolves its
list to ids in one query (people_ids, quotes_ids, ...), narrowed by the `f` filter's
words, and counts what it lists with no filter (total)."""
from __future__ import annotations

import bisect
import re
import sqlite3
import threading
from typing import Callable

from .sql import connection, narrow, query_words, select_ids

FIGURE_SORTS = ("value", "kind", "unit", "about", "article")


# ---- typo-tolerant filters --------------------------------------------------------
#
# Every pane's `f` filter works the same way: the words as typed first (each a substring
# of one of the pane's fields; People also takes a name's letters in order, "strmr").
# Only when that finds nothing is each word widened to its close spellings (rapidfuzz,
# one or two edits, a swap of two letters counting as one) among the words the store
# knows: the search vocabulary (every word of every sentence) and people's names. The
# result says which spellings it used, and the pane shows them.

class Matches(list):
    """The ids a filter kept; `spellings` are the close spellings it used for the words
    that matched nothing as typed (empty when it took them as typed)."""

    def __init__(self, ids=(), spellings: dict[str, list[str]] | None = None) -> None:
        super().__init__(ids)
        self.spellings = spellings or {}


_VOCABULARY: dict[tuple[str, str], tuple[tuple, list[str]]] = {}
_VOCABULARY_LOCK = threading.Lock()
MAX_SPELLINGS = 8


def _database_file(db) -> str:
    row = next((r for r in connection(db).execute("PRAGMA database_list") if r[1] == "main"), None)
    return (row[2] if row else "") or f"memory:{id(connection(db))}"


def _vocabulary(db, kind: str) -> list[str]:
    """The known words of one kind ("terms": the search vocabulary; "names": words of
    people's names), lower case; read once per store and again when it has grown."""
    conn = connection(db)
    if kind == "names":
        stamp = tuple(conn.execute("SELECT max(id), count(*) FROM people").fetchone())
    else:
        stamp = tuple(conn.execute("SELECT max(id) FROM sentences").fetchone())
    key = (_database_file(db), kind)
    with _VOCABULARY_LOCK:
        cached = _VOCABULARY.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    if kind == "names":
        joined = conn.execute("SELECT group_concat(name, ' ') FROM people").fetchone()[0] or ""
    else:
        joined = ""
        for source in ("search_terms", "sentences_vocab"):      # the saved copy, else the index itself
            try:
                joined = conn.execute(f"SELECT group_concat(term, ' ') FROM {source}").fetchone()[0] or ""
            except sqlite3.Error:
                continue
            if joined:
                break
    words = sorted({w for w in re.findall(r"\w[\w'’.-]*\w|\w", joined.lower()) if len(w) >= 3})
    with _VOCABULARY_LOCK:
        _VOCABULARY[key] = (stamp, words)
    return words


def close_spellings(db, words: list[str], kinds: tuple[str, ...] = ("terms", "names")) -> dict[str, list[str]]:
    """For each word of three letters or more, the known words nearest to it within one
    edit (up to five letters) or two; a word the store knows as typed gets none."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    vocabularies = [_vocabulary(db, kind) for kind in kinds]      # each sorted

    def known(word: str) -> bool:
        return any(i < len(v) and v[i] == word for v in vocabularies for i in [bisect.bisect_left(v, word)])

    out: dict[str, list[str]] = {}
    for word in words:
        if len(word) < 3 or known(word):
            out[word] = []
            continue
        edits = 1 if len(word) <= 5 else 2
        hits = [hit for v in vocabularies
                for hit in process.extract(word, v, scorer=OSA.distance, score_cutoff=edits, limit=MAX_SPELLINGS * 4)]
        nearest = min((d for _, d, _ in hits), default=None)      # only the nearest: one edit beats two
        ranked = sorted({w for w, d, _ in hits if d == nearest}, key=lambda w: (abs(len(w) - len(word)), w))
        out[word] = ranked[:MAX_SPELLINGS]
    return out


def _filtered(db, query: str, columns: list[str], run: Callable[[str, list], list[int]],
              subsequence: bool = False) -> Matches:
    """The ids run(where, params) selects for the query's words as typed; failing that,
    for their close spellings (see above)."""
    where, params = narrow(columns, query, subsequence)
    ids = run(where, params)
    words = query_words(query)
    if ids or not words:
        return Matches(ids)
    spellings = {w: s for w, s in close_spellings(db, words).items() if s}
    if not spellings:
        return Matches(ids)
    where, params = narrow(columns, query, subsequence, spellings)
    return Matches(run(where, params), spellings)


def _ranked(db, sql: str, params: list, query: str) -> list[int]:
    """Ids from (id, label) rows, best fuzzy match of label to query first; ties keep
    the SQL order."""
    if not query.strip():
        return select_ids(db, sql, params)
    rows = connection(db).execute(sql, params).fetchall()
    from rapidfuzz import fuzz, process       # only when narrowing: keeps start-up light

    scored = process.extract(query.lower(), [(r[1] or "").lower() for r in rows],
                             scorer=fuzz.WRatio, limit=None)
    order = sorted(scored, key=lambda hit: (-hit[1], hit[2]))
    return [rows[hit[2]][0] for hit in order]


# ---- ordered id lists -------------------------------------------------------------

def people_ids(db, query: str = "") -> list[int]:
    """People, most mentioned first (on the people(mentions, name) index); narrowed and
    ranked by a fuzzy match on the name (typos forgiven: see _filtered)."""
    def run(where: str, params: list) -> list[int]:
        sql = f"SELECT p.id, p.name FROM people p WHERE {where} ORDER BY p.mentions DESC, p.name"
        return _ranked(db, sql, params, query)

    return _filtered(db, query, ["p.name"], run, subsequence=True)


def quotes_ids(db, query: str = "", person_id: int | None = None, article_id: int | None = None) -> list[int]:
    """Quotes in the order their articles were added, in reading order inside each (the
    article_id index gives this order without sorting); narrowed by words of the quote
    text, the speaker's name or the source's (an organisation, an unnamed source's
    description, a withheld guess: those rows say what they are)."""
    def run(where: str, params: list) -> list[int]:
        if person_id is not None:
            where += " AND q.person_id = ?"
            params.append(person_id)
        if article_id is not None:
            where += " AND q.article_id = ?"
            params.append(article_id)
        join = "LEFT JOIN people p ON p.id = q.person_id" if query.strip() else ""
        return select_ids(db, f"SELECT q.id FROM quotes q {join} WHERE {where} ORDER BY q.article_id, q.id", params)

    return _filtered(db, query, QUOTE_FILTER, run)


def figures_ids(db, query: str = "", person_id: int | None = None, sort: str = "article",
                descending: bool = False) -> list[int]:
    """Figures sorted by one of FIGURE_SORTS ("value": within each unit, the units in
    alphabetical order); with a person, only figures in the articles that mention them."""
    if sort not in FIGURE_SORTS:
        raise ValueError(f"cannot sort figures by {sort!r}; choose one of {', '.join(FIGURE_SORTS)}")
    direction = "DESC" if descending else "ASC"
    # values compare only within a unit (£537bn is not between $498bn and $718bn: byline
    # converts no currency), so by value means by unit first, figures without one last
    key = {"article": f"f.article_id {direction}, f.id {direction}",
           "about": f"f.about IS NULL, f.about COLLATE NOCASE {direction}",
           "value": f"f.unit IS NULL, f.unit COLLATE NOCASE, f.value {direction}",
           }.get(sort, f"f.{sort} {direction}")

    def run(where: str, params: list) -> list[int]:
        if person_id is not None:
            where += " AND f.article_id IN (SELECT article_id FROM article_people WHERE person_id = ?)"
            params.append(person_id)
        return select_ids(db, f"SELECT f.id FROM figures f WHERE {where} ORDER BY {key}, f.id", params)

    return _filtered(db, query, FIGURE_FILTER, run)


def articles_ids(db, query: str = "") -> list[int]:
    """Articles, newest first; narrowed by words of the title or the outlet."""
    def run(where: str, params: list) -> list[int]:
        return select_ids(db, f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC, a.id DESC", params)

    return _filtered(db, query, ARTICLE_FILTER, run)


# the columns each list's filter matches (the panes say so in their filter box)
QUOTE_FILTER = ["q.text", "p.name", "q.source", "q.described", "q.likely"]
FIGURE_FILTER = ["f.text", "f.about", "f.unit"]
ARTICLE_FILTER = ["a.title", "a.source", "a.path"]


def total(db, pane: str, person_id: int | None = None) -> int:
    """How many rows a pane lists with no filter (for "87 of 25,000")."""
    conn = connection(db)
    if pane == "quotes" and person_id is not None:
        return conn.execute("SELECT count(*) FROM quotes WHERE person_id = ?", (person_id,)).fetchone()[0]
    if pane == "figures" and person_id is not None:
        return conn.execute("SELECT count(*) FROM figures WHERE article_id IN"
                            " (SELECT article_id FROM article_people WHERE person_id = ?)", (person_id,)).fetchone()[0]
    table = {"people": "people", "quotes": "quotes", "figures": "figures", "articles": "articles"}[pane]
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def quotes_ids_by_date(db, query: str = "", person_id: int | None = None, newest_first: bool = True) -> Matches:
    """quotes_ids sorted by their article's date (undated articles last either way);
    quotes of one date keep quotes_ids' order (article, then reading order)."""
    ids = quotes_ids(db, query, person_id=person_id)
    where, params = ("WHERE q.person_id = ?", (person_id,)) if person_id is not None else ("", ())
    dates = dict(connection(db).execute(
        f"SELECT q.id, a.published FROM quotes q JOIN articles a ON a.id = q.article_id {where}", params))
    dated = [i for i in ids if dates.get(i)]
    dated.sort(key=dates.__getitem__, reverse=newest_first)     # stable: ties keep their order
    return Matches(dated + [i for i in ids if not dates.get(i)], getattr(ids, "spellings", None))
