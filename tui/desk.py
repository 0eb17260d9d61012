"""The journalist's desk, the App's part of it: correct a quote's speaker, mark it unknown
or confirm it (e), undo that (u), merge a person into another (m) and undo the last
merge (the palette). The writes go through store.db.corrections and store.db.merges; a
write the store refuses (StoreError: a read-only store, a missing quote) is said on the
status line of the screen shown, never raised.

Screens ask by message (FixQuote, MergePerson); after a write every list is read again
and the screens above the main one hear QuoteFixed."""
from __future__ import annotations

from rich.text import Text

from store.db import filters, reads
from tui.messages import FixQuote, MergePerson, QuoteFixed
from tui.screens.main import MainScreen
from tui.widgets import show


class Desk:
    """Mixed into BylineApp (it uses the App's store, screens and notify)."""

    def action_correct(self) -> None:
        """e: who said the selected quote? The article's people, a name typed, unknown, or
        confirm it as it is."""
        from tui.screens.chooser import Chooser, fuzzy_names

        row = self.selected_quote()
        if row is None:
            self.say("Select a quote first (Quotes pane, the reader, a person's page or review).", error=True)
            return
        article = reads.article(self.store, row["article_id"]) or {"people_list": []}
        people = [p["name"] for p in article["people_list"]]
        title = Text(f"Who said quote {row['id']}?\n", style="bold")
        title.append(show.clip(f"“{row['text']}”", 200) + "\n", style="italic")
        title.append("now: ", style="dim")
        title.append_text(show.speaker(row))
        fixed = (("Mark the speaker unknown", ("unknown", None)), ("Confirm it as it is (checked)", ("confirm", None)))
        chooser = Chooser(title, lambda query: fuzzy_names(query, people), fixed=fixed,
                          typed="Set the speaker to “{name}” (typed)")
        self.push_screen(chooser, lambda chosen: chosen and self.post_message(FixQuote(row["id"], *chosen)))

    def on_fix_quote(self, event: FixQuote) -> None:
        from store.db import StoreError
        from store.db.corrections import fix

        try:
            row = fix(self.store, event.quote_id, speaker=event.speaker if event.action == "speaker" else None,
                      unknown=event.action == "unknown", confirm=event.action == "confirm")
        except StoreError as e:
            self.say(str(e), error=True)
            return
        done = {"speaker": f"speaker set to {event.speaker}", "unknown": "marked unknown", "confirm": "confirmed"}
        self.edited(row, event.action, f"quote {event.quote_id} {done[event.action]}")

    def action_undo_fix(self) -> None:
        from store.db import StoreError
        from store.db.corrections import undo

        target = getattr(self.screen, "undo_target", None)
        quote_id = target() if target is not None else None
        if quote_id is None:
            row = self.selected_quote()
            quote_id = row["id"] if row else None
        if quote_id is None:
            self.say("Nothing to undo here: select a corrected quote.", error=True)
            return
        try:
            row = undo(self.store, quote_id)
        except StoreError as e:
            self.say(str(e), error=True)
            return
        if row is None:
            self.say(f"quote {quote_id} has no correction to undo", error=True)
            return
        self.edited(row, "undo", f"quote {quote_id}: last correction undone")

    def edited(self, row: dict, action: str, said: str) -> None:
        """After a write: every list read again (keeping its row), the screens above the
        main one told, and what was done said."""
        self.main.refresh_store()
        for screen in self.screen_stack:
            if not isinstance(screen, MainScreen):
                screen.post_message(QuoteFixed(row, action))
        self.say(said)

    def choose_merge(self, person: dict | None) -> None:
        """m on a person: choose, by typing, the person they are to join."""
        from tui.screens.chooser import Chooser

        if person is None:
            self.say("Select a person in the People pane first.", error=True)
            return
        name = person["name"]

        def others(query: str) -> list[str]:
            ids = filters.people_ids(self.store, query)[:40]
            return [r["name"] for r in reads.people_rows(self.store, ids) if r["name"] != name]

        title = Text(f"Merge “{name}” into…\n", style="bold")
        title.append("their quotes and mentions join the person you choose (undo: palette, Undo the last merge)",
                     style="dim")
        self.push_screen(Chooser(title, others, verb="person"),
                         lambda chosen: chosen and self.post_message(MergePerson(name, chosen[1])))

    def action_merge(self) -> None:
        self.action_show_pane("people")
        self.main.action_merge()

    def on_merge_person(self, event: MergePerson) -> None:
        from store.db import StoreError
        from store.db.merges import merge

        try:
            merge(self.store, event.name, event.into)
        except StoreError as e:
            self.say(str(e), error=True)
            return
        self.main.refresh_store()
        self.say(f"{event.name} merged into {event.into} (undo: palette, Undo the last merge)")

    def action_undo_merge(self) -> None:
        from store.db import StoreError
        from store.db.merges import merges, undo_merge

        try:
            made = merges(self.store)
            if not made:
                self.say("No merge to undo.", error=True)
                return
            undo_merge(self.store, made[0]["id"])
        except StoreError as e:
            self.say(str(e), error=True)
            return
        self.main.refresh_store()
        self.say(f"merge undone: {made[0]['name']} is a person of their own again")
