"""Figures: money, percentages, counts and durations, with normalised values.

Every number (digits or words) is read from its context: a currency before it or a
currency word after it makes money, "%" or "per cent" a percentage, a time unit a
duration, anything else a count. Years, dates, clock times, ages, ordinals, scores, phone
and list numbers, counts of one and numbers that are part of a name ("Radio 4", "BBC Two")
are left out. A range ("8-10%", "between 5 and 10 per cent") gives two figures sharing
the unit. The text of a figure keeps a leading qualifier ("more than 5,000") and the
written unit of money, percentages and durations ("120.7m euros", "48 hours"), but not
the thing counted ("5,000" of "5,000 air defence missiles": that becomes the unit).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from store.model import Figure
from store.extract.figures.numbers import SCALES, WORD_RUN, WORDS, words_value

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?")
_DIGIT_RUN = re.compile(r"\d[\d,.]*")     # a cheap first pass; _DIGITS reads the number
_WORD_RUN = re.compile(WORD_RUN, re.I)
# Number words are found with str.find on the lower-cased text: several times faster
# than one regex alternation tried at every word.
_FIND_WORDS = sorted(WORDS, key=len, reverse=True)
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
_AGE_AFTER = re.compile(r"(?:-|[ \t\u00a0]+)(?:old|of[ \t\u00a0]+age)\b", re.I)
_NOT_OUT = re.compile(r"[ \t\u00a0]+not[ \t\u00a0]+out\b")   # cricket: "80 not out"
_TIMES = re.compile(r"[ \t\u00a0]+times\b", re.I)
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
# Hyphen compounds that count nothing: "two-thirds", "three-time", "one-off", "two-way".
_NOT_COUNTED = {
    "time", "times", "way", "fold", "off", "figure", "figures", "digit", "digits", "nil", "all",
    "plus", "odd", "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
    "sixth", "sixths", "eighth", "eighths", "tenth", "tenths", "hundredth", "hundredths",
    "something", "somethings", "year", "years", "old", "and", "to", "under", "over",
}

_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
           "Sep", "Sept", "Oct", "Nov", "Dec"}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(" + "|".join(_MONTHS) + r")\b")
_CLOCK_AFTER = re.compile(r":\d\d|[ \t\u00a0]*(?:(?:GMT|BST|UTC|CET|EST|EDT|CST|PST|ET|PT|hrs|o['’]clock|am|pm)\b"
                          r"|[ap]\.m\.)|[ \t\u00a0]+local[ \t\u00a0]+time\b")
_ADDRESS_AFTER = re.compile(r"(?:[ \t\u00a0]+[A-Z0-9][\w.]*){1,3}[ \t\u00a0]+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
                            r"Lane|Drive|Place|Square)\b")
_PRONOUN_AFTER = re.compile(r",?[ \t\u00a0]+(?:he|she|they|I)\b")
_AGE_WORDS = {"aged", "age", "ages", "who is", "who was", "who turns", "who turned"}
# Words before a number that make it a label, not an amount: "No 10", "page 3".
_LABELS = set("""
no nos number page pages p pp chapter section article clause paragraph rule flight room
platform junction route gate level grade phase tier category version season episode series
vol volume part act scene bill question item step figure table model size type channel
division highway interstate road street avenue unit block ward district lot case exhibit
league row seat track top par
""".split())
_ISO_CODES = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "CNY": "CNY",
              "INR": "INR", "AUD": "AUD", "CAD": "CAD"}
# After "60m" these make it metres, not millions: "60m hurdles", "a 10m-high wall".
_METRES = re.compile(r"(?:[ \t\u00a0]+|-)(?:hurdles|race|sprint|dash|relay|freestyle|backstroke|breaststroke|"
                     r"butterfly|medley|run|swim|walk|final|heat|record|high|long|wide|deep|tall|away|"
                     r"below|above)\b", re.I)
_QUALIFIERS = {
    "just over", "just under", "just below", "just above", "well over", "well under",
    "well above", "well below", "more than", "less than", "fewer than", "up to", "at least",
    "at most", "close to", "as many as", "as much as", "as few as", "as little as",
    "in excess of", "upwards of", "an estimated", "only about", "about", "around", "almost",
    "nearly", "over", "under", "some", "roughly", "approximately", "above", "below", "within",
    "only", "estimated", "barely", "approx.",
}
_QUALIFIER_ENDS = {q.split(" ")[-1] for q in _QUALIFIERS}

# Words that end the noun phrase after a figure.
_STOP = set("""
a an the this that these those its it his her their our your my of to from by in on at for
with without into onto over under about around after before since during until than as and
or but nor so yet if while when where which who whom whose what why how is are was were be
been being am has have had do does did will would shall should can could may might must
said says say told tell according per each every all some any more most less few ago earlier
later last next up down out off then there here also just only still even not no soon
between against among amid despite including following via across through toward towards
worth ahead behind clear apiece
""".split())
_NP_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z'’-]*)")
_OF_DET = re.compile(r"[ \t\u00a0]+of(?:[ \t\u00a0]+(?:the|its|their|his|her|our|which))?(?=[ \t\u00a0])", re.I)
_PLURALS = {"people", "men", "women", "children", "personnel", "cattle", "sheep",
            "fish", "deer", "aircraft", "feet", "teeth", "mice", "geese", "data", "media", "crew"}
_NOT_VERBS = {"need", "speed", "seed", "feed", "shed", "bed", "red", "breed", "greed", "creed"}
_NUMBER_WORDS = set(WORDS) | {"half", "a", "an"}
_OF_BEFORE = re.compile(r"((?:[A-Za-z][A-Za-z'’-]*[ \t\u00a0]+){1,3})of[ \t\u00a0]+$")
_ASIDE = re.compile(r"[ \t\u00a0]*\([^()\n]{0,40}\)")


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
    bare: bool = False      # a plain count with nothing written around it
    scale: float = 1.0


def find_figures(text: str, sents: list[tuple[int, int]]) -> list[Figure]:
    starts = _sentence_starts(text, sents)
    reads: list[_Read] = []
    pos = 0
    for s, is_digits in _numbers(text):
        if s < pos:
            continue                    # inside the previous number ("twenty-five")
        r = _read(text, s, is_digits, starts)
        if r:
            reads.append(r)
            pos = r.end
    _join_ranges(text, reads)
    return [
        Figure(start=r.start, end=r.end, text=text[r.start:r.end], kind=r.kind, value=r.value,
               unit=r.unit, qualifier=r.qualifier, about=r.about)
        for r in reads if r.kind
    ]


def _numbers(text: str) -> list[tuple[int, bool]]:
    """Start offsets of every run of digits and every number word, in text order."""
    found = [(m.start(), True) for m in _DIGIT_RUN.finditer(text)]
    low = text.lower()
    if len(low) != len(text):           # "İ" lowers to two characters: keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    n = len(low)
    for w in _FIND_WORDS:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not low[i - 1].isalpha()) and (j == n or not low[j].isalpha()):
                found.append((i, False))
            i = low.find(w, j)
    found.sort()
    return found


def _sentence_starts(text: str, sents: list[tuple[int, int]]) -> set[int]:
    """Offsets of the first word of each sentence (after any opening quote or bracket)."""
    out = set()
    for s, e in sents:
        while s < e and not text[s].isalnum():
            s += 1
        out.add(s)
    return out


def _read(text: str, s: int, is_digits: bool, starts: set[int]) -> _Read | None:
    if is_digits:
        if s and (text[s - 1].isalnum() or text[s - 1] in "_@.,:'’"):
            return None                 # inside a code or another number: "G7", "1.2.3"
        m = _DIGITS.match(text, s)
        e = m.end()
        raw = m.group()
        value = float(raw.replace(",", ""))
    else:
        s = _a_before(text, s)
        m = _WORD_RUN.match(text, s)
        parsed = words_value(m.group()) if m else None
        if not parsed:
            return None
        value, length = parsed
        e = s + length
        raw = text[s:e]
        if raw[0].isupper() and s not in starts and not _after_opening(text, s):
            return _skip(s, e)          # part of a name: "BBC Two", "Guildford Four"
    if half := _AND_HALF.match(text, e):
        value, e = value + 0.5, half.end()   # "two and a half years"
    r = _Read(start=s, num_start=s, num_end=e, end=e, value=value, kind="count")

    # letters straight after digits
    pence = False
    if is_digits and e < len(text) and (text[e].isalpha() or text[e] == "%"):
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
        elif word == "pc":              # "5pc": per cent
            r.kind, r.unit, r.end = "percent", "%", suf.end()
            return _about(text, r)
        elif word != "%":               # ordinal, decade, clock time
            return _skip(s, suf.end())
    elif (is_digits or half) and (sw := _SCALE_WORD.match(text, e)):
        r.scale = _SCALES[sw.group(1).lower()]
        r.num_end = r.end = e = sw.end()

    # what is written before: currency, qualifier, the words in front
    before = text[max(0, s - 48):s]
    words = before.split()[-4:]
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
        r.currency, r.start = _ISO_CODES[words[-1]], _word_start(text, s, 1)   # "EUR 5m"
        words.pop()
    low_words = [w.lower() for w in words]
    for k in (3, 2, 1) if low_words and low_words[-1] in _QUALIFIER_ENDS else ():
        if len(words) >= k and " ".join(low_words[-k:]) in _QUALIFIERS:
            r.qualifier = " ".join(low_words[-k:])
            r.start = _word_start(text, r.start, k)
            low_words = low_words[:-k]
            break
    last = low_words[-1] if low_words else ""

    # what is written after the number
    if pence:
        if r.currency:
            return _skip(s, r.end)
        r.kind, r.unit, r.value, r.scale = "money", "GBP", value / 100, 0.01
        return _about(text, r)
    if r.scale in (1e3, 1e9) and not r.currency and text[e - 1] in "kKbB":
        return _skip(s, e)              # "5k run": these scales only follow a currency
    value = r.value = value * r.scale

    if p := _PERCENT.match(text, e):
        r.kind, r.end = "percent", p.end()
        r.unit = "percentage points" if "point" in p.group().lower() else "%"
        return _about(text, r)
    if r.currency:
        r.kind, r.unit = "money", r.currency
        return _about(text, r)
    if c := _CURRENCY_AFTER.match(text, e):
        nation, word = (c.group(1) or "").lower(), c.group(2).lower()
        r.end, r.kind = c.end(), "money"
        if word in ("cent", "cents", "pence"):
            r.value, r.scale = value / 100, r.scale / 100
            r.unit = "EUR" if nation == "euro" else "GBP" if word == "pence" else "USD"
        elif word.startswith("dollar") and nation:
            r.unit = _DOLLAR_NATIONS.get(nation, "USD")
        elif word.startswith("pound") and value < 1000:
            return _skip(s, c.end())    # "weighs 236 pounds": a weight; "5m pounds" is money
        else:
            r.unit = _CURRENCY_WORDS[word]
            if nation and nation != "euro":
                r.end = c.start() + c.group().lower().rindex(word) + len(word)
        return _about(text, r)
    age_before = (last in _AGE_WORDS or " ".join(low_words[-2:]) in _AGE_WORDS
                  or (last == "between" and low_words[-2:-1] == ["aged"]))
    if t := _TIME.match(text, e):
        if age_before or _AGE_AFTER.match(text, t.end()):
            return _skip(s, t.end())    # "45-year-old", "45 years old", "aged 45 years"
        unit = t.group(1).lower().replace("centurie", "century")
        if unit == "second" and "." in raw:
            return _skip(s, t.end())    # "9.86 seconds": a race time, a result like a score
        if value == 1 and unit == "day" and text[e] != "-" and not r.qualifier:
            return _skip(s, t.end())    # "one day" is mostly "some day"
        r.kind, r.unit, r.end = "duration", unit, t.end()
        if text[e] == "-":
            r.about = _noun_phrase(text, r.end)   # "one-month truce"
        return r

    # a plain count: rule out everything that only looks like one
    if value in (0, 1):
        return _skip(s, e)              # "one of them", "0-0": counts of one are not figures
    label = last.rstrip(".") in _LABELS or attached.lower().rstrip(".") in _LABELS or attached.endswith("#")
    if age_before or label \
            or " ".join(low_words[-2:]) in ("one in", "1 in", "out for") or _TIMES.match(text, e) \
            or _NOT_OUT.match(text, e):
        return _skip(s, e)              # labels, ages, "one in five", "ten times"
    if (words and words[-1].rstrip(".") in _MONTHS and not r.qualifier) \
            or _MONTH_AFTER.match(text, e) or _CLOCK_AFTER.match(text, e) or _ADDRESS_AFTER.match(text, e):
        return _skip(s, e)              # a date, a time of day, a street number
    if last == "at" and _PRONOUN_AFTER.match(text, e):
        return _skip(s, e)              # "even now at 86 she": an age
    if is_digits and r.scale == 1 and _not_an_amount(text, s, e, raw, attached, words, r, starts):
        return _skip(s, e)
    if r.scale == 1e6 and text[e - 1] in "mM" and _METRES.match(text, e):
        return _skip(s, e)              # "60m hurdles": metres
    if h := _HYPHEN_WORD.match(text, e):
        word = h.group(1).lower()
        if word in _NOT_COUNTED:
            return _skip(s, h.end())
        r.end, r.unit = h.end(), word   # "40-strong", "25-member"
        r.about = _noun_phrase(text, r.end)
        return r
    r.bare = True
    r.unit = _noun_phrase(text, e)
    if text[e - 1] in "mM" and r.scale == 1e6 and not (r.unit and _plural(r.unit.split()[-1].lower())):
        return _skip(s, e)              # "the 400m title": metres; "3m viewers" is a count
    return r


def _a_before(text: str, s: int) -> int:
    """Move the start of a number word back over "a", "an" or "half a" when it is a big
    word: "a dozen", "half a million"."""
    if not text[s:s + 8].lower().startswith(_BIG):
        return s
    m = re.search(r"(?:\b(?:half[ \t\u00a0]+)?an?[ \t\u00a0]+)$", text[max(0, s - 10):s], re.I)
    return s - len(m.group()) if m else s


_LIST_COMMA = re.compile(r"[ \t\u00a0]*[,;―—–]")
_BLANK_DIGIT = re.compile(r"[ \t\u00a0]\d")
_LIST_MARK = re.compile(r"[.)][ \t\u00a0]")


def _not_an_amount(text, s, e, raw, attached, words, r, starts) -> bool:
    """Plain digits that are a year, a clock time, a code, a label, a phone number or an age."""
    nxt = text[e:e + 1]
    if attached.endswith("/") or nxt in ("/", ":") or (attached[-2:-1].isalpha() and attached.endswith("-")):
        return True                     # "24/7", "Covid-19", "F-16"
    if nxt in ("'", "’", '"', "”") and text[e + 1:e + 2].isdigit():
        return True                     # "6'3"": a height
    if not raw.isdigit():
        return False
    n = int(raw)
    if (len(raw) > 1 and raw[0] == "0") or len(raw) > 7:
        return True                     # "0100 GMT", phone numbers, ids
    if len(raw) == 4 and (1000 <= n <= 2099 or (n % 100 < 60 and n // 100 < 24)):
        return True                     # a year, or a clock time ("2340")
    if r.qualifier is None and not attached:
        if words and words[-1][0].isupper() and words[-1].rstrip(",") not in _WEEKDAYS \
                and (w := _word_start(text, s, 1)) not in starts and not _after_opening(text, w):
            return True                 # "Radio 4", "Apollo 11"
        if words and words[-1][:-1].isalpha() and words[-1].endswith(",") and 10 <= n <= 110 \
                and _LIST_COMMA.match(text[e:e + 3]):
            return True                 # "Scholl, 21, was", "the senator, 71, said": an age
        if words and words[-1].isdigit() or _BLANK_DIGIT.match(text[e:e + 2]):
            return True                 # groups of digits: a phone or account number
        line = text.rfind("\n", 0, s) + 1
        if not text[line:s].strip() and _LIST_MARK.match(text[e:e + 2]):
            return True                 # "1. " at the start of a line: a list number
    if attached == "(" and nxt == ")":
        return True                     # "(21)", "(3)"
    return False


def _word_start(text: str, pos: int, k: int) -> int:
    """Start of the k-th whitespace-separated word before pos."""
    for _ in range(k):
        while pos and text[pos - 1].isspace():
            pos -= 1
        while pos and not text[pos - 1].isspace():
            pos -= 1
    return pos


def _after_opening(text: str, s: int) -> bool:
    """A capital just after an opening quote, bracket, colon or dash starts a phrase."""
    i = s - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in "\"“‘'(:\n—–"


def _skip(s: int, e: int) -> _Read:
    return _Read(start=s, num_start=s, num_end=e, end=e, value=0.0, kind=None)


def _about(text: str, r: _Read) -> _Read:
    """What money or a percentage measures: the noun phrase after it, else the one before
    "of" in front of it ("annual profits of $16.2bn")."""
    r.about = _noun_phrase(text, r.end, after_money=True)
    lo = max(0, r.start - 40)
    if r.about is None and _of_then_blanks(text, lo, r.start) and (m := _OF_BEFORE.search(text, lo, r.start)):
        words = m.group(1).split()[-2:]
        while words and (words[0].lower() in _STOP or words[0].endswith("ed")):
            words.pop(0)                # "company with assets of": "assets"
        r.about = " ".join(words) or None
    return r


def _of_then_blanks(text: str, lo: int, end: int) -> bool:
    """Whether text[lo:end] ends in "of" and blanks (before a final line break, if any):
    _OF_BEFORE can match nothing else, and its search is slow (tried at every offset)."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    j = end
    while j > lo and text[j - 1] in " \t\u00a0":
        j -= 1
    return j < end and text[lo:j].endswith("of")


def _noun_phrase(text: str, pos: int, after_money: bool = False) -> str | None:
    """The few words after a figure that name what it measures: "£1.6bn of export finance"
    gives "export finance", "5,000 air defence missiles, to be made" "air defence missiles".
    After money a word in -ed is a verb ("$5bn raised abroad"); after a count it is more
    often an adjective ("40 stranded walkers")."""
    if aside := _ASIDE.match(text, pos):
        pos = aside.end()               # "$168m (£89m) settlement"
    if of := _OF_DET.match(text, pos):
        pos = of.end()
    words: list[str] = []
    end = pos
    while len(words) < 4 and (w := _NP_WORD.match(text, end)):
        word = w.group(1)
        low = word.lower()
        if low == "and" and words and _and_joins(text, w.end()):
            words.append(word)          # "European and Arab countries"
            end = w.end()
            continue
        if low in _STOP or (word[0].islower() and ((words and low.endswith("ing"))
                                                   or (after_money and low.endswith("ed") and low not in _NOT_VERBS))):
            break                       # "1,000 people living in", "$5bn raised abroad": a verb
        words.append(word)
        end = w.end()
        if _plural(low):
            break                       # "5,000 air defence missiles", not "... missiles arrived"
    while words and words[-1].lower() == "and":
        words.pop()
    return " ".join(words) or None


def _and_joins(text: str, pos: int) -> bool:
    """After "and": one or two words ending in a plural noun continue the phrase
    ("European and Arab countries"); anything else starts a new clause."""
    for _ in range(2):
        w = _NP_WORD.match(text, pos)
        if not w or w.group(1).lower() in _STOP or w.group(1).lower() in _NUMBER_WORDS:
            return False
        if _plural(w.group(1).lower()):
            return True
        pos = w.end()
    return False


def _plural(word: str) -> bool:
    """A plural noun ends the thing counted."""
    if word in _PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and "-" not in word


_RANGE_JOIN = re.compile(r"[ \t\u00a0]*(?:[-–]|[-–]?[ \t\u00a0]*to)[ \t\u00a0]*|[ \t\u00a0]+(?:and|for|of|out[ \t\u00a0]+of|in)[ \t\u00a0]+", re.I)


def _join_ranges(text: str, reads: list[_Read]) -> None:
    """Two numbers joined by "-", "to" or "between ... and" share a unit: "8-10%",
    "5 to 10 years", "between 5 and 10 per cent", "$5-10m". Two bare numbers joined by a
    dash are a score ("2-1"), as are two joined by "for" ("four for 38"); two joined by
    "of", "out of" or "in" are a rate ("nine out of 10"); a number joined to an age or a
    year is not a figure either."""
    for a, b in zip(reads, reads[1:]):
        if a.end > b.start or not _RANGE_JOIN.fullmatch(text, a.end, b.start):
            continue
        gap = " ".join(text[a.end:b.start].lower().split())
        if gap in ("of", "out of", "in"):
            if a.bare and b.bare:
                a.kind = b.kind = None  # a rate: "nine out of 10", "eight of 10"
            continue
        if gap == "and" and not re.search(r"\bbetween[ \t\u00a0]+$", text[max(0, a.start - 10):a.start], re.I):
            continue
        if a.kind is None or b.kind is None:
            for x in (a, b):
                if x.bare:
                    x.kind = None       # "aged 18 to 24", "2-1", "3-0"
            continue
        if a.bare and b.bare:
            if gap in ("-", "–", "for"):
                a.kind = b.kind = None  # a score: "2-1", "four for 38" (wickets for runs)
        elif gap == "for":
            continue
        elif a.bare:
            a.kind, a.unit, a.about, a.bare = b.kind, b.unit, None, False
            if a.scale == 1:
                a.value, a.scale = a.value * b.scale, b.scale
        elif b.bare and a.kind == "money":
            b.kind, b.unit, b.about, b.bare = "money", a.unit, None, False
            if a.scale == 1:
                a.value, a.scale = a.value * b.scale, b.scale
