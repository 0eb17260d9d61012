"""The reader: one article wrapped to the screen, with the quotes, figures or a person's
mentions highlighted; n/N step through them."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.db import labels, reads
from tui.bindings import READER, bindings
from tui.messages import QuoteFixed
from tui.widgets import show
from tui.widgets.article_view import ArticleView


class ReaderScreen(Screen):
    BINDINGS = bindings(READER)

    def __init__(self, article: dict, spans: list[tuple[int, int]], current: int, kind: str,
                 quotes: list[dict], figures: list[dict], person: dict | None = None) -> None:
        super().__init__()
        self.article = article
        self.spans = spans
        self.current = current
        self.kind = kind                 # "quote", "figure", "mention" or "match"
        self.quotes = quotes
        self.figures = figures
        self.person = person

    @classmethod
    def for_item(cls, db, kind: str, row: dict, person: dict | None) -> "ReaderScreen":
        """The reader for a row of a pane ("people", "quotes", "figures", "articles") or a
        search hit ("hit": a row with article_id, char_start, char_end)."""
        if kind == "people":
            person = {"id": row["id"], "name": row["name"]}
            places = reads.person_articles(db, row["id"], limit=1)
            article_id = places[0]["article_id"] if places else None
        elif kind == "articles":
            article_id = row["id"]
        else:
            article_id = row["article_id"]
        article = reads.article(db, article_id) if article_id is not None else None
        if article is None:
            article = {"id": None, "title": "(article not found)", "text": ""}
        quotes = reads.article_quotes(db, article["id"]) if article["id"] else []
        figures = reads.article_figures(db, article["id"]) if article["id"] else []

        def quote_mode(quote_id: int) -> "ReaderScreen":
            spans = [(q["char_start"], q["char_end"]) for q in quotes]
            at = next((i for i, q in enumerate(quotes) if q["id"] == quote_id), 0)
            return cls(article, spans, at, "quote", quotes, figures)

        if kind == "quotes":
            return quote_mode(row["id"])
        if kind == "figures":
            spans = [(f["char_start"], f["char_end"]) for f in figures]
            at = next((i for i, f in enumerate(figures) if f["id"] == row["id"]), 0)
            return cls(article, spans, at, "figure", quotes, figures)
        if kind == "hit":
            inside = [q for q in quotes if q["char_start"] < row["char_end"] and row["char_start"] < q["char_end"]]
            if inside:
                return quote_mode(inside[0]["id"])
            return cls(article, [(row["char_start"], row["char_end"])], 0, "match", quotes, figures)
        mentions = reads.article_mentions(db, article["id"], person["id"]) if person and article["id"] else []
        if mentions:
            return cls(article, mentions, 0, "mention", quotes, figures, person)
        spans = [(q["char_start"], q["char_end"]) for q in quotes]
        return cls(article, spans, 0, "quote", quotes, figures)

    def compose(self) -> ComposeResult:
        yield Static(self.title_line(), id="reader-title")
        yield ArticleView()
        yield Static(id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        cues = [(q["cue_start"], q["cue_end"]) for q in self.quotes
                if q.get("cue_start") is not None and q.get("cue_end") is not None]
        view.show(self.article.get("text") or "", self.spans, self.current, cues)
        view.focus()
        self.update_status()

    def title_line(self) -> Text:
        out = Text(" " + show.article_label(self.article), style="bold")
        meta = [labels.one_line(v) for v in (self.article.get("source"), (self.article.get("published") or "")[:10],
                                              self.article.get("author")) if v]
        if meta:
            out.append("  " + " · ".join(meta), style="dim")
        return out

    def action_step(self, by: int) -> None:
        view = self.query_one(ArticleView)
        view.step(by)
        self.current = view.current
        self.update_status()

    def selected_article_id(self) -> int | None:
        return self.article.get("id")

    def selected_quote(self) -> dict | None:
        """The quote at the current highlight, if it lies in one."""
        if not self.spans:
            return None
        start, end = self.spans[self.current]
        overlapping = [q for q in self.quotes if q["char_start"] < end and start < q["char_end"]]
        inside = [q for q in overlapping if q["char_start"] <= start and end <= q["char_end"]]
        return (inside or overlapping or [None])[0]

    def on_quote_fixed(self, event: QuoteFixed) -> None:
        """A quote of this article corrected (e) or its correction undone (u): its speaker anew."""
        self.quotes = [event.row if q["id"] == event.row["id"] else q for q in self.quotes]
        self.update_status()

    def copy_hint(self, quote: dict | None) -> str:
        if self.kind == "figure":
            return "y copies the figure with its sentence"
        if quote is not None:
            return "y copies it" if self.kind == "quote" else "y copies the quote"
        return "y copies the sentence"

    def copy_item(self, style: str) -> tuple[str, str] | None:
        """What y copies in the reader: a figure highlight, the figure with its sentence; the
        quote at the highlight; else the sentence holding the highlight (a mention, a search
        match), or with nothing highlighted the sentence at the top of the view."""
        from store.cite import cite, cite_passage, cited_as
        from store.export import figure_citation

        if self.spans and self.kind == "figure":
            figure = self.figures[self.current]
            return figure_citation(self.app.store, figure, style)[1], show.copied_label("Figure", figure["text"])
        quote = self.selected_quote()
        if quote is not None:
            return cite(quote, style), show.copied_label("Quote", quote["text"], cited_as(quote))
        if self.article.get("id") is None:
            return None
        offset = self.spans[self.current][0] if self.spans else self.query_one(ArticleView).top_offset()
        sentence = reads.sentence_at(self.app.store, self.article["id"], offset)
        if not sentence:
            return None
        return cite_passage(sentence, self.article, style), show.copied_label("Sentence", sentence)

    def update_status(self) -> None:
        out = Text(" ")
        if not self.spans:
            out.append("nothing highlighted in this article", style="dim")
        else:
            out.append(f"{self.kind} {self.current + 1} of {len(self.spans)}", style="bold")
            out.append("  ")
            quote = self.selected_quote()
            if self.kind == "mention" and self.person:
                out.append(self.person["name"])
            elif self.kind == "figure":
                figure = self.figures[self.current]
                written = labels.one_line(figure.get("text"))
                value = show.amount(figure.get("value"), figure.get("unit"))
                if figure.get("unit") and figure["unit"] not in show.CURRENCY and figure["unit"] != "%":
                    value += " " + labels.one_line(figure["unit"])
                out.append(written)
                if value != written:
                    out.append(f"  = {value}", style="dim")
                if figure.get("about"):
                    out.append(" · " + labels.one_line(figure["about"]), style="dim")
            if quote:
                if self.kind != "quote":
                    out.append("  in a quote by ", style="dim")
                out.append_text(show.speaker(quote))
                if labels.confidence_label(quote):
                    out.append(" (", style="dim")
                    out.append_text(show.confidence_cell(quote, 0))
                    out.append(")", style="dim")
                if quote.get("kind") == "partial":
                    out.append("  partial", style="yellow")
                out.append("  why: ", style="dim")
                out.append(labels.one_line(quote.get("cue")) or "no cue", style="italic")
                if quote.get("checked"):
                    out.append("  ✓ checked", style="green")
                out.append(f"   id {quote['id']}", style="dim")
            out.append("   " + self.copy_hint(quote) + (" · e corrects" if quote else ""), style="dim")
        self.query_one("#reader-status", Static).update(out)
