"""A person's page (`p` on a person): who they are, a Sparkline of their quotes per month
with the months it spans, and their quotes newest first, grouped by article (title,
outlet, date). Enter reads a quote in its article; e and u correct it and undo, as
anywhere.

A screen of its own rather than the People pane's detail: the chart wants the whole
width, and the Quotes pane narrowed to the person (enter) stays the working list."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from store.db import reads
from tui.bindings import PERSON, bindings
from tui.messages import OpenReader, QuoteFixed
from tui.widgets import show

SHOWN = 500         # quotes listed at most (the page says how many more there are)


class PersonScreen(Screen):
    BINDINGS = bindings(PERSON)
    DEFAULT_CSS = """
    #person-title { height: auto; background: $panel; padding: 0 1; }
    #person-chart { height: 3; margin: 1 2 0 2; }
    #person-months { height: 1; padding: 0 2; color: $text-muted; }
    #person-quotes { height: 1fr; border: none; margin-top: 1; }
    #person-status { height: 1; background: $panel; }
    """

    def __init__(self, person: dict) -> None:
        super().__init__()
        self.person = person
        self.quotes: list[dict] = []
        self.lines: list[dict | None] = []       # the quote behind each line (None: an article heading)

    def compose(self) -> ComposeResult:
        yield Static(id="person-title")
        yield Sparkline([], id="person-chart")
        yield Static(id="person-months")
        yield OptionList(id="person-quotes")
        yield Static(id="person-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one(OptionList).focus()

    def load(self, keep: int | None = None) -> None:
        db = self.app.store
        rows = reads.people_rows(db, [self.person["id"]])
        person = rows[0] if rows else {**self.person, "role": None, "quotes": 0, "articles": 0, "mentions": 0}
        self.quotes = reads.person_quotes_by_date(db, person["id"], limit=SHOWN)
        months, undated = reads.person_quote_months(db, person["id"])
        self.query_one("#person-title", Static).update(self.title_text(person))
        chart = self.query_one(Sparkline)
        chart.data = [n for _, n in months]
        chart.display = bool(months)
        self.query_one("#person-months", Static).update(months_line(months, undated))
        self.fill(person, keep)

    def title_text(self, person: dict) -> Text:
        out = Text(person["name"], style="bold")
        if person.get("role"):
            out.append("  " + show.one_line(person["role"]), style="italic")
        out.append("   " + " · ".join(show.plural(person[k], k) for k in ("quotes", "articles", "mentions")),
                   style="dim")
        return out

    def fill(self, person: dict, keep: int | None) -> None:
        options, self.lines, article = [], [], None
        width = max(30, self.size.width - 17)    # the list's border, padding and scrollbar, the mark
        for row in self.quotes:
            if row["article_id"] != article:
                article = row["article_id"]
                options.append(Option(article_heading(row), disabled=True))
                self.lines.append(None)
            line = Text("  ")
            line.append_text(show.quote_mark(row))
            line.append(show.clip(f"“{row['text']}”", width), style="bold" if row.get("kind") != "partial" else "")
            options.append(Option(line))
            self.lines.append(row)
        if person["quotes"] > len(self.quotes):
            options.append(Option(Text(f"… and {person['quotes'] - len(self.quotes):,} older quotes", style="dim"),
                                  disabled=True))
            self.lines.append(None)
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options or [Option(Text("No quotes attributed to them.", style="dim"), disabled=True)])
        at = next((i for i, r in enumerate(self.lines) if r and r["id"] == keep), None)
        first = next((i for i, r in enumerate(self.lines) if r), None)
        listing.highlighted = at if at is not None else first

    # ---- what the app asks of the screen shown ------------------------------------------

    def selected_quote(self) -> dict | None:
        at = self.query_one(OptionList).highlighted
        return self.lines[at] if at is not None and at < len(self.lines) else None

    def show_status(self, text: str, error: bool = False) -> None:
        self.query_one("#person-status", Static).update(Text(" " + text, style="bold red" if error else "dim"))

    def on_quote_fixed(self, event: QuoteFixed) -> None:
        self.load(keep=event.row["id"])        # a quote given to someone else leaves the page

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        row = self.lines[event.option_index]
        if row:
            self.post_message(OpenReader("quotes", row))


def article_heading(row: dict) -> Text:
    out = Text(show.article_label(row), style="bold cyan")
    meta = [show.one_line(v) for v in (row.get("source"), show.date_cell(row)) if v]
    if meta:
        out.append("  " + " · ".join(meta), style="dim")
    return out


def months_line(months: list[tuple[str, int]], undated: int) -> Text:
    """What the chart spans: "quotes per month, 2016-01 to 2016-11 (most: 12 in 2016-06)"."""
    if not months:
        out = Text("no dated quotes: no chart", style="dim italic")
    else:
        peak = max(months, key=lambda m: m[1])
        span = months[0][0] if len(months) == 1 else f"{months[0][0]} to {months[-1][0]}"
        out = Text(f"quotes per month, {span} (most: {peak[1]} in {peak[0]})")
    if undated:
        out.append(f"; {undated} in undated articles", style="dim")
    return out
