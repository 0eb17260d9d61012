"""Every key byline answers to, written down once, as data.

Each `Command` says its key(s), the action it runs, its footer label, its help text and
where it applies (a scope: the app, the main screen, a list, the reader...). The
screens and widgets build their BINDINGS from it (`bindings("main")`), the help screen
lists it by `HELP_GROUPS`, and the command palette offers `PALETTE`, whose entries name
the command whose key they mention. Adding a key means one `Command` here (and, if the
palette should offer it, one `PaletteEntry`); `tests/tui/test_bindings.py` fails if a
key is bound twice where it would clash or an entry names no bound command.

The user's config.toml may give a command other keys (tui/config.py reads it): `use_keymap`
records them here, so `Command.keys`, help and the palette show them, and the app hands the
same map to Textual's keymap, which rebinds by the bindings' ids.

This module imports nothing of byline's, so every screen can read it without a cycle.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding

# where a command applies: the class whose BINDINGS it joins (see SCOPES in the tests)
APP, MAIN, LIST, READER, ARTICLE, SEARCH, HELP = "app", "main", "list", "reader", "article", "search", "help"
REVIEW, PERSON, CHOOSER = "review", "person", "chooser"
EXPORT = "export"

# scopes whose keys are live at the same time: the focused widget's, the screen's, the app's
# (help is a modal: only its own keys are live)
LIVE_TOGETHER = ((APP, MAIN, LIST), (APP, READER, ARTICLE), (APP, SEARCH), (APP, REVIEW), (APP, PERSON), (APP, CHOOSER),
                 (APP, EXPORT), (HELP,))

_remapped: dict[str, str] = {}      # command id -> keys, from the user's config (use_keymap)


def use_keymap(keymap: Mapping[str, str]) -> None:
    """Make `keymap` (command id -> Textual key list) the user's keys, replacing any before."""
    _remapped.clear()
    _remapped.update(keymap)


def keymap() -> dict[str, str]:
    """The user's keys in force: what the app gives Textual's `App.set_keymap`."""
    return dict(_remapped)


@dataclass(frozen=True)
class Command:
    """One key binding. `default_keys` is Textual's comma-separated key list (`keys`: the
    user's, when their config remaps it); `tooltip` is the help screen's text (the footer
    `description` when empty). `bound=False` lists a key the widget handles itself (enter
    in the search box) on the help screen only."""

    id: str
    default_keys: str
    action: str
    description: str
    where: str
    show: bool = True
    tooltip: str = ""
    bound: bool = True

    def binding(self) -> Binding:
        # the defaults: a remap reaches the app through Textual's keymap, by id
        return Binding(self.default_keys, self.action, self.description, show=self.show,
                       tooltip=self.tooltip, id=self.id)

    @property
    def keys(self) -> str:
        return _remapped.get(self.id, self.default_keys)

    @property
    def help_text(self) -> str:
        return self.tooltip or self.description

    @property
    def key_list(self) -> list[str]:
        return self.keys.split(",") if self.keys else []


COMMANDS: tuple[Command, ...] = (
    # everywhere (the App)
    Command("app.search", "slash", "search", "Search", APP,
            tooltip="Fuzzy search across every sentence of every article"),
    Command("app.copy", "y", "copy('plain')", "Copy quote", APP,
            tooltip="Copy the selection with its citation: a quote; a figure with its sentence; "
                    "in the reader, what is highlighted (else the sentence at the top)"),
    Command("app.copy_markdown", "Y", "copy('markdown')", "Copy as Markdown", APP, show=False,
            tooltip="Copy the selection as a Markdown blockquote with its citation"),
    Command("app.check", "c", "check", "Check quote", APP, show=False,
            tooltip="Check a quote as you remember it: the closest real quotes, with a word diff"),
    Command("app.open", "o", "open_link", "Open link", APP, show=False,
            tooltip="Open the selected article's web page (or its file) with the system's opener"),
    Command("app.help", "question_mark", "help", "Help", APP),
    Command("app.quit", "q", "quit", "Quit", APP),
    Command("app.palette", "ctrl+p", "command_palette", "Commands", APP, show=False,
            tooltip="Command palette: every action, jump to a person or an article"),
    Command("app.refresh", "R", "refresh_store", "Refresh", APP,
            tooltip="Show what byline add wrote meanwhile, keeping the selection"),
    Command("app.correct", "e", "correct", "Correct", APP,
            tooltip="Correct the selected quote: set its speaker (the article's people, or type a name), "
                    "mark it unknown, or confirm it as checked"),
    Command("app.undo_fix", "u", "undo_fix", "Undo fix", APP, show=False,
            tooltip="Undo the last correction of the selected quote (in review: the last one made there)"),
    Command("app.review", "v", "review", "Review", APP, show=False,
            tooltip="Review mode: the unchecked attributions, lowest confidence first"),
    # the main screen's panes
    Command("pane.people", "1", "pane('people')", "People", MAIN, show=False),
    Command("pane.quotes", "2", "pane('quotes')", "Quotes", MAIN, show=False),
    Command("pane.figures", "3", "pane('figures')", "Figures", MAIN, show=False),
    Command("pane.articles", "4", "pane('articles')", "Articles", MAIN, show=False),
    Command("pane.next", "tab", "cycle(1)", "Next pane", MAIN, show=False),
    Command("pane.previous", "shift+tab", "cycle(-1)", "Previous pane", MAIN, show=False),
    Command("main.filter", "f", "filter", "Filter", MAIN,
            tooltip="Narrow this list by typing (the box says what it matches; a typo finds close spellings)"),
    Command("main.read", "r", "read", "Read", MAIN,
            tooltip="Read the article at the selection (a person: their mentions)"),
    Command("figures.sort", "s", "sort(False)", "Sort", MAIN,
            tooltip="Figures: sort by the next column (by value: within each unit, no currency converted); "
                    "Quotes: by date, newest first, with date and outlet columns; again: back to article order"),
    Command("figures.reverse", "S", "sort(True)", "Reverse sort", MAIN, show=False,
            tooltip="Figures: reverse the sort; Quotes: by date, oldest first"),
    Command("people.page", "p", "person_page", "Person page", MAIN, show=False,
            tooltip="A person's page: their quotes by article, newest first, and quotes per month "
                    "(the selected person, the person shown, or the selected quote's speaker)"),
    Command("people.merge", "m", "merge", "Merge person", MAIN, show=False,
            tooltip="People: merge the selected person into another (choose by typing; undo from the palette)"),
    Command("detail.down", "J,shift+down", "detail(1)", "Detail down", MAIN, show=False,
            tooltip="Scroll the detail pane down (the mouse wheel over it scrolls it too)"),
    Command("detail.up", "K,shift+up", "detail(-1)", "Detail up", MAIN, show=False,
            tooltip="Scroll the detail pane up"),
    Command("main.export", "x", "app.export", "Export", MAIN, show=False,
            tooltip="Export this list as shown (filter, person) to a file: JSON Lines, CSV or Markdown"),
    Command("main.back", "escape", "back", "Back", MAIN, show=False,
            tooltip="Leave the filter box, then clear it, then the person filter"),
    # a pane's list of rows (RowList)
    Command("list.down", "j,down", "move(1)", "Down", LIST, show=False),
    Command("list.up", "k,up", "move(-1)", "Up", LIST, show=False),
    Command("list.page_down", "pagedown,ctrl+d", "page(1)", "Page down", LIST, show=False),
    Command("list.page_up", "pageup,ctrl+u", "page(-1)", "Page up", LIST, show=False),
    Command("list.top", "g,home", "first", "Top", LIST, show=False),
    Command("list.bottom", "G,end", "last", "Bottom", LIST, show=False),
    Command("list.open", "enter", "choose", "Open", LIST,
            tooltip="Open: a person shows their quotes and figures; anything else opens the reader"),
    # the reader screen, and the article text in it (ArticleView)
    Command("reader.next", "n", "step(1)", "Next", READER, tooltip="Next highlight"),
    Command("reader.previous", "N", "step(-1)", "Previous", READER, tooltip="Previous highlight"),
    Command("reader.back", "escape", "app.pop_screen", "Back", READER),
    Command("reader.down", "j,down", "scroll_down", "Down", ARTICLE, show=False),
    Command("reader.up", "k,up", "scroll_up", "Up", ARTICLE, show=False),
    Command("reader.page_down", "pagedown,space", "page_down", "Page down", ARTICLE, show=False),
    Command("reader.page_up", "pageup", "page_up", "Page up", ARTICLE, show=False),
    Command("reader.top", "g,home", "scroll_home", "Top", ARTICLE, show=False),
    Command("reader.bottom", "G,end", "scroll_end", "Bottom", ARTICLE, show=False),
    # the search screen
    Command("search.back", "escape", "app.pop_screen", "Back", SEARCH),
    Command("search.results", "down", "results", "Results", SEARCH, show=False,
            tooltip="From the box into the results; past the last result, more load"),
    Command("search.open", "enter", "", "Open the result in the reader", SEARCH, bound=False),
    Command("search.box", "slash", "", "Back to the search box (from the results)", SEARCH, bound=False),
    # review mode (e and u, the app's keys, correct and undo there too)
    Command("review.confirm", "a", "confirm", "Confirm", REVIEW, tooltip="Confirm the speaker as checked"),
    Command("review.unknown", "x", "unknown", "Unknown", REVIEW, tooltip="Mark the speaker unknown"),
    Command("review.skip", "s,space", "skip", "Skip", REVIEW, tooltip="Leave this one unchecked, go to the next"),
    Command("review.back", "escape", "app.pop_screen", "Back", REVIEW),
    # a person's page
    Command("person.back", "escape", "app.pop_screen", "Back", PERSON),
    Command("person.open", "enter", "", "Read the quote in its article", PERSON, bound=False),
    # the chooser (correct a speaker, merge a person): a box to type in over a list
    Command("chooser.cancel", "escape", "cancel", "Cancel", CHOOSER),
    Command("chooser.down", "down", "move(1)", "Down", CHOOSER, show=False),
    Command("chooser.up", "up", "move(-1)", "Up", CHOOSER, show=False),
    Command("chooser.choose", "enter", "", "Choose the highlighted line", CHOOSER, bound=False),
    # the help screen (a modal: its ? and q close it rather than reach the app's)
    Command("help.close", "escape,question_mark,q", "app.pop_screen", "Close", HELP),
    Command("help.down", "j,down", "scroll(1)", "Down", HELP, show=False),
    Command("help.up", "k,up", "scroll(-1)", "Up", HELP, show=False),
    Command("help.top", "g,home", "top", "Top", HELP, show=False),
    Command("help.bottom", "G,end", "bottom", "Bottom", HELP, show=False),
    # the export format picker (a modal; its list takes ↑ ↓ enter itself)
    Command("export.cancel", "escape", "dismiss", "Cancel", EXPORT),
)

BY_ID = {command.id: command for command in COMMANDS}


def clashes(keymap: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Each key bound to more than one command where both would be live, with the ids of
    those commands, once `keymap` (default: the keys in force) is applied."""
    keymap = _remapped if keymap is None else keymap
    found: dict[str, list[str]] = {}
    for chain in LIVE_TOGETHER:
        owners: dict[str, list[str]] = {}
        for command in COMMANDS:
            if command.where in chain and command.bound:
                for key in keymap.get(command.id, command.default_keys).split(","):
                    owners.setdefault(key, []).append(command.id)
        for key, ids in owners.items():
            if len(ids) > 1:
                found.setdefault(key, [])
                found[key] += [i for i in ids if i not in found[key]]
    return found


def bindings(where: str) -> list[Binding]:
    """The BINDINGS of the class that `where` names, in the order written above."""
    return [command.binding() for command in COMMANDS if command.where == where and command.bound]


# ---- the help screen ---------------------------------------------------------------

HELP_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", (APP,)),
    ("Panes", (MAIN,)),
    ("Lists", (LIST,)),
    ("Reader", (READER, ARTICLE)),
    ("Search", (SEARCH,)),
    ("Review", (REVIEW,)),
    ("Person page", (PERSON,)),
    ("Chooser", (CHOOSER,)),
    ("Help", (HELP,)),
    ("Export", (EXPORT,)),
)

KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup",
             "shift+tab": "shift+tab", "down": "↓", "up": "↑"}


def key_label(keys: str) -> str:
    """Keys as the help screen writes them: "j,down" -> "j ↓"."""
    return " ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def help_groups(first: tuple[str, ...] = ()) -> list[tuple[str, list[Command]]]:
    """The help screen's sections: a title and its commands, in binding order; the
    sections titled in `first` (the keys of the screen help was opened on) come first."""
    groups = [(title, [c for where in scopes for c in COMMANDS if c.where == where])
              for title, scopes in HELP_GROUPS]
    return sorted(groups, key=lambda group: first.index(group[0]) if group[0] in first else len(first))


# ---- the command palette -------------------------------------------------------------

@dataclass(frozen=True)
class PaletteEntry:
    """A palette line: `action` is the App's action it runs (from any screen); `command`
    the id of the Command whose key `help` names as {key} (None: the palette alone does it)."""

    name: str
    help: str
    action: str
    command: str | None

    @property
    def help_text(self) -> str:
        if self.command is None:
            return self.help
        return self.help.format(key=key_label(BY_ID[self.command].keys))


PALETTE: tuple[PaletteEntry, ...] = tuple(
    [PaletteEntry(f"Show {p}", f"Switch to the {p} pane", f"show_pane('{p}')", f"pane.{p}")
     for p in ("people", "quotes", "figures", "articles")] + [
        PaletteEntry("Search article text", "Fuzzy search across every sentence ({key})", "search", "app.search"),
        PaletteEntry("Check a quote", "Paste a quote as you remember it: the closest real ones, with a diff ({key})",
                     "check", "app.check"),
        PaletteEntry("Copy quote with citation", "Copy the selected quote, plain style ({key})",
                     "copy('plain')", "app.copy"),
        PaletteEntry("Copy quote as Markdown", "Copy the selected quote as a Markdown blockquote ({key})",
                     "copy('markdown')", "app.copy_markdown"),
        PaletteEntry("Copy with an AP-style citation", "Copy the selection, cited as AP writes it ({key} copies plain)",
                     "copy('ap')", "app.copy"),
        *[PaletteEntry(f"Export this list as {name}", f"Save the list as shown to a {name} file ({{key}} asks)",
                       f"export_list('{fmt}')", "main.export")
          for fmt, name in (("csv", "CSV"), ("jsonl", "JSON Lines"), ("markdown", "Markdown"))],
        PaletteEntry("Open the article's web page", "The selected article's address, or its file, "
                     "with the system's opener ({key})", "open_link", "app.open"),
        PaletteEntry("Filter this list", "Narrow the current list by typing ({key})", "filter", "main.filter"),
        PaletteEntry("Read the selected item", "Open the article at the selection ({key})", "read", "main.read"),
        PaletteEntry("Sort figures", "Cycle the figures sort column ({key})", "sort(False)", "figures.sort"),
        PaletteEntry("Reverse figures sort", "Flip the figures sort order ({key})", "sort(True)", "figures.reverse"),
        PaletteEntry("Review attributions", "The unchecked attributions, lowest confidence first ({key})",
                     "review", "app.review"),
        PaletteEntry("Correct the selected quote", "Set its speaker, mark it unknown or confirm it ({key})",
                     "correct", "app.correct"),
        PaletteEntry("Undo the quote's last correction", "The selected quote as it was before ({key})",
                     "undo_fix", "app.undo_fix"),
        PaletteEntry("Person page", "The selected person's quotes by article and per month ({key})",
                     "person_page", "people.page"),
        PaletteEntry("Merge person", "Merge the selected person into another ({key})", "merge", "people.merge"),
        PaletteEntry("Undo the last merge", "Split the last merged person off again", "undo_merge", None),
        PaletteEntry("Clear person filter", "Show every quote and figure again", "clear_person", None),
        PaletteEntry("Help", "Every key binding ({key})", "help", "app.help"),
        PaletteEntry("Quit", "Leave byline ({key})", "quit", "app.quit"),
    ])
