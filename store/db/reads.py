"""Every read query of the command line and the app: plain SQL over the store, rows as
plain dicts with readable keys; nothing here knows about screens. Each function takes a
Store, a sqlite_utils.Database or a sqlite3.Connection.

The command line reads pages (LIMIT and OFFSET: nothing here returns all rows). The app
first resolves a list to its ordered ids (people_ids, ...: one query, cheap even at
100,000 rows), then fetches rows by id a page at a time (people_rows, ...): jumping to
any position, or counting, never scans again. Then the rows behind a detail view.
"""
from __future__ import annotations

import bisect
import json
import re
import sqlite3
import threading
from concurrent.futures import Future
from typing import Callable

FIGURE_SORTS = ("value", "kind", "unit", "about", "article")


def connection(store) -> sqlite3.Connection:
    """The sqlite3 connection behind a Store, a sqlite_utils.Database or a connection."""
    while not isinstance(store, sqlite3.Connection):
        store = store.conn if hasattr(store, "conn") else store.db
    return store


# An article's metadata as some archives write a missing value: the string "None" (a
# Python None printed into JSON), "null", "N/A"... These read as missing everywhere.
METADATA = ("title", "source", "url", "published", "author")
MISSING = frozenset({"none", "null", "nil", "nan", "n/a", "na", "undefined", "-", "--", "?"})


def given(value):
    """A metadata value, or None where it is missing or a placeholder for missing."""
    if value is None or (isinstance(value, str) and value.strip().lower() in MISSING | {""}):
        return None
    return value


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


# ---- pages, for the command line ----------------------------------------------

def counts(store) -> dict[str, int]:
    return {t: connection(store).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "people", "quotes", "figures")}


_PEOPLE = "SELECT p.id, p.name, p.gender, p.role, p.mentions, p.quotes, p.articles FROM people p"


def people(store, name: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """People, most mentioned first. name filters: a substring of the name, or failing
    that the closest names by fuzzy match ("zelensky" finds "Volodymyr Zelenskyy")."""
    where, params = "", []
    if name:
        where, params = "WHERE p.name LIKE ? ESCAPE '\\'", [_pattern(name, subsequence=False)]
    ids = [r[0] for r in connection(store).execute(
        f"SELECT p.id FROM people p {where} ORDER BY p.mentions DESC, p.name LIMIT ? OFFSET ?",
        (*params, limit, offset))]
    if name and not ids and not offset:
        ids = fuzzy_person_ids(store, name, limit)
    return people_rows(store, ids)


def people_rows(store, ids: list[int]) -> list[dict]:
    """People by id, in the order of ids."""
    if not ids:
        return []
    found = {r["id"]: r for r in dict_rows(store, _PEOPLE + f" WHERE p.id IN ({','.join('?' * len(ids))})", ids)}
    return [found[i] for i in ids if i in found]


def fuzzy_person_ids(store, name: str, limit: int = 10, cutoff: float = 75) -> list[int]:
    """Ids of the people whose names best match name, best first (a scan of the names:
    tens of milliseconds for 100,000 people)."""
    from rapidfuzz import fuzz, process     # here: the app's start-up needs no rapidfuzz

    names = {r[0]: r[1] for r in connection(store).execute("SELECT id, name FROM people")}
    hits = process.extract(name, names, scorer=fuzz.WRatio, processor=str.lower, limit=limit, score_cutoff=cutoff)
    return [key for _, _, key in hits]


_QUOTES = """
SELECT q.id, q.article_id, q.person_id, p.name AS speaker, q.source AS organisation, ap.role AS role,
    q.text, q.kind, q.cue, q.sieve, q.char_start, q.char_end, q.cue_start, q.cue_end,
    q.confidence, q.decision, q.likely, q.described,
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
    that published the article), "described" how the text describes an unnamed source
    ("a council spokesperson"), and "likely" a person guessed with too little confidence
    to be named the speaker. "confidence" (0..1) is how often byline's kind of decision
    ("decision") was right on annotated articles; None where it named nobody, and for
    quotes stored before byline measured it."""
    where, params = [], []
    if speaker:
        ids = [r[0] for r in connection(store).execute("SELECT id FROM people WHERE name LIKE ? ESCAPE '\\'",
                                                   (_pattern(speaker, subsequence=False),))]
        # an organisation the text names as the source matches too ("PolitiFact")
        orgs = connection(store).execute("SELECT 1 FROM quotes WHERE source LIKE ? ESCAPE '\\' LIMIT 1",
                                    (_pattern(speaker, subsequence=False),)).fetchone()
        ids = ids or ([] if orgs else fuzzy_person_ids(store, speaker))
        if not ids and not orgs:
            return []
        where.append(f"(q.person_id IN ({','.join('?' * len(ids))}) OR q.source LIKE ? ESCAPE '\\')")
        params += [*ids, _pattern(speaker, subsequence=False)]
    if person_id is not None:
        where.append("q.person_id = ?")
        params.append(person_id)
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    sql = _QUOTES + (" WHERE " + " AND ".join(where) if where else "")
    return dict_rows(store, sql + " ORDER BY q.article_id, q.char_start LIMIT ? OFFSET ?", (*params, limit, offset))


def quote(store, quote_id: int) -> dict | None:
    rows = dict_rows(store, _QUOTES + " WHERE q.id = ?", (quote_id,))
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
    return dict_rows(store, sql + " ORDER BY f.article_id, f.char_start LIMIT ? OFFSET ?", (*params, limit, offset))


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
    return dict_rows(store, _ARTICLES + " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
                 (limit, offset))


def article(store, article_id: int) -> dict | None:
    """One article with its text and its people (name, role, forms)."""
    rows = dict_rows(store, _ARTICLES.replace("a.added_at,", "a.added_at, a.text,") + " WHERE a.id = ?", (article_id,))
    if not rows:
        return None
    row = rows[0]
    row["people_list"] = [
        {**r, "forms": json.loads(r["forms"] or "[]")}
        for r in dict_rows(store, "SELECT p.id, p.name, ap.role, ap.mentions, ap.forms FROM article_people ap"
                              " JOIN people p ON p.id = ap.person_id WHERE ap.article_id = ?"
                              " ORDER BY ap.mentions DESC, p.name", (article_id,))
    ]
    return row


# ---- for the app: background ids ----------------------------------------------

def connect(path: str) -> sqlite3.Connection:
    """A connection of its own for a worker thread (a sqlite3 connection is not shared
    between threads at once); read-only where the store cannot be written (store.db.access)."""
    from .access import connect as connect_store
    return connect_store(path)


def ids_in_background(path: str, ids: Callable[[sqlite3.Connection], list[int]]) -> Future:
    """ids(connection) resolved in a thread on a connection of its own. The app starts its
    first list this way before Textual has loaded: SQLite runs without the GIL meanwhile."""
    future: Future = Future()

    def work() -> None:
        conn = None
        try:
            conn = connect(path)
            future.set_result(ids(conn))
        except BaseException as e:     # whatever it is, the waiting side hears of it
            future.set_exception(e)
        finally:
            if conn is not None:
                conn.close()

    threading.Thread(target=work, name="byline-ids", daemon=True).start()
    return future


def _ids(db, sql: str, params=()) -> list[int]:
    """The ids sql selects, in its order. They come back as one string: a row at a time,
    each row takes the GIL back, and while the app draws that is a wait per row."""
    joined = connection(db).execute(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()[0]
    return list(map(int, joined.split(","))) if joined else []


def _words(query: str) -> list[str]:
    return [w for w in query.lower().split() if w]


def _pattern(word: str, subsequence: bool) -> str:
    """A LIKE pattern: the word as a substring, or (for short fields such as names)
    its letters in order with anything between them, so "strmr" finds "Starmer"."""
    escaped = [("\\" + c) if c in "%_\\" else c for c in word]
    return "%" + ("%".join(escaped) if subsequence else "".join(escaped)) + "%"


def _narrow(columns: list[str], query: str, subsequence: bool,
            spellings: dict[str, list[str]] | None = None) -> tuple[str, list]:
    """SQL that keeps rows where every query word matches one of the columns (as typed, or
    as one of its close spellings, each a plain substring)."""
    clauses, params = [], []
    for word in _words(query):
        patterns = [_pattern(word, subsequence)] + [_pattern(s, False) for s in (spellings or {}).get(word, [])]
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for _ in patterns for c in columns) + ")")
        params.extend(p for p in patterns for _ in columns)
    return (" AND ".join(clauses) or "1"), params


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
    where, params = _narrow(columns, query, subsequence)
    ids = run(where, params)
    words = _words(query)
    if ids or not words:
        return Matches(ids)
    spellings = {w: s for w, s in close_spellings(db, words).items() if s}
    if not spellings:
        return Matches(ids)
    where, params = _narrow(columns, query, subsequence, spellings)
    return Matches(run(where, params), spellings)


def _ranked(db, sql: str, params: list, query: str) -> list[int]:
    """Ids from (id, label) rows, best fuzzy match of label to query first; ties keep
    the SQL order."""
    if not query.strip():
        return _ids(db, sql, params)
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
        return _ids(db, f"SELECT q.id FROM quotes q {join} WHERE {where} ORDER BY q.article_id, q.id", params)

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
        return _ids(db, f"SELECT f.id FROM figures f WHERE {where} ORDER BY {key}, f.id", params)

    return _filtered(db, query, FIGURE_FILTER, run)


def articles_ids(db, query: str = "") -> list[int]:
    """Articles, newest first; narrowed by words of the title or the outlet."""
    def run(where: str, params: list) -> list[int]:
        return _ids(db, f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC, a.id DESC", params)

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


# ---- rows by id -------------------------------------------------------------------

def _by_ids(db, sql: str, ids: list[int]) -> list[dict]:
    """Rows for ids, in the order of ids. sql has one {ids} placeholder."""
    if not ids:
        return []
    rows = dict_rows(db, sql.format(ids=",".join("?" * len(ids))), ids)
    by_id = {r["id"]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


_QUOTE = """
    SELECT q.id, q.article_id, q.person_id, q.char_start, q.char_end, q.text, q.kind, q.cue,
           q.cue_start, q.cue_end, q.sieve, p.name AS speaker, q.source AS organisation,
           q.confidence, q.decision, q.likely, q.described,
           (SELECT role FROM article_people WHERE person_id = q.person_id
              AND article_id = q.article_id) AS role,
           a.title, a.source, a.published, a.url, a.path
    FROM quotes q LEFT JOIN people p ON p.id = q.person_id JOIN articles a ON a.id = q.article_id
    WHERE q.id IN ({ids})"""


def quotes_rows(db, ids: list[int]) -> list[dict]:
    return _by_ids(db, _QUOTE, ids)


def figures_rows(db, ids: list[int]) -> list[dict]:
    return _by_ids(db, """
        SELECT f.*, a.title, a.source, a.published, a.path
        FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.id IN ({ids})""", ids)


def articles_rows(db, ids: list[int]) -> list[dict]:
    return _by_ids(db, """
        SELECT a.id, a.title, a.source, a.published, a.author, a.url, a.path, length(a.text) AS chars,
          (SELECT count(*) FROM article_people WHERE article_id = a.id) AS people,
          (SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes,
          (SELECT count(*) FROM figures WHERE article_id = a.id) AS figures
        FROM articles a WHERE a.id IN ({ids})""", ids)


# ---- detail views -----------------------------------------------------------------

def person_articles(db, person_id: int, limit: int = 20) -> list[dict]:
    """The articles a person appears in (most mentions first, then the latest added) with
    role and forms. The order needs no article row: those are big, and reading thousands
    of them for a much-quoted person took a tenth of a second."""
    rows = dict_rows(db, """
        SELECT ap.article_id, ap.role, ap.mentions, ap.forms, a.title, a.source, a.published, a.path
        FROM (SELECT * FROM article_people WHERE person_id = ? ORDER BY mentions DESC, article_id DESC LIMIT ?) ap
        JOIN articles a ON a.id = ap.article_id ORDER BY ap.mentions DESC, ap.article_id DESC""",
        (person_id, limit))
    for row in rows:
        row["forms"] = _json_list(row["forms"])
    return rows


def person_forms(db, person_id: int) -> list[str]:
    """Every form the text used for a person, across all their articles (each article's
    forms are those of its mentions), read by SQLite's JSON functions: names, longest
    first, then descriptions."""
    try:
        forms = {f for (f,) in connection(db).execute(
            "SELECT DISTINCT j.value FROM article_people ap, json_each(ap.forms) j"
            " WHERE ap.person_id = ? AND json_valid(ap.forms) AND j.type = 'text'", (person_id,))}
    except sqlite3.OperationalError:        # an SQLite built without JSON functions
        forms = set()
        for (raw,) in connection(db).execute("SELECT forms FROM article_people WHERE person_id = ?", (person_id,)):
            forms.update(_json_list(raw))
    # names, longest first, then descriptions ("the prime minister")
    return sorted(forms, key=lambda f: (f[:4].lower() == "the ", -len(f), f))


def _json_list(raw) -> list[str]:
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def article_quotes(db, article_id: int) -> list[dict]:
    ids = _ids(db, "SELECT id FROM quotes WHERE article_id = ? ORDER BY char_start", (article_id,))
    return quotes_rows(db, ids)


def article_mentions(db, article_id: int, person_id: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in connection(db).execute(
        "SELECT char_start, char_end FROM mentions WHERE article_id = ? AND person_id = ? "
        "ORDER BY char_start", (article_id, person_id))]


def article_figures(db, article_id: int) -> list[dict]:
    return figures_rows(db, _ids(db, "SELECT id FROM figures WHERE article_id = ? ORDER BY char_start",
                                 (article_id,)))


def figure_sentence(db, row: dict) -> tuple[str, int, int] | None:
    """The sentence a figure was read from, and where the figure lies in it (start, end
    offsets into the sentence); None when the store has no sentence around it."""
    if row.get("char_start") is None or row.get("char_end") is None:
        return None
    found = connection(db).execute(
        "SELECT text, char_start FROM sentences WHERE article_id = ? AND char_start <= ? AND char_end >= ?"
        " ORDER BY char_start DESC LIMIT 1", (row["article_id"], row["char_start"], row["char_end"])).fetchone()
    if not found or not found[0]:
        return None
    text, start = found
    return text, row["char_start"] - start, row["char_end"] - start


def people_named(db, query: str, limit: int = 20) -> list[dict]:
    """A bounded lookup for the command palette: people whose name fits the query."""
    where, params = _narrow(["name"], query, subsequence=True)
    return dict_rows(db, f"SELECT id, name FROM people WHERE {where} ORDER BY length(name) LIMIT ?",
                 [*params, limit])


def articles_titled(db, query: str, limit: int = 20) -> list[dict]:
    """A bounded lookup for the command palette: articles whose title fits the query."""
    where, params = _narrow(["coalesce(title, path)"], query, subsequence=False)
    return dict_rows(db, f"SELECT id, coalesce(title, path, 'article ' || id) AS title FROM articles "
                     f"WHERE {where} ORDER BY published DESC LIMIT ?", [*params, limit])


# ---- how every screen and table writes a row's fields --------------------------

def speaker_label(row: dict) -> str:
    """Who said a quote, as every screen and table writes it: the person; else the
    organisation the text names as its source, marked as such (never shown as if it were
    a person); else the text's description of an unnamed source ("a council spokesperson
    (unnamed)"); else a withheld guess ("likely Ann Cole, low confidence"), never as the
    speaker; else "unknown speaker"."""
    if row.get("speaker"):
        return row["speaker"]
    if row.get("organisation"):
        return one_line(row["organisation"]) + " (organisation)"
    if one_line(row.get("described")):
        return one_line(row["described"]) + " (unnamed)"
    if one_line(row.get("likely")):
        return likely_label(row)
    return "unknown speaker"


def likely_label(row: dict) -> str:
    """A withheld guess at the speaker: "likely Ann Cole, low confidence"."""
    return f"likely {one_line(row.get('likely'))}, low confidence"


def confidence_label(row: dict) -> str:
    """A quote's confidence as a percentage ("96%"); "" where none was measured."""
    try:
        value = float(row.get("confidence"))
    except (TypeError, ValueError):
        return ""
    if value != value:             # NaN
        return ""
    value = max(0.0, min(1.0, value))
    # never rounded up to a certainty it is not: 0.996 is 99%
    return f"{100 if value == 1 else min(99, round(value * 100))}%"


_SPACE = re.compile(r"\s+")


def one_line(text: str | None) -> str:
    """Text on one line: runs of whitespace become one space."""
    return _SPACE.sub(" ", text or "").strip()
