"""byline's Textual app: the store, the screen stack, workers and the clipboard.

The screens and widgets live in tui/screens and tui/widgets, the keys in tui/bindings.py,
corrections and merges (the journalist's desk) in tui/desk.py,
the palette in tui/commands.py and the messages they send in tui/messages.py. Every
string taken from the store is drawn through rich.text.Text built from plain strings, so
markup or escape codes in an article show literally.
"""
from __future__ import annotations

import gc
import sqlite3
import threading
from concurrent.futures import Future
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input

from store.db import filters, labels, reads
from tui.bindings import APP, bindings, use_keymap
from tui.commands import BylineCommands
from tui.desk import Desk
from tui.config import Settings
from tui.messages import OpenReader, StoreChanged
from tui.screens.main import MainScreen
from tui.widgets import show
from tui.widgets.rowlist import RowList


class BylineApp(Desk, App):
    CSS_PATH = "byline.tcss"
    TITLE = "byline"
    COMMANDS = App.COMMANDS | {BylineCommands}
    BINDINGS = bindings(APP)
    POLL_SECONDS = 1.0          # how often the store is asked whether another process wrote to it

    def __init__(self, db_path: str | Path, first_ids: Future | None = None, settings: Settings | None = None) -> None:
        super().__init__()
        from store.db import open_store

        # the user's keys (help and the palette read them from tui/bindings.py) and theme
        self.settings = settings or Settings()
        use_keymap(self.settings.keymap)
        self.set_keymap(self.settings.keymap)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

        self.store = open_store(db_path)
        self.store_path = str(self.store.path)
        self.search_lock = threading.Lock()
        self._search_conn: sqlite3.Connection | None = None
        # the People list's ids, resolved in a thread while Textual starts up, so the
        # first screen can show rows at once (the command line starts this even sooner)
        self._first_ids = first_ids or reads.ids_in_background(self.store_path, filters.people_ids)
        # what the lists were read from: a commit by another connection moves the data
        # version, and the articles' mark says whether it added or replaced any
        self._data_version = self._store_version()
        self._articles_mark = self._seen_mark = self._store_mark()
        self.store_changed = False
        self._copies = 0                # copies asked for (y); the clipboard gets only the newest
        self._copy_lock = threading.Lock()
        self.last_said = ""         # the last thing say() put in the status line (tests read it)

    # ---- keys typed faster than focus moves --------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            event._sent_to = self.focused       # where Textual is about to send it
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key comes back unhandled from the widget it was sent to, and meanwhile a key
        before it moved the focus to a text box (`f` then "obama" in one burst, as a fast
        typist or a paste sends them): it was meant for the box, not the list's keys."""
        sent_to = getattr(event, "_sent_to", None)
        box = self.focused
        if sent_to is not None and sent_to is not box and isinstance(box, Input) and (
                event.is_printable or event.key == "backspace"):
            event.prevent_default()             # (App's own handler would check bindings)
            box.post_message(events.Key(event.key, event.character))

    def get_default_screen(self) -> MainScreen:
        first_ids, self._first_ids = self._first_ids, None
        return MainScreen(first_ids)

    def on_mount(self) -> None:
        self.set_interval(self.POLL_SECONDS, self.check_store, name="store poll")

    def watch_theme(self, name: str) -> None:
        """A theme chosen in the palette ("Theme") is the next run's too."""
        self.settings.remember_theme(name)

    def on_ready(self) -> None:
        # `byline` starts with the collector off (see tui/cli.py); what start-up built is
        # long-lived, so it is frozen out of every later collection rather than scanned
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        if self.store.read_only:        # said once: browsing works, adding does not
            self.notify(f"Read-only store ({self.store.read_only_reason}): browsing only.",
                        title="read-only", markup=False, timeout=10)

    # ---- navigation ----------------------------------------------------------------

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    @property
    def person(self) -> dict | None:
        """The person Quotes and Figures are narrowed to (the main screen keeps it)."""
        return self.main.person

    def current_list(self) -> RowList:
        return self.main.pane.rows

    def action_show_pane(self, name: str) -> None:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        self.main.action_pane(name)

    def choose_person(self, row: dict | None, switch: bool = True) -> None:
        """Narrow Quotes and Figures to a person (None: everyone) and show their quotes."""
        if row and switch:
            while not isinstance(self.screen, MainScreen):
                self.pop_screen()
        self.main.choose_person(row, switch)

    def action_clear_person(self) -> None:
        self.choose_person(None, switch=False)

    def on_open_reader(self, event: OpenReader) -> None:
        self.open_reader(event.kind, event.row)

    def open_reader(self, kind: str, row: dict) -> None:
        from tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen.for_item(self.store, kind, row, self.person))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_check(self) -> None:
        from tui.screens.check import CheckScreen

        if not isinstance(self.screen, CheckScreen):
            self.push_screen(CheckScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_filter(self) -> None:
        self.action_show_pane(self.main.pane.name)
        self.main.action_filter()

    def action_read(self) -> None:
        self.action_show_pane(self.main.pane.name)
        self.main.action_read()

    def action_sort(self, reverse: bool) -> None:
        self.action_show_pane("figures")
        self.main.action_sort(reverse)

    def open_person_page(self, person: dict | None) -> None:
        from tui.screens.person import PersonScreen

        if person is None:
            self.say("Select a person first (People pane, or a quote with a speaker).", error=True)
            return
        self.push_screen(PersonScreen(person))

    def action_person_page(self) -> None:
        self.action_show_pane(self.main.pane.name)
        self.main.action_person_page()

    def action_review(self) -> None:
        from tui.screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())

    # ---- live use: another process writing to the store ---------------------------

    def _store_version(self) -> int | None:
        try:
            return self.store.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None

    def _store_mark(self) -> tuple[int, int] | None:
        """The articles' highest id and count: what a write by `byline add` changes (and the
        app's own saving of the search vocabulary does not)."""
        try:
            return tuple(self.store.conn.execute("SELECT coalesce(max(id), 0), count(*) FROM articles").fetchone())
        except sqlite3.Error:
            return None

    def check_store(self) -> None:
        """Poll (a microsecond when nothing changed): once another process has added or
        replaced articles, the main screen offers to refresh, and keeps count until then."""
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:                    # starting or closing
            return
        version = self._store_version()
        if version is None or version == self._data_version:
            return
        self._data_version = version
        mark = self._store_mark()
        if mark is None or mark == self._seen_mark:
            return
        self._seen_mark = mark
        if mark == self._articles_mark:
            return
        self.store_changed = True
        added = max(0, mark[1] - self._articles_mark[1]) if self._articles_mark else 0
        main.post_message(StoreChanged(added))
        self.refresh_bindings()

    def action_refresh_store(self) -> None:
        """Read the lists again, each keeping the row it had selected."""
        self.store_changed = False
        self._data_version = self._store_version()
        self._articles_mark = self._seen_mark = self._store_mark()
        self.main.refresh_store()
        self.refresh_bindings()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "refresh_store":
            return self.store_changed       # in the footer only when there is something new
        return True

    # ---- copying -------------------------------------------------------------------

    def selected_quote(self) -> dict | None:
        """The quote under the cursor, as the screen shown says: in the reader, the one at
        the current highlight; on the main screen, the Quotes pane's row."""
        pick = getattr(self.screen, "selected_quote", None)
        return pick() if pick is not None else None

    def action_copy(self, style: str) -> None:
        """y (plain), Y (markdown), the palette (ap): what the screen shown has selected, with
        its citation (a quote; a figure with its sentence; in the reader, a sentence)."""
        pick = getattr(self.screen, "copy_item", None)
        item = pick(style) if pick is not None else None
        if item is None:
            self.notify("Nothing to copy here: select a quote or a figure, or open an article in the reader.",
                        severity="warning", markup=False)
            return
        text, label = item
        self.copy_to_clipboard(text)        # OSC 52: the terminal may take it; nobody can tell
        self._copies += 1
        self.run_worker(partial(self._deliver, self._copies, text, label), thread=True, group="clipboard")

    def _deliver(self, copy: int, text: str, label: str) -> None:
        """In a thread: hand the text to a clipboard tool or the clipboard file, one copy at
        a time; a copy overtaken by a newer one is dropped, so the newest always lands last."""
        with self._copy_lock:
            if copy != self._copies:
                return
            where = show.deliver(text)
        self.from_worker(self.say, f"{label} {where}")

    # ---- exporting -----------------------------------------------------------------

    def action_export(self) -> None:
        """e: ask for a format, then export what the current pane lists."""
        from tui.screens.export import ExportScreen

        self.action_show_pane(self.main.pane.name)
        pane = self.main.pane
        if pane.built and not pane.rows.pending:
            self.push_screen(ExportScreen(pane.name, pane.rows.count), self.action_export_list)

    def action_export_list(self, fmt: str | None) -> None:
        """Export the current pane's rows (its filter and person as shown) to a new file
        under the data folder, in a worker; the status says where."""
        from datetime import datetime

        from store import export
        from store.db import data_folder

        pane = self.main.pane
        if fmt is None or not pane.built or pane.rows.pending:
            return
        what, ids, path_to_store = pane.name, list(pane.rows.ids), self.store_path
        style = "markdown" if fmt == "markdown" else "plain"
        path = export.export_path(data_folder() / "exports", what, fmt, datetime.now().strftime("%Y%m%d-%H%M%S"))

        def work() -> None:
            conn = reads.connect(path_to_store)
            try:
                n = export.to_file(path, fmt, what, export.records(conn, what, ids, style))
                self.from_worker(self.say, f"Exported {n:,} {what} to {path}")
            except OSError as e:
                self.from_worker(self.say, f"Cannot export to {path}: {e.strerror or e}", "error")
            finally:
                conn.close()

        self.run_worker(work, thread=True, group="export")

    def say(self, message: str, error: bool = False) -> None:
        """Where a copy, an export or a correction went, or why it could not: on the status
        line of the screen shown where it has one, else as a notification. Plain text."""
        self.last_said = message
        status = getattr(self.screen, "show_status", None)
        if status is not None:
            status(message, error)
        else:
            self.notify(message, severity="error" if error else "information", markup=False, timeout=10)

    # ---- o: the article's web page -------------------------------------------------

    def action_open_link(self) -> None:
        from tui import opener

        pick = getattr(self.screen, "selected_article_id", None)
        article_id = pick() if pick is not None else None
        rows = reads.articles_rows(self.store, [article_id]) if article_id is not None else []
        if not rows:
            self.notify("Select a quote, figure, article or result first: its article is what opens.",
                        severity="warning", markup=False)
            return
        what, why_not = opener.target(rows[0])
        if what is None:
            self.notify(f"Nothing to open: {labels.one_line(why_not)}", severity="warning", markup=False)
            return
        self.run_worker(lambda: self.from_worker(self.opened, what, opener.system_open(what)),
                        thread=True, group="opener")

    def opened(self, what: str, failed: str | None) -> None:
        shown = show.clip(what, 80)
        if failed:
            self.notify(f"Could not open {shown}: {labels.one_line(failed)}", severity="error", markup=False)
        else:
            self.notify(f"Opened {shown}", markup=False)

    def from_worker(self, callback, *args) -> None:
        """Hand a worker thread's result to the app; dropped if the app has closed meanwhile."""
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            pass

    # ---- search (used by the search screen) ------------------------------------------

    def search_conn(self) -> sqlite3.Connection:
        if self._search_conn is None:
            self._search_conn = reads.connect(self.store_path)
        return self._search_conn

    def on_unmount(self) -> None:
        if self._search_conn is not None:
            self._search_conn.interrupt()
        self.store.close()


def run_app(db_path: str, first_ids: Future | None = None, headless: bool = False,
            settings: Settings | None = None) -> None:
    app = BylineApp(db_path, first_ids, settings)
    app.run(headless=headless)
    if app.return_code:                  # Textual has printed the error; the shell must see it
        raise SystemExit(app.return_code)
