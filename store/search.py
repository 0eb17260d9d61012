"""Full-text index over sentences and fuzzy search as you type.

Two stages, so a search over a million sentences stays in milliseconds:
1. Each query word is expanded to its close spellings from the FTS5 vocabulary (kept in
   memory per store file, topped up when sentences are added). The FTS index is queried
   with those (words AND'ed, spellings OR'ed), newest sentences first, a few thousand at
   most: first with each word's best spellings only, then with all of them, and when that
   finds too little, letting one word miss.
2. The candidates are ranked by one scorer (`score_tokens`): for each query word the best
   similarity of any word in the sentence (exact 100, a word that starts with the typed
   word 90-100, a typo by edit distance), averaged, plus a bonus when query words stand
   next to each other in order. Ties go to the newest sentence.

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
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils
from rapidfuzz import process
from rapidfuzz.distance import OSA

CANDIDATES = 2000       # rows fetched from FTS per query stage
MAX_SPELLINGS = 40      # spellings OR'ed per word
EXPLICIT_PREFIX = 30    # a prefix with at most this many words is queried word by word
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


def install(db: sqlite_utils.Database) -> None:
    """Create the FTS5 index over sentences(text), the triggers that keep it in step and
    the vocabulary table. Idempotent; an index created over existing rows is filled."""
    existed = db["sentences_fts"].exists()
    db.executescript(
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
            text, content='sentences', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3');
        CREATE VIRTUAL TABLE IF NOT EXISTS sentences_vocab USING fts5vocab(sentences_fts, row);
        CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE OF text ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;
        """
    )
    if not existed and db.execute("SELECT 1 FROM sentences LIMIT 1").fetchone():
        rebuild(db)


def rebuild(db: sqlite_utils.Database) -> None:
    """Rebuild the FTS index from the sentences table (after bulk inserts made without
    the triggers)."""
    with db.conn:
        db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")


# ---------------------------------------------------------------- text


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one, so offsets stay valid."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    lower = char.lower()
    return lower if len(lower) == 1 else char


def tokens(text: str) -> list[str]:
    """The words of a text as the index sees them (folded)."""
    return _TOKEN.findall(fold(text))


# ---------------------------------------------------------------- scoring


def _max_typos(length: int) -> int:
    return 0 if length <= 3 else 1 if length <= 5 else 2


class Word:
    """One fuzzy query word and its similarity to any indexed word (memoised)."""

    def __init__(self, text: str, prefix: bool):
        self.text = text
        self.prefix = prefix
        self.typos = _max_typos(len(text))
        self.prefix_typos = 1 if len(text) >= 4 else 0
        self.sims = _Sims(self)

    def similarity(self, term: str) -> float:
        w, n = self.text, len(self.text)
        if term == w:
            return 100.0
        best = 0.0
        if self.typos:
            d = OSA.distance(w, term, score_cutoff=self.typos)
            if d <= self.typos:
                best = 100.0 * (1 - d / max(n, len(term)))
        if self.prefix and len(term) > n:
            whole = 90.0 + 10.0 * n / len(term)
            if term.startswith(w):
                return max(best, whole)
            if self.prefix_typos:
                d = OSA.distance(w, term[:n], score_cutoff=self.prefix_typos)
                if d <= self.prefix_typos:
                    best = max(best, whole * (1 - d / n))
        return best


class _Sims(dict):
    def __init__(self, word: Word):
        super().__init__()
        self.word = word

    def __missing__(self, term: str) -> float:
        value = self[term] = self.word.similarity(term)
        return value


def score_tokens(words: list[Word], toks: list[str]) -> float:
    """The score (0-100) of a sentence with these folded tokens for these query words:
    the mean best similarity per word, 90% of it, plus up to 10 for words that stand
    next to each other in query order. A single word scores its best similarity."""
    if not words:
        return 100.0
    total = 0.0
    adjacent = 0
    previous: list[float] | None = None
    for word in words:
        sims = list(map(word.sims.__getitem__, toks))
        total += max(sims, default=0.0)
        if previous is not None and any(a and b for a, b in zip(previous, sims[1:])):
            adjacent += 1
        previous = sims
    mean = total / len(words)
    if len(words) == 1 or mean == 0:
        return mean
    return 0.9 * mean + 10.0 * adjacent / (len(words) - 1)


# ---------------------------------------------------------------- query syntax


@dataclass
class Term:
    """An operator term: kind is exact, phrase, start, end, or start+end; negated for !."""
    kind: str
    text: str            # folded
    negated: bool = False

    def words(self) -> list[str]:
        return _TOKEN.findall(self.text)

    def pattern(self) -> re.Pattern:
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
        pattern = self.pattern()
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
        self.expansions: dict = {}

    def add(self, new_terms: set[str], max_id: int) -> None:
        self.max_id = max_id
        if not new_terms <= self.terms:
            self.terms |= new_terms
            self._pools.clear()
            self.expansions.clear()

    def _pool(self, key, make):
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = make()
        return pool

    def sorted_terms(self) -> list[str]:
        return self._pool("sorted", lambda: sorted(self.terms))

    def of_length(self, n: int) -> list[str]:
        return self._pool("lengths", lambda: _group(self.terms, lambda t: [len(t)])).get(n, [])

    def prefixes(self, n: int) -> list[str]:
        """Distinct beginnings of n characters of longer words (for typos while typing)."""
        return self._pool("prefixes", lambda: _group(
            self.terms, lambda t: range(4, len(t)), lambda t, n: t[:n])).get(n, [])

    def starting_with(self, text: str, limit: int) -> list[str]:
        terms = self.sorted_terms()
        i = bisect.bisect_left(terms, text)
        found = []
        while i < len(terms) and terms[i].startswith(text) and len(found) <= limit:
            found.append(terms[i])
            i += 1
        return found

    def spellings(self, word: Word) -> list[tuple[float, str]]:
        """(upper bound of similarity, FTS pattern) for every spelling of the word that
        is in the index, best first."""
        key = (word.text, word.prefix)
        cached = self.expansions.get(key)
        if cached is not None:
            return cached
        w, n = word.text, len(word.text)
        found: dict[str, float] = {}
        if w in self.terms:
            found[_quote(w)] = 100.0
        if word.typos:
            for k in range(n - word.typos, n + word.typos + 1):
                for term, _, _ in process.extract(w, self.of_length(k), scorer=OSA.distance,
                                                  score_cutoff=word.typos, limit=None):
                    found[_quote(term)] = word.sims[term]
        if word.prefix:
            bound = 90.0 + 10.0 * n / (n + 1)
            longer = self.starting_with(w, EXPLICIT_PREFIX)
            if len(longer) > EXPLICIT_PREFIX:
                found[_quote(w) + "*"] = bound
            else:
                for term in longer:
                    found.setdefault(_quote(term), word.sims[term])
            if word.prefix_typos:
                for stem, d, _ in process.extract(w, self.prefixes(n), scorer=OSA.distance,
                                                  score_cutoff=word.prefix_typos, limit=None):
                    if stem != w:
                        found.setdefault(_quote(stem) + "*", bound * (1 - d / n))
        result = sorted(((s, p) for p, s in found.items()), reverse=True)[:MAX_SPELLINGS]
        if len(self.expansions) > 2000:
            self.expansions.clear()
        self.expansions[key] = result
        return result


def _group(terms, keys, value=lambda t, k: t) -> dict[int, list[str]]:
    groups: dict[int, set[str]] = {}
    for t in terms:
        for k in keys(t):
            groups.setdefault(k, set()).add(value(t, k))
    return {k: sorted(v) for k, v in groups.items()}


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
    """The store's vocabulary, loaded once and topped up with newly added sentences."""
    key = _store_key(db)
    max_id = db.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0
    with _vocab_lock:
        vocab = _vocabs.get(key)
        if vocab is not None and vocab.max_id == max_id:
            return vocab
        if vocab is not None and vocab.max_id < max_id <= vocab.max_id + TOP_UP_ROWS:
            new: set[str] = set()
            for (text,) in db.execute("SELECT text FROM sentences WHERE id > ?", [vocab.max_id]):
                new.update(tokens(text or ""))
            vocab.add(new, max_id)
            return vocab
        terms = {t for (t,) in db.execute("SELECT term FROM sentences_vocab")}
        vocab = _vocabs[key] = _Vocab(terms, max_id)
        return vocab


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
    stop = should_stop or (lambda: False)
    if limit <= 0:
        return []
    positive = [_fts_term(t) for t in parsed.terms if not t.negated and t.words()]
    negative = [_fts_term(t) for t in parsed.terms if t.negated and t.words()]
    if not parsed.words and not positive:
        return []
    vocab = vocabulary(db)
    groups = [vocab.spellings(w) for w in parsed.words]
    if any(not g for g in groups) and len(groups) == 1 and not positive:
        return []

    candidates: dict[int, str] = {}

    def fetch(word_groups: list[list[str]]) -> int:
        parts = ["(" + " OR ".join(g) + ")" for g in word_groups if g] + positive
        if not parts:
            return 0
        match = " AND ".join(parts)
        if negative:
            match = "(" + match + ") NOT (" + " OR ".join(negative) + ")"
        rows = db.execute(
            "SELECT rowid, text FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            [match, CANDIDATES],
        ).fetchall()
        candidates.update(rows)
        return len(rows)

    best = [[p for s, p in g if s >= g[0][0] - 5] if g else [] for g in groups]
    full = [[p for _, p in g] for g in groups]
    if all(groups):
        found = fetch(best)
        if found < CANDIDATES and full != best and not stop():
            fetch(full)
    if len(groups) > 1 and len(candidates) < limit:
        for i in range(len(groups)):
            if stop():
                return []
            fetch(full[:i] + full[i + 1:])
    if stop():
        return []

    ranked = []
    for sid, text in candidates.items():
        folded = fold(text or "")
        if parsed.terms and not parsed.accepts(folded):
            continue
        score = score_tokens(parsed.words, _TOKEN.findall(folded))
        if score > 0:
            ranked.append((score, sid, text))
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    ranked = ranked[:limit]
    if not ranked or stop():
        return []

    ids = [sid for _, sid, _ in ranked]
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT s.id, s.article_id, s.char_start, s.char_end, a.title, a.source FROM sentences s "
            f"LEFT JOIN articles a ON a.id = s.article_id WHERE s.id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    hits = []
    for score, sid, text in ranked:
        if sid not in rows:
            continue
        article_id, start, end, title, source = rows[sid]
        hits.append(Hit(sid, article_id, title, text, start, end, round(score, 1), highlights(parsed, text), source))
    return hits


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
        for m in _TOKEN.finditer(folded):
            if any(w.sims[m.group()] > 0 for w in parsed.words):
                spans.append(m.span())
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
