"""`byline config` and config.toml mistakes, through the real entry point (the run fixture
points BYLINE_CONFIG at tmp_path/config.toml)."""
from __future__ import annotations

import pytest

from tui.bindings import COMMANDS


def test_config_path_prints_byline_config_else_the_user_config_folder(run, tmp_path, monkeypatch):
    result = run("config", "path")
    assert result.exit_code == 0 and result.output == f"{tmp_path / 'config.toml'}\n"
    monkeypatch.delenv("BYLINE_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))     # where platformdirs looks on Linux
    result = run("config", "path")
    assert result.output == f"{tmp_path / 'xdg' / 'byline' / 'config.toml'}\n"


def test_config_keys_lists_every_command_id_with_the_keys_in_force(run, tmp_path):
    listed = run("config", "keys").output.splitlines()
    assert [line.split()[0] for line in listed] == [c.id for c in COMMANDS if c.bound]
    assert listed[1].split()[:2] == ["app.copy", "y"]
    (tmp_path / "config.toml").write_text('[keys]\n"app.copy" = "ctrl+y"\n', encoding="utf-8")
    remapped = run("config", "keys").output.splitlines()
    assert remapped[1].split()[:2] == ["app.copy", "ctrl+y"] and remapped[1].endswith("(default y)")


BAD = [
    ('# mine\n\n[keys]\n"app.cpy" = "y"\n', 'line 4: unknown command "app.cpy"'),
    ('[keys]\n"app.copy" = "ctrl+yy"\n', 'line 2: "ctrl+yy" is not a key name'),
    ('[keys]\n"app.copy" = ""\n', 'line 2: "app.copy" needs its keys as a string'),
    ('[keys]\n"app.copy" = "c"\n', 'line 2: key "c" of "app.copy" is also "app.check"\'s where both would be live'),
    ('[keys]\n"list.down" = "f"\n', 'line 2: key "f" of "list.down" is also "main.filter"\'s'),
    ('[keys]\napp.copy = "y"\n', 'line 2: put the command id in quotes: "app.copy" = "keys"'),
    ('[keys]\n"app.copy" = "y,ctrl+q"\n', 'line 2: "ctrl+q" is Textual\'s own (it quits the app)'),
    ('[keys]\n"search.open" = "o"\n', 'line 2: "search.open" is handled by the widget itself'),
    ('theme = "nord"\n', 'line 1: unknown setting "theme"'),
    ('[keys]\n"app.copy" = "y"\n"app.copy" = "Y"\n', "line 3: not valid TOML"),
]


@pytest.mark.parametrize("written, said", BAD, ids=[said.split(": ")[1][:30] for _, said in BAD])
def test_a_bad_config_line_is_one_line_naming_it_before_the_app_opens(run, tmp_path, written, said):
    (tmp_path / "config.toml").write_text(written, encoding="utf-8")
    result = run()
    assert result.exit_code == 1
    assert result.output.startswith(f"byline: error: {tmp_path / 'config.toml'} {said}")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "default.db").exists()       # stopped before the store was even made
    assert run("config", "keys").output == result.output


def test_the_keys_textual_keeps_for_itself_are_its_apps_bindings():
    from textual.app import App

    from tui.config import TEXTUAL_KEYS
    assert sorted(TEXTUAL_KEYS) == sorted(binding.key for binding in App.BINDINGS)


def test_a_swap_of_two_keys_is_no_clash(run, tmp_path):
    (tmp_path / "config.toml").write_text('[keys]\n"app.copy" = "c"\n"app.check" = "y"\n', encoding="utf-8")
    listed = dict(line.split()[:2] for line in run("config", "keys").output.splitlines())
    assert listed["app.copy"] == "c" and listed["app.check"] == "y"
