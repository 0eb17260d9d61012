"""The store is plain SQLite (README, "The store is plain SQLite"): metadata.json
(Datasette's format, at the project root) describes every table and column of a new store
as schema.py makes it, and nothing that is not there (a column added without a description
fails here); the README's sqlite-utils lines run on a real store and answer."""
from __future__ import annotations

import csv
import io
import json
import shlex
import subprocess
import sys
from pathlib import Path

from store.db import open_store, schema

ROOT = Path(__file__).resolve().parents[2]
METADATA = ROOT / "metadata.json"
SQLITE_UTILS = Path(sys.executable).with_name("sqlite-utils")    # the CLI of the library byline uses


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


def readme_lines(command: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The store is plain SQLite\n", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.strip().startswith(command + " ")]


def test_the_readmes_sqlite_utils_lines_answer_on_a_store(sample_db):
    lines = readme_lines("sqlite-utils")
    assert len(lines) == 2
    answers = []
    for line in lines:
        args = [str(sample_db) if arg == "byline.db" else arg for arg in shlex.split(line)[1:]
                if arg not in ("--table", "--csv")]
        done = subprocess.run([str(SQLITE_UTILS), *args, "--csv"], capture_output=True, text=True, check=True)
        answers.append(list(csv.DictReader(io.StringIO(done.stdout))))
    top, found = answers
    with open_store(sample_db) as store:        # people.quotes: the summary byline keeps itself
        most = store.conn.execute("SELECT name, quotes FROM people ORDER BY quotes DESC LIMIT 1").fetchone()
    assert (top[0]["name"], int(top[0]["quotes"])) == most and len(top) > 1
    assert found and all("defend" in row["text"].lower() and "peace" in row["text"].lower() for row in found)
    assert readme_lines("datasette") == ["datasette byline.db --metadata metadata.json"]
