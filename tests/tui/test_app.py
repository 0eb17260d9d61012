"""The app driven by Pilot over a real store built from the bundled sample article.
Expectations come from the store itself (extraction is still being tuned)."""
from __future__ import annotations

import sqlite3

import pytest

from store.db import filters, reads
from store.cite import cite
from tui.app import BylineApp
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_view import ArticleView, wrap
from tui.widgets.rowlist import RowList

SIZE = (120, 40)


async def settle(app, pilot) -> None:
    """Wait until the shown pane's list has its rows (panes are built when first shown)."""
    for _ in range(300):
        await pilot.pause()
        lists = app.main.pane.query(RowList)
        if lists and not lists.first().pending:
            break
    await app.workers.wait_for_complete()
    await pilot.pause(0.06)                      # the detail follows once the cursor rests


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def list_ids(rows: RowList) -> list[int]:
    return list(rows.ids)


def drawn(widget) -> str:
    """The text a line-API widget draws for the lines on screen."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_panes_switch_by_number_and_tab(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.main.pane.name == "people"
        for key, name in [("2", "quotes"), ("3", "figures"), ("4", "articles"), ("tab", "people"),
                          ("shift+tab", "articles"), ("1", "people")]:
            await pilot.press(key)
            assert app.main.pane.name == name
            assert app.focused is app.main.pane.rows
        from tui.widgets.pane_strip import PaneStrip

        await pilot.click(PaneStrip, offset=(14, 0))    # " 2 Quotes "
        assert app.main.pane.name == "quotes"
        await settle(app, pilot)
        conn = sqlite3.connect(sample_db)
        assert app.current_list().count == conn.execute("SELECT count(*) FROM quotes").fetchone()[0]


async def test_selecting_keir_starmer_shows_only_his_quotes(sample_db):
    conn = sqlite3.connect(sample_db)
    person_id = conn.execute("SELECT id FROM people WHERE name = 'Keir Starmer'").fetchone()[0]
    his = {i for (i,) in conn.execute("SELECT id FROM quotes WHERE person_id = ?", (person_id,))}
    assert his, "the sample store attributes quotes to Keir Starmer"
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await type_text(pilot, "keir starmer")
        await pilot.press("enter")
        await settle(app, pilot)
        people = app.current_list()
        assert people.current["name"] == "Keir Starmer"
        await pilot.pause(0.1)                   # the detail follows once the cursor rests
        detail = str(app.main.pane.query_one(".detail").render())
        # his role and every form the text used for him, "The prime minister" included
        assert "prime minister" in detail
        assert all(form in detail for form in ("Keir Starmer", "Starmer", "The prime minister"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.pane.name == "quotes"
        quotes = app.current_list()
        assert set(quotes.ids) == his
        assert all(quotes.row(i)["speaker"] == "Keir Starmer" for i in range(quotes.count))
        assert "Keir Starmer" in str(app.main.pane.query_one(".scope").render())
        # escape shows everyone again
        await pilot.press("escape")
        await settle(app, pilot)
        assert quotes.count == conn.execute("SELECT count(*) FROM quotes").fetchone()[0]


async def test_search_porcupin_opens_the_quote_and_y_copies_its_citation(sample_db):
    conn = sqlite3.connect(sample_db)
    quote_id = conn.execute("SELECT id FROM quotes WHERE text LIKE '%steel porcupine%'").fetchone()[0]
    expected = reads.quotes_rows(conn, [quote_id])[0]
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "porcupin")
        await settle(app, pilot)
        assert app.screen.hits and "porcupine" in app.screen.hits[0].text
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selected_quote()["id"] == quote_id
        view = app.screen.query_one(ArticleView)
        assert "steel porcupine" in drawn(view)            # scrolled into view
        await pilot.press("y")
        assert app.clipboard == cite(expected, "plain") == (
            "“It’s basically [about] turning Ukraine into a steel porcupine that is indigestible for "
            "potential invaders.” — Ursula von der Leyen, president of the European Commission, "
            "quoted in “Starmer coalition of the willing”.")
        await pilot.press("Y")
        assert app.clipboard == cite(expected, "markdown")
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_y_in_quotes_pane_copies_the_row_under_the_cursor(sample_db):
    conn = sqlite3.connect(sample_db)
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")                   # People pane: nothing to copy, no crash
        assert app.clipboard == ""
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("j")
        row = app.current_list().current
        await pilot.press("y")
        assert app.clipboard == cite(reads.quotes_rows(conn, [row["id"]])[0], "plain")
        # the issue's own example, role included ("The prime minister" is Starmer in the text)
        await pilot.press("f")
        await type_text(pilot, "time to step up")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("g", "y")
        assert app.clipboard == ("“It’s time to step up and lead and to unite around a new plan for a just and "
                                 "enduring peace.” — Keir Starmer, prime minister, quoted in “Starmer coalition "
                                 "of the willing”.")


async def test_filter_narrows_quotes_by_words(sample_db):
    conn = sqlite3.connect(sample_db)
    expected = {i for (i,) in conn.execute("SELECT id FROM quotes WHERE text LIKE '%peace%'")}
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "f")
        await type_text(pilot, "peace")
        await settle(app, pilot)
        assert set(app.current_list().ids) == expected
        await pilot.press("escape", "escape")     # leave the box, then clear it
        await settle(app, pilot)
        assert app.current_list().count == conn.execute("SELECT count(*) FROM quotes").fetchone()[0]


async def test_figures_sort_by_value_biggest_first(sample_db):
    conn = sqlite3.connect(sample_db)
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "s")
        await settle(app, pilot)
        figures = app.current_list()
        rows = [figures.row(i) for i in range(figures.count)]
        units = [r["unit"] for r in rows]
        assert units == sorted(units, key=lambda u: (u is None, (u or "").lower()))   # grouped by unit
        for unit in set(units):          # biggest first within each unit: currencies never mixed
            values = [r["value"] for r in rows if r["unit"] == unit]
            assert values == sorted(values, reverse=True)
        assert len(rows) == conn.execute("SELECT count(*) FROM figures").fetchone()[0]
        header = app.main.pane.query_one(".columns")
        await pilot.click(header, offset=(14, 0))      # the kind column
        await settle(app, pilot)
        kinds = [figures.row(i)["kind"] for i in range(figures.count)]
        assert app.main.pane.sort == "kind" and kinds == sorted(kinds)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen) and app.screen.kind == "figure"


async def test_help_lists_bindings_and_q_quits(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def test_every_binding_has_an_id():
    from tui.bindings import help_groups

    for _, commands in help_groups():
        for command in commands:
            assert command.binding().id or not command.bound, command


@pytest.mark.parametrize("width", [5, 20, 33])
def test_wrap_keeps_offsets_and_width(width):
    text = "A first paragraph with several words in it.\nSecond one, and an extraordinarilylongwordthatmustbecut here."
    lines = wrap(text, width)
    for start, end in lines:
        assert len(text[start:end].rstrip()) <= width
        assert "\n" not in text[start:end]
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")


async def test_palette_jumps_to_a_person(sample_db):
    conn = sqlite3.connect(sample_db)
    person_id, name = conn.execute("SELECT id, name FROM people ORDER BY length(name) DESC LIMIT 1").fetchone()
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, name.lower())
        await pilot.pause(0.5)                   # the palette searches as you type
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.person == {"id": person_id, "name": name}
        assert app.main.pane.name == "quotes"
        expected = {i for (i,) in conn.execute("SELECT id FROM quotes WHERE person_id = ?", (person_id,))}
        assert set(app.current_list().ids) == expected


def test_plural_and_number():
    from tui.widgets.show import amount, number, plural

    assert plural(1, "people") == "1 person" and plural(2, "people") == "2 people"
    assert plural(1, "articles") == "1 article" and plural(1200, "quotes") == "1,200 quotes"
    assert number(1_600_000_000) == "1.6bn" and number(5000) == "5,000" and number(2.5) == "2.5"
    assert amount(1_600_000_000, "GBP") == "£1.6bn" and amount(2.5, "%") == "2.5%" and amount(48, "hour") == "48"


async def test_stale_search_results_never_overwrite_fresh_ones(sample_db):
    from types import SimpleNamespace

    from textual.widgets import OptionList

    hit = SimpleNamespace(article_id=1, title="[bold]T[/bold]", source=None, score=90.0, text="a steel porcupine",
                          highlights=[(8, 17)], char_start=0, char_end=17)
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        screen = app.screen
        screen.latest = "porcupine"
        screen.show_hits("porcu", [hit], "")           # an older keystroke's answer arrives late
        assert screen.hits == [] and screen.query_one(OptionList).option_count == 0
        screen.show_hits("porcupine", [hit], "")
        assert screen.query_one(OptionList).option_count == 1
        assert "[bold]T[/bold]" in str(screen.query_one(OptionList).get_option_at_index(0).prompt)


async def test_every_palette_action_runs_from_the_reader(sample_db):
    from tui.commands import BylineCommands

    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        names = []
        for name, _, command in BylineCommands(app.screen).actions():
            if name == "Quit":
                continue
            await pilot.press("2")
            await settle(app, pilot)
            await pilot.press("enter")               # from the reader, where no pane is shown
            await pilot.pause()
            command()
            await settle(app, pilot)
            names.append(name)
            while not isinstance(app.screen, MainScreen):
                await pilot.press("escape")
        assert app.is_running and "Sort figures" in names


def test_speaker_names_a_person_an_organisation_or_unknown():
    from tui.widgets.show import speaker

    assert speaker({"speaker": "Ada Lovelace", "organisation": None}).plain == "Ada Lovelace"
    assert speaker({"speaker": None, "organisation": "the [b]Times[/b]"}).plain == "the [b]Times[/b] (organisation)"
    assert speaker({"speaker": None, "organisation": None}).plain == "unknown speaker"


async def test_first_list_comes_from_the_ids_resolved_before_the_app_started(sample_db):
    from concurrent.futures import Future

    expected = filters.people_ids(reads.connect(str(sample_db)))
    ready: Future = Future()
    ready.set_result(list(reversed(expected)))       # an order no query gives: proves it is used
    app = BylineApp(str(sample_db), first_ids=ready)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert list_ids(app.current_list()) == list(reversed(expected))
        assert "Loading" not in drawn(app.current_list())


async def test_first_list_is_queried_again_when_the_early_read_failed(sample_db):
    from concurrent.futures import Future

    failed: Future = Future()
    failed.set_exception(sqlite3.OperationalError("no such column: p.mentions"))
    app = BylineApp(str(sample_db), first_ids=failed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert list_ids(app.current_list()) == filters.people_ids(reads.connect(str(sample_db)))


async def test_collector_left_off_for_start_up_is_back_on_once_the_first_frame_is_up(sample_db):
    import gc

    gc.disable()                                 # as `byline` starts the app
    try:
        app = BylineApp(str(sample_db))
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def burst(app, *keys: str) -> None:
    """Keys arriving in one read from the terminal (a paste, a laggy link): all queued
    before the app handles the first, unlike pilot.press, which waits after each."""
    from textual import events

    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


@pytest.mark.parametrize("keys, pane", [
    (("2", "1", "2"), "quotes"),
    (("tab", "tab", "shift+tab"), "quotes"),
    (("4", "f", "escape", "y", "tab", "tab", "shift+tab"), "people"),
    (("4", "tab", "tab", "shift+tab"), "people"),       # keys are taken in the order typed
    (("f", "z", "tab"), "quotes"),                      # tab leaves the filter box for the next pane
])
async def test_keys_typed_ahead_of_a_new_pane_never_crash_it(sample_db, keys, pane):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        burst(app, *keys)
        await settle(app, pilot)
        assert app.return_code is None           # still running: no error ended it
        assert app.main.pane.name == pane
        assert app.focused is app.main.pane.rows
        assert app.current_list().count > 0


async def test_enter_on_a_person_then_another_pane_in_one_burst(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        burst(app, "enter", "3")
        await settle(app, pilot)
        assert app.return_code is None
        assert isinstance(app.screen, MainScreen)        # a person is never opened as a figure
        assert app.main.pane.name == "figures"
        assert app.person is not None and app.person["name"] == "Keir Starmer"


def test_an_error_inside_the_app_ends_it_with_a_failing_exit_status(sample_db, monkeypatch):
    from tui.app import run_app

    def broken(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(BylineApp, "on_ready", broken)
    with pytest.raises(SystemExit) as ended:
        run_app(str(sample_db), headless=True)
    assert ended.value.code == 1
