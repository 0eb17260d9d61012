"""The journalist's desk in the app, driven by Pilot over a real store of three dated
articles (desk_db, tests/tui/conftest.py): the quote id and the checked mark, the Quotes list by date, a person's page,
correcting / confirming / undoing a quote, review mode and merging people."""
from __future__ import annotations

import sqlite3

import pytest

from store.db import filters, open_store, reads
from tui.app import BylineApp
from tui.screens.chooser import Chooser
from tui.screens.main import MainScreen
from tui.screens.person import PersonScreen
from tui.screens.review import ReviewScreen
from tests.tui.test_app import settle, type_text

SIZE = (120, 40)

def person_id(db, name: str) -> int:
    return sqlite3.connect(db).execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()[0]


def detail(app) -> str:
    return str(app.main.pane.query_one(".detail").render())


async def show_quotes_of(app, pilot, name: str) -> None:
    """People pane: filter to the person, enter: the Quotes pane, narrowed to them."""
    await pilot.press("f")
    await type_text(pilot, name.lower())
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.current_list().current["name"] == name
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.main.pane.name == "quotes"


# ---- what the lists and details show ------------------------------------------------------

async def test_the_quote_detail_shows_its_id(desk_db):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j")
        await settle(app, pilot)
        row = app.current_list().current
        assert f"quote {row['id']}" in detail(app)
        assert "checked" not in detail(app)


async def test_s_sorts_quotes_by_date_newest_first_then_back_to_article_order(desk_db):
    conn = sqlite3.connect(desk_db)
    dates = dict(conn.execute("SELECT q.id, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"))
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        article_order = list(app.current_list().ids)
        assert article_order == filters.quotes_ids(conn)
        assert [dates[i] for i in article_order] != sorted(dates[i] for i in article_order)
        await pilot.press("s")
        await settle(app, pilot)
        newest = [dates[i] for i in app.current_list().ids]
        assert newest == sorted(dates.values(), reverse=True)
        header = str(app.main.pane.query_one(".columns").render())
        assert "date▼" in header and "outlet" in header
        rows = app.current_list()
        assert rows.row(0)["published"].startswith("2025-06")
        await pilot.press("S")                   # the other way: oldest first
        await settle(app, pilot)
        assert [dates[i] for i in app.current_list().ids] == sorted(dates.values())
        await pilot.press("s")                   # back to article order
        await settle(app, pilot)
        assert list(app.current_list().ids) == article_order


@pytest.mark.parametrize("width", [120, 80])
async def test_the_quotes_list_shows_date_and_outlet(desk_db, width):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        rows = app.current_list()
        assert "2025-" not in rows.render_line(0).text      # in article order the words have the room
        await pilot.press("s")
        await settle(app, pilot)
        first = rows.render_line(0).text
        assert "2025-06-14" in first and "Daily Test" in first and "“We will" in first


async def test_p_opens_a_persons_page_newest_first_with_quotes_per_month(desk_db):
    starmer = person_id(desk_db, "Keir Starmer")
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await type_text(pilot, "starmer")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, PersonScreen) and page.person["id"] == starmer
        quotes = [row for row in page.lines if row]
        assert [q["published"][:7] for q in quotes] == ["2025-06", "2025-03", "2025-01"]
        assert all(q["person_id"] == starmer for q in quotes)
        headings = [i for i, row in enumerate(page.lines) if row is None]
        assert len(headings) == 3                 # one per article, each above its quotes
        from textual.widgets import Sparkline

        assert page.query_one(Sparkline).data == [1, 0, 1, 0, 0, 1]     # January to June
        months = str(page.query_one("#person-months").render())
        assert "2025-01 to 2025-06" in months
        assert page.selected_quote()["id"] == quotes[0]["id"]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


# ---- correcting a quote -----------------------------------------------------------------

async def correct_first_quote_of(app, pilot, name: str, *keys: str) -> dict:
    """On the first of the person's quotes, e, then keys in the chooser; the quote before."""
    await show_quotes_of(app, pilot, name)
    before = app.current_list().current
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, Chooser)
    for key in keys:
        await pilot.press(key)
    await pilot.pause()
    await settle(app, pilot)
    return before


async def test_e_sets_the_speaker_from_the_articles_people_and_u_undoes_it(desk_db):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # "he added" is Macron's: give it to Starmer by typing part of his name and choosing him
        before = await correct_first_quote_of(app, pilot, "Emmanuel Macron")
        assert isinstance(app.screen, Chooser)
        await type_text(pilot, "starm")
        await pilot.pause()
        assert app.screen.values[0] == ("speaker", "Keir Starmer")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        row = reads.quotes_rows(app.store, [before["id"]])[0]
        assert row["speaker"] == "Keir Starmer" and row["checked"] and row["correction"] == "speaker"
        # the list (narrowed to Macron) no longer holds it; the whole list marks it checked
        assert before["id"] not in app.current_list().ids
        await pilot.press("escape")
        await settle(app, pilot)
        rows = app.current_list()
        at = rows.ids.index(before["id"])
        assert "✓" in rows.render_line(at - rows.scroll_offset.y).text
        rows.move_to(at)
        await settle(app, pilot)
        assert f"quote {before['id']}" in detail(app) and "checked" in detail(app)
        await pilot.press("u")
        await settle(app, pilot)
        row = reads.quotes_rows(app.store, [before["id"]])[0]
        assert row["speaker"] == before["speaker"] and not row["checked"]
        assert "checked" not in detail(app)


async def test_e_with_a_typed_name_marks_unknown_or_confirms(desk_db):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = await correct_first_quote_of(app, pilot, "Keir Starmer")
        await type_text(pilot, "Ann Cole")
        await pilot.press("enter")                # the typed name is the first line
        await settle(app, pilot)
        row = reads.quotes_rows(app.store, [before["id"]])[0]
        assert row["speaker"] == "Ann Cole" and row["correction"] == "speaker"
        # confirm: the last line of the chooser
        app.main.choose_person(None)
        await settle(app, pilot)
        app.current_list().move_to(app.current_list().ids.index(before["id"]))
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("up", "enter")          # up from the first line: the last, "Confirm"
        await settle(app, pilot)
        row = reads.quotes_rows(app.store, [before["id"]])[0]
        assert row["speaker"] == "Ann Cole" and row["checked"] and row["correction"] == "confirmed"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("up", "up", "enter")    # "Mark the speaker unknown"
        await settle(app, pilot)
        row = reads.quotes_rows(app.store, [before["id"]])[0]
        assert row["speaker"] is None and row["correction"] == "unknown"


async def test_escape_in_the_chooser_changes_nothing(desk_db):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = await correct_first_quote_of(app, pilot, "Keir Starmer", "escape")
        assert isinstance(app.screen, MainScreen)
        assert reads.quotes_rows(app.store, [before["id"]])[0] == before


async def test_a_correction_on_a_read_only_store_is_said_not_raised(desk_db):
    app = BylineApp(str(desk_db))
    app.store.close()
    app.store = open_store(desk_db, write=False)      # as a store this user may not write
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = await correct_first_quote_of(app, pilot, "Keir Starmer")
        await pilot.press("up", "enter")          # confirm
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert reads.quotes_rows(app.store, [before["id"]])[0] == before
        assert any("read-only" in str(n.message) for n in app._notifications)


# ---- review mode ----------------------------------------------------------------------

async def test_review_walks_from_lowest_confidence_and_says_when_done(desk_db):
    from store.db.corrections import review_ids

    conn = sqlite3.connect(desk_db)
    order = review_ids(conn)
    assert len(order) >= 3
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        first = review.row
        assert first["id"] == order[0]
        body = str(review.query_one("#review-quote").render())
        assert f"quote {first['id']}" in body and "Why byline thinks so" in body and "The paragraph" in body
        assert "Confidence" in body
        await pilot.press("a")                   # confirm
        await pilot.pause()
        assert reads.quotes_rows(conn, [first["id"]])[0]["correction"] == "confirmed"
        assert review.row["id"] == order[1]
        await pilot.press("s")                   # skip: left as it was
        await pilot.pause()
        assert review.row["id"] == order[2]
        assert not reads.quotes_rows(conn, [order[1]])[0]["checked"]
        await pilot.press("x")                   # unknown
        await pilot.pause()
        assert reads.quotes_rows(conn, [order[2]])[0]["correction"] == "unknown"
        await pilot.press("u")                   # undo the last done here: back to it
        await pilot.pause()
        assert review.row["id"] == order[2]
        assert not reads.quotes_rows(conn, [order[2]])[0]["checked"]
        await pilot.press("e")                   # correct, with the same chooser
        await pilot.pause()
        await type_text(pilot, "Ann Cole")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert reads.quotes_rows(conn, [order[2]])[0]["speaker"] == "Ann Cole"
        for _ in order[3:]:
            await pilot.press("s")
            await pilot.pause()
        assert review.finished
        assert "Review done" in str(review.query_one("#review-quote").render())
        assert "1 confirmed · 1 corrected · 0 unknown" in str(review.query_one("#review-title").render())


async def test_review_is_in_the_palette(desk_db):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "review attributions")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


# ---- merging people ------------------------------------------------------------------

async def test_m_merges_a_person_into_another_and_the_palette_undoes_it(desk_db):
    macron, starmer = person_id(desk_db, "Emmanuel Macron"), person_id(desk_db, "Keir Starmer")
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await type_text(pilot, "macron")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, Chooser)
        assert "Emmanuel Macron" not in [value[1] for value in app.screen.values]     # not into themselves
        await type_text(pilot, "kier strmer")          # typos forgiven
        await pilot.pause()
        assert app.screen.values[0] == ("person", "Keir Starmer")
        await pilot.press("enter")
        await settle(app, pilot)
        conn = sqlite3.connect(desk_db)
        assert conn.execute("SELECT count(*) FROM quotes WHERE person_id = ?", (macron,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM quotes WHERE person_id = ?", (starmer,)).fetchone()[0] == 9
        await pilot.press("escape", "escape")          # the filter cleared: every person
        await settle(app, pilot)
        names = [app.current_list().row(i)["name"] for i in range(app.current_list().count)]
        assert "Emmanuel Macron" not in names
        await pilot.press("ctrl+p")
        await type_text(pilot, "undo the last merge")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        names = [app.current_list().row(i)["name"] for i in range(app.current_list().count)]
        assert "Emmanuel Macron" in names
        assert conn.execute("SELECT count(*) FROM quotes q JOIN people p ON p.id = q.person_id"
                            " WHERE p.name = 'Emmanuel Macron'").fetchone()[0] == 6


async def test_a_correction_made_in_the_reader_shows_there(desk_db):
    app = BylineApp(str(desk_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "enter")          # the first quote, in its article
        await pilot.pause()
        quote = app.screen.selected_quote()
        status = app.screen.query_one("#reader-status")
        assert f"id {quote['id']} " in str(status.render()) and "checked" not in str(status.render())
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("up", "enter")          # confirm
        await settle(app, pilot)
        assert app.screen.selected_quote()["checked"]
        assert "✓ checked" in str(status.render())
