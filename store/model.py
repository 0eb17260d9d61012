"""The plain data that flows from a reader through extraction into the store.

Every extracted item carries character offsets (start, end) into Article.text,
so the app can highlight it and a citation can point back to it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Sieve(StrEnum):
    """Which attribution rule decided a quote (Quote.sieve); see extract/quotes/attribute.py."""
    VERB_NAME = "verb-name"
    DASH = "dash"
    ACCORDING_TO = "according-to"
    PRONOUN = "pronoun"
    CONTINUATION = "continuation"
    PARTIAL_SUBJECT = "partial-subject"
    POSSESSIVE = "possessive"
    HEADLINE = "headline"
    LABEL = "label"
    ORGANISATION = "organisation"
    UNNAMED = "unnamed"
    PASSIVE = "passive"
    AMBIGUOUS = "ambiguous"
    DOCUMENT = "document"
    REJECTED = "rejected-claim"
    CLOSING = "closing-clause"
    SENTENCE_SUBJECT = "sentence-subject"
    REPORTED_CLAUSE = "reported-clause"
    TITLE = "title"


class Evidence(StrEnum):
    """Why a capitalised run is taken as a person; see extract/people/evidence.py."""
    TITLE = "title"
    AGE = "age"
    PARTY = "party"
    FIRST_NAME = "first name"
    ROLE = "role"
    SCORECARD = "scorecard"
    SCORER = "scorer"
    TITLE_AND_SPEECH = "title and speech verb"
    WHO = "who"
    PARTICLE = "particle"
    GIVEN_NAME = "given name"
    PLACE_POSSESSIVE = "place possessive"
    NATIONALITY = "nationality"
    INITIAL = "initial"
    SPEECH_VERB = "speech verb"
    TABLE = "table"
    BYLINE = "byline"
    # from corroboration, once every candidate was weighed
    REPEATED_SURNAME = "repeated surname"
    SURNAME = "surname"
    LONE_SPEAKER = "lone speaker"
    LIST = "list"


@dataclass
class Article:
    text: str
    title: str | None = None
    source: str | None = None      # the outlet ("The Guardian"), from metadata
    url: str | None = None
    published: str | None = None   # as given (ISO date when the input has one)
    author: str | None = None
    path: str | None = None        # where it was read from; "archive.jsonl#<id>" for records
    id: str | None = None          # the input's own id (JSON Lines records)
    summary_only: bool = False     # a feed entry that gave only a summary, not the story


@dataclass
class Person:
    name: str                                   # canonical: the fullest name the text gives
    role: str | None = None                     # "Polish prime minister"
    forms: list[str] = field(default_factory=list)            # every surface form used
    mentions: list[tuple[int, int]] = field(default_factory=list)  # offsets of each mention
    gender: str | None = None                   # "m", "f" or None when the text does not say


@dataclass
class Quote:
    start: int          # offsets of the quoted words, inside the quotation marks
    end: int
    text: str
    kind: str           # "full" or "partial"
    speaker: str | None = None     # a Person.name, or None: speaker unknown
    cue: str | None = None         # the words that decided it, e.g. "he told reporters"
    cue_start: int | None = None
    cue_end: int | None = None
    sieve: str | None = None       # which rule decided: "verb-name", "pronoun", "continuation", ...
    source: str | None = None      # with no person speaker: the organisation the cue names,
                                   # as written ("PolitiFact", "the Times"); never a person
    described: str | None = None   # with no speaker: how the text describes the source
                                   # ("a council spokesperson", "officials"), as written
    decision: str | None = None    # the kind of decision that named the speaker ("pronoun:rival")
    confidence: float | None = None  # how often that kind was right on the visible sets
    likely: str | None = None      # a Person.name guessed with too little confidence to be the speaker
    via: str | None = None         # who relayed the words, as written ("CNN", "the Times"): the
                                   # cue says they reported them (`Lo said, according to CNN`)


@dataclass
class Figure:
    start: int
    end: int
    text: str                       # as written, with a leading qualifier: "more than 5,000"
    kind: str                       # money, percent, count, duration (date/year are not figures)
    value: float
    unit: str | None = None         # GBP, USD, EUR, %, hour, month, "air defence missiles"
    qualifier: str | None = None    # "more than", "about", "up to"
    about: str | None = None        # the noun phrase it measures


@dataclass
class Extraction:
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    people: list[Person]
    quotes: list[Quote]
    figures: list[Figure]
