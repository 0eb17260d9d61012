"""Numbers that only look like amounts: part of a name ("BBC Two", "Radio 4"), ages,
dates and clock times, street numbers, labels ("No 10", "page 3"), counts of one, codes,
phone and list numbers, metres ("60m hurdles"). reading.py asks part_of_name() of number
words as soon as it has read them, age_before() of a duration, and not_a_count() of a
number with no currency, percentage or time unit around it; a number they reject is
skipped. (Scores and rates need the number after, so ranges.py rules those out.)"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.figures.positions import after_opening, word_start

if TYPE_CHECKING:
    from store.extract.figures.reading import Reading

_NOT_OUT = re.compile(r"[ \t\u00a0]+not[ \t\u00a0]+out\b")   # cricket: "80 not out"
_TIMES = re.compile(r"[ \t\u00a0]+times\b", re.I)
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
           "Sep", "Sept", "Oct", "Nov", "Dec"}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(" + "|".join(_MONTHS) + r")\b")
_CLOCK_AFTER = re.compile(r":\d\d|[ \t\u00a0]*(?:(?:GMT|BST|UTC|CET|EST|EDT|CST|PST|ET|PT|hrs|o['’]clock|am|pm)\b"
                          r"|[ap]\.m\.)|[ \t\u00a0]+local[ \t\u00a0]+time\b")
_ADDRESS_AFTER = re.compile(r"(?:[ \t\u00a0]+[A-Z0-9][\w.]*){1,3}[ \t\u00a0]+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
                            r"Lane|Drive|Place|Square)\b")


def any_of(*patterns: re.Pattern) -> re.Pattern:
    """One pattern that matches where any of these does. Patterns tried after nearly every
    number rarely match, and each call of a pattern costs more than its test: asking once
    whether any matches is much cheaper."""
    return re.compile("|".join(f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
                               for p in patterns))


# not_a_count() asks whether any of the five above matches after a number
_NO_COUNT_AFTER = any_of(_TIMES, _NOT_OUT, _MONTH_AFTER, _CLOCK_AFTER, _ADDRESS_AFTER)
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
# After "60m" these make it metres, not millions: "60m hurdles", "a 10m-high wall".
_METRES = re.compile(r"(?:[ \t\u00a0]+|-)(?:hurdles|race|sprint|dash|relay|freestyle|backstroke|breaststroke|"
                     r"butterfly|medley|run|swim|walk|final|heat|record|high|long|wide|deep|tall|away|"
                     r"below|above)\b", re.I)
_LIST_COMMA = re.compile(r"[ \t\u00a0]*[,;―—–]")
_BLANK_DIGIT = re.compile(r"[ \t\u00a0]\d")
_LIST_MARK = re.compile(r"[.)][ \t\u00a0]")


def part_of_name(text: str, s: int, raw: str, starts: set[int]) -> bool:
    """Number words written with a capital inside a sentence: "BBC Two", "Guildford Four"."""
    return raw[0].isupper() and s not in starts and not after_opening(text, s)


def age_before(low_words: list[str]) -> bool:
    """The lower-cased words before a number make it an age: "aged 45", "who is 45",
    "aged between 18 and 24"."""
    last = low_words[-1] if low_words else ""
    return (last in _AGE_WORDS or " ".join(low_words[-2:]) in _AGE_WORDS
            or (last == "between" and low_words[-2:-1] == ["aged"]))


def not_a_count(text: str, r: Reading, is_digits: bool, words: list[str], low_words: list[str],
                attached: str, starts: set[int]) -> bool:
    """A number with no currency, percentage or time unit that still counts nothing: a count
    of one, a label, an age, a rate ("one in five"), a date, a clock time, a street number,
    a code or metres. words: the words before it (low_words: lower-cased, without the
    qualifier); attached: what is written straight before it, with no blank between."""
    e = r.num_end
    if r.value in (0, 1):
        return True                     # "one of them", "0-0": counts of one are not figures
    # (asked before the words around it: years, clock times and groups of digits are most
    # of the numbers in a text, and this settles them)
    if is_digits and r.scale == 1 and _not_an_amount(text, r, words, attached, starts):
        return True
    last = low_words[-1] if low_words else ""
    label = last.rstrip(".") in _LABELS or attached.lower().rstrip(".") in _LABELS or attached.endswith("#")
    if age_before(low_words) or label or " ".join(low_words[-2:]) in ("one in", "1 in", "out for"):
        return True                     # labels, ages, "one in five"
    if (words and words[-1].rstrip(".") in _MONTHS and not r.qualifier) or _NO_COUNT_AFTER.match(text, e):
        return True                     # "ten times", "80 not out", a date, a time of day, a street number
    if last == "at" and _PRONOUN_AFTER.match(text, e):
        return True                     # "even now at 86 she": an age
    if r.scale == 1e6 and text[e - 1] in "mM" and _METRES.match(text, e):
        return True                     # "60m hurdles": metres
    return False


def _not_an_amount(text: str, r: Reading, words: list[str], attached: str, starts: set[int]) -> bool:
    """Plain digits that are a year, a clock time, a code, a label, a phone number or an age."""
    s, e, raw = r.num_start, r.num_end, r.raw
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
        if words and words[-1].isdigit() or _BLANK_DIGIT.match(text[e:e + 2]):
            return True                 # groups of digits: a phone or account number
        if words and words[-1][0].isupper() and words[-1].rstrip(",") not in _WEEKDAYS \
                and (w := word_start(text, s, 1)) not in starts and not after_opening(text, w):
            return True                 # "Radio 4", "Apollo 11"
        if words and words[-1][:-1].isalpha() and words[-1].endswith(",") and 10 <= n <= 110 \
                and _LIST_COMMA.match(text[e:e + 3]):
            return True                 # "Scholl, 21, was", "the senator, 71, said": an age
        line = text.rfind("\n", 0, s) + 1
        if not text[line:s].strip() and _LIST_MARK.match(text[e:e + 2]):
            return True                 # "1. " at the start of a line: a list number
    if attached == "(" and nxt == ")":
        return True                     # "(21)", "(3)"
    return False
