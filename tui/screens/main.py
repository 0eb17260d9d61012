"""The main screen: the store's header, the pane strip and the four panes, one shown.

It owns the person Quotes and Figures are narrowed to: it hands it down to those panes
and hears of a new one through `PersonChosen`."""
from __future__ import annotations

from concurrent.futures import Future

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Static

from store.db import reads
from tui.bindings import BY_ID, MAIN, bindings, key_label
from tui.messages import OpenReader, PaneSelected, PersonChosen, StoreChanged
from tui.widgets import show
from tui.widgets.pane_strip import PaneStrip
from tui.widgets.panes import PANE_TYPES, PANES, FiguresPane, Pane, PeoplePane, QuotesPane

NARROWED = ("quotes", "figures")      # the panes a chosen person narrows
NARROW = 100                          # fewer columns than this: the detail goes below the list


class MainScreen(Screen):
    AUTO_FOCUS = "PeoplePane RowList"
    BINDINGS = bindings(MAIN)

    def __init__(self, first_ids: Future | None = None) -> None:
        super().__init__()
        self.first_ids = first_ids      # the People list's ids, resolving since start-up
        self.person: dict | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.header_text(), id="header")
        yield PaneStrip()
        with ContentSwitcher(initial="people"):
            yield PeoplePane(self.first_ids)     # the other panes are built when first shown
        yield Footer()

    def on_resize(self, event) -> None:
        """Under NARROW columns the detail goes below the list, which then has the whole
        width (a quote's words get more than a third of 80 columns)."""
        narrow = event.size.width < NARROW
        if narrow != self.has_class("narrow"):
            self.set_class(narrow, "narrow")
            for pane in self.query(Pane):
                if pane.built:
                    pane.call_after_refresh(pane.show_detail)     # in the order this layout reads

    @property
    def narrow(self) -> bool:
        return self.has_class("narrow")

    @property
    def pane(self) -> Pane:
        switcher = self.query_one(ContentSwitcher)
        return switcher.get_child_by_id(switcher.current, Pane)

    def selected_quote(self) -> dict | None:
        """The Quotes pane's row under the cursor, when that pane is shown (for y)."""
        pane = self.pane
        if pane.name == "quotes" and pane.built:
            return pane.rows.current
        return None

    def copy_item(self, style: str) -> tuple[str, str] | None:
        """What y copies here: the Quotes pane's quote, or the Figures pane's figure with its
        sentence, cited in style; and how the status line names it."""
        from store.cite import cite, cited_as
        from store.export import figure_citation

        pane = self.pane
        row = pane.rows.current if pane.built else None
        if row is None or pane.name not in ("quotes", "figures"):
            return None
        if pane.name == "quotes":
            return cite(row, style), show.copied_label("Quote", row["text"], cited_as(row))
        return figure_citation(self.app.store, row, style)[1], show.copied_label("Figure", row["text"])

    def selected_article_id(self) -> int | None:
        """The article of the row under the cursor (for o); a person has many: none."""
        pane = self.pane
        row = pane.rows.current if pane.built else None
        if row is None or pane.name == "people":
            return None
        return row["id"] if pane.name == "articles" else row.get("article_id")

    # ---- panes -------------------------------------------------------------------

    def action_pane(self, name: str) -> None:
        # switch at once, so the next key already goes to the new pane
        self.query_one(PaneStrip).active = name
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == name:
            return
        built = switcher.query_children(f"#{name}")
        if not built:
            pane = PANE_TYPES[name]()
            pane.person = self.person if name in NARROWED else None
            switcher.mount(pane)            # it loads and takes focus when mounted
        switcher.current = name
        if built and self.pane.built:      # (one still mounting loads and takes focus when it is)
            self.pane.shown()
            self.pane.rows.focus()
        self.refresh_bindings()

    def on_pane_selected(self, event: PaneSelected) -> None:
        self.action_pane(event.name)

    def action_cycle(self, step: int) -> None:
        self.action_pane(PANES[(PANES.index(self.pane.name) + step) % len(PANES)])

    def action_filter(self) -> None:
        # at once, not on the next idle (Widget.focus): keys typed right after `f` are
        # already queued and must reach the filter box, not the list's bindings
        self.set_focus(self.pane.query_one(".filter", Input))

    def action_sort(self, reverse: bool) -> None:
        if isinstance(self.pane, (FiguresPane, QuotesPane)):
            self.pane.resort(reverse)

    def action_detail(self, step: int) -> None:
        """J/K: scroll the detail pane (the list keeps the keys it has)."""
        self.pane.query_one(".detail-box").scroll_relative(y=3 * step, animate=False)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("filter", "read", "sort", "back", "detail", "person_page", "merge") and not self.pane.built:
            return False                    # a key that beats a new pane's mount is ignored, not a crash
        if action == "sort":
            return isinstance(self.pane, (FiguresPane, QuotesPane))
        if action == "merge":
            return isinstance(self.pane, PeoplePane)
        return True

    # ---- a person's page, a merge -----------------------------------------------------

    def page_person(self) -> dict | None:
        """Whose page p opens: the People list's person; else the person the panes are
        narrowed to; else the speaker of the selected quote."""
        row = self.pane.rows.current
        if isinstance(self.pane, PeoplePane):
            return row
        if self.person:
            return self.person
        if isinstance(self.pane, QuotesPane) and row and row.get("person_id"):
            return {"id": row["person_id"], "name": row["speaker"]}
        return None

    def action_person_page(self) -> None:
        self.app.open_person_page(self.page_person())

    def action_merge(self) -> None:
        self.app.choose_merge(self.pane.rows.current if isinstance(self.pane, PeoplePane) else None)

    def action_back(self) -> None:
        pane = self.pane
        box = pane.query_one(".filter", Input)
        if box.has_focus:
            pane.rows.focus()
        elif box.value:
            box.value = ""
        elif self.person and pane.name in NARROWED:
            self.choose_person(None)

    def action_read(self) -> None:
        row = self.pane.rows.current
        if row:
            self.post_message(OpenReader(self.pane.name, row))

    # ---- another process writing to the store ---------------------------------------

    def header_text(self, new: Text | None = None) -> Text:
        """The store's name and counts; and, once another process has written to the
        store, the offer to refresh."""
        text = show.header(self.app.store_path, reads.counts(self.app.store))
        if new is not None:
            text.append("   ")
            text.append_text(new)
        return text

    def on_store_changed(self, event: StoreChanged) -> None:
        what = f"{event.added:,} new article{'s' if event.added != 1 else ''}" if event.added else "store changed"
        offer = Text(f" {what} · {key_label(BY_ID['app.refresh'].keys)} refresh ", style="bold reverse")
        self.query_one("#header", Static).update(self.header_text(offer))

    def refresh_store(self) -> None:
        """Counts and every list read again; each list keeps the row it had selected (a
        pane not built yet reads the store when first shown)."""
        self.query_one("#header", Static).update(self.header_text())
        for pane in self.query(Pane):
            if pane.built:
                row = pane.rows.current
                pane.reload(keep=row["id"] if row else None)

    # ---- the person ----------------------------------------------------------------

    @on(PersonChosen)
    def person_chosen(self, event: PersonChosen) -> None:
        # the pane that sent it: keys typed ahead may have shown another pane since
        # (a pane key typed after enter has already shown the pane it asked for)
        event.stop()
        self.choose_person(event.person, switch=event.pane is self.pane)

    def choose_person(self, row: dict | None, switch: bool = True) -> None:
        """Narrow Quotes and Figures to a person (None: everyone) and show their quotes."""
        self.person = {"id": row["id"], "name": row["name"]} if row else None
        for pane in self.query(Pane):
            if pane.name in NARROWED:
                pane.person = self.person
                pane.stale = True
        if row and switch:
            self.action_pane("quotes")
        self.pane.shown()
