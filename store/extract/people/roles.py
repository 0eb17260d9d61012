"""Roles: the words around a name that say what someone is ("the chancellor, Rachel
Reeves", "Anais Faraj, analyst at Nomura", "Tory leader Michael Howard"). A role is a noun
phrase that names a role; a clause, a list of other people or a verb phrase is not one.
Pure functions over text; people.py calls them for each name it finds.
"""
from __future__ import annotations

import re

from store.lexicon.names import PERSON_VERBS, ROLE_NOUNS, TITLES, first_names

_APPOS_AFTER = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([^,;:.()\"“”\n]{2,90}?)\s*(?=[,;:.()]|$)")
_APPOS_BEFORE = re.compile(r"(?:^|[\s“\"(])[Tt]he\s+([^,;:.()\"“”\n]{2,60}),\s*$")
_CUT = {"the", "a", "an", "his", "her", "their", "its", "our", "of", "by", "with", "as", "and", "or",
        "but", "said", "says", "to", "for", "from", "in", "on", "at", "when", "while", "that", "who",
        "which", "is", "was", "were", "are", "be", "been", "has", "had", "have", "after", "before",
        "than", "like", "including", "told", "where", "whose", "also", "will", "would"}


_ROLE_WORDS = re.compile(r"[\w\-’']+[,]?|\S")
_SENTENCE_OPENERS = {".", "!", "?", "\"", "“", "‘", "(", "—", "-"}     # what may stand before a sentence's first word
_ROLE_WORD = re.compile(r"[\w\-’']+$")


def role_before(text: str, start: int) -> str | None:
    """Role words right before a name: "Tory leader Michael Howard", "his deputy, JD Vance"."""
    last = text[start - 30 if start > 30 else 0:start].rstrip(" ,").rpartition(" ")[2]
    if last.lower() not in ROLE_NOUNS:
        return None                  # the common case, decided without a pattern
    line_start = max(text.rfind("\n", 0, start) + 1, start - 80)
    words = _ROLE_WORDS.findall(text, line_start, start)
    if words and words[-1].endswith(",") and len(words[-1]) > 1:
        words[-1] = words[-1][:-1]   # "his deputy, JD Vance"
        if words[-1].lower() not in ROLE_NOUNS:
            return None
        if len(words) > 1 and words[-2].lower() in ("the", "a", "an"):
            return None              # "the chancellor, Rachel Reeves" is taken as an appositive
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return None
    if not words[-1][0].islower():
        # capitalised only because it opens the sentence: "Rapper Stormzy has …"
        opens = len(words) == 1 or words[-2] in _SENTENCE_OPENERS
        return words[-1].lower() if opens and words[-1] not in TITLES else None
    role = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.lower() in _CUT or w.lower() in _ADVERBS or w.endswith(",") or not _ROLE_WORD.match(w) or w in _DASHES or \
                len(role) >= 6 or w in PERSON_VERBS or _verb_like(w):
            break                        # "Ferguson praised Arsenal boss Arsene Wenger"
        role.append(w)
    return " ".join(reversed(role)) or None


# verbs that end in neither -ed nor -ing and often stand before "rival X", "nominee X";
# words of time ("that night Ex-CIA chief")
_VERB_WORDS = frozenset("""
threw took met gave went came saw made beat hit led won lost left held sent put got let ran sat stood
brought bought thought fought caught taught kept felt found heard knew spoke wrote drove rose fell
chose broke became began shot set cut quit struck sought sold paid read meet meets visit visits
defeat defeats beat beats criticize criticise attack attacks replace replaces name names fire fires
hire hires praise praises blast blasts slam slams endorse endorses support supports back backs
oppose opposes challenge challenges face faces join joins thank thanks blame blames urge urges
describe describes overthrow aid nominate elect appoint sack sign drop honor honour embrace denounce
condemn invite welcome interview beside against versus over under past around leave leaves hold holds
help helps keep keeps pick picks select selects recall recalls include includes omit omits bolster distract
night day morning afternoon evening week month year today tonight yesterday weekend
""".split())
# -ing words that describe a role rather than do something ("leading candidate", "banking executive")
_ING_MODIFIERS = frozenset("""
leading bestselling managing founding outgoing incoming acting ruling reigning defending sitting
visiting governing presiding ranking striking running aspiring serving retiring working consulting
coordinating organizing organising supervising publishing broadcasting polling touring racing boxing
banking marketing housing mining shipping nursing training engineering accounting planning
fundraising lobbying building manufacturing advertising programming recording
""".split())
_NOT_ROLE_LY = frozenset("family ally early daily weekly monthly elderly likely only".split())


def _verb_like(w: str) -> bool:
    """A lowercase word a role does not contain: a verb (-ed, -ing, a past tense), a
    preposition that starts another phrase, or a time."""
    if not w.islower() or w in ROLE_NOUNS or "-" in w:
        return False                     # "best-selling author", "long-serving chairman"
    return w in _VERB_WORDS or w.endswith("ed") or (w.endswith("ing") and w not in _ING_MODIFIERS) or \
        (w.endswith("ly") and w not in _NOT_ROLE_LY) or w.endswith(("n't", "n’t"))


def appositive_after(after: str) -> str | None:
    if not after.startswith(","):
        return None
    m = _APPOS_AFTER.match(after)
    if not m:
        return None
    words = m.group(1).split()
    if after[m.end():m.end() + 1] == "(" and words and words[-1] in TITLES:
        return None                      # "adviser to Vice President (then-Senator) Joe Biden"
    # stop at a verb of speech: "Anais Faraj, analyst at Nomura told the BBC"
    for i, w in enumerate(words):
        if w in PERSON_VERBS:
            if i and words[i - 1] in _CLAUSE_WORDS:
                return None              # "X, the nominee had said nothing": a clause
            words = words[:i]
            break
    if not words or len(words) > 10 or words[0].lower() in ("who", "which", "he", "she", "it", "they"):
        return None
    return _clean_role(words)


def appositive_before(text: str, start: int) -> str | None:
    lo = max(0, start - 70)
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == lo or text[j - 1] != ",":
        return None
    m = _APPOS_BEFORE.search(text, lo, start)
    if not m or len(m.group(1).split()) > 6:
        return None
    return _clean_role(m.group(1).split())


_ADVERBS = {"still", "even", "also", "already", "meanwhile", "although", "though", "because", "if", "since"}
_PREPOSITIONS = {"of", "at", "for", "in", "with", "to", "from", "on"}
_OBJECTS = {"him", "her", "them", "us", "me", "himself", "herself", "themselves", "it"}
_CLAUSE_WORDS = {"is", "was", "were", "are", "has", "had", "have", "does", "did", "do", "will", "would",
                 "can", "could", "says", "said", "he", "she", "they", "it", "I", "we", "you"}


def _is_role_word(w: str) -> bool:
    """A role noun, as a possessive or plural too ("president's", "ministers")."""
    w = w.lower()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w in ROLE_NOUNS or (w.endswith(("s", "'", "’")) and w[:-1] in ROLE_NOUNS)


def _clean_role(words: list[str]) -> str | None:
    """A role must name a role, as a noun phrase (not a clause: "X, questioning the ...",
    "X, the nominee had ..."), and not run on into other people ("X, Kate Winslet and ...",
    "the US president and his deputy, JD Vance")."""
    firsts = first_names()
    for i, w in enumerate(words):
        if i and w in ("who", "whom", "which", "whose"):
            words = words[:i]            # "Republican pollster| who is president of ..."
            break
    while words and (words[-1] in _ABBREVIATIONS or words[-1].lower() in _CUT or words[-1] in _NOT_FIRST or
                     words[-1] in _DASHES or words[-1] in _VERB_WORDS):
        words = words[:-1]               # "spokesman for Mrs| Clinton" (the sentence split at "Mrs."),
                                         # "deputy prime minister under| ...", "nominee --| presumptively"
    if not words:
        return None
    first = words[0].lower()
    head = next((words[i - 1] for i, w in enumerate(words) if i and w in _PREPOSITIONS), words[-1]).lower()
    if first in _CUT or first in _ADVERBS or first in _NOT_FIRST or \
            (first.endswith("ing") and _verb_like(first) and len(words) > 1 and words[1].lower() in _CUT | _OBJECTS) or \
            any(w in _CLAUSE_WORDS or w in _DASHES or w.endswith(("n't", "n’t")) for w in words) or \
            not any(_is_role_word(w) for w in words) or \
            (head.endswith("s") and head not in ROLE_NOUNS and head[:-1] in ROLE_NOUNS):
        return None
    if any(w in ("his", "her", "their", "its", "our", "my", "your") for w in words) or \
            any(a in firsts and b[:1].isupper() for a, b in zip(words, words[1:])):
        return None
    return " ".join(words)


# Nouns that say how someone stands to another person, not what they are. Alone ("came
# after rival Donald Trump", "his deputy, JD Vance") they still show that a name is a
# person, but as the role a citation carries ("Donald Trump, rival") they say nothing;
# with words that say more ("Republican rival", "deputy prime minister") they are roles.
_RELATIONAL = frozenset("""
rival rivals opponent challenger colleague counterpart teammate team-mate compatriot partner friend ally deputy
son daughter wife husband mother father brother sister widow widower cousin uncle aunt
nephew niece grandson granddaughter grandfather grandmother fiancé fiancée girlfriend boyfriend
fiance fiancee neighbour neighbor classmate roommate flatmate housemate landlord landlady tenant mentor relative
""".split())


def says_what(role: str | None) -> bool:
    """Is this role worth showing as what someone is (not one relational noun alone)?"""
    return bool(role) and role.lower() not in _RELATIONAL


_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "U", "St", "Sen", "Rep", "Gov", "Lt", "Gen", "Col", "Jr", "Sr"}
_NOT_FIRST = {"through", "via", "among", "despite", "unlike", "about", "into", "without", "within",
              "under", "over", "against", "beside", "like", "along"}
_DASHES = {"-", "--", "–", "—"}
