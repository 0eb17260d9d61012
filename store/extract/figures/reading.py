"""Reading one number with what is written around it. read_figure() takes the steps in
order, and each step either finishes the reading or leaves it to the next:

1. the number itself: digits ("5,000", "2.5") or number words ("twenty-five", "a dozen"),
   with "and a half";
2. letters straight after digits: a scale ("£1.6bn", "10m"), pence ("50p"), "%" or "pc";
   or a scale word ("2 million");
3. what is written before it: a currency ("£", "US$", "EUR") and a qualifier ("more than");
4. what is written after it, which decides the kind: a percentage, money (a currency before
   it or a currency word after it), a duration (a time unit), else a count;
5. a count is checked against everything that only looks like one (filters.py), and takes
   the thing counted as its unit ("5,000 air defence missiles").

A number that is no figure is still returned, as a Reading with kind None, so that its span
is passed over and ranges.py sees it ("aged 18 to 24").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.figures.about import noun_phrase, plural, set_about
from store.extract.figures.filters import age_before, any_of, not_a_count, part_of_name
from store.extract.figures.numbers import SCALES, WORD_RUN, words_value
from store.extract.figures.positions import word_start

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?")
_WORD_RUN = re.compile(WORD_RUN, re.I)
_BIG = ("hundred", "thousand", "million", "billion", "trillion", "dozen")

# Letters written straight after digits: scales ("£1.6bn", "10m"), pence, percent, ordinals,
# decades, clock times. Any other letters make the token a code or a name ("G7", "7.64secs").
_SUFFIX = re.compile(r"(bn|bln|mn|mln|trn|tn|m|k|b|p|pc|st|nd|rd|th|s|am|pm|a\.m\.|p\.m\.)(?![A-Za-z])|%", re.I)
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
                 "tn": 1e12, "trn": 1e12}
_SCALES = {**SCALES, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12}
_AND_HALF = re.compile(r"(?:[ \t\u00a0]+|-)and(?:[ \t\u00a0]+|-)a(?:[ \t\u00a0]+|-)half\b", re.I)
_SCALE_WORD = re.compile(r"(?:[ \t\u00a0]+|-)(thousand|million|billion|trillion|mln|bn|bln|tn)\b", re.I)

_PERCENT = re.compile(r"[ \t\u00a0]?%|[ \t\u00a0]+(?:per[ \t\u00a0]?cent|percent|percentage[ \t\u00a0]+points?|pc|pct)\b", re.I)

_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"}
_DOLLAR_PREFIX = {"US": "USD", "A": "AUD", "C": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD"}
_ISO_CODES = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "CNY": "CNY",
              "INR": "INR", "AUD": "AUD", "CAD": "CAD"}
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "francs": "CHF", "dlrs": "USD", "stg": "GBP",
}
_DOLLAR_NATIONS = {"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                   "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD"}
# Currency words are lower case: "six Euro ties" is a football tournament.
_CURRENCY_AFTER = re.compile(
    r"(?:[ \t\u00a0]+|-)(?:((?i:euro|us|american|australian|canadian|hong kong|new zealand|singapore))[ \t\u00a0]+)?"
    r"(cents?|pence|" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")\b(?![ \t\u00a0]+of\b)",
)

# Time units are lower case: in "May 24 Second one-day international", "Second" is an ordinal.
_TIME = re.compile(r"(?:[ \t\u00a0]+|-)(second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?\b")
# a percentage, a currency word or a time unit after the number (most numbers have none)
_UNIT_AFTER = any_of(_PERCENT, _CURRENCY_AFTER, _TIME)
_AGE_AFTER = re.compile(r"(?:-|[ \t\u00a0]+)(?:old|of[ \t\u00a0]+age)\b", re.I)

_QUALIFIERS = {
    "just over", "just under", "just below", "just above", "well over", "well under",
    "well above", "well below", "more than", "less than", "fewer than", "up to", "at least",
    "at most", "close to", "as many as", "as much as", "as few as", "as little as",
    "in excess of", "upwards of", "an estimated", "only about", "about", "around", "almost",
    "nearly", "over", "under", "some", "roughly", "approximately", "above", "below", "within",
    "only", "estimated", "barely", "approx.",
}
_QUALIFIER_ENDS = {q.split(" ")[-1] for q in _QUALIFIERS}

_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
# Hyphen compounds that count nothing: "two-thirds", "three-time", "one-off", "two-way".
_NOT_COUNTED = {
    "time", "times", "way", "fold", "off", "figure", "figures", "digit", "digits", "nil", "all",
    "plus", "odd", "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
    "sixth", "sixths", "eighth", "eighths", "tenth", "tenths", "hundredth", "hundredths",
    "something", "somethings", "year", "years", "old", "and", "to", "under", "over",
}


@dataclass
class Reading:
    """One number as read so far. Offsets: start <= num_start < num_end <= end. Made
    positionally (start, num_start, num_end, end, value, kind) below: that is quicker, and
    a reading is made for every number in the text."""
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
    bare: bool = False      # a plain count with nothing written around it
    scale: float = 1.0
    raw: str = ""           # the digits or number words as written, without scale or "and a half"
    pence: bool = False     # "p" written straight after the digits: "50p"


def skip(s: int, e: int) -> Reading:
    """The span of a number that is no figure."""
    return Reading(s, s, e, e, 0.0, None)


def read_figure(text: str, s: int, is_digits: bool, starts: set[int]) -> Reading | None:
    """The number starting at s (digits when is_digits, else a number word) read with what
    is written around it; None when no number starts there. starts: sentence starts."""
    if is_digits:
        r = _read_digits(text, s)
        if r is None:
            return None
        e = r.num_end
        if e < len(text) and (text[e].isalpha() or text[e] == "%"):
            if done := _letters_after_digits(text, r):
                return done
        elif sw := _SCALE_WORD.match(text, e):
            r.scale = _SCALES[sw.group(1).lower()]     # "2 million"
            r.num_end = r.end = sw.end()
    else:
        r = _read_words(text, s, starts)
        if r is None or r.kind is None:
            return r
    words, low_words, attached = _read_before(text, r)
    if r.pence:
        return _pence(text, r)
    e = r.num_end
    if r.scale in (1e3, 1e9) and not r.currency and text[e - 1] in "kKbB":
        return skip(r.num_start, e)    # "5k run": these scales only follow a currency
    r.value = r.value * r.scale
    # what is written after the number decides its kind
    unit = _UNIT_AFTER.match(text, e)
    if unit and (p := _PERCENT.match(text, e)):
        r.kind, r.end = "percent", p.end()
        r.unit = "percentage points" if "point" in p.group().lower() else "%"
        return set_about(text, r)
    if r.currency:
        r.kind, r.unit = "money", r.currency
        return set_about(text, r)
    if unit and (c := _CURRENCY_AFTER.match(text, e)):
        return _currency_after(text, r, c)
    if unit and (t := _TIME.match(text, e)):
        return _duration(text, r, t, low_words)
    if not_a_count(text, r, is_digits, words, low_words, attached, starts):
        return skip(r.num_start, e)
    return _count(text, r)


def _read_digits(text: str, s: int) -> Reading | None:
    """Digits ("5,000", "2.5") and "and a half"; None inside a code or another number."""
    if s and (text[s - 1].isalnum() or text[s - 1] in "_@.,:'’"):
        return None                     # inside a code or another number: "G7", "1.2.3"
    m = _DIGITS.match(text, s)
    e = m.end()
    raw = m.group()
    value = float(raw.replace(",", ""))
    if half := _AND_HALF.match(text, e):
        value, e = value + 0.5, half.end()   # "2 and a half years"
    return Reading(s, s, e, e, value, "count", raw=raw)


def _read_words(text: str, s: int, starts: set[int]) -> Reading | None:
    """Number words ("twenty-five", "a dozen", "one and a half million"); None when the
    words make no number, a skip when they are part of a name."""
    s = _a_before(text, s)
    m = _WORD_RUN.match(text, s)
    parsed = words_value(m.group()) if m else None
    if not parsed:
        return None
    value, length = parsed
    e = s + length
    raw = text[s:e]
    if part_of_name(text, s, raw, starts):
        return skip(s, e)               # "BBC Two", "Guildford Four"
    half = _AND_HALF.match(text, e)
    if half:
        value, e = value + 0.5, half.end()   # "two and a half years"
    r = Reading(s, s, e, e, value, "count", raw=raw)
    if half and (sw := _SCALE_WORD.match(text, e)):
        r.scale = _SCALES[sw.group(1).lower()]   # "one and a half million"
        r.num_end = r.end = sw.end()
    return r


def _a_before(text: str, s: int) -> int:
    """Move the start of a number word back over "a", "an" or "half a" when it is a big
    word: "a dozen", "half a million"."""
    if not text[s:s + 8].lower().startswith(_BIG):
        return s
    m = re.search(r"(?:\b(?:half[ \t\u00a0]+)?an?[ \t\u00a0]+)$", text[max(0, s - 10):s], re.I)
    return s - len(m.group()) if m else s


def _letters_after_digits(text: str, r: Reading) -> Reading | None:
    """Letters or "%" written straight after digits: a scale ("£1.6bn", "10m"), pence ("50p"),
    per cent ("5%", "5pc"). Returns the reading when that finishes it: "5pc", or a number that
    is no figure ("1st", "1960s", "10am", "G7"); None to read on."""
    e = r.num_end
    suffix = _SUFFIX.match(text, e)
    if not suffix:
        return skip(r.num_start, e)
    word = suffix.group().lower()
    if word in _SUFFIX_SCALE:
        r.scale = _SUFFIX_SCALE[word]
        r.num_end = r.end = suffix.end()
    elif word == "p":
        r.pence, r.end = True, suffix.end()
    elif word == "pc":                  # "5pc": per cent
        r.kind, r.unit, r.end = "percent", "%", suffix.end()
        return set_about(text, r)
    elif word != "%":                   # ordinal, decade, clock time
        return skip(r.num_start, suffix.end())
    return None


def _read_before(text: str, r: Reading) -> tuple[list[str], list[str], str]:
    """Reads a currency ("£", "US$", "EUR") and a qualifier ("more than") written before the
    number into r, moving r.start back over them. Returns the up to four words before the
    number (not counting a currency code), the same lower-cased without the qualifier, and
    what is written straight before it with no blank between (after taking a symbol off)."""
    s = r.num_start
    before = text[max(0, s - 48):s]
    words = before.rsplit(None, 4)[-4:]     # (the last four words: as split(), with fewer strings made)
    attached = words.pop() if words and not before[-1].isspace() else ""
    if attached and attached[-1] in _SYMBOLS:
        prefix = re.search(r"(?<![A-Za-z])(?:US|A|C|HK|NZ|S)$", attached[:-1]) if attached[-1] == "$" else None
        if prefix:
            r.currency, r.start = _DOLLAR_PREFIX[prefix.group()], s - 1 - len(prefix.group())
        elif len(attached) == 1 or not attached[-2].isalnum():
            r.currency, r.start = _SYMBOLS[attached[-1]], s - 1
        attached = attached[:len(attached) - (s - r.start)]
    if attached:
        words = []
    elif words and words[-1] in _ISO_CODES and not r.currency:
        r.currency, r.start = _ISO_CODES[words[-1]], word_start(text, s, 1)   # "EUR 5m"
        words.pop()
    low_words = [w.lower() for w in words]
    for k in (3, 2, 1) if low_words and low_words[-1] in _QUALIFIER_ENDS else ():
        if len(words) >= k and " ".join(low_words[-k:]) in _QUALIFIERS:
            r.qualifier = " ".join(low_words[-k:])
            r.start = word_start(text, r.start, k)
            low_words = low_words[:-k]
            break
    return words, low_words, attached


def _pence(text: str, r: Reading) -> Reading:
    """"50p": pence, unless a currency is written before it too."""
    if r.currency:
        return skip(r.num_start, r.end)
    r.kind, r.unit, r.value, r.scale = "money", "GBP", r.value / 100, 0.01
    return set_about(text, r)


def _currency_after(text: str, r: Reading, c: re.Match) -> Reading:
    """Money with its currency written after it: "120.7m euros", "50 cents", "5 US dollars"."""
    nation, word = (c.group(1) or "").lower(), c.group(2).lower()
    r.end, r.kind = c.end(), "money"
    if word in ("cent", "cents", "pence"):
        r.value, r.scale = r.value / 100, r.scale / 100
        r.unit = "EUR" if nation == "euro" else "GBP" if word == "pence" else "USD"
    elif word.startswith("dollar") and nation:
        r.unit = _DOLLAR_NATIONS.get(nation, "USD")
    elif word.startswith("pound") and r.value < 1000:
        return skip(r.num_start, c.end())    # "weighs 236 pounds": a weight; "5m pounds" is money
    else:
        r.unit = _CURRENCY_WORDS[word]
        if nation and nation != "euro":
            r.end = c.start() + c.group().lower().rindex(word) + len(word)
    return set_about(text, r)


def _duration(text: str, r: Reading, t: re.Match, low_words: list[str]) -> Reading:
    """A number followed by a time unit (t): "48 hours", "a one-month truce"; but not an age
    ("45-year-old", "aged 45 years"), a race time ("9.86 seconds") or "one day"."""
    e = r.num_end
    if age_before(low_words) or _AGE_AFTER.match(text, t.end()):
        return skip(r.num_start, t.end())    # "45-year-old", "45 years old", "aged 45 years"
    unit = t.group(1).lower().replace("centurie", "century")
    if unit == "second" and "." in r.raw:
        return skip(r.num_start, t.end())    # "9.86 seconds": a race time, a result like a score
    if r.value == 1 and unit == "day" and text[e] != "-" and not r.qualifier:
        return skip(r.num_start, t.end())    # "one day" is mostly "some day"
    r.kind, r.unit, r.end = "duration", unit, t.end()
    if text[e] == "-":
        r.about = noun_phrase(text, r.end)   # "one-month truce"
    return r


def _count(text: str, r: Reading) -> Reading:
    """A plain count (filters.py has ruled out what only looks like one). Its unit is the
    thing counted: the word after a hyphen ("40-strong") or the noun phrase after it
    ("5,000 air defence missiles")."""
    s, e = r.num_start, r.num_end
    if h := _HYPHEN_WORD.match(text, e):
        word = h.group(1).lower()
        if word in _NOT_COUNTED:
            return skip(s, h.end())
        r.end, r.unit = h.end(), word   # "40-strong", "25-member"
        r.about = noun_phrase(text, r.end)
        return r
    r.bare = True
    r.unit = noun_phrase(text, e)
    if text[e - 1] in "mM" and r.scale == 1e6 and not (r.unit and plural(r.unit.split()[-1].lower())):
        return skip(s, e)               # "the 400m title": metres; "3m viewers" is a count
    return r
