"""Ctrl+C during `byline add`, as a terminal sends it: a real SIGINT to the whole process
group (the main process and its extraction workers). The first stops after the batch in
hand, prints the summary of what was stored and exits 130; a second stops at once, also
with 130. Either way every stored article is whole: its sentences, people, quotes and
figures all there."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.extract import extract

ROOT = Path(__file__).resolve().parent.parent
STORY = """Council approves budget after long debate

“This budget protects services for every family in the city,” Jane Smith said on Monday. Smith, the council \
leader, said the plan would cost £4.5m, an increase of 3% on last year.

Opposition leader Tom Baker called it “a stunt before the election”. “We will vote against it,” Baker told \
reporters outside the town hall. He said 120 jobs were at risk.

The mayor, Ann Lee, said she was confident. “The money is there,” she said."""
ARTICLES = 6000        # about 7 s of extraction with two workers: far more than the test lets run


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """ARTICLES copies of STORY, each its own article (titles differ), in one .jsonl."""
    path = tmp_path_factory.mktemp("in") / "archive.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for n in range(ARTICLES):
            f.write(json.dumps({"title": f"Budget {n}", "text": STORY}) + "\n")
    return path


def stored_articles(db: Path) -> int:
    """How many articles the store holds now (0 while it is being made)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def add_then_ctrl_c(archive: Path, db: Path, presses: int) -> subprocess.CompletedProcess:
    """Start `byline add`, wait until its first batch is stored, then press Ctrl+C."""
    proc = subprocess.Popen([sys.executable, "-c", "from tui.cli import main; main()", "add", "--db", str(db),
                             str(archive)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)      # its own process group, as a terminal job
    try:
        deadline = time.monotonic() + 60
        while stored_articles(db) == 0:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no batch stored within a minute"
            time.sleep(0.02)
        for _ in range(presses):
            os.killpg(proc.pid, signal.SIGINT)
            time.sleep(0.05)
        out, err = proc.communicate(timeout=60)
    finally:
        try:                    # whatever is left of the group (workers hold its pipes open)
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if proc.returncode is None:
            proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_whole(db: Path) -> int:
    """Every stored article has exactly what extraction finds in STORY; returns how many."""
    ex = extract(STORY)
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("""
            SELECT a.id,
              (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),
              (SELECT count(*) FROM article_people ap WHERE ap.article_id = a.id),
              (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
              (SELECT count(*) FROM figures f WHERE f.article_id = a.id)
            FROM articles a""").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    expected = (len(ex.sentences), len(ex.people), len(ex.quotes), len(ex.figures))
    assert expected[2] == 4 and expected[1] == 3
    partial = [r for r in rows if tuple(r[1:]) != expected]
    assert not partial, f"{len(partial)} articles stored in part, e.g. {partial[:3]} (expected {expected})"
    return len(rows)


def test_ctrl_c_stops_after_the_batch_prints_the_summary_and_exits_130(archive, tmp_path):
    db = tmp_path / "byline.db"
    done = add_then_ctrl_c(archive, db, presses=1)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    stored = assert_whole(db)
    assert 0 < stored < ARTICLES
    # the summary of what was stored, as a finished run prints it
    added = re.search(r"^added (\d+), unchanged 0, replaced 0, skipped 0 \(\d+ articles/s\)$", done.stdout, re.M)
    assert added, done.stdout
    assert int(added.group(1)) == stored
    assert f"people 3, quotes {4 * stored}, figures {3 * stored}" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == (
        f"byline: interrupted: stopped after {stored} articles, each stored whole; "
        "run the same command again to add the rest")


def test_second_ctrl_c_stops_at_once_and_loses_nothing_stored(archive, tmp_path):
    db = tmp_path / "byline.db"
    done = add_then_ctrl_c(archive, db, presses=2)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines()[-1] in (
        "byline: error: interrupted",                       # stopped in the middle
        f"byline: interrupted: stopped after {stored_articles(db)} articles, each stored whole; "
        "run the same command again to add the rest")       # the batch had ended before the second
    assert "Traceback" not in done.stderr
    assert 0 < assert_whole(db) < ARTICLES
