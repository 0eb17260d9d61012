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

Why THRESHOLD is 70: see benchmarks/check_bench.py --threshold, which scores made-up
variants (partial, reordered, misspelt, paraphrased in places, with a speaker; and
invented quotes: real quotes of articles not in the store, and shuffles of real words)
against a store of the shared corpus; the numbers are in the README.
"""
from __future__ import annotations

import difflib
import math
from itertools import combinations
import re
import sqlite3
from dataclasses import asdict, dataclass, field

import sqlite_utils
from rapidfuzz import fuzz, process

from store.cite import cite, quote_text
from store.extract.text import clean_text
from store.lexicon.speech import SPEECH_VERBS
from store.db import sql
from store.search import Terms, Vocabulary, tokens
from store.search.syntax import word as query_word

THRESHOLD = 70.0        # a match needs this score (0-100); see the module docstring
LIMIT = 5               # matches returned by default
CANDIDATES = 120        # candidate sentences scored
RARE_WORDS = 7          # the rarest words of the text, every two of them, query the index
PAIR_ROWS = 60          # rows each of those queries brings, newest first
COMMON_DOCS = 0.05      # a word in more than this share of the sentences is not among them
COMMON_FLOOR = 5000     # (in a small store, every word in as many as this may be)
QUOTE_PREFERENCE = 8.0  # a quote over a sentence is kept unless the sentence scores this much more
RUN_ON = 5.0            # two sentences together replace the first when they score this much more
RUN_ON_FLOOR = 45.0     # (tried for a sentence that scores this much alone)
SPEAKER_BONUS = 3.0     # ranking bonus (not score) for the named speaker's quotes
FEW_WORDS = 4           # a text with fewer words that are not STOP words ...
FEW_PENALTY = 6.0       # ... loses this much score per word short (it could be anyone's)
CONTEXT = 8             # words of what was said kept around the matched stretch in the diff

# Words that say little about which quote is meant (they still count when scoring, at a
# lower weight).
STOP = frozenset("""a an the and or but if of to in on at for by with from as is are was were be been being it its
this that these those there here i you he she we they me him her us them my your his our their not no so do does
did have has had will would can could should shall may might must just than then what which who whom when where
why how all any some very too also about into over out up down off again only own same such more most
don doesn didn isn aren wasn weren won wouldn couldn shouldn can't ll re ve s t m d""".split())

_SPEAKER_WORDS = r"(?:[A-Z][\w'’.-]*|von|van|de|der|da|di|le|la|al|bin|el)"
_NAME = rf"(?:(?:the\s+)?(?:[A-Z][\w'’.-]*)(?:\s+{_SPEAKER_WORDS}){{0,3}})"
_VERBS = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
_ADVERBS = r"(?:(?:once|famously|reportedly|allegedly|apparently|actually|then|also|has|had|have|was|is|did)\s+)*"
_LEADING = re.compile(
    rf"^\s*(?:(?:[Aa]s|[Ll]ike)\s+)?(?P<name>{_NAME})\s+{_ADVERBS}(?P<verb>{_VERBS}|put\s+it)\b"
    rf"(?:\s+(?:it|this|that|us|me|them|reporters|journalists|the\s+\w+))?(?:\s+(?:that|this))?\s*[,:]?\s*(?P<rest>.+)$",
    re.S)
_COLON = re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s*(?P<rest>.+)$", re.S)
_TRAILING = re.compile(rf"^(?P<rest>.+?)[,.;:!?\"”’'—–-]+\s*(?:(?P<name>{_NAME})\s+(?P<verb>{_VERBS})|"
                       rf"(?P<verb2>said|says|added|wrote)\s+(?P<name2>{_NAME}))\s*[.!]?\s*$", re.S)
_MARKS = "\"'“”‘’«»„‟‹›"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "someone", "somebody", "everyone",
             "everybody", "nobody", "people", "the", "this", "that", "what", "no", "who"}


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


# ---- 1. the speaker ---------------------------------------------------------------------

def split_speaker(text: str) -> tuple[str | None, str]:
    """(speaker named at the start or the end, the rest): "Starmer said if you want peace"
    -> ("Starmer", "if you want peace"). No speaker: (None, text). Quote marks around the
    rest are dropped."""
    text = " ".join(clean_text(text).split())
    speaker = None
    for pattern in (_LEADING, _COLON, _TRAILING):
        m = pattern.match(text)
        if m and len(tokens(m.group("rest"))) >= 2:
            name = m.group("name") or m.group("name2")
            if name.split()[0].lower() in _PRONOUNS and pattern is not _COLON:
                text = m.group("rest")          # "He said ..." names nobody
            else:
                speaker = re.sub(r"^the\s+", "", name, flags=re.I)
                text = m.group("rest")
            break
    return speaker, text.strip().strip(_MARKS).strip()


def _same_person(speaker: str, name: str | None) -> bool:
    """Does the name given ("Starmer", "Keir Starmr") fit the quote's speaker's name?"""
    if not name:
        return False
    given = [t for t in tokens(speaker) if len(t) > 2 and t not in ("mr", "mrs", "ms", "dr", "sir")]
    names = tokens(name)
    return bool(given) and all(any(fuzz.ratio(g, n) >= 80 for n in names) for g in given)


# ---- 2. candidates ----------------------------------------------------------------------

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


# ---- 3. scoring -------------------------------------------------------------------------

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


# ---- 4. the diff ------------------------------------------------------------------------

_WORD = re.compile(r"\S+")


def _keys(text: str) -> tuple[list[str], list[str]]:
    words = _WORD.findall(text)
    return words, ["".join(tokens(w)) or w for w in words]


def diff(pasted: str, said: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Word-level diff from what was pasted to what was said, as (op, words) parts: op is
    "equal" (said as pasted; the words as said), "delete" (pasted, not said), "insert"
    (said, not pasted) or "gap" (said words left out, more than `context` away from the
    part pasted; text "…"). Words compare folded, without punctuation."""
    a_words, a_keys = _keys(pasted)
    b_words, b_keys = _keys(said)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("equal", " ".join(b_words[j1:j2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("delete", " ".join(a_words[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(("insert", " ".join(b_words[j1:j2])))
    # long stretches said before or after what was pasted are cut to their nearest words
    if parts and parts[0][0] == "insert":
        words = parts[0][1].split(" ")
        if len(words) > context:
            parts[0:1] = [("gap", "…"), ("insert", " ".join(words[-context:]))]
    if parts and parts[-1][0] == "insert":
        words = parts[-1][1].split(" ")
        if len(words) > context:
            parts[-1:] = [("insert", " ".join(words[:context])), ("gap", "…")]
    return parts


def diff_markers(parts: list[tuple[str, str]]) -> str:
    """The diff on one line: [-pasted, not said-]{+said, not pasted+}."""
    out = ""
    previous = None
    for op, text in parts:
        marked = text if op in ("equal", "gap") else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"
        out += ("" if not out or (previous == "delete" and op == "insert") else " ") + marked
        previous = op
    return out


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
    matches = list(found.values())
    if speaker:
        _speakers(conn, [m for m in matches if m.kind == "quote"])
        for m in matches:
            m.speaker_match = _same_person(speaker, m.person or m.speaker)
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


__all__ = ["CANDIDATES", "LIMIT", "THRESHOLD", "CheckResult", "Match", "candidates", "check", "diff",
           "diff_markers", "score", "split_speaker"]
