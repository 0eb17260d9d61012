"""The one error a store raises, with a message fit to show the user."""
from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A store that cannot be used: locked, corrupt, not SQLite, too new. One-line message."""


def store_error(e: sqlite3.Error, path: Path) -> StoreError:
    """An SQLite error as a StoreError saying what is wrong with the store at path."""
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return StoreError(f"{path} is locked by another program; try again when it is done")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return StoreError(f"{path} is corrupt or not a byline store ({msg})")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"{path} is read-only")
    if "disk" in msg and "full" in msg:
        return StoreError(f"the disk holding {path} is full")
    return StoreError(f"{path}: {msg}")
