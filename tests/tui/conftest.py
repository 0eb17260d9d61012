"""Fixtures of the app's tests."""
from __future__ import annotations

import pytest

from store.db import open_store
from store.ingest import ingest

# added in this order (1.md first), dated in another: article order is not date order
ARTICLES = {"1.md": ("03", "Daily Test"), "2.md": ("01", "Evening Post"), "3.md": ("06", "Daily Test")}
TEXT = """---
title: Summit report {month}
source: {outlet}
date: 2025-{month}-14
---
Keir Starmer, the prime minister, spoke in London on Monday.

"We will stand with Ukraine for as long as it takes in month {month}," Starmer said.

Emmanuel Macron, the French president, agreed. "Europe must act now," Macron said.

"It is a difficult time," he added.
"""


@pytest.fixture
def desk_db(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (month, outlet) in ARTICLES.items():
        (folder / name).write_text(TEXT.format(month=month, outlet=outlet), encoding="utf-8")
    path = tmp_path / "desk.db"
    with open_store(path) as store:
        summary = ingest(store, sorted(folder.iterdir()), workers=1)
    assert summary.added == 3, summary.skipped
    return path
