"""`c` (or "Check a quote" in the palette): paste a quote as you remember it, press enter,
and see the closest things really said in the store, best first: score, speaker, date,
outlet, the words as said with a word diff in colour (struck out in red: you wrote it, it
was not said; green: said, not in what you wrote), and the citation. Enter on a match
opens it in the reader.

The check runs in a worker thread on the app's search connection (the search's lock), so a
big store never stalls the screen. Article text is drawn as rich Text built from plain
strings: markup in it shows literally."""
from __future__ import annotations

import sqlite3

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import SEARCH, bindings
from tui.messages import OpenReader
from tui.widgets import show

STYLES = {"equal": "", "delete": "strike red", "insert": "bold green", "gap": "dim"}


class CheckScreen(Screen):
    """Quote check. Its keys are the search screen's (esc back, ↓ to the results)."""

    BINDINGS = bindings(SEARCH)
    DEFAULT_CSS = """
    #check-help { height: 1; }
    #check-box { margin: 0 1; }
    #check-status { height: auto; max-height: 3; padding: 0 1; }
    #check-results { height: 1fr; border: none; }
    """

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.initial = text
        self.result = None
        self.asked = ""

    def compose(self) -> ComposeResult:
        yield Static(Text(" Check a quote: paste it as you remember it (a leading \"Starmer said\" is fine), then enter",
                          style="dim"), id="check-help")
        yield Input(value=self.initial, placeholder="the quote as you remember it", id="check-box")
        yield Static(id="check-status")
        yield OptionList(id="check-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#check-box", Input).focus()
        if self.initial.strip():
            self.submitted()
        else:
            self.run_worker(self.warm, thread=True, group="check-warm")

    def warm(self) -> None:
        """Load the vocabulary and make its pools while the quote is pasted, as the search does."""
        import sqlite_utils

        with self.app.search_lock:
            try:
                vocab = self.app.store.vocabulary.load(sqlite_utils.Database(self.app.search_conn()))
            except sqlite3.OperationalError:
                return
        vocab.warm()

    @on(Input.Submitted, "#check-box")
    def submitted(self) -> None:
        text = self.query_one("#check-box", Input).value.strip()
        if not text:
            return
        self.asked = text
        self.query_one("#check-status", Static).update(Text(" checking…", style="dim"))
        self.run_worker(lambda: self.check(text), thread=True, exclusive=True, group="check")

    def check(self, text: str) -> None:
        from store.check import check

        app = self.app
        with app.search_lock:                    # the search connection, one user at a time
            if text != self.asked:
                return
            try:
                # on this thread's connection, with the store's vocabulary cache
                result, message = check(app.search_conn(), text, vocabulary=app.store.vocabulary), ""
            except sqlite3.OperationalError as e:
                if "interrupt" in str(e):           # a search started meanwhile
                    return
                result, message = None, f"check failed: {e}"
            except sqlite3.Error as e:
                result, message = None, f"check failed: {e}"
        app.from_worker(self.show_result, text, result, message)

    def show_result(self, text: str, result, message: str) -> None:
        if text != self.asked:
            return
        self.result = result
        results = self.query_one("#check-results", OptionList)
        results.clear_options()
        status = self.query_one("#check-status", Static)
        if result is None:
            status.update(Text(message, style="red"))
            return
        if not result.found:
            best = f" (best {result.best_below:.0f}, a match needs {result.threshold:.0f})" if result.best_below else ""
            status.update(Text(f" no match: nothing in the store is close enough{best}", style="bold yellow"))
            return
        said = f" · said by {result.speaker}? (preferred, not required)" if result.speaker else ""
        count = len(result.matches)
        status.update(Text(f" {count} match{'es' if count != 1 else ''}{said}   enter opens one in the reader"
                           "   diff: red struck = you wrote it, not said; green = said, not in yours",
                           style="dim"))
        width = max(30, results.scrollable_content_region.width - 2)
        results.add_options([Option(self.render_match(m, width), id=str(i)) for i, m in enumerate(result.matches)])
        results.highlighted = 0

    def render_match(self, m, width: int) -> Text:
        head = Text(f"{m.score:.0f}% ", style="bold")
        if m.kind == "sentence":
            head.append(m.note, style="yellow")
        else:
            head.append(show.clip(m.speaker or "speaker not named", 40), style="bold cyan" if m.speaker else "dim")
            if m.speaker and m.role:
                head.append(", " + show.clip(m.role, 40), style="cyan")
            if m.speaker_match:
                head.append("  ✓ the speaker you named", style="green")
        for part in (m.date, m.outlet, m.title and f"“{show.clip(m.title, width // 2)}”"):
            if part:
                head.append("  ·  " + " ".join(str(part).split()), style="dim")
        body = Text("  ")
        for op, words in m.diff:
            if body.plain.strip():
                body.append(" ")
            body.append(" ".join(words.split()), style=STYLES.get(op, ""))
        cite = Text("  " + " ".join(m.citation.split()), style="dim italic")
        return Text("\n").join([head, body, cite, Text("")])

    def selected_article_id(self) -> int | None:
        """The highlighted match's article (for o)."""
        index = self.query_one("#check-results", OptionList).highlighted
        matches = self.result.matches if self.result is not None else []
        return matches[index].article_id if index is not None and index < len(matches) else None

    def action_results(self) -> None:
        self.query_one("#check-results", OptionList).focus()

    @on(OptionList.OptionSelected, "#check-results")
    def selected(self, event: OptionList.OptionSelected) -> None:
        m = self.result.matches[event.option_index]
        self.post_message(OpenReader("hit", {"article_id": m.article_id, "char_start": m.char_start,
                                              "char_end": m.char_end}))
