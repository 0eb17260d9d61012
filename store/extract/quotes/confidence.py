"""How far to trust each attribution: every decision has a kind (the sieve, what it rested
on, whether anyone else could be meant), and each kind a confidence, the share of such
decisions that were right on the visible sets (scripts/calibrate.py measures it on the train
sets and checks it on the dev sets). Below THRESHOLD the speaker is withheld: the quote keeps
its best guess as `likely`, and no citation names it as the speaker.
"""
from __future__ import annotations

from store.extract.quotes.context import Context
from store.model import Person, Quote, Sieve

# Decisions whose kind was right less often than this keep their guess as `likely` only.
THRESHOLD = 0.8


def decision(art: Context, i: int, people: dict[str, Person]) -> str | None:
    """The kind of decision that named quote i's speaker, e.g. "verb-name",
    "pronoun:rival", "continuation<pronoun:shared"; None when nobody was named."""
    q = art.quotes[i]
    if not q.speaker:
        return None
    person = people[q.speaker]
    base = _base(art, i)
    parts = [base]
    if base == Sieve.PRONOUN:
        parts.append("rival" if _rivals(art, q, person) else "alone")
    if _shares_surname(person, people):
        parts.append("shared")
    kind = ":".join(parts)
    return f"{q.sieve}<{kind}" if q.sieve != base else kind


def _base(art: Context, i: int) -> str:
    """The sieve that first named the speaker of a run of continued quotes."""
    q = art.quotes[i]
    j = i
    while j > 0 and art.quotes[j].sieve == Sieve.CONTINUATION and art.quotes[j - 1].cue_start == q.cue_start:
        j -= 1
    first = art.quotes[j]
    if first.sieve == Sieve.CONTINUATION:
        return "reported"            # `Smith said the plan would fail.` / `"It is a disaster."`
    return first.sieve


def _rivals(art: Context, q: Quote, person: Person) -> bool:
    """Someone else of the same gender, or of a gender the text never gives, is among the
    subjects and speakers the pronoun could mean."""
    return any(p is not person and p.name != person.name and (p.gender == person.gender or p.gender is None)
               for p in art.antecedents(q.cue_start))


def _shares_surname(person: Person, people: dict[str, Person]) -> bool:
    last = person.name.split()[-1]
    return any(p is not person and p.name.split()[-1] == last for p in people.values())


def assess(art: Context, people: list[Person]) -> None:
    """Give every named quote its decision kind and confidence; withhold the speaker of a
    decision below THRESHOLD (it becomes `likely`)."""
    by_name = {p.name: p for p in people}
    for i, q in enumerate(art.quotes):
        q.decision = decision(art, i, by_name)
        if q.decision is None:
            continue
        q.confidence = confidence(q.decision)
        if q.confidence < THRESHOLD:
            q.likely, q.speaker = q.speaker, None


def confidence(kind: str) -> float:
    """The confidence of a decision kind: its own level, else its sieve's."""
    if kind in LEVELS:
        return LEVELS[kind]
    sieve = kind.split("<")[0].split(":")[0]
    return LEVELS.get(sieve, DEFAULT)


DEFAULT = 0.9
# Measured levels (scripts/calibrate.py): share right per decision kind.
LEVELS: dict[str, float] = {}
