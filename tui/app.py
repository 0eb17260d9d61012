"""byline's Textual app: panes for people, quotes, figures and articles over one store.

Every string taken from the store is drawn through rich.text.Text built from plain
strings, so markup or escape codes in an article show literally.
"""
from __future__ import annotations

import gc
import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Input, Static

from store.db import reads as browse, reads as queries
from tui.widgets.rowlist import RowList
from tui.widgets import show

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
    """One list (with its filter box) on the left and the detail of the row under the
    cursor on the right. Subclasses say how to list, fetch, draw and describe rows."""

    noun = "rows"
    empty = "Nothing here."

    def __init__(self) -> None:
        super().__init__(id=self.name)
        self.generation = 0
        self.stale = True              # lists load when first shown, not at start-up
        self.built = False
        self._detail_timer = None

    @property
    def name(self) -> str:                       # "people", "quotes", ...
        return type(self).__name__.removesuffix("Pane").lower()

    def compose(self) -> ComposeResult:
        with Vertical(classes="side"):
            yield Input(placeholder=f"f  filter {self.noun}", compact=True, classes="filter")
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

    def scope(self) -> Text | None:
        return None

    # ---- loading -----------------------------------------------------------------

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    @property
    def db(self):
        return self.app.store

    def on_mount(self) -> None:
        self.built = True
        if self.display:
            if self.app.first_ids_ready():
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
        scope = self.scope()
        show_line(self.query_one(".scope", Static), scope)
        path = self.app.store_path
        first = self.app.take_first_ids(self.name, query)
        if resolved(first):
            self.loaded(generation, first.result(), keep)
            return

        def work() -> None:
            ids = None
            if first is not None:
                try:
                    ids = first.result()
                except Exception:           # e.g. read while the store was being migrated: ask again
                    pass
            if ids is None:
                conn = browse.connect(path)
                try:
                    ids = self.ids(conn, query)
                finally:
                    conn.close()
            self.app.from_worker(self.loaded, generation, ids, keep)

        self.run_worker(work, thread=True, exclusive=True, group=f"ids-{self.name}")

    def loaded(self, generation: int, ids: list[int], keep: int | None) -> None:
        if generation == self.generation:       # stale lists never overwrite fresh ones
            self.rows.set_ids(ids, keep)

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

    def ids(self, conn, query):
        return browse.people_ids(conn, query)

    def fetch(self, ids):
        return queries.people_rows(self.db, ids)

    def render_row(self, row, width):
        return show.person_row(row, width)

    def columns(self, width):
        return show.person_columns(width)

    def detail(self, row):
        forms = browse.person_forms(self.db, row["id"])
        articles = browse.person_articles(self.db, row["id"])
        return show.person_detail(row, forms, articles)


class QuotesPane(Pane):
    noun = "quotes"
    empty = "No quotes found."

    def ids(self, conn, query):
        person = self.app.person
        return browse.quotes_ids(conn, query, person_id=person["id"] if person else None)

    def fetch(self, ids):
        return browse.quotes_rows(self.db, ids)

    def render_row(self, row, width):
        return show.quote_row(row, width)

    def detail(self, row):
        return show.quote_detail(row)

    def scope(self):
        return show.scope_line("Quotes by", self.app.person)


class FiguresPane(Pane):
    noun = "figures"
    empty = "No figures found."
    sort, descending = "article", False

    def ids(self, conn, query):
        person = self.app.person
        return browse.figures_ids(conn, query, person_id=person["id"] if person else None,
                                  sort=self.sort, descending=self.descending)

    def fetch(self, ids):
        return browse.figures_rows(self.db, ids)

    def render_row(self, row, width):
        return show.figure_row(row, width)

    def columns(self, width):
        return show.figure_columns(width, self.sort, self.descending)

    def detail(self, row):
        return show.figure_detail(row)

    def scope(self):
        return show.scope_line("Figures in articles about", self.app.person)

    def resort(self, reverse: bool, column: str | None = None) -> None:
        """s: the next column; S: reverse; a click on a column header: that column (again: reverse)."""
        if reverse or column == self.sort:
            self.descending = not self.descending
        else:
            sorts = browse.FIGURE_SORTS
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

    def ids(self, conn, query):
        return browse.articles_ids(conn, query)

    def fetch(self, ids):
        return browse.articles_rows(self.db, ids)

    def render_row(self, row, width):
        return show.article_row(row, width)

    def detail(self, row):
        return show.article_detail(row, queries.article(self.db, row["id"]))


PANE_TYPES = {pane.__name__.removesuffix("Pane").lower(): pane
              for pane in (PeoplePane, QuotesPane, FiguresPane, ArticlesPane)}


class PaneStrip(Widget):
    """The pane names, the shown one marked; a click shows a pane. (One line drawn by hand:
    Textual's Tabs costs a tenth of the start-up budget.)"""

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
                self.screen.action_pane(name)
            left += len(label) + 1


class MainScreen(Screen):
    AUTO_FOCUS = "PeoplePane RowList"
    BINDINGS = [
        Binding("1", "pane('people')", "People", id="pane.people", show=False),
        Binding("2", "pane('quotes')", "Quotes", id="pane.quotes", show=False),
        Binding("3", "pane('figures')", "Figures", id="pane.figures", show=False),
        Binding("4", "pane('articles')", "Articles", id="pane.articles", show=False),
        Binding("tab", "cycle(1)", "Next pane", id="pane.next", show=False),
        Binding("shift+tab", "cycle(-1)", "Previous pane", id="pane.previous", show=False),
        Binding("f", "filter", "Filter", id="main.filter", tooltip="Narrow this list by typing (fuzzy on names, words of text)"),
        Binding("r", "read", "Read", id="main.read", tooltip="Read the article at the selection (a person: their mentions)"),
        Binding("s", "sort(False)", "Sort", id="figures.sort", tooltip="Figures: sort by the next column"),
        Binding("S", "sort(True)", "Reverse sort", id="figures.reverse", show=False, tooltip="Figures: reverse the sort"),
        Binding("escape", "back", "Back", id="main.back", show=False, tooltip="Leave the filter box, then clear it, then the person filter"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(show.header(self.app.store_path, queries.counts(self.app.store)), id="header")
        yield PaneStrip()
        with ContentSwitcher(initial="people"):
            yield PeoplePane()              # the other panes are built when first shown
        yield Footer()

    @property
    def pane(self) -> Pane:
        switcher = self.query_one(ContentSwitcher)
        return switcher.get_child_by_id(switcher.current, Pane)

    def action_pane(self, name: str) -> None:
        # switch at once, so the next key already goes to the new pane
        self.query_one(PaneStrip).active = name
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == name:
            return
        built = switcher.query_children(f"#{name}")
        if not built:
            switcher.mount(PANE_TYPES[name]())     # it loads and takes focus when mounted
        switcher.current = name
        if built and self.pane.built:      # (one still mounting loads and takes focus when it is)
            self.pane.shown()
            self.pane.rows.focus()
        self.refresh_bindings()

    def action_cycle(self, step: int) -> None:
        self.action_pane(PANES[(PANES.index(self.pane.name) + step) % len(PANES)])

    def action_filter(self) -> None:
        self.pane.query_one(".filter", Input).focus()

    def action_sort(self, reverse: bool) -> None:
        if isinstance(self.pane, FiguresPane):
            self.pane.resort(reverse)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("filter", "read", "sort", "back") and not self.pane.built:
            return False                    # a key that beats a new pane's mount is ignored, not a crash
        if action == "sort":
            return isinstance(self.pane, FiguresPane)
        return True

    def action_back(self) -> None:
        pane = self.pane
        box = pane.query_one(".filter", Input)
        if box.has_focus:
            pane.rows.focus()
        elif box.value:
            box.value = ""
        elif self.app.person and pane.name in ("quotes", "figures"):
            self.app.choose_person(None)

    @on(RowList.Chosen)
    def chosen(self, event: RowList.Chosen) -> None:
        # the pane that sent it: keys typed ahead may have shown another pane since
        row, pane = event.row, next(a for a in event.control.ancestors if isinstance(a, Pane))
        if pane.name == "people":
            # (a pane key typed after enter has already shown the pane it asked for)
            self.app.choose_person(row, switch=pane is self.pane)
        else:
            self.app.open_reader(pane.name, row)

    def action_read(self) -> None:
        row = self.pane.rows.current
        if row:
            self.app.open_reader(self.pane.name, row)


class BylineCommands(Provider):
    """Every action by name, and a jump to a person or an article (a bounded query)."""

    def actions(self) -> list[tuple[str, str, object]]:
        app = self.app
        out = [(f"Show {p}", f"Switch to the {p} pane", lambda p=p: app.show_pane(p)) for p in PANES]
        out += [
            ("Search article text", "Fuzzy search across every sentence (/)", app.action_search),
            ("Copy quote with citation", "Copy the selected quote, plain style (y)", lambda: app.action_copy("plain")),
            ("Copy quote as Markdown", "Copy the selected quote as a Markdown blockquote (Y)",
             lambda: app.action_copy("markdown")),
            ("Filter this list", "Narrow the current list by typing (f)", app.action_filter),
            ("Read the selected item", "Open the article at the selection (r)", app.action_read),
            ("Sort figures", "Cycle the figures sort column (s)", lambda: app.action_sort(False)),
            ("Reverse figures sort", "Flip the figures sort order (S)", lambda: app.action_sort(True)),
            ("Clear person filter", "Show every quote and figure again", lambda: app.choose_person(None, switch=False)),
            ("Help", "Every key binding (?)", app.action_help),
            ("Quit", "Leave byline (q)", app.exit),
        ]
        return out

    async def discover(self) -> Hits:
        for name, help_text, command in self.actions():
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self.actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), command, text=name, help=help_text)
        app = self.app
        for row in browse.people_named(app.store, query, limit=10):
            label = f"Person: {row['name']}"
            yield Hit(0.9 * max(matcher.match(label), 0.1), _highlight(matcher, label),
                      lambda row=row: app.choose_person(row), text=label, help="Show their quotes and figures")
        for row in browse.articles_titled(app.store, query, limit=10):
            label = f"Article: {browse.one_line(row['title'])[:100]}"
            yield Hit(0.8 * max(matcher.match(label), 0.1), _highlight(matcher, label),
                      lambda row=row: app.open_reader("articles", row), text=label, help="Open it in the reader")


def _highlight(matcher, candidate: str) -> Content:
    """The candidate with matched letters marked, built as plain content (the palette's own
    highlight parses markup, and names and titles are data)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets if score else ():
        content = content.stylize("bold underline", offset, offset + 1)
    return content


class BylineApp(App):
    CSS_PATH = "byline.tcss"
    TITLE = "byline"
    COMMANDS = App.COMMANDS | {BylineCommands}
    BINDINGS = [
        Binding("slash", "search", "Search", id="app.search", tooltip="Fuzzy search across every sentence of every article"),
        Binding("y", "copy('plain')", "Copy quote", id="app.copy", tooltip="Copy the selected quote with its citation"),
        Binding("Y", "copy('markdown')", "Copy as Markdown", id="app.copy_markdown", show=False, tooltip="Copy the selected quote as a Markdown blockquote with its citation"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.palette", show=False, tooltip="Command palette: every action, jump to a person or an article"),
    ]

    def __init__(self, db_path: str | Path, first_ids: Future | None = None) -> None:
        super().__init__()
        from store.db import open_store

        self.store = open_store(db_path)
        self.store_path = str(self.store.path)
        self.person: dict | None = None
        self.search_lock = threading.Lock()
        self._search_conn: sqlite3.Connection | None = None
        # the People list's ids, resolved in a thread while Textual starts up, so the
        # first screen can show rows at once (the command line starts this even sooner)
        self._first_ids = first_ids or browse.ids_in_background(self.store_path, browse.people_ids)

    # ---- the first list ------------------------------------------------------------

    def first_ids_ready(self) -> bool:
        return resolved(self._first_ids)

    def take_first_ids(self, pane: str, query: str) -> Future | None:
        """The prefetched ids, once, for the People pane's unfiltered first load."""
        if pane != "people" or query or self._first_ids is None:
            return None
        future, self._first_ids = self._first_ids, None
        return future

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_ready(self) -> None:
        # `byline` starts with the collector off (see tui/cli.py); what start-up built is
        # long-lived, so it is frozen out of every later collection rather than scanned
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    # ---- navigation ----------------------------------------------------------------

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def current_list(self) -> RowList:
        return self.main.pane.rows

    def show_pane(self, name: str) -> None:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        self.main.action_pane(name)

    def choose_person(self, row: dict | None, switch: bool = True) -> None:
        """Narrow Quotes and Figures to a person (None: everyone) and show their quotes."""
        self.person = {"id": row["id"], "name": row["name"]} if row else None
        main = self.main
        for pane in main.query(Pane):
            if pane.name in ("quotes", "figures"):
                pane.stale = True
        if row and switch:
            self.show_pane("quotes")
        main.pane.shown()

    def open_reader(self, kind: str, row: dict) -> None:
        from tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen.for_item(self.store, kind, row, self.person))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_filter(self) -> None:
        self.show_pane(self.main.pane.name)
        self.main.action_filter()

    def action_read(self) -> None:
        self.show_pane(self.main.pane.name)
        self.main.action_read()

    def action_sort(self, reverse: bool) -> None:
        self.show_pane("figures")
        self.main.action_sort(reverse)

    # ---- copying -------------------------------------------------------------------

    def selected_quote(self) -> dict | None:
        """The quote under the cursor: in the reader, the one at the current highlight;
        otherwise the Quotes pane's row."""
        pick = getattr(self.screen, "selected_quote", None)
        if pick is not None:
            return pick()
        if isinstance(self.screen, MainScreen) and self.main.pane.name == "quotes" and self.main.pane.built:
            return self.main.pane.rows.current
        return None

    def action_copy(self, style: str) -> None:
        row = self.selected_quote()
        if row is None:
            self.notify("Select a quote first (Quotes pane, or a highlighted quote in the reader).",
                        severity="warning", markup=False)
            return
        from store.cite import cite

        text = cite(row, style)
        self.copy_to_clipboard(text)
        self.run_worker(lambda: show.system_copy(text), thread=True, group="clipboard")
        who = queries.speaker_label(row)
        label = "Markdown quote" if style == "markdown" else "Quote"
        self.notify(f"{label} from {who} copied: {show.clip(row['text'], 60)}", markup=False)

    def from_worker(self, callback, *args) -> None:
        """Hand a worker thread's result to the app; dropped if the app has closed meanwhile."""
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            pass

    # ---- search (used by the search screen) ------------------------------------------

    def search_conn(self) -> sqlite3.Connection:
        if self._search_conn is None:
            self._search_conn = browse.connect(self.store_path)
        return self._search_conn

    def on_unmount(self) -> None:
        if self._search_conn is not None:
            self._search_conn.interrupt()
        self.store.close()


def run_app(db_path: str, first_ids: Future | None = None, headless: bool = False) -> None:
    app = BylineApp(db_path, first_ids)
    app.run(headless=headless)
    if app.return_code:                  # Textual has printed the error; the shell must see it
        raise SystemExit(app.return_code)
