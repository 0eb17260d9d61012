"""Words as the full-text index sees them: folded (lower case, no diacritics) and split
on anything that is not a letter or a digit."""
from __future__ import annotations

import re
import unicodedata

TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one, so offsets stay valid."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    if len(lowered) != len(text):      # a few characters lower-case to two
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _NON_ASCII.sub(lambda m: m.group().translate(_FOLDED), lowered)


class _FoldTable(dict):
    """str.translate table that works out each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
        if len(base) != 1:
            lower = char.lower()
            base = lower if len(lower) == 1 else char
        self[code] = base
        return base


_FOLDED = _FoldTable()      # a memo of a pure function: the same for every store
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def tokens(text: str) -> list[str]:
    """The words of a text as the index sees them (folded)."""
    if text.isascii():
        return text.translate(_ASCII_WORDS).split()     # twice as fast as the regex
    return TOKEN.findall(fold(text))


# lower-cases letters and turns every other ASCII character but digits into a space
_ASCII_WORDS = {i: chr(i).lower() if chr(i).isalnum() else " " for i in range(128)}
