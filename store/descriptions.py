"""Mentions people.py ties to a person after finding names: "the prime minister" (the one
person with that role), "the 22-year-old" (the one person the sentence before names), and
each person's gender from the pronouns that follow their mentions."""
from __future__ import annotations

import bisect
import re

from .model import Person
from .names import ROLE_NOUNS

_ROLES = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_PRONOUN = re.compile(r"(?=[hs])\b(he|his|him|himself|she|her|hers|herself)\b", re.I)


def tie_descriptions(text: str, people: list[Person]) -> None:
    """"The prime minister" is a mention of the one person whose role is exactly that."""
    by_role: dict[str, list[Person]] = {}
    others = [m for p in people for m in p.mentions]
    starts = {m[0]: p for p in people for m in p.mentions}
    lowered = None
    for p in people:
        if p.role:
            by_role.setdefault(p.role.lower(), []).append(p)
    roles = sorted(by_role)
    spans = sorted(others)
    span_starts = [m[0] for m in spans]
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
            if span not in taken and (at == 0 or not text[at - 1].isalnum()) and \
                    (end == len(text) or not text[end].isalnum()) and \
                    not re.match(r"\s+of\b", text[end:end + 4]) and \
                    not _overlaps(spans, span_starts, at, end) and \
                    not _introduces_other(text, end, starts, ps[0]) and (end + 1) not in starts:
                ps[0].mentions.append(span)
            at = lowered.find(phrase, end)


AGE_DESC = re.compile(r"(?=[Tt])\b[Tt]he \d{1,3}-year-old(?: [A-Z][a-z]+| (?:%s)\b)?" % _ROLES)
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
    if not people or "-year-old" not in text:
        return
    owner = sorted((s, e, p) for p in people for s, e in p.mentions)
    starts = [m[0] for m in owner]
    for m in age_descriptions(text):
        i = bisect.bisect_right(sent_starts, m.start()) - 1
        sent = sent_starts[i] if i >= 0 else 0
        if not _DESC_SLOT.search(text, max(sent, m.start() - 12), m.start()) and \
                text[sent:m.start()].strip(" “\"‘'"):
            continue
        k = bisect.bisect_left(starts, m.start())
        if k < len(starts) and starts[k] <= m.end() + 2:
            continue                       # "the 35-year-old Bruno": the name is right there
        k = bisect.bisect_left(starts, sent)
        if k < len(starts) and starts[k] < m.start():
            continue                       # someone is named earlier in this sentence
        # the people named (outside quotes) in the nearest earlier sentence that names anyone
        j = bisect.bisect_left(starts, sent) - 1
        while j >= 0 and _quoted(text, starts[j]):
            j -= 1
        if j < 0:
            continue
        prev_sent = sent_starts[max(bisect.bisect_right(sent_starts, starts[j]) - 1, 0)]
        named = {id(o[2]): o[2] for o in owner if prev_sent <= o[0] < sent and not _quoted(text, o[0])}
        if len(named) == 1:
            next(iter(named.values())).mentions.append((m.start(), m.end()))


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


def pronoun_genders(text: str, people: list[Person]) -> None:
    """Gender from the first he/his or she/her after a mention, before anyone else is
    mentioned; the majority over a person's mentions, None on a tie."""
    allm = sorted([(s, e, i) for i, p in enumerate(people) for s, e in p.mentions])
    votes = [[0, 0] for _ in people]
    for k, (s, e, i) in enumerate(allm):
        if people[i].gender is not None:
            continue
        j = k + 1
        while j < len(allm) and allm[j][2] == i:
            j += 1
        nxt = allm[j][0] if j < len(allm) else len(text)
        m = _PRONOUN.search(text, e, min(nxt, e + 150))
        if m:
            votes[i][m.group(1).lower() in ("she", "her", "hers", "herself")] += 1
    for p, (male, female) in zip(people, votes):
        if p.gender is None and male != female:
            p.gender = "m" if male > female else "f"
