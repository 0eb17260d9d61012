"""Word lists for finding people: first names, titles, particles and the words that mark
a capitalised run as something other than a person. The words are in the lexicon's data
files (see store/lexicon/__init__.py); this module names them."""
from __future__ import annotations

from functools import lru_cache

from store.lexicon import entries, words


@lru_cache(maxsize=1)
def first_names() -> dict[str, str | None]:
    """First name -> "m", "f" or None (both common). From lexicon/first-names.txt, then
    first-names-world.txt (other countries' names, made by scripts/build_first_names.py)."""
    out: dict[str, str | None] = {}
    for line in entries("first-names") + entries("first-names-world"):
        name, g = line.split()
        if name not in STOP and name not in PLACES and name not in out:
            out[name] = g if g in ("m", "f") else None
    return out


# Titles before a name; the value is the gender the title gives.
GENDER_TITLES = dict(line.split() for line in entries("gender-titles"))
# Titles that give no gender. Several words may stand together ("Prime Minister").
PLAIN_TITLES = words("plain-titles")
TITLES = set(GENDER_TITLES) | PLAIN_TITLES
WEAK_TITLES = words("weak-titles")
# Titles that stand for the person's role when the text gives no other ("King Charles").
ROLE_TITLES = PLAIN_TITLES - {"Dr", "Prof", "Professor", "Rev", "Reverend", "Vice", "Prime", "Deputy"} | {
    "King", "Queen", "Prince", "Princess", "Pope"}

# Kinship nouns -> the gender they give ("m", "f"; None: a lone first name gives it).
KIN = {w: (g if g in ("m", "f") else None) for w, g in (line.split() for line in entries("kin"))}
PARTICLES = words("particles")
CAP_PARTICLES = words("cap-particles")
STOP = words("stop")
ORG_WORDS = words("org-words")
SURNAME_LIKE = words("surname-like")
# Verbs of speech and thought whose subject is a person (people evidence); wider than the
# speech verbs that attribute a quote (speech.SPEECH_VERBS).
PERSON_VERBS = words("person-verbs")
ROLE_NOUNS = words("role-nouns")
PLACE_START = words("place-start")
# Last words of capitalised terms that are not names: laws, table headings, conditions
# ("Gambling Bill", "Net Income", "Gulf War Syndrome").
TERM_ENDS = words("term-ends")
PLACES = words("places")
DEMONYMS = words("demonyms")
# "Finn", "Frenchman": a person of a nation, before a name as a descriptor.
NATIONALITY_NOUNS = words("nationality-nouns")
FIRMS = {tuple(line.split()) for line in entries("firms")}
# Name suffixes: never a surname on their own ("Donald Trump Jr" is Trump).
NAME_SUFFIXES = words("name-suffixes")
# Ranks that stay with a surname named alone ("Lord Browne", "Mr Faraj" is not kept), in the
# order one is chosen when a person has several.
RANKS = entries("ranks")
# Titles that are also surnames a reader would not use alone ("King said" could be anyone):
# a person so named keeps their full name as their short name.
SURNAME_TITLES = words("surname-titles")
# Titles that a capitalised word after a gender title does not turn into a surname ("Mr
# President" is a form of address, "Mr King" a man called King).
ADDRESS_TITLES = words("address-titles")
# A person's own writing: "Mr Crosby's statement said" gives Crosby's words.
DOCUMENTS = entries("documents")
# The people around someone ("a Trump ally", "Cruz constituent Dan Golvach"): a name before
# one of these qualifies it and is not the subject.
ASSOCIATES = words("associates")
