"""Mentions people.py ties to a person after finding names: "the prime minister" (the one
person with that role, or the one person the sentence before names), "the 22-year-old"
(the one person the sentence before names), and each person's gender from the pronouns that
follow their mentions."""
from __future__ import annotations

import bisect
import re

from store.extract.draft import Draft
from store.model import Person
from store.lexicon.names import NATIONALITY_NOUNS, PERSON_VERBS, ROLE_NOUNS

_ROLES = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_PRONOUN = re.compile(r"(?=[hs])\b(he|his|him|himself|she|her|hers|herself)\b", re.I)


def tie_descriptions(text: str, people: list[Person]) -> None:
    """"The prime minister" is a mention of the one person whose role is exactly that."""
    by_role: dict[str, list[Person]] = {}
    lowered = None
    spans: list[tuple[int, int]] = []     # every mention, and where each starts: built on the first phrase found
    for p in people:
        if p.role:
            by_role.setdefault(p.role.lower(), []).append(p)
    roles = sorted(by_role)
    for role, ps in by_role.items():
        # another person whose role starts with this one ("finance director of a rival firm")
        # fits the description too
        k = bisect.bisect_left(roles, role + " ")
        if len(ps) != 1 or ROLE_NOUNS.isdisjoint(role.split()) or \
                (k < len(roles) and roles[k].startswith(role + " ")):
            continue
        taken = set(ps[0].mentions)
        if lowered is None:
            lowered = text.lower()
        phrase = "the " + role
        at = lowered.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            span = (at, end)
            if not spans:
                spans = sorted(m for p in people for m in p.mentions)
                span_starts = [m[0] for m in spans]
                starts = {m[0]: p for p in people for m in p.mentions}
            if span not in taken and (at == 0 or not text[at - 1].isalnum()) and \
                    (end == len(text) or not text[end].isalnum()) and \
                    not re.match(r"\s+of\b", text[end:end + 4]) and \
                    not _overlaps(spans, span_starts, at, end) and \
                    not _introduces_other(text, end, starts, ps[0]) and (end + 1) not in starts:
                ps[0].mentions.append(span)
            at = lowered.find(phrase, end)


AGE_DESC = re.compile(r"(?=[Tt])\b[Tt]he \d{1,3}-year-old(?: [A-Z][a-z]+| (?:%s)\b)?" % _ROLES)
_AFTER_QUOTE = re.compile(r"[,?!][”\"’']\s+$")
_SAID_SLOT = re.compile(r"(?:^|[,”\"’']\s*(?:said|says|added)\s+|(?P<quote>%s))" % _AFTER_QUOTE.pattern)
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
_DESC_SLOT = re.compile(r"(?:^|[“\"‘']\s*|\b(?:said|says|added|explained|insisted|admitted|told)\s+|\bIf\s+|\bbut\s+|\band\s+)$")


def age_descriptions(text: str):
    """AGE_DESC.finditer(text), tried only at the "the" before each "-year-old" found with
    str.find (the pattern alone would be tried at every offset of the article)."""
    pos = 0
    at = text.find("-year-old")
    while at >= 0:
        digits = at
        while digits > 0 and text[digits - 1].isdecimal():
            digits -= 1
        start = digits - 4
        if 1 <= at - digits <= 3 and start >= pos and (m := AGE_DESC.match(text, start)):
            pos = m.end()
            yield m
        at = text.find("-year-old", at + 1)


def tie_ages(text: str, people: list[Person], sent_starts: list[int]) -> None:
    """"The 22-year-old" as a subject means the one person the sentence before names."""
    if people and "-year-old" in text:
        for m in age_descriptions(text):
            p = _named_before(text, people, sent_starts, m.start(), m.end())
            if p:
                p.mentions.append((m.start(), m.end()))


# Heads of descriptions that, in a story about a named person, usually mean somebody else
# ("Smith appeared in court. The judge said ...", "Rooney scored twice. The manager said ..."):
# never tied to the person named before.
_OTHERS = frozenset("""
lawyer attorney judge prosecutor counsel solicitor barrister doctor surgeon nurse officer detective
constable inspector superintendent referee umpire victim suspect witness defendant spokesman
spokeswoman spokesperson aide adviser advisor assistant deputy manager coach boss trainer head owner
rival opponent challenger colleague teammate team-mate partner compatriot friend wife husband son
daughter mother father brother sister widow cousin uncle aunt woman man girl boy member resident
worker farmer pensioner villager refugee teenager student teacher official analyst economist expert
strategist investor banker trader broker dealer soldier protester activist campaigner neighbour neighbor
classmate roommate flatmate housemate landlord landlady tenant employee mentor fiance fiancee fiancé fiancée
carer caregiver pupil patient passenger bystander survivor relative
""".split())
# words a description's modifiers never are: "The report said the minister" is no description
_NOT_MODIFIERS = """
the a an this that these those his her its their our my your said says told added has had have
is was were are be been will would could should may might must can did does do of to in on at
for and or but with by from as after before when while who which whose what not no also
""".split()
_NEXT_WORD = re.compile(r" ([a-z-]+)")
_DEGREE = frozenset("most least more less very so too".split())
# the head is a role noun or a nationality noun ("the Frenchman", "the veteran Scot")
ROLE_DESC = re.compile(r"\b[Tt]he((?: (?!(?:%s)\b)[A-Za-z][A-Za-z-]*){0,3} (?:%s))(?= [a-z]|[,.;])"
                       % ("|".join(_NOT_MODIFIERS), _ROLES + "|" + "|".join(sorted(NATIONALITY_NOUNS))))


def tie_roles(text: str, people: list[Person], sent_starts: list[int]) -> None:
    """"The prime minister" as a subject, right after a sentence naming one person, is that
    person when nothing says otherwise: the description's head fits the role the person
    already has (or they have none, and it becomes theirs), and nobody named earlier holds
    a role of that kind ("Donald Tusk, the Polish prime minister" makes a later "the prime
    minister" too uncertain to tie)."""
    if not people:
        return
    at = text.find("he ", 1)
    while at >= 0:
        m = _could_open(text, at - 1) and ROLE_DESC.match(text, at - 1)
        at = text.find("he ", at + 3)
        if not m:
            continue
        words = m.group(1).split()
        head = words[-1].lower()
        nationality = words[-1] in NATIONALITY_NOUNS      # says who, not what: never a role
        nxt = _NEXT_WORD.match(text, m.end())
        if head in _OTHERS or text.startswith(" of ", m.end()) or _quoted(text, m.start()) or \
                nxt and nxt.group(1) in ROLE_NOUNS:
            continue                       # "The billionaire| businessman's standing"
        if _AFTER_QUOTE.search(text, max(0, m.start() - 4), m.start()) and not (nxt and nxt.group(1) in PERSON_VERBS):
            continue                       # `"…," the billionaire| business mogul told`: the whole subject only
        p = _named_before(text, people, sent_starts, m.start(), m.end(), strict=True)
        if p is None or (p.role and not nationality and head not in p.role.lower().split()):
            continue
        surname = p.name.split()[-1]
        if any(o is not p and (o.name.split()[-1] == surname or o.role and min(o.mentions)[0] < m.start() and
                               head in o.role.lower().split()) for o in people):
            continue                       # "the candidate" among the Trumps, or after "Tusk, the Polish prime minister"
        p.mentions.append((m.start(), m.end()))
        if not p.role and not nationality and not any(w in _DEGREE or w.endswith("ly") for w in words):
            p.role = " ".join(words)       # not "famously gruff senator", "most unlikely candidate"


def _could_open(text: str, i: int) -> bool:
    """A quick look before the pattern: could "The"/"the" at i open its sentence, follow
    "said" or the end of a quote (`"…," the Scot said`)? (_named_before decides.)"""
    if text[i] not in "Tt":
        return False
    j = i
    while j > 0 and (text[j - 1].isspace() or text[j - 1] in "“”\"‘’'"):
        j -= 1
    return j == 0 or text[j - 1] in ".!?\n" or text.endswith(("said", "says", "added"), 0, j) or \
        text[j - 1] == "," and j < i - 1


def _named_before(text: str, people: list[Person], sent_starts: list[int], start: int, end: int,
                 strict: bool = False) -> Person | None:
    """The person a description at start..end, the subject of its sentence, refers to: the one
    person named (outside quotes, not only as a possessive) in the nearest earlier sentence
    that names anyone. None when the text does not settle it. strict (roles, which a citation
    prints): the description opens its sentence or follows "said"; the naming sentence has no
    pronoun subject before the person ("He allowed a double to Segui"); and every sentence
    between them goes on with he or she ("The ministry spokesman said ..." brings in someone
    else)."""
    owner = sorted((s, e, p) for p in people for s, e in p.mentions)
    starts = [o[0] for o in owner]
    i = bisect.bisect_right(sent_starts, start) - 1
    sent = sent_starts[i] if i >= 0 else 0
    slot = (_SAID_SLOT if strict else _DESC_SLOT).search(text, max(sent, start - 12), start)
    if not slot and text[sent:start].strip(" “\"‘'"):
        return None
    # the subject of the verb after a quote (`"…," the Scot said`) is tied only to the subject
    # of the sentence before ("Le Bris admitted …", not "The pontiff met Sanders …")
    after_quote = bool(strict and slot and slot.group("quote"))
    k = bisect.bisect_left(starts, start)
    if k < len(starts) and starts[k] <= end + 2:
        return None                        # already a mention, or "the 35-year-old Bruno": the name is right there
    k = bisect.bisect_left(starts, sent)
    if k < len(starts) and starts[k] < start:
        return None                        # someone is named earlier in this sentence
    j = k - 1
    while j >= 0 and _quoted(text, starts[j]):
        j -= 1
    if j < 0:
        return None
    prev_sent = sent_starts[max(bisect.bisect_right(sent_starts, starts[j]) - 1, 0)]
    named = {id(o[2]): o[2] for o in owner if prev_sent <= o[0] < sent and not _quoted(text, o[0])}
    if len(named) != 1:
        return None
    p = next(iter(named.values()))
    if all(text.startswith(("'s", "’s"), e) for s, e in p.mentions if prev_sent <= s < sent):
        return None                        # "Johnson's spokesman said ...": not Johnson himself
    if strict:
        first = min(s for s, _ in p.mentions if s >= prev_sent)
        if _SUBJECT_PRONOUN.search(text, prev_sent, first) or after_quote and not _only_role_words(text[prev_sent:first]):
            return None
        k = bisect.bisect_right(sent_starts, prev_sent)
        if any(not _HE_SHE.search(text, a, b) for a, b in zip(sent_starts[k:i], sent_starts[k + 1:i + 1])):
            return None
    return p


_LEAD_WORDS = frozenset("the a an former ex his her their its our".split())


def _only_role_words(lead: str) -> bool:
    """Do only role words and capitalised words stand before the name in its sentence (after an
    opening phrase set off by a comma), so that the person is its subject? "Sunderland boss
    Ann Lo admitted", "On Monday, Lo said"; not "The pontiff met Lo"."""
    return all(w[0].isupper() or w[0] in "“\"‘'(" or w.lower() in _LEAD_WORDS or w.lower() in ROLE_NOUNS
               for w in lead.rsplit(",", 1)[-1].split())


def _quoted(text: str, pos: int) -> bool:
    """Is pos inside quotation marks within its paragraph?"""
    before = text[text.rfind("\n", 0, pos) + 1:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_left(starts, end) - 1
    return k >= 0 and spans[k][1] > start


def _introduces_other(text: str, end: int, starts: dict[int, Person], p: Person) -> bool:
    """"the president, Joe Bloggs": the description belongs to the name after it."""
    m = re.match(r",\s+", text[end:end + 4])
    return bool(m) and starts.get(end + m.end(), p) is not p


_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def pronoun_genders(text: str, people: list[Person]) -> None:
    """Gender from the first he/his or she/her after a mention, before anyone else is
    mentioned; the majority over a person's mentions, None on a tie."""
    if all(p.gender is not None for p in people):
        return
    allm = sorted([(s, e, i) for i, p in enumerate(people) for s, e in p.mentions])
    votes = [[0, 0] for _ in people]
    for k, (s, e, i) in enumerate(allm):
        if people[i].gender is not None:
            continue
        j = k + 1
        while j < len(allm) and allm[j][2] == i:
            j += 1
        nxt = allm[j][0] if j < len(allm) else len(text)
        window = _QUOTED.sub(lambda q: " " * len(q.group()), text[e:min(nxt, e + 150)])
        m = _PRONOUN.search(window)      # ("'Don't shoot him,' she says": her words are not about her)
        if m:
            votes[i][m.group(1).lower() in ("she", "her", "hers", "herself")] += 1
    for p, (male, female) in zip(people, votes):
        if p.gender is None and male != female:
            p.gender = "m" if male > female else "f"


def describe(d: Draft) -> None:
    """The descriptions pass: descriptions, ages and roles tied to the people they mean,
    each person's forms as written, the gender their pronouns show; people in text order."""
    text, people = d.text, d.people
    if not people:
        return
    tie_descriptions(text, people)
    tie_ages(text, people, d.sent_starts)
    tie_roles(text, people, d.sent_starts)
    for p in people:
        p.mentions.sort()
        p.forms = list(dict.fromkeys([text[s:e] for s, e in p.mentions]))
    pronoun_genders(text, people)
    people.sort(key=lambda p: p.mentions[0])
