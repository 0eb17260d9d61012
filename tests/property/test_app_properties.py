"""What the app draws from hostile articles (escape sequences, controls, bidi marks, lone
surrogates, non-UTF-8 file names): not one character a terminal would act on, in any pane,
the detail, the reader or search. Checked on the screen's composed strips, the text
Textual is about to write (its own style codes come after)."""
from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.db import open_store
from store.ingest import ingest
from tests.property.strategies import CONTROLS, SURROGATES, news_text
from tests.property.test_reader_properties import FILE_NAMES
from tui.app import BylineApp
from tui.widgets.rowlist import RowList


def _drawn(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def _visit(db: Path) -> list[str]:
    """The screen after each step of a short tour of the app."""
    app = BylineApp(str(db))
    screens = []
    async with app.run_test(size=(100, 30)) as pilot:
        async def settle():
            for _ in range(100):
                await pilot.pause()
                lists = app.screen.query(RowList)
                if not lists or not lists.first().pending:
                    break
            await app.workers.wait_for_complete()
            await pilot.pause(0.06)
            screens.append(_drawn(app))

        await settle()
        for key in ("2", "3", "4", "enter", "escape", "1", "enter"):
            await pilot.press(key)
            await settle()
        await pilot.press("slash", "w", "e")
        await settle()
    return screens


# a whole app session an example: a twentieth of the profile's examples (never under 3)
@settings(max_examples=max(3, settings().max_examples // 20))
@given(st.lists(st.tuples(news_text, FILE_NAMES), min_size=1, max_size=3))
def test_the_app_draws_no_control_character_from_any_article(articles):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inbox = os.path.join(os.fsencode(root), b"in")
        os.mkdir(inbox)
        for n, (text, name) in enumerate(articles):
            with open(os.path.join(inbox, name + str(n).encode() + b".txt"), "wb") as f:
                f.write(("Ann Cole said hello. " + text).encode("utf-8", "surrogatepass"))
        with open_store(root / "byline.db") as store:
            ingest(store, [os.fsdecode(inbox)], workers=1)
        for screen in asyncio.run(_visit(root / "byline.db")):
            assert not CONTROLS.search(screen.replace("\n", "")), repr(screen)
            assert not SURROGATES.search(screen)
