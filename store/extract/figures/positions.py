"""Where sentences, words and phrases start: small position helpers that reading and the
filters share (a capital at the start of a sentence or phrase is no sign of a name)."""
from __future__ import annotations


def sentence_starts(text: str, sents: list[tuple[int, int]]) -> set[int]:
    """Offsets of the first word of each sentence (after any opening quote or bracket)."""
    out = set()
    for s, e in sents:
        while s < e and not text[s].isalnum():
            s += 1
        out.add(s)
    return out


def word_start(text: str, pos: int, k: int) -> int:
    """Start of the k-th whitespace-separated word before pos."""
    for _ in range(k):
        while pos and text[pos - 1].isspace():
            pos -= 1
        while pos and not text[pos - 1].isspace():
            pos -= 1
    return pos


def after_opening(text: str, s: int) -> bool:
    """A capital just after an opening quote, bracket, colon or dash starts a phrase."""
    i = s - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in "\"“‘'(:\n—–"
