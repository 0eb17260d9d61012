"""`/`: fuzzy search across every sentence, results as you type.

Each keystroke starts a search in an exclusive worker thread and interrupts the one
before it (sqlite3's interrupt); a result set is shown only if it answers the latest
query, so stale results never overwrite fresh ones. The first LIMIT results come at once;
how many there are in all follows once typing pauses (store.search.count: exact, or
marked "about" when estimated because counting would be slow), and MORE rows are loaded
each time the cursor goes past the last one. `/` in the results goes back to the box."""
from __future__ import annotations

import sqlite3
import time

import sqlite_utils
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.db import labels, reads
from tui.bindings import SEARCH, bindings
from tui.messages import OpenReader
from tui.widgets import show

LIMIT = 50              # results of a keystroke
MORE = 100              # results added when the cursor goes past the last one
NEAR_END = 5            # ... or comes this close to it
COUNT_PAUSE = 0.15      # seconds of no typing before the results are counted
RETRIES = 3             # fetches of more that may bring nothing before waiting for the next ↓


class ResultList(OptionList):
    """The results: down on the last one loads more (rather than wrapping to the first)."""

    def action_cursor_down(self) -> None:
        last = self.option_count - 1
        if self.highlighted is not None and self.highlighted >= last and isinstance(self.screen, SearchScreen):
            if self.screen.more(advance=True):
                return
        super().action_cursor_down()


class SearchScreen(Screen):
    BINDINGS = bindings(SEARCH)

    def __init__(self) -> None:
        super().__init__()
        self.latest = ""
        self.hits: list = []
        self.total = None           # store.search.Count of the shown query, once counted
        self.loading = False        # more results are being fetched
        self.advance = False        # ... and the cursor moves onto the first of them
        self.exhausted = False      # a fetch of more found none: every result is shown
        self.asked = LIMIT          # the limit of the last fetch
        self.retries = 0            # fetches in a row that brought nothing (operators refused them)
        self.operators = False      # the query has operators (which may refuse fetched rows)
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Static(Text(" Search every sentence: typos and partial words are fine; 'exact ^start end$ !not \"a phrase\"",
                          style="dim"), id="search-help")
        # back in the box (/), the query is kept to refine, not selected to be replaced
        yield Input(placeholder="search article text", id="search-box", select_on_focus=False)
        yield Static(id="search-status")
        yield ResultList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-box", Input).focus()
        self.run_worker(self.warm, thread=True, group="search-warm")

    def warm(self) -> None:
        """Load the store's vocabulary while the user starts typing (a tenth of a second on
        a million sentences once saved in the store; the very first time, a few seconds),
        and the sample that estimates counts that would be slow."""
        from store.search import sample_of

        with self.app.search_lock:
            try:
                vocab = self.app.store.vocabulary.load(sqlite_utils.Database(self.app.search_conn()))
            except sqlite3.OperationalError:      # interrupted by the first keystroke: the search loads it
                return
        vocab.warm()        # outside the lock: searches meanwhile make the pools they need
        conn = reads.connect(self.app.store_path)     # its own: the first keystrokes need not wait
        try:
            sample_of(sqlite_utils.Database(conn), self.app.store.vocabulary)
        except sqlite3.Error:                     # the first count makes it
            pass
        finally:
            conn.close()

    @on(Input.Changed, "#search-box")
    def typed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        self.latest = query
        conn = self.app.search_conn()
        conn.interrupt()                          # the older search stops at its next step
        if not query:
            self.show_hits(query, [], "")
            return
        self.run_worker(lambda: self.search(conn, query), thread=True, exclusive=True, group="search")

    def search(self, conn: sqlite3.Connection, query: str) -> None:
        from store.search import COUNT_BUDGET, SearchSyntaxError, count, parse, search

        db = sqlite_utils.Database(conn)
        with self.app.search_lock:                # one search on the connection at a time
            if query != self.latest:
                return
            try:
                hits = search(db, query, LIMIT, should_stop=lambda: query != self.latest,
                              vocabulary=self.app.store.vocabulary)
                message = ""
            except SearchSyntaxError as e:
                hits, message = [], str(e)
            except sqlite3.OperationalError as e:
                if "interrupt" in str(e):
                    return
                hits, message = [], f"search failed: {e}"
        self.app.from_worker(self.show_hits, query, hits, message)
        if message or not hits or (len(hits) < LIMIT and not parse(query).terms):
            return                                # every result is shown: show_hits counted them
        time.sleep(COUNT_PAUSE)                   # typing on: this count is not wanted
        with self.app.search_lock:
            if query != self.latest:
                return
            try:
                total = count(db, query, self.app.store.vocabulary, COUNT_BUDGET)
            except sqlite3.OperationalError:      # interrupted by a keystroke, or the store is busy
                return
        self.app.from_worker(self.show_count, query, total)

    def show_hits(self, query: str, hits: list, message: str) -> None:
        if query != self.latest:                  # an older query's answer: drop it
            return
        from store.search import Count, parse

        self.hits = list(hits)
        self.total, self.loading, self.advance, self.exhausted = None, False, False, False
        self.asked, self.retries = LIMIT, 0
        try:
            # operators (end$, !not...) refuse rows after the index query: a larger limit
            # fetches more rows, which may bring results even when this one brought few
            self.operators = bool(query) and bool(parse(query).terms)
        except ValueError:
            self.operators = False
        if hits and len(hits) < LIMIT and not self.operators:
            self.total = Count(len(hits))
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(self.options(hits, 0))
        if hits:
            results.highlighted = 0
        self.error = message
        self.show_status()

    def options(self, hits: list, first: int) -> list[Option]:
        results = self.query_one("#search-results", OptionList)
        width = max(20, results.scrollable_content_region.width - 2)
        return [Option(self.render_hit(hit, width), id=str(first + i)) for i, hit in enumerate(hits)]

    def show_count(self, query: str, total) -> None:
        if query != self.latest:
            return
        self.total = total
        self.show_status()

    def all_shown(self) -> bool:
        total = self.total
        return self.exhausted or (total is not None and total.how != "about" and len(self.hits) >= total.n)

    def show_status(self) -> None:
        """" 50 results", or " first 50 of 576 results" while there are more to load."""
        n = len(self.hits)
        if self.error:
            status = Text(self.error, style="red")
        elif not self.latest:
            status = Text("")
        elif not n:
            status = Text(" no results", style="dim")
        else:
            hint = "  (enter opens the first, ↓ to choose)"
            if self.all_shown():
                head = f" {n:,} result{'s' if n != 1 else ''}"
            elif self.total is None:
                head = f" first {n:,} results (counting…)"
            else:
                head = f" first {n:,} of {self.total} results"
                hint = "  (enter opens the first, ↓ to choose; more load past the last)"
            status = Text(head + hint, style="dim")
        self.query_one("#search-status", Static).update(status)

    @on(OptionList.OptionHighlighted, "#search-results")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.hits) - NEAR_END:
            self.more()

    def more(self, advance: bool = False) -> bool:
        """Fetch the next MORE results (in a worker); True when some may come. With
        advance, the cursor moves onto the first of them when they arrive."""
        if not self.hits or self.all_shown() or (self.total is None and len(self.hits) < LIMIT):
            return False
        self.advance = self.advance or advance
        if not self.loading:
            self.loading = True
            self.asked = max(self.asked, len(self.hits)) + MORE
            query, limit, conn = self.latest, self.asked, self.app.search_conn()
            self.run_worker(lambda: self.fetch_more(conn, query, limit), thread=True, group="search-more")
        return True

    def fetch_more(self, conn: sqlite3.Connection, query: str, limit: int) -> None:
        """The results again with a larger limit: those not shown yet are added."""
        from store.search import search

        with self.app.search_lock:
            if query != self.latest:
                return
            try:
                hits = search(sqlite_utils.Database(conn), query, limit, should_stop=lambda: query != self.latest,
                              vocabulary=self.app.store.vocabulary)
            except (sqlite3.OperationalError, ValueError):
                hits = None
        self.app.from_worker(self.add_hits, query, hits)

    def add_hits(self, query: str, hits: list | None) -> None:
        if query != self.latest or not self.loading:
            return
        self.loading = False
        if hits is None:                          # interrupted: the next move past the end asks again
            self.advance = False
            return
        shown = {hit.sentence_id for hit in self.hits}
        extra = [hit for hit in hits if hit.sentence_id not in shown]
        if not extra:
            if self.operators and self.total is not None and self.asked < self.total.n:
                self.retries += 1                 # the refused rows were all this fetch had:
                if self.retries <= RETRIES:       # ask for more (a few times; then at the next ↓)
                    self.more()
                    return
                self.advance = False
                return
            self.exhausted = True
        self.retries = 0
        results = self.query_one("#search-results", OptionList)
        results.add_options(self.options(extra, len(self.hits)))
        first_new = len(self.hits)
        self.hits.extend(extra)
        if self.advance and extra:
            results.highlighted = first_new
        self.advance = False
        self.show_status()

    def on_key(self, event: events.Key) -> None:
        """`/` away from the box goes back to it (the app's `/` opens search from elsewhere)."""
        box = self.query_one("#search-box", Input)
        if event.key == "slash" and self.focused is not box:
            event.stop()
            event.prevent_default()
            box.focus()
            box.cursor_position = len(box.value)

    def render_hit(self, hit, width: int) -> Text:
        """Article name, then a snippet of the sentence around the first match with every
        matched stretch in bold."""
        head = Text(show.clip(hit.title or f"article {hit.article_id}", width - 20), style="bold")
        if hit.source:
            head.append("  " + labels.one_line(hit.source), style="dim")
        head.append(f"  {hit.score:.0f}", style="dim")
        text = hit.text
        first = min((s for s, _ in hit.highlights), default=0)
        start = max(0, first - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
        snippet = Text("…" if start else "")
        body = Text(text[start:start + 2 * width])
        for s, e in hit.highlights:
            body.stylize("bold reverse", max(0, s - start), max(0, e - start))
        snippet.append_text(body)
        snippet.plain = snippet.plain.replace("\n", " ")
        snippet.truncate(2 * width - 4, overflow="ellipsis")
        return Text("\n").join([head, snippet])

    def action_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    @on(Input.Submitted, "#search-box")
    def submitted(self) -> None:
        if self.hits:
            self.open(self.query_one("#search-results", OptionList).highlighted or 0)

    @on(OptionList.OptionSelected, "#search-results")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self.open(event.option_index)

    def selected_article_id(self) -> int | None:
        """The highlighted result's article (for o)."""
        index = self.query_one("#search-results", OptionList).highlighted
        return self.hits[index].article_id if index is not None and index < len(self.hits) else None

    def open(self, index: int) -> None:
        hit = self.hits[index]
        self.post_message(OpenReader("hit", {"article_id": hit.article_id, "char_start": hit.char_start,
                                              "char_end": hit.char_end}))
