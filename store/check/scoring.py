"""Quote check, step 3: how close what was said is to what was pasted (0-100), with
rapidfuzz and the store's close spellings of each word."""
from __future__ import annotations

from rapidfuzz import fuzz, process

from store.search import Terms
from store.search.syntax import word as query_word

from .candidates import STOP

def spellings_of(terms: Terms, words: list[str]) -> list[dict[str, float]]:
    """For each word, its close spellings in the vocabulary and their similarity."""
    return [{p.strip('"'): sim for sim, p in terms.spellings(query_word(w, False)) if not p.endswith("*")}
            if len(w) > 1 else {} for w in words]


class Pasted:
    """The words pasted, ready to be scored against many texts (score()). spellings[i]
    maps the close spellings of word i in the store's vocabulary (Terms.spellings) to
    their similarity: a word said is looked up, not compared. Without them, a word not
    said as pasted is compared with every word said (rapidfuzz ratio >= 75)."""

    def __init__(self, words: list[str], spellings: list[dict[str, float]] | None = None):
        self.words = words
        self.weights = [0.35 if t in STOP else 1.0 for t in words]
        self.total = sum(self.weights)
        self.joined = " ".join(words)
        self.fuzzy = spellings is None
        self.index: dict[str, list[tuple[int, float]]] = {}
        for i, w in enumerate(words):
            for term, sim in ({w: 100.0} if spellings is None else {w: 100.0, **spellings[i]}).items():
                self.index.setdefault(term, []).append((i, sim))
        self.memo: dict[str, float] = {}     # the same text in many articles is scored once

    def score(self, said: list[str]) -> float:
        """See score()."""
        if not self.words or not said:
            return 0.0
        key = " ".join(said)
        found = self.memo.get(key)
        if found is not None:
            return found
        best = [0.0] * len(self.words)
        place = [-1] * len(self.words)
        index = self.index
        for j, t in enumerate(said):
            for i, sim in index.get(t, ()):
                if sim > best[i]:
                    best[i], place[i] = sim, j
        if self.fuzzy:
            for i, t in enumerate(self.words):
                if not best[i] and len(t) > 3:
                    hit = process.extractOne(t, said, scorer=fuzz.ratio, score_cutoff=75)
                    if hit:
                        best[i], place[i] = hit[1], hit[2]
        positions = [p for p in place if p >= 0]
        if not positions:
            result = 0.0
        else:
            covered = sum(w * b for w, b in zip(self.weights, best)) / 100
            lo, hi = min(positions), max(positions)
            # a stretch at least as long as what was pasted where the text allows (a
            # paraphrase may have fewer words than the original)
            missing = max(0, len(self.words) - (hi - lo + 1))
            lo = max(0, lo - missing // 2)
            hi = min(len(said) - 1, hi + (missing - missing // 2))
            shape = fuzz.token_sort_ratio(self.joined, " ".join(said[lo:hi + 1]))
            result = 50 * covered / self.total + 0.5 * shape
        self.memo[key] = result
        return result


def score(pasted: list[str], said: list[str]) -> float:
    """How well the folded words said account for the words pasted, 0-100: the mean of
    (a) coverage: the share of the pasted words (common words weigh a third) found among
    the words said, a misspelling counting by its similarity (rapidfuzz ratio >= 75), and
    (b) fuzz.token_sort_ratio between the pasted words and the stretch of what was said that
    they cover (their first to last match), so a partial quote is compared with the part
    it recalls, reordering costs little and scattered words or added words cost a lot."""
    return Pasted(pasted).score(said)
