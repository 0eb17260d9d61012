"""Reads: the command line's pages and the app's id lists, rows and detail views."""
from tests.db.store_helpers import TEXT, extraction

from store.db import filters, open_store, reads
from store.model import Article, Extraction, Person, Quote


def test_read_queries_filter_and_page(tmp_path):
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


def test_quote_rows_carry_the_organisation_apart_from_the_outlet(tmp_path):
    ex = extraction()
    ex.quotes[1].source = "the Courier"
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, source="Example News", path="a.txt"), ex)])
        rows = reads.quotes(store)
    assert [(r["speaker"], r["organisation"], r["source"]) for r in rows] == [
        ("Ann Lee", None, "Example News"), (None, "the Courier", "Example News")]


def test_speaker_filter_finds_organisation_sources(tmp_path):
    ex = extraction()
    ex.quotes[1].source = "the Courier"
    with open_store(tmp_path / "s.db") as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), ex)])
        assert [r["text"] for r in reads.quotes(store, speaker="courier")] == ["a stunt"]
        assert [r["text"] for r in reads.quotes(store, speaker="Ann Lee")] == ["We will rebuild,"]
        assert reads.quotes(store, speaker="Zebedee Quux") == []


def test_list_ids_keep_their_order_at_scale(tmp_path):
    """browse reads an id list as one joined string; the order must be the query's."""
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
        ids = filters.people_ids(store.conn)
        by_id = {r[0]: r[1:] for r in store.conn.execute("SELECT id, mentions, name FROM people")}
    assert len(ids) == 1500
    assert [by_id[i] for i in ids] == sorted(by_id.values(), key=lambda r: (-r[0], r[1]))


def test_person_forms_and_articles_across_a_store(tmp_path):
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


def test_ids_in_background_reports_any_failure(tmp_path):
    with open_store(tmp_path / "s.db"):
        pass

    def broken(conn):
        raise ValueError("not a list")

    future = reads.ids_in_background(str(tmp_path / "s.db"), broken)
    assert isinstance(future.exception(timeout=5), ValueError)
    assert reads.ids_in_background(str(tmp_path / "s.db"), filters.people_ids).result(timeout=5) == []
