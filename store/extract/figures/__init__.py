"""Figures: money, percentages, counts and durations, with normalised values.

Every number (digits or words) is read from its context: a currency before it or a
currency word after it makes money, "%" or "per cent" a percentage, a time unit a
duration, anything else a count. Years, dates, clock times, ages, ordinals, scores, phone
and list numbers, counts of one and numbers that are part of a name ("Radio 4", "BBC Two")
are left out. A range ("8-10%", "between 5 and 10 per cent") gives two figures sharing
the unit. The text of a figure keeps a leading qualifier ("more than 5,000") and the
written unit of money, percentages and durations ("120.7m euros", "48 hours"), but not
the thing counted ("5,000" of "5,000 air defence missiles": that becomes the unit).

find_figures() is the whole pass, in this order:
  1. find where every number starts: runs of digits and number words (_numbers, below);
  2. read each one with what is written around it (reading.py), left to right; numbers
     that are no figure (filters.py) are passed over; what a figure measures: about.py;
  3. join neighbours into ranges, and drop scores and rates (ranges.py);
  4. keep the readings that are figures.
numbers.py turns number words into values.
"""
from __future__ import annotations

import math
import re

from store.model import Figure
from store.extract.figures.numbers import WORDS
from store.extract.figures.positions import sentence_starts
from store.extract.figures.ranges import join_ranges
from store.extract.figures.reading import Reading, read_figure

__all__ = ["find_figures"]

_DIGIT_RUN = re.compile(r"\d[\d,.]*")     # a cheap first pass; reading.py reads the number
# On ASCII text \d is [0-9], which the scan tests far more cheaply than the Unicode class
_ASCII_DIGIT_RUN = re.compile(r"[0-9][\d,.]*")
# Number words are found with str.find on the lower-cased text: several times faster
# than one regex alternation tried at every word. Each needle is a part that the number
# words it finds share ("six" in "sixteen" and "sixty", "illion" in "million" and "billion"):
# every needle is one more scan of the text.
_NEEDLES = ["one", "tw", "three", "thir", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "fift", "forty", "hundred", "thousand", "illion", "dozen"]
_WORDS = frozenset(WORDS)


def find_figures(text: str, sents: list[tuple[int, int]]) -> list[Figure]:
    starts = sentence_starts(text, sents)
    reads: list[Reading] = []
    pos = 0
    for s, is_digits in _numbers(text):
        if s < pos:
            continue                    # inside the previous number ("twenty-five")
        r = read_figure(text, s, is_digits, starts)
        if r:
            reads.append(r)
            pos = r.end
    join_ranges(text, reads)
    return [
        Figure(start=r.start, end=r.end, text=text[r.start:r.end], kind=r.kind, value=r.value,
               unit=r.unit, qualifier=r.qualifier, about=r.about)
        for r in reads if r.kind and math.isfinite(r.value)     # "999…" past 1e308 is no figure
    ]


def _numbers(text: str) -> list[tuple[int, bool]]:
    """Start offsets of every run of digits and every number word, in text order."""
    digit_run = _ASCII_DIGIT_RUN if text.isascii() else _DIGIT_RUN
    found = [(m.start(), True) for m in digit_run.finditer(text)]
    low = text.lower()
    if len(low) != len(text):           # "İ" lowers to two characters: keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    n = len(low)
    for w in _NEEDLES:
        i = low.find(w)
        while i >= 0:
            start, end = i, i + len(w)
            while start and low[start - 1].isalpha():
                start -= 1
            while end < n and low[end].isalpha():
                end += 1                # the whole word: "four" may be "fourteen"
            if low[start:end] in _WORDS:
                found.append((start, False))
            i = low.find(w, end)
    found.sort()
    return found
