"""People rules for news English, one row each: a made-up text, the people it names and the
capitalised runs that must not become people."""
from __future__ import annotations

import pytest

from store.extract import extract

ROWS = [
    # a name cut by the line break of a wrapped results list
    ("wrapped list", "Leading scores after the second round:\n137 Tom Vetrick 68 69, Walter\nPennock 70 67, Ann Lo 71 66\n",
     ["Walter", "Pennock"], []),
    ("wrapped list, second half", "Also qualified: Ann Lo, Sergei\nMakarovin (Russia), Tom Vetrick (Canada)\n",
     ["Makarovin"], []),
]


@pytest.mark.parametrize("rule, text, found, not_found", ROWS, ids=[r[0] for r in ROWS])
def test_people_rule(rule, text, found, not_found):
    names = {p.name for p in extract(text).people}
    for name in found:
        assert name in names, (name, names)
    for name in not_found:
        assert not any(name in n for n in names), (name, names)
