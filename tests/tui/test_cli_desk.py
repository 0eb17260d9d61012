"""`byline fix`, `byline reextract` and `byline people merge | split | merges` through the
real entry point, on real store files."""
from __future__ import annotations

import json
import sqlite3

from tests.db.store_helpers import guess_store


def quotes(run, db) -> dict[str, dict]:
    """The store's quotes as `byline quotes --json` gives them, by their first three words."""
    rows = json.loads(run("quotes", "--db", db, "--json").output)
    return {" ".join(r["text"].split()[:3]): r for r in rows}


def test_fix_speaker_then_undo_prints_the_quote_and_citation(run, tmp_path):
    db = str(guess_store(tmp_path / "byline.db"))
    qid = quotes(run, db)["We will rebuild,"]["id"]
    result = run("fix", str(qid), "--speaker", "Dan Roe", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output == (f"quote {qid} (checked: speaker set by hand): “We will rebuild.” — Dan Roe, "
                             "quoted in “Council budget”.\n")
    row = quotes(run, db)["We will rebuild,"]
    assert (row["speaker"], row["checked"], row["correction"]) == ("Dan Roe", True, "speaker")
    history = run("fix", str(qid), "--history", "--db", db).output
    assert "Dan Roe" in history and "Ann Cole" in history
    undone = run("--db", db, "fix", str(qid), "--undo")
    assert undone.output.startswith(f"quote {qid} (unchecked): “We will rebuild.” — Ann Cole, mayor,")
    again = run("fix", str(qid), "--undo", "--db", db)
    assert (again.exit_code, again.stderr) == (1, f"byline: error: quote {qid} has no correction to undo\n")


def test_confirm_a_withheld_guess_changes_its_citation_and_unknown_cites_nobody(run, tmp_path):
    db = str(guess_store(tmp_path / "byline.db"))
    qid = str(quotes(run, db)["It is a"]["id"])
    assert "speaker unconfirmed (likely Ann Cole)" in run("cite", qid, "--db", db).output
    assert json.loads(run("cite", qid, "--json", "--db", db).output)["checked"] is False
    assert "(checked: confirmed): “It is a stunt.” — Ann Cole, mayor" in run("fix", qid, "--confirm", "--db", db).output
    cited = json.loads(run("cite", qid, "--json", "--db", db).output)
    assert (cited["checked"], cited["correction"], cited["speaker"]) == (True, "confirmed", "Ann Cole")
    assert "— Unknown speaker, quoted in" in run("fix", qid, "--unknown", "--db", db).output
    assert "(checked)" in run("quotes", "--db", db).output


def test_fix_refuses_bad_input_in_one_line_and_keeps_the_store(run, tmp_path):
    db = str(guess_store(tmp_path / "byline.db"))
    qid = str(quotes(run, db)["We will rebuild,"]["id"])
    for args, message in [((qid,), "give one of --speaker NAME"),
                          ((qid, "--unknown", "--confirm"), "give one of --speaker NAME"),
                          (("999", "--unknown"), "no quote with id 999"),
                          ((str(quotes(run, db)["The money is"]["id"]), "--confirm"), "no speaker to confirm"),
                          ((qid, "--speaker", " "), "the speaker's name is empty")]:
        result = run("fix", *args, "--db", db)
        assert result.exit_code == 1 and result.stderr.startswith("byline: error: ") and message in result.stderr
        assert result.stderr.count("\n") == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0
    conn.close()


def test_a_correction_survives_a_forced_reextract(run, sample_db):
    db = str(sample_db)
    first = json.loads(run("quotes", "--db", db, "--json", "--limit", "1").output)[0]
    run("fix", str(first["id"]), "--speaker", "Dan Roe", "--db", db)
    result = run("reextract", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("extracted 1 articles again; corrections applied again: 1;")
    after = json.loads(run("quotes", "--db", db, "--json", "--limit", "1").output)[0]
    assert (after["text"], after["speaker"], after["checked"]) == (first["text"], "Dan Roe", True)
    assert run("reextract", "--article", "999", "--db", db).stderr == "byline: error: no article with id 999\n"


def test_people_merge_split_merges_and_undo(run, sample_db):
    db = str(sample_db)
    people = {p["name"]: p for p in json.loads(run("people", "--db", db, "--json").output)}
    assert {"Keir Starmer", "Donald Trump"} <= set(people)
    result = run("people", "merge", "Donald Trump", "Keir Starmer", "--db", db)
    assert result.output == "merged Donald Trump into Keir Starmer (merge 1)\n"
    merged = {p["name"]: p for p in json.loads(run("people", "--db", db, "--json").output)}
    assert "Donald Trump" not in merged
    assert merged["Keir Starmer"]["quotes"] == people["Keir Starmer"]["quotes"] + people["Donald Trump"]["quotes"]
    listed = run("people", "merges", "--db", db).output
    assert "Donald Trump" in listed and "by hand" in listed
    assert run("people", "merges", "--undo", "1", "--db", db).output == "undid merge 1\n"
    assert {p["name"]: p for p in json.loads(run("people", "--db", db, "--json").output)} == people

    aid = json.loads(run("articles", "--db", db, "--json").output)[0]["id"]
    split = run("people", "--db", db, "split", "Donald Trump", "--article", str(aid), "--as", "D. J. Trump")
    assert split.output == f"split Donald Trump in article {aid} off as D. J. Trump (merge 2)\n"
    [row] = json.loads(run("people", "merges", "--json", "--db", db).output)
    assert (row["kind"], row["name"], row["into"], row["auto"]) == ("split", "Donald Trump", "D. J. Trump", False)
    assert run("people", "--name", "D. J. Trump", "--db", db, "--json").output.count('"quotes": 3') == 1


def test_people_subcommands_refuse_bad_input_in_one_line(run, sample_db):
    db = str(sample_db)
    for args, message in [(("merge", "Nobody Here", "Keir Starmer"), "no person named Nobody Here"),
                          (("split", "Keir Starmer", "--article", "99"), "Keir Starmer is not one of the people of article 99"),
                          (("merges", "--undo", "7"), "no merge with id 7")]:
        result = run("people", *args, "--db", db)
        assert (result.exit_code, result.stderr) == (1, f"byline: error: {message}\n")
