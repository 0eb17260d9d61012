"""The export picker (`e`): a small modal asking in which format to save the list the
current pane shows; the app then writes it under the data folder and says where."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import EXPORT, bindings
from tui.widgets import show

CHOICES = (("csv", "CSV (.csv): for spreadsheets"), ("jsonl", "JSON Lines (.jsonl): one object a line"),
           ("markdown", "Markdown (.md): blockquotes with citations"))


class ExportScreen(ModalScreen[str | None]):
    """Dismissed with the chosen format ("csv", "jsonl", "markdown"), or None (esc)."""

    BINDINGS = bindings(EXPORT)
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    #export-box { width: 60; height: auto; border: round $accent; background: $panel; padding: 0 1; }
    #export-formats { height: auto; border: none; }
    """

    def __init__(self, what: str, count: int) -> None:
        super().__init__()
        self.what = what
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Text(f"Export the {show.plural(self.count, self.what)} this list shows as:", style="bold"))
            yield OptionList(*[Option(label, id=fmt) for fmt, label in CHOICES], id="export-formats")
            yield Static(Text("enter: export   esc: cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
