"""The user's corrections of who said a quote: set its speaker, mark it unknown, or
confirm what byline found. The user is the final authority on who said what, so a
correction wins over extraction and lasts:

- each is a row of its own (corrections: who, when, what the quote said before), and
  undo puts back exactly what was there before;
- re-ingesting a changed article, or extracting it again after byline is upgraded
  (`byline reextract`), applies it again to the same quote: the same article (key) and
  the same offsets, the article's text unchanged (content hash) or the words at those
  offsets unchanged; failing that the one quote of the article with the same words. A
  correction whose quote is gone is kept (quote_id NULL) and listed by orphans(), never
  dropped.
"""
from __future__ import annotations

import getpass
import sqlite3

from . import reads
from .errors import StoreError
from .sql import dict_rows, select_ids
from .writes import now, person_id, recount_people

ACTIONS = ("speaker", "unknown", "confirmed")

_HISTORY = "SELECT id, quote_id, action, speaker, before_person, before_likely, who, at, undone FROM corrections"


def fix(store, quote_id: int, *, speaker: str | None = None, unknown: bool = False,
        confirm: bool = False) -> dict:
    """Correct a quote: its speaker is `speaker` (a person of that name is made if there
    is none), or unknown, or confirmed as byline has it (a withheld guess, `likely`,
    confirmed becomes the speaker). Exactly one of the three. Returns the quote row after."""
    if (speaker is not None) + bool(unknown) + bool(confirm) != 1:
        raise StoreError("give exactly one correction: a speaker, unknown or confirm")
    if speaker is not None and not " ".join(speaker.split()):
        raise StoreError("the speaker's name is empty")
    with store.transaction(f"correct quote {quote_id}") as conn:
        now_speaker, likely = _state(conn, quote_id)
        if speaker is not None:
            action, name = "speaker", " ".join(speaker.split())
        elif unknown:
            action, name = "unknown", None
        else:
            action, name = "confirmed", now_speaker or likely
            if name is None:
                raise StoreError(f"quote {quote_id} names no speaker to confirm (give a speaker, or unknown)")
        key, digest, start, end, text = conn.execute(
            "SELECT a.key, a.content_hash, q.char_start, q.char_end, q.text FROM quotes q"
            " JOIN articles a ON a.id = q.article_id WHERE q.id = ?", (quote_id,)).fetchone()
        conn.execute("INSERT INTO corrections (quote_id, article_key, article_hash, char_start, char_end, quote_text,"
                     " action, speaker, before_person, before_likely, who, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (quote_id, key, digest, start, end, text, action, name, now_speaker, likely, user(), now()))
        _set_speaker(conn, quote_id, name)
    return reads.quote(store, quote_id)


def undo(store, quote_id: int) -> dict | None:
    """Undo the newest correction of the quote in force: the quote's speaker and withheld
    guess are again what they were before it. Returns the quote row after; None when the
    quote has no correction to undo."""
    with store.transaction(f"undo a correction of quote {quote_id}") as conn:
        _state(conn, quote_id)
        row = conn.execute("SELECT id, before_person, before_likely FROM corrections WHERE quote_id = ?"
                           " AND undone IS NULL ORDER BY id DESC LIMIT 1", (quote_id,)).fetchone()
        if row is None:
            return None
        correction_id, before, likely = row
        _set_speaker(conn, quote_id, before, likely)
        conn.execute("UPDATE corrections SET undone = ? WHERE id = ?", (now(), correction_id))
    return reads.quote(store, quote_id)


def corrections(store, quote_id: int) -> list[dict]:
    """The quote's corrections, newest first: id, action, speaker (the name set or
    confirmed), before_person, before_likely, who, at, undone (bool) and undone_at."""
    rows = dict_rows(store, _HISTORY + " WHERE quote_id = ? ORDER BY id DESC", (quote_id,))
    return [_history_row(r) for r in rows]


def orphans(store) -> list[dict]:
    """Corrections in force whose quote is no longer found (the article changed there, or
    a new extraction no longer finds that quote), oldest first, with the article's key and
    the words they were made on."""
    rows = dict_rows(store, "SELECT id, action, speaker, before_person, before_likely, who, at, undone,"
                                  " article_key, quote_text FROM corrections WHERE quote_id IS NULL AND undone IS NULL"
                                  " ORDER BY id")
    return [_history_row(r) for r in rows]


def review_ids(conn) -> list[int]:
    """Quotes byline attributed (a speaker, or a withheld guess) that nobody checked yet,
    lowest confidence first (not measured: first of all), then in id order."""
    return select_ids(conn, """
        SELECT q.id FROM quotes q
        WHERE (q.person_id IS NOT NULL OR q.likely IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.quote_id = q.id AND c.undone IS NULL)
        ORDER BY q.confidence IS NOT NULL, q.confidence, q.id""")


def reapply(conn: sqlite3.Connection, keys: list[str]) -> None:
    """Find the quotes of the corrections of these articles (just written again) and apply
    those in force again, oldest first: each records what the new extraction said before it."""
    for key in keys:
        article = conn.execute("SELECT id, content_hash FROM articles WHERE key = ?", (key,)).fetchone()
        found = conn.execute("SELECT id, article_hash, char_start, char_end, quote_text, action, speaker, undone"
                             " FROM corrections WHERE article_key = ? ORDER BY id", (key,)).fetchall()
        for cid, digest, start, end, text, action, speaker, undone in found:
            qid = _find_quote(conn, article, digest, start, end, text) if article else None
            if qid is None:
                conn.execute("UPDATE corrections SET quote_id = NULL WHERE id = ?", (cid,))
                continue
            start, end = conn.execute("SELECT char_start, char_end FROM quotes WHERE id = ?", (qid,)).fetchone()
            conn.execute("UPDATE corrections SET quote_id = ?, article_hash = ?, char_start = ?, char_end = ?"
                         " WHERE id = ?", (qid, article[1], start, end, cid))
            if undone is None:
                before, likely = _state(conn, qid)
                conn.execute("UPDATE corrections SET before_person = ?, before_likely = ? WHERE id = ?",
                             (before, likely, cid))
                _set_speaker(conn, qid, speaker)


def _find_quote(conn: sqlite3.Connection, article: tuple, digest: str, start: int, end: int,
                text: str) -> int | None:
    """The quote of the article a correction was made on: at the same offsets (the same
    text there), else the only one with the same words."""
    aid, new_digest = article
    row = conn.execute("SELECT id, text FROM quotes WHERE article_id = ? AND char_start = ? AND char_end = ?",
                       (aid, start, end)).fetchone()
    if row and (new_digest == digest or row[1] == text):
        return row[0]
    same = conn.execute("SELECT id FROM quotes WHERE article_id = ? AND text = ? LIMIT 2", (aid, text)).fetchall()
    return same[0][0] if len(same) == 1 else None


def _state(conn: sqlite3.Connection, quote_id: int) -> tuple[str | None, str | None]:
    """The quote's speaker's name and its withheld guess; StoreError if there is no such quote."""
    row = conn.execute("SELECT p.name, q.likely FROM quotes q LEFT JOIN people p ON p.id = q.person_id"
                       " WHERE q.id = ?", (quote_id,)).fetchone()
    if row is None:
        raise StoreError(f"no quote with id {quote_id}")
    return row[0], row[1]


def _set_speaker(conn: sqlite3.Connection, quote_id: int, name: str | None, likely: str | None = None) -> None:
    """Make `name` (None: nobody) the quote's speaker, with this withheld guess. A speaker
    the article's people lacked joins them (as extraction does), and a person left in the
    article for this quote alone leaves it."""
    aid, old = conn.execute("SELECT article_id, person_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    new = person_id(conn, name, None) if name else None
    conn.execute("UPDATE quotes SET person_id = ?, likely = ? WHERE id = ?", (new, likely, quote_id))
    if new is not None:
        conn.execute("INSERT OR IGNORE INTO article_people (article_id, person_id, role, mentions, forms)"
                     " VALUES (?, ?, NULL, 0, '[]')", (aid, new))
    if old is not None and old != new:
        conn.execute("DELETE FROM article_people WHERE article_id = ? AND person_id = ? AND mentions = 0"
                     " AND NOT EXISTS (SELECT 1 FROM quotes WHERE article_id = ? AND person_id = ?)",
                     (aid, old, aid, old))
    recount_people(conn, [old, new])


def _history_row(row: dict) -> dict:
    row["undone_at"] = row["undone"]
    row["undone"] = row["undone"] is not None
    return row


def user() -> str | None:
    """The name of the OS user making a correction (None where the system has none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):       # no name for this uid (a container)
        return None
