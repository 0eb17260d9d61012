"""The pane names above the panes, the shown one marked; a click asks for a pane."""
from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.messages import PaneSelected
from tui.widgets.panes import PANES


class PaneStrip(Widget):
    """One line drawn by hand: Textual's Tabs costs a tenth of the start-up budget."""

    DEFAULT_CSS = "PaneStrip { height: 1; margin-bottom: 1; }"
    active = reactive("people")

    @staticmethod
    def labels() -> list[tuple[str, str]]:
        return [(name, f" {i} {name.title()} ") for i, name in enumerate(PANES, 1)]

    def render(self) -> Text:
        out = Text()
        for name, label in self.labels():
            out.append(label, style="bold reverse" if name == self.active else "")
            out.append(" ")
        return out

    def on_click(self, event) -> None:
        left = 0
        for name, label in self.labels():
            if left <= event.x < left + len(label):
                self.post_message(PaneSelected(name))
            left += len(label) + 1
