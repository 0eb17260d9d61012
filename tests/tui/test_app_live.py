"""The app open while `byline add` writes to the same store: neither fails, the app
notices the new articles (the store's data version, polled), offers to refresh with the
key bindings.py gives it, and refreshing keeps each list's selected row."""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tui.app import BylineApp
from tui.bindings import BY_ID, key_label
from tests.tui.test_app import settle

SIZE = (120, 40)
ROOT = Path(__file__).parents[2]

# a new article whose person is mentioned more than anyone in the sample: they go to the
# top of People, so the selected person's row moves down one
NEW = "Zelda Quarry spoke on Monday.\n\n" + "".join(
    f'"Point {n} stands," Zelda Quarry said. Ms Quarry added more.\n\n' for n in range(12))


def header(app) -> str:
    return str(app.main.query_one("#header").render())


async def byline_add(db: Path, path: Path) -> tuple[int, str]:
    """`byline add` in a process of its own, as a user would run it beside the app."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from tui.cli import main; main()", "add", "--db", str(db), str(path),
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    out, _ = await proc.communicate()
    return proc.returncode, out.decode()


async def test_the_app_offers_to_refresh_after_byline_add_and_keeps_the_selection(sample_db, tmp_path):
    article = tmp_path / "zelda-quarry.txt"
    article.write_text(NEW)
    app = BylineApp(str(sample_db))
    app.POLL_SECONDS = 0.05
    key = key_label(BY_ID["app.refresh"].keys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        people = app.current_list()
        before = people.count
        await pilot.press("j", "j")
        chosen = people.current["id"]
        assert people.cursor == 2
        await pilot.press("2")                   # the Quotes pane too, a row selected
        await settle(app, pilot)
        await pilot.press("j")
        quotes = app.current_list()
        chosen_quote, quotes_before = quotes.current["id"], quotes.count
        await pilot.press("1")
        assert "refresh" not in header(app)
        assert key not in app.screen.active_bindings     # not in the footer yet

        code, out = await byline_add(sample_db, article)
        assert code == 0 and "added 1" in out, out

        for _ in range(100):                     # the poll sees the other process's commit
            await pilot.pause(0.05)
            if "refresh" in header(app):
                break
        assert f"1 new article · {key} refresh" in header(app)
        assert people.count == before            # nothing moves until asked
        assert key in app.screen.active_bindings         # in the footer

        second = tmp_path / "second.txt"         # another add before the refresh: counted
        second.write_text("Ann Other spoke.\n\nAnn Other said she would.\n")
        assert (await byline_add(sample_db, second))[0] == 0
        for _ in range(100):
            await pilot.pause(0.05)
            if "2 new articles" in header(app):
                break
        assert f"2 new articles · {key} refresh" in header(app)

        await pilot.press(key)
        await settle(app, pilot)
        assert "refresh" not in header(app) and "3 articles" in header(app)
        assert people.count >= before + 1
        assert people.current["id"] == chosen and people.cursor == 3
        assert people.row(0)["name"] == "Zelda Quarry"
        await pilot.press("2")
        await settle(app, pilot)
        assert quotes.count > quotes_before and quotes.current["id"] == chosen_quote
        assert app.is_running


async def test_no_offer_without_a_new_article(sample_db):
    """The app's own reads (and a write that adds nothing) offer nothing."""
    app = BylineApp(str(sample_db))
    app.POLL_SECONDS = 0.05
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        for ch in "starmer":
            await pilot.press(ch)
        await pilot.pause(0.3)
        await pilot.press("escape")
        from store.db import open_store
        from store.ingest import ingest, sample_path
        with open_store(sample_db) as store:       # the same article again: unchanged
            assert ingest(store, [sample_path()], workers=1).unchanged == 1
        await pilot.pause(0.3)
        assert "refresh" not in header(app) and not app.store_changed
