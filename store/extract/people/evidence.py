"""Evidence that a name run is a person: EVIDENCE, an ordered list of small rules over the
words around the run. Each rule returns an Evidence label (a person, and why), NOT_A_PERSON
(stop: no later rule may make it one), or None (no opinion). The first answer wins.

To add a rule: write the function, put it in EVIDENCE where it should win, add its label
to store.model.Evidence, and a row to the parametrized evidence test.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from store.extract.draft import Draft
from store.extract.people.roles import appositive_after, role_before
from store.extract.people.things import is_first
from store.extract.people.tokens import Candidate, Token
from store.lexicon.names import DEMONYMS, ORG_WORDS, PLACES, PERSON_VERBS, ROLE_NOUNS, TITLES, WEAK_TITLES, first_names
from store.model import Evidence

NOT_A_PERSON = "not a person"

_SPEECH = "|".join(sorted(PERSON_VERBS))
_SPEECH_AFTER = re.compile(
    r"\s*(?:,[^,.;\"“”]{1,80},\s*)?(?:has |had |have |also |later |then |once |previously |, who )?(?:%s)\b" % _SPEECH)
_SPEECH_BEFORE_WORDS = ("said", "says", "added", "according to")
_SPEECH_BEFORE = re.compile(r"\b(?:%s)\s*$" % "|".join(_SPEECH_BEFORE_WORDS))
_AGE_AFTER = re.compile(r",\s+\d{1,2},")
_PARTY_AFTER = re.compile(r",\s+\(?[RDI]-[A-Z][A-Za-z.]*\)?,")
_CARD_BEFORE = re.compile(r"(?:^|\s)(?:c|b|st|lbw b|c and b)\s$")
_CARD_ENDS = {"c", "b", "t"}     # the last letter of any word _CARD_BEFORE ends in
_CARD_AFTER = re.compile(r"\s+(?:(?:c|b|st|lbw)\s+[A-Z]|\d+-\d+-\d+-\d+|run out\b|not out\b)")
_CARD_NEXT = frozenset("cbslrn")     # what _CARD_AFTER has after the blanks, besides a digit
_AGED_BEFORE = re.compile(r"\d+-year-old\s+$")
_SIGNOFF_BEFORE = re.compile(r"(?:^|\n)--\s*$")
_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]{2,4}")
_PLACE_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s\s+$")
_MINUTE_AFTER = re.compile(r"\s*(?:\(\d+(?:st|nd|rd|th)?(?:\s*(?:pen|penalty|og))?\)|\d+(?:st|nd|rd|th)\b)")
_NUMBER_BEFORE = re.compile(r"(?:^|[(;,\n]\s*)\d+\s*-\s*$")
_WORD_BEFORE = re.compile(r"\b([A-Z]\w+) $")
_ROLES = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_ROLE_AFTER = re.compile(r"\s+(?:%s)\s+(?:[A-Z]|(?:%s)\b)" % (_ROLES, _ROLES))
_ROLE_FIRST_WORDS = frozenset(r.split()[0] for r in ROLE_NOUNS)
_SCORER_AFTER = re.compile(r"\s+\d{1,3}(?:st|nd|rd|th)\b")
_SCORER_BEFORE = re.compile(r"\d\s*\((?:[^()]*\d(?:st|nd|rd|th),)?\s*$")
_WHO_AFTER = re.compile(r",?\s+who\b")
_COUNTRY_AFTER = re.compile(r"\s*\(((?:[A-Z]\.)+|[A-Z]{2,3}|[A-Z][a-z]+)[\s\w.]*\)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)\"”]|$|(?:on|in|at|yesterday|today|last|this|after|before|when|as)\b)")
_THINGS = tuple("""newspaper paper magazine daily tabloid weekly journal agency channel station website
site network firm company group bank club band team party show programme program series film movie album
book novel song play musical opera brand label airline carrier retailer insurer lender manufacturer maker
chain ship vessel hotel restaurant newsletter broadsheet stadium ground venue prize award""".split())
_THING_BEFORE = re.compile(r"\b(?:%s)\s+$" % "|".join(_THINGS))
_THING_ENDS = frozenset(t[-3:] for t in _THINGS)     # their last three letters (each has three or more)
# role words that fit firms and teams as well as people ("rival Shell reported")
_ORG_ROLES = {"rival", "partner", "owner", "leader", "winner", "champion", "champions", "head", "member",
              "sponsor", "investor", "buyer", "seller", "supplier", "client", "customer", "shareholder",
              "bidder", "competitor", "opponent", "challenger", "runner-up", "finalist", "holder"}
_DIGIT = re.compile(r"\d")
_COMMA_OR_STOP = re.compile(r"[,.]")
_CAPITAL_NEXT = re.compile(r"\s*[A-Z]")


class Site:
    """A candidate and the text around it, as the rules read it (computed once per
    candidate: every rule reads these)."""
    __slots__ = ("c", "text", "toks", "s", "e", "after", "follows", "before", "trimmed", "tail", "lone_name",
                 "_last_word")

    def __init__(self, c: Candidate, text: str) -> None:
        self.c, self.text = c, text
        self.toks: list[Token] = c.toks
        s, e = self.s, self.e = c.toks[0].start, c.toks[-1].end
        self.after = text[e:e + 120]
        self.follows = self.after[:1]       # the character right after the name ("" at the end)
        self.before = text[s - 80 if s > 80 else 0:s]     # (not max(): speed only)
        # the patterns that end at the name reach at most 12 characters back from the last
        # non-blank one: trying them only from there gives the same answers, faster
        self.trimmed = trimmed = self.before.rstrip()
        self.tail = len(trimmed) - 12 if len(trimmed) > 12 else 0
        self.lone_name = len(c.toks) == 1 and c.toks[0].kind == "name"      # one word, a name
        self._last_word = -1

    @property
    def speech_before(self) -> bool:
        """Does a speech verb end the text before ("said Lo")? (Few rules ask: not computed
        for every candidate.)"""
        return self.trimmed.endswith(_SPEECH_BEFORE_WORDS)

    @property
    def last_word(self) -> int:
        """Where the last word before the name starts in `before` (patterns ending in a word
        and blanks cannot match earlier)."""
        if self._last_word < 0:
            t = self.trimmed
            self._last_word = len(t) - len(t.rsplit(None, 1)[-1] if t else "")
        return self._last_word

    @property
    def line(self) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, self.s) + 1
        end = self.text.find("\n", self.e)
        return start, end if end >= 0 else len(self.text)

    def speech_after(self) -> bool:
        return bool(_SPEECH_AFTER.match(self.after))


Rule = Callable[[Site], "str | None"]


# the word right after a run, past an auxiliary: where a speech verb would stand
_VERB_SLOT = re.compile(r"\s*(?:has |had |have |also |later |then |once |previously )?([a-z]+)")


def speaks(c: Candidate, text: str) -> bool:
    """Does a speech verb follow the run ("Lo said", "Lo, 40, added") or come right before
    it at the end of a clause ("said Lo.")? (Site's tests, without building a Site; the
    long pattern only after a comma or where the verb slot holds a speech verb.)"""
    s, e = c.toks[0].start, c.toks[-1].end
    if text[e:e + 1] == "," or (m := _VERB_SLOT.match(text, e, e + 40)) and m.group(1) in PERSON_VERBS:
        if _SPEECH_AFTER.match(text, e, e + 120):
            return True
    before = text[max(0, s - 20):s].rstrip()
    return before.endswith(_SPEECH_BEFORE_WORDS) and bool(_SPEECH_BEFORE.search(before)) and bool(_CLAUSE_END.match(text, e))


def _titled(x: Site):
    """Not "Executive Session", "Miss Universe": a weak title alone needs a full name."""
    if x.c.titles and (len(x.toks) > 1 or any(t.text.rstrip(".") not in WEAK_TITLES for t in x.c.titles)):
        return Evidence.TITLE
    return None


_ORG_OF = re.compile(r"\b([A-Z][a-z]+) (?:of|for) (?:the )?$")


def _organisation_tail(x: Site):
    """"the Royal College of Emergency Medicine said": after an organisation word and "of"
    or "for", the run ends the organisation's name."""
    if x.before.endswith((" of ", " for ", " the ")) and (m := _ORG_OF.search(x.before, x.last_word - 16)) and \
            m.group(1) in ORG_WORDS:
        return NOT_A_PERSON
    return None


def _age_after(x: Site):
    """"Ann Lo, 25, said"."""
    if x.follows == "," and _AGE_AFTER.match(x.after) and (len(x.toks) > 1 or not x.toks[0].text.endswith("s")):
        return Evidence.AGE
    return None


def _party_after(x: Site):
    """"Mitch McConnell, R-Ky., said"."""
    return Evidence.PARTY if x.follows == "," and _PARTY_AFTER.match(x.after) else None


def _first_name_speaking(x: Site):
    """A known first name alone next to a speech verb: "Hans said"; not one that is also a
    party or nationality word ("Tory claims the plan was …")."""
    if x.lone_name and x.toks[0].text in first_names() and x.toks[0].text not in DEMONYMS and (
            x.speech_after() or x.speech_before and _SPEECH_BEFORE.search(x.before, x.tail)):
        return Evidence.FIRST_NAME
    return None


def _lone_role(x: Site):
    """"her brother, Hans, ...", "president Suharto and"."""
    if not x.lone_name or x.toks[0].text in PLACES:
        return None
    role = x.toks[0].text not in ORG_WORDS and role_before(x.text, x.s)
    if role and (_COMMA_OR_STOP.match(x.after) if x.trimmed.endswith(",") else
                 not _CAPITAL_NEXT.match(x.after) and role.split()[-1].lower() not in _ORG_ROLES):
        return Evidence.ROLE
    return None


def _scorecard(x: Site):
    """"c Vaas b Chandana 56", "Vass 7-0-29-0"."""
    if not x.lone_name or x.toks[0].text in PLACES:
        return None
    before = x.before
    # (the pattern after needs blanks, then c, b, st, lbw, run, not or a digit: the two
    # characters after the name are tested first, speed only)
    nxt = x.after[1:2]
    if x.follows.isspace() and (nxt in _CARD_NEXT or nxt.isdecimal() or nxt.isspace()) and _CARD_AFTER.match(x.after) \
            or (before[-2:-1] in _CARD_ENDS or before[-3:-2] in _CARD_ENDS) and \
            _CARD_BEFORE.search(before, x.tail):
        line_start = x.text.rfind("\n", 0, x.s) + 1
        line_end = x.text.find("\n", x.e)
        if _DIGIT.search(x.text, line_start, line_end if line_end >= 0 else len(x.text)):
            return Evidence.SCORECARD
    return None


_MINUTE_BRACKET_AFTER = re.compile(r"\s*\(\d{1,3}(?:st|nd|rd|th)\b")
_OPEN_AFTER_SCORE = re.compile(r"\d\s*\([^()]*$")
_SCORERS_WORD = re.compile(r"\b[Ss]corers?\b")
_DASH_NO_BRACKET = re.compile(r"\s-\s[^()]*$")


def _scorer(x: Site):
    """A surname before its minute in a list of scorers: in the bracket after a score ("Lyon
    2 (Caveglia 23rd, Giuly 30th)", "Dortmund 3 (Zorc 59th-pen, Moeller 73rd)"), on a
    "Scorers:" line, or after a dash in a results line ("... 1 - Vonk (12th)")."""
    if not x.lone_name:
        return None
    # (both patterns after need a digit or "(" past the blanks: the character after one
    # blank is tested first, speed only)
    c = x.after[1:2] if x.follows.isspace() else x.follows
    if not (c == "(" or c.isdecimal() or c.isspace()):
        return None
    minute = _SCORER_AFTER.match(x.after)
    if not minute and not _MINUTE_BRACKET_AFTER.match(x.after) or x.toks[0].text in PLACES or \
            x.toks[0].text in ORG_WORDS:
        return None
    text, s = x.text, x.s
    if minute and _SCORER_BEFORE.search(x.before):
        return Evidence.SCORER
    line_start = x.line[0]
    if _OPEN_AFTER_SCORE.search(text, max(0, s - 120), s) or _SCORERS_WORD.search(text, max(0, line_start - 40), s) \
            or not minute and _DASH_NO_BRACKET.search(text, line_start, s):
        return Evidence.SCORER
    return None


_PLURAL_ROLES = frozenset(r + "s" for r in ROLE_NOUNS - _ORG_ROLES if not r.endswith("s"))
_AMONG = re.compile(r"\b([A-Za-z]+)\s+(?:such as|including|like)\s+(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?:,\s*|\s+and\s+))*$")


def _one_of_the_roles(x: Site):
    """A mononym in a list after a plural role noun: "artists such as Ludacris and Mase",
    "rappers including Stormzy"."""
    before = x.before
    if x.lone_name and (" such as " in before or " including " in before or " like " in before) and \
            x.follows not in "'’" and x.toks[0].text not in PLACES and x.toks[0].text not in ORG_WORDS and \
            (m := _AMONG.search(before)) and m.group(1).lower() in _PLURAL_ROLES:
        return Evidence.ROLE
    return None


def _title_and_speech(x: Site):
    """"Miss Smith said", where "Miss Universe" alone is not one."""
    c = x.c
    if c.titles and x.lone_name and (
            x.speech_after() or _SPEECH_BEFORE.search(x.text, max(0, c.titles[0].start - 20), c.titles[0].start)):
        return Evidence.TITLE_AND_SPEECH
    return None


def _one_word(x: Site):
    """Past this point a person needs two words or more, ending in a name."""
    return NOT_A_PERSON if len(x.toks) < 2 or x.toks[-1].kind != "name" else None


def _work_or_team(x: Site):
    """"Vera Drake star Imelda Staunton": a work or a team before a role noun."""
    if not x.follows.isspace():
        return None
    # (the next word must start a role noun: a set look-up before the long pattern, speed only)
    words = x.after.split(None, 1)
    return NOT_A_PERSON if words and words[0] in _ROLE_FIRST_WORDS and _ROLE_AFTER.match(x.after) else None


def _named_thing(x: Site):
    """"financial newspaper Nihon Keizai Shimbun", "the film Vera Drake", and set off by
    commas: "their new album, Moon Music, reached"."""
    before, trimmed, tail = x.before, x.trimmed, x.tail
    if trimmed.endswith(",") and x.after[:1] in (",", ".", ";", ""):
        trimmed = trimmed[:-1]
        before, tail = trimmed + " ", max(0, len(trimmed) - 12)
    # (the last three letters first: a set look-up, where endswith() tries every word; speed only)
    return NOT_A_PERSON if trimmed[-3:] in _THING_ENDS and trimmed.endswith(_THINGS) and \
        _THING_BEFORE.search(before, tail) else None


_ROLE_AT = re.compile(r"\b([A-Za-z][\w-]*)(?:\s+(?:of|for)(?:\s+[a-z][\w-]*){1,4})?\s+at\s+$")


def _employer(x: Site):
    """"Head of research at Orbis Homes", "analysts at Peel Hunt": a run after a role noun
    (or its plural) and "at" is where the holder works, a firm or a body."""
    if not x.trimmed.endswith(" at"):
        return None
    m = _ROLE_AT.search(x.before)
    role = m.group(1).lower() if m else ""
    return NOT_A_PERSON if m and (role in ROLE_NOUNS or role[-1:] == "s" and role[:-1] in ROLE_NOUNS
                                  or m.group(1) in _TITLE_WORDS) else None


# a capital "The" after a word or a comma, not opening a sentence or a line
_CAPITAL_THE = re.compile(r"(?<=\S)(?<![.!?:])(?<![.!?:][\"”’'])[ \t]+The$")


def _title_of_work(x: Site):
    """"on Fox News' The Kelly File", "the local paper, The Perry Chief": a name of two
    words or more after a capital "The" inside a sentence is a show's or a paper's title."""
    return NOT_A_PERSON if len(x.toks) > 1 and x.trimmed.endswith("The") and _CAPITAL_THE.search(x.trimmed) else None


def _who(x: Site):
    return Evidence.WHO if "who" in x.after and _WHO_AFTER.match(x.after) else None     # (the word first: speed only)


_CLAUSE_ROLE = re.compile(r"(?:^|[.!?\"”]\s+|\n)(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Ff]ormer)\s+)?"
                          r"([A-Za-z][\w-]*)[^,;:.!?\"“”\n]{0,70},\s*$")
_SPEECH_AFTER_COMMA = re.compile(r",\s*(?:has |had |also |later |then )?(?:%s)\b" % _SPEECH)
_TITLE_WORDS = {t for t in TITLES if t[:1].isupper()}


def _after_long_role(x: Site):
    """A name set off by commas after a long role that opens the sentence, then a speech
    verb: "Head of research at Orbis Capital, Lena Marsh, agreed"."""
    if len(x.toks) < 2 or not x.trimmed.endswith(",") or x.follows != "," or not _SPEECH_AFTER_COMMA.match(x.after):
        return None
    m = _CLAUSE_ROLE.search(x.text, max(0, x.s - 90), x.s)
    if m and (m.group(1).lower() in ROLE_NOUNS or m.group(1) in _TITLE_WORDS):
        return Evidence.ROLE
    return None


def _aged_or_signed(x: Site):
    """"20-year-old Tiger Woods", "-- Luli Popescu, Bucharest"."""
    before = x.before
    if "-year-old" in before and _AGED_BEFORE.search(before) or "--" in before and _SIGNOFF_BEFORE.search(before, x.tail):
        return Evidence.AGE
    return None


def _first_name(x: Site):
    return Evidence.FIRST_NAME if is_first(x.toks[0].text) else None


def _particle(x: Site):
    """"Joost van der Westhuizen"."""
    return Evidence.PARTICLE if any(t.kind == "part" for t in x.toks[1:-1]) else None


def _given_name(x: Site):
    """"Kang Young-hoon"."""
    return Evidence.GIVEN_NAME if len(x.toks) == 2 and _ASIAN_GIVEN.fullmatch(x.toks[1].text) else None


def _place_possessive(x: Site):
    """"India's Leander Paes"."""
    m = _PLACE_POSSESSIVE.search(x.before, x.last_word)
    return Evidence.PLACE_POSSESSIVE if m and m.group(1) in PLACES else None


def _nationality(x: Site):
    """"American Nate Miller"."""
    m = _WORD_BEFORE.search(x.before, x.last_word)
    return Evidence.NATIONALITY if m and m.group(1) in DEMONYMS and m.group(1)[-1] != "s" else None


def _initial(x: Site):
    """"George W. Bush"."""
    return Evidence.INITIAL if any(t.kind == "init" and t.text.endswith(".") for t in x.toks[:-1]) else None


def _speech_verb(x: Site):
    """"Ann Lo said"; "said Joe Bloggs." but not "said Ask Jeeves and ..."."""
    if x.speech_after() or (x.speech_before and _SPEECH_BEFORE.search(x.before, x.tail) and _CLAUSE_END.match(x.after)):
        return Evidence.SPEECH_VERB
    return None


def _role(x: Site):
    """"Labour leader Ann Lo", "Ann Lo, the party's leader,"."""
    return Evidence.ROLE if role_before(x.text, x.s) or appositive_after(x.after) else None


def _table(x: Site):
    """A results table: "Ann Lo (Sweden)", scorers "Danius Gleveckas (13rd)", "3. Ann Lo"."""
    if len(x.toks) > 3:
        return None
    m = _COUNTRY_AFTER.match(x.after)
    if m and (m.group(1) in PLACES or not m.group(1).istitle()):
        return Evidence.TABLE
    if _MINUTE_AFTER.match(x.after) or _NUMBER_BEFORE.search(x.before):
        return Evidence.TABLE
    if re.fullmatch(r"\s*\d+[.)]?\s*(?:-\s*)?", x.text[x.line[0]:x.s]):
        return Evidence.TABLE
    return None


def _byline(x: Site):
    """A line of its own under the headline."""
    line_start, line_end = x.line
    text = x.text
    if len(x.toks) <= 3 and not text[line_start:x.s].strip() and not text[x.e:line_end].strip() \
            and line_start > 0 and text[line_start - 2:line_start].strip() and line_start < 300:
        return Evidence.BYLINE
    return None


# In order: the first rule with an answer decides.
EVIDENCE: list[Rule] = [
    _titled,
    _organisation_tail,
    _age_after,
    _party_after,
    _first_name_speaking,
    _lone_role,
    _scorecard,
    _scorer,
    _one_of_the_roles,
    _title_and_speech,
    _one_word,
    _work_or_team,
    _named_thing,
    _employer,
    _title_of_work,
    _who,
    _after_long_role,
    _aged_or_signed,
    _first_name,
    _particle,
    _given_name,
    _place_possessive,
    _nationality,
    _initial,
    _speech_verb,
    _role,
    _table,
    _byline,
]


# Rules that only ever answer for a lone name; a lone name never gets past _one_word. The
# two lists keep EVIDENCE's order and answers, and spare each candidate the calls that
# cannot answer (evidence runs for every name run of every article).
_LONE_ONLY = {_first_name_speaking, _lone_role, _scorecard, _scorer, _one_of_the_roles, _title_and_speech}
_FOR_LONE = EVIDENCE[:EVIDENCE.index(_one_word) + 1]
_FOR_RUNS = [rule for rule in EVIDENCE if rule not in _LONE_ONLY]


def evidence(c: Candidate, text: str) -> str | None:
    """Why the text says this run is a person, or None."""
    x = Site(c, text)
    for rule in _FOR_LONE if x.lone_name else _FOR_RUNS:
        found = rule(x)
        if found is not None:
            return None if found == NOT_A_PERSON else found
    return None


def weigh(d: Draft) -> None:
    """The evidence pass. A headline in title case names things freely: there only a full
    name with a known first name or a title counts, and only if the story names them too."""
    body_words = {t.text for t in d.tokens if t.start >= d.headline_end} if d.headline_end else set()
    kept = []
    for c, in_headline in zip(d.candidates, d.in_headline):
        c.person = evidence(c, d.text)
        if in_headline and (c.person not in (Evidence.FIRST_NAME, Evidence.TITLE) or len(c.toks) < 2
                            or c.toks[-1].text not in body_words):
            continue
        kept.append(c)
    d.candidates = kept
