"""The search itself: sentences matching a query, best first, in two stages so that a
search over a million sentences stays in milliseconds.

1. Each query word is expanded to its close spellings from the store's vocabulary
   (vocabulary.py). The FTS index is queried with those (words AND'ed, spellings OR'ed),
   newest sentences first, a couple of hundred rows per query, best spellings first: the
   words next to each other, then anywhere, then with worse spellings, then with one word
   missing. Searching stops as soon as no later query can beat the rows in hand. Very
   common words ("the", "said") are left out of the FTS queries when a rarer word is
   there, since they make them slow; the ranking still counts them.
2. The candidates are ranked by one scorer (ranking.rank); equal scores go first to
   sentences with the query words next to each other in order, then to the newest.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from .ranking import highlights, rank
from .syntax import Query, Term, parse
from .tokens import fold, tokens
from .sample import sample_of
from .vocabulary import Vocabulary

CANDIDATES = 150        # rows fetched from FTS per stage that mixes similarity levels
RELAX = (85.0, 70.0, 0.0)  # stages of a several-word query take spellings down to these
REFUSED_READS = 8       # with operators, reads of a stage's row cap while they refuse too many
COUNT_BUDGET = 12_000   # index entries the app's count may read (2-3 ms); beyond, it estimates


@dataclass
class Hit:
    sentence_id: int
    article_id: int
    title: str | None
    text: str
    char_start: int
    char_end: int
    score: float
    highlights: list[tuple[int, int]] = field(default_factory=list)
    source: str | None = None      # the article's outlet, for the app's result list


def search(db: sqlite_utils.Database, query: str, limit: int = 50,
           should_stop: Callable[[], bool] | None = None, vocabulary: Vocabulary | None = None) -> list[Hit]:
    """Sentences matching the query, best first. `should_stop` is polled between stages;
    when it returns True the search gives up and returns []. vocabulary is the store's
    cache (Store.vocabulary); without one, this search reads the vocabulary afresh."""
    parsed = parse(query)
    if limit <= 0:
        return []
    positive = [_fts_term(t) for t in parsed.terms if not t.negated and t.words()]
    negative = [_fts_term(t) for t in parsed.terms if t.negated and t.words()]
    if not parsed.words and not positive:
        return []
    terms = (vocabulary if vocabulary is not None else Vocabulary()).load(db)
    groups = [terms.spellings(w) for w in parsed.words]
    common = [bool(g) and g[0][1] in terms.common for g in groups]
    found: dict[int, tuple[float, int, str]] = {}     # id: (score, adjacent, text)
    # with operators, a stage's rows may be refused after the FTS query: fetch more of them
    for parts, cap, bound in _stages(groups, common, limit if not parsed.terms else max(limit, CANDIDATES)):
        if should_stop and should_stop():
            return []
        match = " AND ".join(parts + positive)
        if negative:
            match = "(" + match + ") NOT (" + " OR ".join(negative) + ")"
        _fetch(db, parsed, match, cap, found, limit, should_stop)
        # later stages cannot beat `bound` (ties go to the newer, maybe later, row):
        # stop once `limit` candidates are better
        if sum(1 for s, _, _ in found.values() if s > bound) >= limit:
            break
    ranked = sorted(((s, a, sid, text) for sid, (s, a, text) in found.items() if s > 0),
                    key=lambda r: (-r[0], -r[1], -r[2]))[:limit]
    if not ranked or (should_stop and should_stop()):
        return []
    return _hits(db, parsed, ranked)


@dataclass(frozen=True)
class Count:
    """How many sentences a query matches: every one a search with no limit would return.
    `how` is "" when n is exact; "about" when it was estimated from a sample of the store
    (counting every match would be slow); "at most" when operators the index cannot check
    (end$, ^whole$, !not) may still refuse some of the sentences counted."""
    n: int
    how: str = ""

    def __str__(self) -> str:
        return f"{self.how} {self.n:,}" if self.how else f"{self.n:,}"


def count(db: sqlite_utils.Database, query: str, vocabulary: Vocabulary | None = None,
          budget: int | None = None) -> Count:
    """How many sentences search() could return for the query, had it no limit: one FTS
    count over the union of its stages. With a budget (index entries the count may read),
    a count that would read more is estimated instead from an even sample of the store's
    sentences (sample.py): a common word's exact count takes tens of milliseconds at a
    million sentences, the estimate well under one. Raises SearchSyntaxError as search()."""
    parsed = parse(query)
    positive = [_fts_term(t) for t in parsed.terms if not t.negated and t.words()]
    negative = [_fts_term(t) for t in parsed.terms if t.negated and t.words()]
    if not parsed.words and not positive:
        return Count(0)
    vocabulary = vocabulary if vocabulary is not None else Vocabulary()
    terms = vocabulary.load(db)
    groups = [terms.spellings(w) for w in parsed.words]
    common = [bool(g) and g[0][1] in terms.common for g in groups]
    branches = _union(groups, common)
    if not branches:
        return Count(0)
    unsure = "at most" if any(t.negated or t.kind in ("end", "start+end") for t in parsed.terms) else ""
    if budget is not None:
        estimate = sample_of(db, vocabulary).estimate(parsed, groups, branches, budget)
        if estimate is not None:
            return Count(max(1, _round(estimate)) if estimate else 0, "about")
    ors = [" AND ".join(["(" + " OR ".join(p for _, p in groups[i]) + ")" for i in branch] + positive)
           for branch in branches]
    match = " OR ".join("(" + o + ")" for o in ors) if len(ors) > 1 else ors[0]
    if negative:
        match = "(" + match + ") NOT (" + " OR ".join(negative) + ")"
    n = db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?", [match]).fetchone()[0]
    return Count(n, unsure if n else "")


def _round(n: float) -> int:
    """An estimate to two significant figures."""
    n = int(round(n))
    digits = len(str(n))
    return round(n, 2 - digits) if digits > 2 else n


def _union(groups: list[list[tuple[float, str]]], common: list[bool]) -> list[list[int]]:
    """The stages' FTS queries that together match every row any stage can, as the
    indexes of the words each AND's (the queries to be OR'ed): a single word's spellings;
    for several, each word left out in turn (which takes in every stage with all the
    words) or, when none may be, all the words. [[]]: operators only."""
    if not groups:
        return [[]]
    if len(groups) == 1:
        return [[0]] if groups[0] else []
    keep = [not c for c in common] if not all(common) else [True] * len(groups)
    present = [i for i, g in enumerate(groups) if g and keep[i]]
    misses = [[j for j in present if j != i] for i in range(len(groups)) if keep[i]]
    misses = [m for m in misses if m]
    if misses:
        return misses
    return [present] if all(groups) and present else []


def _fetch(db: sqlite_utils.Database, parsed: Query, match: str, cap: int,
          found: dict[int, tuple[float, int, str]], want: int = 0,
          should_stop: Callable[[], bool] | None = None) -> None:
    """Add to found the newest `cap` sentences the FTS match expression finds, scored.
    With operators that refuse rows after the FTS query (end$, !not...), the next `cap`
    older ones too while fewer than `want` of those read were kept (at most REFUSED_READS
    times: a query that refuses nearly everything stays quick)."""
    before = None
    kept = 0
    for _ in range(REFUSED_READS if parsed.terms else 1):
        rowids = [sid for (sid,) in db.execute(
            "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?" + (" AND rowid < ?" if before else "")
            + " ORDER BY rowid DESC LIMIT ?",
            [match, before, cap] if before else [match, cap],
        ).fetchall()]
        ids = [sid for sid in rowids if sid not in found]
        rows = [row for chunk in _chunks(ids) for row in
                db.execute(f"SELECT id, text FROM sentences WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        for sid, text in rows:      # text only for rows no earlier stage brought
            if sid not in found:
                text = text or ""
                if parsed.terms and not parsed.accepts(fold(text)):
                    found[sid] = (0.0, 0, text)
                else:
                    found[sid] = (*rank(parsed.words, tokens(text)), text)
                    kept += 1
        if len(rowids) < cap or kept >= want or (should_stop and should_stop()):
            return
        before = rowids[-1]


def _hits(db: sqlite_utils.Database, parsed: Query, ranked: list[tuple[float, int, int, str]]) -> list[Hit]:
    """Hits for the ranked (score, adjacent, sentence id, text), with their articles."""
    ids = [r[2] for r in ranked]
    rows = {
        r[0]: r[1:]
        for chunk in _chunks(ids)
        for r in db.execute(
            "SELECT s.id, s.article_id, s.char_start, s.char_end, a.title, a.source FROM sentences s "
            f"LEFT JOIN articles a ON a.id = s.article_id WHERE s.id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    }
    found = []
    for score, _, sid, text in ranked:
        if sid in rows:
            article_id, start, end, title, source = rows[sid]
            found.append(Hit(sid, article_id, title, text, start, end, round(score, 1),
                             highlights(parsed, text), source))
    return found


def _chunks(ids: list[int], size: int = 5000):
    """The ids in pieces SQLite takes as parameters (a search with a large limit)."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _stages(groups: list[list[tuple[float, str]]], common: list[bool], enough: int):
    """The FTS queries to run in turn, best matches first, each as (AND'ed parts, row cap,
    the best score any later stage can reach). `enough` rows of one level suffice.
    Common words are left out of the queries when a rarer one is there (the ranking
    still counts them)."""
    if not groups:
        yield [], enough, 0.0          # operators only
        return
    if len(groups) == 1:
        # each similarity level on its own, best first, so the newest-first row cap
        # never keeps a worse match and drops a better one
        levels = sorted({s for s, _ in groups[0]}, reverse=True)
        for i, level in enumerate(levels):
            patterns = [p for s, p in groups[0] if s == level]
            yield ["(" + " OR ".join(patterns) + ")"], enough, levels[i + 1] if i + 1 < len(levels) else 0.0
        return
    n = len(groups)
    best = [g[0][0] if g else 0.0 for g in groups]
    total = sum(best)
    keep = [not c for c in common] if not all(common) else [True] * n

    def below(floor: float) -> list[float]:
        """Each word's best similarity under floor (and under its best)."""
        return [next((s for s, _ in g if s < min(b, floor)), 0.0) for g, b in zip(groups, best)]

    def spellings(floor: float) -> list[list[str]]:
        return [[p for s, p in g if s >= min(b, floor)] if k else [] for g, b, k in zip(groups, best, keep)]

    def query(word_groups, skip=None) -> list[str]:
        return ["(" + " OR ".join(g) + ")" for i, g in enumerate(word_groups) if g and i != skip]

    # (parts, cap, the best score of a row this stage can add)
    stages = []
    if all(groups):
        top = spellings(101.0)
        phrases = _phrases(top) if all(keep) else []
        if phrases:
            stages.append((["(" + " OR ".join(phrases) + ")"], enough, total / n))
        # rows here that the phrase stage missed tie with it at best, with fewer neighbours
        stages.append((query(top), 2 * enough, total / n - (1e-9 if phrases else 0.0)))
        previous, floor_before = top, 101.0
        for floor in RELAX:
            wider = spellings(floor)
            if wider != previous:
                stages.append((query(wider), max(CANDIDATES, enough),
                               max(total - b + s for b, s in zip(best, below(floor_before))) / n))
                previous, floor_before = wider, floor
    # too few with every word: let one word miss, best spellings of the others first
    top, every = spellings(101.0), spellings(0.0)
    gaps = [b - s for b, s in zip(best, below(101.0))]
    misses = [i for i in range(n) if keep[i] and query(every, i)]
    for i in misses:
        stages.append((query(top, i), 2 * enough, (total - best[i]) / n))
    for i in misses if top != every else ():
        worst = min((g for j, g in enumerate(gaps) if j != i), default=0.0)
        stages.append((query(every, i), enough, (total - best[i] - worst) / n))
    for k, (parts, cap, _) in enumerate(stages):
        yield parts, cap, max((m for _, _, m in stages[k + 1:]), default=0.0)


def _phrases(top: list[list[str]], most: int = 16) -> list[str]:
    """The query words next to each other in order, as FTS phrases of their best spellings."""
    phrases = [""]
    for patterns in top:
        phrases = [f"{p} + {q}" if p else q for p in phrases for q in patterns]
        if len(phrases) > most:
            return []
    return phrases


def _fts_term(term: Term) -> str:
    phrase = '"' + " ".join(term.words()) + '"'
    if term.kind == "phrase" or term.kind == "end":
        return phrase
    if term.kind.startswith("start"):
        return "^" + phrase + ("" if term.kind == "start+end" else "*")
    return phrase + "*"
