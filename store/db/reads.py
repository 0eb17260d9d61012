"""The read queries of the command line and the app: plain SQL over the store, rows as
plain dicts with readable keys; nothing here knows about screens. Each function takes a
Store, a sqlite_utils.Database or a sqlite3.Connection.

The command line reads pages (LIMIT and OFFSET: nothing here returns all rows). The app
first resolves a list to its ordered ids (people_ids, ... in store.db.filters: one query,
cheap even at 100,000 rows), then fetches rows by id a page at a time (people_rows, ...):
jumping to any position, or counting, never scans again. Then the rows behind a detail view.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from concurrent.futures import Future
from typing import Callable

from .sql import connection, dict_rows, like_pattern, narrow, select_ids


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
        where, params = "WHERE p.name LIKE ? ESCAPE '\\'", [like_pattern(name, subsequence=False)]
    ids = [r[0] for r in connection(store).execute(
        f"SELECT p.id FROM people p {where} ORDER BY p.mentions DESC, p.name LIMIT ? OFFSET ?",
        (*params, limit, offset))]
    if name and not ids and not offset:
        ids = fuzzy_person_ids(store, name, limit)
    return people_rows(store, ids)


def person_ids_named(store, name: str) -> list[int]:
    """Ids of every person whose name holds name, most mentioned first; failing that, the
    closest names (fuzzy), as people() finds them."""
    ids = [r[0] for r in connection(store).execute(
        "SELECT id FROM people WHERE name LIKE ? ESCAPE '\\' ORDER BY mentions DESC, name",
        (like_pattern(name, subsequence=False),))]
    return ids or fuzzy_person_ids(store, name)


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


# the action of the newest correction in force ("speaker", "unknown", "confirmed"), if any
CORRECTION = ("(SELECT action FROM corrections WHERE quote_id = q.id AND undone IS NULL"
              " ORDER BY id DESC LIMIT 1) AS correction")

_QUOTES = f"""
SELECT q.id, q.article_id, q.person_id, p.name AS speaker, q.source AS organisation, ap.role AS role,
    q.text, q.kind, q.cue, q.sieve, q.char_start, q.char_end, q.cue_start, q.cue_end,
    q.confidence, q.decision, q.likely, q.described, q.via, {CORRECTION},
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
    to be named the speaker; "via" who relayed the words when the text says so ("according to
    CNN": "CNN"). "confidence" (0..1) is how often byline's kind of decision
    ("decision") was right on annotated articles; None where it named nobody, and for
    quotes stored before byline measured it."""
    found = quote_filter(store, speaker, person_id, article_id)
    if found is None:
        return []
    where, params = found
    sql = _QUOTES + (" WHERE " + " AND ".join(where) if where else "")
    return checked(dict_rows(store, sql + " ORDER BY q.article_id, q.char_start LIMIT ? OFFSET ?",
                             (*params, limit, offset)))


def quote_filter(store, speaker: str | None = None, person_id: int | None = None,
                 article_id: int | None = None) -> tuple[list[str], list] | None:
    """The WHERE clauses (over quotes q) and parameters of quotes(); None when the speaker
    matches nobody. `byline export` narrows quotes with it too."""
    where, params = [], []
    if speaker:
        ids = [r[0] for r in connection(store).execute("SELECT id FROM people WHERE name LIKE ? ESCAPE '\\'",
                                                   (like_pattern(speaker, subsequence=False),))]
        # an organisation the text names as the source matches too ("PolitiFact")
        orgs = connection(store).execute("SELECT 1 FROM quotes WHERE source LIKE ? ESCAPE '\\' LIMIT 1",
                                    (like_pattern(speaker, subsequence=False),)).fetchone()
        ids = ids or ([] if orgs else fuzzy_person_ids(store, speaker))
        if not ids and not orgs:
            return None
        where.append(f"(q.person_id IN ({','.join('?' * len(ids))}) OR q.source LIKE ? ESCAPE '\\')")
        params += [*ids, like_pattern(speaker, subsequence=False)]
    if person_id is not None:
        where.append("q.person_id = ?")
        params.append(person_id)
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    return where, params


def quote(store, quote_id: int) -> dict | None:
    rows = checked(dict_rows(store, _QUOTES + " WHERE q.id = ?", (quote_id,)))
    return rows[0] if rows else None


def checked(rows: list[dict]) -> list[dict]:
    """Quote rows with `checked`: a correction or confirmation by the user is in force
    (`correction` says which: "speaker", "unknown" or "confirmed"; None when unchecked)."""
    for row in rows:
        row["checked"] = row["correction"] is not None
    return rows


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
    a.summary_only, length(a.text) AS chars,
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

# ---- rows by id -------------------------------------------------------------------

def _by_ids(db, sql: str, ids: list[int]) -> list[dict]:
    """Rows for ids, in the order of ids. sql has one {ids} placeholder."""
    if not ids:
        return []
    rows = dict_rows(db, sql.format(ids=",".join("?" * len(ids))), ids)
    by_id = {r["id"]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


_QUOTE = f"""
    SELECT q.id, q.article_id, q.person_id, q.char_start, q.char_end, q.text, q.kind, q.cue,
           q.cue_start, q.cue_end, q.sieve, p.name AS speaker, q.source AS organisation,
           q.confidence, q.decision, q.likely, q.described, q.via, {CORRECTION},
           (SELECT role FROM article_people WHERE person_id = q.person_id
              AND article_id = q.article_id) AS role,
           a.title, a.source, a.published, a.url, a.author, a.path
    FROM quotes q LEFT JOIN people p ON p.id = q.person_id JOIN articles a ON a.id = q.article_id
    WHERE q.id IN ({{ids}})"""


def quotes_rows(db, ids: list[int]) -> list[dict]:
    return checked(_by_ids(db, _QUOTE, ids))


def figures_rows(db, ids: list[int]) -> list[dict]:
    return _by_ids(db, """
        SELECT f.*, a.title, a.source, a.published, a.url, a.author, a.path
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
    ids = select_ids(db, "SELECT id FROM quotes WHERE article_id = ? ORDER BY char_start", (article_id,))
    return quotes_rows(db, ids)


def article_mentions(db, article_id: int, person_id: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in connection(db).execute(
        "SELECT char_start, char_end FROM mentions WHERE article_id = ? AND person_id = ? "
        "ORDER BY char_start", (article_id, person_id))]


def article_figures(db, article_id: int) -> list[dict]:
    return figures_rows(db, select_ids(db, "SELECT id FROM figures WHERE article_id = ? ORDER BY char_start",
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


def sentence_at(db, article_id: int, offset: int) -> str | None:
    """The sentence of an article that holds the character at offset (or, between
    sentences, the next one); None past the last."""
    found = connection(db).execute("SELECT text FROM sentences WHERE article_id = ? AND char_end > ?"
                                   " ORDER BY char_start LIMIT 1", (article_id, offset)).fetchone()
    return found[0] if found else None


def people_named(db, query: str, limit: int = 20) -> list[dict]:
    """A bounded lookup for the command palette: people whose name fits the query."""
    where, params = narrow(["name"], query, subsequence=True)
    return dict_rows(db, f"SELECT id, name FROM people WHERE {where} ORDER BY length(name) LIMIT ?",
                 [*params, limit])


def articles_titled(db, query: str, limit: int = 20) -> list[dict]:
    """A bounded lookup for the command palette: articles whose title fits the query."""
    where, params = narrow(["coalesce(title, path)"], query, subsequence=False)
    return dict_rows(db, f"SELECT id, coalesce(title, path, 'article ' || id) AS title FROM articles "
                     f"WHERE {where} ORDER BY published DESC LIMIT ?", [*params, limit])


# ---- the journalist's desk: a person's page, the review screen -----------------------

def person_quotes_by_date(db, person_id: int, limit: int = 500) -> list[dict]:
    """A person's quotes, newest article first (undated articles last), in reading order
    inside each article; at most `limit` (the page says how many more there are)."""
    ids = select_ids(db, """
        SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_id = ?
        ORDER BY a.published IS NULL, a.published DESC, q.article_id DESC, q.char_start LIMIT ?""",
                     (person_id, limit))
    return quotes_rows(db, ids)


def person_quote_months(db, person_id: int) -> tuple[list[tuple[str, int]], int]:
    """How many quotes a person has per month ("2016-03"), every month from the first to
    the last (months without one count 0); and how many quotes are in undated articles."""
    counted = dict(connection(db).execute("""
        SELECT substr(a.published, 1, 7), count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.person_id = ? GROUP BY 1""", (person_id,)).fetchall())
    undated = sum(n for month, n in counted.items() if not _is_month(month))
    months = sorted(m for m in counted if _is_month(m))
    if not months:
        return [], undated
    out = []
    year, month = map(int, months[0].split("-"))
    while (key := f"{year:04d}-{month:02d}") <= months[-1]:
        out.append((key, counted.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out, undated


def _is_month(value) -> bool:
    """"2016-03": a year and a month, as the first seven characters of an ISO date."""
    return isinstance(value, str) and len(value) == 7 and value[4] == "-" and \
        value[:4].isdigit() and value[5:].isdigit() and 1 <= int(value[5:]) <= 12


def quote_paragraph(db, row: dict) -> tuple[str, int, int] | None:
    """The paragraph around a quote (from the line break before it to the one after) and
    where the quote lies in it (start, end offsets into the paragraph)."""
    found = connection(db).execute("SELECT text FROM articles WHERE id = ?", (row["article_id"],)).fetchone()
    if not found or not found[0] or row.get("char_start") is None:
        return None
    text, start, end = found[0], row["char_start"], row["char_end"]
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return text[first:last], start - first, end - first
