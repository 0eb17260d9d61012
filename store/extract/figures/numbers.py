"""Numbers written in words: "three", "twenty-five", "a dozen", "two hundred and fifty",
"half a million". Digits are read by reading.py; this only turns words into values."""
from __future__ import annotations

import re

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words after a number, in words or digits ("1.5 million", "two billion").
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

WORDS = [*UNITS, *TENS, "hundred", *SCALES, "dozen"]
_WORD = "(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + ")"
_BIG = "(?:hundred|thousand|million|billion|trillion|dozen)"

# A run of number words. "a"/"an"/"half a" only count in front of a big word ("a dozen",
# "half a million"); "and" only inside a number ("two hundred and fifty").
WORD_RUN = (
    rf"\b(?:(?:half\s+)?an?\s+(?={_BIG}\b))?{_WORD}\b"
    rf"(?:(?:[ \t\u00a0-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+){_WORD}\b)*"
)

_TOKEN = re.compile(r"[A-Za-z]+")


def words_value(phrase: str) -> tuple[float, int] | None:
    """Value of the longest valid number at the start of a word run, and the character
    length it covers. "two three" reads as 2; "a" or "half" alone is not a number."""
    value = 0.0       # completed thousands/millions/...
    current = 0.0     # the part below the last scale word
    factor = 1.0      # 0.5 after "half"
    last = None       # kind of the previous token: unit, ten, hundred, scale, dozen, a
    last_scale = 1e15  # scale words must fall: "two million three hundred thousand"
    used_end = 0
    for m in _TOKEN.finditer(phrase):
        w = m.group().lower()
        if w == "and":
            continue
        if w == "half":
            if last is not None:
                break
            factor, last = 0.5, "half"
            continue
        if w in ("a", "an"):
            if last not in (None, "half"):
                break
            current, last = 1.0, "a"
            continue
        if w in UNITS:
            if last in ("unit", "a", "half") or (last == "ten" and UNITS[w] >= 10):
                break
            current += UNITS[w]
            last = "unit"
        elif w in TENS:
            if last in ("unit", "ten", "a", "half"):
                break
            current += TENS[w]
            last = "ten"
        elif w == "hundred":
            # "a hundred", "two hundred"; "hundred" alone is no number ("several hundred")
            if last in (None, "hundred", "dozen", "half") or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif w == "dozen":
            if last not in ("unit", "a"):
                break
            current *= 12
            last = "dozen"
        elif w in SCALES:
            if last in (None, "scale", "half") or SCALES[w] >= last_scale:
                break
            value += current * SCALES[w]
            last_scale = SCALES[w]
            current = 0.0
            last = "scale"
        else:
            break
        used_end = m.end()
    total = (value + current) * factor
    if not used_end or not total:
        return None
    return total, used_end
