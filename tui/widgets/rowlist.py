"""A virtual list: draws only the rows on screen, fetching them a page at a time.

It holds the ordered ids of the whole list (cheap even at 100,000 rows) and asks
`fetch(ids)` for the rows of one page when a line on screen needs them, keeping a
few pages in a small cache. No widget per row; the ScrollView line API draws.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.bindings import LIST, bindings

PAGE = 100
CACHED_PAGES = 16


class RowList(ScrollView, can_focus=True):
    """Rows drawn by `render_row(row, width) -> Text`, fetched by `fetch(ids) -> rows`."""

    BINDINGS = bindings(LIST)

    COMPONENT_CLASSES = {"rowlist--cursor", "rowlist--empty"}

    DEFAULT_CSS = """
    RowList { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    RowList > .rowlist--cursor { background: $surface-lighten-1; }
    RowList:focus > .rowlist--cursor { background: $accent 40%; text-style: bold; }
    RowList > .rowlist--empty { color: $text-muted; text-style: italic; }
    """

    class _RowMessage(Message):
        def __init__(self, rowlist: "RowList", row: dict | None) -> None:
            super().__init__()
            self.rowlist = rowlist
            self.row = row

        @property
        def control(self) -> "RowList":
            return self.rowlist

    class Highlighted(_RowMessage):
        """The cursor moved onto a row (None when the list is empty)."""

    class Chosen(_RowMessage):
        """Enter (or a click on the row under the cursor)."""

    def __init__(self, fetch: Callable[[list[int]], list[dict]],
                 render_row: Callable[[dict, int], Text], empty: str = "Nothing here.",
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.fetch = fetch
        self.render_row = render_row
        self.empty = empty
        self.ids: list[int] = []
        self.cursor = 0
        self.pending = True
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        # rows recently drawn, so scrolling back redraws cheaply: (id, width, styles) -> strip
        self._drawn: OrderedDict[tuple, Strip] = OrderedDict()

    @property
    def count(self) -> int:
        return len(self.ids)

    def set_ids(self, ids: list[int], keep: int | None = None) -> None:
        """Show a new list; the cursor goes to the row with id `keep` if it is there."""
        self.ids = ids
        self.pending = False
        self._pages.clear()
        self._drawn.clear()
        self.cursor = ids.index(keep) if keep in ids else 0
        self.virtual_size = Size(self.scrollable_content_region.width, len(ids))
        self.scroll_to(y=max(0, self.cursor - self.size.height // 2), animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def forget(self) -> None:
        """Drop cached rows (the store changed); they are fetched again when drawn."""
        self._pages.clear()
        self._drawn.clear()
        self.refresh()

    def row(self, index: int) -> dict | None:
        if not 0 <= index < len(self.ids):
            return None
        number, at = divmod(index, PAGE)
        page = self._pages.get(number)
        if page is None:
            ids = self.ids[number * PAGE:(number + 1) * PAGE]
            rows = {r["id"]: r for r in self.fetch(ids)}
            page = [rows.get(i, {"id": i}) for i in ids]   # a row deleted meanwhile draws blank
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[at]

    @property
    def current(self) -> dict | None:
        return self.row(self.cursor)

    # ---- drawing ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self.ids:
            message = "Loading…" if self.pending else self.empty
            text = Text(message if y == 0 else "", style=self.get_component_rich_style("rowlist--empty"))
            return self._strip(text, width, base)
        if index >= len(self.ids):
            return Strip.blank(width, base)
        cursor = self.get_component_rich_style("rowlist--cursor") if index == self.cursor else None
        row = self.row(index)
        key = (row["id"], width, base, cursor)
        strip = self._drawn.get(key)
        if strip is None:
            text = self.render_row(row, width) if len(row) > 1 else Text("")
            if cursor:
                text.stylize(cursor)
            strip = self._drawn[key] = self._strip(text, width, base)
            if len(self._drawn) > 4 * PAGE:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(key)
        return strip

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis")
        text.stylize_before(base)
        return Strip(text.render(self.app.console), text.cell_len).crop_extend(0, width, base)

    # ---- moving ----------------------------------------------------------------

    def move_to(self, index: int) -> None:
        if not self.ids:
            return
        index = max(0, min(index, len(self.ids) - 1))
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)
        if self.scroll_offset.y == top:      # no scroll: redraw only the two rows that changed
            self.refresh_line(old)
            self.refresh_line(index)
        else:
            self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.move_to(self.cursor + step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.ids) - 1)

    def action_choose(self) -> None:
        if self.ids:
            self.post_message(self.Chosen(self, self.current))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if index == self.cursor or event.chain > 1:
            self.action_choose()
        else:
            self.move_to(index)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.ids))
