"""Article text is data: markup and escape codes in an article show and copy literally."""
from __future__ import annotations

import sqlite3

from store.db import open_store
from store.ingest import ingest
from tui.app import BylineApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.rowlist import RowList

HOSTILE = (
    "Jane Doe spoke to reporters on Monday about [bold]the plan[/bold].\n\n"
    "“[bold]Run[/bold] [@click=app.quit]now[/] and [link=https://evil.example]here[/link],” Jane Doe said.\n\n"
    "A line with \x1b[31mred\x1b[0m paint and a \x1b]0;owned\x07 title escape.\n"
)


async def test_markup_and_escapes_show_and_copy_literally(tmp_path):
    source = tmp_path / "hostile-article.txt"
    source.write_text(HOSTILE)
    db = tmp_path / "hostile.db"
    with open_store(db) as store:
        assert ingest(store, [source], workers=1).added == 1
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT text FROM articles").fetchone()[0]
    assert "\x1b" not in stored and "[@click=app.quit]now[/]" in stored

    app = BylineApp(str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2")
        while not app.main.pane.query(RowList) or app.current_list().pending:
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)                   # the detail follows once the cursor rests
        quotes = app.current_list()
        assert quotes.count >= 1
        row_text = quotes.render_line(0).text
        assert "[bold]Run[/bold] [@click=app.quit]now[/]" in row_text
        detail = str(app.main.pane.query_one(".detail").render())
        assert "[link=https://evil.example]here[/link]" in detail

        await pilot.press("y")
        assert "[@click=app.quit]now[/]" in app.clipboard
        assert "\x1b" not in app.clipboard

        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "[bold]the plan[/bold]" in shown
        assert "[@click=app.quit]now[/]" in shown
        assert "red paint" in shown and "\x1b" not in shown
        assert app.is_running                    # no markup action ran
