"""Ranking: how well a sentence matches the fuzzy query words.

For each query word the best similarity of any word in the sentence (exact 100, a longer
word the typed last word begins PREFIX_SIM, a typo less by edit distance), averaged;
equal scores go first to sentences with the query words next to each other in order.
"""
from __future__ import annotations

from itertools import compress, count
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from .tokens import TOKEN, fold, tokens

if TYPE_CHECKING:
    from .syntax import Query

PREFIX_SIM = 95.0       # similarity of a word that begins with the typed last word


def max_typos(length: int) -> int:
    """Typos a word of this length may have and still match."""
    return 0 if length <= 3 else 1 if length <= 5 else 2


class Word:
    """One fuzzy query word and its similarity to any indexed word (memoised)."""

    def __init__(self, text: str, prefix: bool):
        self.text = text
        self.prefix = prefix
        self.typos = max_typos(len(text))
        self.kept = 2 if self.typos == 2 else 1     # letters a typo keeps, as Terms.words
        self.prefix_typos = 1 if 4 <= len(text) <= 10 else 0    # as Terms.beginnings
        self.sims = _Sims(self)

    def similarity(self, term: str) -> float:
        """100 for the word itself; PREFIX_SIM for a longer word it begins (last word
        only); less by edit distance (transpositions count one) for a typo. Typos keep
        the first letter (the first two in words of six letters or more, which may have
        two typos): people rarely get them wrong, and it keeps the lookup small."""
        w, n = self.text, len(self.text)
        if term == w:
            return 100.0
        if term[:1] != w[:1]:
            return 0.0
        best = 0.0
        if self.typos and abs(len(term) - n) <= self.typos and term[:self.kept] == w[:self.kept]:
            d = OSA.distance(w, term, score_cutoff=self.typos)
            if d <= self.typos:
                best = 100.0 * (1 - d / max(n, len(term)))
        if self.prefix and len(term) > n:
            if term.startswith(w):
                return max(best, PREFIX_SIM)
            if self.prefix_typos:
                d = OSA.distance(w, term[:n], score_cutoff=self.prefix_typos)
                if d <= self.prefix_typos:
                    best = max(best, PREFIX_SIM * (1 - d / n))
        return best


class _Sims(dict):
    def __init__(self, word: Word):
        super().__init__()
        self.word = word

    def __missing__(self, term: str) -> float:
        value = self[term] = self.word.similarity(term)
        return value


def rank(words: list[Word], toks: list[str]) -> tuple[float, int]:
    """How well a sentence with these folded tokens matches the query words: the score
    (0-100), the mean over words of the best similarity of any token; and, to order equal
    scores, how many neighbouring query words stand next to each other in order."""
    if not words:
        return 100.0, 0
    total = 0.0
    adjacent = 0
    previous: set[int] = set()
    for word in words:
        sims = list(map(word.sims.__getitem__, toks))
        best = max(sims, default=0.0)
        total += best
        if best and len(words) > 1:
            where = set(compress(count(), sims))
            if any(p + 1 in where for p in previous):
                adjacent += 1
            previous = where
        else:
            previous = set()
    return total / len(words), adjacent


def highlights(parsed: "Query", text: str) -> list[tuple[int, int]]:
    """Offsets in text of the words the query matched, merged and in order."""
    folded = fold(text)
    spans = []
    if parsed.words:
        toks = tokens(text)
        matched: set[str] = set()
        for word in parsed.words:
            matched.update(compress(toks, map(word.sims.__getitem__, toks)))
        spans.extend(m.span() for m in TOKEN.finditer(folded) if m.group() in matched)
    for term in parsed.terms:
        if not term.negated:
            spans.extend(term.spans(folded))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
