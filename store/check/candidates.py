"""Quote check, step 2: the sentences most likely to hold a remembered quote's words,
found fast at a million sentences through the FTS index (see store.check)."""
from __future__ import annotations

import math
import sqlite3
from itertools import combinations

from store.search import Terms
from store.search.syntax import word as query_word

CANDIDATES = 120        # candidate sentences scored
RARE_WORDS = 7          # the rarest words of the text, every two of them, query the index
PAIR_ROWS = 60          # rows each of those queries brings, newest first
COMMON_DOCS = 0.05      # a word in more than this share of the sentences is not among them
COMMON_FLOOR = 5000     # (in a small store, every word in as many as this may be)

# Words that say little about which quote is meant (they still count when scoring, at a
# lower weight).
STOP = frozenset("""a an the and or but if of to in on at for by with from as is are was were be been being it its
this that these those there here i you he she we they me him her us them my your his our their not no so do does
did have has had will would can could should shall may might must just than then what which who whom when where
why how all any some very too also about into over out up down off again only own same such more most
don doesn didn isn aren wasn weren won wouldn couldn shouldn can't ll re ve s t m d""".split())

def _doc_counts(conn: sqlite3.Connection, words: list[str]) -> dict[str, int]:
    """Sentences holding each word, from the vocabulary saved in the store (words not in
    it, added since, count as rare)."""
    if not words:
        return {}
    try:
        rows = conn.execute(f"SELECT term, docs FROM search_terms WHERE term IN ({','.join('?' * len(words))})",
                            words).fetchall()
    except sqlite3.Error:
        rows = conn.execute(f"SELECT term, doc FROM sentences_vocab WHERE term IN ({','.join('?' * len(words))})",
                            words).fetchall()
    return dict(rows)


def candidates(conn: sqlite3.Connection, terms: Terms, words: list[str], limit: int = CANDIDATES) -> list[int]:
    """Ids of the sentences most likely to hold these (folded) words, best first."""
    groups: dict[str, list[tuple[float, str]]] = {}
    for w in dict.fromkeys(w for w in words if len(w) > 1):
        spellings = [(s, p) for s, p in terms.spellings(query_word(w, False)) if s >= 75 and not p.endswith("*")]
        if spellings:
            groups[w] = spellings
    if not groups:
        return []
    counts = _doc_counts(conn, sorted({p.strip('"') for g in groups.values() for _, p in g}))
    total = max(terms.max_id, 1)
    docs = {w: sum(counts.get(p.strip('"'), 1) for _, p in g) for w, g in groups.items()}
    ranked = sorted(groups, key=lambda w: (w in STOP, docs[w]))
    usable = [w for w in ranked if docs[w] <= max(COMMON_DOCS * total, COMMON_FLOOR) and w not in STOP][:RARE_WORDS]
    idf = {w: math.log(1 + total / max(docs[w], 1)) for w in usable}
    fts = {w: "(" + " OR ".join(p for _, p in groups[w]) + ")" for w in groups}
    weight: dict[int, float] = {}
    # every two of the rarest words, intersected by the index itself (newest rows first,
    # capped): a sentence holding k of them comes from k(k-1)/2 queries
    for a, b in combinations(usable, 2):
        for (sid,) in conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? "
                                   "ORDER BY rowid DESC LIMIT ?", [fts[a] + " AND " + fts[b], PAIR_ROWS]):
            weight[sid] = weight.get(sid, 0.0) + idf[a] + idf[b]
    if len(weight) < limit:
        # too few: sentences holding one of the rarest words
        for w in usable[:3]:
            for (sid,) in conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? "
                                       "ORDER BY rowid DESC LIMIT ?", [fts[w], limit]):
                weight[sid] = weight.get(sid, 0.0) + idf[w]
    # the sentences holding every word (then every word but the commonest), newest first:
    # all a text of common words has, and a fragment's best hope
    common = {w for w in ranked if groups[w][0][1] in terms.common}
    anded = [w for w in ranked if w not in common] or ranked
    for drop in (0, 1) if len(usable) < 3 or len(weight) < limit else ():
        keep = anded[:max(1, len(anded) - drop)]
        for (sid,) in conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? "
                                   "ORDER BY rowid DESC LIMIT ?", [" AND ".join(fts[w] for w in keep), limit]):
            weight[sid] = weight.get(sid, 0.0) + sum(idf.get(w, 1.0) for w in keep)
        if len(weight) >= limit or len(anded) < 3:
            break
    best = sorted(weight.items(), key=lambda kv: (-kv[1], -kv[0]))
    return [sid for sid, _ in best[:limit]]
