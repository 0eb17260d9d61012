"""People: find names, merge their mentions, take roles (roles.py), tie descriptions.

Rule-based and small: capitalised runs (with particles, initials, titles) become people when
something in the text says so: a title, a known first name, an initial, a speech verb, an
appositive, a role noun before the name, a repeated surname, a results-table layout. Mentions
are then found by matching every form of every person (full name, surname, title + surname).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .descriptions import pronoun_genders, tie_ages, tie_descriptions, tie_roles
from .model import Person
from .roles import appositive_after, appositive_before, role_before, says_what
from .names import (CAP_PARTICLES, DEMONYMS, FIRMS, GENDER_TITLES, ORG_WORDS, PARTICLES, PLACE_START, PLACES,
                    ROLE_NOUNS, ROLE_TITLES, SPEECH_VERBS, STOP, SURNAME_LIKE, TITLES, WEAK_TITLES, first_names)

# Capitalised words; lower-case words in between are skipped and break a run, because the
# gap is then not blank. Particles ("von der") are picked up by looking back from a word.
# The first character is a word character that is neither a digit, "_" nor a-z; written as
# a plain range checked by a lookbehind, so the regex engine can skip to candidates quickly.
_WORD = re.compile(r"[A-Z\u0080-\U0010ffff](?<=[^\W\d_])[\w'’\-]*(?<![\-'’])\.?")
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’])((?:(?:%s) ){1,3})$" % "|".join(sorted(PARTICLES)))
_SPEECH = "|".join(sorted(SPEECH_VERBS))
_SPEECH_AFTER = re.compile(
    r"\s*(?:,[^,.;\"“”]{1,80},\s*)?(?:has |had |have |also |later |then |once |previously |, who )?(?:%s)\b" % _SPEECH)
_SPEECH_BEFORE_WORDS = ("said", "says", "added", "according to")
_SPEECH_BEFORE = re.compile(r"\b(?:%s)\s*$" % "|".join(_SPEECH_BEFORE_WORDS))
_AGE_AFTER = re.compile(r",\s+\d{1,2},")
_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}
_PARTY_AFTER = re.compile(r",\s+\(?[RDI]-[A-Z][A-Za-z.]*\)?,")
_WEAK = {"speech verb", "role", "place possessive"}
_CARD_BEFORE = re.compile(r"(?:^|\s)(?:c|b|st|lbw b|c and b)\s$")
_CARD_ENDS = {"c", "b", "t"}     # the last letter of any word _CARD_BEFORE ends in
_CARD_AFTER = re.compile(r"\s+(?:(?:c|b|st|lbw)\s+[A-Z]|\d+-\d+-\d+-\d+|run out\b|not out\b)")
_AGED_BEFORE = re.compile(r"\d+-year-old\s+$")
_SIGNOFF_BEFORE = re.compile(r"(?:^|\n)--\s*$")
_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]{2,4}")
_PLACE_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s\s+$")
_MINUTE_AFTER = re.compile(r"\s*(?:\(\d+(?:st|nd|rd|th)?(?:\s*(?:pen|penalty|og))?\)|\d+(?:st|nd|rd|th)\b)")
_NUMBER_BEFORE = re.compile(r"(?:^|[(;,\n]\s*)\d+\s*-\s*$")
_WORD_BEFORE = re.compile(r"\b([A-Z]\w+) $")
_ROLES = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_ROLE_AFTER = re.compile(r"\s+(?:%s)\s+(?:[A-Z]|(?:%s)\b)" % (_ROLES, _ROLES))
_SURNAME_END = re.compile(r"(?:[,;:]|\s+(?:said|says|told|added|wrote)\b)")
_SCORER_AFTER = re.compile(r"\s+\d{1,3}(?:st|nd|rd|th)\b")
_SCORER_BEFORE = re.compile(r"\d\s*\((?:[^()]*\d(?:st|nd|rd|th),)?\s*$")
_RESULT_AFTER = re.compile(r"\s+\d{1,3}\b")
_RESULT_LINE = re.compile(r"\s*[A-Z][^\d\n]{1,40}?\s\d{1,3}\s+[A-Z][^\d\n]{1,40}?\s\d{1,3}\s*(?:\([^()\n]*\))?\s*$")
_WHO_AFTER = re.compile(r",?\s+who\b")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.\-])([A-Z]{2,6}(?:-[A-Z]{2,6})?) $")
_CAPS_WORD_BEFORE = re.compile(r"\b[A-Z]+\s+$")
_COUNTRY_AFTER = re.compile(r"\s*\(((?:[A-Z]\.)+|[A-Z]{2,3}|[A-Z][a-z]+)[\s\w.]*\)")
_SHORT_GAP = re.compile(r"^\s*(?:\([a-z ]{1,20}\)\s*)?(?:,|;|&|and)\s*$")
_LIST_GAP = re.compile(r"^(?:\s|\([^()\n]{0,40}\)|[\d.:/\-]+|[,;&]|\band\b|\bbeat\b|\bv\b|\bvs\b)*$")
_NOT_SURNAME = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First",
                "Second", "Third", "Last", "Next", "Final", "Today", "Tonight", "Monday", "Tuesday",
                "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "It", "He", "She", "They"}
# "Jean-Claude", "Inzamam-ul-Haq", "Ki-moon": hyphen parts capitalised, or short
_NAME_WORD = re.compile(r"[^\W\d_][^-]*(?:-(?:[^\W\d_a-z][^-]*|[a-z]{1,3}(?=-)|[a-z]{1,4}$))*")
# Frequent capitalised words that are never part of a name: dropped at once (they still
# break runs, since the gap over them is not blank).
_SKIP = set("""The A An And But Or If In On At To Of For By With From As It He She They We I You His Her
Their Our My This That These Those There Here When While Where What Who Why How Which After Before
Since Until Although Though However Meanwhile So Also Now Then Not No Yes All Some Many Most Its Your
Him Them Us Me Into Over Under About During Without Within Among Between Against Through Despite Do
Does Did Is Are Was Were Be Been Has Have Had Can Could Would Should Must Might Shall Other Each Both
Even Only Just Still Already Instead""".split())
# ... of which these never end a name ("told Mary That, ..." is not a surname)
_NEVER_SURNAME = set("""The A An And But Or If It He She They We I You His Her Their Our My This That These Those
There Here Its Your Him Them Us Me Do Does Did Is Are Was Were Be Been Has Have Had Can Could Would Should Must
Might Shall Not No Yes So To Of""".split())
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)\"”]|$|(?:on|in|at|yesterday|today|last|this|after|before|when|as)\b)")
_THINGS = tuple("""newspaper paper magazine daily tabloid weekly journal agency channel station website
site network firm company group bank club band team party show programme program series film movie album
book novel song play musical opera brand label airline carrier retailer insurer lender manufacturer maker
chain ship vessel hotel restaurant newsletter broadsheet stadium ground venue prize award""".split())
_THING_BEFORE = re.compile(r"\b(?:%s)\s+$" % "|".join(_THINGS))
# role words that fit firms and teams as well as people ("rival Shell reported")
_ORG_ROLES = {"rival", "partner", "owner", "leader", "winner", "champion", "champions", "head", "member",
              "sponsor", "investor", "buyer", "seller", "supplier", "client", "customer", "shareholder",
              "bidder", "competitor", "opponent", "challenger", "runner-up", "finalist", "holder"}
_ADDRESS = {"President", "Speaker", "Chairman", "Secretary", "Minister", "Ambassador", "Mayor", "Governor",
            "Justice", "Chancellor", "Commissioner", "Premier", "Deputy", "Vice", "Prime"}
_QUOTE_OPEN = re.compile(r"(?:[,:]\s*|\s)[“\"]$")
_AT_PLACE = re.compile(r"\b(?:in|at|near)\s+$")
_PLACE_PREP = re.compile(r"\b(?:in|at|from|to|near|of)\s+$")
_ABBREV = {"U. S.", "U. K.", "U. N.", "E. U.", "D. C.", "N. Y.", "L. A."}
_NAMEISH = {"name", "init", "part", "title"}
_DIGIT = re.compile(r"\d")
# the lookahead on the first letter lets the engine skip ahead to candidates


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str          # name, init, caps, part, title, other
    brk: bool = False  # a run may not continue past this token (possessive, full stop)


@dataclass
class _Cand:
    toks: list[_Tok]        # the name words, titles excluded
    titles: list[_Tok]
    person: str | None      # the evidence that makes it a person; None undecided
    pre: list[_Tok]         # capitalised words before the titles ("Home" Secretary)


_PARTICLE_ENDS = {p[-1] for p in PARTICLES}     # their last letters (all lower case)


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _WORD.finditer(text):
        raw, start = m.group(), m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’"):
            continue
        shape = _shape(raw)
        if shape is None or raw in _SKIP and not (out and out[-1].end == start - 1 and
                                                   _common_surname(text, out, start, start + len(raw))):
            continue
        # particles before this word: "Ursula von der Leyen", "said de Silva"
        pm = start > 2 and text[start - 1] == " " and text[start - 2] in _PARTICLE_ENDS and \
            text[max(0, start - 5):start - 1].rpartition(" ")[2] in PARTICLES and \
            _PARTICLES_BEFORE.search(text, max(0, start - 14), start)
        if pm:
            for w in re.finditer(r"\S+", pm.group(1)):
                out.append(_Tok(pm.start(1) + w.start(), pm.start(1) + w.end(), w.group(), "part"))
        word, kind, brk, core, dot = shape
        if kind == "init" and out and out[-1].kind == "init" and out[-1].text + " " + core + "." in _ABBREV:
            out[-1].kind, kind, brk = "other", "other", brk or dot
        elif kind == "name" and len(core) <= 3 and out and out[-1].kind == "init" and out[-1].end == start:
            out[-1].kind, kind = "other", "other"      # "W.Va", "N.Y"
        out.append(_Tok(start, start + len(word), word, kind, brk))
    return out


@lru_cache(maxsize=1 << 16)
def _shape(raw: str) -> tuple[str, str, bool, str, bool] | None:
    """What one capitalised word is, from the word alone: (token text, kind, brk, core,
    dot), or None when it does not start with a capital. The same words recur in every
    article, so this is cached."""
    if not raw[0].isupper():
        return None
    brk = False
    dot = raw.endswith(".")
    core = raw[:-1] if dot else raw
    if len(core) > 2 and core[-2:] in ("'s", "’s"):
        core, brk = core[:-2], True
        dot = False
    if ("'" in core or "’" in core) and _CONTRACTION.search(core):
        return core, "other", True, core, dot
    kind = "other"
    word = core
    if core in TITLES and (dot or core not in first_names()):
        kind = "title"
        if dot:
            word = raw
    elif len(core) == 1:
        kind = "init"                # "George W. Bush", "Mary J Blige"
        if dot:
            word = raw
    elif core in _SUFFIXES:
        kind = "name"
    elif core.isupper():
        kind = "init" if len(core) == 2 and not dot else "caps"
    elif not (core[-1] == "s" and core[:-1].isupper()) and ("-" not in core or _NAME_WORD.fullmatch(core)):
        kind = "name"
    if dot and kind not in ("title", "init"):
        brk = True          # a full stop after the word ends any name
    return word, kind, brk, core, dot


def _common_surname(text: str, out: list[_Tok], start: int, end: int) -> bool:
    """"said Al From, who ...": a common word right after a first name, closing the clause, is a surname."""
    prev = out[-1] if out else None
    return bool(prev and prev.kind == "name" and not prev.brk and prev.end == start - 1 and text[prev.end] == " "
                and prev.text in first_names() and text[start:end] not in _NEVER_SURNAME and _SURNAME_END.match(text, end))


def _contiguous(text: str, a: _Tok, b: _Tok) -> bool:
    """Only blanks (at most 3, no line break) between a and b; "W." then "Bush" with none."""
    if a.brk:
        return False
    gap = b.start - a.end
    if gap <= 0:
        return a.kind == "init"
    if gap > 3:
        return False
    blank = text[a.end:b.start]
    return blank.isspace() and "\n" not in blank


def _runs(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    runs, cur = [], []
    for t in toks:
        if t.kind in _NAMEISH:
            if cur and _contiguous(text, cur[-1], t):
                cur.append(t)
                continue
            if cur:
                runs.append(cur)
            cur = [t]
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


_BREAKERS = STOP | DEMONYMS


def _split(run: list[_Tok]) -> list[list[_Tok]]:
    """Split a run at words that never belong to a name ("On Monday Tony Blair")."""
    firsts = first_names()
    parts, cur = [], []
    for t in run:
        if t.kind == "name" and t.text in _BREAKERS and t.text not in firsts and \
                not (cur and cur[-1].text in firsts and t.text in STOP and t is run[-1]
                     and t.text not in _NOT_SURNAME and not t.text.endswith("s")):  # "Peter Such"
            if cur:
                parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        parts.append(cur)
    return parts


def _used_lower(text: str, word: str) -> bool:
    """Does the word occur in lower case anywhere in the text ("Trailing ... trailing")?"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(word, end)
    return False


_FIRM_ENDS = {f[-1] for f in FIRMS}


def _candidate(run: list[_Tok], text: str, sent_start: int) -> _Cand | None:
    firsts = first_names()
    # a title counts as one only when a name follows it ("Larry King" ends in a name)
    if run[-1].kind == "title" and not run[-1].text.endswith(".") and len(run) > 1 and \
            (run[-2].kind == "name" or (run[-2].text.rstrip(".") in GENDER_TITLES or run[-2].text.rstrip(".") == "Dr")
             and run[-1].text not in _ADDRESS):
        run[-1].kind = "name"            # "Larry King", "Mr King"
    kinds = [t.kind for t in run]
    if "name" not in kinds:
        return None
    kinds.reverse()
    k = kinds.index("name")
    run = run[:len(run) - k]             # up to the last name
    del kinds[:k]
    titles: list[_Tok] = []
    pre: list[_Tok] = []
    if "title" in kinds:
        ti = len(kinds) - 1 - kinds.index("title")    # the last title
        j = ti
        while j >= 0 and run[j].kind == "title":
            j -= 1
        titles = run[j + 1:ti + 1]
        pre = [t for t in run[max(0, j - 1):j + 1] if t.kind == "name"]
        run = run[ti + 1:]
    while run and run[0].kind == "part":
        run = run[1:]
    if not run:
        return None
    # sentence-initial capitals are often ordinary words ("Trailing by 213, ...")
    head = run[0]
    if not titles and head.kind == "name" and head.text not in firsts and \
            _only_openers(text, sent_start, head.start) and \
            _used_lower(text, head.text.lower()):
        run = run[1:]
        if not run:
            return None
    if not titles and run[0].text in PLACE_START:
        return None
    if text[max(0, run[0].start - 4):run[0].start] in ("St. ", "St "):
        return None                      # "St. Louis Cardinals": a place or team, cut after "St."
    # "Mexican Ariel Cruz", "Australia M. Waugh": start at a first name or initial further in
    if (run[0].text not in firsts or run[0].text in DEMONYMS) and run[0].kind == "name":
        for i in range(1, len(run) - 1):
            if run[i].text in firsts or (run[i].kind == "init" and run[i].text.endswith(".") and run[0].text in PLACES):
                run = run[i:]
                break
    words = [t.text for t in run]
    if words[-1] in _FIRM_ENDS and (tuple(words[-2:]) in FIRMS or tuple(words[-1:]) in FIRMS):
        return None
    starts_first = _is_first(words[0])
    if (words[0] in PLACES and not starts_first) or (words[-1] in PLACES and not starts_first) or \
            (words[-1] in PLACES and len(run) > 1 and run[-2].kind == "part"):
        return None
    for i in range(len(words) - 1, -1, -1) if not ORG_WORDS.isdisjoint(words) else ():
        w = words[i]
        if w in ORG_WORDS and not (w in SURNAME_LIKE and i == len(words) - 1 and (starts_first or titles or len(words) == 2)) \
                and not (titles and i == 0 and len(words) >= 2
                         and any(t.text.rstrip(".") not in WEAK_TITLES for t in titles)):
            if len(words) - i - 1 < 2:
                return None
            # "Speaker of the House Newt Gingrich": the name after the organisation
            run, words = run[i + 1:], words[i + 1:]
            starts_first = _is_first(words[0])
            break
    if len(run) > 5:
        return None
    return _Cand(run, titles, None, pre)


def _result_line(text: str, pos: int) -> bool:
    """Is the line around pos a results line: "Team A 2 Team B 1"?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return bool(_RESULT_LINE.fullmatch(text, start, len(text) if end < 0 else end))


@lru_cache(maxsize=1 << 16)
def _is_first(word: str) -> bool:
    firsts = first_names()
    return word in firsts or ("-" in word and word.split("-")[0] in firsts and word.split("-")[1][:1].isupper())


_COMMA_OR_STOP = re.compile(r"[,.]")
_CAPITAL_NEXT = re.compile(r"\s*[A-Z]")
_PLURAL_END = re.compile(r"[^s]s$")
_DIGIT_OR_BRACKET = re.compile(r"[\d(]")


def _evidence(c: _Cand, text: str) -> str | None:
    """Why the text says this run is a person ("title", "first name", ...), or None."""
    firsts = first_names()
    toks = c.toks
    if c.titles and (len(toks) > 1 or any(t.text.rstrip(".") not in WEAK_TITLES for t in c.titles)):
        return "title"                   # not "Executive Session", "Miss Universe"
    s, e = toks[0].start, toks[-1].end
    after = text[e:e + 120]
    before = text[max(0, s - 80):s]
    # the patterns that end at the name reach at most 12 characters back from the last
    # non-blank one: trying them only from there gives the same answers, faster
    trimmed = before.rstrip()
    tail = max(0, len(trimmed) - 12)
    # the patterns below that end at the name need their last word right there: tested first
    speech_before = trimmed.endswith(_SPEECH_BEFORE_WORDS)
    # (cheap tests of a character or a substring first skip patterns that cannot match)
    comma = after[:1] == ","
    if comma and _AGE_AFTER.match(after) and (len(toks) > 1 or not toks[0].text.endswith("s")):
        return "age"
    if comma and _PARTY_AFTER.match(after):
        return "party"                   # "Mitch McConnell, R-Ky., said"
    if len(toks) == 1 and toks[0].text in firsts and toks[0].kind == "name" and \
            (_SPEECH_AFTER.match(after) or speech_before and _SPEECH_BEFORE.search(before, tail)):
        return "first name"
    if len(toks) == 1 and toks[0].kind == "name" and toks[0].text not in PLACES:
        role = toks[0].text not in ORG_WORDS and role_before(text, s)
        if role and (_COMMA_OR_STOP.match(after) if trimmed.endswith(",") else
                     not _CAPITAL_NEXT.match(after) and role.split()[-1].lower() not in _ORG_ROLES):
            return "role"                # "her brother, Hans, ...", "president Suharto and"
        if _CARD_AFTER.match(after) or (before[-2:-1] in _CARD_ENDS or before[-3:-2] in _CARD_ENDS) and \
                _CARD_BEFORE.search(before, tail):
            line_end = text.find("\n", e)
            if _DIGIT.search(text, text.rfind("\n", 0, s) + 1, line_end if line_end >= 0 else len(text)):
                return "scorecard"       # "c Vaas b Chandana 56", "Vass 7-0-29-0"
        if _SCORER_AFTER.match(after) and _SCORER_BEFORE.search(before) and toks[0].text not in ORG_WORDS:
            return "scorer"              # "Lyon 2 (Caveglia 23rd, Giuly 30th)"
    if c.titles and len(toks) == 1 and toks[0].kind == "name" and \
            (_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(text, max(0, c.titles[0].start - 20), c.titles[0].start)):
        return "title and speech verb"   # "Miss Smith said", where "Miss Universe" alone is not one
    if len(toks) < 2 or toks[-1].kind != "name":
        return None
    if after[:1].isspace() and _ROLE_AFTER.match(after):
        return None                  # "Vera Drake star Imelda Staunton": a work or a team
    if trimmed.endswith(_THINGS) and _THING_BEFORE.search(before, tail):
        return None                  # "financial newspaper Nihon Keizai Shimbun", "the film Vera Drake"
    if _WHO_AFTER.match(after):
        return "who"
    if "-year-old" in before and _AGED_BEFORE.search(before) or "--" in before and _SIGNOFF_BEFORE.search(before, tail):
        return "age"                     # "20-year-old Tiger Woods", "-- Luli Popescu, Bucharest"
    if _is_first(toks[0].text):
        return "first name"
    if any(t.kind == "part" for t in toks[1:-1]):
        return "particle"                # "Joost van der Westhuizen"
    if len(toks) == 2 and _ASIAN_GIVEN.fullmatch(toks[1].text):
        return "given name"              # "Kang Young-hoon"
    # both patterns end in a word and blanks: no match starts before the last word
    last_word = len(trimmed) - len(trimmed.rsplit(None, 1)[-1] if trimmed else "")
    m = _PLACE_POSSESSIVE.search(before, last_word)
    if m and m.group(1) in PLACES:
        return "place possessive"        # "India's Leander Paes"
    m = _WORD_BEFORE.search(before, last_word)
    if m and m.group(1) in DEMONYMS and m.group(1)[-1] != "s":
        return "nationality"             # "American Nate Miller"
    if any(t.kind == "init" and t.text.endswith(".") for t in toks[:-1]):
        return "initial"
    if _SPEECH_AFTER.match(after) or (speech_before and _SPEECH_BEFORE.search(before, tail) and _CLAUSE_END.match(after)):
        return "speech verb"             # "said Ask Jeeves and ..." is not "said Joe Bloggs."
    if role_before(text, s) or appositive_after(after):
        return "role"
    m = _COUNTRY_AFTER.match(after)
    if len(toks) <= 3 and m and (m.group(1) in PLACES or not m.group(1).istitle()):
        return "table"
    if len(toks) <= 3 and (_MINUTE_AFTER.match(after) or _NUMBER_BEFORE.search(before)):
        return "table"                   # scorers: "Danius Gleveckas (13rd)"
    line_start = text.rfind("\n", 0, s) + 1
    if len(toks) <= 3 and re.fullmatch(r"\s*\d+[.)]?\s*(?:-\s*)?", text[line_start:s]):
        return "table"
    line_end = text.find("\n", e)
    if len(toks) <= 3 and not text[line_start:s].strip() and not text[e:line_end if line_end >= 0 else len(text)].strip() \
            and line_start > 0 and text[line_start - 2:line_start].strip() and line_start < 300:
        return "byline"                  # a line of its own under the headline
    return None




def _surname_key(toks: list[_Tok]) -> tuple[str, ...]:
    """The words that name someone alone: "Leyen" needs "von der", "Poppel" its "Van"."""
    if len(toks) > 1 and toks[-1].text in _SUFFIXES:
        toks = toks[:-1]                 # "Donald Trump Jr": Trump
    i = len(toks) - 1
    while i > 0 and (toks[i - 1].kind == "part" or (toks[i - 1].text in CAP_PARTICLES and i - 1 > 0)):
        i -= 1
    return tuple([t.text for t in toks[i:]])


def find_people(text: str, paras: list[tuple[int, int]], sents: list[tuple[int, int]]) -> list[Person]:
    toks = _tokens(text)
    if not toks:
        return []
    sent_starts = [s for s, _ in sents] or [0]
    headline_end = _headline_end(text, paras)

    cands: list[_Cand] = []
    body_words = {t.text for t in toks if t.start >= headline_end} if headline_end else set()   # (headline only)
    teams: set[tuple[str, ...]] = set()
    for run in _runs(text, toks):
        in_headline = run[0].start < headline_end
        for part in _split(run):
            if in_headline:
                # "Elizabeth Warren Hammers Wells Fargo": the longest start the story repeats
                while len(part) > 2 and text.find(text[part[0].start:part[-1].end], headline_end) < 0:
                    part = part[:-1]
            i = bisect.bisect_right(sent_starts, part[0].start) - 1
            c = _candidate(part, text, sent_starts[max(i, 0)])
            if c and not c.titles and _RESULT_AFTER.match(text, c.toks[-1].end) and _result_line(text, c.toks[0].start):
                teams.add(tuple(t.text for t in c.toks))    # "Lech Poznan 2 Widzew Lodz 1"
                continue
            if c:
                c.person = _evidence(c, text)
                # a headline in title case names things freely: only a full name with a
                # known first name or a title counts, and only if the story names them too
                if in_headline and (c.person not in ("first name", "title") or len(c.toks) < 2
                                    or c.toks[-1].text not in body_words):
                    continue
                cands.append(c)

    # a team named in a results line is a team in the standings too
    if teams:
        cands = [c for c in cands if c.titles or tuple(t.text for t in c.toks) not in teams]
    # a capitalised word that opens a sentence before a known person's surname is not their
    # first name ("Notice Trump sniffing", "Either Clinton or ...")
    known = {c.toks[-1].text for c in cands if len(c.toks) > 1 and _is_first(c.toks[0].text)}
    for c in cands:
        head = c.toks[0]
        if len(c.toks) == 2 and c.toks[-1].text in known and not _is_first(head.text) and \
                head.kind == "name" and not c.titles and _sentence_initial(text, head, sent_starts):
            c.toks = c.toks[1:]
    # a surname standing alone elsewhere confirms the full name ("Gleveckas ... Gleveckas")
    singles = {c.toks[0].text for c in cands if len(c.toks) == 1}
    for c in cands:
        if c.person is None and len(c.toks) >= 2 and c.toks[-1].text in singles \
                and c.toks[-1].kind == "name" and c.toks[0].kind == "name" \
                and not _PLURAL_END.search(c.toks[-1].text):
            c.person = "repeated surname"
    # a name repeated in full but never cut to its last word is a firm or a paper, not a person
    # ("Deutsche Boerse said ... Deutsche Boerse"); people are called by surname on repeat
    full_counts: dict[tuple[str, ...], int] = {}
    for c in cands:
        if len(c.toks) > 1:
            w = tuple(t.text for t in c.toks)
            full_counts[w] = full_counts.get(w, 0) + 1
    for c in cands:
        if c.person in _WEAK and len(c.toks) > 1 and c.toks[-1].text not in singles and \
                full_counts[tuple(t.text for t in c.toks)] >= 2:
            c.person = None
    # a lone word that is the surname of someone found is that person ("Hussain, considered ...")
    surnames = {c.toks[-1].text for c in cands if c.person}
    for c in cands:
        if c.person is None and len(c.toks) == 1 and c.toks[0].text in surnames:
            c.person = "surname"
    # lists and results tables: a name next to a name ("Billy Andrade, Duffy Waldorf (Sweden)",
    # "Given, Breen, Staunton"); a lone word only next to another lone name
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
            if head.kind != "name" or head.text in PLACES or \
                    (_sentence_initial(text, head, sent_starts) and head.text not in first_names()):
                continue
            gap = text[a.toks[-1].end:b.toks[0].start]
            if len(other.toks) == 1:
                # a lone word in a list of three or more lone names ("Given, Breen, Staunton"),
                # or a name cut by a line break in a wrapped list ("Michael Bevan, Damien\nFlemming")
                ok = _SHORT_GAP.match(gap) and not _PLACE_PREP.search(text, max(0, head.start - 6), head.start) and (
                    _line_edge(text, head, other is b) if len(src.toks) > 1 else _in_list(text, cands, index[id(other)]))
            else:
                # a plural at the end needs a known first name: "Kaiser Chiefs" after a band
                ok = len(other.toks) <= 3 and other.toks[-1].kind == "name" and \
                    (_SHORT_GAP.match(gap) or (_LIST_GAP.match(gap) and _DIGIT_OR_BRACKET.search(gap))) and \
                    (not _PLURAL_END.search(other.toks[-1].text) or _is_first(head.text))
            if ok:
                other.person = "list"
                changed = True
        forward = not forward

    return _people(text, toks, [c for c in cands if c.person], sent_starts)


def _in_list(text: str, cands: list[_Cand], i: int) -> bool:
    """Both sides of a lone word are list separators to other capitalised words."""
    c = cands[i]
    if i == 0 or i == len(cands) - 1:
        return False
    before = text[cands[i - 1].toks[-1].end:c.toks[0].start]
    after = text[c.toks[-1].end:cands[i + 1].toks[0].start]
    return bool(_SHORT_GAP.match(before) and _SHORT_GAP.match(after))


def _line_edge(text: str, tok: _Tok, last: bool) -> bool:
    """Is the word the last (or first) thing on its line?"""
    if last:
        return text[tok.end:tok.end + 1] == "\n"
    return tok.start > 0 and text[tok.start - 1] == "\n"


_OPENERS = frozenset(" \"'“‘(")


def _only_openers(text: str, start: int, end: int) -> bool:
    """Only blanks, opening quotes and brackets in text[start:end] (stops at the first other
    character instead of copying a sentence's worth of text)."""
    for i in range(start, end):
        if text[i] not in _OPENERS:
            return False
    return True


def _sentence_initial(text: str, tok: _Tok, sent_starts: list[int]) -> bool:
    i = bisect.bisect_right(sent_starts, tok.start) - 1
    if i >= 0 and _only_openers(text, sent_starts[i], tok.start):
        return True
    # a quotation opening mid-sentence starts a sentence of its own: 'tweeting, “Notice Trump'
    return bool(_QUOTE_OPEN.search(text, max(0, tok.start - 4), tok.start))


def _headline_end(text: str, paras: list[tuple[int, int]]) -> int:
    """A first paragraph that reads as a headline (no full stop, or mostly capitals) is not
    searched for new names; it is still searched for mentions of people found below it."""
    if len(paras) < 2:
        return 0
    s, e = paras[0]
    line = text[s:e]
    words = line.split()
    if not words or len(words) > 20:
        return 0
    caps = sum(1 for w in words if w[:1].isupper())
    one_sentence = not re.search(r"[.!?]\s+[A-Z“\"]", line)
    if line.isupper() or (caps >= 0.75 * len(words) and one_sentence) or not re.search(r"[.!?\"”]$", line):
        return e
    return 0


def _people(text: str, toks: list[_Tok], cands: list[_Cand], sent_starts: list[int]) -> list[Person]:
    firsts = first_names()
    if not cands:
        return []
    # people sharing a surname in one article: "Mark Waugh" and "Steve Waugh" are two people,
    # and a bare "Waugh" goes to the one named last (or the one a title's gender fits)
    groups: dict[str, list[dict]] = {}
    everyone: list[dict] = []
    curly = "’" in text          # only then do words need _norm
    for c in cands:
        words = tuple([_norm(t.text) for t in c.toks] if curly else [t.text for t in c.toks])
        surname = _surname_key(c.toks)
        group = groups.setdefault(surname[-1].lower(), [])
        p = _match_person(group, words, c.titles)
        if p is None:
            p = {"names": [], "surname": surname, "gender": None, "role": None, "group": group,
                 "title_role": None, "titles": set(), "mentions": [], "last": -1, "seen": -1}
            group.append(p)
            everyone.append(p)
        if words not in p["names"]:
            p["names"].append(words)
        if c.titles:
            p["titles"].update(t.text.rstrip(".") for t in c.titles)
        if not p["gender"]:
            for t in c.titles:
                p["gender"] = p["gender"] or GENDER_TITLES.get(t.text.rstrip("."))
            if not p["gender"] and len(words) > 1 and words[0] in firsts:
                p["gender"] = firsts[words[0]]
        if not p["role"] and not _after_capital(text, (c.titles or c.toks)[0].start):
            # (a name cut short, "Ivanka" left off "Ivanka Trump", must not take her role)
            start = (c.titles or c.toks)[0].start
            end = c.toks[-1].end
            role = (text.startswith(",", end) and appositive_after(text[end:end + 120])
                    or appositive_before(text, start) or role_before(text, start))
            p["role"] = role if says_what(role) else None
        if not p["title_role"] and c.titles and c.titles[-1].text.rstrip(".") in ROLE_TITLES:
            p["title_role"] = " ".join(t.text for t in c.pre + c.titles)
            m = not c.pre and _ACRONYM_BEFORE.search(text, max(0, c.titles[0].start - 16), c.titles[0].start)
            if m and not _CAPS_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()):   # not "I SAID President"
                p["title_role"] = m.group(1) + " " + p["title_role"]     # "SMFG President", "US Secretary"
        if len(p["surname"]) < len(surname):
            p["surname"] = surname

    # every form of every person, matched on the token stream: full names point at one
    # person, surnames at their group, a first name that only one person has at that person
    forms: dict[tuple[str, ...], object] = {}
    for key, group in groups.items():
        for p in group:
            for words in p["names"]:
                if len(words) > 1:
                    forms[words] = forms[tuple([w.upper() for w in words])] = p
                    if words[-1] in _SUFFIXES:
                        forms[tuple([_norm(w) for w in p["surname"]]) + words[-1:]] = p   # "Trump Jr"
            surname = tuple([_norm(w) for w in p["surname"]])
            forms.setdefault(surname, key)
            forms.setdefault(tuple([w.upper() for w in surname]), key)
            if surname[0] in PARTICLES:    # "Von der Leyen" opening a sentence
                forms.setdefault((surname[0].capitalize(),) + surname[1:], key)
    first_owner: dict[str, dict[int, dict]] = {}
    for p in everyone:
        for words in p["names"]:
            if len(words) > 1 and (words[0] in firsts or (words[0][:1].isupper() and words[0][1:].islower()
                                                          and words[0] not in STOP and words[0] not in PLACES
                                                          and words[0] not in CAP_PARTICLES)):
                first_owner.setdefault(words[0], {})[id(p)] = p
    dropped = set()
    for first, ps in first_owner.items():
        lone = [p for p in groups.get(first.lower(), ()) if all(len(w) == 1 for w in p["names"])]
        if len(ps) == 1 and ((first,) not in forms or lone):
            forms[(first,)] = next(iter(ps.values()))      # "Chris" after "Chris Rock"
            dropped.update(id(p) for p in lone)
    everyone = [p for p in everyone if id(p) not in dropped]
    lengths: dict[str, list[int]] = {}     # first word -> form lengths, longest first
    for f in forms:
        lengths.setdefault(f[0], []).append(len(f))
    for v in lengths.values():
        v.sort(reverse=True)
    multi = {w for p in everyone for w in p["names"] if len(w) > 1}

    normed = [_norm(t.text) for t in toks] if curly else [t.text for t in toks]
    # only a title or a word that starts some form can start a mention: jump between them
    stops = [k for k, w in enumerate(normed) if w in lengths or toks[k].kind == "title"]
    i, n = 0, len(toks)
    while i < n:
        x = bisect.bisect_left(stops, i)
        if x == len(stops):
            break
        i = j = stops[x]
        while j < n and toks[j].kind == "title" and j + 1 < n and _contiguous(text, toks[j], toks[j + 1]):
            j += 1
        hit = None
        for L in lengths.get(normed[j], ()):
            if j + L > n:
                continue
            words = tuple(normed[j:j + L])
            target = forms.get(words)
            if target is None:
                continue
            if L > 1 and any(not _contiguous(text, toks[k], toks[k + 1]) for k in range(j, j + L - 1)):
                continue
            if not _plausible(text, toks, j, L, words, i < j, multi, sent_starts):
                continue
            title = toks[j - 1].text.rstrip(".") if i < j else None
            p = target if isinstance(target, dict) else \
                _resolve(groups[target], title, toks[j].start, _pronoun_gender(text, toks[j + L - 1].end))
            if all(q["seen"] < 0 for q in p["group"] if q is not p):
                p["held"] = True         # the first of that surname the text names
            full = L > 1 and isinstance(target, dict)      # a full name, not a shared surname
            hit = (p, toks[i if i < j else j].start, toks[j + L - 1].end, j + L, title, full)
            break
        if hit:
            p, start, end, nxt, title, full = hit
            p["mentions"].append((start, end))
            p["seen"] = start
            if full:
                p["last"] = start
                p["subject"] = _subject_at(text, start, end, sent_starts)
            if title:
                p["gender"] = p["gender"] or GENDER_TITLES.get(title)
                p["titles"].add(title)
                if not p["title_role"] and title in ROLE_TITLES:
                    p["title_role"] = " ".join(t.text for t in toks[i:j])
            i = nxt
        else:
            i = j + 1 if j > i else i + 1

    people = []
    for p in everyone:
        if not p["mentions"]:
            continue
        best = max(p["names"], key=len)
        name = " ".join(best)
        if len(best) == 1:
            # only "Lord Browne" or "Mr Faraj": a title of rank stays with the surname
            rank = [t for t in _RANKS if t in p["titles"]]
            if rank:
                name = rank[0] + " " + name
        role = p["role"] or p["title_role"]
        if role == name.split()[0]:
            role = None          # "King Charles" is not also "King Charles, King"
        people.append(Person(name=name, role=role, mentions=p["mentions"], gender=p["gender"]))

    tie_descriptions(text, people)
    tie_ages(text, people, sent_starts)
    tie_roles(text, people, sent_starts)
    for p in people:
        p.mentions.sort()
        p.forms = list(dict.fromkeys([text[s:e] for s, e in p.mentions]))
    pronoun_genders(text, people)
    people.sort(key=lambda p: p.mentions[0])
    return people


_RANKS = ("King", "Queen", "Prince", "Princess", "Pope", "Lord", "Lady", "Sir", "Dame", "Baron", "Baroness")


def _after_capital(text: str, start: int) -> bool:
    """Does a capitalised word stand right before start ("Ivanka| Trump")?"""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    k = start - 2
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
        k -= 1
    return text[k].isupper()


def _norm(word: str) -> str:
    return word.replace("’", "'")


def _match_person(group: list[dict], words: tuple[str, ...], titles: list[_Tok]) -> dict | None:
    """The person in a surname group these words name: same first name or initial, or the
    group's only person when the words give no first name."""
    if not group:
        return None
    if words[0] in CAP_PARTICLES or words[0] in PARTICLES:
        words = words[-1:]               # "Van der Westhuizen" after "Joost van der Westhuizen"
    if len(words) == 1:
        gender = next((GENDER_TITLES[t.text.rstrip(".")] for t in titles if t.text.rstrip(".") in GENDER_TITLES), None)
        return _resolve(group, gender and next(k for k, v in GENDER_TITLES.items() if v == gender))
    first, suffix = words[0], words[-1] in _SUFFIXES
    if suffix and len(words) == 2:       # "Trump Jr"
        return next((p for p in group if any(w[-1] in _SUFFIXES for w in p["names"])), None)
    for p in group:
        known = [w for w in p["names"] if len(w) > 1]
        # "Donald Trump Jr" is not "Donald Trump"
        if not known or any(_same_first(first, k[0]) and (k[-1] in _SUFFIXES) == suffix for k in known):
            return p
    return None


def _same_first(a: str, b: str) -> bool:
    if a == b:
        return True
    initial = lambda w: w.endswith(".") or (len(w) <= 2 and w.isupper())  # noqa: E731
    return (initial(a) or initial(b)) and a[0] == b[0]


def _resolve(group: list[dict], title: str | None, pos: int = -1, hint: str | None = None) -> dict:
    """A bare surname: the person a gendered title fits; else the one the surname already
    meant before anyone else of that name came in (after "Cruz said ...", "his wife, Heidi
    Cruz" leaves "Cruz" meaning him, as news writing does); else the one named most recently."""
    ps = group
    gender = GENDER_TITLES.get(title or "")
    if gender and len(group) > 1:
        ps = [p for p in group if p["gender"] == gender] or group
    if len(ps) == 1:
        p = ps[0]
    else:
        p = max(ps, key=lambda p: p["last"])
        held = [q for q in ps if q.get("held")]
        # ... unless the newcomer was named as a subject just before ("..., Bill Clinton,
        # said ... Clinton added"), or pages after the holder was last seen ("Homeland
        # Security Secretary Jeh Johnson says" in a later item of a live blog)
        if len(held) == 1 and held[0] is not p and p["last"] - held[0]["seen"] < _HELD_REACH and \
                not (p.get("subject") and pos - p["last"] < _SUBJECT_REACH):
            p = held[0]
        # "Trump demands ... his tax records": a pronoun of the sentence settles it
        fits = [q for q in ps if hint and q["gender"] == hint]
        if len(fits) == 1 and p["gender"] and p["gender"] != hint:
            p = fits[0]
    return p


_PRONOUN_AFTER = re.compile(r"[^.!?\n,;]{0,120}?\b(he|his|she)\b")


def _pronoun_gender(text: str, end: int) -> str | None:
    """The gender of a he/his/she later in the clause, if any ("her" is left out: it is as
    often someone else's object; a comma ends the search: "Rendell, a Clinton surrogate,
    said he ...")."""
    m = _PRONOUN_AFTER.match(text, end)
    return None if not m else "f" if m.group(1) == "she" else "m"


_HELD_REACH = 2000      # characters: a few paragraphs
_SUBJECT_REACH = 400    # characters: the next sentence or two
_VERB_AFTER = re.compile(r",?\s+(?:[a-z]+ed|[a-z]+s|said|told|has|had|is|was|will|would|can|could|wrote|spoke|made|took|did)\b")


def _subject_at(text: str, start: int, end: int, sent_starts: list[int]) -> bool:
    """Does the name at start..end read as a subject: at the start of the sentence, after
    a comma or "and", with a verb next ("Several weeks ago, Donald Trump stated")?"""
    i = bisect.bisect_right(sent_starts, start) - 1
    opens = (i >= 0 and not text[sent_starts[i]:start].strip(" “\"‘'(")) or \
        text[max(0, start - 2):start] == ", " or text[max(0, start - 5):start] == " and "
    return bool(opens and _VERB_AFTER.match(text, end))


def _plausible(text: str, toks: list[_Tok], j: int, L: int, words: tuple[str, ...], titled: bool, multi: set,
               sent_starts: list[int]) -> bool:
    """A bare surname is a mention unless it is part of another name or thing ("Davis Cup")."""
    if titled or words in multi:
        return True
    first, last = toks[j], toks[j + L - 1]
    if j > 0 and toks[j - 1].kind in ("name", "part", "init") and _contiguous(text, toks[j - 1], first) \
            and toks[j - 1].text not in STOP and \
            not (_sentence_initial(text, toks[j - 1], sent_starts) and not _is_first(toks[j - 1].text)):
        return False
    if j + L < len(toks) and toks[j + L].kind in ("name", "init") and _contiguous(text, last, toks[j + L]):
        return False
    if first.text in STOP and _sentence_initial(text, first, sent_starts):
        return False
    if _AT_PLACE.search(text, max(0, first.start - 6), first.start):
        return False                     # "married at Windsor" is not Barbara Windsor
    return True
