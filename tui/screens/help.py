"""`?`: every key binding, grouped by where it works, read from tui/bindings.py."""
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


class HelpScreen(ModalScreen):
    BINDINGS = bindings(HELP)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for title, commands in help_groups():
            table.add_row(Text(title, style="bold underline"), "")
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
            yield Static(table)
