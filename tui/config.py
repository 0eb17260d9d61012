"""The user's own settings: keys remapped in config.toml, and the theme last chosen.

config.toml lives in the user config folder (`$BYLINE_CONFIG` names another file) and
byline only reads it, so the user's comments stay theirs:

    [keys]
    "app.copy" = "ctrl+y"          # a command id (`byline config keys`) = Textual key names
    "list.down" = "j,down,ctrl+n"

The theme picked in the palette is remembered in state.json beside it, which byline writes.
A mistake in config.toml is a `ConfigError` naming the file and line, raised before the app
opens.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.keys import Keys, _normalize_key_list, key_to_character

from tui.bindings import BY_ID, clashes, key_label

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
# keys Textual's App binds itself, ahead of any other (not imported here: it loads the app)
TEXTUAL_KEYS = ("ctrl+q", "ctrl+c")
NAMED_KEYS = {key.value for key in Keys}


class ConfigError(Exception):
    """A line of config.toml byline cannot use; the message names the file and the line."""


def config_path() -> Path:
    named = os.environ.get("BYLINE_CONFIG")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("byline")) / "config.toml"


@dataclass
class Settings:
    """What the app takes from the user: their keys (command id -> Textual key list) and
    the theme they chose last; `state` is the file the choice is remembered in (None: not
    remembered, as in tests that make an app without settings)."""

    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    state: Path | None = None

    def remember_theme(self, name: str) -> None:
        if self.state is None or name == self.theme:
            return
        self.theme = name
        try:
            self.state.parent.mkdir(parents=True, exist_ok=True)
            self.state.write_text(json.dumps({"theme": name}) + "\n", encoding="utf-8")
        except OSError:
            pass        # a theme not remembered is no reason to stop the app


def load(path: Path | None = None) -> Settings:
    """The settings in config.toml (none when there is no such file) and state.json beside it."""
    path = path or config_path()
    state = path.with_name("state.json")
    return Settings(read_keymap(path), _saved_theme(state), state)


def read_keymap(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot be read ({e})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:        # its message ends "(at line 3, column 7)"
        at = re.search(r"\s*\(at line (\d+), column \d+\)$", str(e))
        line = f"{path} line {at.group(1)}" if at else str(path)
        raise ConfigError(f"{line}: not valid TOML: {str(e)[:at.start()] if at else e}") from None
    where = Lines(path, text)
    for section in data:
        if section != "keys":
            raise ConfigError(f'{where.of(section)}: unknown setting "{section}" (byline reads a [keys] table)')
    table = data.get("keys", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where.of('keys')}: keys must be a table: [keys] then \"command.id\" = \"key\" lines")
    keymap = {command_id: _keys(where.of(command_id, "keys"), command_id, value)
              for command_id, value in table.items()}
    for key, ids in clashes(keymap).items():
        mine = next(i for i in ids if i in keymap)
        others = ", ".join(f'"{i}"' for i in ids if i != mine)
        raise ConfigError(f'{where.of(mine, "keys")}: key "{key_label(key)}" of "{mine}" is also {others}\'s '
                          "where both would be live")
    return keymap


def _keys(line: str, command_id: str, value) -> str:
    """The value of one [keys] line as Textual's normalised key list, or a ConfigError."""
    command = BY_ID.get(command_id)
    if command is None and not isinstance(value, dict):
        raise ConfigError(f'{line}: unknown command "{command_id}" (`byline config keys` lists them)')
    if isinstance(value, dict):         # `app.copy = "y"`: TOML reads a bare dotted name as tables
        raise ConfigError(f'{line}: put the command id in quotes: "{command_id}.{next(iter(value), "")}" = "keys"')
    if not command.bound:
        raise ConfigError(f'{line}: "{command_id}" is handled by the widget itself and cannot be remapped')
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f'{line}: "{command_id}" needs its keys as a string, such as "ctrl+y" or "j,down"')
    # the normalising Textual's set_keymap applies ("?" -> "question_mark"), so clashes compare alike
    keys = _normalize_key_list(value)
    for key in keys.split(","):
        if not _is_key(key):
            raise ConfigError(f'{line}: "{key}" is not a key name (such as y, Y, ctrl+y, f2, escape, question_mark)')
        if key in TEXTUAL_KEYS:
            raise ConfigError(f'{line}: "{key}" is Textual\'s own (it quits the app)')
    return keys


def _is_key(key: str) -> bool:
    *modifiers, base = key.split("+")
    if not base or not set(modifiers) <= MODIFIERS:
        return False
    return len(base) == 1 or base in NAMED_KEYS or key_to_character(base) is not None


class Lines:
    """Where a name is set in config.toml, for messages: "…/config.toml line 3"."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def of(self, name: str, section: str | None = None) -> str:
        """The line setting `name`: a key in [section] (a bare dotted key by its first part),
        or, with no section, a top-level key or a [name] header."""
        current = None
        for number, line in enumerate(self.lines, 1):
            header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
            if header:
                current = header.group(1).strip('"\'')
                if section is None and current == name:
                    return f"{self.path} line {number}"
                continue
            key = re.match(r"""\s*(?:"([^"]*)"|'([^']*)'|([\w.-]+))\s*=""", line)
            if key and current == section:
                quoted, single, bare = key.groups()
                if name in (quoted, single, bare) or (bare and bare.split(".")[0] == name):
                    return f"{self.path} line {number}"
        return str(self.path)


def _saved_theme(state: Path) -> str | None:
    try:
        theme = json.loads(state.read_text(encoding="utf-8")).get("theme")
    except (OSError, ValueError, AttributeError):
        return None                     # none saved yet, or a file byline did not write
    return theme if isinstance(theme, str) else None
