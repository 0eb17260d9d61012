"""An article's text wrapped to the view, with highlighted spans; draws only the lines
on screen and knows which character offset each line starts at, so a span can be
scrolled into view."""
from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.bindings import ARTICLE, bindings

_WORD = re.compile(r"\S+\s*")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of text wrapped to width cells. Each newline
    starts a new line; a word wider than the view is cut."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    paras = text.split("\n")
    for n, para in enumerate(paras):
        if n and para.strip() and paras[n - 1].strip():
            lines.append((pos, pos))              # a blank line between paragraphs, for reading
        start, used = pos, 0
        for m in _WORD.finditer(para):
            word = m.group().rstrip()
            w = cell_len(word)
            if used and used + w > width:
                lines.append((start, pos + m.start()))
                start, used = pos + m.start(), 0
            while w > width:                      # a very long word: cut it
                cut = start + width
                lines.append((start, cut))
                start, word = cut, word[width:]
                w = cell_len(word)
            used += cell_len(m.group())
        lines.append((start, pos + len(para)))
        pos += len(para) + 1
    return lines


class ArticleView(ScrollView, can_focus=True):
    """Text with spans to highlight; `current` is the one marked strongest."""

    BINDINGS = bindings(ARTICLE)

    COMPONENT_CLASSES = {"article--mark", "article--current", "article--cue"}

    DEFAULT_CSS = """
    ArticleView { height: 1fr; padding: 0 2; overflow-x: hidden; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    ArticleView > .article--mark { background: $warning 25%; }
    ArticleView > .article--current { background: $warning 70%; color: $text; text-style: bold; }
    ArticleView > .article--cue { text-style: underline; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.spans: list[tuple[int, int]] = []
        self.cues: list[tuple[int, int]] = []
        self.current = 0
        self._lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._styled = Text("")
        self._width = 0

    def show(self, text: str, spans: list[tuple[int, int]], current: int = 0,
             cues: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.spans = spans
        self.cues = cues or []
        self.current = current
        self._width = 0          # wrap again on the next draw
        self._restyle()
        self._layout()
        self.call_after_refresh(self.reveal)

    def _restyle(self) -> None:
        styled = Text(self.text)            # plain text: markup in an article stays literal
        for start, end in self.cues:
            styled.stylize(self.get_component_rich_style("article--cue"), start, end)
        for i, (start, end) in enumerate(self.spans):
            name = "article--current" if i == self.current else "article--mark"
            styled.stylize(self.get_component_rich_style(name), start, end)
        self._styled = styled

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        self._lines = wrap(self.text, width)
        self._starts = [s for s, _ in self._lines]
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def top_offset(self) -> int:
        """The character offset of the first line in view."""
        if not self._starts:
            return 0
        return self._starts[min(self.scroll_offset.y, len(self._starts) - 1)]

    def reveal(self) -> None:
        """Scroll so the current span sits a third of the way down the view."""
        if not self.spans or not self._lines:
            return
        line = self.line_of(self.spans[self.current][0])
        self.scroll_to(y=max(0, line - self.scrollable_content_region.height // 3), animate=False)

    def step(self, by: int) -> None:
        if not self.spans:
            return
        self.current = (self.current + by) % len(self.spans)
        self._restyle()
        self.refresh()
        self.reveal()

    def on_resize(self) -> None:
        self._layout()
        self.call_after_refresh(self.reveal)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        line = self._styled[start:end]
        line.rstrip()
        line.stylize_before(base)
        strip = Strip(line.render(self.app.console), line.cell_len)
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(Style())
