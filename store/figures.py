"""Figures: money, percentages, counts and durations, with normalised values.

One scan finds every number (digits or words); each is then read from its context:
a currency before it or a currency word after it makes money, "%" or "per cent" a
percentage, a time unit a duration, anything else a count. Years, dates, times, ages,
ordinals, scores, phone and list numbers and numbers that are part of a name ("Radio 4",
"BBC Two") are left out. A range ("8-10%", "between 5 and 10 per cent") gives two figures
that share the unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Figure
from .numbers import SCALES, WORD_RUN, words_value

_DIGITS = r"(?<![\w.,'’])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
CORE = re.compile(rf"(?P<d>{_DIGITS})|(?P<w>{WORD_RUN})", re.I)

# Letters written straight after digits: scales ("£1.6bn", "10m"), pence, percent, ordinals,
# decades, clock times. Any other letters make the token a code or a name ("G7", "7.64secs").
_SUFFIX = re.compile(r"(bn|mn|trn|tn|m|k|b|p|st|nd|rd|th|s|am|pm|a\.m\.|p\.m\.)(?![A-Za-z])|%", re.I)
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
_SCALE_WORD = re.compile(r"(?:[ \t]+|-)(thousand|million|billion|trillion)\b", re.I)

_PERCENT = re.compile(r"[ \t]?%|[ \t]+(?:per[ \t]?cent|percent|percentage[ \t]+points?|pc)\b", re.I)

_CURRENCY_BEFORE = re.compile(r"(?:\b(US|A|C|HK|NZ|S)\$|([£$€¥₹]))[ \t]?$")
_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"}
_DOLLAR_PREFIX = {"US": "USD", "A": "AUD", "C": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD"}
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "francs": "CHF",
}
_DOLLAR_NATIONS = {"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                   "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD"}
_CURRENCY_AFTER = re.compile(
    r"[ \t]+(?:(euro|us|american|australian|canadian|hong kong|new zealand|singapore)[ \t]+)?"
    r"(cents?|pence|" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")\b(?![ \t]+of\b)",
    re.I,
)

_TIME_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
    "century": "century", "centurie": "century",
}
_TIME = re.compile(r"(?:[ \t]+|-)(second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?\b", re.I)
_AGE_AFTER = re.compile(r"(?:-|[ \t]+)(?:old|of[ \t]+age)\b", re.I)
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
# Hyphen compounds that count nothing: "two-thirds", "three-time", "one-off", "two-way".
_NOT_COUNTED = {
    "time", "times", "way", "fold", "off", "figure", "figures", "digit", "digits", "nil", "all",
    "plus", "odd", "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
    "sixth", "sixths", "eighth", "eighths", "tenth", "tenths", "hundredth", "hundredths",
    "something", "somethings", "year", "years", "old",
}

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_MONTH_BEFORE = re.compile(_MONTHS + r"\.?[ \t]+$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?" + _MONTHS + r"\b")
_CLOCK_AFTER = re.compile(r"(?::\d\d|[ \t]*(?:GMT|BST|UTC|CET|EST|EDT|CST|PST|ET|PT|hrs|o'clock|"
                          r"a\.m\.|p\.m\.|am|pm)\b|[ \t]+local[ \t]+time\b)")
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)[ \t]+$", re.I)
# Words before a number that make it a label, not an amount: "No 10", "page 3", "Radio 4".
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|page|pages|pp?|chapter|section|article|clause|paragraph|rule|flight|"
    r"room|platform|junction|route|gate|level|grade|phase|tier|category|version|season|episode|"
    r"series|vol|volume|part|act|scene|bill|question|item|step|figure|table|model|size|type|"
    r"channel|division|highway|interstate|road|street|avenue|unit|block|ward|district|lot|case|"
    r"exhibit|league|row|seat|track|windows)\.?[ \t]*|#[ \t]*)$",
    re.I,
)
_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’.&-]*)[ \t]+$")
_EVENTS = re.compile(r"[ \t]+(?:hurdles|race|sprint|dash|relay|freestyle|backstroke|breaststroke|"
                     r"butterfly|medley|run|swim|walk|final|heat|record)\b", re.I)

_QUALIFIER_BEFORE = re.compile(
    r"\b(just over|just under|just below|just above|well over|well under|well above|well below|"
    r"more than|less than|fewer than|up to|at least|at most|close to|as many as|as much as|"
    r"as few as|as little as|in excess of|upwards of|an estimated|only about|about|around|"
    r"almost|nearly|over|under|some|roughly|approximately|above|below|within|only|estimated|"
    r"barely|approx\.)[ \t]+$",
    re.I,
)

# Words that end the noun phrase after a figure.
_STOP = set("""
a an the this that these those its it his her their our your my of to from by in on at for
with without into onto over under about around after before since during until than as and
or but nor so yet if while when where which who whom whose what why how is are was were be
been being am has have had do does did will would shall should can could may might must
said says say told tell according per each every all some any more most less few ago earlier
later last next up down out off then there here also just only still even not no
""".split())
_NP_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)")
_OF_DET = re.compile(r"[ \t]+of(?:[ \t]+(?:the|its|their|his|her|our|these|those|which))?(?=[ \t])", re.I)


@dataclass
class _Read:
    start: int              # with qualifier and currency
    num_start: int
    num_end: int            # end of the number and its scale
    end: int                # with the unit written after it
    value: float
    kind: str | None        # None: not a figure
    unit: str | None = None
    qualifier: str | None = None
    about: str | None = None
    currency: str | None = None
    bare: bool = False      # a plain number with nothing written around it
    scale: float = 1.0


def find_figures(text: str, sents: list[tuple[int, int]]) -> list[Figure]:
    starts = _sentence_starts(text, sents)
    reads: list[_Read] = []
    pos = 0
    while m := CORE.search(text, pos):
        r = _read(text, m, starts)
        pos = r.end if r else m.end()
        if r:
            reads.append(r)
    _join_ranges(text, reads)
    return [
        Figure(start=r.start, end=r.end, text=text[r.start:r.end], kind=r.kind, value=r.value,
               unit=r.unit, qualifier=r.qualifier, about=r.about)
        for r in reads if r.kind
    ]


def _sentence_starts(text: str, sents: list[tuple[int, int]]) -> set[int]:
    """Offsets of the first word of each sentence (after any opening quote or bracket)."""
    out = set()
    for s, e in sents:
        while s < e and not text[s].isalnum():
            s += 1
        out.add(s)
    return out


def _read(text: str, m: re.Match, starts: set[int]) -> _Read | None:
    s = m.start()
    if m.group("d"):
        e = m.end()
        raw = m.group("d")
        value = float(raw.replace(",", ""))
        plain_int = raw.isdigit()
    else:
        parsed = words_value(m.group("w"))
        if not parsed:
            return None
        value, length = parsed
        e = s + length
        raw = text[s:e]
        plain_int = False
        if raw[0].isupper() and s not in starts and not _after_opening(text, s):
            return _skip(s, e)           # part of a name: "BBC Two", "Guildford Four"
        if raw.lower() in ("a", "an"):
            return None
    r = _Read(start=s, num_start=s, num_end=e, end=e, value=value, kind="count")
    before = text[max(0, s - 40):s]

    # letters straight after digits
    pence = False
    if m.group("d") and e < len(text) and (text[e].isalpha() or text[e] == "%"):
        suf = _SUFFIX.match(text, e)
        if not suf:
            return _skip(s, e)
        word = suf.group().lower()
        if word in _SUFFIX_SCALE:
            r.scale = _SUFFIX_SCALE[word]
            r.num_end = r.end = e = suf.end()
        elif word == "p":
            pence = True
            r.end = suf.end()
        elif word == "%":
            pass
        else:                           # ordinal, decade, clock time
            return _skip(s, suf.end())
    elif m.group("d"):
        sw = _SCALE_WORD.match(text, e)
        if sw:
            r.scale = SCALES[sw.group(1).lower()]
            r.num_end = r.end = e = sw.end()

    # currency and qualifier before
    cur = _CURRENCY_BEFORE.search(before)
    if cur:
        r.currency = _DOLLAR_PREFIX[cur.group(1)] if cur.group(1) else _SYMBOLS[cur.group(2)]
        r.start = s - (len(before) - cur.start())
        before = before[:cur.start()]
    q = _QUALIFIER_BEFORE.search(before)
    if q:
        r.qualifier = q.group(1).lower()
        r.start -= len(before) - q.start()

    # what is written after the number
    if pence:
        if r.currency:
            return _skip(s, r.end)
        r.kind, r.unit, r.value, r.scale = "money", "GBP", value / 100, 0.01
        return _finish(text, r)
    if r.scale in (1e3, 1e9) and not r.currency and text[e - 1] in "kKbB":
        return _skip(s, e)              # "5k run": these scales only follow a currency
    value = r.value = value * r.scale

    if p := _PERCENT.match(text, e):
        r.kind, r.end = "percent", p.end()
        r.unit = "percentage points" if "point" in p.group().lower() else "%"
        return _finish(text, r)
    if r.currency:
        r.kind, r.unit = "money", r.currency
        return _finish(text, r)
    if c := _CURRENCY_AFTER.match(text, e):
        nation, word = (c.group(1) or "").lower(), c.group(2).lower()
        r.end, r.kind = c.end(), "money"
        if word in ("cent", "cents", "pence"):
            r.value, r.scale = value / 100, r.scale / 100
            r.unit = "EUR" if nation == "euro" else "GBP" if word == "pence" else "USD"
        elif word.startswith("dollar") and nation:
            r.unit = _DOLLAR_NATIONS.get(nation, "USD")
        else:
            r.unit = _CURRENCY_WORDS[word]
            if nation and nation != "euro":
                r.end = c.start() + c.group().lower().index(word) + len(word)
        return _finish(text, r)
    if t := _TIME.match(text, e):
        if _AGE_AFTER.match(text, t.end()):
            return _skip(s, t.end())    # "45-year-old", "45 years old"
        if _AGE_BEFORE.search(before):
            return _skip(s, t.end())
        r.kind, r.unit, r.end = "duration", _TIME_UNITS[t.group(1).lower()], t.end()
        if text[e] == "-":
            r.about = _noun_phrase(text, r.end)
        return _finish(text, r, about=False)

    # a plain count: rule out everything that only looks like one
    if r.value in (0, 1) and r.scale == 1:
        return _skip(s, e)              # "one of them", "0-0": counts of one are not figures
    if _AGE_BEFORE.search(before) or _LABEL_BEFORE.search(before):
        return _skip(s, e)
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, e) or _CLOCK_AFTER.match(text, e):
        return _skip(s, e)
    if m.group("d") and r.scale == 1:
        if _not_an_amount(text, s, e, raw, plain_int, before, starts):
            return _skip(s, e)
        if r.qualifier is None and re.search(r"[ \t]\d$", before) or re.match(r"[ \t]\d", text[e:e + 2]):
            return _skip(s, e)          # groups of digits: a phone or account number
    if r.scale == 1e6 and _EVENTS.match(text, e) and text[e - 1] in "mM":
        return _skip(s, e)              # "60m hurdles": metres
    if h := _HYPHEN_WORD.match(text, e):
        word = h.group(1).lower()
        if word in _NOT_COUNTED:
            return _skip(s, h.end())
        r.end, r.unit = h.end(), word
        r.about = _noun_phrase(text, r.end)
        return _finish(text, r, about=False)
    r.bare = True
    r.unit = _noun_phrase(text, e)
    return _finish(text, r, about=False)


def _not_an_amount(text, s, e, raw, plain_int, before, starts) -> bool:
    """Digits that are a year, a clock time, a code, a label or an age."""
    if before.endswith(("/", "-")) and re.search(r"[A-Za-z/]-?$|\d/$", before):
        return True                     # "Covid-19", "F-16", "24/7"
    if text[e:e + 1] == "/" or text[e:e + 1] == ":":
        return True
    if plain_int:
        n = int(raw)
        if len(raw) > 1 and raw[0] == "0":
            return True                 # "0100 GMT", phone numbers
        if len(raw) == 4 and 1000 <= n <= 2099:
            return True                 # a year
        if len(raw) == 4 and n % 100 < 60 and n // 100 < 24:
            return True                 # "2340": a clock time
        w = _NAME_WORD_BEFORE.search(before)
        word_start = s - len(before) + w.start(1) if w else 0
        if w and word_start not in starts and not _after_opening(text, word_start):
            return True                 # "Radio 4", "Apollo 11"
        if re.search(r"\b[A-Z][\w'’.-]*,[ \t]*$", before) and text[e:e + 1] == ",":
            return True                 # "Scholl, 21, was": an age
        if before.endswith("(") and text[e:e + 1] == ")":
            return True                 # "(21)", "(3)"
        if _after_opening(text, s) and text[s - 1:s] in ("", "\n", " ", "\t") \
                and re.match(r"[.)][ \t]", text[e:e + 2]):
            return True                 # "1. " at the start of a line: a list number
    return False


def _after_opening(text: str, s: int) -> bool:
    """A capital just after an opening quote, bracket or colon starts a phrase."""
    i = s - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\"“‘'(:\n—–"


def _skip(s: int, e: int) -> _Read:
    return _Read(start=s, num_start=s, num_end=e, end=e, value=0.0, kind=None)


def _finish(text: str, r: _Read, about: bool = True) -> _Read:
    if about:
        r.about = _noun_phrase(text, r.end)
    return r


def _noun_phrase(text: str, pos: int) -> str | None:
    """The few words after a figure that name what it measures: "£1.6bn of export finance"
    gives "export finance", "5,000 air defence missiles, to be made" "air defence missiles"."""
    if of := _OF_DET.match(text, pos):
        pos = of.end()
    words: list[str] = []
    end = pos
    while len(words) < 4 and (w := _NP_WORD.match(text, end)):
        word = w.group(1)
        low = word.lower()
        if low in _STOP or (words and low.endswith("ing") and not word[0].isupper()):
            break
        words.append(word)
        end = w.end()
    return " ".join(words) or None


_RANGE_JOIN = re.compile(r"[ \t]*(?:[-–]|to)[ \t]*|[ \t]+and[ \t]+", re.I)
_BETWEEN = re.compile(r"\bbetween[ \t]+$", re.I)


def _join_ranges(text: str, reads: list[_Read]) -> None:
    """Two numbers joined by "-", "to" or "between ... and" share a unit: "8-10%",
    "5 to 10 years", "between 5 and 10 per cent", "$5-10m". Two bare numbers joined by a
    dash are a score ("2-1"), and a number joined to an age or a year is one too."""
    for a, b in zip(reads, reads[1:]):
        if a.end > b.start or not _RANGE_JOIN.fullmatch(text, a.end, b.start):
            continue
        gap = text[a.end:b.start].strip().lower()
        if gap == "and" and not _BETWEEN.search(text, max(0, a.start - 10), a.start):
            continue
        if a.kind is None or b.kind is None:
            if b.bare:
                b.kind = None           # "aged 18 to 24", "2002-2004"
            continue
        if a.bare and b.bare:
            if gap in ("-", "–"):
                a.kind = b.kind = None  # a score
        elif a.bare:
            a.kind, a.unit, a.about, a.bare = b.kind, b.unit, None, False
            if a.scale == 1:
                a.value, a.scale = a.value * b.scale, b.scale
        elif b.bare and a.kind == "money":
            b.kind, b.unit, b.about, b.bare = "money", a.unit, None, False
            if a.scale == 1:
                a.value, a.scale = a.value * b.scale, b.scale
