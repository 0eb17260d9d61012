"""The gap between two names that a people list allows is matched in linear time: a long
run of digits (a results table, a phone number) once backtracked exponentially (22 digits:
2 s; the 1M-sentence benchmark archive hung on one)."""
from __future__ import annotations

import time

from store.extract.people.corroborate import _LIST_GAP


def test_a_long_digit_run_is_quick_and_lists_still_match():
    started = time.perf_counter()
    assert _LIST_GAP.match("1" * 5000 + " x") is None
    assert time.perf_counter() - started < 0.5
    assert _LIST_GAP.match(" 12.30 - 4 (agg) and ")
    assert _LIST_GAP.match(", ")
    assert not _LIST_GAP.match(" said ")
