"""Every word list extraction reads, in one place: the *.txt data files beside this module
(one entry per line, # comments), read by words() and entries(). names.py and speech.py
give them names and derive the few lists built from others; a rule imports its words from
there, never defines its own copy.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def entries(name: str) -> tuple[str, ...]:
    """The lines of lexicon/<name>.txt, in file order, without comments and blank lines."""
    text = files("store.lexicon").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """lexicon/<name>.txt as a set of words."""
    return frozenset(entries(name))
