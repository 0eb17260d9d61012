"""How far to trust each attribution: every decision has a kind (the sieve, what it rested
on, whether anyone else could be meant), and each kind a confidence, the share of such
decisions that were right on the visible sets (scripts/calibrate.py measures it on the train
sets and checks it on the dev sets). Below THRESHOLD the speaker is withheld: the quote keeps
its best guess as `likely`, and no citation names it as the speaker.
"""
from __future__ import annotations

import bisect

from store.extract.quotes.context import Context
from store.extract.quotes.pronouns import antecedents
from store.model import Person, Quote, Sieve

# Decisions whose kind was right less often than this keep their guess as `likely` only.
THRESHOLD = 0.8


def decision(art: Context, i: int, people: dict[str, Person], shared: set[str]) -> str | None:
    """The kind of decision that named quote i's speaker, e.g. "verb-name",
    "pronoun:rival", "continuation<pronoun:shared", "relayed<verb-name"; None when nobody
    was named. Relayed words (Quote.via) are a kind of their own, outermost, so that a rare
    relayed kind falls back on all relayed decisions, never on the first-hand level."""
    q = art.quotes[i]
    if not q.speaker:
        return None
    person = people[q.speaker]
    base = _base(art, i)
    parts = [base]
    if base == Sieve.PRONOUN:
        parts.append("speaker" if q.cue_start in art.fallbacks else "chain" if q.cue_start in art.chained
                     else "rival" if _rivals(art, q, person) else "alone")
        if _newer(art, q, person):
            parts.append("newer")
    if person.name.split()[-1] in shared:
        parts.append("shared")
    kind = ":".join(parts)
    kind = f"{q.sieve}<{kind}" if q.sieve != base else kind
    return f"relayed<{kind}" if q.via else kind


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
               for p in antecedents(art, q.cue_start))


def _newer(art: Context, q: Quote, person: Person) -> bool:
    """Someone else who could be meant (same gender, or a gender the text never gives) is
    named, outside quotes, after the person's last mention and before the cue."""
    cue = q.cue_start
    k = bisect.bisect_left(person.mentions, (cue,))
    if not k:
        return False
    last = person.mentions[k - 1][0]
    return any(p is not person and (p.gender == person.gender or p.gender is None) and not art.in_quote(s)
               for s, _, p in art.mention_in(last, cue))


def assess(art: Context, people: list[Person]) -> None:
    """Give every named quote its decision kind and confidence; withhold the speaker of a
    decision below THRESHOLD (it becomes `likely`)."""
    by_name = {p.name: p for p in people}
    surnames = [p.name.split()[-1] for p in people]
    shared = {s for s in surnames if surnames.count(s) > 1}      # "Bill" and "Hillary Clinton"
    for i, q in enumerate(art.quotes):
        q.decision = decision(art, i, by_name, shared)
        if q.decision is None:
            continue
        q.confidence = confidence(q.decision)
        if q.confidence < THRESHOLD:
            q.likely, q.speaker = q.speaker, None


def prefixes(kind: str) -> list[str]:
    """The kind and its broader kinds, most specific first: "continuation<pronoun:rival",
    "continuation<pronoun", "continuation"."""
    out = [kind]
    while ":" in kind or "<" in kind:
        kind = kind.rsplit(":", 1)[0] if ":" in kind else kind.split("<")[0]
        out.append(kind)
    return out


def confidence(kind: str) -> float:
    """The measured level of this kind of decision; for a kind too rare to measure on its
    own, that of the kind with the narrower kinds it covers ("continuation<reported" with
    "continuation<reported:shared"), else of the broader kinds it belongs to."""
    if kind in LEVELS:
        return LEVELS[kind]
    return next((BROADER[k] for k in prefixes(kind) if k in BROADER), DEFAULT)


# A kind too rare to measure is kept, but never counted as confident (>= 0.9).
DEFAULT = 0.85
# Share right per decision kind, and per broader kind (all the kinds it covers together), as
# scripts/calibrate.py --fit measures them on the visible sets.
LEVELS: dict[str, float] = {
    'continuation<partial-subject': 0.98,
    'continuation<pronoun:alone': 0.97,
    'continuation<verb-name': 0.99,
    'continuation<verb-name:shared': 0.98,
    'dash': 0.91,
    'label': 0.96,
    'partial-subject': 0.98,
    'partial-subject:shared': 0.96,
    'pronoun:alone': 0.99,
    'pronoun:alone:newer': 0.94,
    'pronoun:rival': 0.96,
    'relayed<verb-name': 0.33,
    'sentence-subject': 0.96,
    'verb-name': 0.99,
    'verb-name:shared': 0.99,
}
BROADER: dict[str, float] = {
    'continuation': 0.99,
    'continuation<partial-subject': 0.98,
    'continuation<pronoun': 0.98,
    'continuation<pronoun:alone': 0.97,
    'continuation<pronoun:rival': 0.92,
    'continuation<verb-name': 0.99,
    'continuation<verb-name:shared': 0.98,
    'dash': 0.91,
    'label': 0.96,
    'partial-subject': 0.98,
    'partial-subject:shared': 0.96,
    'pronoun': 0.99,
    'pronoun:alone': 0.99,
    'pronoun:alone:newer': 0.94,
    'pronoun:rival': 0.97,
    'pronoun:speaker': 0.91,
    'relayed': 0.22,
    'relayed<verb-name': 0.29,
    'sentence-subject': 0.96,
    'verb-name': 0.99,
    'verb-name:shared': 0.99,
}
