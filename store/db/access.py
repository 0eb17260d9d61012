"""How a store file is opened: for reading and writing where this process may write it,
read-only elsewhere, so that an archive on a read-only mount, in someone else's folder or
on a share can still be browsed.

A store is in WAL mode, and even a reader of a WAL store needs its -wal and -shm files
beside it. Where they exist or can be made, SQLite's mode=ro reads the store as it is,
including what a writer has just committed. Where they cannot (a read-only folder or
mount holding a store that was closed cleanly, so has no such files), immutable=1 reads
the main file alone, trusting that nothing changes it meanwhile.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

READ_WRITE = "read-write"
READ_ONLY = "read-only"         # SQLite's mode=ro
IMMUTABLE = "immutable"         # SQLite's immutable=1: no -wal or -shm needed

__all__ = ["IMMUTABLE", "READ_ONLY", "READ_WRITE", "cant_open", "connect", "open_read_only", "why_read_only"]


def why_read_only(path: Path) -> str | None:
    """Why this process cannot write the store at path, in a few words (None: it can).
    Asked of the file system (root may write files whatever their permissions say,
    though not on a read-only mount)."""
    existing = path if path.exists() else next((p for p in path.parents if p.exists()), None)
    if existing is None:
        return None
    try:
        if os.statvfs(existing).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except OSError:
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    folder = path.parent
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        # a writer makes -wal and -shm beside the store; if both are there and writable, it may
        sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        if not (path.exists() and all(s.exists() and os.access(s, os.W_OK) for s in sides)):
            return "its folder is read-only"
    return None


def uri(path: Path, mode: str) -> str:
    """The SQLite URI opening path read-only (mode=ro) or as immutable (immutable=1)."""
    query = "immutable=1" if mode == IMMUTABLE else "mode=ro"
    return f"file:{quote(os.path.abspath(path))}?{query}"


def cant_open(e: sqlite3.Error) -> bool:
    """Whether e says SQLite could not open or write the store's files (not a lock, not
    corruption): a reason to try again read-only."""
    msg = str(e).lower()
    return "unable to open" in msg or "readonly" in msg or "read-only" in msg


def open_read_only(path: Path, timeout: float = 5.0) -> tuple[sqlite3.Connection, str]:
    """A connection reading the store at path, and how: READ_ONLY where its -wal and -shm
    can be used, else IMMUTABLE. Raises sqlite3.Error when neither opens it."""
    first: sqlite3.Error | None = None
    for mode in (READ_ONLY, IMMUTABLE):
        conn = None
        try:
            conn = sqlite3.connect(uri(path, mode), uri=True, timeout=timeout, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()     # opens the -wal and -shm, if any
            return conn, mode
        except sqlite3.Error as e:
            if conn is not None:
                conn.close()
            first = first or e
            if not cant_open(e):
                raise
    assert first is not None
    raise first


def connect(path: str | Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection of its own to the store at path (for a reader in another thread):
    read-write where this process may write the store, else read-only as open_read_only."""
    path = Path(path)
    if why_read_only(path) is None:
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as e:
            conn.close()
            if not cant_open(e):
                raise
    return open_read_only(path, timeout)[0]
