"""Shared fixtures: a real store built from the bundled sample article."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from store.db import open_store
from store.ingest import ingest, sample_path


@pytest.fixture
def sample_db(tmp_path):
    """Path of a fresh store file holding the bundled sample article (closed)."""
    path = tmp_path / "byline.db"
    with open_store(path) as store:
        summary = ingest(store, [sample_path()], workers=1)
    assert summary.added == 1, summary.skipped
    return path


@pytest.fixture
def sample_store(sample_db):
    """An open Store on the sample store file."""
    store = open_store(sample_db)
    yield store
    store.close()


@pytest.fixture
def run(tmp_path, monkeypatch):
    """The real `byline` entry point, in-process: run("people", "--db", path) -> click Result.
    A default store and config.toml in the temporary folder, never the user's."""
    monkeypatch.setenv("BYLINE_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("BYLINE_CONFIG", str(tmp_path / "config.toml"))
    runner = CliRunner()

    def invoke(*args, input=None):
        from tui.cli import main
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    return invoke
