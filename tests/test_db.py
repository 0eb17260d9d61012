import sqlite3

import pytest

from store.db import SCHEMA_VERSION, StoreError, open_store
from store.model import Article, Extraction, Figure, Person, Quote
from store.db.reads import people
from store.search import search

TEXT = "“We will rebuild,” Ann Lee said. Lee, the mayor, promised £2m. Critics called it “a stunt”."


def extraction(text=TEXT, speaker="Ann Lee"):
    s1 = text.index("Lee, the")
    people = [Person(name="Ann Lee", role="mayor", forms=["Ann Lee", "Lee"], gender="f",
                     mentions=[(text.index("Ann Lee"), text.index("Ann Lee") + 7), (s1, s1 + 3)])]
    q1 = text.index("We will")
    q2 = text.index("a stunt")
    quotes = [Quote(start=q1, end=q1 + 16, text="We will rebuild,", kind="full", speaker=speaker,
                    cue="Ann Lee said", sieve="verb-name"),
              Quote(start=q2, end=q2 + 7, text="a stunt", kind="partial")]
    f = text.index("£")
    figures = [Figure(start=f, end=f + 3, text=text[f:f + 3], kind="money", value=2e6, unit="GBP")]
    sents = [(0, 32), (33, 63), (64, len(text))]
    return Extraction(paragraphs=[(0, len(text))], sentences=sents, people=people, quotes=quotes, figures=figures)


def counts(store):
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "sentences", "people", "article_people", "mentions", "quotes", "figures")}


def test_new_store_has_schema_wal_and_foreign_keys(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"articles", "sentences", "people", "article_people", "mentions", "quotes", "figures",
                "sentences_fts"} <= set(store.db.table_names())


def test_round_trip_keeps_offsets_into_the_stored_text(tmp_path):
    art = Article(text=TEXT, title="Mayor", source="Example", path="a.txt")
    with open_store(tmp_path / "s.db") as store:
        assert store.write([("k1", art, extraction())]) == ["added"]
    with open_store(tmp_path / "s.db") as store:   # reopened: really on disk
        text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
        assert text == TEXT
        for table in ("quotes", "figures", "sentences", "mentions"):
            col = "form" if table == "mentions" else "text"
            for start, end, value in store.conn.execute(f"SELECT char_start, char_end, {col} FROM {table}"):
                assert text[start:end] == value
        rows = store.conn.execute(
            "SELECT q.text, p.name FROM quotes q LEFT JOIN people p ON p.id = q.person_id ORDER BY q.char_start").fetchall()
        assert rows == [("We will rebuild,", "Ann Lee"), ("a stunt", None)]
        role, forms = store.conn.execute("SELECT role, forms FROM article_people").fetchone()
        assert role == "mayor" and forms == '["Ann Lee", "Lee"]'
        assert store.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'rebuild'").fetchall()


def test_same_content_twice_changes_nothing(tmp_path):
    art = Article(text=TEXT, title="Mayor", path="a.txt")
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", art, extraction())])
        before = counts(store)
        assert store.write([("k1", art, extraction())]) == ["unchanged"]
        assert store.write([("k2", art, None)]) == ["unchanged"]   # same content under another key
        assert counts(store) == before


def test_edited_article_replaces_its_rows(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT), extraction())])
        other = "Bob Stone spoke. Nothing else."
        store.write([("k2", Article(text=other), Extraction([(0, len(other))], [(0, 16), (17, 30)],
                                                             [Person("Bob Stone", mentions=[(0, 9)])], [], []))])
        edited = TEXT.replace("£2m", "£3m")
        assert store.write([("k1", Article(text=edited), extraction(edited, speaker=None))]) == ["replaced"]
        c = counts(store)
        assert c["articles"] == 2 and c["quotes"] == 2 and c["figures"] == 1 and c["sentences"] == 5
        assert store.conn.execute("SELECT text FROM figures").fetchone()[0] == "£3m"
        assert store.conn.execute("SELECT text FROM articles WHERE key='k1'").fetchone()[0] == edited
        # the FTS index followed the sentences
        assert store.conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '3m'").fetchone()[0] == 1
        assert store.conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '2m'").fetchone()[0] == 0


def test_people_left_without_articles_are_removed(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT), extraction())])
        plain = "No names at all here."
        store.write([("k1", Article(text=plain), Extraction([(0, 21)], [(0, 21)], [], [], []))])
        assert counts(store)["people"] == 0


def test_one_person_across_articles(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT), extraction()),
                     ("k2", Article(text=TEXT + " "), extraction(TEXT + " "))])
        assert counts(store)["people"] == 1 and counts(store)["article_people"] == 2


def test_failed_batch_writes_nothing(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        bad = extraction()
        bad.sentences = [(0, 5, "too many fields")]   # breaks the insert midway
        with pytest.raises(Exception):
            store.write([("k1", Article(text=TEXT), extraction()), ("k2", Article(text="Other text."), bad)])
        assert counts(store)["articles"] == 0 and counts(store)["quotes"] == 0


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


def test_sentence_ids_only_grow_even_when_the_newest_article_is_replaced(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT), extraction())])
        before = store.conn.execute("SELECT max(id) FROM sentences").fetchone()[0]
        edited = TEXT.replace("£2m", "£9m")
        store.write([("k1", Article(text=edited), extraction(edited))])
        ids = [r[0] for r in store.conn.execute("SELECT id FROM sentences")]
        assert len(ids) == 3 and min(ids) > before
        assert store.conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '9m'").fetchone()[0] == 1


def test_read_queries_filter_and_page(tmp_path):
    from store.db import reads
    other = "Bob Stone spoke twice. Bob Stone again. Stone said “no”."
    q = other.index("no”")
    bob = Extraction([(0, len(other))], [(0, 22), (23, 38), (39, len(other))],
                     [Person("Bob Stone", role="coach", mentions=[(0, 9), (23, 32), (39, 44)])],
                     [Quote(start=q, end=q + 2, text="no", kind="partial", speaker="Bob Stone", cue="Stone said")], [])
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, title="Mayor", published="2024-01-01"), extraction()),
                     ("k2", Article(text=other, title="Coach", published="2024-02-01"), bob)])
        assert reads.counts(store) == {"articles": 2, "people": 2, "quotes": 3, "figures": 1}
        people = reads.people(store)
        assert [(p["name"], p["mentions"], p["quotes"], p["articles"], p["role"]) for p in people] == [
            ("Bob Stone", 3, 1, 1, "coach"), ("Ann Lee", 2, 1, 1, "mayor")]
        assert [p["name"] for p in reads.people(store, limit=1, offset=1)] == ["Ann Lee"]
        assert [p["name"] for p in reads.people(store, name="stone")] == ["Bob Stone"]
        assert [p["name"] for p in reads.people(store, name="An Le")] == ["Ann Lee"]       # fuzzy fallback
        assert [r["text"] for r in reads.quotes(store, speaker="ann")] == ["We will rebuild,"]
        unknown = [r for r in reads.quotes(store) if r["speaker"] is None]
        assert [r["text"] for r in unknown] == ["a stunt"]
        row = reads.quote(store, reads.quotes(store, speaker="Bob")[0]["id"])
        assert (row["speaker"], row["role"], row["title"], row["published"]) == ("Bob Stone", "coach", "Coach", "2024-02-01")
        assert [f["text"] for f in reads.figures(store, kind="money")] == ["£2m"]
        assert reads.figures(store, kind="percent") == []
        assert [a["title"] for a in reads.articles(store)] == ["Coach", "Mayor"]        # newest first
        art = reads.article(store, reads.articles(store, limit=1, offset=1)[0]["id"])
        assert art["text"] == TEXT and art["people_list"][0]["forms"] == ["Ann Lee", "Lee"]
        assert reads.quote(store, 10_000) is None and reads.article(store, 10_000) is None


def test_same_key_twice_in_one_batch_keeps_the_second(tmp_path):
    edited = TEXT.replace("£2m", "£7m")
    with open_store(tmp_path / "s.db") as store:
        assert store.write([("k1", Article(text=TEXT), extraction()),
                            ("k1", Article(text=edited), extraction(edited))]) == ["added", "replaced"]
        c = counts(store)
        assert (c["articles"], c["quotes"], c["figures"], c["sentences"], c["people"]) == (1, 2, 1, 3, 1)
        assert store.conn.execute("SELECT text FROM figures").fetchone()[0] == "£7m"


def test_organisation_source_is_stored(tmp_path):
    ex = extraction()
    ex.quotes[1].source, ex.quotes[1].sieve = "the Courier", "organisation"
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), ex)])
        rows = store.conn.execute("SELECT text, person_id, source FROM quotes ORDER BY char_start").fetchall()
    assert [(t, pid is None, src) for t, pid, src in rows] == [("We will rebuild,", False, None),
                                                                ("a stunt", True, "the Courier")]


def _drop_person_summary(conn):
    """The people table as it was before schema 4."""
    conn.execute("DROP INDEX idx_people_rank")
    for column in ("role", "mentions", "articles", "quotes", "role_mentions"):
        conn.execute(f"ALTER TABLE people DROP COLUMN {column}")


def summaries(store):
    return {r[0]: r[1:] for r in store.conn.execute("SELECT name, role, mentions, articles, quotes FROM people")}


def test_person_summary_follows_writes_replacements_and_deletes(tmp_path):
    other = "Ann Lee met Bo Park. “Fine,” Lee said."
    lee = (other.index("Ann Lee"), other.index("Ann Lee") + 7)
    second = Extraction(
        paragraphs=[(0, len(other))], sentences=[(0, 20), (21, len(other))],
        people=[Person(name="Ann Lee", forms=["Ann Lee"], mentions=[lee]),
                Person(name="Bo Park", role="judge", forms=["Bo Park"], mentions=[(12, 19)])],
        quotes=[Quote(start=22, end=27, text="Fine,", kind="full", speaker="Ann Lee")], figures=[])
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), extraction()),
                     ("k2", Article(text=other, path="b.txt"), second)])
        # Ann Lee: 2 + 1 mentions, 2 articles, 1 + 1 quotes; her role from the article naming it
        assert summaries(store) == {"Ann Lee": ("mayor", 3, 2, 2), "Bo Park": ("judge", 1, 1, 0)}
        # k1 edited: Ann Lee no longer speaks there
        edited = TEXT.replace("rebuild", "rebuilt")
        store.write([("k1", Article(text=edited, path="a.txt"), extraction(edited, speaker=None))])
        assert summaries(store) == {"Ann Lee": ("mayor", 3, 2, 1), "Bo Park": ("judge", 1, 1, 0)}
        store.delete_article(store.conn.execute("SELECT id FROM articles WHERE key = 'k1'").fetchone()[0])
        assert summaries(store) == {"Ann Lee": (None, 1, 1, 1), "Bo Park": ("judge", 1, 1, 0)}
        # and the lists read them in order: most mentioned first, then by name
        assert [p["name"] for p in people(store)] == ["Ann Lee", "Bo Park"]


def _version_3_store(path):
    """A store with one article, as schema 3 made it: no person summaries, and a search
    index with column sizes and three-letter prefixes."""
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), extraction())])
    conn = sqlite3.connect(path)
    _drop_person_summary(conn)
    conn.execute("DROP TABLE sentences_fts")
    conn.execute("CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',"
                 " tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def test_version_3_store_gains_person_summaries(tmp_path):
    path = tmp_path / "old.db"
    _version_3_store(path)
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
    _version_3_store(path)
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
    conn.execute("ALTER TABLE quotes DROP COLUMN source")
    _drop_person_summary(conn)
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


def test_quote_rows_carry_the_organisation_apart_from_the_outlet(tmp_path):
    from store.db import reads
    ex = extraction()
    ex.quotes[1].source = "the Courier"
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, source="Example News", path="a.txt"), ex)])
        rows = reads.quotes(store)
    assert [(r["speaker"], r["organisation"], r["source"]) for r in rows] == [
        ("Ann Lee", None, "Example News"), (None, "the Courier", "Example News")]


def test_speaker_filter_finds_organisation_sources(tmp_path):
    from store.db import reads
    ex = extraction()
    ex.quotes[1].source = "the Courier"
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), ex)])
        assert [r["text"] for r in reads.quotes(store, speaker="courier")] == ["a stunt"]
        assert [r["text"] for r in reads.quotes(store, speaker="Ann Lee")] == ["We will rebuild,"]
        assert reads.quotes(store, speaker="Zebedee Quux") == []


def test_list_ids_keep_their_order_at_scale(tmp_path):
    """browse reads an id list as one joined string; the order must be the query's."""
    from store.db import reads

    names = [f"Person {chr(65 + i % 26)}{i:04d} Lee" for i in range(1500)]
    text = " ".join(names) + "."
    offsets, at = [], 0
    for n in names:
        offsets.append((at, at + len(n)))
        at += len(n) + 1
    people_ = [Person(name=n, forms=[n], mentions=[offsets[i]] * (1 + i % 7)) for i, n in enumerate(names)]
    ex = Extraction(paragraphs=[(0, len(text))], sentences=[(0, len(text))], people=people_, quotes=[], figures=[])
    with open_store(tmp_path / "s.db") as store:
        store.write([("k", Article(text=text, path="a.txt"), ex)])
        ids = reads.people_ids(store.conn)
        by_id = {r[0]: r[1:] for r in store.conn.execute("SELECT id, mentions, name FROM people")}
    assert len(ids) == 1500
    assert [by_id[i] for i in ids] == sorted(by_id.values(), key=lambda r: (-r[0], r[1]))


def test_person_forms_and_articles_across_a_store(tmp_path):
    from store.db import reads

    def article(text, forms):
        people_ = [Person(name="Ann Lee", forms=forms, role="mayor" if "Lee" in forms else None,
                          mentions=[(text.index(f), text.index(f) + len(f)) for f in forms])]
        return Extraction(paragraphs=[(0, len(text))], sentences=[(0, len(text))], people=people_, quotes=[], figures=[])

    texts = ["Ann Lee spoke. Lee left.", "The mayor, Ann Lee, waved.", "Ms Lee again: Lee, Lee."]
    exs = [article(texts[0], ["Ann Lee", "Lee"]), article(texts[1], ["The mayor", "Ann Lee"]), article(texts[2], ["Ms Lee", "Lee"])]
    exs[2].people[0].mentions.append((texts[2].rindex("Lee"), len(texts[2]) - 1))
    with open_store(tmp_path / "s.db") as store:
        store.write([(f"k{i}", Article(text=t, path=f"{i}.txt"), e) for i, (t, e) in enumerate(zip(texts, exs))])
        pid = store.conn.execute("SELECT id FROM people").fetchone()[0]
        # a row whose forms are not JSON is skipped, not fatal
        store.conn.execute("UPDATE article_people SET forms = 'not json' WHERE article_id = 1")
        store.conn.commit()
        # names, longest first, then descriptions
        assert reads.person_forms(store.conn, pid) == ["Ann Lee", "Ms Lee", "Lee", "The mayor"]
        # most mentions first (the third article has three), then the latest added
        assert [r["article_id"] for r in reads.person_articles(store.conn, pid)] == [3, 2, 1]
        assert [r["article_id"] for r in reads.person_articles(store.conn, pid, limit=2)] == [3, 2]


def test_incremental_person_summary_equals_a_recount(tmp_path):
    """Over many batches (roles changing, mentions growing, ties), what each write adds up
    equals counting every row again."""
    import random

    from store.db import PERSON_SUMMARY

    rng = random.Random(3)
    names = ["Ann Lee", "Bo Park", "Cy Roe"]
    roles = [None, "mayor", "judge", "the city's chief judge"]
    with open_store(tmp_path / "s.db") as store:
        for batch in range(6):
            items = []
            for k in range(5):
                text = " ".join(names) + f" met ({batch}.{k})."
                people_ = []
                for name in rng.sample(names, rng.randint(1, 3)):
                    at = text.index(name)
                    people_.append(Person(name=name, role=rng.choice(roles), forms=[name],
                                          mentions=[(at, at + len(name))] * rng.randint(1, 3)))
                quotes = [Quote(start=0, end=3, text="Ann", kind="partial", speaker=people_[0].name)]
                ex = Extraction(paragraphs=[(0, len(text))], sentences=[(0, len(text))], people=people_,
                                quotes=quotes, figures=[])
                items.append((f"k{batch}.{k}", Article(text=text, path=f"{batch}.{k}.txt"), ex))
            store.write(items)
        kept = store.conn.execute("SELECT * FROM people ORDER BY id").fetchall()
        store.conn.execute(PERSON_SUMMARY)
        assert store.conn.execute("SELECT * FROM people ORDER BY id").fetchall() == kept


def test_ids_in_background_reports_any_failure(tmp_path):
    from store.db import reads

    with open_store(tmp_path / "s.db"):
        pass

    def broken(conn):
        raise ValueError("not a list")

    future = reads.ids_in_background(str(tmp_path / "s.db"), broken)
    assert isinstance(future.exception(timeout=5), ValueError)
    assert reads.ids_in_background(str(tmp_path / "s.db"), reads.people_ids).result(timeout=5) == []
