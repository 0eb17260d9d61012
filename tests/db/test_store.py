"""Opening a store: a new one, and files that must be refused or left untouched."""
import sqlite3

import pytest
from tests.db.store_helpers import TEXT, counts, extraction

from store.db import SCHEMA_VERSION, StoreError, open_store
from store.model import Article


def test_new_store_has_schema_wal_and_foreign_keys(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"articles", "sentences", "people", "article_people", "mentions", "quotes", "figures",
                "sentences_fts"} <= set(store.db.table_names())


def test_not_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n" * 10)
    with pytest.raises(StoreError, match="not an SQLite file"):
        open_store(path)
    assert path.read_text() == "my precious notes\n" * 10


def test_corrupt_store_gives_clean_error(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT), extraction())])
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)       # header kept, schema page destroyed
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corrupt"):
        open_store(path)


def test_other_sqlite_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a byline store"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        with store.conn:
            store.conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer byline"):
        open_store(path)


def test_locked_store_gives_clean_error_and_loses_nothing(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT), extraction())])
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(path, timeout=0.1)
        with pytest.raises(StoreError, match="locked"):
            store.write([("k2", Article(text=TEXT + " More."), extraction(TEXT + " More."))])
        store.close()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with open_store(path) as store:
        assert counts(store)["articles"] == 1 and counts(store)["quotes"] == 2
