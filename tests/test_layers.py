"""The layers of store/, checked by reading every module's imports (ast, not running them):

- nothing under store/ imports textual, rich or tui: the screen sits on top of the store;
- the extraction passes (store.extract and below) never import store.db or store.search:
  extraction is pure, over one article, and knows no database;
- no module under store/ imports a private name (_x) from another module: what modules
  share is public.

Lazy imports inside functions count as much as those at the top.
"""
from __future__ import annotations

import ast
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import store

SCREEN = ("textual", "rich", "tui")
EXTRACTION = "store.extract"
NOT_FOR_EXTRACTION = ("store.db", "store.search")
SHARED_PUBLICLY = ("store",)    # every module under store/


def store_modules() -> dict[str, Path]:
    """Every module under store/, by name (packages by their __init__.py)."""
    modules = {"store": Path(store.__file__)}
    for info in pkgutil.walk_packages(store.__path__, "store."):
        spec = importlib.util.find_spec(info.name)
        modules[info.name] = Path(spec.origin)
    return modules


def imports(name: str, source: str, is_package: bool = False) -> list[tuple[str, str | None]]:
    """(module, name) for each import in a module's source, relative ones resolved:
    `import a.b` gives ("a.b", None); `from .db import x` in store.ingest gives
    ("store.db", "x"); `from . import search` gives ("store", "search") and
    ("store.search", None), since the name may be a module."""
    package = name if is_package else name.rpartition(".")[0]
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = importlib.util.resolve_name("." * node.level + (node.module or ""), package) \
                if node.level else node.module
            for alias in node.names:
                found.append((module, alias.name))
                found.append((f"{module}.{alias.name}", None))
    return found


def within(module: str, prefixes: tuple[str, ...] | str) -> bool:
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def layer_errors(name: str, source: str, is_package: bool = False) -> list[str]:
    """What is wrong with the imports of the module of this name and source."""
    errors = []
    for module, imported in imports(name, source, is_package):
        if within(module, SCREEN):
            errors.append(f"{name} imports {module}: store/ never imports the screen")
        if within(name, EXTRACTION) and within(module, NOT_FOR_EXTRACTION):
            errors.append(f"{name} imports {module}: extraction knows no database or search")
        if (within(name, SHARED_PUBLICLY) and imported and imported.startswith("_") and not imported.startswith("__")
                and within(module, "store")):
            errors.append(f"{name} imports the private name {imported} from {module}")
    return sorted(set(errors))


def test_store_modules_are_all_found():
    names = store_modules()
    assert {"store.db", "store.db.schema", "store.db.reads", "store.search", "store.search.vocabulary",
            "store.readers", "store.ingest"} <= set(names)


@pytest.mark.parametrize("name", sorted(store_modules()))
def test_store_module_respects_the_layers(name):
    path = store_modules()[name]
    assert layer_errors(name, path.read_text(encoding="utf-8"), path.name == "__init__.py") == []


@pytest.mark.parametrize("name, source, wrong", [
    ("store.ingest", "import textual.app", "imports textual.app"),
    ("store.db.reads", "def f():\n    from rich.text import Text", "imports rich.text"),
    ("store.search", "from tui import cli", "imports tui"),
    # extraction (store.extract and below, once it is there) knows no database or search
    ("store.extract.people.candidates", "from ...db import open_store", "imports store.db"),
    ("store.extract", "from .. import search", "imports store.search"),
    ("store.extract", "import store.search.engine", "imports store.search.engine"),
    ("store.db.writes", "from .schema import _private", "private name _private"),
])
def test_the_check_finds_what_breaks_a_layer(name, source, wrong):
    errors = layer_errors(name, source, is_package=name in ("store.extract", "store.search"))
    assert any(wrong in e for e in errors), errors


@pytest.mark.parametrize("name, source", [
    ("store.ingest", "from .extract import extract\nfrom .db import Store"),   # ingest may use both
    ("store.extractor_notes", "from .db import Store"),       # not under store.extract
    ("store.db", "from .writes import __all__"),
    ("store.extract.text", "import re\nfrom ..model import Article"),
])
def test_the_check_lets_the_layers_be(name, source):
    assert layer_errors(name, source) == []
