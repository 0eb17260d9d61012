"""Full-text index over sentences and fuzzy search as you type.

Two stages, so a search over a million sentences stays in milliseconds:
1. Each query word is expanded to its close spellings from the FTS5 vocabulary (kept in
   memory per store file, topped up when sentences are added, and saved in the store so
   the next process reads it in a tenth of a second; typos keep the first letter). The FTS index is queried with those (words AND'ed, spellings OR'ed), newest
   sentences first, a couple of hundred rows per query, best spellings first: the words
   next to each other, then anywhere, then with worse spellings, then with one word
   missing. Searching stops as soon as no later query can beat the rows in hand.
   Very common words ("the", "said") are left out of the FTS queries when a rarer word
   is there, since they make them slow; the ranking still counts them.
2. The candidates are ranked by one scorer (`rank`): for each query word the best
   similarity of any word in the sentence (exact 100, a longer word the typed last word
   begins 95, a typo less by edit distance), averaged; equal scores go first to sentences
   with the query words next to each other in order, then to the newest.

Query syntax, as in fzf: `'exact` (no typos; matches from the start of a word), `^start`
(the sentence starts with it), `end$` (the sentence ends with that word), `!not` (leave
out sentences containing it), `"a phrase"` (these words in this order); anything else is
fuzzy. The last word is also matched as a prefix unless the query ends with a space.
Words of one character are ignored (they would match nearly every sentence), so a
one-character query finds nothing; two characters use the FTS prefix index.
"""
from __future__ import annotations

import bisect
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, count

import sqlite_utils
from rapidfuzz import process
from rapidfuzz.distance import OSA

CANDIDATES = 150        # rows fetched from FTS per stage that mixes similarity levels
RELAX = (85.0, 70.0, 0.0)  # stages of a several-word query take spellings down to these
PREFIX_SIM = 95.0       # similarity of a word that begins with the typed last word
MAX_SPELLINGS = 16      # spellings OR'ed per word
EXPLICIT_PREFIX = 30    # a prefix with at most this many words is queried word by word
COMMON_SHARE = 0.2      # words in more sentences than this share (and COMMON_ROWS) are
COMMON_ROWS = 5000      # left out of FTS queries with rarer words: they make them slow
TOP_UP_ROWS = 50_000    # more new sentences than this reload the vocabulary instead

_TOKEN = re.compile(r"[^\W_]+")
_EDGE = r"[\W_]*"


class SearchSyntaxError(ValueError):
    """A query that cannot be parsed; the message is one line, fit to show the user."""


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


# ---------------------------------------------------------------- index


_INSTALL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
        text, content='sentences', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2', columnsize=0)""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_vocab USING fts5vocab(sentences_fts, row)",
    """CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE OF text ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]


def install(db) -> None:
    """Create the FTS5 index over sentences(text), the triggers that keep it in step and
    the vocabulary table; an index created over existing rows is filled. Idempotent, and
    inside the caller's transaction when there is one (a store's migration is all or
    nothing), else in a transaction of its own.
    Hits are ranked by rapidfuzz, never bm25, so the index keeps no column sizes (a quarter
    of its cost at ingest). Only two-letter prefixes are indexed: longer ones are expanded
    from the vocabulary or read from the terms themselves, as fast at a million sentences
    (keystroke p95 14-19 ms with or without a three-letter index) for a fifth less ingest."""
    conn = getattr(db, "conn", db)         # a sqlite_utils.Database or a plain connection
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        existed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentences_fts'").fetchone()
        for statement in _INSTALL:
            conn.execute(statement)
        if not existed and conn.execute("SELECT 1 FROM sentences LIMIT 1").fetchone():
            conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    except BaseException:
        if own:
            conn.rollback()
        raise
    if own:
        conn.commit()


# ---------------------------------------------------------------- text


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


_FOLDED = _FoldTable()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def tokens(text: str) -> list[str]:
    """The words of a text as the index sees them (folded)."""
    if text.isascii():
        return text.translate(_ASCII_WORDS).split()     # twice as fast as the regex
    return _TOKEN.findall(fold(text))


# lower-cases letters and turns every other ASCII character but digits into a space
_ASCII_WORDS = {i: chr(i).lower() if chr(i).isalnum() else " " for i in range(128)}


# ---------------------------------------------------------------- scoring


def _max_typos(length: int) -> int:
    return 0 if length <= 3 else 1 if length <= 5 else 2


class Word:
    """One fuzzy query word and its similarity to any indexed word (memoised)."""

    def __init__(self, text: str, prefix: bool):
        self.text = text
        self.prefix = prefix
        self.typos = _max_typos(len(text))
        self.kept = 2 if self.typos == 2 else 1     # letters a typo keeps, as _Vocab.words
        self.prefix_typos = 1 if 4 <= len(text) <= 10 else 0    # as _Vocab.beginnings
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


# ---------------------------------------------------------------- query syntax


@dataclass
class Term:
    """An operator term: kind is exact, phrase, start, end, or start+end; negated for !."""
    kind: str
    text: str            # folded
    negated: bool = False

    def words(self) -> list[str]:
        return _TOKEN.findall(self.text)

    @cached_property
    def regex(self) -> re.Pattern:
        body = re.escape(self.text)
        if self.kind == "phrase":
            body = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, self.words())) + r"(?![^\W_])"
        elif self.kind in ("start", "start+end"):
            body = "^" + _EDGE + "(" + body + ")"
        if self.kind in ("end", "start+end"):
            if self.kind == "end" and self.text[:1].isalnum():
                body = r"(?<![^\W_])" + body
            body = body + _EDGE + "$"
        return re.compile(body)

    def spans(self, folded: str) -> list[tuple[int, int]]:
        pattern = self.regex
        if self.kind in ("start", "start+end"):
            m = pattern.search(folded)
            return [m.span(1)] if m else []
        if self.kind == "end":
            m = pattern.search(folded)
            return [(m.start(), m.start() + len(self.text))] if m else []
        return [m.span() for m in pattern.finditer(folded)]


@dataclass
class Query:
    words: list[Word]
    terms: list[Term]

    def accepts(self, folded: str) -> bool:
        for term in self.terms:
            found = bool(term.spans(folded)) if term.kind != "exact" else term.text in folded
            if found == term.negated:
                return False
        return True


_CHUNK = re.compile(r'(!?)"([^"]*)"|[^\s"]+')


def parse(query: str) -> Query:
    """Split a query into fuzzy words and operator terms; raise SearchSyntaxError."""
    if query.count('"') % 2:
        raise SearchSyntaxError('unbalanced quote: a phrase needs a closing "')
    plain: list[str] = []
    terms: list[Term] = []
    last_is_plain = False
    for m in _CHUNK.finditer(query):
        last_is_plain = False
        if m.group(2) is not None:
            text = fold(m.group(2).strip())
            if not _TOKEN.search(text):
                raise SearchSyntaxError("empty phrase: put words between the quotes")
            terms.append(Term("phrase", text, negated=bool(m.group(1))))
            continue
        chunk = m.group()
        negated = chunk.startswith("!")
        body = chunk[1:] if negated else chunk
        kind = ""
        if body.startswith("'"):
            kind, body = "exact", body[1:]
        elif body.startswith("^") or (body.endswith("$") and len(body) > 0):
            start, end = body.startswith("^"), body.endswith("$")
            body = body[1 if start else 0: -1 if end else None]
            kind = "start+end" if start and end else "start" if start else "end"
        if not body:
            raise SearchSyntaxError(f"operator {chunk!r} needs a word right after it (as in !word, 'word, ^word, word$)")
        if kind or negated:
            terms.append(Term(kind or "exact", fold(body), negated))
        else:
            plain.append(body)
            last_is_plain = True
    texts = tokens(" ".join(plain))
    prefix_last = last_is_plain and not query[-1:].isspace() and bool(texts)
    words = [_word(t, prefix_last and i == len(texts) - 1) for i, t in enumerate(texts) if len(t) > 1]
    return Query(words, terms)


@lru_cache(maxsize=512)
def _word(text: str, prefix: bool) -> Word:
    return Word(text, prefix)    # cached with its memo, so typing on reuses similarities


# ---------------------------------------------------------------- vocabulary


class _Vocab:
    """The indexed words of one store, with the pools the expansion searches."""

    def __init__(self, terms: set[str], max_id: int):
        self.terms = terms
        self.max_id = max_id
        self._pools: dict = {}
        self.warmed = False               # every pool made: a missing one is empty
        self.version = 0                  # grows with every top-up
        self.expansions: dict = {}
        self.common: set[str] = set()     # quoted words in a large share of all sentences

    def add(self, new_terms: set[str], max_id: int) -> None:
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
        with _vocab_lock:                 # the lock a top-up (add) is made under
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
            found[_quote(w)] = 100.0
        for k in range(n - word.typos, n + word.typos + 1) if word.typos else ():
            for term, _, _ in process.extract(w, self.words(w[:word.kept], k), scorer=OSA.distance,
                                              score_cutoff=word.typos, limit=None):
                found.setdefault(_quote(term), word.sims[term])
        if word.prefix:
            longer = self.starting_with(w, EXPLICIT_PREFIX)
            if len(longer) > EXPLICIT_PREFIX:
                found[_quote(w) + "*"] = PREFIX_SIM
            else:
                for term in longer:
                    found.setdefault(_quote(term), word.sims[term])
            if word.prefix_typos:
                for stem, d, _ in process.extract(w, self.beginnings(w[0], n), scorer=OSA.distance,
                                                  score_cutoff=word.prefix_typos, limit=None):
                    if stem != w:
                        found.setdefault(_quote(stem) + "*", PREFIX_SIM * (1 - d / n))
        result = sorted(((s, p) for p, s in found.items()), reverse=True)[:MAX_SPELLINGS]
        if len(self.expansions) > 2000:
            self.expansions.clear()
        self.expansions[key] = result
        return result


def _quote(word: str) -> str:
    return '"' + word + '"'    # tokens hold letters and digits only: nothing to escape


_vocabs: dict = {}
_vocab_lock = threading.Lock()


def _store_key(db: sqlite_utils.Database):
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            return path
    return ("memory", id(db.conn))


def vocabulary(db: sqlite_utils.Database) -> _Vocab:
    """The store's vocabulary, loaded once and topped up with newly added sentences.
    Words of deleted sentences stay in it; they only cost a lookup that finds nothing.
    A full read (from the FTS index: seconds at a million sentences) is also saved in the
    store (table search_terms) for the next process, which tops it up with the sentences
    added since, or reads the index again once they are more than TOP_UP_ROWS."""
    key = _store_key(db)
    max_id = db.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0
    with _vocab_lock:
        vocab = _vocabs.get(key)
        if vocab is None:
            vocab = _saved_vocabulary(db, max_id)
        if vocab is not None and vocab.max_id < max_id <= vocab.max_id + TOP_UP_ROWS:
            # topped up in memory only: the saved copy stays exactly what a full read gave
            new: set[str] = set()
            for (text,) in db.execute("SELECT text FROM sentences WHERE id > ?", [vocab.max_id]):
                new.update(tokens(text or ""))
            vocab.add(new, max_id)
        elif vocab is None or vocab.max_id != max_id:
            counts = db.execute("SELECT term, doc FROM sentences_vocab").fetchall()
            _save_vocabulary(db, counts, max_id)
            vocab = _vocab_of(db, counts, max_id)
        _vocabs[key] = vocab
        vocab.sorted_terms()     # sort now, not on a keystroke
        return vocab


def _common_above(max_id: int) -> int:
    """Words in more sentences than this are common. (Sentence ids only grow, so max_id
    is the number of sentences or a little more.)"""
    return max(COMMON_ROWS, int(max_id * COMMON_SHARE))


def save_vocabulary(db: sqlite_utils.Database) -> bool:
    """After an ingest: read the vocabulary from the index and save it now, when the saved
    copy is missing or too far behind for a cheap top-up, so that the next search (the
    app's first keystroke) need not. True when it did."""
    max_id = db.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0
    try:
        mark = db.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()
    except sqlite3.Error:
        mark = None
    if mark is not None and int(mark[0]) <= max_id <= int(mark[0]) + TOP_UP_ROWS:
        return False
    with _vocab_lock:
        counts = db.execute("SELECT term, doc FROM sentences_vocab").fetchall()
        _save_vocabulary(db, counts, max_id)
        _vocabs[_store_key(db)] = _vocab_of(db, counts, max_id)
    return True


def _vocab_of(db: sqlite_utils.Database, counts: list[tuple[str, int]], max_id: int) -> _Vocab:
    """A vocabulary from (term, number of sentences holding it) pairs."""
    vocab = _Vocab({t for t, _ in counts}, max_id)
    vocab.common = {_quote(t) for t, n in counts if n > _common_above(max_id)}
    return vocab


def _saved_vocabulary(db: sqlite_utils.Database, max_id: int) -> _Vocab | None:
    """The vocabulary saved in the store, if it is there and no newer than its sentences.
    The words come as one string (they hold no spaces): far quicker than a row each."""
    try:
        mark = db.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()
        if mark is None or int(mark[0]) > max_id:
            return None
        joined = db.execute("SELECT group_concat(term, ' ') FROM search_terms").fetchone()[0] or ""
        common = db.execute("SELECT term FROM search_terms WHERE docs > ?", [_common_above(int(mark[0]))]).fetchall()
    except sqlite3.Error:          # no table yet
        return None
    terms = joined.split()
    terms.sort()                   # bisect needs them sorted; they come in key order, so this is one pass
    vocab = _Vocab(set(terms), int(mark[0]))
    vocab._pools["sorted"] = terms
    vocab.common = {_quote(t) for (t,) in common}
    return vocab


def _save_vocabulary(db: sqlite_utils.Database, counts: list[tuple[str, int]], max_id: int) -> None:
    """Save a full read of the vocabulary (terms and their sentence counts, as of sentence
    max_id) for the next process, in one transaction. Best effort: a store that is
    read-only or busy with a writer is simply read from the index again next time."""
    conn = db.conn
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    try:
        conn.execute("PRAGMA busy_timeout = 50")
        with conn:
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")    # as db.py has it
            conn.execute("CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID")
            conn.execute("DELETE FROM search_terms")
            conn.executemany("INSERT OR IGNORE INTO search_terms (term, docs) VALUES (?, ?)", counts)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_terms_sentence_id', ?)", (str(max_id),))
    except sqlite3.Error:
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def forget(db: sqlite_utils.Database | None = None) -> None:
    """Drop cached vocabularies (all, or one store's)."""
    with _vocab_lock:
        if db is None:
            _vocabs.clear()
        else:
            _vocabs.pop(_store_key(db), None)


# ---------------------------------------------------------------- search


def search(db: sqlite_utils.Database, query: str, limit: int = 50,
           should_stop: Callable[[], bool] | None = None) -> list[Hit]:
    """Sentences matching the query, best first. `should_stop` is polled between stages;
    when it returns True the search gives up and returns []."""
    parsed = parse(query)
    if limit <= 0:
        return []
    positive = [_fts_term(t) for t in parsed.terms if not t.negated and t.words()]
    negative = [_fts_term(t) for t in parsed.terms if t.negated and t.words()]
    if not parsed.words and not positive:
        return []
    vocab = vocabulary(db)
    groups = [vocab.spellings(w) for w in parsed.words]
    common = [bool(g) and g[0][1] in vocab.common for g in groups]
    found: dict[int, tuple[float, int, str]] = {}     # id: (score, adjacent, text)

    def fetch(parts: list[str], cap: int) -> None:
        match = " AND ".join(parts + positive)
        if negative:
            match = "(" + match + ") NOT (" + " OR ".join(negative) + ")"
        ids = [sid for (sid,) in db.execute(
            "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            [match, cap],
        ).fetchall() if sid not in found]
        if not ids:
            return
        rows = db.execute(f"SELECT id, text FROM sentences WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
        for sid, text in rows:      # text only for rows no earlier stage brought
            if sid not in found:
                text = text or ""
                if parsed.terms and not parsed.accepts(fold(text)):
                    found[sid] = (0.0, 0, text)
                else:
                    found[sid] = (*rank(parsed.words, tokens(text)), text)

    for parts, cap, bound in _stages(groups, common, limit if not parsed.terms else CANDIDATES):
        if should_stop and should_stop():
            return []
        fetch(parts, cap)
        # later stages cannot beat `bound` (ties go to the newer, maybe later, row):
        # stop once `limit` candidates are better
        if sum(1 for s, _, _ in found.values() if s > bound) >= limit:
            break

    ranked = sorted(((s, a, sid, text) for sid, (s, a, text) in found.items() if s > 0),
                    key=lambda r: (-r[0], -r[1], -r[2]))[:limit]
    if not ranked or (should_stop and should_stop()):
        return []
    ids = [r[2] for r in ranked]
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT s.id, s.article_id, s.char_start, s.char_end, a.title, a.source FROM sentences s "
            f"LEFT JOIN articles a ON a.id = s.article_id WHERE s.id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    hits = []
    for score, _, sid, text in ranked:
        if sid in rows:
            article_id, start, end, title, source = rows[sid]
            hits.append(Hit(sid, article_id, title, text, start, end, round(score, 1),
                            highlights(parsed, text), source))
    return hits


def _stages(groups: list[list[tuple[float, str]]], common: list[bool], enough: int):
    """The FTS queries to run in turn, best matches first, each as (AND'ed parts, row cap,
    the best score any later stage can reach). `enough` rows of one level suffice.
    Common words are left out of the queries when a rarer one is there (the ranking
    still counts them)."""
    if not groups:
        yield [], CANDIDATES, 0.0      # operators only
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
                stages.append((query(wider), CANDIDATES,
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


def highlights(parsed: Query, text: str) -> list[tuple[int, int]]:
    """Offsets in text of the words the query matched, merged and in order."""
    folded = fold(text)
    spans = []
    if parsed.words:
        toks = tokens(text)
        matched: set[str] = set()
        for word in parsed.words:
            matched.update(compress(toks, map(word.sims.__getitem__, toks)))
        spans.extend(m.span() for m in _TOKEN.finditer(folded) if m.group() in matched)
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
