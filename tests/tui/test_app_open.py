"""`o` opens the selected article's web page (or its file) with the system opener: here
$BYLINE_OPENER, a small script that records what it was given."""
from __future__ import annotations

import shlex
import sqlite3
import sys

import pytest

from tests.tui.test_app import SIZE, settle
from tui.app import BylineApp
from tui.opener import target
from tui.screens.reader import ReaderScreen

URL = "https://example.org/news/starmer?x=1&y=2"


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """The arguments each run of the opener got, one list per run."""
    log = tmp_path / "opened.txt"
    script = tmp_path / "opener.py"
    script.write_text("import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write(repr(sys.argv[2:]) + '\\n')\n"
                      "sys.exit(3 if sys.argv[2].endswith('fail') else 0)\n", encoding="utf-8")
    monkeypatch.setenv("BYLINE_OPENER", shlex.join([sys.executable, str(script), str(log)]))
    return lambda: [eval(line) for line in log.read_text().splitlines()] if log.exists() else []


async def press_o(app, pilot, *keys: str) -> list[str]:
    """Press keys then o; the messages the app showed meanwhile."""
    seen = len(app._notifications)
    await pilot.press(*keys, "o")
    for _ in range(300):                    # until the key's action (and its opener) has answered
        await app.workers.wait_for_complete()
        await pilot.pause()
        if len(app._notifications) > seen:
            break
    return [n.message for n in list(app._notifications)[seen:]]


async def test_o_opens_the_articles_address_from_each_pane_and_the_reader(sample_db, recorded):
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE articles SET url = ?", (URL,))
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = await press_o(app, pilot)                     # People: a person has many articles
        assert recorded() == [] and said[0].startswith("Select a quote, figure, article or result first")
        for pane in ("4", "2", "3"):
            await pilot.press(pane)
            await settle(app, pilot)
            assert await press_o(app, pilot) == [f"Opened {URL}"]
        await pilot.press("enter")                           # the figure in the reader
        assert isinstance(app.screen, ReaderScreen)
        assert await press_o(app, pilot) == [f"Opened {URL}"]
    assert recorded() == [[URL]] * 4


async def test_o_opens_the_file_of_an_article_without_an_address(sample_db, recorded):
    with sqlite3.connect(sample_db) as conn:
        url, path = conn.execute("SELECT url, path FROM articles").fetchone()
    assert url is None and path.endswith(".txt")            # the sample: a file, no address
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert await press_o(app, pilot, "4") == [f"Opened {path}"]
    assert recorded() == [[path]]


async def test_o_says_when_the_article_has_neither_and_when_the_opener_fails(sample_db, recorded, tmp_path):
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE articles SET url = 'javascript:alert(1)', path = ?", (str(tmp_path / "gone.txt"),))
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = await press_o(app, pilot, "4")
        assert said == ["Nothing to open: its address is not a web page (javascript:alert(1))"]
        with sqlite3.connect(sample_db) as conn:
            conn.execute("UPDATE articles SET url = 'https://example.org/fail'")
        said = await press_o(app, pilot)
        assert said == [f"Could not open https://example.org/fail: {sys.executable} failed (exit status 3)"]
    assert recorded() == [["https://example.org/fail"]]


async def test_o_with_no_opener_on_the_system_says_so(sample_db, monkeypatch, tmp_path):
    monkeypatch.delenv("BYLINE_OPENER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))               # no xdg-open anywhere
    monkeypatch.setattr(sys, "platform", "linux")
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = await press_o(app, pilot, "4")
    assert said and said[0].endswith("no opener found (install xdg-utils, or set BYLINE_OPENER to a command)")


@pytest.mark.parametrize("row, opens", [
    ({"url": " https://a.example/x ", "path": "a.txt"}, "https://a.example/x"),
    ({"url": "file:///etc/passwd", "path": None}, None),
    ({"url": "--help", "path": ""}, None),
    ({"url": None, "path": "-"}, None),
])
def test_only_web_addresses_and_real_files_are_opened(row, opens):
    assert target(row)[0] == opens


def test_a_record_of_an_archive_opens_the_archive(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text("{}\n")
    assert target({"url": None, "path": f"{archive}#17"}) == (str(archive), "")
    assert target({"url": None, "path": str(tmp_path / "b.jsonl#1")})[1].startswith("it has no web address, and")
