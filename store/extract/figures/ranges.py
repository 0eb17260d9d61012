"""Two numbers read side by side: a range shares one unit ("8-10%", "between 5 and 10 per
cent"); a score ("2-1", "four for 38") or a rate ("nine out of 10") is no figure at all."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.extract.figures.reading import Reading

_RANGE_JOIN = re.compile(r"[ \t\u00a0]*(?:[-–]|[-–]?[ \t\u00a0]*to)[ \t\u00a0]*|[ \t\u00a0]+(?:and|for|of|out[ \t\u00a0]+of|in)[ \t\u00a0]+", re.I)


def join_ranges(text: str, reads: list[Reading]) -> None:
    """Two numbers joined by "-", "to" or "between ... and" share a unit: "8-10%",
    "5 to 10 years", "between 5 and 10 per cent", "$5-10m". Two bare numbers joined by a
    dash are a score ("2-1"), as are two joined by "for" ("four for 38"); two joined by
    "of", "out of" or "in" are a rate ("nine out of 10"); a number joined to an age or a
    year is not a figure either. Changes the readings in place."""
    for a, b in zip(reads, reads[1:]):
        if a.end > b.start or not _RANGE_JOIN.fullmatch(text, a.end, b.start):
            continue
        gap = " ".join(text[a.end:b.start].lower().split())
        if gap in ("of", "out of", "in"):
            if a.bare and b.bare:
                a.kind = b.kind = None  # a rate: "nine out of 10", "eight of 10"
            continue
        if gap == "and" and not re.search(r"\bbetween[ \t\u00a0]+$", text[max(0, a.start - 10):a.start], re.I):
            continue
        if a.kind is None or b.kind is None:
            for x in (a, b):
                if x.bare:
                    x.kind = None       # "aged 18 to 24", "2-1", "3-0"
            continue
        if a.bare and b.bare:
            if gap in ("-", "–", "for"):
                a.kind = b.kind = None  # a score: "2-1", "four for 38" (wickets for runs)
        elif gap == "for":
            continue
        elif a.bare:
            a.kind, a.unit, a.about, a.bare = b.kind, b.unit, None, False
            if a.scale == 1:
                a.value, a.scale = a.value * b.scale, b.scale
        elif b.bare and a.kind == "money":
            b.kind, b.unit, b.about, b.bare = "money", a.unit, None, False
            if a.scale == 1:
                a.value, a.scale = a.value * b.scale, b.scale
