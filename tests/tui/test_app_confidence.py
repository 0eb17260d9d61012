"""Confidence in the app: the Quotes list and the detail show it; a withheld guess shows as
"likely Ann Cole, low confidence", never as the speaker, and copies as "speaker unconfirmed";
an unnamed source shows as the text describes it."""
from __future__ import annotations

from tests.db.store_helpers import guess_store
from tests.tui.test_app import SIZE, settle

from tui.app import BylineApp
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.show import quote_detail, quote_row, speaker


def detail_text(app) -> str:
    return str(app.main.pane.query_one(".detail").render())


async def test_quotes_list_and_detail_show_confidence_and_a_withheld_guess(tmp_path):
    app = BylineApp(str(guess_store(tmp_path / "guess.db")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        quotes = app.current_list()
        lines = [quotes.render_line(y).text for y in range(3)]
        assert lines[0].startswith("Ann Cole") and " 98% " in lines[0] and "We will rebuild" in lines[0]
        assert lines[1].startswith("likely Ann Cole") and " 62% " in lines[1] and "It is a stunt" in lines[1]
        assert lines[2].startswith("a council spokes") and "%" not in lines[2].split("“")[0]
        assert "unknown speaker" not in "".join(lines)

        detail = detail_text(app)
        assert "— Ann Cole, mayor" in detail
        assert "Confidence: 98%  how often this kind of decision (verb-name) was right" in detail

        await pilot.press("j")
        await settle(app, pilot)
        detail = detail_text(app)
        assert "— unknown speaker · likely Ann Cole, low confidence" in detail
        assert "— Ann Cole" not in detail and "mayor" not in detail
        assert "Confidence: 62%, low  how often this kind of decision (pronoun:rival)" in detail
        assert "too low to name the speaker" in detail
        await pilot.press("y")
        assert app.clipboard == "“It is a stunt.” — speaker unconfirmed (likely Ann Cole), quoted in “Council budget”."
        await pilot.press("Y")
        assert app.clipboard.endswith("> — speaker unconfirmed (likely Ann Cole), quoted in “Council budget”.")

        # in the reader, the status line says the same
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        status = str(app.screen.query_one("#reader-status").render())
        assert "likely Ann Cole, low confidence (62%)" in status
        await pilot.press("y")
        assert app.clipboard.startswith("“It is a stunt.” — speaker unconfirmed (likely Ann Cole)")
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

        await pilot.press("j")
        await settle(app, pilot)
        detail = detail_text(app)
        assert "— a council spokesperson (unnamed)" in detail and "Confidence" not in detail
        await pilot.press("y")
        assert app.clipboard == "“The money is there.” — a council spokesperson, quoted in “Council budget”."

        # her quotes (from the People pane) are the one she said, not the guess
        await pilot.press("1")
        await settle(app, pilot)
        assert app.current_list().current["name"] == "Ann Cole"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.pane.name == "quotes"
        assert app.current_list().count == 1 and app.current_list().current["text"] == "We will rebuild,"


def test_store_text_in_a_guess_or_description_is_drawn_literally():
    row = {"text": "[b]x[/b]", "kind": "full", "speaker": None, "likely": "[bold]Ann[/bold] Cole",
           "confidence": 0.5, "decision": "[red]pronoun[/red]"}
    assert speaker(row).plain == "likely [bold]Ann[/bold] Cole, low confidence"
    assert quote_row(row, 120).plain.startswith("likely [bold]Ann[/bo")
    shown = quote_detail(row).plain
    assert "likely [bold]Ann[/bold] Cole, low confidence" in shown and "([red]pronoun[/red])" in shown
    described = {"text": "x", "described": "a [@click=app.quit]spokes[/] person"}
    assert speaker(described).plain == "a [@click=app.quit]spokes[/] person (unnamed)"
    assert quote_row(described, 120).plain.startswith("a [@click=app.quit]sp")


def test_a_quote_stored_before_confidence_says_so():
    old = {"text": "x", "kind": "full", "speaker": "Ann Cole", "confidence": None}
    assert "Confidence: not measured" in quote_detail(old).plain
    assert quote_row(old, 80).plain.split("“")[0].rstrip().endswith("Ann Cole")
