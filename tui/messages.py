"""Typed messages between byline's widgets, screens and the app.

Widgets say what happened by posting one of these; the screen or the app that owns the
state handles it (`on_<name>` handlers). Data goes down as attributes (the screen sets a
pane's person), news goes up as messages: no pane reaches into the app.

    PaneSelected   PaneStrip (a click on a pane name)   -> MainScreen shows the pane
    PersonChosen   PeoplePane (enter on a person)       -> MainScreen narrows Quotes and Figures
    OpenReader     a pane, MainScreen (r), SearchScreen -> the App opens the reader
    IdsLoaded      a pane's worker thread               -> that pane shows its new list
    StoreChanged   the App (its poll of the store)      -> MainScreen offers to refresh
    FixQuote       ReviewScreen, the App's chooser       -> the App corrects or confirms a quote
    QuoteFixed     the App, after a correction or undo  -> the screen shown moves on or redraws
    MergePerson    the App's merge chooser              -> the App merges one person into another
"""
from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


class PaneSelected(Message):
    """Show the pane called `name` ("people", "quotes", "figures", "articles")."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class PersonChosen(Message):
    """Narrow Quotes and Figures to `person` (a people row), sent by `pane`: the screen
    switches to Quotes only if that pane is still the one shown."""

    def __init__(self, pane: Widget, person: dict) -> None:
        super().__init__()
        self.pane = pane
        self.person = person

    @property
    def control(self) -> Widget:
        return self.pane


class OpenReader(Message):
    """Read the article behind `row`: `kind` is the pane it came from ("people",
    "quotes", "figures", "articles") or "hit" for a search result."""

    def __init__(self, kind: str, row: dict) -> None:
        super().__init__()
        self.kind = kind
        self.row = row


class IdsLoaded(Message, bubble=False):
    """A pane's ids, resolved in a worker thread for its reload number `generation`
    (older ones are dropped); the cursor stays on the row with id `keep`."""

    def __init__(self, generation: int, ids: list[int], keep: int | None) -> None:
        super().__init__()
        self.generation = generation
        self.ids = ids
        self.keep = keep


class StoreChanged(Message, bubble=False):
    """Another process (`byline add`) has written to the store since the lists were read:
    `added` more articles (0 when some were replaced or deleted)."""

    def __init__(self, added: int) -> None:
        super().__init__()
        self.added = added


class FixQuote(Message):
    """Correct quote `quote_id`: `action` is "speaker" (then `speaker` names who said it),
    "unknown" or "confirm" (as Store.corrections.fix takes them)."""

    def __init__(self, quote_id: int, action: str, speaker: str | None = None) -> None:
        super().__init__()
        self.quote_id = quote_id
        self.action = action
        self.speaker = speaker


class QuoteFixed(Message, bubble=False):
    """Quote `row` (the row after) was corrected (`action` as in FixQuote) or had its
    last correction undone (`action` "undo")."""

    def __init__(self, row: dict, action: str) -> None:
        super().__init__()
        self.row = row
        self.action = action


class MergePerson(Message):
    """Person `name` joins person `into` (both names as the People list shows them)."""

    def __init__(self, name: str, into: str) -> None:
        super().__init__()
        self.name = name
        self.into = into
