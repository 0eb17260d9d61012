"""Quote check (`byline check`): misremembered, reordered, misspelt and invented quotes
through the real command line (exit status and --json too), the speaker strip, sentences
that were never quotes, and the word diff."""
from __future__ import annotations

import json

import pytest

from store.check import THRESHOLD, check
from store.check.speaker import split_speaker
from store.check.word_diff import diff, diff_markers

STARMER = "If you want to preserve the peace, you have to be prepared to defend the peace."



def checked(run, db, text, *extra):
    result = run("check", "--db", str(db), "--json", *extra, text)
    return result.exit_code, json.loads(result.output)


@pytest.mark.parametrize("kind, text", [
    ("as said", STARMER),
    ("misremembered", "Starmer said if you want peace you have to be ready to defend it"),
    ("partial", "you have to be prepared to defend the peace"),
    ("reordered", "you have to be prepared to defend the peace if you want to preserve it"),
    ("misspelt", "if you wnat to preserve the paece, you have to be prepaired to defend the peace"),
    ("in quote marks", "“If you want to preserve peace you have to be prepared to defend it”, said Starmer"),
])
def test_remembered_quotes_find_the_real_one(run, sample_db, kind, text):
    status, out = checked(run, sample_db, text)
    assert status == 0, out
    best = out["matches"][0]
    assert best["kind"] == "quote" and best["text"] == STARMER, (kind, out["matches"][:2])
    assert best["speaker"] == "Keir Starmer" and best["score"] >= THRESHOLD
    assert best["title"] == "Starmer coalition of the willing"
    assert best["citation"].startswith("“If you want to preserve the peace") and "Keir Starmer" in best["citation"]
    assert best["note"] == "" and best["diff_text"]


@pytest.mark.parametrize("text", [
    "The moon is made of green cheese and penguins should be allowed to vote",
    "Starmer said we will nationalise every bakery in Yorkshire by Tuesday",
    "zzq qqx vvw",
])
def test_invented_quote_is_no_match_with_exit_status_1(run, sample_db, text):
    result = run("check", "--db", str(sample_db), text)
    assert result.exit_code == 1
    assert "no match" in result.output and "Traceback" not in result.output
    status, out = checked(run, sample_db, text)
    assert status == 1 and out["found"] is False and out["matches"] == []
    assert out["threshold"] == THRESHOLD


def test_plain_output_has_speaker_citation_and_diff_markers(run, sample_db):
    result = run("check", "--db", str(sample_db), "Starmer said if you want peace you have to be ready to defend it")
    assert result.exit_code == 0
    out = result.output
    assert "(said by Starmer?)" in out
    assert "1. " in out and "% · quote · Keir Starmer, prime minister" in out and "the speaker you named" in out
    assert "said:  " + STARMER in out
    assert "[-ready-]{+prepared+}" in out and "{+to preserve the+}" in out
    assert "cite:  “If you want to preserve the peace" in out


def test_stdin_limit_and_empty_text(run, sample_db):
    result = run("check", "--db", str(sample_db), "--json", "--limit", "1", "-", input="coalition of the wiling\n")
    out = json.loads(result.output)
    assert result.exit_code == 0 and len(out["matches"]) == 1
    assert out["matches"][0]["text"] == "coalition of the willing"
    empty = run("check", "--db", str(sample_db), "  ")
    assert empty.exit_code == 1 and empty.output.startswith("byline: error: nothing to check")
    missing = run("check", "--db", str(sample_db.parent / "none.db"), "a quote")
    assert missing.exit_code == 1 and "no store at" in missing.output


def test_sentence_never_in_quotation_marks_says_so(run, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Library plan\n\nThe council will close four branch libraries across the county next spring to save money.\n"
        "“We had no choice,” Ann Cole said.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    run("add", "--db", str(db), str(tmp_path / "a.txt"))
    status, out = checked(run, db, "the council is closing four branch libraries in the county next spring")
    assert status == 0
    best = out["matches"][0]
    assert best["kind"] == "sentence" and best["note"] == "found in the article text, not as a quote"
    assert best["citation"].startswith("“The council will close") and "“Library plan”" in best["citation"]
    plain = run("check", "--db", str(db), "the council will close four branch libraries next spring").output
    assert "found in the article text, not as a quote" in plain


def test_a_passage_over_two_sentences_is_found_whole(run, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Flood plan\n\nThe river authority will raise the embankments along the whole northern bank this winter. "
        "Residents of the lower town will be offered sandbags and a free warning service by text message.\n",
        encoding="utf-8")
    db = tmp_path / "x.db"
    run("add", "--db", str(db), str(tmp_path / "a.txt"))
    status, out = checked(run, db, "the river authority will raise the embankments along the northern bank this "
                                   "winter and residents of the lower town will get sandbags and a free text warning")
    assert status == 0
    best = out["matches"][0]
    assert best["kind"] == "sentence" and best["text"].startswith("The river authority")
    assert best["text"].endswith("by text message.")


def test_a_named_speaker_is_preferred_not_required(run, tmp_path):
    for name, town in (("Ann Cole", "Ashford"), ("Bob Reyes", "Bexley")):
        (tmp_path / f"{town}.txt").write_text(
            f"{town} budget\n\n“We will protect every library and every swimming pool in this borough,” "
            f"{name} said on Monday.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    run("add", "--db", str(db), str(tmp_path))
    for speaker, town in (("Reyes", "Bexley"), ("Cole", "Ashford"), ("Bob Reyes", "Bexley")):
        _, out = checked(run, db, f"{speaker} said we will protect every library and swimming pool in the borough")
        assert out["speaker"] == speaker
        assert out["matches"][0]["title"] == f"{town} budget" and out["matches"][0]["speaker_match"]
        assert not out["matches"][1]["speaker_match"]
    _, out = checked(run, db, "Smith said we will protect every library and swimming pool in the borough")
    assert len(out["matches"]) == 2 and not any(m["speaker_match"] for m in out["matches"])


def test_article_text_is_never_markup(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    (tmp_path / "a.txt").write_text(
        "Markup\n\n“This budget protects [bold]services[/bold] and [red]jobs[/red] for everyone,” Jane Smith said.\n",
        encoding="utf-8")
    db = tmp_path / "x.db"
    run("add", "--db", str(db), str(tmp_path / "a.txt"))
    out = run("check", "--db", str(db), "this budget protects services and jobs for everyone").output
    assert "[bold]services[/bold]" in out and "[red]jobs[/red]" in out


@pytest.mark.parametrize("text, speaker, rest", [
    ("Starmer said if you want peace", "Starmer", "if you want peace"),
    ("Keir Starmer told reporters that we must act now", "Keir Starmer", "we must act now"),
    ("As Starmer put it, we must act now", "Starmer", "we must act now"),
    ("Ursula von der Leyen: rearm Europe now", "Ursula von der Leyen", "rearm Europe now"),
    ("“We will win,” Trump said.", "Trump", "We will win"),
    ("we will win, said Trump", "Trump", "we will win"),
    ("He said we must act now", None, "we must act now"),
    ("If you want peace you must prepare", None, "If you want peace you must prepare"),
])
def test_split_speaker(text, speaker, rest):
    assert split_speaker(text) == (speaker, rest)


def test_diff_marks_words_and_cuts_long_context():
    parts = diff("if you want peace be ready", "If you want to keep the peace, be prepared.")
    assert diff_markers(parts) == "If you want {+to keep the+} peace, be [-ready-]{+prepared.+}"
    long = diff("defend it", " ".join(f"w{i}" for i in range(30)) + " defend it " + " ".join(f"v{i}" for i in range(30)))
    assert long[0] == ("gap", "…") and long[-1] == ("gap", "…")
    assert len(diff_markers(long).split()) < 25


def test_check_on_a_connection_with_the_store_vocabulary(sample_store):
    result = check(sample_store.conn, "coalition of the wiling", vocabulary=sample_store.vocabulary)
    assert result.found and result.matches[0].text == "coalition of the willing"
    assert check(sample_store, "coalition of the wiling", threshold=101).found is False
