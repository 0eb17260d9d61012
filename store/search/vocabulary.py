"""The search vocabulary: the words in the full-text index, and where a query word's
close spellings are looked up.

A store's Vocabulary (Store.vocabulary) is its one cache: loaded on the first search,
topped up in memory when sentences are added, and saved in the store (table
search_terms) so that the next process reads it in a tenth of a second. Typos keep the
first letter, so the spellings of a word are looked for among words of its first letter
or two (pools, made when a query first needs them, or all at once by Terms.warm).
"""
from __future__ import annotations

import bisect
import sqlite3
import threading

import sqlite_utils
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..db.schema import META, SEARCH_TERMS
from .ranking import PREFIX_SIM, Word
from .tokens import tokens

MAX_SPELLINGS = 16      # spellings OR'ed per word
EXPLICIT_PREFIX = 30    # a prefix with at most this many words is queried word by word
COMMON_SHARE = 0.2      # words in more sentences than this share (and COMMON_ROWS) are
COMMON_ROWS = 5000      # left out of FTS queries with rarer words: they make them slow
TOP_UP_ROWS = 50_000    # more new sentences than this reload the vocabulary instead


class Terms:
    """The indexed words of one store, with the pools the expansion searches."""

    def __init__(self, terms: set[str], max_id: int, sorted_words: list[str] | None = None):
        self.terms = terms
        self.max_id = max_id
        self._pools: dict = {} if sorted_words is None else {"sorted": sorted_words}
        self.lock = threading.Lock()      # a top-up (add) and the end of warm() take turns
        self.warmed = False               # every pool made: a missing one is empty
        self.version = 0                  # grows with every top-up
        self.expansions: dict = {}
        self.common: set[str] = set()     # quoted words in a large share of all sentences

    def add(self, new_terms: set[str], max_id: int) -> None:
        """Top up with the words of sentences added up to max_id."""
        with self.lock:
            self.max_id = max_id
            if not new_terms <= self.terms:
                self.terms |= new_terms
                self._pools.clear()
                self.warmed = False
                self.version += 1
                self.expansions.clear()

    def _pool(self, key, make):
        pool = self._pools.get(key)
        if pool is None:
            pool = [] if self.warmed and key != "sorted" else make()
            self._pools[key] = pool
        return pool

    def warm(self) -> None:
        """Make every pool now, in one pass (a second or two at a million sentences): the app
        does this in the background when its search opens, so that no keystroke pays for
        the first use of a pool (a few milliseconds each)."""
        version, pools = self.version, {}
        for t in list(self.terms):        # a copy: a top-up may come meanwhile
            pools.setdefault(("words", t[0], len(t)), []).append(t)
            if len(t) >= 4:
                pools.setdefault(("words", t[:2], len(t)), []).append(t)
            for n in range(4, min(len(t), 11)):
                pools.setdefault(("beginnings", t[0], n), set()).add(t[:n])
        with self.lock:                   # the lock a top-up (add) is made under
            if version != self.version:   # topped up meanwhile: these pools are out of date
                return
            for key, pool in pools.items():
                self._pools.setdefault(key, pool if key[0] == "words" else list(pool))
            self.warmed = True

    def sorted_terms(self) -> list[str]:
        return self._pool("sorted", lambda: sorted(self.terms))

    def words(self, start: str, length: int) -> list[str]:
        """Words of this length beginning with these one or two letters (two: words of
        four letters or more)."""
        if len(start) > 1 and length < 4:
            return []
        return self._pool(("words", start, length), lambda: [t for t in self._beginning(start) if len(t) == length])

    def beginnings(self, first: str, length: int) -> list[str]:
        """Distinct beginnings of this length (4 to 10) of longer words, for typos while typing."""
        return self._pool(("beginnings", first, length),
                          lambda: list({t[:length] for t in self._beginning(first) if len(t) > length}))

    def _beginning(self, start: str) -> list[str]:
        """The terms beginning with start: one slice of the sorted terms. Pools are made
        from it when a query first needs them (all at once took seconds at a million
        sentences)."""
        terms = self.sorted_terms()
        return terms[bisect.bisect_left(terms, start):bisect.bisect_left(terms, start + "\U0010ffff")]

    def starting_with(self, text: str, limit: int) -> list[str]:
        terms = self.sorted_terms()
        i = bisect.bisect_left(terms, text)
        found = []
        while i < len(terms) and terms[i].startswith(text) and len(found) <= limit:
            found.append(terms[i])
            i += 1
        return found

    def spellings(self, word: Word) -> list[tuple[float, str]]:
        """(similarity, FTS pattern) for the spellings of the word that are in the index,
        best first. Every word a pattern matches has that similarity or, when another
        pattern also matches it, that one's higher similarity."""
        key = (word.text, word.prefix)
        cached = self.expansions.get(key)
        if cached is not None:
            return cached
        w, n = word.text, len(word.text)
        found: dict[str, float] = {}
        if w in self.terms:
            found[quote(w)] = 100.0
        for k in range(n - word.typos, n + word.typos + 1) if word.typos else ():
            for term, _, _ in process.extract(w, self.words(w[:word.kept], k), scorer=OSA.distance,
                                              score_cutoff=word.typos, limit=None):
                found.setdefault(quote(term), word.sims[term])
        if word.prefix:
            longer = self.starting_with(w, EXPLICIT_PREFIX)
            if len(longer) > EXPLICIT_PREFIX:
                found[quote(w) + "*"] = PREFIX_SIM
            else:
                for term in longer:
                    found.setdefault(quote(term), word.sims[term])
            if word.prefix_typos:
                for stem, d, _ in process.extract(w, self.beginnings(w[0], n), scorer=OSA.distance,
                                                  score_cutoff=word.prefix_typos, limit=None):
                    if stem != w:
                        found.setdefault(quote(stem) + "*", PREFIX_SIM * (1 - d / n))
        result = sorted(((s, p) for p, s in found.items()), reverse=True)[:MAX_SPELLINGS]
        if len(self.expansions) > 2000:
            self.expansions.clear()
        self.expansions[key] = result
        return result


def quote(word: str) -> str:
    """A word as an FTS pattern."""
    return '"' + word + '"'    # tokens hold letters and digits only: nothing to escape


class Vocabulary:
    """One store's vocabulary cache (Store.vocabulary): its Terms, loaded once and topped
    up with newly added sentences. Any connection to the store's file may load it (the app
    searches on a connection of its own). Words of deleted sentences stay in it; they only
    cost a lookup that finds nothing."""

    def __init__(self) -> None:
        self.terms: Terms | None = None
        self.lock = threading.Lock()
        self.sample = None          # sample.Sample: estimates counts that would be slow

    def load(self, db: sqlite_utils.Database) -> Terms:
        """The store's Terms, read once and topped up since. A full read (from the FTS
        index: seconds at a million sentences) is also saved in the store (table
        search_terms) for the next process, which tops it up with the sentences added
        since, or reads the index again once they are more than TOP_UP_ROWS."""
        max_id = db.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0
        with self.lock:
            terms = self.terms
            if terms is None:
                terms = saved_terms(db, max_id)
            if terms is not None and terms.max_id < max_id <= terms.max_id + TOP_UP_ROWS:
                # topped up in memory only: the saved copy stays exactly what a full read gave
                new: set[str] = set()
                for (text,) in db.execute("SELECT text FROM sentences WHERE id > ?", [terms.max_id]):
                    new.update(tokens(text or ""))
                terms.add(new, max_id)
            elif terms is None or terms.max_id != max_id:
                counts = db.execute("SELECT term, doc FROM sentences_vocab").fetchall()
                save_terms(db, counts, max_id)
                terms = terms_of(counts, max_id)
            self.terms = terms
            terms.sorted_terms()     # sort now, not on a keystroke
            return terms

    def save(self, db: sqlite_utils.Database) -> bool:
        """After an ingest: read the vocabulary from the index and save it now, when the
        saved copy is missing or too far behind for a cheap top-up, so that the next search
        (the app's first keystroke) need not. True when it did."""
        max_id = db.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0
        try:
            mark = db.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()
        except sqlite3.Error:
            mark = None
        if mark is not None and int(mark[0]) <= max_id <= int(mark[0]) + TOP_UP_ROWS:
            return False
        with self.lock:
            counts = db.execute("SELECT term, doc FROM sentences_vocab").fetchall()
            save_terms(db, counts, max_id)
            self.terms = terms_of(counts, max_id)
        return True

    def forget(self) -> None:
        """Drop the cached Terms: the next load reads them as a new process would."""
        with self.lock:
            self.terms = None
            self.sample = None


def common_above(max_id: int) -> int:
    """Words in more sentences than this are common. (Sentence ids only grow, so max_id
    is the number of sentences or a little more.)"""
    return max(COMMON_ROWS, int(max_id * COMMON_SHARE))


def terms_of(counts: list[tuple[str, int]], max_id: int) -> Terms:
    """Terms from (term, number of sentences holding it) pairs."""
    terms = Terms({t for t, _ in counts}, max_id)
    terms.common = {quote(t) for t, n in counts if n > common_above(max_id)}
    return terms


def saved_terms(db: sqlite_utils.Database, max_id: int) -> Terms | None:
    """The vocabulary saved in the store, if it is there and no newer than its sentences.
    The words come as one string (they hold no spaces): far quicker than a row each."""
    try:
        mark = db.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()
        if mark is None or int(mark[0]) > max_id:
            return None
        joined = db.execute("SELECT group_concat(term, ' ') FROM search_terms").fetchone()[0] or ""
        common = db.execute("SELECT term FROM search_terms WHERE docs > ?", [common_above(int(mark[0]))]).fetchall()
    except sqlite3.Error:          # no table yet
        return None
    words = joined.split()
    words.sort()                   # bisect needs them sorted; they come in key order, so this is one pass
    terms = Terms(set(words), int(mark[0]), sorted_words=words)
    terms.common = {quote(t) for (t,) in common}
    return terms


def save_terms(db: sqlite_utils.Database, counts: list[tuple[str, int]], max_id: int) -> None:
    """Save a full read of the vocabulary (terms and their sentence counts, as of sentence
    max_id) for the next process, in one transaction. Best effort: a store that is
    read-only or busy with a writer is simply read from the index again next time."""
    conn = db.conn
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    try:
        conn.execute("PRAGMA busy_timeout = 50")
        with conn:
            conn.execute(META)
            conn.execute(SEARCH_TERMS)
            conn.execute("DELETE FROM search_terms")
            conn.executemany("INSERT OR IGNORE INTO search_terms (term, docs) VALUES (?, ?)", counts)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_terms_sentence_id', ?)", (str(max_id),))
    except sqlite3.Error:
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
