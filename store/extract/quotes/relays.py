"""Where a quote was relayed from: the words around its cue say someone other than the
speaker reported them (Quote.via, as written):

    "…," Lo said, according to the Gazette.         via "the Gazette"
    "…," said Ann Lo, a council member, reports the Gazette.
    Lo called it "…", the Daily Planet first reported.
    "…," Lo said Monday, according to audio provided by Metro Radio.
    "…," Lo wrote in a letter obtained by the Gazette.
    According to Pat Vale, Lo said "…".               (a person who heard it)

Not relays: the speaker's own channels and records (`told the Gazette`, `in an interview
with the Gazette`, `according to a statement`, `according to a transcript`, `in a statement
released by her office`), and a phrase that is the cue itself (`"…," according to Vale`
names the speaker). Only a phrase that closes the cue's sentence, opens it, or stands
right after the cue counts: `according to X` inside another clause is about that clause.
"""
from __future__ import annotations

import re

from store.extract.quotes.context import Context
from store.lexicon.speech import (
    CLAUSE_BREAKS, NOT_RELAYS, RECORDINGS, RELAY_BY, RELAY_NOUNS, RELAY_STOPS, SPEECH_VERBS, TIME_WORDS,
)
from store.model import Sieve

# Cues that are themselves the report (`"…," according to Vale`, `"…," the Gazette reported`):
# a relay phrase inside one names the source, not a relay.
_OWN_CUES = {Sieve.ACCORDING_TO, Sieve.ORGANISATION, Sieve.UNNAMED, Sieve.PASSIVE, Sieve.AMBIGUOUS}
_DETERMINERS = {"a", "an", "the"}
_MAX_WORDS = 10
_RELATIVE = {"who", "whom", "whose", "which", "that"}
_NEW_CLAUSE = {"that", "and", "or", "who", "which"}
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_CREDITING = {"reported", "obtained", "report", "story"}   # the others credit only a recording
_WHEN = {"on", "earlier", "first", "late", "week", "month", "year", "night", "morning", "afternoon", "evening"}


_PASSAGE_REACH = 8      # paragraphs a quoted passage runs at most


def passage_source(art: Context, i: int) -> str | None:
    """Who wrote the passage quote i sits in, when the article quotes another outlet's
    story paragraph by paragraph (`As the Gazette reported:` / `"The hearing was closed …` /
    `“…,” Lo said."`): the words are relayed by the passage's writer, named before it."""
    if art.passages is None:
        art.passages = _passages(art)
    if not art.passages:
        return None                        # (most articles quote no passage)
    k = art.para_of(art.outer[i][0])
    span = next(((a, b) for a, b in art.passages if a <= k <= b), None)
    if span is None or span[0] == 0:
        return None
    ps, pe = art.paras[span[0] - 1]
    if pe - ps > 600:
        return None
    ss = max(ps, art.sentence_of(max(ps, pe - 1))[0])
    m = _PASSAGE_INTRO.search(art.text, ss, pe)
    if m is None:
        return None
    via = " ".join((m.group(1) or m.group(2)).split())
    q = art.quotes[i]
    if q.speaker and q.speaker.split()[-1] in via.split():
        return None                        # the passage is the speaker's own writing
    return via


def _passages(art: Context) -> list[tuple[int, int]]:
    """The paragraphs (first, last) of each passage quoted from elsewhere: it opens with
    paragraphs that start with a straight quote mark left open, and runs to the paragraph
    whose odd mark closes it (the paragraphs between may quote in curly marks)."""
    text = art.text
    if '\n"' not in text:
        return []                          # (no paragraph opens with a straight mark)
    opens, closes = [], []
    for ps, pe in art.paras:
        seg = text[ps:pe].strip()
        odd = seg.count('"') % 2 == 1
        opens.append(odd and seg.startswith('"'))
        closes.append(odd and seg.endswith('"') and not seg.startswith('"'))
    found = []
    a = 0
    while a < len(art.paras):
        if not opens[a]:
            a += 1
            continue
        b = next((b for b in range(a + 1, min(len(art.paras), a + _PASSAGE_REACH)) if closes[b]), None)
        if b is None:
            while a < len(art.paras) and opens[a]:
                a += 1                     # open paragraphs with no closing one: no passage
            continue
        found.append((a, b))
        a = b + 1
    return found


# "As the Gazette reported …:", "Metro Radio reported that night …", "according to the Gazette:"
_SOURCE = r"(?!As\s)((?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4})"
_PASSAGE_INTRO = re.compile(rf"(?:^|(?<=\bAs\s)|(?<=\bas\s)){_SOURCE}\s+(?:first\s+)?(?:reported|reports|wrote|writes)\b"
                            rf"|\baccording\s+to\s+{_SOURCE}\s*[,:]", re.MULTILINE)


def relay_of(art: Context, i: int) -> str | None:
    """Who quote i's words were relayed by, as written ("the Gazette", "Pat Vale"), or None."""
    q = art.quotes[i]
    passage = passage_source(art, i)
    if passage:
        return passage
    if q.cue_start is None or q.cue_end is None:
        return None
    text = art.text
    ss, se = art.sentence_of(q.cue_start)
    if text.find("ccording", ss, se) < 0 and text.find("eport", ss, se) < 0 and text.find(" by ", ss, se) < 0:
        return None                               # (most cues: nothing to look for)
    words = art.words(ss, se)
    os_, oe = art.outer[i]
    anchor = max(q.cue_end, oe) if ss <= os_ < se else q.cue_end
    speaker = next((p for _, _, p in art.mentions if p.name == q.speaker), None) if q.speaker else None
    for start, end, via in _phrases(art, words):
        if start < q.cue_end and end > q.cue_start and (q.sieve in _OWN_CUES or q.sieve is None):
            continue
        if _names(art, start, end, speaker):
            continue                               # "according to Lo's statement": Lo's own
        if q.source and via == q.source:
            continue
        if _placed(art, words, start, end, anchor, (q.cue_start, q.cue_end), ss):
            return via
    return None


def _names(art: Context, start: int, end: int, person) -> bool:
    return person is not None and any(p is person for _, _, p in art.mention_in(start, end))


def _phrases(art: Context, words):
    """(start, end, via) of each relay phrase among the sentence's words (outside quotes):
    `according to X`, `(first) reported by X`, `obtained by X`, `audio provided by X`,
    `X (first) reported`, `reports X`."""
    text = art.text
    for k, (w0, w1, w) in enumerate(words):
        if w == "according" and k + 1 < len(words) and words[k + 1][2] == "to" and _joined(text, words, k):
            np = _forward(text, words, k + 2)
            if np and _source(text, words, np):
                yield w0, words[np[1] - 1][1], _written(text, words, np)
        elif w == "by" and k > 0 and words[k - 1][2] in RELAY_BY and _joined(text, words, k - 1):
            if words[k - 1][2] not in _CREDITING and not any(x[2] in RECORDINGS for x in words[max(0, k - 5):k - 1]):
                continue                           # "a statement released by her office": her own
            np = _forward(text, words, k + 1)
            if np and _source(text, words, np):
                first = k - 2 if k > 1 and words[k - 2][2] == "first" and _joined(text, words, k - 2) else k - 1
                yield words[first][0], words[np[1] - 1][1], _written(text, words, np)
        elif w in ("reported", "reports") and not (k + 1 < len(words) and words[k + 1][2] == "by"):
            lead = k - 1 if k > 0 and words[k - 1][2] == "first" and _joined(text, words, k - 1) else k
            np = _backward(text, words, lead)
            that = k + 1 < len(words) and words[k + 1][2] == "that" and _joined(text, words, k)
            if np and _source(text, words, np) and (that or _closes(words, k + 1)):
                yield words[np[0]][0], words[k + that][1], _written(text, words, np)   # "…, the Gazette reported."
            elif lead == k and _after_comma(text, words, k):
                np = _forward(text, words, k + 1)  # "…, reports the Gazette."
                if np and _source(text, words, np) and _closes(words, np[1]):
                    yield w0, words[np[1] - 1][1], _written(text, words, np)


def _joined(text: str, words, k: int) -> bool:
    """words[k] and words[k + 1] with only spaces between."""
    return k + 1 < len(words) and not text[words[k][1]:words[k + 1][0]].strip()


def _after_comma(text: str, words, k: int) -> bool:
    before = text[words[k - 1][1]:words[k][0]] if k > 0 else ""
    return before.strip() == "," or before.rstrip().endswith((",”", ",\"", ",’"))


def _forward(text: str, words, j: int):
    """The noun phrase opening at words[j]: up to a mark, a quote, a clause word or a time
    word; (j, end index) or None."""
    k = j
    while k < len(words) and words[k][2] not in RELAY_STOPS and not _time(text, words, k, j):
        k += 1
        if k - j > _MAX_WORDS:
            return None
        if k < len(words) and text[words[k - 1][1]:words[k][0]].strip():
            break
    return (j, k) if k > j else None


def _time(text: str, words, k: int, j: int) -> bool:
    """words[k] is a word of time, not part of a name ("USA Today", "Theresa May"; but
    "CNN Monday" ends at the day)."""
    w0, _, w = words[k]
    if w not in TIME_WORDS:
        return False
    in_name = k > j and text[w0].isupper() and text[words[k - 1][0]].isupper() and w not in _DAYS
    return not in_name


def _backward(text: str, words, k: int):
    """The noun phrase ending right before words[k] and opening its clause (after a mark,
    a quote or the sentence start): (start index, k) or None."""
    j = k
    while j > 0 and not text[words[j - 1][1]:words[j][0]].strip():
        if k - j >= _MAX_WORDS or words[j - 1][2] in RELAY_STOPS:
            return None
        j -= 1
    return (j, k) if j < k else None


def _closes(words, k: int) -> bool:
    """Nothing but words of time from words[k] to the end of the sentence ("on Monday")."""
    return all(w in TIME_WORDS or w in _WHEN for _, _, w in words[k:])


def _source(text: str, words, np) -> bool:
    """The noun phrase names who relayed: a name ("the Gazette", "Pat Vale", "Vale's
    account"), or a relaying noun ("the newspaper", "officials", "a source at the
    station"); not a record ("a transcript", "his book") nor the speaker's interviewer."""
    body = [w for w in words[np[0]:np[1]]]
    while body and body[0][2] in _DETERMINERS:
        body = body[1:]
    if not body or any(w[2] in ("interview", "interviews") or w[2] in NOT_RELAYS for w in body):
        return False
    first = body[0]
    if first[2] in TIME_WORDS or first[2] in RELAY_STOPS:
        return False
    if text[first[0]].isupper():
        return first[2] not in ("i", "he", "she", "they", "it", "we", "you")
    return any(w[2] in RELAY_NOUNS for w in body[:3])


def _written(text: str, words, np) -> str:
    return " ".join(text[words[np[0]][0]:words[np[1] - 1][1]].split())


def _placed(art: Context, words, start: int, end: int, anchor: int, cue: tuple[int, int], ss: int) -> bool:
    """The phrase is about the quote: it closes the sentence after the cue and the quote,
    stands right after the cue (`Lo told aides, according to Vale, that …`), or opens the
    sentence before the cue; with no new clause (`but`, `though`, `;`) between."""
    text = art.text
    tail = [w for w in words if w[0] >= end]
    closes = not tail or all(w[2] in TIME_WORDS for w in tail) or (
        tail[0][2] in _RELATIVE and not text[end:tail[0][0]].strip())   # "officials who were there."
    if start >= anchor and closes:
        gap = [w for w in words if anchor <= w[0] < start]
        return not any(w[2] in CLAUSE_BREAKS for w in gap) and ";" not in text[anchor:start]
    if start >= cue[1]:
        gap = [w for w in words if cue[1] <= w[0] < start]
        after = text[end:end + 3].lstrip()[:1]
        return (len(gap) <= 4 and "," not in text[cue[1]:start].strip(" ,") and (closes or after in ",:“\"'‘")
                and not any(w[2] in CLAUSE_BREAKS or w[2] in _NEW_CLAUSE or w[2] in SPEECH_VERBS for w in gap))
    if end <= cue[0]:
        lead = [w for w in words if ss <= w[0] < start]
        gap = [w for w in words if end <= w[0] < cue[0]]
        return (all(w[2] in ("but", "and", "so") for w in lead) and text[end:end + 2].lstrip()[:1] == ","
                and not any(w[2] in CLAUSE_BREAKS for w in gap) and ";" not in text[end:cue[0]])
    return False
