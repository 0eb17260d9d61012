"""What a capitalised run names when it is no person: a firm, a place, an organisation, a
term ("Gambling Bill", "Bovine Spongiform Encephalopathy (BSE)"), a team in a results line;
and the descriptor glued to the front of a name ("Finn Juha Kankkunen"). Read by the
candidates pass (tokens.py)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from store.lexicon.names import FIRMS, NATIONALITY_NOUNS, ORG_WORDS, PLACES, ROLE_NOUNS, SURNAME_LIKE, TERM_ENDS, TITLES, \
    WEAK_TITLES, first_names

if TYPE_CHECKING:
    from store.extract.people.tokens import Token

_RESULT_LINE = re.compile(r"\s*[A-Z][^\d\n]{1,40}?\s\d{1,3}\s+[A-Z][^\d\n]{1,40}?\s\d{1,3}\s*(?:\([^()\n]*\))?\s*$")
_FIRM_ENDS = {f[-1] for f in FIRMS}


@lru_cache(maxsize=1 << 16)
def is_first(word: str) -> bool:
    firsts = first_names()
    return word in firsts or ("-" in word and word.split("-")[0] in firsts and word.split("-")[1][:1].isupper())



def glued_descriptor(run: list[Token], opens_sentence: bool) -> bool:
    """Does the run start with a descriptor glued to a name: a role noun that is no title
    ("Teenager Yuuichi Takeda") or a nationality noun ("Finn Juha Kankkunen")? Before one
    word only where the sentence's capital is all it has ("Rapper Stormzy has …"), and never
    a first name ("Hunter Biden")."""
    head = run[0]
    if len(run) < 2 or len(run) == 2 and (not opens_sentence or head.text in first_names()):
        return False
    return head.kind == "name" and (
        head.text in NATIONALITY_NOUNS or head.text.lower() in ROLE_NOUNS and head.text not in TITLES)


def without_things(run: list[Token], titles: list[Token], text: str) -> list[Token]:
    """The run without what makes it a firm, a place or an organisation: empty when it
    names one ("Morgan Stanley", "New York"), the name after it when one follows ("Speaker
    of the House Newt Gingrich"). A surname-like word inside a name that opens with a first
    name is a middle name when the surname also stands alone ("Kathleen Hall Jamieson ...
    Jamieson said")."""
    words = [t.text for t in run]
    if words[-1] in _FIRM_ENDS and (tuple(words[-2:]) in FIRMS or tuple(words[-1:]) in FIRMS):
        return []
    if words[0] not in PLACES and words[-1] not in PLACES and ORG_WORDS.isdisjoint(words):
        return [] if len(run) > 5 else run          # most runs: none of the tests below applies
    starts_first = is_first(words[0])
    if (words[0] in PLACES and not starts_first) or \
            (words[-1] in PLACES and not starts_first and not (words[-1] in SURNAME_LIKE and len(words) == 2)) or \
            (words[-1] in PLACES and len(run) > 1 and run[-2].kind == "part"):
        return []
    for i in range(len(words) - 1, -1, -1) if not ORG_WORDS.isdisjoint(words) else ():
        w = words[i]
        if w in ORG_WORDS and not (w in SURNAME_LIKE and i == len(words) - 1 and (starts_first or titles or len(words) <= 2)) \
                and not (w in SURNAME_LIKE and starts_first and 0 < i < len(words) - 1 and words[-1] not in ORG_WORDS
                         and text.count(words[-1]) > text.count(words[-2] + " " + words[-1])) \
                and not (titles and i == 0 and len(words) >= 2
                         and any(t.text.rstrip(".") not in WEAK_TITLES for t in titles)):
            if len(words) - i - 1 < 2:
                return []
            # "Speaker of the House Newt Gingrich": the name after the organisation
            run = run[i + 1:]
            break
    return [] if len(run) > 5 else run


_ACRONYM_AFTER = re.compile(r" ?\(([A-Z]{2}[A-Za-z]{0,6})\)")
_BRACKETS = (" (", "(")
_AGENCY_WORDS = (" news", " press")
# what a term or a team in a fixture line has right after it (callers test this first: cheap)
BRACKETS = _BRACKETS + ("\t(", "  (")
TERM_NEXT = _BRACKETS + _AGENCY_WORDS
_AGENCY_AFTER = re.compile(r"\s+(?:news|press)\s+agency\b")


def a_term(run: list[Token], text: str) -> bool:
    """(Called when the run ends in TERM_ENDS or TERM_NEXT follows it.) A term, not a name: with its acronym after it ("Bovine Spongiform Encephalopathy
    (BSE)"), ending in a word that ends terms ("Gambling Bill", "Net Income", unless it starts
    with a first name or an initial: "Bill Law"), or a news agency ("Xinhua news agency")."""
    end = run[-1].end
    m = len(run) >= 2 and text.startswith(_BRACKETS, end) and _ACRONYM_AFTER.match(text, end)
    if m and m.group(1).upper().startswith((run[0].text[0] + run[1].text[0]).upper()):
        return True
    if run[-1].text in TERM_ENDS and len(run) >= 2 and not is_first(run[0].text) and run[0].kind != "init":
        return True
    return text.startswith(_AGENCY_WORDS, end) and bool(_AGENCY_AFTER.match(text, end))


def result_line(text: str, pos: int) -> bool:
    """Is the line around pos a results line: "Team A 2 Team B 1"?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return bool(_RESULT_LINE.fullmatch(text, start, len(text) if end < 0 else end))


_COUNTRY = r"\([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\)"
_FIXTURE_AFTER = re.compile(r"[ \t]*" + _COUNTRY + r"[ \t]+(?:\d{1,2}[ \t]+(?:x-)?[A-Z][a-z]|v\s)")
_FIXTURE_BEFORE = re.compile(_COUNTRY + r"[ \t]+(?:\d{1,2}|v)[ \t]+(?:x-)?$|\bv[ \t]+(?:x-)?$")
_COUNTRY_AFTER = re.compile(r"[ \t]*" + _COUNTRY)


def in_fixture(text: str, start: int, end: int) -> bool:
    """A team in a results or fixture line with countries in brackets, on one line:
    "Vardar Skopje (Macedonia) 2 Dinamo Minsk (Belarus) 1", "Sion (Switzerland) v Hapoel Ramat
    (Israel)" (golf and tennis tables put a score after a player's country too, but never a
    team after it on the same line). The caller checks first that a bracket follows (BRACKETS)."""
    return bool(_FIXTURE_AFTER.match(text, end) or
                _COUNTRY_AFTER.match(text, end) and _FIXTURE_BEFORE.search(text, max(0, start - 40), start))
