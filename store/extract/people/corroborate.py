"""Corroboration: once every candidate was weighed, the article as a whole confirms or
drops some. Each function here is one pass (see store.extract.PASSES)."""
from __future__ import annotations

import re

from store.extract.draft import Draft
from store.extract.people.evidence import speaks
from store.extract.people.things import is_first
from store.extract.people.tokens import Candidate, Token, sentence_initial
from store.lexicon.names import DEMONYMS, KIN, ORG_WORDS, PLACES, ROLE_NOUNS, STOP, TITLES, first_names
from store.model import Evidence

_WEAK = {Evidence.SPEECH_VERB, Evidence.ROLE, Evidence.PLACE_POSSESSIVE}   # a firm repeated in full has these too
_SHORT_GAP = re.compile(r"^\s*(?:\([a-z ]{1,20}\)\s*)?(?:,|;|&|and)\s*$")
_LIST_GAP = re.compile(r"^(?:\s|\([^()\n]{0,40}\)|[\d.:/\-]|[,;&]|\band\b|\bbeat\b|\bv\b|\bvs\b)*$")
_PLACE_PREP = re.compile(r"\b(?:in|at|from|to|near|of)\s+$")
_PLURAL_END = re.compile(r"[^s]s$")
_DIGIT_OR_BRACKET = re.compile(r"[\d(]")
_WRAP_NEXT = re.compile(r"[ \t]*[(,\d]")
_COMMA_BEFORE = re.compile(r",\s*$")
_SENTENCE_BEFORE = re.compile(r"(?:[.!?][\"”’']?\s+|\n\s*\n\s*)$")     # not a line of a wrapped list


def _in_list(text: str, cands: list[Candidate], i: int) -> bool:
    """Both sides of a lone word are list separators to other capitalised words."""
    c = cands[i]
    if i == 0 or i == len(cands) - 1:
        return False
    before = text[cands[i - 1].toks[-1].end:c.toks[0].start]
    after = text[c.toks[-1].end:cands[i + 1].toks[0].start]
    return bool(_SHORT_GAP.match(before) and _SHORT_GAP.match(after))


def _line_edge(text: str, tok: Token, last: bool) -> bool:
    """Is the word the last (or first) thing on its line?"""
    if last:
        return text[tok.end:tok.end + 1] == "\n"
    return tok.start > 0 and text[tok.start - 1] == "\n"


def drop_teams_and_openers(d: Draft) -> None:
    """A team named in a results line is a team in the standings too; a capitalised word
    that opens a sentence before a known person's surname is not their first name: "Notice
    Trump sniffing", "Either Clinton or ..." (a full name with a known first name gives the
    surname), "Interestingly Blocher" (an adverb), "Given Obama's record" after "President
    Obama" (a run with no evidence of its own, whose surname came before, its first word
    written nowhere else as a name); in a short first paragraph (a headline), a word the
    story never writes again before a surname it gives ("Derelict Obama and Clinton;"). An unknown word before a full name the text also gives
    alone is no first name either ("Telling Jeb Bush to ...")."""
    cands = d.candidates
    if d.teams:
        cands = d.candidates = [c for c in cands if c.titles or tuple(t.text for t in c.toks) not in d.teams]
    # the runs this may shorten: two words or more, no title, a first word no known first name
    todo = [c for c in cands if len(c.toks) > 1 and not c.titles and c.toks[0].kind == "name"
            and not is_first(c.toks[0].text)]
    if not todo:
        return
    text = d.text
    lead = max(d.headline_end, d.paragraphs[0][1] if len(d.paragraphs) > 1 else 0)
    headline = lead if len(text[:lead].split()) <= 20 else 0
    # built on first use, from the runs as they stand before any is cut (cuts wait for the end)
    known: set[str] = set()                       # surnames after a known first name
    seen: dict[str, int] = {}
    pairs: set[tuple[str, ...]] = set()           # every run of two words or more
    first_at: dict[tuple[str, ...], int] = {}     # where each run's words first stand
    inside: set[str] = set()                      # words written as a name, not opening a sentence
    cut = []
    for c in todo:
        head = c.toks[0]
        words = tuple(t.text for t in c.toks)
        last = words[-1]
        first = sentence_initial(text, head, d.sent_starts)
        if not first and len(words) == 2 and not (head.start < headline and not c.person):
            continue                # none of the tests below applies
        if not pairs:
            for o in cands:
                if len(o.toks) > 1:
                    pairs.add(tuple(t.text for t in o.toks))
                    if is_first(o.toks[0].text):
                        known.add(o.toks[-1].text)
                # surname -> where the text first gives it past the first paragraph (often a headline
                # that names the surname alone before the story gives the full name: "Professor Nega's war")
                if o.toks[0].start >= lead:
                    seen.setdefault(o.toks[-1].text, o.toks[0].start)
        if head.start < headline and not c.person and last in seen and text.count(head.text) == 1 and \
                not _used_lower(head.text, text):
            cut.append(c)          # a headline's word the story never uses again ("Derelict Obama and ...")
            continue
        if first and not (last in known or head.text.endswith("ly") and len(head.text) > 5) \
                and seen.get(last, head.start) < head.start and not c.person and not first_at:
            for o in cands:
                first_at.setdefault(tuple(t.text for t in o.toks), o.toks[0].start)
                initial = not o.titles and sentence_initial(text, o.toks[0], d.sent_starts)
                inside.update(t.text for t in o.toks[1 if initial else 0:])
        if first and (last in known or seen.get(last, head.start) < head.start and (
                head.text.endswith("ly") and len(head.text) > 5 or not c.person and head.text not in inside
                and first_at[words] == head.start and _SENTENCE_BEFORE.search(text, max(0, head.start - 4), head.start))) \
                and not _relative(c, words, pairs, text) \
                or len(words) > 2 and words[1:] in pairs and (head.text.endswith(("s", "ing")) or _used_lower(head.text, text)):
            cut.append(c)
    for c in cut:
        c.toks = c.toks[1:]


_LOWER_PART = re.compile(r"-[a-z]")      # "Left-back": a noun, no first name
# "Naira Vrask said her husband ...": a kin word of the run's own sentence
_KIN_AFTER = re.compile(r"[^.!?;\n]{0,80}?\b(?:his|her) (?:%s)\b" % "|".join(sorted(KIN)))
_OWN_EVIDENCE = {Evidence.ROLE, Evidence.WHO, Evidence.AGE, Evidence.SPEECH_VERB, Evidence.PARTY}


def _relative(c: Candidate, words: tuple[str, ...], pairs: set, text: str) -> bool:
    """"Naina Lo, wife of the president": a run with evidence of its own, whose first word
    reads as no ordinary word, is a relative of the known person of that surname (unless the
    text gives it as the end of a longer name: "Ana Sanchez Lo" ... "Sanchez Lo")."""
    head = words[0]
    return (c.person in _OWN_EVIDENCE or c.person is None and _KIN_AFTER.match(text, c.toks[-1].end)) \
        and head not in STOP and not _LOWER_PART.search(head) \
        and not head.endswith("ed") and not _a_word(head, text) \
        and not any(len(p) > len(words) and p[-len(words):] == words for p in pairs)


def _common_noun(word: str, text: str) -> bool:
    """A plural in -ies ("Priorities"), a title ("Clinton Chief of Staff Cheryl Mills"), or a
    word the text also writes in lower case."""
    return word.endswith("ies") or word in TITLES or _used_lower(word, text)


def _a_word(word: str, text: str) -> bool:
    """Does the word read as an ordinary word: written in lower case in the text, or a
    participle ("Rebuking"), an adverb ("Bitterly") or a verb whose stem the text writes in
    lower case ("Quotes" ... "quote")?"""
    return _used_lower(word, text) or word.endswith("ing") and len(word) > 5 or word.endswith("ly") and len(word) > 5 \
        or word.endswith("s") and len(word) > 4 and _used_lower(word[:-1], text)


def _used_lower(word: str, text: str) -> bool:
    """Does the text also write the word in lower case ("Stop Trump" ... "stop")?"""
    low = word.lower()
    return any(not text[k - 1:k].isalnum() and not text[k + len(low):k + len(low) + 1].isalnum()
               for k in _finditer(text, low))


def _finditer(text: str, word: str):
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)


def corroborate(d: Draft) -> None:
    """A surname standing alone elsewhere confirms the full name ("Gleveckas ...
    Gleveckas"); a name repeated in full but never cut to its surname is a firm or a paper
    ("Deutsche Boerse said ... Deutsche Boerse"), since people are called by surname on
    repeat; a lone word that is the surname of someone found is that person."""
    cands, text = d.candidates, d.text
    # "the pro-Clinton Priorities USA": someone's surname before a plural noun names a thing,
    # though Clinton is a first name too
    full = [c for c in cands if c.person and len(c.toks) >= 2]
    surnames = {c.toks[-1].text for c in full}
    for c in full:
        if c.person == Evidence.FIRST_NAME and len(c.toks) == 2 and c.toks[0].text in surnames \
                and _common_noun(c.toks[-1].text, text):
            c.person = None
    full = [c for c in full if c.person]
    singles = {c.toks[0].text for c in cands if len(c.toks) == 1}
    # no other first name: an unknown word before the first name of someone the text names
    # in full ("Crazy Bernie" beside Bernie Sanders), or a word the text also writes in
    # lower case before the surname of someone it names by a known first name ("Stop Trump"
    # beside Donald Trump; "Mother Teresa" has no such namesake)
    known_surnames = {c.toks[-1].text for c in full}
    firsts_of: dict[str, set[str]] = {}
    for c in full:
        if is_first(c.toks[0].text):
            firsts_of.setdefault(c.toks[-1].text, set()).add(c.toks[0].text)
    named_firsts = {first for last, firsts in firsts_of.items() if last in singles for first in firsts} - known_surnames
    for c in cands:
        if c.person is not None or len(c.toks) < 2:
            continue
        head, last = c.toks[0].text, c.toks[-1].text
        if last in singles and c.toks[-1].kind == "name" and c.toks[0].kind == "name" \
                and not _PLURAL_END.search(last) and last not in named_firsts \
                and not (last in firsts_of and not is_first(head) and _a_word(head, text)) \
                and not (head in known_surnames and not is_first(head)):
            # "Stop Trump", "Very Clinton" beside Donald Trump: an unknown word before the
            # surname of someone the text names by a known first name is no other first name;
            # "Bush Right": a known person's surname starts no other name
            if len(c.toks) >= 3 and not is_first(head) and _used_lower(head, text):
                c.toks = c.toks[1:]      # "Chief of Staff Ann Lo": "staff" is a word, not a name
            c.person = Evidence.REPEATED_SURNAME
    # a firm repeated in full, never cut to a surname (counted only when such a run stands)
    weak = [c for c in cands if c.person in _WEAK and len(c.toks) > 1 and c.toks[-1].text not in singles]
    if weak:
        full_counts: dict[tuple[str, ...], int] = {}
        for c in cands:
            if len(c.toks) > 1:
                w = tuple(t.text for t in c.toks)
                full_counts[w] = full_counts.get(w, 0) + 1
        for c in weak:
            if full_counts[tuple(t.text for t in c.toks)] >= 2:
                c.person = None
    _lone_speakers(d)
    surnames = {c.toks[-1].text for c in cands if c.person}
    for c in cands:
        if c.person is None and len(c.toks) == 1 and c.toks[0].text in surnames:
            c.person = Evidence.SURNAME


def _group(word: str, text: str) -> bool:
    """"Latinos" where the text also writes "Latino", or "the Pirates": a group or a thing,
    not a surname."""
    return word.endswith("s") and any(True for _ in _occurrences(text, word[:-1])) or \
        any(text[k - 4:k] in ("the ", "The ") for k in _occurrences(text, word))


def _occurrences(text: str, word: str):
    """Where the word stands as a whole word."""
    n = len(word)
    for k in _finditer(text, word):
        if not text[k - 1:k].isalnum() and not text[k + n:k + n + 1].isalnum():
            yield k


_APPOSITIVE_WORDS = re.compile(r", (?:the |a |an )?((?:[a-z-]+ ){0,2}[a-z-]+)")


def _role_appositive(text: str, end: int) -> bool:
    """", national treasurer for ...": a role noun within the first three words after a comma."""
    m = _APPOSITIVE_WORDS.match(text, end)
    return bool(m) and any(w in ROLE_NOUNS for w in m.group(1).split())


_WHO_OR_AGE = re.compile(r", (?:who\b|\d{1,2}[,.])")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w'’-]*) $")


def _shown_as_person(word: str, text: str) -> bool:
    """"Lo, who", "Lo, 44,", a known first name before it ("the Ann Lo Show"), or a
    capitalised word before it and a role after ("Bay Lo, national treasurer")."""
    n = len(word)
    for k in _occurrences(text, word):
        if _WHO_OR_AGE.match(text, k + n):
            return True
        m = text[k - 1:k] == " " and _CAPITAL_BEFORE.search(text, max(0, k - 30), k)
        if m and (is_first(m.group(1)) and m.group(1)[1:].islower() and m.group(1) not in DEMONYMS
                  and m.group(1) not in PLACES or _role_appositive(text, k + n)):
            return True
    return False


def _lone_speakers(d: Draft) -> None:
    """A word named alone as a speaker ("Lo said") is a person when the text also shows it
    as one, which it never does for a firm or a paper (_shown_as_person)."""
    text = d.text
    words: dict[str, list[Candidate]] = {}
    speaking, skip = set(), set()
    for c in d.candidates:
        if c.person is not None or len(c.toks) != 1 or c.titles:
            continue
        t = c.toks[0]
        word = t.text
        if word in skip or t.kind != "name":
            continue
        if word not in words:
            if word in PLACES or word in ORG_WORDS or word in DEMONYMS or word in STOP or word in TITLES or \
                    not word[1:].islower():
                skip.add(word)
                continue
            words[word] = []
        words[word].append(c)
        if word not in speaking and speaks(c, text):
            speaking.add(word)
    for word in speaking:
        if not _used_lower(word, text) and not _group(word, text) and _shown_as_person(word, text):
            for c in words[word]:
                c.person = Evidence.LONE_SPEAKER


def lists(d: Draft) -> None:
    """Lists and results tables: a name next to a name ("Billy Andrade, Duffy Waldorf
    (Sweden)", "Given, Breen, Staunton"); a lone word only next to another lone name.
    Back and forth until nothing changes. Then only people are kept."""
    cands, text = d.candidates, d.text
    changed = True
    index = {id(c): i for i, c in enumerate(cands)}
    pairs = list(zip(cands, cands[1:]))
    forward = True
    while changed:
        changed = False
        for a, b in (pairs if forward else reversed(pairs)):
            if bool(a.person) == bool(b.person):
                continue
            src, other = (a, b) if a.person else (b, a)
            head = other.toks[0]
            if head.kind != "name" or head.text in PLACES:
                continue
            if _wrapped(text, a, b, src, other):
                other.person = Evidence.LIST
                changed = True
                continue
            if sentence_initial(text, head, d.sent_starts) and head.text not in first_names():
                continue
            if _listed(text, cands, index, a, b, src, other):
                other.person = Evidence.LIST
                changed = True
        forward = not forward
    d.candidates = [c for c in cands if c.person]


def _listed(text: str, cands: list[Candidate], index: dict, a: Candidate, b: Candidate, src: Candidate,
            other: Candidate) -> bool:
    head = other.toks[0]
    gap = text[a.toks[-1].end:b.toks[0].start]
    if len(other.toks) == 1:
        # a lone word in a list of three or more lone names ("Given, Breen, Staunton"),
        # or a name cut by a line break in a wrapped list ("Michael Bevan, Damien\nFlemming")
        return bool(_SHORT_GAP.match(gap) and not _PLACE_PREP.search(text, max(0, head.start - 6), head.start) and (
            _line_edge(text, head, other is b) if len(src.toks) > 1 else _in_list(text, cands, index[id(other)])))
    # a plural at the end needs a known first name: "Kaiser Chiefs" after a band
    return bool(len(other.toks) <= 3 and other.toks[-1].kind == "name" and
                (_SHORT_GAP.match(gap) or (_LIST_GAP.match(gap) and _DIGIT_OR_BRACKET.search(gap))) and
                (not _PLURAL_END.search(other.toks[-1].text) or is_first(head.text)))


def _wrapped(text: str, a: Candidate, b: Candidate, src: Candidate, other: Candidate) -> bool:
    """A name cut in two by the line break of a wrapped list or table, each half its own
    candidate: a known first name ending a list line after a comma ("Fred Funk 72 70, Mark\n"),
    then the word opening the next line, before a bracket, comma or score ("Mark\nBrooks 69")."""
    if other is not b or len(other.toks) != 1:
        return False
    head, last = b.toks[0], a.toks[-1]
    gap = text[last.end:head.start]
    if len(src.toks) > 1:
        return is_first(head.text) and _line_edge(text, head, True) and bool(
            _LIST_GAP.match(gap) and _COMMA_BEFORE.search(gap))
    return not gap.strip() and "\n" in gap and _line_edge(text, last, True) and _line_edge(text, head, False) \
        and bool(_WRAP_NEXT.match(text, head.end) and _COMMA_BEFORE.search(text, max(0, last.start - 3), last.start))
