"""What ingest writes: a batch of extracted articles in one transaction, and deletes.

Offsets are char_start/char_end into articles.text. Each batch is one transaction, so an
article and its rows appear together or not at all; the caller (Store.write) holds it.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, NamedTuple

from ..model import Article, Extraction
from .schema import PERSON_SUMMARY


class ArticleRecord(NamedTuple):
    """One article to write: its key in the store (where it came from), the article, and
    its extraction (None will do for an article already stored)."""
    key: str
    article: Article
    extraction: Extraction | None


@dataclass(slots=True)
class PersonTally:
    """What a batch adds to one person's summary columns."""
    mentions: int = 0
    articles: int = 0
    quotes: int = 0
    role: str | None = None     # the role given where this batch mentions them most (the first such)
    role_mentions: int = 0


TABLES = ("sentences", "article_people", "mentions", "quotes", "figures")


def content_hash(article: Article) -> str:
    """Same text and metadata = same article, wherever it was read from."""
    h = hashlib.sha256()
    for part in (article.text, article.title, article.source, article.url, article.published, article.author):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Batch:
    """The rows of a batch gathered for one executemany per table, the ids of the people
    met so far and what the batch adds to each person's summary."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
        self.person_ids: dict[str, int] = {}
        self.tally: dict[int, PersonTally] = {}
        self.added_at = now()

    def person(self, name: str, gender: str | None) -> tuple[int, PersonTally]:
        pid = self.person_ids.get(name) or person_id(self.conn, name, gender)
        self.person_ids[name] = pid
        return pid, self.tally.setdefault(pid, PersonTally())


def write(conn: sqlite3.Connection, items: Iterable[ArticleRecord]) -> list[str]:
    """Write the articles inside one transaction begun here (the caller commits); returns
    "added", "unchanged" or "replaced" per item."""
    conn.execute("BEGIN IMMEDIATE")
    statuses: list[str] = []
    replaced: list[str] = []        # keys of articles whose corrections are applied again
    batch = Batch(conn)
    for key, art, ex in items:
        digest = content_hash(art)
        if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
            statuses.append("unchanged")
            continue
        old = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
        if old:
            # the old version may be from this very batch: its rows go in before it goes out,
            # and people it alone held may be deleted with it
            insert_rows(batch)
            delete(conn, [old[0]])
            batch.person_ids.clear()
        if ex is None:
            raise ValueError(f"{key}: a new article needs its extraction")
        cur = conn.execute(
            "INSERT INTO articles (key, content_hash, title, source, url, published, author, path, text, added_at,"
            " summary_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, digest, art.title, art.source, art.url, art.published, art.author, art.path, art.text,
             batch.added_at, int(art.summary_only)))
        statuses.append("replaced" if old else "added")
        add_rows(batch, cur.lastrowid, art.text, ex)
        if old:
            from .merges import follow_article
            follow_article(conn, old[0], cur.lastrowid)
            replaced.append(key)
    insert_rows(batch)
    if replaced:
        from .corrections import reapply     # here: corrections and merges build on this module
        from .merges import reapply_splits
        reapply_splits(conn, replaced)       # first: a correction made later wins
        reapply(conn, replaced)
    return statuses


def add_rows(batch: Batch, aid: int, text: str, ex: Extraction) -> None:
    """Gather the rows of one article's extraction into the batch."""
    rows = batch.rows
    rows["sentences"].extend((aid, s, e, text[s:e]) for s, e in ex.sentences)
    people = {p.name: p for p in ex.people}
    for q in ex.quotes:        # a speaker is always one of the article's people
        if q.speaker and q.speaker not in people:
            people[q.speaker] = None
    # person id -> [role, mentions, forms]: names merged into one person share its row
    links: dict[int, list] = {}
    for name, p in people.items():
        pid, tally = batch.person(name, p.gender if p else None)
        link = links.get(pid)
        if link is None:
            tally.articles += 1
            link = links[pid] = [None, 0, []]
        if p is None:
            continue
        tally.mentions += len(p.mentions)
        link[0] = link[0] or p.role
        link[1] += len(p.mentions)
        link[2] += [f for f in p.forms if f not in link[2]] if link[2] else p.forms
        rows["mentions"].extend((pid, aid, s, e, text[s:e]) for s, e in p.mentions)
    for pid, (role, count, forms) in links.items():
        tally = batch.tally[pid]
        if role is not None and (tally.role is None or count > tally.role_mentions):
            tally.role, tally.role_mentions = role, count
        rows["article_people"].append((aid, pid, role, count, _json(forms)))
    for q in ex.quotes:
        if q.speaker:
            batch.tally[batch.person_ids[q.speaker]].quotes += 1
    rows["quotes"].extend(
        (aid, batch.person_ids[q.speaker] if q.speaker else None, q.start, q.end, q.text, q.kind,
         q.cue, q.cue_start, q.cue_end, q.sieve, q.source, q.confidence, q.likely, q.decision, q.described,
         q.via)
        for q in ex.quotes)
    rows["figures"].extend(
        (aid, f.start, f.end, f.text, f.kind, f.value, f.unit, f.qualifier, f.about) for f in ex.figures)


_json = json.JSONEncoder(ensure_ascii=False).encode     # one encoder for every row, not one per call


def insert_rows(batch: Batch) -> None:
    """Insert the rows gathered so far with one executemany per table, add their tally to
    each person's summary, and empty both."""
    conn, rows, tally = batch.conn, batch.rows, batch.tally
    insert_sentences(conn, rows["sentences"])
    conn.executemany("INSERT INTO article_people (article_id, person_id, role, mentions, forms) VALUES (?, ?, ?, ?, ?)",
                     rows["article_people"])
    conn.executemany("INSERT INTO mentions (person_id, article_id, char_start, char_end, form) VALUES (?, ?, ?, ?, ?)",
                     rows["mentions"])
    conn.executemany(
        "INSERT INTO quotes (article_id, person_id, char_start, char_end, text, kind, cue, cue_start, cue_end, sieve,"
        " source, confidence, likely, decision, described, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows["quotes"])
    conn.executemany(
        "INSERT INTO figures (article_id, char_start, char_end, text, kind, value, unit, qualifier, about)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["figures"])
    conn.executemany("UPDATE people SET mentions = mentions + ?, articles = articles + ?, quotes = quotes + ?"
                     " WHERE id = ?", [(t.mentions, t.articles, t.quotes, pid) for pid, t in tally.items()])
    # a role from this batch wins only with more mentions than the one held (ties: the earlier)
    conn.executemany("UPDATE people SET role = ?, role_mentions = ? WHERE id = ? AND (role IS NULL OR role_mentions < ?)",
                     [(t.role, t.role_mentions, pid, t.role_mentions) for pid, t in tally.items()
                      if t.role is not None])
    for pending in rows.values():
        pending.clear()
    tally.clear()


def insert_sentences(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Insert sentences and index them in one statement rather than row by row: the
    per-row insert trigger is set aside inside this transaction (3x faster on a batch).
    Sentence ids only ever grow, even after deletes (meta 'last_sentence_id'): search
    tops up its vocabulary from the ids above the last one it saw."""
    if not rows:
        return
    mark = conn.execute("SELECT value FROM meta WHERE key = 'last_sentence_id'").fetchone()
    first = max(int(mark[0]) if mark else 0, conn.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0) + 1
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'").fetchone()
    if trigger:
        conn.execute("DROP TRIGGER sentences_ai")
    conn.executemany("INSERT INTO sentences (id, article_id, char_start, char_end, text) VALUES (?, ?, ?, ?, ?)",
                     [(first + i, *row) for i, row in enumerate(rows)])
    if trigger:
        conn.execute("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id >= ?", (first,))
        conn.execute(trigger[0])
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_sentence_id', ?)", (str(first + len(rows) - 1),))


def person_id(conn: sqlite3.Connection, name: str, gender: str | None) -> int:
    """The id of the person of this name, added if new; a gender learnt is kept. A name
    merged into another person (store.db.merges) is that person's."""
    name = kept_name(conn, name)
    row = conn.execute("SELECT id, gender FROM people WHERE name = ?", (name,)).fetchone()
    if row:
        if gender and not row[1]:
            conn.execute("UPDATE people SET gender = ? WHERE id = ?", (gender, row[0]))
        return row[0]
    return conn.execute("INSERT INTO people (name, gender) VALUES (?, ?)", (name, gender)).lastrowid


def kept_name(conn: sqlite3.Connection, name: str) -> str:
    """The name the person of this name is kept under: their own, or, once merged, that of
    the person they joined (following later merges)."""
    seen = {name}
    while row := conn.execute("SELECT into_name FROM merges WHERE name = ? AND kind = 'merge' AND undone IS NULL"
                              " ORDER BY id DESC LIMIT 1", (name,)).fetchone():
        if row[0] in seen:
            break
        name = row[0]
        seen.add(name)
    return name


def delete(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    """Delete articles and every row hanging off them; then people no article mentions."""
    for aid in article_ids:
        pids = delete_rows(conn, aid)
        conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
        recount_people(conn, pids)


def delete_rows(conn: sqlite3.Connection, article_id: int) -> list[int]:
    """Delete the rows an article's extraction made; returns the ids of its people."""
    pids = [r[0] for r in conn.execute("SELECT person_id FROM article_people WHERE article_id = ?", (article_id,))]
    # a correction's quote is gone until reapply finds it again: its id may be given to another
    conn.execute("UPDATE corrections SET quote_id = NULL WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = ?)",
                 (article_id,))
    for table in ("sentences", "mentions", "quotes", "figures", "article_people"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    return pids


def recount_people(conn: sqlite3.Connection, pids: Iterable[int | None]) -> None:
    """Delete those of these people no article mentions and no quote names; recount the rest."""
    params = [(p,) for p in set(pids) if p is not None]
    conn.executemany(
        "DELETE FROM people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_people WHERE person_id = people.id)"
        " AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = people.id)", params)
    conn.executemany(PERSON_SUMMARY + " WHERE id = ?", params)


def rewrite(conn: sqlite3.Connection, article_id: int, ex: Extraction) -> None:
    """Replace a stored article's rows with a new extraction of its text (byline upgraded),
    inside the caller's transaction; the user's corrections are applied again."""
    from .corrections import reapply     # here: corrections and merges build on this module
    from .merges import reapply_splits

    key, text = conn.execute("SELECT key, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    recount_people(conn, delete_rows(conn, article_id))
    batch = Batch(conn)
    add_rows(batch, article_id, text, ex)
    insert_rows(batch)
    reapply_splits(conn, [key])
    reapply(conn, [key])
