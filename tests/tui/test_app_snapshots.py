"""Pictures of each pane, the reader, search and help at 120x40 and 80x24.
Regenerate with `pytest tests/tui/test_app_snapshots.py --snapshot-update` when extraction changes."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from tui.app import BylineApp
from tui.widgets.rowlist import RowList

VIEWS = {
    "people": [],
    "quotes": ["2"],
    "figures": ["3"],
    "articles": ["4"],
    "reader": ["2", "j", "enter"],
    "search": ["slash", *"porcupin"],
    "help": ["question_mark"],
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(snap_compare, sample_db, view, size):
    async def run_before(pilot):
        app = pilot.app
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in VIEWS[view]:
            await pilot.press(key)
            while not app.main.pane.query(RowList) or app.current_list().pending:
                await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)                   # the detail pane follows the resting cursor
        for box in app.screen.query(Input):
            box.cursor_blink = False

    assert snap_compare(BylineApp(str(sample_db)), terminal_size=size, run_before=run_before)


async def _settled(pilot) -> None:
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(300):                         # bounded: a broken app fails the picture, not hangs
        if app.main.pane.query(RowList) and not app.current_list().pending:
            break
        await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_person_page(snap_compare, desk_db, size):
    """Keir Starmer's page: quotes per month, then his quotes by article, newest first."""
    async def run_before(pilot):
        await _settled(pilot)
        await pilot.press("p")                   # the People list's first person
        await pilot.pause(0.1)

    assert snap_compare(BylineApp(str(desk_db)), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_review_screen(snap_compare, desk_db, size):
    """Review mode after one confirm: the next quote, its evidence and its paragraph."""
    async def run_before(pilot):
        await _settled(pilot)
        await pilot.press("v")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause(0.1)

    assert snap_compare(BylineApp(str(desk_db)), terminal_size=size, run_before=run_before)
