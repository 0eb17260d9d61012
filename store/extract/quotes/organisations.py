"""Organisations as the source of a quote: `PolitiFact claimed`, `said the Times`,
`the IMF report stated`. Precision first: a person, a role or a group is never one."""
from __future__ import annotations

import re
from typing import Protocol

from store.lexicon.names import DEMONYMS, NATIONALITY_NOUNS, ORG_WORDS, PLACES, ROLE_NOUNS, STOP, SURNAME_LIKE, TITLES, first_names
from store.lexicon.speech import GROUP_PRONOUNS, NOT_NP, NP_START, POSSESSIVE, PRONOUNS, SPEECH_VERBS, TIME_WORDS, TITLE_WORDS
from store.extract.text import whole_words



class Indexed(Protocol):
    """What these rules read of the article (context.Context is one): its text and who is
    mentioned where. A protocol, so this module needs nothing from context.py."""
    text: str

    def mention_in(self, start: int, end: int) -> list: ...

_GROUPS = set("""
democrat republican conservative liberal tory socialist
officials police protesters demonstrators sources critics analysts experts residents witnesses
investigators prosecutors authorities lawmakers legislators voters supporters opponents democrats
republicans conservatives liberals tories activists fans players workers staff aides students
doctors scientists researchers economists observers leaders members people
""".split())
# "the IMF report stated", "PolitiFact's analysis found": the document speaks for its maker.
_DOCUMENTS = {"report", "statement", "study", "survey", "analysis", "editorial", "article", "story",
              "website", "review", "poll", "memo", "release", "investigation", "ruling"}
_NAME_LINKS = {"of", "for", "and", "&", "on"}      # inside a name: "Bank of England"
_TOKEN = re.compile(r"[A-Za-z0-9&][\w&.'’-]*")
_CAPS = re.compile(r"[A-Z]{2,}s?|(?:[A-Z]\.){2,}")   # IMF, CNN, U.N.
_INNER_CAP = re.compile(r"^(?!Mc|Mac|De|Di|Da|La|Le|Van|Von|O['’])[A-Z][a-z]+[A-Z]")   # PolitiFact


def name_run(art: Indexed, words) -> int | None:
    """Where a name that opens words (after "said", "according to") ends: capitalised words
    with only spaces between ("Bank of England"), after an optional "the", plus a document
    noun ("report"). None when a lower-case noun follows: "the East Kilbride athlete"."""
    end = last = None
    for n, (w0, w1, w) in enumerate(words):
        if last is not None and art.text[last:w0].strip() or w in TIME_WORDS:
            break                  # a comma or other mark ends the name, as does "on Tuesday"
        if art.text[w0].isupper() or (n == 0 and w == "the"):
            end = last = w1
        elif end is not None and w in _NAME_LINKS:
            last = w1
        elif end is not None and w in _DOCUMENTS:
            return w1
        elif end is not None:
            return None
        else:
            break
    return end


def organisation(art: Indexed, start: int, end: int) -> str | None:
    """The organisation text[start:end] names as written ("PolitiFact", "the Times",
    "The International Atomic Energy Agency"), or None when it may be a person, a group
    or anything else. Precision first: only a capitalised name with something that marks
    it as an organisation (a "the", an organisation word, an acronym, a place, or two
    words that are not a first name and a surname)."""
    text = art.text
    toks = [[m.start() + start, m.end() + start, m.group()] for m in _TOKEN.finditer(text[start:end])]
    if toks and toks[-1][2].lower() in _DOCUMENTS:
        toks.pop()
        if toks:
            p = POSSESSIVE.search(toks[-1][2])
            if p and p.end() == len(toks[-1][2]):        # "PolitiFact's report"
                toks[-1][1] -= len(toks[-1][2]) - p.start()
                toks[-1][2] = toks[-1][2][:p.start()]
    for t in toks:
        t[2] = t[2].rstrip(".") if not _CAPS.fullmatch(t[2]) else t[2]
    while toks and toks[0][2] in STOP and toks[0][2] not in ("the", "The"):
        toks.pop(0)                                 # "But PolitiFact said", "Now the Times"
    the = bool(toks) and toks[0][2] in ("the", "The")
    body = [t[2] for t in toks[the:]]
    if not body or len(body) > 7 or any("’" in w or "'" in w for w in body):
        return None
    if not (body[0][0].isupper() and body[-1][0].isupper()):
        return None
    if not all(w[0].isupper() or w[0].isdigit() or w in _NAME_LINKS for w in body):
        return None
    s, e = toks[0][0], toks[-1][1]
    if art.mention_in(s, e) or any(m[1] > s for m in art.mention_in(max(0, s - 60), s)):
        return None                                 # a person's name, or part of one
    low = [w.lower() for w in body]
    if any(w in TITLES or w.lower() in TITLE_WORDS for w in body) or low[-1] in ROLE_NOUNS:
        return None                                 # "The Foreign Secretary", "the Chief Executive"
    if len(body) == 1 and (body[0] + "s" in DEMONYMS or body[0] in NATIONALITY_NOUNS or body[0].endswith(("man", "men"))):
        return None                                 # "The Scot said", "the Frenchman", "the Spaniard"
    if (body[0] in TITLES or low[0] in TITLE_WORDS or low[0] in NP_START or low[0] in NOT_NP
            or any(w in TIME_WORDS for w in low) or any(w in PRONOUNS or w in GROUP_PRONOUNS for w in low)
            or any(w in SPEECH_VERBS for w in low)):
        return None
    if len(body) == 1 and (low[0] in _GROUPS or body[0] in DEMONYMS or body[0][:-1] in DEMONYMS or (not the and whole_words(text, low[0]))):
        return None                                 # "Police say", "Protesters said"
    names = first_names()
    marked = (the
              or any(w in ORG_WORDS and w not in SURNAME_LIKE for w in body)
              or any(_INNER_CAP.match(w) for w in body)
              # an acronym, not a surname in capitals (a transcript's "PENCE:")
              or any(_CAPS.fullmatch(w) and not whole_words(text, w.title()) for w in body)
              or any(w in PLACES for w in body))
    if not marked and len(body) >= 2 and body[0] not in names and "-" not in "".join(body) \
            and text.count(text[toks[the][0]:e]) >= 2:
        # "Zero Hedge", named in full more than once: a person's surname would stand alone
        # somewhere in the text, and a name seen once may be a person the people pass missed
        marked = all(text[max(0, at - len(body[-2]) - 1):at].strip() == body[-2] for at in whole_words(text, body[-1]))
    if not marked or (body[0] in names and not any(w in ORG_WORDS for w in body)):
        return None
    return text[s:e]
