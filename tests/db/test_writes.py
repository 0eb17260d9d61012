"""Writes: what a batch puts in the store, replaces and deletes, and the people's summaries."""
import pytest
from tests.db.store_helpers import TEXT, counts, extraction, summaries

from store.db import open_store
from store.db.reads import people
from store.model import Article, Extraction, Person, Quote


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


def test_sentence_ids_only_grow_even_when_the_newest_article_is_replaced(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT), extraction())])
        before = store.conn.execute("SELECT max(id) FROM sentences").fetchone()[0]
        edited = TEXT.replace("£2m", "£9m")
        store.write([("k1", Article(text=edited), extraction(edited))])
        ids = [r[0] for r in store.conn.execute("SELECT id FROM sentences")]
        assert len(ids) == 3 and min(ids) > before
        assert store.conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '9m'").fetchone()[0] == 1


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


def test_confidence_guess_and_description_are_stored_and_read_back(tmp_path):
    """A withheld guess is a name on the quote, never its speaker: no person_id, and not
    counted among the person's quotes."""
    from tests.db.store_helpers import guess_store

    from store.db import filters, labels, reads

    with open_store(guess_store(tmp_path / "s.db")) as store:
        rows = store.conn.execute("SELECT person_id IS NOT NULL, confidence, decision, likely, described FROM quotes"
                                  " ORDER BY char_start").fetchall()
        assert rows == [(1, 0.98, "verb-name", None, None), (0, 0.62, "pronoun:rival", "Ann Cole", None),
                        (0, None, None, None, "a council spokesperson")]
        assert summaries(store)["Ann Cole"] == ("mayor", 2, 1, 1)
        listed = reads.quotes(store)
        by_id = reads.quotes_rows(store, [r["id"] for r in listed])
        for row in (listed, by_id, [reads.quote(store, r["id"]) for r in listed]):
            assert [(r["speaker"], r["confidence"], r["decision"], r["likely"], r["described"]) for r in row] == [
                ("Ann Cole", 0.98, "verb-name", None, None), (None, 0.62, "pronoun:rival", "Ann Cole", None),
                (None, None, None, None, "a council spokesperson")]
        assert [labels.speaker_label(r) for r in listed] == [
            "Ann Cole", "likely Ann Cole, low confidence", "a council spokesperson (unnamed)"]
        assert [labels.confidence_label(r) for r in listed] == ["98%", "62%", ""]
        # the guess is not hers: her quotes are the one she said; a filter by words finds all three
        cole = store.conn.execute("SELECT id FROM people WHERE name = 'Ann Cole'").fetchone()[0]
        assert [r["text"] for r in reads.quotes(store, speaker="Ann Cole")] == ["We will rebuild,"]
        assert len(filters.quotes_ids(store, person_id=cole)) == 1
        assert len(filters.quotes_ids(store, "cole")) == 2 and len(filters.quotes_ids(store, "spokesperson")) == 1


def test_packed_extraction_carries_every_quote_field(tmp_path):
    """What a worker process sends back keeps the confidence, decision, guess and description."""
    from tests.db.store_helpers import guess_extraction

    from store.ingest import PackedExtraction

    ex = guess_extraction()
    assert PackedExtraction.of(ex).unpacked().quotes == ex.quotes


def test_confidence_label_never_rounds_up_to_certainty():
    from store.db.labels import confidence_label

    assert [confidence_label({"confidence": c}) for c in (1, 0.996, 0.955, 0.29, 0, None, "x", float("nan"))] == \
           ["100%", "99%", "96%", "29%", "0%", "", "", ""]
