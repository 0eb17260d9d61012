"""The SQLite store: one file, WAL mode, foreign keys on (sqlite-utils for the rest).

    schema.py      every table, index and trigger, defined once
    migrations.py  numbered functions that bring an older store up to SCHEMA_VERSION
    writes.py      what ingest writes: a batch of articles in one transaction; deletes
    reads.py       every read query the command line and the app run

Store is an open store: its connection, its path and its search vocabulary cache.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from . import writes
from .errors import StoreError, store_error
from .migrations import SCHEMA_VERSION, migrate
from .schema import PERSON_SUMMARY, SCHEMA
from .writes import ArticleRecord, content_hash

if TYPE_CHECKING:
    import sqlite_utils

    from ..search.vocabulary import Vocabulary

__all__ = ["ArticleRecord", "PERSON_SUMMARY", "SCHEMA", "SCHEMA_VERSION", "Store", "StoreError",
           "content_hash", "default_path", "open_store"]


def default_path() -> Path:
    env = os.environ.get("BYLINE_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir
    return Path(user_data_dir("byline")) / "byline.db"


@dataclass
class Store:
    conn: sqlite3.Connection
    path: Path

    @cached_property
    def db(self) -> "sqlite_utils.Database":
        # imported on first use: sqlite_utils costs a tenth of a second, and the app's
        # start-up needs only the plain connection
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @cached_property
    def vocabulary(self) -> "Vocabulary":
        """The search vocabulary of this store, loaded on the first search and kept for
        the next ones (any connection to this store's file may load or top it up)."""
        from ..search.vocabulary import Vocabulary     # here: start-up needs no search

        return Vocabulary()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def write(self, items: Iterable[ArticleRecord]) -> list[str]:
        """Write a batch in one transaction. Each item is an ArticleRecord (key, article,
        extraction); returns "added", "unchanged" or "replaced" per item. Unchanged
        articles need no extraction."""
        try:
            with self.conn:
                return writes.write(self.conn, items)
        except sqlite3.Error as e:
            raise store_error(e, self.path) from None

    def known(self, hashes: list[str]) -> set[str]:
        """Those of these content hashes already stored."""
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            rows = self.conn.execute(
                f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(chunk))})", chunk)
            found.update(r[0] for r in rows)
        return found

    def delete_article(self, article_id: int) -> None:
        try:
            with self.conn:
                writes.delete(self.conn, [article_id])
        except sqlite3.Error as e:
            raise store_error(e, self.path) from None


def open_store(path: str | Path | None = None, timeout: float = 5.0,
               notice: Callable[[str], None] | None = None) -> Store:
    """Open (creating or migrating) the store at path, or at the default location.
    notice(message) hears of an upgrade of an older store before it starts (on a big
    store it takes a while: the search index is built again)."""
    path = Path(path).expanduser() if path else default_path()
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as f:
                header = f.read(16)
        except OSError as e:
            raise StoreError(f"cannot read {path}: {e.strerror}") from None
        if header != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not an SQLite file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # writes BEGIN IMMEDIATE themselves; `with conn` commits or rolls back
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, path, notice)
    except sqlite3.Error as e:
        conn.close()
        raise store_error(e, path) from None
    except StoreError:
        conn.close()
        raise
    return Store(conn=conn, path=path)
