"""Quote check: a quote as someone remembers it -> the closest things really said in the
store, each with who said it, where and when, and a word-level diff.

    check(store, "Starmer said if you want peace you have to be ready to defend it")

1. Speaker strip: a leading "Starmer said", "As Starmer put it," or "Starmer:" (a
   trailing ", Starmer said" too) is taken off the text and kept to prefer that person's
   quotes (never required).
2. Candidates, fast at a million sentences: every word of the text is expanded to its
   close spellings in the store's vocabulary (the search's Terms.spellings). The rarest
   words (fewest sentences, from the saved vocabulary's counts; none of the STOP words
   or words in more than 5% of the sentences and 5,000 of them), every two of them, ask the FTS index for
   the sentences holding both (the index intersects them; newest 60 each), and a sentence
   gets the rarity (idf) of the words it was found by. A text with fewer than three such
   words (a fragment, or common words only) also asks for the sentences holding all of its
   words. The best CANDIDATES sentences are scored.
3. Scoring, with rapidfuzz: for each candidate sentence, the quotes stored over it and
   the sentence itself are scored (score()); the best of a sentence is its quote unless
   the plain sentence fits clearly better (then: "found in the article text, not as a
   quote"). A result needs THRESHOLD or more.
4. A word-level diff between what was pasted and what was said (diff()).

Each step is a module here: speaker.py, candidates.py, scoring.py, word_diff.py; this
one runs them (check()) and says where each match was found.

Why THRESHOLD is 70: see benchmarks/check_bench.py --threshold, which scores made-up
variants (partial, reordered, misspelt, paraphrased in places, with a speaker; and
invented quotes: real quotes of articles not in the store, and shuffles of real words)
against a store of the shared corpus; the numbers are in the README.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field

import sqlite_utils

from store.cite import cite, quote_text
from store.db import sql
from store.extract.text import clean_text
from store.search import Vocabulary, tokens

from .candidates import STOP, candidates
from .scoring import Pasted, spellings_of
from .speaker import same_person, split_speaker
from .word_diff import diff, diff_markers

THRESHOLD = 70.0        # a match needs this score (0-100); see the module docstring
LIMIT = 5               # matches returned by default
QUOTE_PREFERENCE = 8.0  # a quote over a sentence is kept unless the sentence scores this much more
RUN_ON = 5.0            # two sentences together replace the first when they score this much more
RUN_ON_FLOOR = 45.0     # (tried for a sentence that scores this much alone)
SPEAKER_BONUS = 3.0     # ranking bonus (not score) for the named speaker's quotes
FEW_WORDS = 4           # a text with fewer words that are not STOP words ...
FEW_PENALTY = 6.0       # ... loses this much score per word short (it could be anyone's)


@dataclass
class Match:
    """One thing really said (kind "quote") or written (kind "sentence": found in the article
    text, not as a quote) that is close to the text checked."""

    score: float
    kind: str
    text: str
    article_id: int
    char_start: int
    char_end: int
    sentence_id: int | None = None
    quote_id: int | None = None
    speaker: str | None = None      # who said it, as byline names them (None: not named)
    person: str | None = None       # the person's full name, when byline names one
    role: str | None = None
    date: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    citation: str = ""
    speaker_match: bool = False     # said by the person the text named
    diff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def note(self) -> str:
        return "found in the article text, not as a quote" if self.kind == "sentence" else ""

    def to_json(self) -> dict:
        row = asdict(self)
        row["diff"] = [list(part) for part in self.diff]
        row["diff_text"] = diff_markers(self.diff)
        row["note"] = self.note
        return row


@dataclass
class CheckResult:
    query: str                  # as given
    text: str                   # what was checked (the speaker taken off)
    speaker: str | None         # the speaker the text named, if any
    matches: list[Match]
    best_below: float = 0.0     # the best score under the threshold (when nothing matched)
    threshold: float = THRESHOLD

    @property
    def found(self) -> bool:
        return bool(self.matches)

    def to_json(self) -> dict:
        return {"query": self.query, "text": self.text, "speaker": self.speaker, "found": self.found,
                "threshold": self.threshold, "best_below": round(self.best_below, 1),
                "matches": [m.to_json() for m in self.matches]}


# ---- the check --------------------------------------------------------------------------

_SENTENCES = """SELECT s.id, s.article_id, s.char_start, s.char_end, s.text FROM sentences s
WHERE s.id IN ({ids})"""
_OVERLAPPING = """SELECT s.id, q.id, q.char_start, q.char_end, q.text FROM sentences s
JOIN quotes q ON q.article_id = s.article_id AND q.char_start < s.char_end AND q.char_end > s.char_start
WHERE s.id IN ({ids})"""
_QUOTE_ROWS = """SELECT q.id, q.article_id, q.person_id, p.name AS speaker, q.source AS organisation,
    ap.role AS role, q.text, q.kind, q.char_start, q.char_end, q.likely, q.described,
    a.title, a.source, a.url, a.published, a.author
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id
LEFT JOIN article_people ap ON ap.article_id = q.article_id AND ap.person_id = q.person_id
WHERE q.id IN ({ids})"""
_ARTICLES = "SELECT id, title, source, url, published, author FROM articles WHERE id IN ({ids})"


def check(store, text: str, limit: int = LIMIT, threshold: float = THRESHOLD,
          vocabulary: Vocabulary | None = None) -> CheckResult:
    """The closest quotes and sentences in the store to a remembered quote, best first
    (those scoring `threshold` or more). store: a Store (its vocabulary cache is used),
    or a connection to one (then pass the store's vocabulary: else it is read afresh)."""
    conn = sql.connection(store)
    vocabulary = vocabulary or getattr(store, "vocabulary", None) or Vocabulary()
    speaker, rest = split_speaker(text)
    db = store if isinstance(store, sqlite_utils.Database) else getattr(store, "db", None) or sqlite_utils.Database(conn)
    scored = score_all(db, vocabulary, rest, speaker, text)
    matches = [m for m in scored if m.score >= threshold]
    best_below = max((m.score for m in scored if m.score < threshold), default=0.0)
    matches = _distinct(matches)[:limit]
    _describe(conn, matches, rest)
    return CheckResult(text, rest, speaker, matches, best_below, threshold)


def score_all(db: sqlite_utils.Database, vocabulary: Vocabulary, rest: str, speaker: str | None,
              original: str) -> list[Match]:
    """Every candidate scored (no threshold), best first: what check() keeps from."""
    pasted = tokens(rest)
    if len(pasted) < 2 and not (pasted and len(pasted[0]) > 3):
        return []
    terms = vocabulary.load(db)
    conn = db.conn
    ids = candidates(conn, terms, pasted)
    if not ids:
        return []
    full = tokens(original)
    scorer = Pasted(pasted, spellings_of(terms, pasted))
    scorer_full = Pasted(full, spellings_of(terms, full)) if full != pasted else None
    penalty = FEW_PENALTY * max(0, FEW_WORDS - len({t for t in pasted if t not in STOP and len(t) > 1}))
    marks = ",".join("?" * len(ids))
    sentences = conn.execute(_SENTENCES.format(ids=marks), ids).fetchall()
    over: dict[int, list[tuple]] = {}
    for sid, *quote in conn.execute(_OVERLAPPING.format(ids=marks), ids):
        over.setdefault(sid, []).append(quote)
    # the pasted text with its speaker too: "Trump said the plan would fail" may be the sentence
    plains = {}
    for sid, _, _, _, sentence in sentences:
        said = tokens(sentence or "")
        plains[sid] = (max(scorer.score(said), scorer_full.score(said) if scorer_full else 0.0) - penalty, len(said))
    # a text longer than a sentence that it half fits may run on into the next one
    short = [sid + 1 for sid, (plain, n) in plains.items() if len(pasted) > 1.3 * n and plain >= RUN_ON_FLOOR]
    following = {sid - 1: (article_id, end, text or "") for sid, article_id, _, end, text in conn.execute(
        _SENTENCES.format(ids=",".join("?" * len(short))), short)} if short else {}
    found: dict[tuple, Match] = {}
    quote_scores: dict[int, float] = {}
    for sid, article_id, start, end, sentence in sentences:
        sentence = sentence or ""
        plain = plains[sid][0]
        best: Match | None = Match(round(plain, 1), "sentence", sentence, article_id, start, end, sentence_id=sid)
        if sid in following and following[sid][0] == article_id:
            _, next_end, next_text = following[sid]
            both = sentence + " " + next_text
            two = scorer.score(tokens(both)) - penalty
            if two > plain + RUN_ON:
                plain = two
                best = Match(round(two, 1), "sentence", both, article_id, start, next_end, sentence_id=sid)
        for qid, q_start, q_end, quoted in over.get(sid, ()):
            if qid not in quote_scores:
                quoted_words = tokens(quoted or "")
                quote_scores[qid] = max(scorer.score(quoted_words),
                                        scorer_full.score(quoted_words) if scorer_full else 0.0) - penalty
            q_score = quote_scores[qid]
            if q_score >= plain - QUOTE_PREFERENCE and (best.kind == "sentence" or q_score > best.score):
                best = Match(round(q_score, 1), "quote", quoted or "", article_id, q_start, q_end,
                             sentence_id=sid, quote_id=qid)
        key = ("quote", best.quote_id) if best.kind == "quote" else ("sentence", sid)
        if key not in found or found[key].score < best.score:
            found[key] = best
    return _best_first(conn, list(found.values()), speaker)


def _best_first(conn: sqlite3.Connection, matches: list[Match], speaker: str | None) -> list[Match]:
    """Matches best first; those by the speaker the text named rank SPEAKER_BONUS higher."""
    if speaker:
        _speakers(conn, [m for m in matches if m.kind == "quote"])
        for m in matches:
            m.speaker_match = same_person(speaker, m.person or m.speaker)
    matches.sort(key=lambda m: (-(m.score + (SPEAKER_BONUS if m.speaker_match else 0.0)), -m.article_id))
    return matches


def _distinct(matches: list[Match]) -> list[Match]:
    """One match per text said in the same article (a quote and a sentence over it)."""
    seen, out = set(), []
    for m in matches:
        key = (m.article_id, " ".join(tokens(m.text)))
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _speakers(conn: sqlite3.Connection, matches: list[Match]) -> None:
    """Fill in who said each quote (all the citation needs)."""
    ids = [m.quote_id for m in matches if m.quote_id is not None]
    if not ids:
        return
    cur = conn.execute(_QUOTE_ROWS.format(ids=",".join("?" * len(ids))), ids)
    names = [d[0] for d in cur.description]
    rows = {r[0]: dict(zip(names, r)) for r in cur.fetchall()}
    for m in matches:
        row = rows.get(m.quote_id)
        if row is None:
            continue
        m.person = row["speaker"]
        m.speaker = row["speaker"] or row["organisation"] or row["described"]
        m.role = row["role"] if row["speaker"] else None
        m.title, m.outlet, m.url, m.date, m.author = (row["title"], row["source"], row["url"],
                                                      _date(row["published"]), row["author"])
        m.citation = cite(row)
        m.text = quote_text(row) or m.text


def _describe(conn: sqlite3.Connection, matches: list[Match], pasted: str) -> None:
    """Speakers, articles, citations and diffs for the matches kept."""
    _speakers(conn, [m for m in matches if m.kind == "quote" and not m.citation])
    plain = [m for m in matches if m.kind == "sentence"]
    if plain:
        ids = sorted({m.article_id for m in plain})
        rows = {r[0]: r[1:] for r in conn.execute(_ARTICLES.format(ids=",".join("?" * len(ids))), ids)}
        for m in plain:
            title, source, url, published, author = rows.get(m.article_id, (None,) * 5)
            m.title, m.outlet, m.url, m.date, m.author = title, source, url, _date(published), author
            m.text = " ".join(clean_text(m.text).split())
            where = [w for w in (f"“{_one_line(title)}”" if title else None, _one_line(source), m.date) if w]
            m.citation = f"“{m.text}” — in " + ", ".join(where or ["an article"]) + "." + \
                (f" {_one_line(url)}" if url else "")
    for m in matches:
        m.diff = diff(pasted, m.text)


def _one_line(value) -> str | None:
    return " ".join(clean_text(str(value)).split()) or None if value is not None else None


def _date(published) -> str | None:
    value = _one_line(published)
    if value and re.match(r"\d{4}-\d\d-\d\dT", value):
        return value[:10]
    return value


__all__ = ["LIMIT", "THRESHOLD", "CheckResult", "Match", "check", "score_all"]
