"""What the web reader tests share: the saved pages, and reading as byline does without
the `[web]` extra (its import seam made to fail)."""
from __future__ import annotations

from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "pages"


def without_web(monkeypatch) -> None:
    """trafilatura and feedparser fail to import, as when `[web]` is not installed; the
    once-per-run hint is due again."""
    from store.readers import extras

    def missing(name):
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(extras, "import_module", missing)
    monkeypatch.setattr(extras, "_hinted", False)


@pytest.fixture(params=["web", "fallback"])
def reading(request, monkeypatch):
    """Runs a test twice: with the `[web]` extra and without it."""
    if request.param == "fallback":
        without_web(monkeypatch)
    return request.param
