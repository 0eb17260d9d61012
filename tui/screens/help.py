"""`?`: every key binding, grouped by where it works, read from tui/bindings.py; the keys
of the screen help was opened on come first. j/k, g/G (and the arrows, home/end) scroll."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import HELP, bindings, help_groups, key_label

# what the keys do not say: the filter box and the mouse
NOTES = (
    ("Filter box", (("type", "narrow the list (fuzzy on names, words of text)"),
                    ("enter esc", "back to the list (esc again clears it)"))),
    ("Mouse", (("click", "select a row (again: open it); a tab; a figures column header sorts by it"),)),
)

# the help sections of each screen's own keys (by class name: no screen is imported here)
SCREEN_GROUPS = {
    "MainScreen": ("Panes", "Lists"),
    "ReaderScreen": ("Reader",),
    "SearchScreen": ("Search",),
    "ReviewScreen": ("Review",),
    "PersonScreen": ("Person page",),
}


class HelpScreen(ModalScreen):
    BINDINGS = bindings(HELP)

    def __init__(self, below: str | None = None) -> None:
        """below: the class name of the screen help is opened on (default: the one shown)."""
        super().__init__()
        if below is None:
            try:
                below = type(self.app.screen).__name__
            except Exception:  # noqa: BLE001 -- made outside a running app: no screen first
                below = ""
        self.first = SCREEN_GROUPS.get(below, ())

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for title, commands in help_groups(self.first):
            here = Text("this screen", style="dim") if title in self.first else ""
            table.add_row(Text(title, style="bold underline"), here)
            for command in commands:
                table.add_row(Text(key_label(command.keys)), Text(command.help_text))
            table.add_row("", "")
        for n, (title, rows) in enumerate(NOTES):
            if n:
                table.add_row("", "")
            table.add_row(Text(title, style="bold underline"), "")
            for keys, text in rows:
                table.add_row(Text(keys), Text(text))
        with VerticalScroll(id="help-box"):
            yield Static(Text("byline keys  (esc closes)", style="bold"))
            yield Static(table, id="help-table")

    def box(self) -> VerticalScroll:
        return self.query_one("#help-box", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.box().scroll_relative(y=lines, animate=False)

    def action_top(self) -> None:
        self.box().scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.box().scroll_end(animate=False)
