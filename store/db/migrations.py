"""Migrations: numbered functions, each making a store of the version before it into
one of its own version. A new store is made from the schema at once.

To change the schema: change schema.py, then add a function here and its entry in
MIGRATIONS under the next number; SCHEMA_VERSION follows. They all run in one
transaction, followed by install_search (a migration that only changes the search index
is empty: the index is made again by install_search).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from .errors import StoreError
from .schema import INDEXES, PERSON_SUMMARY, SCHEMA, install_search, run_script


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


# version made -> the migration that makes it from the version before
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: add_search_vocabulary,
    3: add_quote_source,
    4: add_person_summaries,
    5: add_quote_confidence,
}
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: Path, notice: Callable[[str], None] | None = None) -> None:
    """Make the store at conn a store of SCHEMA_VERSION: new, or migrated from older."""
    version = schema_version(conn, path)
    if version == SCHEMA_VERSION:
        return
    if version and notice:
        notice(f"upgrading {path} from schema {version} to {SCHEMA_VERSION} (once; a big store takes a minute)")
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
            for v in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[v](conn)
        install_search(conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


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
