"""The optional `[web]` libraries (trafilatura, feedparser), imported only when a page or a
feed is read: byline starts as fast without them. Without them the readers' own parsers
are used, and a one-line hint says once per run that `[web]` reads pages better."""
from __future__ import annotations

import importlib
import sys
from types import ModuleType

HINT = "byline: hint: pip install 'byline[web]' reads web pages and feeds better (trafilatura, feedparser)"
_hinted = False


def import_module(name: str) -> ModuleType:
    """The import seam: tests make it fail to read as byline does without `[web]`."""
    return importlib.import_module(name)


def web_module(name: str) -> ModuleType | None:
    """The `[web]` module of this name, or None (after the hint, once) when not installed."""
    global _hinted
    try:
        return import_module(name)
    except ImportError:
        if not _hinted:
            _hinted = True
            print(HINT, file=sys.stderr)
        return None
