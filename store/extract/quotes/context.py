"""Who is the subject where: the article indexed for the attribution sieves (person
mentions, quote marks, sentences and paragraphs) and the subject before a speech verb
(pronouns.py says whom a pronoun means). The sieves ask;
this module only reads the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from store.model import Sieve, Person, Quote
from store.lexicon.names import ASSOCIATES, DOCUMENTS, ORG_WORDS, ROLE_NOUNS, STOP, SURNAME_LIKE
from store.extract.quotes.organisations import organisation
from store.lexicon.speech import (
    ABBREVIATED, BETWEEN, CONJUNCTIONS, NOT_ADVERBS, GROUP_PRONOUNS, NAMING, NOT_NP, NP_START, PASSIVE, PAST_PARTICIPLES,
    POSSESSIVE, PREPOSITIONS, PRONOUNS, SPEECH_VERBS, TIME_WORDS, TITLE_WORDS, WORD,
)


@dataclass
class Cue:
    kind: str                 # "name", "pronoun", "unnamed"
    start: int                # the cue's words: subject through verb
    end: int
    person: Person | None = None
    gender: str | None = None  # for a pronoun
    sieve: str = Sieve.VERB_NAME
    source: str | None = None  # an organisation named as the subject (sieve "organisation")
    described: str | None = None  # an unnamed subject's words: "a council spokesperson"


class Context:
    """The article's text with person mentions and quote marks indexed for the sieves."""

    def __init__(self, text: str, paras, sents, people: list[Person], quotes: list[Quote]):
        self.text = text
        self.paras = paras
        self.para_starts = [s for s, _ in paras]
        self.sents = sents
        self.sent_starts = [s for s, _ in sents]
        self.mentions = sorted([(s, e, p) for p in people for s, e in p.mentions if e > s]
                               + misspelt_mentions(text, people), key=lambda m: (m[0], m[1]))
        self.mention_starts = [s for s, _, _ in self.mentions]
        self.by_end = {e: (s, e, p) for s, e, p in self.mentions}
        self.by_start = {s: (s, e, p) for s, e, p in self.mentions}
        self.mention_ends = sorted(self.by_end)
        self.outer = [_outer(text, q) for q in quotes]
        self.kinds = [q.kind for q in quotes]
        # the quoted stretches, nested quotes merged into the quote around them
        self.mask: list[tuple[int, int]] = []
        for s, e in sorted(self.outer):
            if self.mask and s < self.mask[-1][1]:
                self.mask[-1] = (self.mask[-1][0], max(e, self.mask[-1][1]))
            else:
                self.mask.append((s, e))
        self.mask_starts = [s for s, _ in self.mask]
        self.sent_words: dict[int, tuple] = {}       # sentence -> (words, their starts), when asked
        self.para_subjects: dict[int, list] = {}     # paragraph -> (offset, person) subjects
        self.speakers: list[tuple[int, Person]] = []  # attributed quotes so far, by offset
        self.said: list[tuple[str, str]] = []         # (quote text, speaker) so far
        self.cue_spans: dict[int, tuple[int, int]] = {}  # quote index -> its cue's words
        self.quotes = quotes                         # their speakers as attribution fills them in
        self.fallbacks: set[int] = set()             # pronouns resolved to the last speaker
        self.chained: set[int] = set()               # pronouns resolved along a chain of he/she
        self.passages: list[tuple[int, int]] | None = None   # quoted passages (relays.py), when asked
        self.antecedent_cache: dict[int, list[Person]] = {}   # pronoun offset -> antecedents
        self.cues_after: dict[int, Cue | None] = {}  # quote index -> the cue after it (sieves.after_cue)
        self.region_ends: dict[int, int] = {}        # quote index -> region_end(), several sieves ask

    def _tokens(self, start: int, end: int):
        """Words outside quotation marks: (start, end, lower-case word)."""
        i = bisect.bisect_right(self.mask_starts, start) - 1
        if i >= 0 and self.mask[i][1] > start:
            start = min(self.mask[i][1], end)       # begins inside a quote
        i = bisect.bisect_left(self.mask_starts, start)
        j = bisect.bisect_left(self.mask_starts, end, i)
        quoted = self.mask[i:j]
        quoted.append((end, end))                   # (the stretch after the last quote)
        out = []
        a = start
        for qs, qe in quoted:                       # the stretch from a up to each quote
            for m in WORD.finditer(self.text, a, qs):
                s, e = m.span()
                w = m.group().lower()
                if w[-1] == ".":
                    # a full stop, unless part of "U.S." or "Mr."
                    if "." not in w[:-1] and w[:-1] not in ABBREVIATED:
                        e -= 1
                    w = w.rstrip(".")
                out.append((s, e, w))
            a = qe if qe < end else end
        return out

    def para_of(self, pos: int) -> int:
        k = bisect.bisect_right(self.para_starts, pos) - 1
        return k if k > 0 else 0          # (not max(): the sieves ask this very often)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[i] if i >= 0 else (0, len(self.text))

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.mask_starts, pos) - 1
        return i >= 0 and pos < self.mask[i][1]

    def quote_between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.mask_starts, start)
        return i < len(self.mask_starts) and self.mask_starts[i] < end

    def mention_in(self, start: int, end: int):
        return self.mentions[bisect.bisect_left(self.mention_starts, start):bisect.bisect_left(self.mention_starts, end)]

    def words(self, start: int, end: int):
        """Words outside quotation marks in [start, end): (start, end, lower-case word)."""
        out = None
        sents = self.sents
        k = bisect.bisect_right(self.sent_starts, start) - 1
        if k < 0:
            k = 0
        while k < len(sents) and sents[k][0] < end:
            cached = self.sent_words.get(k)
            if cached is None:
                ws = self._tokens(*sents[k])
                cached = self.sent_words[k] = (ws, [w[0] for w in ws])
            ws, starts = cached
            part = ws[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
            if part and part[-1][1] > end:
                part.pop()
            out = part if out is None else out + part     # (most stretches lie in one sentence: no copy)
            k += 1
        return [] if out is None else out

    def skip_title_forward(self, pos: int, end: int) -> int:
        """Past whitespace and the role words before a mention: "said European Council
        President Donald Tusk", "said MSNBC host Chris Matthews", "said the Rev. Peter"."""
        t = self.text[pos:end]
        pos += len(t) - len(t.lstrip())
        for m in re.finditer(r"\S+", self.text[pos:end]):
            if m.start() + pos in self.by_start:
                return m.start() + pos
            w = m.group().lower().strip(".")
            # a time or a clause ("said Thursday his worry about Smith") is not a role
            if (m.start() > 60 or "," in m.group() or w in SPEECH_VERBS or w in TIME_WORDS
                    or w in NOT_NP or w in PREPOSITIONS or w in _OWNERS):
                break
        return pos

    def skip_title_back(self, start: int, lo: int) -> int:
        """Back over the titles before a mention: "Sen. Ann Vale" -> the offset of "Sen."."""
        for w0, _, w in reversed(self.words(lo, start)):
            if w.rstrip(".") not in TITLE_WORDS and w.rstrip(".") not in ABBREVIATED:
                break
            start = w0
        return start

    def subject_before(self, verb: int, lo: int) -> Cue | None:
        """The subject of the speech verb at offset `verb`, looking back no further than
        lo. None when it cannot be told (look at an earlier verb); a Cue of kind "unnamed"
        when the subject is not a person ("officials said") or the verb is passive."""
        text = self.text
        words = self.words(max(lo, verb - 400), verb)   # a subject is never further back
        verb_word = self.text[verb:verb + 20].split()[0].lower().rstrip(",.:;")
        if words and words[-1][2] in PASSIVE and verb_word in PAST_PARTICIPLES:
            return Cue("unnamed", words[-1][0], verb, sieve=Sieve.PASSIVE)
        if verb_word in NAMING and self._named_then_comma(verb, lo):
            return Cue("unnamed", verb, verb + len(verb_word), sieve=Sieve.PASSIVE)   # "Thatcher, dubbed the"
        j = verb
        progressive = self.text.startswith("ing", verb + len(self.text[verb:verb + 20].split()[0]) - 3)
        while words and (words[-1][2] in BETWEEN or words[-1][2].endswith("ly") and words[-1][2] not in NOT_ADVERBS
                         or progressive and words[-1][2] in PASSIVE | _ASPECT) \
                and words[-1][0] not in self.by_start:
            j = words.pop()[0]              # "Trump is telling", "she has also said"
        k = j
        while k > lo and text[k - 1].isspace():
            k -= 1
        # "Rep. Gwen Moore (D-Wis.) said", "Mr. Morgan of the Sierra Club said": the leftmost
        # match must start where a mention ends, so the search (which tries every offset) runs
        # only when a match from some mention's end exists
        ends = self.mention_ends[bisect.bisect_left(self.mention_ends, lo):bisect.bisect_left(self.mention_ends, k)]
        if any(_POST_MODIFIER.match(text, e, k) for e in ends):
            post = _POST_MODIFIER.search(text, lo, k)
            if post and post.end() == k and post.start() in self.by_end:
                k = post.start()
        if k in self.by_end:                 # "Starmer said", "Mr Brown added"
            return self._name_subject(k, verb, lo)
        if words and words[-1][1] == k:
            w0, w1, w = words[-1]
            if _CONTRACTED.search(w) and "," not in text[w1:verb]:
                w = _CONTRACTED.sub("", w)       # "he's said", "she’s claiming": the pronoun
            if w in PRONOUNS:
                return Cue("pronoun", w0, verb, gender=PRONOUNS[w])
            if w == "who":                    # "Jo Hale, who said"; "denied by Jo Hale, who accused"
                m = re.search(r",\s*$", text[lo:w0])
                ante = self.by_end.get(lo + m.start()) if m else None
                if ante and self._position(ante[0], lo) in ("subject", "object"):
                    return Cue("name", ante[0], verb, ante[2])
            if w in GROUP_PRONOUNS:
                return Cue("unnamed", w0, verb, sieve=Sieve.UNNAMED)
        app = self._appositive_subject(k, lo)
        if app:
            start = app[0]
            # "Donald Tusk, the Polish prime minister, called": the cue starts at the name
            m = re.search(r",\s*$", text[lo:start])
            prev = self.by_end.get(lo + m.start()) if m else None
            if prev and prev[2] is app[2]:
                start = prev[0]
            return Cue("name", start, verb, app[2])
        if k > lo and text[k - 1] == ",":
            return self._aside_subject(words, k, verb, lo)
        return self._noun_phrase_subject(words, k, verb, lo)

    def _aside_subject(self, words, k: int, verb: int, lo: int) -> Cue | None:
        """An unnamed subject, then an aside set off by commas: "A neighbour, who asked not to
        be named, said", "One official, speaking on condition of anonymity, said"."""
        opens = self.text.rfind(",", lo, k - 1)
        aside = [w for w in words if opens < w[0] < k]
        if opens < 0 or not aside or not (aside[0][2] == "who" or aside[0][2].endswith("ing")) \
                or self.mention_in(opens, k):
            return None
        cue = self._noun_phrase_subject([w for w in words if w[1] <= opens], opens, verb, lo)
        return cue if cue is not None and cue.kind == "unnamed" else None

    def _name_subject(self, k: int, verb: int, lo: int) -> Cue | None:
        """The mention ending at k before the verb: the subject, or only a listener or an
        object ("a spokesman for Mr Blair said"), or one of several ("he and Starmer")."""
        text = self.text
        s, e, p = self.by_end[k]
        role = self._position(s, lo)
        if role == "joint" and re.fullmatch(r"\s*(?:And|But)\s+", self.text[lo:self.skip_title_back(s, lo)]):
            role = "subject"             # "And Lo called Hale …": the conjunction opens the sentence
        if role == "subject":
            return Cue("name", s, verb, p)
        if (role == "with" and text[verb:verb + 20].split()[0].rstrip(",:;.").endswith("ing")
                and "," not in text[e:verb]):
            return Cue("name", s, verb, p)   # "with Trump saying", "footage of Trump saying"
        if role == "object" and self.words(max(lo, s - 12), s)[-1:] and \
                self.words(max(lo, s - 12), s)[-1][2] in SUBORDINATE:
            return Cue("name", s, verb, p)   # "hours after Sanders said", "even as Trump claimed"
        if role in ("object", "with"):    # "a spokesman for Mr Blair said"
            return Cue("unnamed", s, verb, sieve=Sieve.UNNAMED)
        return None                      # "he and Starmer had suggested"

    def _noun_phrase_subject(self, words, k: int, verb: int, lo: int) -> Cue | None:
        """A noun phrase ending at k: "officials said", "a spokesman for the firm said",
        "the IMF said" (an organisation, kept as the quote's source)."""
        text = self.text
        np_start = max(text.rfind(",", lo, k) + 1, lo)
        np_words = [w for w in words if w[0] >= np_start]
        # the phrase starts after a verb or "that" reporting it: "Reid said an official told"
        for n in range(len(np_words) - 2, -1, -1):
            if (np_words[n][2] in SPEECH_VERBS or np_words[n][2] == "that") and np_words[n + 1][2] in NP_START:
                np_words = np_words[n + 1:]
                break
        # (a proper name inside counts for little: "A Department of Health and Social Care spokesperson")
        if (np_words and (len(np_words) <= 6 or len(np_words) <= 10 and sum(text[w[0]].islower() for w in np_words) <= 4)
                and np_words[-1][1] == k
                and (np_words[0][2] in NP_START or text[np_words[0][0]].isupper())
                and not any(w[2] in NOT_NP for w in np_words)):
            start = np_words[0][0]
            inside = self.mention_in(start, k)
            owner = _DOCUMENT.fullmatch(text, start, k)
            if owner and len(inside) == 1 and inside[0][1] == owner.end(1):
                # "Mr Crosby's statement said": their own words, in writing
                return Cue("name", start, verb, inside[0][2], sieve=Sieve.DOCUMENT)
            # "a spokesman", or "Mr Smith's spokesman": someone who is not among the people
            if not inside or all(POSSESSIVE.match(self.text, e) for _, e, _ in inside):
                org = None if inside else organisation(self, start, k)
                if org:
                    return Cue("unnamed", start, verb, sieve=Sieve.ORGANISATION, source=org)
                return Cue("unnamed", start, verb, sieve=Sieve.UNNAMED, described=text[start:k].strip())
        return None

    def _named_then_comma(self, verb: int, lo: int) -> bool:
        """ "Thatcher, dubbed": a name and a comma right before the verb, the name not itself
        closing an appositive ("Tusk, the Polish prime minister, called" is Tusk speaking)."""
        before = self.text[lo:verb].rstrip()
        if not before.endswith(","):
            return False
        m = self.by_end.get(lo + len(before) - 1)
        return bool(m) and not self.text[lo:m[0]].rstrip().endswith(",")

    def _position(self, start: int, lo: int) -> str:
        """"subject", "object" (after a preposition) or "joint" (after and/or)."""
        before = self.words(max(lo, start - 30), start)
        if before and self.text[before[-1][1]:start].strip() in ("", "’s", "'s"):
            if before[-1][2] in CONJUNCTIONS:
                # ", and Pollard said" joins clauses; "he and Starmer" joins subjects
                clause = char_before(self.text, before[-1][0]) == ","
                return "subject" if clause else "joint"
            if before[-1][2] in ("with", "of"):
                return "with"
            if before[-1][2] in PREPOSITIONS:
                return "object"
            w = before[-1][2]
            if w.endswith("ing") and w not in _ING_NOUNS and self.text[before[-1][0]].islower():
                return "object"          # "voters embracing Obama announced": Obama is embraced
        return "subject"

    def _appositive_subject(self, k: int, lo: int):
        """A mention then ", <description>" ending at k (with or without the closing
        comma): "Peter Mandelson, the British ambassador to Washington, told"."""
        comma = k - 1 if k > lo and self.text[k - 1] == "," else k
        for s, e, p in reversed(self.mention_in(lo, comma)):
            gap = self.text[e:comma]
            if not gap.strip():              # "Emmanuel Macron, later told"
                # ... but not "McLeod, who examined Bruno, told": the name must open its clause
                clause = max(self.text.rfind(",", lo, s) + 1, lo)
                if not all(w[2] in TITLE_WORDS or self.text[w[0]].isupper() for w in self.words(clause, s)):
                    continue
                return (s, e, p) if self._position(s, lo) == "subject" else None
            # "Rep. Jim Jordan (R-Ohio), a member,", "Vann R. Newkirk II, a writer,"
            paren = re.match(r"\s*\([^()]{1,30}\)|\s+(?:Jr|Sr|II|III|IV)\b\.?", gap)
            if paren:
                e += paren.end()
                gap = gap[paren.end():]
                if not gap.strip() and comma < k:      # "Gov. Ann Lo (R-OH), said"
                    return (s, e, p) if self._position(s, lo) == "subject" else None
            if not gap.startswith(","):
                continue                     # a name inside the description: "a top Trump aide"
            inner = self.words(e, comma)
            if re.fullmatch(r",\s*\d{1,3}\s*", gap) and self._position(s, lo) == "subject":
                return (s, e, p)             # "Quina Jones, 25, said"
            # (a list inside a relative clause is no list of subjects: "Lo, who voted for
            # JFK and Tom Hale, said")
            relative = next((w[0] for w in inner if w[2] == "who"), comma)
            if (not inner or len(inner) > 30 or self.quote_between(e, comma)
                    or self._listed(e, relative) and re.search(r"\s(?:and|or)\s", self.text[e:relative])):
                return None
            # a verb in the description makes it a clause of its own, except in a relative
            # clause about the person: "Ann Lo, a pollster who is working with X, said"
            who = next((n for n, w in enumerate(inner) if w[2] == "who"), len(inner))
            # (a participle opening the aside is about the person: "Ann Lo, speaking in French, told")
            aside = inner[1:] if inner[0][2].endswith("ing") else inner
            if any(w[2] in SPEECH_VERBS for w in aside) or any(w[2] in PASSIVE for w in inner[:who]):
                return None
            if comma == k and not (len(inner) <= 8 and "," not in gap[1:]):
                return None      # without the closing comma only a short description
            if self._position(s, lo) == "subject":
                return (s, e, p)
            # an object inside a longer description ("Lo, who worked for Sen. Hale, one of
            # its authors, called"): the description may be an earlier name's
        return None

    def _listed(self, start: int, end: int) -> bool:
        """Someone named in [start, end) as one of a list ("Lo, Tom Bell and Jo Hale said"),
        not as a modifier inside a description ("Lo, a Bell supporter and pastor, said")."""
        return any(re.search(r"(?:,|\band|\bor)\s*$", self.text[max(start, s - 6):s])
                   for s, _, _ in self.mention_in(start, end))

    def sentence_subjects(self, sstart: int, send: int):
        """Mentions that act as subjects in a sentence: the first that is not possessive
        or after a preposition, and any followed by a verb."""
        # "She met Jane Cole at noon": a sentence whose subject is a pronoun has no named
        # subject unless a verb follows the name
        first = not _PRONOUN_OPENS.match(self.text, sstart, send)
        for s, e, p in self.mention_in(sstart, send):
            if self.in_quote(s) or POSSESSIVE.match(self.text, e):
                continue
            if not first and not verb_follows(self, e, send) and not _WITH_DOING.match(self.text, e, send):
                continue           # (a subject neither way, whatever its position: not worth reading)
            position = self._position(s, sstart)
            if position == "with" and _WITH_DOING.match(self.text, e, send):
                yield s, p         # "…, with Ann Lo — who backs a tax rise — lambasting the plan"
                continue
            if position != "subject":
                continue
            if _names_organisation(self.text, e):
                continue           # "The Ann Lo Foundation did not …, telling": not Lo
            if self.text.count("(", sstart, s) > self.text.count(")", sstart, s):
                continue           # "(Lo called it “…”), Vale answered": not the sentence's subject
            role = ROLE_AFTER.match(self.text, e, send)
            if role and role.end() in self.by_start:
                continue           # "Smith campaign spokesman Ann Lo said": Lo is the subject
            if first or verb_follows(self, e, send):
                yield s, p
            first = False


_PRONOUN_OPENS = re.compile(r"[\s“”\"'‘’(]*(?:He|She|They|We|I)\s+[a-z]")
# "with Lo lambasting …", "with Lo, the mayor, saying …": a with-clause whose subject acts
_WITH_DOING = re.compile(r"(?:\s*[,—–]\s[^,—–.;]{1,80}[,—–])?\s+[a-z]+ing\b")
_VERBISH = re.compile(r"(?:,[^,]{1,120},)?\s+(?:(?:also|later|then|has|had|have|will|would|"
                      r"could|did|does|is|was|once|again|never|not)\s+)*"
                      r"([a-z]+(?:ed|s)|(?:does|did|is|was|has|had|could|would|ca|wo)n['’]t|"
                      r"said|told|spoke|wrote|rejected|met|went|made|took|gave|"
                      r"came|saw|knew|thought|felt)\b")


# "Hale kept asking", "Lo began saying": the subject of the -ing verb is before these
_ASPECT = {"kept", "keeps", "keep", "began", "begin", "begins", "started", "start", "starts",
           "continued", "continues"}
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


def _names_organisation(text: str, end: int) -> bool:
    """The name ending at `end` goes on with an organisation word: "Ann Lo Foundation"."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1) in ORG_WORDS and m.group(1) not in SURNAME_LIKE


# A capitalised word speaking ("Keidis continued", "said Wines"): where a surname may be misspelt
# (said says stated, added adds argued asked, told thinks, continued, believes, wrote writes,
# noted: grouped by their first letters, so that the engine drops most blanks at one letter)
_SPEAKING_VERB = re.compile(r" (s(?:aid|ays|tated)|a(?:dd(?:ed|s)|rgued|sked)|t(?:old|hinks)|continued|believes|"
                            r"wr(?:ote|ites)|noted)\b")
_SPEAKER = re.compile(r"[A-Z][a-z]*[A-Z]?[a-z]{3,}")
_SPEAKER_AFTER = re.compile(r"\s+([A-Z][a-z]*[A-Z]?[a-z]{3,})\b")
_INVERTING = ("said", "says", "added")


def misspelt_mentions(text: str, people: list[Person]) -> list:
    """A speaking word one letter off the surname of exactly one person in the article
    ("Keidis" for Kiedis, "McLenney" for McClenney, "Wines" for Wimes): a misspelt mention
    of them, so that their cue is read and no one else takes their words. Only words that
    are no one's name."""
    surnames: dict[str, list[Person]] = {}
    for p in people:
        last = p.name.split()[-1]
        if len(last) >= 5:
            surnames.setdefault(last, []).append(p)
    if not surnames:
        return []
    found = []                           # (start, word)
    for v in _SPEAKING_VERB.finditer(text):
        before = text[max(0, v.start() - 30):v.start()].split()   # (v.start(): the blank before the verb)
        if before and before[-1] == "also":
            before.pop()
        word = before[-1] if before else ""
        if word[:1].isupper() and _SPEAKER.fullmatch(word):
            found.append((text.rfind(word, 0, v.start()), word))
        if v.group(1) in _INVERTING and text[v.end() + 1:v.end() + 2].isupper():
            m = _SPEAKER_AFTER.match(text, v.end())
            if m:
                found.append((m.start(1), m.group(1)))
    if not found:
        return []
    named = None                         # every word of everyone's names, when a word is close
    whose: dict[str, Person | None] = {}
    out = []
    for start, word in found:
        if word not in whose:
            close = [ps for last, ps in surnames.items()
                     if last[0] == word[0] and abs(len(last) - len(word)) <= 1 and _one_edit(word, last)]
            whose[word] = None
            if len(close) == 1 and len(close[0]) == 1 and word not in STOP:
                if named is None:
                    named = {w for p in people for f in p.forms for w in f.split()}
                if word not in named:
                    whose[word] = close[0][0]
        if whose[word] is not None:
            out.append((start, start + len(word), whose[word]))
    return out


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter added, dropped or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


_CONTRACTED = re.compile(r"[’'](?:s|d)$")


def char_before(text: str, pos: int) -> str:
    """The last non-blank character before pos, "" when there is none (text[:pos].rstrip()[-1:]
    without copying the text before pos)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos else ""


def verb_follows(art: Context, end: int, send: int) -> bool:
    m = _VERBISH.match(art.text, end, send)
    return bool(m) and not m.group(1).endswith("ss") and m.group(1) not in _NOT_VERBS


# Words in -s that are no verbs: "sees Cruz as a uniter" names Cruz as no subject
_NOT_VERBS = {"as", "us", "his", "this", "its", "thus", "plus", "yes", "ours", "yours", "hers", "theirs", "whereas"}


def region_end(art: Context, i: int) -> int:
    """Where the words after quote i stop: the next quote or the end of the sentence
    (or of the next sentence when the quote's own sentence ends with it)."""
    if i not in art.region_ends:
        art.region_ends[i] = _region_end(art, i)
    return art.region_ends[i]


def _region_end(art: Context, i: int) -> int:
    s, e = art.outer[i]
    pend = art.paras[art.para_of(s)][1]
    k = bisect.bisect_left(art.mask_starts, e)       # the next quote after this one's end
    nxt = art.mask_starts[k] if k < len(art.mask_starts) else len(art.text)
    j = max(bisect.bisect_right(art.sent_starts, e - 1) - 1, 0)
    while j < len(art.sents) and art.sents[j][1] <= e:
        j += 1
    send = art.sents[j][1] if j < len(art.sents) else pend
    return min(nxt, send, pend)


def _outer(text: str, q: Quote) -> tuple[int, int]:
    """Offsets of the quote including its marks."""
    s, e = q.start, q.end
    while s > 0 and text[s - 1] in " “\"‘'":
        s -= 1
    while e < len(text) and text[e] in " ”\"’'":
        e += 1
    return s, e


# Words in -ing that are nouns: a name after one may still be a subject ("At the briefing Lo said")
_ING_NOUNS = {"morning", "evening", "meeting", "briefing", "hearing", "building", "thing", "king", "spring",
              "wedding", "ring", "string", "wing", "during", "including", "according", "nothing", "something",
              "anything", "everything", "ceiling", "funding", "rating", "ruling", "ending", "opening", "setting",
              "warning", "filing", "polling", "reporting", "timing", "saying"}
# Words that open a clause of their own as well as a phrase: the name after one and a verb
# is that clause's subject ("after Scalia said"), not an object ("after Scalia's remarks")
SUBORDINATE = {"after", "before", "as", "since", "until", "once", "when", "while"}
_OWNERS = {"his", "her", "their", "its", "our", "my", "your"}
# "<someone>'s (new) statement": what a person wrote speaks for them ("Mr Smith's lawyer" does not)
_DOCUMENT = re.compile(r"(.+?)[’']s?\s+(?:\w+\s+)?(?:%s)" % "|".join(DOCUMENTS))
# After a name, words that make it a modifier of a role or group: "Smith campaign
# spokesman", "Smith's former adviser", "Smith aides"; a name may follow.
ROLE_AFTER = re.compile(r"(?:[’']s)?(?:\s+[a-z][a-z-]*){0,3}?\s+(?:" + "|".join(
    sorted(ROLE_NOUNS | ASSOCIATES, key=len, reverse=True)) + r")\b,?\s*")
_POST_MODIFIER = re.compile(
    r"(?:\s*\([^()]{1,30}\)|(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}){1,2}"
    r"(?:,\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)?)$")      # "of Columbia, South Carolina"
