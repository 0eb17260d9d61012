"""`byline add` as real processes meet it, on an archive big enough for worker processes.

Ctrl+C as a terminal sends it: a real SIGINT to the whole process group (the main process
and its extraction workers). The first stops after the batch in hand, prints the summary
of what was stored and exits 130; a second stops at once, also with 130. kill -9 in the
middle of a batch loses that batch only. Two `byline add` on one store at once both
finish, with a reader listing people meanwhile. Every time, every stored article is
whole: its sentences, people, quotes and figures all there."""
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


def write_archive(path: Path, count: int, name: str = "Budget") -> Path:
    """count copies of STORY, each its own article (titles differ), in one .jsonl."""
    with path.open("w", encoding="utf-8") as f:
        for n in range(count):
            f.write(json.dumps({"title": f"{name} {n}", "text": STORY}) + "\n")
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return write_archive(tmp_path_factory.mktemp("in") / "archive.jsonl", ARTICLES)


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


BYLINE = [sys.executable, "-c", "from tui.cli import main; main()"]


def add_then_signal(archive: Path, db: Path, presses: int, sig=signal.SIGINT) -> subprocess.CompletedProcess:
    """Start `byline add`, wait until its first batch is stored, then send sig to its
    process group presses times (SIGINT: Ctrl+C at a terminal)."""
    proc = subprocess.Popen([*BYLINE, "add", "--db", str(db), str(archive)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            start_new_session=True)      # its own process group, as a terminal job
    try:
        deadline = time.monotonic() + 60
        while stored_articles(db) == 0:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no batch stored within a minute"
            time.sleep(0.02)
        for _ in range(presses):
            os.killpg(proc.pid, sig)
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
    done = add_then_signal(archive, db, presses=1)
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
    done = add_then_signal(archive, db, presses=2)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines()[-1] in (
        "byline: error: interrupted",                       # stopped in the middle
        f"byline: interrupted: stopped after {stored_articles(db)} articles, each stored whole; "
        "run the same command again to add the rest")       # the batch had ended before the second
    assert "Traceback" not in done.stderr
    assert 0 < assert_whole(db) < ARTICLES


def test_kill_9_mid_batch_loses_only_that_batch_and_the_next_add_completes(tmp_path):
    db, count = tmp_path / "byline.db", 1500         # smaller: the rest is added again below
    archive = write_archive(tmp_path / "archive.jsonl", count)
    killed = add_then_signal(archive, db, presses=1, sig=signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    stored = assert_whole(db)
    assert 0 < stored < count
    again = subprocess.run([*BYLINE, "add", "--db", str(db), str(archive)], cwd=ROOT, capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"added {count - stored}, unchanged {stored}, replaced 0, skipped 0" in again.stdout
    assert assert_whole(db) == count


def test_two_adds_at_once_on_one_store_and_a_reader_meanwhile(tmp_path):
    db = tmp_path / "byline.db"
    archives = [write_archive(tmp_path / f"{name}.jsonl", 500, name) for name in ("a", "b")]
    writers = [subprocess.Popen([*BYLINE, "add", "--db", str(db), str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for path in archives]
    listed = []
    while any(w.poll() is None for w in writers):
        if db.exists():
            r = subprocess.run([*BYLINE, "people", "--db", str(db), "--json"], cwd=ROOT, capture_output=True,
                               text=True, timeout=60)
            listed.append((r.returncode, r.stderr))
    results = [w.communicate(timeout=60) for w in writers]
    for w, (out, err) in zip(writers, results):
        assert w.returncode == 0, err
        assert "added 500, unchanged 0, replaced 0, skipped 0" in out
        assert "locked" not in err and "Traceback" not in err
    assert all(code == 0 for code, _ in listed), [e for c, e in listed if c]
    assert assert_whole(db) == 1000
