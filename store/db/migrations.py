"""Migrations: numbered functions, each making a store of the version before it into
one of its own version. A new store is made from the schema at once.

To change the schema: change schema.py, then add a function here and its entry in
MIGRATIONS under the next number; SCHEMA_VERSION follows. They all run in one
transaction, followed by install_search (a migration that only changes the search index
is empty: the index is made again by install_search).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable

from .errors import StoreError
from ..dates import iso_date
from ..model import Article
from .schema import FEEDS, INDEXES, PERSON_SUMMARY, SCHEMA, TABLES, install_search, run_script
from .writes import content_hash


def add_search_vocabulary(conn: sqlite3.Connection) -> None:
    """2: the search vocabulary table (sentences_vocab), made by install_search."""


def add_quote_source(conn: sqlite3.Connection) -> None:
    """3: a quote's organisation source."""
    conn.execute("ALTER TABLE quotes ADD COLUMN source TEXT")


def add_person_summaries(conn: sqlite3.Connection) -> None:
    """4: each person's summary columns, counted; the FTS index made again by
    install_search without column sizes."""
    run_script(conn, """ALTER TABLE people ADD COLUMN role TEXT;
          ALTER TABLE people ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE people ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE people ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE people ADD COLUMN role_mentions INTEGER NOT NULL DEFAULT 0""")
    conn.execute(INDEXES["idx_people_rank"])
    conn.execute("DROP TABLE IF EXISTS sentences_fts")
    conn.execute(PERSON_SUMMARY)


def add_quote_confidence(conn: sqlite3.Connection) -> None:
    """5: a quote's confidence (how often its kind of decision was right on the visible
    sets), its decision kind, the withheld guess (likely: a person's name, never a
    person_id: they are not the speaker) and an unnamed source's description. Quotes
    stored before stay NULL: not measured."""
    run_script(conn, """ALTER TABLE quotes ADD COLUMN confidence REAL;
          ALTER TABLE quotes ADD COLUMN likely TEXT;
          ALTER TABLE quotes ADD COLUMN decision TEXT;
          ALTER TABLE quotes ADD COLUMN described TEXT""")


def add_corrections_and_merges(conn: sqlite3.Connection) -> None:
    """6: the user's corrections of speakers, and merges and splits of people."""
    for table in ("corrections", "merges"):
        conn.execute(next(t for t in TABLES if f"EXISTS {table} (" in t))
    for name in ("idx_corrections_quote_id", "idx_corrections_article_key", "idx_merges_name"):
        conn.execute(INDEXES[name])


def add_feeds(conn: sqlite3.Connection) -> None:
    """7: the feeds followed, articles marked summary only, and published dates as ISO
    8601 (a feed's raw "Fri, 01 Jan 2010 10:00:00 GMT" sorted above 2016); an article
    whose date changes gets the content hash it would have now, so adding it again finds
    it unchanged."""
    conn.execute(FEEDS)
    conn.execute("ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0")
    rows = conn.execute("SELECT id, text, title, source, url, published, author FROM articles"
                        " WHERE published IS NOT NULL").fetchall()
    for aid, text, title, source, url, published, author in rows:
        fixed = iso_date(published)
        if fixed != published:
            digest = content_hash(Article(text, title, source, url, fixed, author))
            # the same article stored twice, once per date form: the older row keeps its date
            conn.execute("UPDATE OR IGNORE articles SET published = ?, content_hash = ? WHERE id = ?",
                         (fixed, digest, aid))


def add_quote_via(conn: sqlite3.Connection) -> None:
    """8: who relayed a quote's words (`Lo said, according to CNN`: "CNN"). Quotes stored
    before stay NULL until their article is extracted again."""
    conn.execute("ALTER TABLE quotes ADD COLUMN via TEXT")


# version made -> the migration that makes it from the version before
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: add_search_vocabulary,
    3: add_quote_source,
    4: add_person_summaries,
    5: add_quote_confidence,
    6: add_corrections_and_merges,
    7: add_feeds,
    8: add_quote_via,
}
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: Path, notice: Callable[[str], None] | None = None) -> None:
    """Make the store at conn a store of SCHEMA_VERSION: new, or migrated from older
    after a copy of it is kept beside it (backup_path)."""
    version = schema_version(conn, path)
    if version == SCHEMA_VERSION:
        return
    if version and notice:
        notice(f"upgrading {path} from schema {version} to {SCHEMA_VERSION} (once; a big store takes a minute); "
               f"a copy of it as it was is kept in {backup_path(path, version)}")
    # one transaction: an interrupted upgrade leaves the store as it was, and a second
    # process waiting for the lock finds the work done
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        version = schema_version(conn, path)
        if version == SCHEMA_VERSION:
            return
        if version == 0:
            run_script(conn, SCHEMA)
        else:
            back_up(path, version)      # under the write lock: nobody writes between the copy and the upgrade
            for v in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[v](conn)
        install_search(conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a schema `version` store is kept before it is upgraded:
    byline.db.bak-4 beside byline.db."""
    return path.with_name(f"{path.name}.bak-{version}")


def back_up(path: Path, version: int) -> Path:
    """Copy the store at path, as committed, to backup_path (replacing an older copy
    only once the new one is whole). Read through a connection of its own: a WAL store
    can be read while the upgrading connection holds the write lock. StoreError if the
    copy cannot be made; the store is then left as it was."""
    target = backup_path(path, version)
    part = target.with_name(target.name + ".part")
    source = copy = None
    try:
        source = sqlite3.connect(str(path))
        copy = sqlite3.connect(str(part))
        source.backup(copy)
        copy.close()
        copy = None
        os.replace(part, target)
    except (OSError, sqlite3.Error) as e:
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise StoreError(f"cannot keep a copy of {path} in {target} before upgrading it ({why}); "
                         "it was left as it was") from None
    finally:
        for conn in (source, copy):
            if conn is not None:
                conn.close()
        for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm"), Path(f"{part}-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
    return target


def schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """The store's schema version; 0 for an empty file. StoreError for another kind of
    SQLite file or one made by a newer byline."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables:
            raise StoreError(f"{path} is an SQLite file but not a byline store")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was made by a newer byline (schema {version}, this one knows {SCHEMA_VERSION})")
    return version
