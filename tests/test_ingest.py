import json


import store.ingest as ingest_module
from store.db import open_store
from store.extract import extract
from store.ingest import ingest, sample_path

STORY_A = ("Council approves budget\n\n“This budget protects services,” Jane Smith, the council leader, said on Monday.\n"
           "The plan costs £4.5m, an increase of 3% on last year.\n")
STORY_B = ("Club signs striker\n\nThe club has signed a striker for £12m.\n"
           "“He is the player we wanted,” manager Tom Brown told reporters.\n")


def table_counts(store):
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "sentences", "quotes", "figures", "mentions")}


def test_store_holds_what_extraction_found(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(STORY_B, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        summary = ingest(store, [tmp_path / "in"], workers=1)
        assert (summary.added, summary.unchanged, summary.replaced, summary.skipped) == (2, 0, 0, [])
        exs = [extract(STORY_A), extract(STORY_B)]
        c = table_counts(store)
        assert c["quotes"] == summary.quotes == sum(len(e.quotes) for e in exs)
        assert c["figures"] == summary.figures == sum(len(e.figures) for e in exs)
        assert c["sentences"] == sum(len(e.sentences) for e in exs)
        key, title = store.conn.execute("SELECT key, title FROM articles ORDER BY id").fetchone()
        assert key == str((tmp_path / "in" / "a.txt").resolve()) and title == "Council approves budget"


def test_reingest_is_idempotent_and_an_edit_replaces(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY_A, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        ingest(store, [path], workers=1)
        before = table_counts(store)
        again = ingest(store, [path], workers=1)
        assert (again.added, again.unchanged, again.replaced) == (0, 1, 0)
        assert table_counts(store) == before
        path.write_text(STORY_A.replace("£4.5m", "£5m"), encoding="utf-8")
        edited = ingest(store, [path], workers=1)
        assert (edited.added, edited.unchanged, edited.replaced) == (0, 0, 1)
        assert table_counts(store)["articles"] == 1
        assert "£5m" in store.conn.execute("SELECT text FROM articles").fetchone()[0]


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_stored(tmp_path):
    (tmp_path / "good.txt").write_text(STORY_B, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    with open_store(tmp_path / "s.db") as store:
        summary = ingest(store, [tmp_path / "bad.txt", tmp_path / "good.txt"], workers=1)
        assert summary.added == 1
        assert summary.skipped == [(str(tmp_path / "bad.txt"), "binary file (contains NUL bytes)")]


def test_extraction_failure_skips_only_that_article(tmp_path, monkeypatch):
    def fragile(text):
        if "BOOM" in text:
            raise RuntimeError("cannot parse")
        return extract(text)
    monkeypatch.setattr(ingest_module, "extract", fragile)
    (tmp_path / "a.txt").write_text("BOOM goes this one.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY_B, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        summary = ingest(store, [tmp_path / "a.txt", tmp_path / "b.txt"], workers=1)
    assert summary.added == 1
    assert summary.skipped[0][1] == "extraction failed (RuntimeError: cannot parse)"


def test_worker_pool_gives_same_store_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "BATCH", 7)
    monkeypatch.setattr(ingest_module, "POOL_FROM", 5)
    records = [{"id": f"r{i}", "title": f"Story {i}", "text": (STORY_A if i % 2 else STORY_B) + f"Item {i}.\n"}
               for i in range(30)]
    archive = tmp_path / "arch.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    results = []
    for workers in (1, 2):
        with open_store(tmp_path / f"s{workers}.db") as store:
            summary = ingest(store, [archive], workers=workers)
            assert summary.added == 30
            rows = store.conn.execute("SELECT key, title FROM articles ORDER BY id").fetchall()
            # every row the same, field for field: the pool's results travel packed
            tables = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                      for t in ("sentences", "people", "article_people", "mentions", "quotes", "figures")}
            results.append((rows, table_counts(store), tables))
    assert results[0] == results[1]
    assert [r[1] for r in results[0][0]] == [f"Story {i}" for i in range(30)]
    assert results[0][0][3][0].endswith("arch.jsonl#r3")


def test_progress_reports_up_to_the_total(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"{i}.txt").write_text(STORY_A + f"Note {i}.", encoding="utf-8")
    seen = []
    with open_store(tmp_path / "s.db") as store:
        ingest(store, [tmp_path / "in"], progress=lambda done, total: seen.append((done, total)), workers=1)
    assert seen[-1] == (3, 3)


def test_sample_is_bundled_and_ingests(sample_store):
    text = sample_path().read_text(encoding="utf-8")
    stored = sample_store.conn.execute("SELECT text FROM articles").fetchone()[0]
    assert stored == text
    assert table_counts(sample_store)["quotes"] == len(extract(text).quotes)


def test_asked_to_stop_ingest_writes_what_it_extracted_and_says_so(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:02}.txt").write_text(STORY_A.replace("Monday", f"day {n}"), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        seen = []
        summary = ingest(store, [folder], workers=1, stop=lambda: len(seen) >= 12,
                         progress=lambda done, total: seen.extend([None] * 10))
        stored = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert summary.interrupted and summary.added == stored and 10 <= stored < 30
        assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == stored
        rest = ingest(store, [folder], workers=1)
        assert not rest.interrupted and (rest.added, rest.unchanged) == (30 - stored, stored)
