"""tui/bindings.py is the one list of keys: every class that answers to keys takes its
BINDINGS from it, no key is bound twice where both would be live, and every help line
and palette entry stands for a key that is really bound."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.actions import parse

import tui
from tui.app import BylineApp
from tui.bindings import (APP, ARTICLE, BY_ID, CHOOSER, COMMANDS, EXPORT, HELP, LIST, LIVE_TOGETHER, MAIN, PALETTE,
                          PERSON, READER, REVIEW, SEARCH, bindings, clashes, help_groups)
from tui.screens.chooser import Chooser
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.person import PersonScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.screens.review import ReviewScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.rowlist import RowList

SCOPES = {APP: BylineApp, MAIN: MainScreen, LIST: RowList, READER: ReaderScreen, ARTICLE: ArticleView,
          SEARCH: SearchScreen, HELP: HelpScreen, REVIEW: ReviewScreen, PERSON: PersonScreen, CHOOSER: Chooser,
          EXPORT: ExportScreen}


def bound_keys(where: str) -> list[str]:
    return [key for command in COMMANDS if command.where == where and command.bound for key in command.key_list]


def test_the_tests_import_the_real_tui_package():
    """Not tests/tui/ as a namespace package (see addopts in pyproject.toml)."""
    assert tui.__file__ and Path(tui.__file__).parent == Path(__file__).parents[2] / "tui"


def test_command_ids_are_unique_and_every_command_has_a_known_scope():
    ids = [command.id for command in COMMANDS]
    assert len(ids) == len(set(ids))
    assert {command.where for command in COMMANDS} <= set(SCOPES)


@pytest.mark.parametrize("where", list(SCOPES))
def test_each_class_takes_its_bindings_from_bindings_py(where):
    assert SCOPES[where].BINDINGS == bindings(where)


def test_no_binding_is_written_anywhere_else():
    root = Path(tui.__file__).parent
    others = [path.relative_to(root) for path in root.rglob("*.py")
              if path.name != "bindings.py" and "Binding(" in path.read_text(encoding="utf-8")]
    assert others == []


def test_no_key_is_bound_twice_where_both_would_be_live():
    assert {where for chain in LIVE_TOGETHER for where in chain} == set(SCOPES)
    assert clashes({}) == {}


def test_a_remap_onto_a_key_live_beside_it_clashes_and_a_swap_does_not():
    assert clashes({"app.check": "y"}) == {"y": ["app.copy", "app.check"]}
    assert clashes({"list.down": "f"}) == {"f": ["main.filter", "list.down"]}
    assert clashes({"reader.next": "f"}) == {}              # the reader has no f
    assert clashes({"app.copy": "c", "app.check": "y"}) == {}


def test_help_takes_only_the_app_keys_that_close_it():
    """The help screen is a modal over the app: its ? and q close it, on purpose."""
    keys = bound_keys(HELP)
    assert len(keys) == len(set(keys))
    assert set(keys) & set(bound_keys(APP)) == {"question_mark", "q"}


def test_every_help_line_is_a_bound_key():
    lines = [command for _, commands in help_groups() for command in commands]
    assert lines and all(command.keys for command in lines)
    for command in lines:
        if command.bound:
            assert command.binding() in SCOPES[command.where].BINDINGS, command
    # the keys listed but not bound: enter in the search box, which submits the box, and
    # / in the search results, which the screen takes before the app's / (open search)
    assert [command.id for command in lines if not command.bound] == ["search.open", "search.box", "person.open",
                                                                       "chooser.choose"]
    assert hasattr(SearchScreen, "submitted") and hasattr(SearchScreen, "on_key")


def test_every_palette_entry_names_a_bound_key_and_runs_an_app_action():
    assert len({entry.name for entry in PALETTE}) == len(PALETTE)
    for entry in PALETTE:
        _, action, _ = parse(entry.action)
        assert callable(getattr(BylineApp, f"action_{action}", None)), entry
        if entry.command is None:
            assert "{key}" not in entry.help, entry
            continue
        command = BY_ID[entry.command]
        assert command.bound and command.keys and command.binding() in SCOPES[command.where].BINDINGS, entry
    # the entries with no key: the palette is the way to undo a merge and to clear the person
    # filter from anywhere
    assert [entry.name for entry in PALETTE if entry.command is None] == ["Undo the last merge", "Clear person filter"]


def test_palette_help_names_the_key_as_help_does():
    entry = next(entry for entry in PALETTE if entry.command == "app.search")
    assert entry.help_text == "Fuzzy search across every sentence (/)"
    assert next(e for e in PALETTE if e.name == "Quit").help_text == "Leave byline (q)"
