"""`?`: every key binding, grouped by where it works, read from the bindings themselves."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup",
             "shift+tab": "shift+tab", "down": "↓", "up": "↑"}


def key_label(keys: str) -> str:
    return " ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def groups() -> list[tuple[str, list[Binding]]]:
    from tui.app import BylineApp, MainScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.search import SearchScreen
    from tui.widgets.article_view import ArticleView
    from tui.widgets.rowlist import RowList

    return [
        ("Everywhere", BylineApp.BINDINGS),
        ("Panes", MainScreen.BINDINGS),
        ("Lists", RowList.BINDINGS),
        ("Reader", ReaderScreen.BINDINGS + ArticleView.BINDINGS),
        ("Search", SearchScreen.BINDINGS + [Binding("enter", "", "Open the result in the reader")]),
    ]


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,question_mark,q", "app.pop_screen", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for title, bindings in groups():
            table.add_row(Text(title, style="bold underline"), "")
            for binding in bindings:
                table.add_row(Text(key_label(binding.key)), Text(binding.tooltip or binding.description))
            table.add_row("", "")
        table.add_row(Text("Filter box", style="bold underline"), "")
        table.add_row(Text("type"), Text("narrow the list (fuzzy on names, words of text)"))
        table.add_row(Text("enter esc"), Text("back to the list (esc again clears it)"))
        table.add_row("", "")
        table.add_row(Text("Mouse", style="bold underline"), "")
        table.add_row(Text("click"), Text("select a row (again: open it); a tab; a figures column header sorts by it"))
        with VerticalScroll(id="help-box"):
            yield Static(Text("byline keys  (esc closes)", style="bold"))
            yield Static(table)
