"""`byline search` through the real entry point: it says how many results it left out."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from store.db import open_store
from store.ingest import ingest
from tui.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_DB", str(tmp_path / "default.db"))
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, list(args), catch_exceptions=False)
    return invoke


@pytest.fixture
def rally_db(tmp_path):
    """Two articles with 30 sentences naming Trump each."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(2):
        lines = [f"Rally report {k}", ""] + [f"Trump spoke to crowd number {i} in town {k}." for i in range(30)]
        (folder / f"rally-{k}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "byline.db"
    with open_store(path) as store:
        assert ingest(store, [folder], workers=1).added == 2
    return str(path)


def test_search_says_how_many_it_left_out(run, rally_db):
    result = run("search", "trump", "--db", rally_db, "--limit", "20")
    assert result.exit_code == 0, result.output
    assert "showing 20 of 60 results: 40 left out (--limit 60 shows them)" in result.stdout
    everything = run("search", "trump", "--db", rally_db, "--limit", "60")
    assert "left out" not in everything.output and everything.stdout.count("Trump") >= 60


def test_search_json_stays_json_and_says_it_on_stderr(run, rally_db):
    result = run("search", "trump", "--db", rally_db, "--limit", "5", "--json", "--stats")
    assert len(json.loads(result.stdout)) == 5
    assert "byline: showing 5 of 60 results: 55 left out (--limit 60 shows them)" in result.stderr
    assert "count_ms=" in result.stderr


def test_search_with_operators_gives_an_upper_bound(run, rally_db):
    result = run("search", "town 1$", "--db", rally_db, "--limit", "5")
    assert "showing 5 of at most" in result.stdout and "up to" in result.stdout


def test_search_that_finds_nothing_says_so(run, rally_db):
    result = run("search", "zzyzx", "--db", rally_db)
    assert result.exit_code == 0 and result.stdout.strip() == "no sentences found"
