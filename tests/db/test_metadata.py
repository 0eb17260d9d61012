"""metadata.json (Datasette's format, at the project root) describes every table and column
of a new store as schema.py makes it, and nothing that is not there: a column added without
a description fails here."""
from __future__ import annotations

import json
from pathlib import Path

from store.db import open_store, schema

METADATA = Path(__file__).resolve().parents[2] / "metadata.json"


def store_columns(path: Path) -> dict[str, list[str]]:
    """Every table Datasette lists in a store (the full-text index's own shadow tables it
    hides), with its columns."""
    with open_store(path) as store:
        conn = store.conn
        conn.execute(schema.SEARCH_TERMS)          # made when the vocabulary is first saved
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        virtual = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
        shown = [t for t in tables if not any(t.startswith(v + "_") and t not in virtual for v in virtual)]
        return {t: [row[1] for row in conn.execute(f"PRAGMA table_info([{t}])")] for t in shown}


def test_every_table_and_column_of_a_store_is_described_and_nothing_else(tmp_path):
    described = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["byline"]["tables"]
    actual = store_columns(tmp_path / "byline.db")
    assert {"articles", "quotes", "sentences_fts"} <= set(actual)
    assert sorted(described) == sorted(actual)
    for table, columns in actual.items():
        assert described[table]["description"].strip(), table
        assert sorted(described[table]["columns"]) == sorted(columns), table
        assert all(text.strip() for text in described[table]["columns"].values()), table


def test_metadata_is_datasettes_shape():
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    assert metadata["title"] == "byline" and metadata["description"]
    for table in metadata["databases"]["byline"]["tables"].values():
        assert set(table) <= {"description", "columns", "label_column"}
        assert table.get("label_column") in (None, *table["columns"])
