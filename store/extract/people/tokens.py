"""Capitalised words and the name runs they form: the candidates pass. A run of
capitalised words (with particles, initials and titles) becomes a Candidate; whether it is a
person is for evidence.py to say.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from store.extract.draft import Draft
from store.extract.people.things import (
    BRACKETS, TERM_NEXT, a_term, glued_descriptor, in_fixture, is_first, result_line, without_things,
)
from store.lexicon.speech import ABBREVIATED
from store.lexicon.names import (
    ADDRESS_TITLES, DEMONYMS, GENDER_TITLES, NAME_SUFFIXES, PARTICLES, PLACE_START, PLACES, PLAIN_TITLES, ROLE_NOUNS,
    STOP, SURNAME_LIKE, TERM_ENDS, TITLES, WEAK_TITLES, first_names,
)


# Capitalised words; lower-case words in between are skipped and break a run, because the
# gap is then not blank. Particles ("von der") are picked up by looking back from a word.
# The first character is a word character that is neither a digit, "_" nor a-z; written as
# a plain range checked by a lookbehind, so the regex engine can skip to candidates quickly.
_WORD = re.compile(r"[A-Z\u0080-\U0010ffff](?<=[^\W\d_])[\w'’\-\u0300-\u036f]*(?<![\-'’])\.?")
# UTF-8 read as Latin-1 or cp1252 ("FranÃ§ois", its lead letter also written A + a combining
# tilde): after a lead letter Â-Å, a byte of 0x80-0xBF that may be no letter stays in the word.
# Used only when the text has one of the two common lead letters (Ã, Â, or A + a combining
# tilde or circumflex), and compiled then (re caches it): few texts need it.
_WORD_MOJIBAKE = (r"[A-Z\u0080-\U0010ffff](?<=[^\W\d_])(?:[\w'’\-\u0300-\u036f]|(?:(?<=[ÂÃÄÅ])|"
                  r"(?<=A[\u0302\u0303\u0308\u030a]))[\u0080-\u009f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf])*"
                  r"(?<![\-'’])\.?")
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’])((?:(?:%s) ){1,3})$" % "|".join(sorted(PARTICLES)))
_SURNAME_END = re.compile(r"(?:[,;:]|\s+(?:said|says|told|added|wrote)\b)")
RESULT_AFTER = re.compile(r"\s+\d{1,3}\b")
# what follows a team in a results line (RESULT_AFTER) or a fixture (BRACKETS), tried first:
# one pattern for both (speed only)
_TEAM_AFTER = re.compile(r"\s+\d|[ \t]{0,2}\(")
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
_QUOTE_OPEN = re.compile(r"(?:[,:]\s*|\s)[“\"]$")
_MARK_OR_BREAK = ("“", "\"", "\n")
# words run together without spaces: a lower-case letter before a capital twice over
# ("McDonald" and "DeSantis" have it once)
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]+[A-Z]")
_ABBREV = {"U. S.", "U. K.", "U. N.", "E. U.", "D. C.", "N. Y.", "L. A."}
_NAMEISH = {"name", "init", "part", "title"}
# "Presidents Reagan and Clinton": the plural of an office title is that title for each
# name after it (read as the singular); weak titles stay out ("Generals", "Chiefs": teams)
_PLURAL_TITLES = {t + "s": t for t in PLAIN_TITLES - WEAK_TITLES if len(t) > 2 and not t.endswith(("s", "y", "man"))}
_ARABIC_ARTICLE = (" al", " el", "(al", "(el", "\nal", "\nel")     # lower case, before a hyphen


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: str          # name, init, caps, part, title, other
    brk: bool = False  # a run may not continue past this token (possessive, full stop)


@dataclass(slots=True)
class Candidate:
    toks: list[Token]        # the name words, titles excluded
    titles: list[Token]
    person: str | None      # the evidence that makes it a person (an Evidence); None undecided
    pre: list[Token]         # capitalised words before the titles ("Home" Secretary)


# their last letter and last two letters (all lower case): a test of one character, then of
# two, before the look-back (a slice costs more than an index: speed only)
_PARTICLE_ENDS = {p[-1] for p in PARTICLES}
_PARTICLE_TAILS = {p[-2:] for p in PARTICLES}


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    # (a search for one character is much faster than for two: the combining mark first, speed only)
    mojibake = "Ã" in text or "Â" in text or ("\u0303" in text or "\u0302" in text) and \
        ("A\u0303" in text or "A\u0302" in text)
    word = re.compile(_WORD_MOJIBAKE) if mojibake else _WORD
    for m in word.finditer(text):
        raw, start = m[0], m.start()
        prev = text[start - 1] if start else " "
        if prev != " " and (prev.isalnum() or prev in "'’"):
            continue
        # (a frequent word is dropped before it is shaped: speed only, the test below decides
        # the same; after a hyphen it may be part of "al-" and goes the long way)
        if raw in _SKIP and prev != "-" and not (out and out[-1].end == start - 1):
            continue
        shape = _shape(raw)
        if shape is None:
            continue
        if shape[5]:
            # page furniture glued on: the first part is kept only as the surname after a first name
            # ("Ann LoFlagShareLikeReply"), never on its own ("Lo FlagShareLikeReply")
            if not (out and out[-1].text in first_names() and text[out[-1].end:start] == " "):
                continue
            raw = raw[:shape[5]]
            shape = _shape(raw)
            if shape is None:
                continue
            shape = (*shape[:2], True, *shape[3:])
        if prev == "-" and text[max(0, start - 4):start - 1] in _ARABIC_ARTICLE:
            start, raw = start - 3, text[start - 3:start] + raw     # "Hassan al-Turabi": one word
            shape = (raw[:3] + shape[0], *shape[1:])
            prev = text[start - 1]
        if raw in _SKIP and not (out and out[-1].end == start - 1 and _common_surname(text, out, start, start + len(raw))):
            continue
        # particles before this word: "Ursula von der Leyen", "said de Silva"
        pm = start > 2 and prev == " " and text[start - 2] in _PARTICLE_ENDS and \
            text[start - 3:start - 1] in _PARTICLE_TAILS and \
            text[start - 5 if start > 5 else 0:start - 1].rpartition(" ")[2] in PARTICLES and \
            _PARTICLES_BEFORE.search(text, max(0, start - 14), start)
        if pm:
            for w in re.finditer(r"\S+", pm.group(1)):
                out.append(Token(pm.start(1) + w.start(), pm.start(1) + w.end(), w.group(), "part"))
        word, kind, brk, core, dot, _ = shape
        if kind == "init" and out and out[-1].kind == "init" and out[-1].text + " " + core + "." in _ABBREV:
            out[-1].kind, kind, brk = "other", "other", brk or dot
        elif kind == "name" and len(core) <= 3 and out and out[-1].kind == "init" and out[-1].end == start:
            out[-1].kind, kind = "other", "other"      # "W.Va", "N.Y"
        # a plural title reads as its singular ("Presidents": "President"), over the whole word
        out.append(Token(start, start + (len(word) if word == raw else len(core)), word, kind, brk))
    return out


@lru_cache(maxsize=1 << 16)
def _shape(raw: str) -> tuple[str, str, bool, str, bool, int] | None:
    """What one capitalised word is, from the word alone: (token text, kind, brk, core,
    dot, glue), or None when it does not start with a capital; glue is where words run
    together cut it (0 when they do not). The same words recur in every article, so this
    is cached."""
    if not raw[0].isupper():
        return None
    glue = not raw[1:].islower() and _GLUED.search(raw)
    if glue:
        return raw, "other", False, raw, False, glue.start() + 2
    brk = False
    dot = raw.endswith(".")
    core = raw[:-1] if dot else raw
    if len(core) > 2 and core[-2:] in ("'s", "’s"):
        core, brk = core[:-2], True
        dot = False
    if ("'" in core or "’" in core) and _CONTRACTION.search(core):
        return core, "other", True, core, dot, 0
    kind = "other"
    word = core
    if core in TITLES and (dot or core not in first_names()):
        kind = "title"
        if dot:
            word = raw
    elif core in _PLURAL_TITLES and core not in first_names():
        kind, word = "title", _PLURAL_TITLES[core]
    elif len(core) == 1:
        kind = "init"                # "George W. Bush", "Mary J Blige"
        if dot:
            word = raw
    elif core in NAME_SUFFIXES:
        kind = "name"
    elif core.isupper():
        kind = "init" if len(core) == 2 and not dot else "caps"
    elif not (core[-1] == "s" and core[:-1].isupper()) and ("-" not in core or _NAME_WORD.fullmatch(core)) \
            and not (core.endswith("-born") and (core[:-5] in DEMONYMS or core[:-5] in PLACES)):
        kind = "name"                # (not "Korean-born": it describes the name after it)
    if dot and kind not in ("title", "init"):
        brk = True          # a full stop after the word ends any name
    return word, kind, brk, core, dot, 0


def _common_surname(text: str, out: list[Token], start: int, end: int) -> bool:
    """"said Al From, who ...": a common word right after a first name, closing the clause, is a surname."""
    prev = out[-1] if out else None
    return bool(prev and prev.kind == "name" and not prev.brk and prev.end == start - 1 and text[prev.end] == " "
                and prev.text in first_names() and text[start:end] not in _NEVER_SURNAME and _SURNAME_END.match(text, end))


def contiguous(text: str, a: Token, b: Token) -> bool:
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


# a nickname in quotes between a first name and the surname: John “Tig” Vetrick
_NICKNAME = re.compile(r"[ \xa0][“\"‘][A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}[”\"’][ \xa0](?=[A-Z])")
_NICK_OPEN = frozenset("“\"‘")


def runs(text: str, toks: list[Token]) -> list[list[Token]]:
    runs, cur = [], []
    it = iter(toks)
    for t in it:
        if t.kind in _NAMEISH:
            if cur and t.start - cur[-1].end <= 3 and contiguous(text, cur[-1], t):
                cur.append(t)
                continue
            if cur and text[t.start - 1] in _NICK_OPEN and cur[-1].kind == "name" and \
                    cur[-1].text in first_names() and (m := _NICKNAME.match(text, cur[-1].end)):
                t = next((u for u in it if u.start >= m.end()), None)     # past the nickname's words
                if t is not None and t.start == m.end() and t.kind in _NAMEISH:
                    cur.append(t)
                    continue
                runs.append(cur)
                cur = [t] if t is not None and t.kind in _NAMEISH else []
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


def split_run(run: list[Token]) -> list[list[Token]]:
    """Split a run at words that never belong to a name ("On Monday Tony Blair")."""
    if len(run) == 1:                    # most runs (the test below, for one word)
        t = run[0]
        return [] if t.kind == "name" and t.text in _BREAKERS and t.text not in first_names() else [run]
    firsts = first_names()
    parts, cur = [], []
    for t in run:
        if t.kind == "name" and t.text in _BREAKERS and t.text not in firsts and \
                not (cur and cur[-1].text in firsts and t is run[-1] and t.text not in _NOT_SURNAME
                     and not t.text.endswith(("s", "ic"))):  # "Peter Such", "Mark Cuban", "David French"
                                                              # (not "Roman Catholic")
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


def candidate(run: list[Token], text: str, sent_start: int) -> Candidate | None:
    firsts = first_names()
    # a title counts as one only when a name follows it ("Larry King" ends in a name)
    last = run[-1]
    if last.kind == "title" and len(run) > 1 and (last.text[-1] != "." or last.text[:-1].lower() not in ABBREVIATED) \
            and (run[-2].kind == "name" or (run[-2].text.rstrip(".") in GENDER_TITLES
                                            or run[-2].text.rstrip(".") == "Dr")
                 and last.text.rstrip(".") not in ADDRESS_TITLES):
        last.kind = "name"               # "Larry King", "Mr King", "Nolan Baron." (not "Lo and Gen.")
        if last.text[-1] == ".":
            last.end, last.brk = last.end - 1, True
        last.text = text[last.start:last.end]      # "Ottawa Senators", not "Senator"
    k = len(run)
    while k and run[k - 1].kind != "name":
        k -= 1
    if not k:
        return None
    if k < len(run):
        run = run[:k]                    # up to the last name
    titles: list[Token] = []
    pre: list[Token] = []
    ti = k - 1                           # the last title
    while ti >= 0 and run[ti].kind != "title":
        ti -= 1
    if ti >= 0:
        j = ti
        while j >= 0 and run[j].kind == "title":
            j -= 1
        titles = run[j + 1:ti + 1]
        first = max(0, j - 1)
        if first and run[first - 1].text in PLACE_START:
            first -= 1                   # "New York City Mayor", not "York City Mayor"
        pre = [t for t in run[first:j + 1] if t.kind == "name"]
        run = run[ti + 1:]
        if len(run) == 1 and any(t.text != text[t.start:t.end] for t in titles) and not _MORE_NAMES.match(text, run[-1].end):
            return None                  # a plural title names several: "Presidents Reagan and Clinton"
    while run and (run[0].kind == "part" or run[0].text[0].islower()):
        run = run[1:]        # "al-Ahram": a particle word starts no name
    if not run:
        return None
    # sentence-initial capitals are often ordinary words ("Trailing by 213, ...")
    head = run[0]
    if not titles and head.kind == "name" and _ordinary_opener(text, sent_start, head):
        run = run[1:]
        if not run:
            return None
    if not titles and glued_descriptor(run, only_openers(text, sent_start, run[0].start)):
        run = run[1:]                    # "Teenager Yuuichi Takeda", "Finn Juha Kankkunen"
    if not titles and len(run) >= 4:
        run = _after_role_noun(run)      # "New York City Public Advocate Trish James"
    if not titles and run[0].text in PLACE_START and not (len(run) == 1 and run[0].text in SURNAME_LIKE):
        return None
    if _after_saint(text, run[0].start):
        return None                      # "St. Louis Cardinals": a place or team, cut after "St."
    # "Mexican Ariel Cruz", "Australia M. Waugh": start at a first name or initial further in
    if len(run) > 2 and (run[0].text not in firsts or run[0].text in DEMONYMS) and run[0].kind == "name":
        for i in range(1, len(run) - 1):
            if run[i].text in firsts or (run[i].kind == "init" and run[i].text.endswith(".") and run[0].text in PLACES):
                run = run[i:]
                break
    run = without_things(run, titles, text)
    if not run or not titles and (run[-1].text in TERM_ENDS or text.startswith(TERM_NEXT, run[-1].end)) and \
            a_term(run, text):
        return None
    return Candidate(run, titles, None, pre)


def one_word(t: Token, text: str, sent_start: int) -> Candidate | None:
    """candidate() for a run of one word, as most runs are: the same tests, those that read
    the word alone answered once per word (speed only)."""
    if t.kind != "name" or _no_name_alone(t.text):
        return None
    if _ordinary_opener(text, sent_start, t) or _after_saint(text, t.start):
        return None
    run = [t]
    if (t.text in TERM_ENDS or text.startswith(TERM_NEXT, t.end)) and a_term(run, text):
        return None
    return Candidate(run, [], None, [])


def _ordinary_opener(text: str, sent_start: int, t: Token) -> bool:
    """A word that has its capital from opening the sentence and that the text also writes
    in lower case, no known first name: an ordinary word ("Trailing by 213, ...")."""
    return t.text not in first_names() and (sent_start >= t.start or text[sent_start] in _OPENERS) and \
        only_openers(text, sent_start, t.start) and _used_lower(text, t.text.lower())


def _after_saint(text: str, s: int) -> bool:
    """Does "St." or "St" stand right before s (the character tests first: speed only)?"""
    return s > 1 and text[s - 2] in ".t" and text[max(0, s - 4):s] in ("St. ", "St ")


@lru_cache(maxsize=1 << 16)
def _no_name_alone(word: str) -> bool:
    """What candidate() says from the word alone when a run is that one word: no name (a
    particle word starts none, a word that starts place names, a firm, place or organisation)."""
    return word[0].islower() or word in PLACE_START and word not in SURNAME_LIKE or \
        not without_things([Token(0, len(word), word, "name")], [], "")


def _after_role_noun(run: list[Token]) -> list[Token]:
    """The name after a capitalised role noun inside a run, which says what the person is
    ("New York City Public Advocate Trish James", "Tarn Valley Reporter Ann Lo"): a full
    name of two words or more; the run itself otherwise."""
    firsts = first_names()
    for i in range(len(run) - 3, 0, -1):
        w = run[i].text
        if w.lower() in ROLE_NOUNS and w not in firsts and w not in SURNAME_LIKE and \
                all(t.kind == "name" for t in run[i + 1:]):
            return run[i + 1:]
    return run


_OPENERS = frozenset(" \"'“‘(")
_MORE_NAMES = re.compile(r"(?:,| and| &) +(?:[A-Z]\.? )*[A-Z]")


def only_openers(text: str, start: int, end: int) -> bool:
    """Only blanks, opening quotes and brackets in text[start:end] (stops at the first other
    character instead of copying a sentence's worth of text)."""
    for i in range(start, end):
        if text[i] not in _OPENERS:
            return False
    return True


def sentence_initial(text: str, tok: Token, sent_starts: list[int]) -> bool:
    i = bisect.bisect_right(sent_starts, tok.start) - 1
    if i >= 0 and only_openers(text, sent_starts[i], tok.start):
        return True
    # a quotation opening mid-sentence starts a sentence of its own: 'tweeting, “Notice Trump'
    # (the mark stands right before the word, or before a line break there: a character
    # test first, speed only)
    return text[tok.start - 1:tok.start] in _MARK_OR_BREAK and \
        bool(_QUOTE_OPEN.search(text, max(0, tok.start - 4), tok.start))


def headline_end(text: str, paras: list[tuple[int, int]]) -> int:
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


def find_candidates(d: Draft) -> None:
    """The candidates pass: every name run, split at words that never belong to a name;
    a name in a results line ("Lech Poznan 2 Widzew Lodz 1") is a team."""
    text = d.text
    d.tokens = tokens(text)
    if not d.tokens:
        return
    d.sent_starts = [s for s, _ in d.sentences] or [0]
    d.headline_end = headline_end(text, d.paragraphs)
    for run in runs(text, d.tokens):
        in_headline = run[0].start < d.headline_end
        for part in split_run(run):
            if in_headline:
                # "Elizabeth Warren Hammers Wells Fargo": the longest start the story repeats
                while len(part) > 2 and text.find(text[part[0].start:part[-1].end], d.headline_end) < 0:
                    part = part[:-1]
            i = bisect.bisect_right(d.sent_starts, part[0].start)
            sent_start = d.sent_starts[i - 1 if i else 0]
            c = one_word(part[0], text, sent_start) if len(part) == 1 else candidate(part, text, sent_start)
            if c and not c.titles and _TEAM_AFTER.match(text, c.toks[-1].end) and (
                    RESULT_AFTER.match(text, c.toks[-1].end) and result_line(text, c.toks[0].start)
                    or text.startswith(BRACKETS, c.toks[-1].end) and in_fixture(text, c.toks[0].start, c.toks[-1].end)):
                d.teams.add(tuple(t.text for t in c.toks))
                continue
            if c and not in_headline and title_case(text, c):
                c = in_title_case(c, text)
            if c:
                d.candidates.append(c)
                d.in_headline.append(in_headline)


# small words a headline in Title Case capitalises and running text does not
_SMALL = frozenset("""The Of On To Be In For And With As At Is Are Than From Over After About Into Why How What
Who A An Not Up By Its His Her Their Was Has Have Will Out""".split())
_SMALL_AFTER = re.compile(r" +(%s) " % "|".join(sorted(_SMALL)))
_SMALL_STARTS = frozenset(w[0] for w in _SMALL) | {" "}     # what _SMALL_AFTER can have second
_WORD_BEFORE = re.compile(r"(?:^|[^\n])\b([A-Z][a-z]*) +$")


def title_case(text: str, c: Candidate) -> bool:
    """Does the run stand in a stretch of Title Case, a headline quoted or run into the text
    ("More Important Than Electing Obama", "Hillary Clinton Put On The Defensive")? A small
    word capitalised mid-sentence next to it or inside it says so."""
    start, end = (c.titles or c.toks)[0].start, c.toks[-1].end
    if len(c.toks) > 2 and any(t.text in _SMALL for t in c.toks[1:-1]):
        return True
    # (the character tests first, the rarest first: speed only, most runs have no capital word
    # beside them)
    if end + 1 < len(text) and text[end + 1] in _SMALL_STARTS and text[end] == " " and _SMALL_AFTER.match(text, end):
        return True
    # (no capital in the 8 characters before: no word before can match, speed only)
    lo = start - 8 if start > 8 else 0
    if not start or text[start - 1] != " " or text[lo:start].islower():
        return False
    m = _WORD_BEFORE.search(text, lo, start)
    return bool(m and m.group(1) in _SMALL and not only_openers(text, max(0, m.start(1) - 1), m.start(1))
                and text[max(0, m.start(1) - 2):m.start(1)].strip() not in (".", "!", "?"))


def in_title_case(c: Candidate, text: str) -> Candidate | None:
    """A run in Title Case names someone only from a known first name on, up to the surname:
    "Hillary Clinton Put" is Hillary Clinton, "Hillary Will" (a word the text writes in lower
    case) is Hillary, "Important Than Electing Obama" is no one."""
    toks = c.toks
    if not c.titles and not is_first(toks[0].text):
        return None
    names = [i for i, t in enumerate(toks) if t.kind == "name"]
    if len(names) > 1:
        toks = toks[:names[1] + 1]
        if len(toks) == 2 and _used_lower(text, toks[1].text.lower()):
            toks = toks[:1]
    c.toks = toks
    return c
