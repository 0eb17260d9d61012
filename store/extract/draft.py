"""The Draft: one article as the extraction passes (store.extract.PASSES) fill it in, and
the person a name becomes while the people passes build it."""
from __future__ import annotations

from dataclasses import dataclass, field

from store.model import Figure, Person, Quote


@dataclass(eq=False)
class PersonDraft:
    """A person under construction: every name the text gives them, what their titles and
    first name say, and where the mention scan last saw them."""
    names: list[tuple[str, ...]]           # each way the text writes the name, as words
    surname: tuple[str, ...]               # the words that name them alone ("von der Leyen")
    group: list[PersonDraft]               # everyone in the article sharing that surname
    gender: str | None = None              # "m", "f" or None
    role: str | None = None                # from an appositive or the words before a name
    title_role: str | None = None          # from a title ("President"), when no role is given
    titles: set[str] = field(default_factory=set)
    named_titles: set[str] = field(default_factory=set)   # titles before their full name ("President Bill Clinton")
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last: int = -1                         # where their full name was last written
    seen: int = -1                         # where they were last mentioned at all
    held: bool = False                     # the first of their surname the text names (set only
    subject: bool = False                  # their last full mention reads as a subject  when others share it)


@dataclass
class Draft:
    """One article as the passes fill it in: each pass reads what those before it left."""
    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    headline_end: int = 0                  # a headline-like first paragraph ends here (0: none)
    tokens: list = field(default_factory=list)        # capitalised words (people.tokens.Token)
    candidates: list = field(default_factory=list)    # name runs (people.tokens.Candidate)
    teams: set[tuple[str, ...]] = field(default_factory=set)   # names seen in results lines
    in_headline: list[bool] = field(default_factory=list)     # per candidate
    drafts: list[PersonDraft] = field(default_factory=list)
    groups: dict[str, list[PersonDraft]] = field(default_factory=dict)   # surname -> people
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    context: object = None                 # the article as attribution indexed it (quotes.context.Context)
    figures: list[Figure] = field(default_factory=list)
