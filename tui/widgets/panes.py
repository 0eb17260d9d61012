"""The four panes of the main screen: a list (with its filter box) on the left and the
detail of the row under the cursor on the right.

A pane reads the store through one accessor (`db`, the app's connection; `db_path` for
a worker's own connection). What it needs from outside comes down as attributes (the
person Quotes and Figures are narrowed to, the People list's prefetched ids); what
happens in it goes up as messages (`tui.messages`).
"""
from __future__ import annotations

from concurrent.futures import Future

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from store.db import filters, reads
from tui.messages import IdsLoaded, OpenReader, PersonChosen
from tui.widgets import show
from tui.widgets.rowlist import RowList

PANES = ("people", "quotes", "figures", "articles")
DETAIL_DELAY = 0.04     # seconds the cursor rests before the detail pane redraws


def resolved(future: Future | None) -> bool:
    """Has this background read finished without an error?"""
    return future is not None and future.done() and future.exception() is None


def show_line(line: Static, text: Text | None) -> None:
    """Set a one-line Static, hidden when there is nothing to say. Unchanged text is left
    alone: every update lays the screen out again."""
    if text is None:
        line.display = False
    elif getattr(line, "shown_text", None) != text.plain or not line.display:
        line.shown_text = text.plain
        line.update(text)
        line.display = True


class Pane(Horizontal):
    """One list and the detail of its current row. Subclasses say how to list, fetch,
    draw and describe rows."""

    noun = "rows"
    empty = "Nothing here."
    matches = "words of any column"        # what the filter box matches, said in it

    def __init__(self) -> None:
        super().__init__(id=self.name)
        self.generation = 0
        self.stale = True              # lists load when first shown, not at start-up
        self.built = False
        self.person: dict | None = None      # set by the screen: whose quotes and figures
        self._detail_timer = None

    @property
    def name(self) -> str:                       # "people", "quotes", ...
        return type(self).__name__.removesuffix("Pane").lower()

    def compose(self) -> ComposeResult:
        with Vertical(classes="side"):
            with Horizontal(classes="filter-line"):
                yield Input(placeholder=f"f  filter {self.noun}: {self.matches}", compact=True, classes="filter")
                yield Static(classes="count")
            yield Static(classes="spelling")
            yield Static(classes="scope")
            yield Static(classes="columns")
            yield RowList(self.fetch, self.render_row, empty=self.empty)
        with VerticalScroll(classes="detail-box"):
            yield Static(classes="detail")

    # ---- what subclasses provide ------------------------------------------------

    def ids(self, conn, query: str) -> list[int]:
        raise NotImplementedError

    def fetch(self, ids: list[int]) -> list[dict]:
        raise NotImplementedError

    def render_row(self, row: dict, width: int) -> Text:
        raise NotImplementedError

    def detail(self, row: dict) -> Text:
        raise NotImplementedError

    def columns(self, width: int) -> Text | None:
        return None

    @property
    def narrow(self) -> bool:
        """Is the detail below the list (a narrow screen)?"""
        return bool(getattr(self.screen, "narrow", False))

    def scope(self) -> Text | None:
        return None

    def total(self, conn) -> int:
        """How many rows the list holds unfiltered (the person narrowing it counts)."""
        person = self.person
        return filters.total(conn, self.name, person["id"] if person else None)

    def chosen(self, row: dict) -> Message:
        """What enter on a row means: by default, read it."""
        return OpenReader(self.name, row)

    def prefetched(self, query: str) -> Future | None:
        """Ids already being resolved for this query (the People pane's first list),
        handed over once."""
        return None

    def prefetched_ready(self) -> bool:
        """Have the prefetched ids arrived (so the first paint can show rows)?"""
        return False

    # ---- the store ---------------------------------------------------------------

    @property
    def db(self):
        """The app's store connection, for reads on the app's thread."""
        return self.app.store

    @property
    def db_path(self) -> str:
        """The store's file, for a worker thread's connection of its own."""
        return self.app.store_path

    # ---- loading -----------------------------------------------------------------

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    def on_mount(self) -> None:
        self.built = True
        if self.display:
            if self.prefetched_ready():
                self.shown()                     # the first paint already has rows
            else:
                self.call_after_refresh(self.shown)      # draw the screen first, then fetch
            self.rows.focus()

    def shown(self) -> None:
        if self.stale and self.built:            # a pane still being built loads in on_mount
            self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Resolve the list's ids in a worker thread; a newer reload wins."""
        self.generation += 1
        self.stale = False
        generation, query = self.generation, self.query_one(".filter", Input).value
        show_line(self.query_one(".scope", Static), self.scope())
        first = self.prefetched(query)
        if resolved(first):
            self.loaded(generation, first.result(), keep)
            return
        path = self.db_path

        def work() -> None:
            ids = None
            if first is not None:
                try:
                    ids = first.result()
                except Exception:           # e.g. read while the store was being migrated: ask again
                    pass
            if ids is None:
                conn = reads.connect(path)
                try:
                    found = self.ids(conn, query)
                    ids = found if isinstance(found, filters.Matches) else filters.Matches(found)
                    if query.strip():           # "87 of 25,000": the count of the unfiltered list
                        ids.total = self.total(conn)
                finally:
                    conn.close()
            try:
                self.post_message(IdsLoaded(generation, ids, keep))     # thread-safe
            except RuntimeError:            # the app closed meanwhile: nobody to show it to
                pass

        self.run_worker(work, thread=True, exclusive=True, group=f"ids-{self.name}")

    def on_ids_loaded(self, event: IdsLoaded) -> None:
        self.loaded(event.generation, event.ids, event.keep)

    def loaded(self, generation: int, ids: list[int], keep: int | None) -> None:
        if generation == self.generation:       # stale lists never overwrite fresh ones
            self.rows.set_ids(ids, keep)
            show_line(self.query_one(".count", Static), show.count_line(len(ids), getattr(ids, "total", None)))
            show_line(self.query_one(".spelling", Static), show.spelling_line(getattr(ids, "spellings", None)))

    # ---- events ------------------------------------------------------------------

    @on(Input.Changed, ".filter")
    def filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, ".filter")
    def filter_done(self) -> None:
        self.rows.focus()

    @on(RowList.Highlighted)
    def highlighted(self, event: RowList.Highlighted) -> None:
        """The detail follows the cursor once it rests (a held j stays smooth: redrawing
        the detail relayouts the screen)."""
        event.stop()
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self.show_detail)

    @on(RowList.Chosen)
    def row_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        self.post_message(self.chosen(event.row))

    def show_detail(self) -> None:
        row = self.rows.current
        self.query_one(".detail", Static).update(self.detail(row) if row else Text(""))
        self.query_one(".detail-box").scroll_home(animate=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self.update_columns)      # once the list has its width

    def update_columns(self) -> None:
        header = self.columns(self.rows.scrollable_content_region.width)
        show_line(self.query_one(".columns", Static), header)


class PeoplePane(Pane):
    noun = "people"
    empty = "No people found."
    matches = "name, typos forgiven"

    def __init__(self, first_ids: Future | None = None) -> None:
        super().__init__()
        # the unfiltered list's ids, resolved in a thread while Textual started up, so
        # the first screen can show rows at once
        self._first_ids = first_ids

    def prefetched_ready(self) -> bool:
        return resolved(self._first_ids)

    def prefetched(self, query: str) -> Future | None:
        if query or self._first_ids is None:
            return None
        future, self._first_ids = self._first_ids, None
        return future

    def chosen(self, row: dict) -> Message:
        return PersonChosen(self, row)

    def ids(self, conn, query):
        return filters.people_ids(conn, query)

    def fetch(self, ids):
        return reads.people_rows(self.db, ids)

    def render_row(self, row, width):
        return show.person_row(row, width)

    def columns(self, width):
        return show.person_columns(width)

    def detail(self, row):
        forms = reads.person_forms(self.db, row["id"])
        articles = reads.person_articles(self.db, row["id"])
        return show.person_detail(row, forms, articles)


class QuotesPane(Pane):
    noun = "quotes"
    empty = "No quotes found."
    matches = "words of the quote, speaker or source"
    by_date: str | None = None          # None: article order; "newest" or "oldest" first (s, S)

    def ids(self, conn, query):
        person_id = self.person["id"] if self.person else None
        if self.by_date:
            return filters.quotes_ids_by_date(conn, query, person_id=person_id, newest_first=self.by_date == "newest")
        return filters.quotes_ids(conn, query, person_id=person_id)

    def resort(self, reverse: bool) -> None:
        """s: by date, newest first, then back to article order; S: by date, the other way."""
        if reverse:
            self.by_date = "oldest" if self.by_date != "oldest" else "newest"
        else:
            self.by_date = None if self.by_date else "newest"
        self.update_columns()
        current = self.rows.current
        self.reload(keep=current["id"] if current else None)

    def render_row(self, row, width):
        return show.quote_row(row, width, dated=self.by_date is not None)

    def columns(self, width):
        return show.quote_columns(width, self.by_date)

    def fetch(self, ids):
        return reads.quotes_rows(self.db, ids)

    def detail(self, row):
        return show.quote_detail(row, evidence_first=self.narrow)

    def scope(self):
        return show.scope_line("Quotes by", self.person)


class FiguresPane(Pane):
    noun = "figures"
    empty = "No figures found."
    matches = "the figure, what it measures, its unit"
    sort, descending = "article", False

    def ids(self, conn, query):
        person = self.person
        return filters.figures_ids(conn, query, person_id=person["id"] if person else None,
                                  sort=self.sort, descending=self.descending)

    def fetch(self, ids):
        return reads.figures_rows(self.db, ids)

    def render_row(self, row, width):
        return show.figure_row(row, width)

    def columns(self, width):
        return show.figure_columns(width, self.sort, self.descending)

    def detail(self, row):
        return show.figure_detail(row, reads.figure_sentence(self.db, row))

    def scope(self):
        return show.scope_line("Figures in articles about", self.person)

    def resort(self, reverse: bool, column: str | None = None) -> None:
        """s: the next column; S: reverse; a click on a column header: that column (again: reverse)."""
        if reverse or column == self.sort:
            self.descending = not self.descending
        else:
            sorts = filters.FIGURE_SORTS
            self.sort = column or sorts[(sorts.index(self.sort) + 1) % len(sorts)]
            self.descending = self.sort == "value"      # biggest first reads best
        if not self.built:                  # just mounted: it loads in this order when ready
            return
        self.update_columns()
        current = self.rows.current
        self.reload(keep=current["id"] if current else None)

    def on_click(self, event) -> None:
        header = self.query_one(".columns", Static)
        if event.widget is header:
            column = show.figure_column_at(self.rows.scrollable_content_region.width, event.screen_x - header.region.x)
            if column:
                self.resort(False, column)


class ArticlesPane(Pane):
    noun = "articles"
    empty = "No articles yet: add some with `byline add FILE`."
    matches = "title, outlet or file name"

    def ids(self, conn, query):
        return filters.articles_ids(conn, query)

    def fetch(self, ids):
        return reads.articles_rows(self.db, ids)

    def render_row(self, row, width):
        return show.article_row(row, width)

    def detail(self, row):
        return show.article_detail(row, reads.article(self.db, row["id"]))


PANE_TYPES: dict[str, type[Pane]] = {pane.__name__.removesuffix("Pane").lower(): pane
                                     for pane in (PeoplePane, QuotesPane, FiguresPane, ArticlesPane)}
