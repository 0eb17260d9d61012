"""The SQLite store: one file, WAL mode, foreign keys on (sqlite-utils for the rest).

    schema.py      every table, index and trigger, defined once
    migrations.py  numbered functions that bring an older store up to SCHEMA_VERSION
    writes.py      what ingest writes: a batch of articles in one transaction; deletes
    reads.py       the read queries of the command line and the app: pages, rows by id, details
    filters.py     the app's ordered id lists and their typo-tolerant filters; totals
    sql.py         what every read shares: connection(), dict_rows(), LIKE patterns
    labels.py      how screens write a row's fields (speaker_label, one_line...); placeholders
    corrections.py the user's corrections of who said a quote, kept through re-ingest and re-extraction
    merges.py      people merged and split, by hand and the safe automatic merges after ingest

Store is an open store: its connection, its path and its search vocabulary cache.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from . import writes
from .access import IMMUTABLE, READ_ONLY, READ_WRITE, cant_open, open_read_only, why_read_only
from .errors import StoreError, store_error
from .migrations import SCHEMA_VERSION, migrate, schema_version
from .schema import PERSON_SUMMARY, SCHEMA
from .writes import ArticleRecord, content_hash

if TYPE_CHECKING:
    import sqlite_utils

    from ..search.vocabulary import Vocabulary

__all__ = ["IMMUTABLE", "READ_ONLY", "READ_WRITE", "ArticleRecord", "PERSON_SUMMARY", "SCHEMA", "SCHEMA_VERSION",
           "Store", "StoreError",
           "content_hash", "data_folder", "default_path", "open_store"]


def default_path() -> Path:
    env = os.environ.get("BYLINE_DB")
    if env:
        return Path(env).expanduser()
    return data_folder() / "byline.db"


def data_folder() -> Path:
    """byline's folder in the user data folder: the default store, exports, the clipboard's fallback."""
    from platformdirs import user_data_dir
    return Path(user_data_dir("byline"))


@dataclass
class Store:
    conn: sqlite3.Connection
    path: Path
    access: str = READ_WRITE            # or READ_ONLY, IMMUTABLE (store.db.access)
    read_only_reason: str | None = None     # why it was opened read-only, in a few words

    @property
    def read_only(self) -> bool:
        return self.access != READ_WRITE

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
        self.refuse_read_only("add articles")
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

    def refuse_read_only(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"cannot {what}: {self.path} is open read-only ({self.read_only_reason})")

    @contextmanager
    def transaction(self, what: str):
        """One write transaction (BEGIN IMMEDIATE), committed when the block ends, rolled
        back on any error; refused, saying it cannot `what`, on a read-only store.
        SQLite's errors become one-line StoreErrors."""
        self.refuse_read_only(what)
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
        except sqlite3.Error as e:
            raise store_error(e, self.path) from None

    def delete_article(self, article_id: int) -> None:
        with self.transaction("delete an article") as conn:
            writes.delete(conn, [article_id])


def open_store(path: str | Path | None = None, timeout: float = 5.0,
               notice: Callable[[str], None] | None = None, write: bool | None = None) -> Store:
    """Open (creating or migrating) the store at path, or at the default location.
    notice(message) hears of an upgrade of an older store before it starts (on a big
    store it takes a while: the search index is built again), and of the copy kept.

    write=None opens the store read-write where this process may write it, else
    read-only (store.read_only, and why in store.read_only_reason; writes are refused);
    write=True raises a StoreError saying why it cannot be written; write=False opens
    it read-only whatever the permissions."""
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
    reason = "opened read-only on request" if write is False else why_read_only(path)
    if reason and write:
        if not path.exists():
            raise StoreError(f"cannot make a store at {path}: {reason}")
        raise StoreError(f"cannot write to {path}: {reason} (it can still be browsed)")
    if reason is None:
        try:
            return _open_read_write(path, timeout, notice)
        except StoreError as e:
            cause = e.__cause__
            if not (isinstance(cause, sqlite3.Error) and cant_open(cause)) or not path.exists():
                raise
            # the file system said yes and SQLite no: its -wal or -shm cannot be made or used
            reason = f"SQLite cannot write it or the -wal and -shm files beside it ({cause})"
            if write:
                raise StoreError(f"cannot write to {path}: {reason} (it can still be browsed)") from None
    if not path.exists():
        raise StoreError(f"no store at {path}, and none can be made there: {reason}")
    return _open_read_only(path, timeout, reason)


def _open_read_write(path: Path, timeout: float, notice: Callable[[str], None] | None) -> Store:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # writes BEGIN IMMEDIATE themselves; `with conn` commits or rolls back
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    with _closed_on_error(conn, path):
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
        schema_version(conn, path)      # a store of a newer byline (or not a store) is refused untouched
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, path, notice)
    return Store(conn=conn, path=path)


@contextmanager
def _closed_on_error(conn: sqlite3.Connection, path: Path):
    """Close the connection if setting it up fails; SQLite's errors become one-line StoreErrors."""
    try:
        yield
    except sqlite3.Error as e:
        conn.close()
        raise store_error(e, path) from e
    except BaseException:
        conn.close()
        raise


def _open_read_only(path: Path, timeout: float, reason: str) -> Store:
    """The store at path opened read-only: SQLite's mode=ro, or immutable=1 where even
    that cannot open it. An older store cannot be upgraded here, so it is refused."""
    try:
        conn, access = open_read_only(path, timeout)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open {path} read-only ({reason}): {e}") from e
    with _closed_on_error(conn, path):
        conn.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
        version = schema_version(conn, path)
    if version != SCHEMA_VERSION:
        conn.close()
        if version == 0:
            raise StoreError(f"{path} is empty, and {reason}: nothing to show")
        raise StoreError(f"{path} is a schema {version} store that this byline (schema {SCHEMA_VERSION}) "
                         f"must upgrade first, and {reason}; open it once where it can be written")
    wal = Path(f"{path}-wal")
    if access == IMMUTABLE and wal.exists() and wal.stat().st_size > 0:
        reason += "; changes left in its -wal file are not shown"
    return Store(conn=conn, path=path, access=access, read_only_reason=reason)
