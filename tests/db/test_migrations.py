"""Older stores brought up to the current schema, all or nothing, after a copy is kept;
stores of a newer byline refused untouched."""
import os
import sqlite3

import pytest
from tests.db.store_helpers import (TEXT, counts, drop_feeds, drop_person_summary, drop_quote_confidence,
                                    drop_quote_via, extraction, summaries, version_3_store, version_4_store,
                                    version_5_store, version_7_store)

from store.db import SCHEMA_VERSION, open_store
from store.model import Article
from store.search import search


def test_version_3_store_gains_person_summaries(tmp_path):
    path = tmp_path / "old.db"
    version_3_store(path)
    with open_store(path) as store:
        assert summaries(store) == {"Ann Lee": ("mayor", 2, 1, 1)}
        # the search index is made again, without column sizes, and finds what it held
        fts = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'").fetchone()[0]
        assert "columnsize=0" in fts
        assert [h.text for h in search(store.db, "rebuild", vocabulary=store.vocabulary)] == ["“We will rebuild,” Ann Lee said."]
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_interrupted_upgrade_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    from store.db import migrations

    path = tmp_path / "old.db"
    version_3_store(path)
    real_install = migrations.install_search

    def interrupted(db):
        real_install(db)               # the index rebuilt, then Ctrl-C before the end
        raise KeyboardInterrupt

    monkeypatch.setattr(migrations, "install_search", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "3"
    assert "role" not in [r[1] for r in conn.execute("PRAGMA table_info(people)")]
    conn.close()
    monkeypatch.setattr(migrations, "install_search", real_install)
    with open_store(path) as store:                # and the next open upgrades it whole
        assert summaries(store) == {"Ann Lee": ("mayor", 2, 1, 1)}
        assert [h.text for h in search(store.db, "rebuild", vocabulary=store.vocabulary)] == ["“We will rebuild,” Ann Lee said."]


def test_version_2_store_gains_the_source_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT, title="Mayor", path="a.txt"), extraction())])
    # make it a version 2 store: the quotes table as it was, without the source column
    conn = sqlite3.connect(path)
    drop_quote_via(conn)
    drop_feeds(conn)
    drop_quote_confidence(conn)
    conn.execute("ALTER TABLE quotes DROP COLUMN source")
    drop_person_summary(conn)
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        version = store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(quotes)")]
        assert version == str(SCHEMA_VERSION) and "source" in columns
        assert counts(store)["quotes"] == 2 and counts(store)["articles"] == 1
        assert store.conn.execute("SELECT count(*) FROM quotes WHERE source IS NOT NULL").fetchone()[0] == 0
        # and the migrated store takes new quotes with a source
        ex = extraction(text=TEXT + " ")
        ex.quotes[1].source = "the Courier"
        assert store.write([("k2", Article(text=TEXT + " ", path="b.txt"), ex)]) == ["added"]
        assert store.conn.execute("SELECT source FROM quotes WHERE source IS NOT NULL").fetchall() == [("the Courier",)]


def test_migrations_are_numbered_one_after_another():
    from store.db.migrations import MIGRATIONS

    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


def shape(conn) -> dict:
    """Every table's columns, index's columns and trigger of a store, by name."""
    found = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
        pragma = {"table": "table_xinfo", "index": "index_xinfo"}.get(kind)
        found[name] = (kind, conn.execute(f"PRAGMA {pragma}('{name}')").fetchall() if pragma else None)
    return found


def test_a_store_of_schema_1_migrates_to_the_shape_of_a_new_one(tmp_path):
    """The schema (schema.py) and the migrations agree: what every migration makes of the
    oldest store has the tables, columns, indexes and triggers a new store has."""
    version_3_store(tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("ALTER TABLE quotes DROP COLUMN source")         # schema 2
    conn.execute("DROP TABLE sentences_vocab")                    # schema 1
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with open_store(tmp_path / "old.db") as old, open_store(tmp_path / "new.db") as new:
        assert shape(old.conn) == shape(new.conn)
        assert summaries(old) == {"Ann Lee": ("mayor", 2, 1, 1)}


QUOTE_COLUMNS = ("confidence", "likely", "decision", "described")


def test_version_4_store_gains_quote_confidence_and_a_new_ingest_stores_it(tmp_path):
    """Quotes stored before schema 5 keep their rows with NULLs (not measured); the
    bundled sample ingested into the migrated store carries what extraction decided."""
    from store.db import labels, reads
    from store.extract import extract
    from store.ingest import ingest, sample_path

    path = tmp_path / "old.db"
    version_4_store(path)
    with open_store(path) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert set(QUOTE_COLUMNS) <= {r[1] for r in store.conn.execute("PRAGMA table_info(quotes)")}
        old = store.conn.execute(f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes").fetchall()
        assert old == [(None,) * 4] * 2
        row = reads.quotes(store, speaker="Ann Lee")[0]
        assert row["speaker"] == "Ann Lee" and all(row[c] is None for c in QUOTE_COLUMNS)
        assert labels.confidence_label(row) == ""

        assert ingest(store, [sample_path()], workers=1).added == 1
        aid = store.conn.execute("SELECT id FROM articles WHERE key != 'k1'").fetchone()[0]
        stored = {r["char_start"]: r for r in reads.quotes(store, article_id=aid, limit=1000)}
    expected = extract(sample_path().read_text(encoding="utf-8")).quotes
    assert len(stored) == len(expected)
    assert any(q.confidence is not None for q in expected), "the sample has quotes with a confidence"
    for q in expected:
        row = stored[q.start]
        assert (row["confidence"], row["decision"], row["likely"], row["described"]) == \
               (q.confidence, q.decision, q.likely, q.described)
    porcupine = next(r for r in stored.values() if "steel porcupine" in r["text"])
    assert porcupine["speaker"] == "Ursula von der Leyen" and 0.8 <= porcupine["confidence"] <= 1
    assert porcupine["decision"]


def test_version_5_store_gains_corrections_and_merges_and_they_work(tmp_path):
    from store.db.corrections import fix
    from store.db.merges import merge

    path = tmp_path / "old.db"
    version_5_store(path)
    with open_store(path) as store, open_store(tmp_path / "new.db") as new:
        assert shape(store.conn) == shape(new.conn)
        qid = store.conn.execute("SELECT id FROM quotes WHERE person_id IS NOT NULL").fetchone()[0]
        assert fix(store, qid, speaker="Bo Hart")["checked"] is True
        assert merge(store, "Bo Hart", "Ann Lee")["into"] == "Ann Lee"
        assert summaries(store)["Ann Lee"][3] == 1


# ---- stores of other versions, as the command line meets them --------------------------

def cli(*args):
    from click.testing import CliRunner

    from tui.cli import main
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def newer_store(path):
    """A store as a newer byline might leave it: a higher schema version, and (say) a
    rollback journal instead of WAL."""
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), extraction())])
        with store.conn:
            store.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
        store.conn.execute("PRAGMA journal_mode = DELETE")
    return path


def test_store_of_a_newer_byline_is_refused_in_one_line_naming_both_versions(tmp_path):
    path = newer_store(tmp_path / "byline.db")
    before = path.read_bytes()
    for args in (["people"], ["add", str(tmp_path / "a.txt")], []):      # [] opens the app
        result = cli("--db", str(path), *args)
        assert result.exit_code == 1
        assert result.stderr == (f"byline: error: {path} was made by a newer byline (schema {SCHEMA_VERSION + 1}, "
                                 f"this one knows {SCHEMA_VERSION})\n")
        assert result.stdout == ""
    # refused untouched: not even switched to WAL
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak-*"))


def test_store_of_a_newer_byline_is_refused_read_only_too(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    path = newer_store(folder / "byline.db")
    os.symlink(folder / "byline.db-shm", folder / "byline.db-shm")     # no -shm can be made: immutable
    result = cli("people", "--db", str(path))
    assert result.exit_code == 1
    assert result.stderr == (f"byline: error: {path} was made by a newer byline (schema {SCHEMA_VERSION + 1}, "
                             f"this one knows {SCHEMA_VERSION})\n")


def test_older_store_is_copied_beside_itself_then_upgraded_and_says_so(tmp_path):
    path = tmp_path / "byline.db"
    version_4_store(path)
    with sqlite3.connect(path) as conn:
        old_rows = conn.execute("SELECT id, text FROM quotes ORDER BY id").fetchall()
    result = cli("people", "--db", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    backup = tmp_path / "byline.db.bak-4"
    assert result.stderr == (f"byline: upgrading {path} from schema 4 to {SCHEMA_VERSION} (once; a big store takes a "
                             f"minute); a copy of it as it was is kept in {backup}\n")
    assert sorted(p.name for p in tmp_path.iterdir() if "bak" in p.name) == ["byline.db.bak-4"]
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
    assert conn.execute("SELECT id, text FROM quotes ORDER BY id").fetchall() == old_rows
    assert "confidence" not in [r[1] for r in conn.execute("PRAGMA table_info(quotes)")]
    conn.close()
    with open_store(path) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.conn.execute("SELECT id, text FROM quotes ORDER BY id").fetchall() == old_rows
    again = cli("people", "--db", str(path), "--json")           # once only
    assert again.exit_code == 0 and again.stderr == ""


def test_older_store_is_left_as_it_was_when_its_copy_cannot_be_made(tmp_path):
    path = tmp_path / "byline.db"
    version_4_store(path)
    (tmp_path / "byline.db.bak-4").mkdir()                    # in the way of the copy
    (tmp_path / "byline.db.bak-4" / "keep").write_text("a folder of the user's")
    result = cli("people", "--db", str(path))
    assert result.exit_code == 1
    notice, error = result.stderr.splitlines()
    assert notice.startswith(f"byline: upgrading {path} from schema 4")
    assert error == (f"byline: error: cannot keep a copy of {path} in {tmp_path / 'byline.db.bak-4'} before "
                     "upgrading it (Is a directory); it was left as it was")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 2
    conn.close()
    assert (tmp_path / "byline.db.bak-4" / "keep").read_text() == "a folder of the user's"
    assert sorted(p.name for p in tmp_path.iterdir() if "bak" in p.name) == ["byline.db.bak-4"]


def test_older_store_that_cannot_be_written_is_refused_saying_why(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "byline.db"
    version_4_store(path)
    for side in folder.glob("byline.db-*"):
        side.unlink()
    os.symlink(folder / "byline.db-shm", folder / "byline.db-shm")     # no -shm can be made: immutable
    before = path.read_bytes()
    result = cli("people", "--db", str(path))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"byline: error: {path} is a schema 4 store that this byline "
                                    f"(schema {SCHEMA_VERSION}) must upgrade first, and SQLite cannot write it")
    assert result.stderr.endswith("; open it once where it can be written\n")
    assert path.read_bytes() == before and not list(folder.glob("*.bak-*"))


def test_version_6_store_gains_feeds_and_its_raw_feed_dates_become_iso_and_sort(tmp_path):
    """Schema 7: the feeds table, articles marked summary only (none of those stored
    before), and raw RSS dates as ISO 8601; an article whose date was rewritten is found
    unchanged when the same entry is read again."""
    from store.db import reads

    path = tmp_path / "old.db"
    old = [Article(text=TEXT, title="Old", path="f.rss#1", published="Fri, 01 Jan 2010 10:00:00 GMT"),
           Article(text=TEXT + " ", title="New", path="g.txt", published="2016-05-02"),
           Article(text=TEXT + "  ", title="Odd", path="h.txt", published="the day before yesterday")]
    with open_store(path) as store:
        store.write([(f"k{n}", a, extraction(text=a.text)) for n, a in enumerate(old)])
    conn = sqlite3.connect(path)
    drop_quote_via(conn)
    drop_feeds(conn)
    conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        rows = reads.articles(store)
        assert [(r["title"], r["published"], r["summary_only"]) for r in rows] == [
            ("Odd", "the day before yesterday", 0), ("New", "2016-05-02", 0), ("Old", "2010-01-01T10:00:00Z", 0)]
        assert store.conn.execute("SELECT count(*) FROM feeds").fetchone() == (0,)
        again = Article(text=TEXT, title="Old", path="f.rss#1", published="2010-01-01T10:00:00Z")
        assert store.write([("k0", again, None)]) == ["unchanged"]


RELAYED = "Mayor Ann Lee spoke on Monday.\n\n“We will rebuild,” Lee said, according to the Harbor Gazette.\n"


def test_version_7_store_gains_the_relay_of_a_quote_and_a_new_ingest_stores_it(tmp_path):
    """Schema 8: quotes keep who relayed their words (via). A schema 7 file (the quotes
    table without it) keeps its rows with via NULL; a quote written after carries it."""
    from store.db import reads
    from store.extract import extract

    path = tmp_path / "old.db"
    version_7_store(path)
    with sqlite3.connect(path) as conn:
        assert "via" not in [r[1] for r in conn.execute("PRAGMA table_info(quotes)")]
        old_rows = conn.execute("SELECT id, text, person_id FROM quotes ORDER BY id").fetchall()
    with open_store(path) as store, open_store(tmp_path / "new.db") as new:
        assert shape(store.conn) == shape(new.conn)
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "8"
        assert store.conn.execute("SELECT id, text, person_id FROM quotes ORDER BY id").fetchall() == old_rows
        assert [r["via"] for r in reads.quotes(store)] == [None, None]
        assert store.write([("k2", Article(text=RELAYED, path="b.txt"), extract(RELAYED))]) == ["added"]
        aid = store.conn.execute("SELECT id FROM articles WHERE key = 'k2'").fetchone()[0]
        [row] = reads.quotes(store, article_id=aid)
    assert row["via"] == "the Harbor Gazette" and row["text"] == "We will rebuild,"
    assert row["decision"].startswith("relayed<") and (row["speaker"] or row["likely"]) == "Ann Lee"
    assert (tmp_path / "old.db.bak-7").exists()
