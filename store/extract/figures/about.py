"""What a figure measures: the noun phrase after it ("5,000 air defence missiles" gives
"air defence missiles"), or for money and percentages with nothing after them, the words
before an "of" in front of them ("annual profits of $16.2bn" gives "annual profits")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.figures.numbers import WORDS

if TYPE_CHECKING:
    from store.extract.figures.reading import Reading

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


def set_about(text: str, r: Reading) -> Reading:
    """Sets what money or a percentage measures: the noun phrase after it, else the one
    before "of" in front of it ("annual profits of $16.2bn"). Returns r, finished."""
    r.about = noun_phrase(text, r.end, after_money=True)
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


def noun_phrase(text: str, pos: int, after_money: bool = False) -> str | None:
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
        if plural(low):
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
        if plural(w.group(1).lower()):
            return True
        pos = w.end()
    return False


def plural(word: str) -> bool:
    """A plural noun ends the thing counted."""
    if word in _PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and "-" not in word
