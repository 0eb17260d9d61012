"""The app's ways out, driven by Pilot: `e` exports what the pane shows to a file under the
data folder; `y` copies a figure with its sentence and a reader sentence; and the status
line says where the copied text went: the clipboard tool that took it, or, with no tool on
PATH, the file under the data folder that now holds it."""
from __future__ import annotations

import csv
import sqlite3
import stat

import pytest

from store.cite import cite, cite_passage
from store.db import reads
from store.export import COLUMNS, figure_citation
from tui.app import BylineApp
from tui.screens.export import ExportScreen
from tui.screens.reader import ReaderScreen
from tests.tui.test_app import SIZE, settle


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """The user data folder in tmp_path (platformdirs reads XDG_DATA_HOME): byline's is data_home/byline."""
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "byline"


@pytest.fixture
def no_clipboard_tools(tmp_path, monkeypatch):
    """A PATH on which no clipboard tool (wl-copy, xclip, xsel, pbcopy) is found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


async def test_e_exports_the_rows_the_pane_shows_for_the_chosen_person(sample_db, data_home, no_clipboard_tools):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")                      # the first person: their quotes
        await settle(app, pilot)
        person, shown = app.person, list(app.current_list().ids)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")                     # cancel: nothing written
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen) and not (data_home / "exports").exists()
        await pilot.press("x", "enter")                 # the first choice: CSV
        await app.workers.wait_for_complete()
        await pilot.pause()
    files = list((data_home / "exports").glob("quotes-*.csv"))
    assert len(files) == 1
    with files[0].open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert person is not None and 0 < len(shown) < reads.counts(sqlite3.connect(sample_db))["quotes"]
    assert [int(r["quote_id"]) for r in rows] == shown
    assert {r["speaker"] for r in rows} == {person["name"]} and list(rows[0]) == list(COLUMNS["quotes"])
    assert app.last_said == f"Exported {len(shown)} quotes to {files[0]}"


async def test_palette_export_as_markdown_of_a_filtered_list(sample_db, data_home):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        app.action_export_list("markdown")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (path,) = (data_home / "exports").glob("articles-*.md")
    assert path.read_text(encoding="utf-8").startswith("# Articles\n\n| title | outlet |")
    assert "| Starmer coalition of the willing |" in path.read_text(encoding="utf-8")


async def test_y_copies_a_figure_with_its_sentence_in_the_pane_and_the_reader(sample_db, data_home,
                                                                             no_clipboard_tools):
    conn = sqlite3.connect(sample_db)
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        row = app.current_list().current
        sentence, expected = figure_citation(conn, reads.figures_rows(conn, [row["id"]])[0])
        await pilot.press("y")
        assert app.clipboard == expected
        assert expected.startswith(f"{row['text']}: “{sentence}” — “Starmer coalition of the willing”")
        await pilot.press("enter")                      # the reader, at that figure
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.kind == "figure"
        assert "y copies the figure with its sentence" in str(app.screen.query_one("#reader-status").render())
        await pilot.press("Y")
        assert app.clipboard == figure_citation(conn, reads.figures_rows(conn, [row["id"]])[0], "markdown")[1]
        await app.workers.wait_for_complete()


async def test_y_in_the_reader_copies_the_sentence_at_a_mention(sample_db, data_home, no_clipboard_tools):
    conn = sqlite3.connect(sample_db)
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")                          # the first person's mentions
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.kind == "mention"
        article = reads.article(conn, reader.article["id"])
        for _ in reader.spans:                          # to a mention outside any quote (inside one, y copies the quote)
            if reader.selected_quote() is None:
                break
            await pilot.press("n")
        assert reader.selected_quote() is None
        start, end = reader.spans[reader.current]
        sentence = conn.execute("SELECT text FROM sentences WHERE article_id = ? AND char_start <= ? AND char_end >= ?",
                                (article["id"], start, end)).fetchone()[0]
        assert "y copies the sentence" in str(reader.query_one("#reader-status").render())
        await pilot.press("y")
        assert app.clipboard == cite_passage(sentence, article) == f"“{sentence}” — “Starmer coalition of the willing”."
        assert article["text"][start:start + 3] in app.clipboard
        await app.workers.wait_for_complete()


async def test_with_no_clipboard_tool_the_status_says_so_and_the_text_is_saved(sample_db, data_home,
                                                                                no_clipboard_tools):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        copied = app.clipboard
        row = reads.quotes_rows(app.store, [app.current_list().current["id"]])[0]
        assert copied == cite(row, "plain")
        app.action_copy("ap")                           # the palette's "Copy with an AP-style citation"
        assert app.clipboard == cite(row, "ap") and app.clipboard.endswith(" said.")
        app.action_copy("plain")
        await app.workers.wait_for_complete()
        await pilot.pause()
    saved = data_home / "clipboard.txt"
    assert saved.read_text(encoding="utf-8") == copied + "\n"
    assert app.last_said.endswith(": no clipboard tool found: copied via the terminal (OSC 52) if it supports it, "
                                  f"and saved to {saved}")
    assert app.last_said.startswith("Quote “")


async def test_a_clipboard_tool_on_path_takes_the_text_and_the_status_names_it(sample_db, data_home, tmp_path,
                                                                                monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    taken = tmp_path / "taken.txt"
    tool = tools / "wl-copy"
    tool.write_text(f"#!/bin/sh\nexec /bin/cat > '{taken}'\n")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tools))
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert taken.read_text(encoding="utf-8") == app.clipboard
    assert app.last_said.endswith(": copied to the clipboard (wl-copy)")
    assert not (data_home / "clipboard.txt").exists()


async def test_y_in_the_reader_with_nothing_highlighted_copies_the_sentence_at_the_top(tmp_path, data_home,
                                                                                      no_clipboard_tools):
    from store.db import open_store
    from store.ingest import ingest

    source = tmp_path / "roads.txt"
    source.write_text("Roads report\n\n" + "\n\n".join(f"Paragraph {n} is about the roads of the town."
                                                       for n in range(1, 80)) + "\n", encoding="utf-8")
    db = tmp_path / "roads.db"
    with open_store(db) as store:
        assert ingest(store, [source], workers=1).added == 1
    app = BylineApp(str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.spans == []
        await pilot.press("y")
        assert app.clipboard == "“Roads report” — “Roads report”."        # the text's first line is its title
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("y")
        view = reader.query_one("ArticleView")
        # the first line of text in view (the top one may be the blank between paragraphs)
        first_line = next(line for y in range(3) if (line := view.render_line(y).text.strip()))
        assert view.scroll_offset.y > 0 and first_line.startswith("Paragraph ")
        assert app.clipboard == f"“{first_line}” — “Roads report”."
        await app.workers.wait_for_complete()
