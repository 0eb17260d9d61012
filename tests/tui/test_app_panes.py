"""Issue 20, the panes under real use: no "None" where a person reads, a detail pane
that scrolls and reads evidence first on a narrow screen, filters that say what they
match and how many rows they kept and forgive a typo, figures sorted within their unit."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest
from textual import events
from textual.widgets import Input

from store.db import filters, open_store, reads
from store.ingest import ingest
from tui.app import BylineApp
from tui.screens.reader import ReaderScreen

from .test_app import settle, type_text

WIDE, NARROW = (120, 40), (80, 24)

BUDGET = ("Budgets compared\n\nThe Treasury said the UK would spend £537bn on public services next year. "
          "Washington plans to spend $498bn on defence, while the health budget reaches $718bn, officials said.\n\n"
          "\u201cWe will not cut a single penny,\u201d said Rachel Reeves, the chancellor. "
          "Unemployment rose to 4.5% in March.")


@pytest.fixture
def archive_db(tmp_path):
    """A store from a JSON archive that writes missing metadata as "None" and "null", as
    the shared corpus does ("author": "None")."""
    records = [
        {"id": "wj-1", "title": "Budgets compared", "source": "west-journal", "published": "2016-09-28",
         "author": "None", "text": BUDGET},
        {"id": "wj-2", "title": "Second look", "source": "null", "published": "None", "author": "null",
         "url": "None", "text": "Second look\n\n\u201cIt is done,\u201d said Rachel Reeves. Costs rose 3%."},
    ]
    src = tmp_path / "archive.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    path = tmp_path / "archive.db"
    with open_store(path) as store:
        summary = ingest(store, [str(src)], workers=1)
    assert summary.added == 2, summary.skipped
    return path


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def detail_text(app) -> str:
    return str(app.main.pane.query_one(".detail").render())


# ---- item 4: no "None" where a person reads ------------------------------------------

@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
async def test_missing_metadata_never_shows_as_none(archive_db, size):
    placeholder = re.compile(r"\b(None|null)\b")
    app = BylineApp(str(archive_db))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for pane in ("1", "2", "3", "4"):
            await pilot.press(pane)
            await settle(app, pilot)
            rows = app.current_list()
            for i in range(rows.count):
                rows.move_to(i)
                await pilot.pause(0.06)
                app.main.pane.show_detail()
                assert not placeholder.search(detail_text(app)), (pane, detail_text(app))
                assert not placeholder.search(screen_text(app)), (pane, screen_text(app))
        await pilot.press("4", "g")
        await settle(app, pilot)
        titles = [app.current_list().row(i)["title"] for i in range(app.current_list().count)]
        await pilot.press(*["j"] * titles.index("Budgets compared"), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        title = app.screen.title_line().plain
        assert "west-journal · 2016-09-28" in title and not placeholder.search(title), title
        assert not placeholder.search(screen_text(app))


def test_listing_commands_never_print_none(archive_db):
    from click.testing import CliRunner

    from tui.cli import main

    runner = CliRunner()
    for command in ("articles", "people", "quotes", "figures"):
        table = runner.invoke(main, [command, "--db", str(archive_db)])
        assert table.exit_code == 0, table.output
        assert not re.search(r"\b(None|null)\b", table.output), table.output
    rows = json.loads(runner.invoke(main, ["articles", "--db", str(archive_db), "--json"]).output)
    assert {r["author"] for r in rows} == {None}            # JSON says null, never "None"
    assert {r["source"] for r in rows} == {"west-journal", None}


def test_an_untitled_article_without_a_path_is_named_by_its_id():
    from tui.widgets.show import article_label

    assert article_label({"id": 7, "title": None, "path": None}) == "article 7"
    assert article_label({"article_id": 3, "title": None}) == "article 3"


# ---- item 5: the detail pane scrolls; the narrow layout -----------------------------

async def test_narrow_screen_puts_the_evidence_first_and_gives_the_quote_room(sample_db):
    conn = sqlite3.connect(sample_db)
    app = BylineApp(str(sample_db))
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        rows = app.current_list()
        # a quote with a cue: its evidence is on screen, above the fold, without scrolling
        at = next(i for i in range(rows.count) if rows.row(i).get("cue") and len(rows.row(i)["text"]) > 80)
        rows.move_to(at)
        await pilot.pause(0.1)
        shown = screen_text(app)
        assert "Why byline thinks so" in shown and "Confidence" in shown, shown
        detail = detail_text(app)
        assert detail.index("Why byline thinks so") < detail.index(rows.current["text"][:20])
        # the list has the width: more than 28 characters of the quote's words
        words = rows.current["text"]
        line = next(ln for ln in shown.splitlines() if "“" + words[:10] in ln)
        assert len(line[line.index("“"):].rstrip(" …")) >= 45, line
        assert conn.execute("SELECT 1").fetchone()


async def test_wide_screen_keeps_the_quote_first(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j")
        await settle(app, pilot)
        row = app.current_list().current
        detail = detail_text(app)
        assert detail.startswith("“" + row["text"][:20])


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
async def test_detail_pane_scrolls_by_keys_and_by_the_mouse(sample_db, size):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        box = app.main.pane.query_one(".detail-box")
        app.main.pane.query_one(".detail").update("line\n" * 100)   # a detail longer than the pane
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("J")
        await pilot.pause()
        assert box.scroll_y > 0
        assert app.focused is app.main.pane.rows and app.current_list().cursor == 0   # the list kept its keys
        down = box.scroll_y
        await pilot.press("shift+down")
        await pilot.pause()
        assert box.scroll_y > down
        await pilot.press("K", "shift+up")
        await pilot.pause()
        assert box.scroll_y == 0
        box.post_message(events.MouseScrollDown(box, 2, 2, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert box.scroll_y > 0


# ---- item 7: figures by value within their unit; the sentence they came from ---------

async def test_figures_by_value_never_mix_currencies_and_show_their_sentence(archive_db):
    app = BylineApp(str(archive_db))
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "s")                  # by value, biggest first
        await settle(app, pilot)
        rows = app.current_list()
        listed = [(rows.row(i)["unit"], rows.row(i)["text"]) for i in range(rows.count)]
        money = [text for unit, text in listed if unit in ("GBP", "USD")]
        assert money in (["£537bn", "$718bn", "$498bn"], ["$718bn", "$498bn", "£537bn"]), listed
        units = [unit for unit, _ in listed]
        assert all(units.index(u) + units.count(u) - 1 == len(units) - 1 - units[::-1].index(u) for u in units)
        await pilot.press("g")
        await pilot.pause(0.1)
        while rows.current["text"] != "£537bn":
            await pilot.press("j")
        await pilot.pause(0.1)
        detail = detail_text(app)
        assert "The Treasury said the UK would spend £537bn on public services next year." in detail


# ---- item 6: filters say what they match, count, and forgive a typo ------------------

@pytest.mark.parametrize("pane, says", [("1", "name"), ("2", "speaker"), ("3", "measures"), ("4", "title")])
async def test_filter_box_says_what_it_matches(sample_db, pane, says):
    from textual.widgets import Input

    app = BylineApp(str(sample_db))
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await pilot.press(pane)
        await settle(app, pilot)
        box = app.main.pane.query_one(".filter", Input)
        assert says in box.placeholder
        assert box.placeholder in screen_text(app)      # the whole hint fits at 80 columns


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
async def test_filtered_lists_say_how_many_of_how_many(sample_db, size):
    conn = sqlite3.connect(sample_db)
    total = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    peace = conn.execute("SELECT count(*) FROM quotes WHERE text LIKE '%peace%'").fetchone()[0]
    assert 0 < peace < total
    app = BylineApp(str(sample_db))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        count = app.main.pane.query_one(".count")
        assert str(count.render()) == f"{total:,}"
        await pilot.press("f")
        await type_text(pilot, "peace")
        await settle(app, pilot)
        assert str(count.render()) == f"{peace} of {total:,}"
        assert f"{peace} of {total:,}" in screen_text(app)
        await type_text(pilot, "zzqx")
        await settle(app, pilot)
        assert str(count.render()) == f"0 of {total:,}"
        await pilot.press("escape", "escape")
        await settle(app, pilot)
        assert str(count.render()) == f"{total:,}"


@pytest.mark.parametrize("pane, typed, expected", [
    ("1", "keir stramer", "SELECT id FROM people WHERE name = 'Keir Starmer'"),
    ("2", "porcupnie", "SELECT id FROM quotes WHERE text LIKE '%porcupine%'"),
    ("3", "misiles", "SELECT id FROM figures WHERE unit LIKE '%missiles%'"),
    ("4", "coaliton", "SELECT id FROM articles WHERE title LIKE '%coalition%'"),
])
async def test_filter_forgives_a_typo_in_every_pane(sample_db, pane, typed, expected):
    conn = sqlite3.connect(sample_db)
    wanted = {i for (i,) in conn.execute(expected)}
    assert wanted
    app = BylineApp(str(sample_db))
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press(pane)
        await settle(app, pilot)
        await pilot.press("f")
        await type_text(pilot, typed)
        await pilot.press("enter")
        await settle(app, pilot)
        found = set(app.current_list().ids)
        assert wanted <= found, (typed, found)
        assert app.current_list().current["id"] in wanted         # the best match first
        spelling = app.main.pane.query_one(".spelling")
        assert spelling.display and "close spellings" in str(spelling.render())


def test_filters_take_words_as_typed_before_any_close_spelling(sample_store):
    # "peace" is a word of the text: no spelling is looked for, nothing else comes in
    ids = filters.quotes_ids(sample_store, "peace")
    assert ids and ids.spellings == {}
    assert all("peace" in r["text"].lower() for r in reads.quotes_rows(sample_store, ids))
    # a word nothing is near stays unmatched rather than matching anything
    assert filters.quotes_ids(sample_store, "zzqxv") == [] and filters.articles_ids(sample_store, "qqqqzz") == []
    assert filters.close_spellings(sample_store, ["porcupnie", "ab"]) == {"porcupnie": ["porcupine"], "ab": []}


async def test_resizing_across_100_columns_moves_the_detail_and_reorders_it(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        box = app.main.pane.query_one(".detail-box")
        side = app.main.pane.query_one(".side")
        assert box.region.x > side.region.x and detail_text(app).startswith("“")
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert app.main.narrow and box.region.y > side.region.y and box.region.width >= 78
        assert detail_text(app).startswith("— ")
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        assert not app.main.narrow and detail_text(app).startswith("“")


@pytest.mark.parametrize("burst", ["fstarmer", "fmacron"])
async def test_keys_typed_in_one_burst_after_f_reach_the_filter_box(sample_db, burst):
    """A fast typist or a paste sends `f` and the words at once: every key is queued for
    the list before `f` moves the focus. They must land in the box, in order, and none may
    fire the list's own keys on the way (m is merge on the People list)."""
    app = BylineApp(str(sample_db))
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("1")
        await settle(app, pilot)
        for ch in burst:
            app.post_message(events.Key(ch, ch))
        await settle(app, pilot)
        box = app.main.pane.query_one(".filter", Input)
        assert (box.value, app.focused) == (burst[1:], box)
        assert type(app.screen).__name__ == "MainScreen"
        # once the box has the focus, keys go to it the ordinary way
        await pilot.press("backspace", "x")
        assert box.value == burst[1:-1] + "x"
