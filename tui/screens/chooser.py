"""The chooser: a modal with a box to type in over a list of choices that the typing
narrows. Correcting a speaker (the article's people, or a name typed in; unknown; confirm)
and merging a person (every person, by fuzzy typing) both use it.

It answers with the value of the line chosen (dismiss), or None when cancelled. Names are
drawn as plain Text: a name is data, never markup."""
from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import CHOOSER, bindings

SHOWN = 30          # names listed at most (typing narrows the rest)


def fuzzy_names(query: str, names: list[str]) -> list[str]:
    """names as they are when nothing is typed; else those close to the query, best first."""
    if not query.strip():
        return names
    from rapidfuzz import fuzz, process

    hits = process.extract(query, names, scorer=fuzz.WRatio, processor=str.lower, limit=None, score_cutoff=60)
    return [name for name, _, _ in sorted(hits, key=lambda hit: (-hit[1], hit[2]))]


class Chooser(ModalScreen):
    """`names(query)` lists the names for what is typed (each chosen as ("speaker", name)
    or, with `verb` "person", ("person", name)); `fixed` lines come after them, each
    (label, value); `typed`, if given, offers the text typed as a new name: the label's
    {name} is the text."""

    BINDINGS = bindings(CHOOSER)
    DEFAULT_CSS = """
    Chooser { align: center middle; }
    #chooser-box { width: 72; max-width: 100%; height: auto; max-height: 90%; background: $panel;
                   border: round $accent; padding: 0 1; }
    #chooser-title { height: auto; margin-bottom: 1; }
    #chooser-list { height: auto; max-height: 16; border: none; }
    #chooser-hint { height: 1; color: $text-muted; }
    """

    def __init__(self, title: Text, names: Callable[[str], list[str]], verb: str = "speaker",
                 fixed: tuple[tuple[str, tuple], ...] = (), typed: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.names = names
        self.verb = verb
        self.fixed = fixed
        self.typed = typed
        self.values: list[tuple] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser-box"):
            yield Static(self.title_text, id="chooser-title")
            yield Input(placeholder="type a name", id="chooser-input")
            yield OptionList(id="chooser-list")
            yield Static(Text("enter: choose   ↑ ↓: move   esc: cancel"), id="chooser-hint")

    def on_mount(self) -> None:
        self.fill("")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def fill(self, event: Input.Changed | str) -> None:
        query = event if isinstance(event, str) else event.value
        names = self.names(query)[:SHOWN]
        lines = [(Text(name), (self.verb, name)) for name in names]
        typed = " ".join(query.split())
        if self.typed and typed and typed.lower() not in {n.lower() for n in names}:
            # after the names it is close to ("starm" means Keir Starmer), else first
            lines.append((Text(self.typed.format(name=typed), style="bold"), (self.verb, typed)))
        lines += [(Text(label, style="italic"), value) for label, value in self.fixed]
        self.values = [value for _, value in lines]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(label) for label, _ in lines])
        if lines:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self.values:
            options.highlighted = ((options.highlighted or 0) + step) % len(self.values)

    @on(Input.Submitted)
    def submitted(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and self.values:
            self.dismiss(self.values[highlighted])

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.values[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
