"""Whom a pronoun cue means: the latest subject or speaker of its gender in this paragraph
or the one before, never a name used as a modifier or the subject of reported words; with
none nearby, the last person quoted; unknown when someone was just introduced who may be
meant instead. attribute.py asks when a sieve's cue is "he said"/"she added".
"""
from __future__ import annotations

import bisect
import re

from store.extract.quotes.context import Context, verb_follows
from store.lexicon.names import TITLES
from store.lexicon.speech import PRONOUNS, SPEECH_VERBS
from store.model import Person

# ", president of …", ", a pastor at …", ", 45, …": a person introduced with who they are
_INTRODUCED = re.compile(r",\s+(?:\d{1,3},|(?:an?|the)\s+\w|[a-z][\w-]*\s+(?:of|at|for|with)\s)")
_CAPTION_START = re.compile(r"(?:Image|Photo|Picture|Video|Watch|Media|Caption|Credit|Copyright|Getty|"
                            r"Reuters|AFP|AP Photo|Listen|Read more|Related)\b[^\n.!?]{0,30}:", re.IGNORECASE)
_CAPTION_END = re.compile(r"\((?:video|photo|pictures?|gallery|audio|Getty Images|AFP|Reuters)\)\s*$", re.IGNORECASE)
_THINK = {"believe", "believes", "believed", "think", "thinks", "thought", "knows", "knew", "feels", "felt"}
_SUBORDINATORS = {"after", "before", "when", "because", "since", "until", "as", "while", "once", "although"}
_SPEAKER_REACH = 1500      # characters: a pronoun returns to a speaker this far back at most
# A capitalised word that is not among the people, speaking: "McLenney said", "Wines believes"
_UNREAD_SPEAKER = re.compile(r"(?:^|[.!?]\s+|\n\s*)([A-Z][a-z][\w’'-]*)\s+(?:also\s+)?"
                             r"(?:said|says|believes|thinks|argued|argues|added|noted|told|wrote)\b")


def subjects(art: Context, k: int) -> list:
    """Subjects of the sentences of paragraph k (computed once, when a pronoun asks)."""
    if k not in art.para_subjects:
        pstart, pend = art.paras[k]
        found = []
        for sstart, send in art.sents[bisect.bisect_left(art.sent_starts, pstart):
                                       bisect.bisect_left(art.sent_starts, pend)]:
            found.extend((s, p) for s, p in art.sentence_subjects(sstart, send)
                         if not _modifier_or_reported(art, s, sstart, send))
        art.para_subjects[k] = found
    return art.para_subjects[k]


def _modifier_or_reported(art: Context, s: int, sstart: int, send: int) -> bool:
    """A mention a pronoun should not return to: a name used as a modifier ("the
    Clinton campaign took …"), or the subject of words someone else reports ("McLenney
    said Clinton doesn't …": the pronoun that follows means the reporter; but "said
    Lindsay Schroth, an analyst" names the reporter)."""
    before = art.words(max(sstart, s - 40), s)[-2:]
    if not before:
        return False
    first = art.text[s:s + 20].split()[0].rstrip(".")
    if before[-1][2] == "the" and first not in TITLES:
        return True
    if before[-1][2] in ("where", "whereby") and art.text[:before[-1][0]].rstrip().endswith(","):
        return True          # "…, in Ohio, where Hale sits ahead": a place described
    said = [w for w in before if w[2] in SPEECH_VERBS]
    # "… confident that Cruz has", "he does believe McConnell is": a clause inside another
    inner = before[-1][2] == "that" or before[-1][2] in _THINK and art.text[before[-1][0]].islower()
    if not inner and (not said or before[-1][2] != said[-1][2]) or before[-1][0] <= sstart:
        return False
    end = next(e for ms, e, _ in art.mention_in(s, send) if ms == s)
    return verb_follows(art, end, send)


def antecedents(art: Context, pos: int) -> list[Person]:
    """The subjects and speakers a pronoun at pos may mean, oldest first: those of this
    paragraph and the one before."""
    if pos in art.antecedent_cache:
        return art.antecedent_cache[pos]
    k = art.para_of(pos)
    before = k - 1
    while before > 0 and _caption(art, before):
        before -= 1                      # a photo caption or a video link between is no paragraph
    lo = art.paras[max(before, 0)][0]
    events = []
    for evs in (subjects(art, before) if k and not _caption(art, before) else [], subjects(art, k), art.speakers):
        j = bisect.bisect_left(evs, pos, key=lambda ev: ev[0])
        events += [ev for ev in evs[max(0, j - 40):j] if ev[0] >= lo]
    found = art.antecedent_cache[pos] = [p for _, p in sorted(events, key=lambda ev: ev[0])]
    return found


def _caption(art: Context, k: int) -> bool:
    """Paragraph k is a photo caption, a credit or a video link, as web pages put between a
    name and "he said": "Image caption: …", "Watch: … (video)", "Photo: Getty Images"."""
    s, e = art.paras[k]
    return bool(_CAPTION_START.match(art.text, s, e) or _CAPTION_END.search(art.text, s, e))


def resolve_pronoun(art: Context, pos: int, gender: str) -> Person | None:
    """The latest subject or speaker of that gender before pos, in this paragraph or
    the one before."""
    candidates = antecedents(art, pos)
    chosen = next((p for p in reversed(candidates) if p.gender == gender), None)
    # no candidate's gender is known: only a single person is safe
    if chosen is None and len({p.name for p in candidates}) == 1 and candidates[0].gender is None:
        chosen = candidates[-1]
    if chosen is None:
        chosen = _only_one_in_sentence(art, pos, gender)
    if chosen is None and not any(p.gender is None for p in candidates):
        chosen = _chain(art, pos, gender)
    if chosen is None:
        return _last_speaker(art, pos, gender)
    newcomer = _newcomer(art, pos, gender, chosen)
    if newcomer is None:
        return chosen
    return newcomer if newcomer.gender == gender else None


_CHAIN_PARAS = 4           # paragraphs of he/she a chain goes back through at most
_CHAIN_REACH = 3000        # characters


def _chain(art: Context, pos: int, gender: str) -> Person | None:
    """Paragraphs that go on about someone as "she" (`She has toured … She met …`) carry
    the pronoun back to the paragraph that named her: the latest subject of that gender
    there, when every paragraph between speaks of "she" and names no one else who could be
    meant (`He said Smith was wrong.` / `He claimed Jones lied.` / `"…," he promised.`)."""
    word = "She" if gender == "f" else "He"
    k = art.para_of(pos)
    for back in range(1, _CHAIN_PARAS + 1):
        j = k - back
        if j < 0 or pos - art.paras[j][0] > _CHAIN_REACH:
            return None
        ps, pe = art.paras[j]
        opens = art.text.startswith((word + " ", word + ","), ps)
        if back > 1 and not opens and subjects(art, j):
            # the paragraph that named them: one person who could be meant, a subject
            could = {p.name: p for s, _, p in art.mention_in(ps, pe)
                     if not art.in_quote(s) and p.gender in (gender, None)}
            fits = [p for _, p in subjects(art, j) if p.gender == gender]
            if len(could) != 1 or not fits:
                return None
            art.chained.add(pos)
            return fits[-1]
        if not _pronoun_subject(art, word, ps, pe) or _someone_else(art, gender, ps, pe):
            return None
    return None


def _someone_else(art: Context, gender: str, start: int, end: int) -> bool:
    """start:end names someone the pronoun could mean, other than as the subject of words
    it reports ("He said Smith was wrong")."""
    for s, _, p in art.mention_in(start, end):
        if p.gender in (gender, None) and not art.in_quote(s):
            sstart, send = art.sentence_of(s)
            if not _modifier_or_reported(art, s, sstart, send):
                return True
    return False


# "She" opening a sentence or a paragraph, or "she" right after a quote (`"…," she said`)
_PRONOUN_SUBJECT = {word: re.compile(rf"(?:(?<=\n)|(?<=[.!?”\"’]\s)){word}\b(?!['’])|(?<=[,!?][”\"’]\s){word.lower()}\b")
                    for word in ("She", "He")}


def _pronoun_subject(art: Context, word: str, start: int, end: int) -> bool:
    """A sentence of start:end opens with the pronoun, or a quote's cue is the pronoun."""
    return any(not art.in_quote(m.start()) for m in _PRONOUN_SUBJECT[word].finditer(art.text, start, end))


def _only_one_in_sentence(art: Context, pos: int, gender: str) -> Person | None:
    """No subject of that gender nearby, but the pronoun's own sentence names one person of
    it, as an object: `Hale called Ann Lo a "disgrace" after she attacked …` is Lo."""
    sstart = art.sentence_of(pos)[0]
    before = art.words(max(sstart, pos - 12), pos)[-1:]
    if not before or before[0][2] not in _SUBORDINATORS:
        return None          # only a clause of the same sentence: "…, after she attacked"
    named = {p.name: p for s, _, p in art.mention_in(sstart, pos) if not art.in_quote(s)}
    fits = [p for p in named.values() if p.gender == gender]
    return fits[0] if len(fits) == 1 and all(p.gender not in (gender, None) or p is fits[0] for p in named.values()) else None


def _newcomer(art: Context, pos: int, gender: str, chosen: Person) -> Person | None:
    """A paragraph that opens with a quote, after one whose last sentence ends by
    introducing someone else with who they are: "While Obama had …, which concerns
    Henry Crespo, president of the caucus." / "“…,” he said." may well be Crespo."""
    k = art.para_of(pos)
    if not k or not art.quote_between(art.paras[k][0], art.paras[k][0] + 2):
        return None
    lo, hi = art.sentence_of(art.paras[k - 1][1] - 1)
    named = [(s, e, p) for s, e, p in art.mention_in(lo, hi) if not art.in_quote(s)]
    if not named:
        return None
    s, e, p = named[-1]
    if (p is not chosen and p.gender in (gender, None) and p.mentions[0][0] == s
            and _INTRODUCED.match(art.text, e, hi)):
        return p
    return None


def _last_speaker(art: Context, pos: int, gender: str) -> Person | None:
    """No subject of that gender nearby: the latest person quoted, a few paragraphs back
    at most, when their gender fits or is not known, and no one the people pass could
    not read ("McLenney said …") has spoken since. News returns to its speaker."""
    k = bisect.bisect_left(art.speakers, pos, key=lambda ev: ev[0])
    if not k or pos - art.speakers[k - 1][0] > _SPEAKER_REACH:
        return None
    off, person = art.speakers[k - 1]
    if person.gender not in (gender, None):
        return None
    for m in _UNREAD_SPEAKER.finditer(art.text, off, pos):
        if m.start(1) not in art.by_start and not art.in_quote(m.start(1)) and m.group(1).lower() not in PRONOUNS:
            return None          # (but "He said …" goes on with the person meant)
    art.fallbacks.add(pos)
    return person
