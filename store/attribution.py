"""Who said each quote: ordered sieves over the words around it, first match wins.

1. verb-name     a speech verb next to a name: `"…," Starmer said`, `said Mr Reeves`,
                 `Mandelson, the ambassador, told ABC: "…"`, `according to X`
2. pronoun       `he told reporters`: the latest subject or speaker of that gender in
                 this paragraph or the one before (not merely the last name mentioned)
3. continuation  a quote with no cue of its own right after an attributed quote
4. partial-subject / possessive
                 words quoted inside a sentence whose subject says them (`X called it
                 "historic"`), or `X's "coalition of the willing"`
5. otherwise no speaker. A cue whose subject is not a person ("officials said",
   "the company said") is kept as the cue with sieve "unnamed" and no speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Person, Quote

# Verbs that report speech (any form that follows its subject or precedes it).
SPEECH_VERBS = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "ask", "asks", "asked", "asking", "post", "posts", "posted", "posting", "write",
    "writes", "wrote", "writing", "tweet", "tweets", "tweeted", "tweeting", "warn", "warns",
    "warned", "warning", "insist", "insists", "insisted", "insisting", "argue", "argues",
    "argued", "arguing", "claim", "claims", "claimed", "claiming", "explain", "explains",
    "explained", "explaining", "state", "states", "stated", "declare", "declares", "declared",
    "note", "notes", "noted", "noting", "recall", "recalls", "recalled", "recalling", "reply",
    "replies", "replied", "respond", "responds", "responded", "continue", "continues",
    "continued", "urge", "urges", "urged", "urging", "suggest", "suggests", "suggested",
    "suggesting", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
    "announce", "announces", "announced", "confirm", "confirms", "confirmed", "stress",
    "stresses", "stressed", "stressing", "emphasised", "emphasized", "emphasising",
    "emphasizing", "observe", "observes", "observed", "remark", "remarks", "remarked",
    "comment", "comments", "commented", "concede", "concedes", "conceded", "conceding",
    "complain", "complains", "complained", "complaining", "predict", "predicts", "predicted",
    "promise", "promises", "promised", "promising", "vow", "vows", "vowed", "vowing", "pledge",
    "pledges", "pledged", "joke", "jokes", "joked", "quip", "quips", "quipped", "caution",
    "cautions", "cautioned", "maintain", "maintains", "maintained", "agree", "agrees", "agreed",
    "call", "calls", "called", "calling", "describe", "describes", "described", "describing",
    "brand", "brands", "branded", "label", "labels", "labelled", "labeled", "dub", "dubs",
    "dubbed", "term", "terms", "termed", "dismiss", "dismisses", "dismissed", "praise",
    "praises", "praised", "accuse", "accuses", "accused", "accusing", "blast", "blasts",
    "blasted", "slam", "slams", "slammed", "speak", "speaks", "spoke", "speaking", "testify",
    "testifies", "testified", "shout", "shouts", "shouted", "yell", "yelled", "mutter",
    "muttered", "demand", "demands", "demanded", "propose", "proposes", "proposed",
    "reiterate", "reiterates", "reiterated", "assert", "asserts", "asserted", "contend",
    "contends", "contended", "counter", "counters", "countered", "boast", "boasts", "boasted",
    "lament", "lamented", "mock", "mocked", "mocking", "retort", "retorted", "chant", "chanted",
    "sing", "sang", "criticise", "criticised", "criticize", "criticized", "attack", "attacked",
    "rail", "railed", "decry", "decried", "deride", "derided", "pointing", "wondered",
    "tells", "read", "reads", "begins", "began", "concluded", "concludes", "announcing",
}
# A finite verb whose subject follows it: "said Mr Brown", "added the minister".
_INVERTED = {"said", "says", "added", "adds", "asked", "asks", "told", "wrote", "writes",
             "continued", "explained", "insisted", "warned", "recalled", "replied", "noted",
             "argued", "declared", "stated", "claimed", "tweeted", "posted", "cautioned"}
# Participles that take the subject of the clause before: "..., saying", "..., adding that".
_PARTICIPLES = {w for w in SPEECH_VERBS if w.endswith("ing")}
# Words that may sit between a subject and its verb.
_BETWEEN = {"has", "had", "have", "also", "later", "then", "would", "will", "once", "again",
            "just", "recently", "previously", "earlier", "reportedly", "repeatedly", "had",
            "is", "was", "been", "further", "simply", "flatly", "angrily", "publicly",
            "privately", "bluntly", "quickly", "immediately", "today", "yesterday", "tonight",
            "subsequently", "separately", "himself", "herself", "only", "even", "still",
            "often", "last", "week", "night", "year", "month", "on", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "this", "explicitly",
            "openly", "famously", "memorably", "directly", "did", "does", "not", "never",
            "clearly", "told"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
           "president", "senator", "sen", "gov", "governor", "rep", "representative", "judge",
           "general", "gen", "mayor", "minister", "secretary", "chancellor", "king", "queen",
           "prince", "princess", "pope", "rev", "father", "coach", "captain", "chairman"}
_PREPOSITIONS = {"to", "with", "by", "of", "for", "from", "at", "on", "about", "between",
                 "against", "and", "or", "than", "into", "like", "as", "under", "over", "nor",
                 "toward", "towards", "without", "before", "after", "meeting", "met", "ask",
                 "asked", "told", "tells", "tell", "urged", "called", "call", "named"}
_PRONOUNS = {"he": "m", "she": "f"}
_GROUP_PRONOUNS = {"they", "we", "i", "you", "it", "who", "which", "one", "everyone",
                   "someone", "nobody"}
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_POSSESSIVE = re.compile(r"[’']s?\b")


@dataclass
class Cue:
    kind: str                 # "name", "pronoun", "unnamed"
    start: int                # the cue's words: subject through verb
    end: int
    person: Person | None = None
    gender: str | None = None  # for a pronoun
    sieve: str = "verb-name"


class _Article:
    """The article's text with person mentions and quote marks indexed for the sieves."""

    def __init__(self, text: str, paras, sents, people: list[Person], quotes: list[Quote]):
        self.text = text
        self.paras = paras
        self.sents = sents
        self.sent_starts = [s for s, _ in sents]
        self.mentions = sorted((s, e, p) for p in people for s, e in p.mentions if e > s)
        self.mention_starts = [s for s, _, _ in self.mentions]
        self.by_end = {e: (s, e, p) for s, e, p in self.mentions}
        self.by_start = {s: (s, e, p) for s, e, p in self.mentions}
        self.outer = [_outer(text, q) for q in quotes]
        self.events: list[tuple[int, Person]] = []   # subjects and speakers, by offset
        self.cue_spans: dict[int, tuple[int, int]] = {}  # quote index -> its cue's offsets

    def para_of(self, pos: int) -> int:
        i = bisect.bisect_right([s for s, _ in self.paras], pos) - 1
        return max(i, 0)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.sents[i]

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.outer)

    def mention_in(self, start: int, end: int):
        i = bisect.bisect_left(self.mention_starts, start)
        return [m for m in self.mentions[i:] if m[0] < end]

    def words(self, start: int, end: int):
        """Words outside quotation marks in [start, end), with offsets."""
        return [(m.start(), m.end(), m.group().lower().rstrip(".")) for m in _WORD.finditer(self.text, start, end)
                if not self.in_quote(m.start())]

    def add_event(self, pos: int, person: Person) -> None:
        bisect.insort(self.events, (pos, person), key=lambda e: e[0])

    def resolve_pronoun(self, pos: int, gender: str) -> Person | None:
        """The latest subject or speaker of that gender before pos, in this paragraph or
        the one before."""
        lo = self.paras[max(self.para_of(pos) - 1, 0)][0]
        candidates = [p for s, p in self.events if lo <= s < pos]
        for p in reversed(candidates):
            if p.gender == gender:
                return p
        # gender unknown for every candidate: only a single distinct person is safe
        distinct = {id(p): p for p in candidates if p.gender is None}
        if len(distinct) == 1 and not any(p.gender for p in candidates):
            return next(iter(distinct.values()))
        return None

    # -- subjects -----------------------------------------------------------------

    def skip_title_forward(self, pos: int, end: int) -> int:
        t = self.text[pos:end].lstrip()
        pos2 = pos + len(self.text[pos:end]) - len(t)
        w = re.match(r"([A-Z][a-z]*)\.?\s+", t)
        if w and w.group(1).lower() in _TITLES and (pos2 + w.end()) in self.by_start:
            return pos2 + w.end()
        return pos2

    def subject_before(self, verb: int, lo: int) -> Cue | None:
        """The subject of the verb at offset `verb`, looking back no further than lo."""
        text = self.text
        j = verb
        words = self.words(lo, verb)
        # skip auxiliaries and adverbs between subject and verb
        while words and words[-1][2] in _BETWEEN and words[-1][1] <= j:
            if words[-1][0] in self.by_start:
                break
            j = words[-1][0]
            words.pop()
        k = j
        while k > lo and text[k - 1].isspace():
            k -= 1
        if k in self.by_end:                 # "Starmer said", "Mr Brown added"
            s, e, p = self.by_end[k]
            if self._is_subject_position(s, lo):
                return Cue("name", s, verb, p)
            return None
        if words:
            w0, w1, w = words[-1]
            if w in _PRONOUNS and w1 == k:
                return Cue("pronoun", w0, verb, gender=_PRONOUNS[w])
            if w in _GROUP_PRONOUNS and w1 == k:
                return Cue("unnamed", w0, verb, sieve="unnamed")
        if k > lo and text[k - 1] == ",":
            # "Peter Mandelson, the British ambassador to Washington, told"
            app = self._appositive_subject(k - 1, lo)
            if app:
                return Cue("name", app[0], verb, app[2])
            return None
        # a noun phrase: "officials said", "a spokesman for the firm said"
        np_words = [w for w in words if w[0] >= self.text.rfind(",", lo, k) + 1]
        if np_words and len(np_words) <= 6 and np_words[-1][1] == k:
            start = np_words[0][0]
            if not self.mention_in(start, k):
                return Cue("unnamed", start, verb, sieve="unnamed")
        return None

    def _is_subject_position(self, start: int, lo: int) -> bool:
        before = self.words(lo, start)
        if before and before[-1][2] in _PREPOSITIONS and self.text[before[-1][1]:start].strip() == "":
            return False
        return True

    def _appositive_subject(self, comma: int, lo: int):
        """A mention followed by ", <description>," that ends at comma."""
        for s, e, p in reversed(self.mention_in(lo, comma)):
            gap = self.text[e:comma]
            if not gap.startswith(","):
                if _POSSESSIVE.match(gap) or gap.strip():
                    continue
            if len(gap) > 160 or '"' in gap or "“" in gap:
                continue
            if any(w[2] in SPEECH_VERBS for w in self.words(e, comma)):
                continue
            if self._is_subject_position(s, lo):
                return (s, e, p)
            return None
        return None

    def sentence_subject(self, sstart: int, send: int) -> Cue | None:
        """The grammatical subject of a sentence: its first person mention that is not
        possessive and not the object of a preposition, or a pronoun starting a clause."""
        for s, e, p in self.mention_in(sstart, send):
            if self.in_quote(s):
                continue
            if _POSSESSIVE.match(self.text, e):
                continue
            if self._is_subject_position(s, sstart):
                return Cue("name", s, e, p)
        return None


def _outer(text: str, q: Quote) -> tuple[int, int]:
    """Offsets of the quote including its marks."""
    s, e = q.start, q.end
    while s > 0 and text[s - 1] in " “\"‘'":
        s -= 1
    while e < len(text) and text[e] in " ”\"’'":
        e += 1
    return s, e


def attribute(text: str, paras, sents, people: list[Person], quotes: list[Quote]) -> None:
    """Fill each quote's speaker, cue and sieve in place."""
    if not quotes:
        return
    art = _Article(text, paras, sents, people, quotes)
    _collect_subjects(art)
    prev: Quote | None = None
    prev_i = -1
    for i, q in enumerate(quotes):
        cue = _cue_after(art, i) or _cue_before(art, i, prev_i)
        if cue is not None:
            _apply(art, q, cue)
        elif prev is not None and _continues(art, prev_i, i):
            q.speaker, q.sieve = prev.speaker, "continuation"
            q.cue, q.cue_start, q.cue_end = prev.cue, prev.cue_start, prev.cue_end
            if q.speaker is None:
                q.sieve = prev.sieve if prev.sieve == "unnamed" else None
        else:
            cue = _possessive(art, i)
            if cue:
                _apply(art, q, cue)
        if q.cue_start is not None:
            art.cue_spans[i] = (q.cue_start, q.cue_end)
        if q.speaker:
            person = next(p for p in people if p.name == q.speaker)
            art.add_event(art.outer[i][0], person)
        prev, prev_i = q, i


def _apply(art: _Article, q: Quote, cue: Cue) -> None:
    person = cue.person
    if cue.kind == "pronoun":
        person = art.resolve_pronoun(cue.start, cue.gender)
        sieve = "pronoun"
    else:
        sieve = cue.sieve
    if cue.kind == "name" and q.kind == "partial" and cue.sieve == "verb-name" and cue.end < q.start:
        sieve = "partial-subject"
    q.speaker = person.name if person else None
    q.cue, q.cue_start, q.cue_end = art.text[cue.start:cue.end], cue.start, cue.end
    q.sieve = sieve


def _collect_subjects(art: _Article) -> None:
    """Subjects of sentences and of speech verbs, for resolving he and she."""
    for sstart, send in art.sents:
        subj = art.sentence_subject(sstart, send)
        if subj:
            art.add_event(subj.start, subj.person)
        for w0, w1, w in art.words(sstart, send):
            if w in SPEECH_VERBS:
                cue = art.subject_before(w0, sstart)
                if cue and cue.kind == "name":
                    art.add_event(cue.start, cue.person)


def _region_end(art: _Article, i: int) -> int:
    """Where the words after quote i stop: the next quote or the end of the sentence
    (or of the next sentence when the quote's own sentence ends with it)."""
    s, e = art.outer[i]
    pstart, pend = art.paras[art.para_of(s)]
    nxt = art.outer[i + 1][0] if i + 1 < len(art.outer) else len(art.text)
    send = pend
    for a, b in art.sents:
        if b > e and a < pend:
            send = b
            break
    return min(nxt, send, pend)


def _cue_after(art: _Article, i: int) -> Cue | None:
    """`"…," Starmer said`, `"…," said Mr Brown`, `"…," he added`, `"…", according to X`."""
    text = art.text
    s, e = art.outer[i]
    end = _region_end(art, i)
    m = re.match(r"[\s,;:—–-]*", text[e:end])
    start = e + m.end()
    if start >= end:
        return None
    words = art.words(start, end)
    if not words:
        return None
    ended = bool(re.search(r"[.!?]\s*$", text[art.outer[i][0]:e].rstrip("”\"’' ")))
    # according to X
    if words[0][2] == "according" and len(words) > 1 and words[1][2] == "to":
        return _named_after(art, words[1][1], end, words[0][0], "according-to")
    # said Mr Brown / added the minister
    first = 0
    while first < len(words) - 1 and words[first][2] in _BETWEEN and words[first][2] != "told":
        first += 1
    if words[first][2] in _INVERTED and text[words[first][0]].islower():
        cue = _named_after(art, words[first][1], end, words[0][0], "verb-name")
        if cue:
            return cue
    # Starmer said / he told reporters / the company said: the subject opens the region
    for w0, w1, w in words[:40]:
        if w in SPEECH_VERBS and text[w0].islower():
            cue = art.subject_before(w0, start)
            if cue is None or cue.start != _skip_title_back(art, start, cue.start):
                return None
            if ended and text[start].isupper() and not _short_tail(art, w1, end):
                return None
            cue.end = w1
            return cue
        if w in ("according",):
            return None
    return None


def _skip_title_back(art: _Article, start: int, cue_start: int) -> int:
    """A cue that starts with a title before the mention ("Mr Brown") still opens the region."""
    between = art.text[start:cue_start]
    if re.fullmatch(r"(?:[A-Z][a-z]*\.?\s+)?", between) and (not between or between.split()[0].rstrip(".").lower() in _TITLES):
        return cue_start
    return start


def _short_tail(art: _Article, verb_end: int, end: int) -> bool:
    """After a quote that ends its own sentence, `Trump posted to his platform.` is its cue
    but `Smith said the plan would fail.` is a new statement."""
    nxt = re.match(r"\s*([A-Za-z]+)", art.text[verb_end:end])
    if not nxt:
        return True
    return nxt.group(1).lower() not in {"that", "the", "a", "an", "it", "he", "she", "they",
                                        "we", "i", "his", "her", "their", "there", "this"}


def _named_after(art: _Article, pos: int, end: int, cue_start: int, sieve: str) -> Cue | None:
    j = art.skip_title_forward(pos, end)
    if j in art.by_start:
        s, e, p = art.by_start[j]
        return Cue("name", cue_start, e, p, sieve=sieve)
    w = art.words(j, end)
    if w and w[0][0] == j and w[0][2] in _PRONOUNS:
        return Cue("pronoun", cue_start, w[0][1], gender=_PRONOUNS[w[0][2]], sieve="pronoun")
    if w and w[0][0] == j:
        return Cue("unnamed", cue_start, w[min(2, len(w) - 1)][1], sieve="unnamed")
    return None


def _cue_before(art: _Article, i: int, prev_i: int) -> Cue | None:
    """`Starmer said: "…"`, `X told ABC News: "…"`, `Tusk called the meeting "historic"`."""
    s, _ = art.outer[i]
    sstart, _ = art.sentence_of(s)
    pstart = art.paras[art.para_of(s)][0]
    lo = max(sstart, pstart)
    if prev_i >= 0 and art.outer[prev_i][1] > lo and art.outer[prev_i][1] <= s:
        lo = art.outer[prev_i][1]
    words = art.words(lo, s)
    for k in range(len(words) - 1, -1, -1):
        w0, w1, w = words[k]
        if w == "according" and k + 1 < len(words) and words[k + 1][2] == "to":
            return _named_after(art, words[k + 1][1], s, w0, "according-to")
        if w not in SPEECH_VERBS or art.text[w0].isupper():
            continue
        if w in _PARTICIPLES and art.text[:w0].rstrip().endswith(","):
            cue = _clause_subject(art, w0, sstart)
        else:
            cue = art.subject_before(w0, sstart)
        if cue is None and w in _INVERTED:
            cue = _named_after(art, w1, s, w0, "verb-name")
        if cue is None:
            return None
        cue.end = max(cue.end, w1)
        return cue
    return None


def _clause_subject(art: _Article, verb: int, sstart: int) -> Cue | None:
    """The subject a participle (", saying", ", adding that") borrows: that of the
    sentence's earlier speech verb, else the sentence's own subject."""
    for w0, w1, w in reversed(art.words(sstart, verb)):
        if w in SPEECH_VERBS and w not in _PARTICIPLES and art.text[w0].islower():
            cue = art.subject_before(w0, sstart)
            if cue:
                return Cue(cue.kind, cue.start, verb, cue.person, cue.gender, cue.sieve)
    subj = art.sentence_subject(sstart, verb)
    if subj:
        return Cue("name", subj.start, verb, subj.person, sieve="partial-subject")
    w = art.words(sstart, verb)
    if w and w[0][2] in _PRONOUNS:
        return Cue("pronoun", w[0][0], verb, gender=_PRONOUNS[w[0][2]])
    return None


def _continues(art: _Article, prev_i: int, i: int) -> bool:
    """Quote i has no cue of its own and follows quote prev_i with nothing between them but
    prev_i's cue, or (same sentence) a few words with no name and no speech verb."""
    pe, s = art.outer[prev_i][1], art.outer[i][0]
    if art.para_of(s) - art.para_of(pe - 1) > 1:
        return False
    words = art.words(pe, s)
    if not words:
        return True
    cs, ce = art.cue_spans.get(prev_i, (-1, -1))
    rest = [w for w in words if not (cs <= w[0] and w[1] <= ce)]
    if not rest:
        return True
    same_sentence = art.sentence_of(pe - 1) == art.sentence_of(s)
    return (same_sentence and len(rest) <= 4 and not art.mention_in(pe, s)
            and not any(w[2] in SPEECH_VERBS for w in rest))


def _possessive(art: _Article, i: int) -> Cue | None:
    """`building Starmer’s “coalition of the willing”`: the phrase is the owner's."""
    s, _ = art.outer[i]
    m = re.search(r"([’']s?)\s*$", art.text[max(0, s - 4):s])
    if not m:
        return None
    end = s - (len(art.text[max(0, s - 4):s]) - m.start())
    if end in art.by_end:
        ms, me, p = art.by_end[end]
        return Cue("name", ms, s, p, sieve="possessive")
    return None
