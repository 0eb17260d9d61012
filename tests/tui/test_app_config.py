"""The user's own keys and theme in the running app (Pilot), read from a config.toml and a
state file in tmp_path as `byline` reads them (BYLINE_CONFIG)."""
from __future__ import annotations

import json

import pytest

from tests.tui.test_app import SIZE, settle, type_text
from tui import bindings, config
from tui.app import BylineApp
from tui.screens.check import CheckScreen
from tui.screens.help import HelpScreen


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    path = tmp_path / "settings" / "config.toml"
    path.parent.mkdir()
    monkeypatch.setenv("BYLINE_CONFIG", str(path))
    yield path
    bindings.use_keymap({})      # the keys in force are the process's: leave the defaults behind


async def test_a_remapped_key_does_its_command_and_the_old_key_no_longer_does(sample_db, config_file):
    written = '# mine\n[keys]\n"app.check" = "ctrl+k"\n"list.down" = "ctrl+n"\n'
    config_file.write_text(written, encoding="utf-8")
    app = BylineApp(str(sample_db), settings=config.load())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = app.current_list()
        assert rows.count > 2 and rows.cursor == 0
        await pilot.press("j")
        assert rows.cursor == 0
        await pilot.press("ctrl+n", "ctrl+n")
        assert rows.cursor == 2
        await pilot.press("c")
        assert not isinstance(app.screen, CheckScreen)
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, CheckScreen)
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table").content
        lines = {(str(key), str(text)) for key, text in zip(table.columns[0]._cells, table.columns[1]._cells)}
        assert ("ctrl+k", bindings.BY_ID["app.check"].help_text) in lines
        assert ("ctrl+n", "Down") in lines          # the list's; the reader's and help's stay j ↓
    check = next(entry for entry in bindings.PALETTE if entry.command == "app.check")
    assert check.help_text.endswith("(ctrl+k)")
    assert config_file.read_text(encoding="utf-8") == written


async def test_a_theme_chosen_in_the_palette_is_the_next_runs_theme(sample_db, config_file):
    first = BylineApp(str(sample_db), settings=config.load())
    async with first.run_test(size=SIZE) as pilot:
        await settle(first, pilot)
        default = first.theme
        assert default != "nord"
        await pilot.press("ctrl+p")
        await type_text(pilot, "theme")
        await pilot.press("enter")
        await type_text(pilot, "nord")
        await pilot.press("enter")
        await pilot.pause()
        assert first.theme == "nord"
    assert json.loads(config_file.with_name("state.json").read_text(encoding="utf-8")) == {"theme": "nord"}
    assert not config_file.exists()          # config.toml is the user's: byline never writes it

    second = BylineApp(str(sample_db), settings=config.load())
    async with second.run_test(size=SIZE) as pilot:
        await settle(second, pilot)
        assert second.theme == "nord"
