"""Corrections of who said a quote: made, undone, and kept through a re-ingest of a
changed article and a re-extraction, on real store files."""
from __future__ import annotations

import pytest
from tests.db.store_helpers import GUESS_TEXT, guess_extraction, guess_store, summaries

from store.db import StoreError, open_store, reads
from store.db.corrections import corrections, fix, orphans, review_ids, undo
from store.model import Article


@pytest.fixture
def store(tmp_path):
    with open_store(guess_store(tmp_path / "byline.db")) as s:
        yield s


def quote_ids(store) -> dict[str, int]:
    """Quote id by its first three words."""
    return {" ".join(r[1].split()[:3]): r[0] for r in store.conn.execute("SELECT id, text FROM quotes")}


def state(store, qid):
    row = reads.quote(store, qid)
    return row["speaker"], row["likely"], row["checked"], row["correction"]


def test_an_unchecked_quote_says_so_in_every_read(store):
    qid = quote_ids(store)["We will rebuild,"]
    assert state(store, qid) == ("Ann Cole", None, False, None)
    assert reads.quotes(store)[0]["checked"] is False
    assert all(r["checked"] is False for r in reads.quotes_rows(store, [qid]))
    assert all(r["correction"] is None for r in reads.article_quotes(store.db, reads.quote(store, qid)["article_id"]))


def test_set_speaker_makes_the_person_joins_the_article_and_undo_restores_exactly(store):
    qid = quote_ids(store)["We will rebuild,"]
    before = [tuple(r) for r in store.conn.execute("SELECT * FROM article_people ORDER BY person_id")]
    people_before = summaries(store)

    row = fix(store, qid, speaker="  Dan   Roe ")
    assert (row["speaker"], row["checked"], row["correction"]) == ("Dan Roe", True, "speaker")
    assert summaries(store)["Dan Roe"][1:] == (0, 1, 1)         # mentions, articles, quotes
    assert summaries(store)["Ann Cole"][3] == people_before["Ann Cole"][3] - 1
    history = corrections(store, qid)
    assert [(h["action"], h["speaker"], h["before_person"], h["undone"]) for h in history] == \
           [("speaker", "Dan Roe", "Ann Cole", False)]
    assert history[0]["at"]

    after = undo(store, qid)
    assert (after["speaker"], after["checked"], after["correction"]) == ("Ann Cole", False, None)
    assert [tuple(r) for r in store.conn.execute("SELECT * FROM article_people ORDER BY person_id")] == before
    assert summaries(store) == people_before          # Dan Roe, made for the correction, is gone
    assert corrections(store, qid)[0]["undone"] is True
    assert undo(store, qid) is None


def test_unknown_then_confirm_stack_and_undo_one_at_a_time(store):
    qid = quote_ids(store)["It is a"]      # withheld guess: likely Ann Cole
    assert state(store, qid) == (None, "Ann Cole", False, None)
    assert fix(store, qid, confirm=True)["speaker"] == "Ann Cole"
    assert state(store, qid) == ("Ann Cole", None, True, "confirmed")
    fix(store, qid, unknown=True)
    assert state(store, qid) == (None, None, True, "unknown")
    undo(store, qid)
    assert state(store, qid) == ("Ann Cole", None, True, "confirmed")
    undo(store, qid)
    assert state(store, qid) == (None, "Ann Cole", False, None)
    assert [h["action"] for h in corrections(store, qid)] == ["unknown", "confirmed"]


def test_bad_corrections_are_one_line_errors_and_change_nothing(store):
    ids = quote_ids(store)
    for kwargs in ({}, {"speaker": "A B", "unknown": True}, {"unknown": True, "confirm": True}, {"speaker": "  "}):
        with pytest.raises(StoreError):
            fix(store, ids["We will rebuild,"], **kwargs)
    with pytest.raises(StoreError, match="no quote with id 999"):
        fix(store, 999, unknown=True)
    with pytest.raises(StoreError, match="no speaker to confirm"):
        fix(store, ids["The money is"], confirm=True)
    with pytest.raises(StoreError, match="no quote with id 999"):
        undo(store, 999)
    assert store.conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0


def test_a_read_only_store_refuses_a_correction(tmp_path):
    path = guess_store(tmp_path / "byline.db")
    with open_store(path, write=False) as store:
        with pytest.raises(StoreError, match="read-only"):
            fix(store, 1, unknown=True)


def test_review_walks_unchecked_attributions_lowest_confidence_first(store):
    ids = quote_ids(store)
    store.conn.execute("UPDATE quotes SET confidence = NULL WHERE id = ?", (ids["We will rebuild,"],))
    store.conn.commit()
    assert review_ids(store.conn) == [ids["We will rebuild,"], ids["It is a"]]    # the described one has nobody
    fix(store, ids["It is a"], confirm=True)
    assert review_ids(store.conn) == [ids["We will rebuild,"]]
    undo(store, ids["It is a"])
    assert review_ids(store.conn) == [ids["We will rebuild,"], ids["It is a"]]


def rewrite_article(store, text, title="Council budget", dropped=()):
    """Write the article again under its key; the extraction without the quotes `dropped` (indexes)."""
    ex = guess_extraction(text)
    ex.quotes = [q for i, q in enumerate(ex.quotes) if i not in dropped]
    store.write([("guess", Article(text=text, title=title, path="guess.txt"), ex)])


def test_correction_survives_a_reingest_of_changed_content(store):
    qid = quote_ids(store)["We will rebuild,"]
    fix(store, qid, speaker="Dan Roe")
    other = quote_ids(store)["It is a"]
    fix(store, other, unknown=True)
    undo(store, other)
    rewrite_article(store, GUESS_TEXT, title="Council budget (updated)")      # same text, new metadata
    new = quote_ids(store)["We will rebuild,"]
    assert state(store, new) == ("Dan Roe", None, True, "speaker")
    rewrite_article(store, "Updated: " + GUESS_TEXT)                          # the text moved on
    new = quote_ids(store)["We will rebuild,"]
    assert state(store, new) == ("Dan Roe", None, True, "speaker")
    assert [h["before_person"] for h in corrections(store, new)] == ["Ann Cole"]
    assert state(store, quote_ids(store)["It is a"]) == (None, "Ann Cole", False, None)   # undone stays undone
    assert undo(store, new)["speaker"] == "Ann Cole"


def test_correction_whose_quote_is_gone_is_kept_and_reported(store):
    qid = quote_ids(store)["We will rebuild,"]
    fix(store, qid, speaker="Dan Roe")
    rewrite_article(store, "Updated: " + GUESS_TEXT, dropped=[0])
    assert [(o["action"], o["speaker"], o["quote_text"]) for o in orphans(store)] == \
           [("speaker", "Dan Roe", "We will rebuild,")]
    rewrite_article(store, GUESS_TEXT)      # the words are back: so is the correction
    assert state(store, quote_ids(store)["We will rebuild,"])[0] == "Dan Roe"
    assert orphans(store) == []


def test_correction_survives_a_reextraction_that_changes_the_speaker(store):
    from store.db.writes import rewrite

    qid = quote_ids(store)["It is a"]
    fix(store, qid, confirm=True)
    aid = reads.quote(store, qid)["article_id"]
    upgraded = guess_extraction()
    upgraded.quotes[1].speaker, upgraded.quotes[1].likely = "Bea Hart", None    # new rules, another answer
    with store.transaction("extract again") as conn:
        rewrite(conn, aid, upgraded)
    new = quote_ids(store)["It is a"]
    assert state(store, new) == ("Ann Cole", None, True, "confirmed")
    assert corrections(store, new)[0]["before_person"] == "Bea Hart"
    assert undo(store, new)["speaker"] == "Bea Hart"      # undo gives back what this extraction said
    assert summaries(store)["Bea Hart"][3] == 1


def test_correction_of_a_deleted_article_is_kept_and_never_lands_on_a_new_quote(store):
    qid = quote_ids(store)["The money is"]      # the newest quote id
    fix(store, qid, speaker="Dan Roe")
    store.delete_article(reads.quote(store, qid)["article_id"])
    assert [o["speaker"] for o in orphans(store)] == ["Dan Roe"]
    store.write([("other", Article(text=GUESS_TEXT + " More.", path="other.txt"), guess_extraction())])
    assert not any(r["checked"] for r in reads.quotes(store))
