"""Quote check in the app: the palette command (ctrl+p, type, enter) opens it; a
misremembered quote finds the real one with a coloured diff; an invented one says no
match; enter on a match opens the reader; article text stays literal."""
from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from tui.app import BylineApp
from tui.screens.check import CheckScreen
from tui.screens.reader import ReaderScreen

SIZE = (120, 40)


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def open_check(app, pilot) -> CheckScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, "check a quote")
    for _ in range(50):                       # the palette searches in the background
        await pilot.pause(0.02)
    await pilot.press("enter")
    for _ in range(50):
        await pilot.pause()
        if isinstance(app.screen, CheckScreen):
            break
    assert isinstance(app.screen, CheckScreen)
    return app.screen


async def check_text(app, pilot, screen: CheckScreen, text: str) -> None:
    box = screen.query_one("#check-box", Input)
    box.value = text
    await pilot.press("enter")
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if screen.result is not None and screen.asked == text:
            break


def status(screen: CheckScreen) -> str:
    return str(screen.query_one("#check-status", Static).render())


async def test_palette_opens_check_and_a_misremembered_quote_is_found(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_check(app, pilot)
        assert app.focused is screen.query_one("#check-box", Input)
        await check_text(app, pilot, screen, "Starmr said if you want peace you have to be ready to defend it")
        result = screen.result
        assert result.found and result.speaker == "Starmr"
        best = result.matches[0]
        assert best.kind == "quote" and best.speaker == "Keir Starmer" and best.speaker_match
        assert "prepared to defend the peace" in best.text
        options = screen.query_one("#check-results", OptionList)
        assert options.option_count == len(result.matches)
        first = options.get_option_at_index(0).prompt
        assert "Keir Starmer" in first.plain and "prepared" in first.plain
        styles = {str(span.style) for span in first.spans}
        assert "strike red" in styles and "bold green" in styles      # the diff, in colour
        assert "match" in status(screen)
        # enter on the match opens it in the reader
        await pilot.press("down")
        assert app.focused is options
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, ReaderScreen):
                break
        assert isinstance(app.screen, ReaderScreen)


async def test_invented_quote_says_no_match_and_c_opens_check(sample_db):
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        await check_text(app, pilot, screen, "the moon is made of [bold]green cheese[/bold] and penguins vote")
        assert screen.result is not None and not screen.result.found
        assert "no match" in status(screen)
        assert screen.query_one("#check-results", OptionList).option_count == 0
        await pilot.press("escape")
        assert not isinstance(app.screen, CheckScreen)


async def test_sentence_not_in_quotation_marks_is_labelled(sample_db):
    from store.db import open_store
    with open_store(sample_db) as store:
        sentence = store.conn.execute(
            "SELECT s.text FROM sentences s WHERE length(s.text) > 60 AND NOT EXISTS (SELECT 1 FROM quotes q "
            "WHERE q.article_id = s.article_id AND q.char_start < s.char_end AND q.char_end > s.char_start) "
            "ORDER BY s.id LIMIT 1").fetchone()[0]
    app = BylineApp(str(sample_db))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        await check_text(app, pilot, screen, " ".join(sentence.split()[:12]))
        best = screen.result.matches[0]
        assert best.kind == "sentence"
        prompt = screen.query_one("#check-results", OptionList).get_option_at_index(0).prompt.plain
        assert "found in the article text, not as a quote" in prompt
