"""Review mode (`v`, or "Review attributions" in the palette): the unchecked attributions,
lowest confidence first (store.db.corrections.review_ids), one at a time, with the
evidence and the paragraph around the quote. One key each: a confirm, e correct (the
app's chooser), x unknown, s skip; u undoes the last one done here and goes back to it.

The screen asks the app to write (FixQuote) and moves on when the app says it has
(QuoteFixed): a write that fails (a read-only store) leaves the quote where it was."""
from __future__ import annotations

import sqlite3

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.db import StoreError, reads
from tui.bindings import REVIEW, bindings
from tui.messages import FixQuote, QuoteFixed
from tui.widgets import show

PARAGRAPH = 900        # characters of the paragraph shown around the quote
HINT = "\na: confirm   e: correct the speaker   x: unknown   s: skip   u: undo the last   esc: back"
DONE = {"confirm": "confirmed", "speaker": "corrected", "unknown": "unknown"}


class ReviewScreen(Screen):
    BINDINGS = bindings(REVIEW)
    DEFAULT_CSS = """
    #review-title { height: auto; background: $panel; }
    #review-box { height: 1fr; padding: 0 2; }
    #review-status { height: 1; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[int] | None = None        # None: still being read
        self.at = 0
        self.done: list[tuple[int, str]] = []    # (quote id, action) in the order done here
        self.skipped = 0
        self.row: dict | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        with VerticalScroll(id="review-box"):
            yield Static(Text("Reading the unchecked attributions…", style="dim italic"), id="review-quote")
        yield Static(id="review-status")
        yield Footer()

    def on_mount(self) -> None:
        from store.db.corrections import review_ids

        path = self.app.store_path

        def work() -> None:
            try:
                conn = reads.connect(path)
                try:
                    ids = review_ids(conn)
                finally:
                    conn.close()
            except (sqlite3.Error, StoreError) as e:      # a locked or damaged store: said, not raised
                self.app.from_worker(self.show_status, f"cannot read the attributions to review: {e}", True)
                return
            self.app.from_worker(self.loaded, ids)

        self.run_worker(work, thread=True, group="review-ids")

    def loaded(self, ids: list[int]) -> None:
        self.ids = ids
        self.show_quote()

    # ---- drawing -------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.ids is not None and self.at >= len(self.ids)

    def show_quote(self) -> None:
        if self.ids is None:
            return
        rows = reads.quotes_rows(self.app.store, self.ids[self.at:self.at + 1]) if not self.finished else []
        self.row = rows[0] if rows else None
        body = self.query_one("#review-quote", Static)
        if self.row is None:
            body.update(self.summary())
        else:
            out = show.quote_detail(self.row, hint="")
            paragraph = reads.quote_paragraph(self.app.store, self.row)
            if paragraph:
                out.append("\nThe paragraph\n", style="bold")
                out.append_text(show.marked(*paragraph, limit=PARAGRAPH))
                out.append("\n")
            out.append(HINT, style="dim")
            body.update(out)
        self.query_one("#review-box").scroll_home(animate=False)
        self.query_one("#review-title", Static).update(self.title_line())

    def title_line(self) -> Text:
        out = Text(" Review ", style="bold reverse")
        total = len(self.ids or [])
        where = f"{min(self.at + 1, total)} of {total:,}" if total and not self.finished else f"{total:,}"
        out.append(f"  {where} unchecked · least sure first", style="bold")
        out.append(f"   {self.tally()}", style="dim")
        return out

    def tally(self) -> str:
        counts = {word: sum(1 for _, action in self.done if action == key) for key, word in DONE.items()}
        return " · ".join([f"{n} {word}" for word, n in counts.items()] + [f"{self.skipped} skipped"])

    def summary(self) -> Text:
        if not self.ids:
            return Text("Nothing to review: every attribution with a speaker or a guess is checked.\n",
                        style="bold green")
        out = Text("Review done: you have been through every unchecked attribution.\n", style="bold green")
        out.append(self.tally() + "\n", style="")
        out.append("\nu: undo the last   esc: back", style="dim")
        return out

    def show_status(self, text: str, error: bool = False) -> None:
        self.query_one("#review-status", Static).update(Text(" " + text, style="bold red" if error else "dim"))

    # ---- what the app asks of the screen shown ------------------------------------------

    def selected_quote(self) -> dict | None:
        return self.row

    def undo_target(self) -> int | None:
        """The quote u undoes: the last one done here."""
        return self.done[-1][0] if self.done else None

    # ---- keys ----------------------------------------------------------------------

    def action_confirm(self) -> None:
        if self.row:
            self.post_message(FixQuote(self.row["id"], "confirm"))

    def action_unknown(self) -> None:
        if self.row:
            self.post_message(FixQuote(self.row["id"], "unknown"))

    def action_skip(self) -> None:
        if self.row:
            self.skipped += 1
            self.at += 1
            self.show_quote()

    def on_quote_fixed(self, event: QuoteFixed) -> None:
        quote_id = event.row["id"]
        if event.action == "undo":
            if self.done and self.done[-1][0] == quote_id:
                self.done.pop()
            if self.ids and quote_id in self.ids:
                self.at = self.ids.index(quote_id)
        elif self.row and quote_id == self.row["id"]:
            self.done.append((quote_id, event.action))
            self.at += 1
        self.show_quote()
