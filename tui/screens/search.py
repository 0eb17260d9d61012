"""`/`: fuzzy search across every sentence, results as you type.

Each keystroke starts a search in an exclusive worker thread and interrupts the one
before it (sqlite3's interrupt); a result set is shown only if it answers the latest
query, so stale results never overwrite fresh ones."""
from __future__ import annotations

import sqlite3

import sqlite_utils
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.db import reads
from tui.bindings import SEARCH, bindings
from tui.messages import OpenReader
from tui.widgets import show

LIMIT = 50


class SearchScreen(Screen):
    BINDINGS = bindings(SEARCH)

    def __init__(self) -> None:
        super().__init__()
        self.latest = ""
        self.hits: list = []

    def compose(self) -> ComposeResult:
        yield Static(Text(" Search every sentence: typos and partial words are fine; 'exact ^start end$ !not \"a phrase\"",
                          style="dim"), id="search-help")
        yield Input(placeholder="search article text", id="search-box")
        yield Static(id="search-status")
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-box", Input).focus()
        self.run_worker(self.warm, thread=True, group="search-warm")

    def warm(self) -> None:
        """Load the store's vocabulary while the user starts typing (a tenth of a second on
        a million sentences once saved in the store; the very first time, a few seconds)."""
        with self.app.search_lock:
            try:
                vocab = self.app.store.vocabulary.load(sqlite_utils.Database(self.app.search_conn()))
            except sqlite3.OperationalError:      # interrupted by the first keystroke: the search loads it
                return
        vocab.warm()        # outside the lock: searches meanwhile make the pools they need

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
        from store.search import SearchSyntaxError, search

        with self.app.search_lock:                # one search on the connection at a time
            if query != self.latest:
                return
            try:
                hits = search(sqlite_utils.Database(conn), query, LIMIT, should_stop=lambda: query != self.latest,
                              vocabulary=self.app.store.vocabulary)
                message = ""
            except SearchSyntaxError as e:
                hits, message = [], str(e)
            except sqlite3.OperationalError as e:
                if "interrupt" in str(e):
                    return
                hits, message = [], f"search failed: {e}"
        self.app.from_worker(self.show_hits, query, hits, message)

    def show_hits(self, query: str, hits: list, message: str) -> None:
        if query != self.latest:                  # an older query's answer: drop it
            return
        self.hits = hits
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        width = max(20, results.scrollable_content_region.width - 2)
        results.add_options([Option(self.render_hit(hit, width), id=str(i)) for i, hit in enumerate(hits)])
        if hits:
            results.highlighted = 0
        status = Text(message, style="red") if message else Text(
            f" {len(hits)} result{'s' if len(hits) != 1 else ''}" + ("  (enter opens the first, ↓ to choose)" if hits else "")
            if query else "", style="dim")
        self.query_one("#search-status", Static).update(status)

    def render_hit(self, hit, width: int) -> Text:
        """Article name, then a snippet of the sentence around the first match with every
        matched stretch in bold."""
        head = Text(show.clip(hit.title or f"article {hit.article_id}", width - 20), style="bold")
        if hit.source:
            head.append("  " + reads.one_line(hit.source), style="dim")
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

    def open(self, index: int) -> None:
        hit = self.hits[index]
        self.post_message(OpenReader("hit", {"article_id": hit.article_id, "char_start": hit.char_start,
                                              "char_end": hit.char_end}))
