"""The search screen driven by Pilot (real key presses) over a store with more results
than one screenful: the count of all results, more rows past the last one, `/` back to
the box, and help that starts with the keys of the screen it was opened on."""
from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, Static

from store.db import open_store
from store.ingest import ingest
from tui.app import BylineApp
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.screens import search as search_screen
from tui.screens.search import LIMIT, SearchScreen
from tests.tui.test_app import settle

SIZE = (120, 40)
MATCHES = 4 * 45        # sentences naming Trump in the store below


@pytest.fixture
def many_db(tmp_path):
    """A store of four articles, each with 45 sentences that name Trump and 5 that do not."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(4):
        lines = [f"Rally report {k}", ""]
        lines += [f"Trump spoke to crowd number {i} in town {k} on a cold evening." for i in range(45)]
        lines += [f"The mayor thanked volunteer {i} for the chairs." for i in range(5)]
        (folder / f"rally-{k}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "byline.db"
    with open_store(path) as store:
        summary = ingest(store, [folder], workers=1)
    assert summary.added == 4, summary.skipped
    return path


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def status(screen) -> str:
    return str(screen.query_one("#search-status", Static).render())


async def searched(app, pilot, query: str) -> SearchScreen:
    await pilot.press("slash")
    await type_text(pilot, query)
    await settle(app, pilot)
    await pilot.pause(0.3)          # the count follows once typing pauses
    await settle(app, pilot)
    assert isinstance(app.screen, SearchScreen)
    return app.screen


async def test_search_says_first_50_of_all_and_loads_more_past_the_last(many_db):
    app = BylineApp(str(many_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await searched(app, pilot, "trump")
        results = screen.query_one("#search-results", OptionList)
        assert len(screen.hits) == LIMIT and results.option_count == LIMIT
        assert f"first {LIMIT} of {MATCHES} results" in status(screen)
        await pilot.press("down")                     # into the results
        assert app.focused is results
        await pilot.press("end")
        assert results.highlighted == LIMIT - 1
        await pilot.press("down")                     # past the last: more come, the cursor on the first new one
        await settle(app, pilot)
        MORE = search_screen.MORE
        assert len(screen.hits) == results.option_count == LIMIT + MORE
        assert results.highlighted == LIMIT
        assert f"first {LIMIT + MORE} of {MATCHES} results" in status(screen)
        await pilot.press("end", "down")
        await settle(app, pilot)
        assert len(screen.hits) == MATCHES and results.highlighted == LIMIT + MORE
        assert len({hit.sentence_id for hit in screen.hits}) == MATCHES
        assert all("Trump" in hit.text for hit in screen.hits)
        assert status(screen).startswith(f" {MATCHES} results")
        await pilot.press("end", "down")              # nothing more: no new rows
        await settle(app, pilot)
        assert len(screen.hits) == MATCHES


async def test_a_few_results_say_how_many_without_first(many_db):
    app = BylineApp(str(many_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await searched(app, pilot, "volunteer")
        assert len(screen.hits) == 20
        assert status(screen).startswith(" 20 results  (") and " of " not in status(screen)


async def test_slash_in_the_results_goes_back_to_the_search_box(many_db):
    app = BylineApp(str(many_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await searched(app, pilot, "trump")
        box = screen.query_one("#search-box", Input)
        results = screen.query_one("#search-results", OptionList)
        await pilot.press("down", "down")
        assert app.focused is results and results.highlighted == 1
        await pilot.press("slash")
        assert app.focused is box
        await type_text(pilot, " rally")
        assert box.value == "trump rally"
        await settle(app, pilot)
        # and after opening a result and coming back from the reader
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and app.focused is results
        await pilot.press("slash")
        assert app.focused is box and app.screen is screen
        await pilot.press("backspace")
        assert box.value == "trump rall"


def help_titles(app) -> list[str]:
    """The section titles the help screen draws, in order (the lines of its table with no
    key and a title)."""
    from rich.console import Console

    from rich.table import Table

    console = Console(width=200, record=True, file=open("/dev/null", "w"))
    tables = [static.content for static in app.screen.query(Static) if isinstance(static.content, Table)]
    assert len(tables) == 1
    console.print(tables[0])
    lines = console.export_text().splitlines()
    known = {"Everywhere", "Panes", "Lists", "Reader", "Search", "Help", "Filter box", "Mouse"}
    return [line.split("  ")[0].strip() for line in lines if line.split("  ")[0].strip() in known]


@pytest.mark.parametrize("keys, screen_class, first", [
    ((), MainScreen, ["Panes", "Lists"]),
    (("4", "enter"), ReaderScreen, ["Reader"]),
    (("slash",), SearchScreen, ["Search"]),
])
async def test_help_starts_with_the_keys_of_the_screen_it_is_opened_on(many_db, keys, screen_class, first):
    app = BylineApp(str(many_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        assert isinstance(app.screen, screen_class)
        if screen_class is SearchScreen:
            await pilot.press("down")           # out of the box: ? typed there is a character
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        titles = help_titles(app)
        assert titles[:len(first)] == first
        assert set(titles) >= {"Everywhere", "Panes", "Lists", "Reader", "Search"}
        assert titles[len(first)] == "Everywhere"


async def test_g_and_G_go_to_the_top_and_bottom_of_help(many_db):
    app = BylineApp(str(many_db))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        box = app.screen.query_one("#help-box", VerticalScroll)
        await pilot.pause()
        assert box.max_scroll_y > 0 and box.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("j")
        await pilot.pause()
        assert box.scroll_y == 1


def refused_store(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    older = [f"Report {i} is what the officer said." for i in range(100)]
    newer = [f"Said the mayor to crowd {i} in the square." for i in range(120)] + \
        [f"Volunteer {i} is what the mayor said." for i in range(30)]
    path = tmp_path / "byline.db"
    for name, title, lines in (("a-older.txt", "Older", older), ("b-newer.txt", "Newer", newer)):
        (folder / name).write_text(title + "\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
        with open_store(path) as store:
            assert ingest(store, [folder / name], workers=1).added == 1
    return path


async def test_loading_more_asks_again_when_every_row_fetched_was_refused(tmp_path, monkeypatch):
    """With the engine reading only one cap of rows per stage, the first fetch of more
    brings nothing new (the same rows, refused): the screen asks again with a larger limit."""
    from store.search import engine

    monkeypatch.setattr(engine, "REFUSED_READS", 1)
    app = BylineApp(str(refused_store(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await searched(app, pilot, "said$")
        assert len(screen.hits) == 30 and "first 30 of at most 250 results" in status(screen)
        results = screen.query_one("#search-results", OptionList)
        await pilot.press("down", "end", "down")
        await settle(app, pilot)
        assert len(screen.hits) == 130 and results.highlighted == 30


async def test_more_results_past_the_last_when_operators_refused_the_first_rows(tmp_path):
    """said$ keeps only sentences ending in "said": the newest rows the index gives are
    mostly refused; loading more still brings the older ones, then says all are shown."""
    path = refused_store(tmp_path)
    app = BylineApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await searched(app, pilot, "said$")
        assert len(screen.hits) == LIMIT and "first 50 of at most 250 results" in status(screen)
        results = screen.query_one("#search-results", OptionList)
        await pilot.press("down", "end", "down")
        await settle(app, pilot)
        assert len(screen.hits) == 130 and results.highlighted == LIMIT
        assert all(hit.text.endswith("said.") for hit in screen.hits)
        await pilot.press("end", "down")            # the rest are refused: every result is shown
        await settle(app, pilot)
        assert len(screen.hits) == 130 and status(screen).startswith(" 130 results")
