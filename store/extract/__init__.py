"""Extraction: pure passes over one article's text, in order (PASSES). No database, no screen.

Each pass reads what the passes before it left on a Draft and adds its own part:

    text.py                  paragraphs, sentences
    people/                  candidates -> evidence -> corroboration -> people -> mentions -> descriptions
    quotes/                  spans -> attribution (the SIEVES in quotes/sieves.py)
    figures/                 figures
"""
from __future__ import annotations

from collections.abc import Callable

from store.extract.draft import Draft
from store.extract.figures import find_figures
from store.extract.people.corroborate import corroborate, drop_teams_and_openers, lists
from store.extract.people.descriptions import describe
from store.extract.people.evidence import weigh
from store.extract.people.mentions import find_mentions, group_people, name_people
from store.extract.people.tokens import find_candidates
from store.extract.quotes.attribute import attribute
from store.extract.quotes.confidence import assess
from store.extract.quotes.spans import quote_spans, speaker_as_written
from store.extract.text import paragraphs, sentences
from store.lexicon.names import NAME_SUFFIXES, SURNAME_TITLES
from store.model import Article, Extraction, Person


def _paragraphs(d: Draft) -> None:
    d.paragraphs = paragraphs(d.text)


def _sentences(d: Draft) -> None:
    d.sentences = sentences(d.text, d.paragraphs)


def _quote_spans(d: Draft) -> None:
    d.quotes = quote_spans(d.text, d.paragraphs, d.sentences)


def _attribution(d: Draft) -> None:
    d.context = attribute(d.text, d.paragraphs, d.sentences, d.people, d.quotes)


def _confidence(d: Draft) -> None:
    assess(d.context, d.people)


def _figures(d: Draft) -> None:
    d.figures = find_figures(d.text, d.sentences)


# Every pass extract() runs, in order: (name, function of the Draft).
PASSES: list[tuple[str, Callable[[Draft], None]]] = [
    ("paragraphs", _paragraphs),
    ("sentences", _sentences),
    ("people: candidates", find_candidates),
    ("people: evidence", weigh),
    ("people: teams and openers", drop_teams_and_openers),
    ("people: corroboration", corroborate),
    ("people: lists", lists),
    ("people: grouping", group_people),
    ("people: mentions", find_mentions),
    ("people: naming", name_people),
    ("people: descriptions", describe),
    ("quote spans", _quote_spans),
    ("attribution", _attribution),
    ("confidence", _confidence),
    ("figures", _figures),
]


def extract(text: str) -> Extraction:
    d = Draft(text)
    for _, run in PASSES:
        run(d)
    return Extraction(paragraphs=d.paragraphs, sentences=d.sentences, people=d.people, quotes=d.quotes,
                      figures=d.figures)


def to_json(article: Article, ex: Extraction) -> dict:
    """One article's extraction in the shape `byline extract --json` prints and
    ../shared/eval/score.py reads. "source" is where the article was read from;
    "outlet" is the publication named in its metadata. A quote's "speaker" is the short name
    a reader would use ("Obama"; where two people share a surname, the name as the text writes
    it at the cue), "person" the canonical full name; with no person, "speaker" is the
    organisation the cue names (Quote.source) and "source_kind" tells the two apart; "via" is who
    relayed the words when the cue says so ("according to CNN")."""
    short = short_names(ex.people)
    out = {
        "id": article.id,
        "title": article.title,
        "source": article.path,
        "outlet": article.source,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "people": [
            {"name": p.name, "role": p.role, "aliases": p.forms, "mentions": len(p.mentions),
             "offsets": [list(m) for m in p.mentions]}
            for p in ex.people
        ],
        "quotes": [
            {"text": q.text, "speaker": _speaker(article.text, q, ex.people, short), "person": q.speaker,
             "source_kind": "person" if q.speaker else "organisation" if q.source else None,
             "kind": q.kind, "start": q.start, "end": q.end, "cue": q.cue, "sieve": q.sieve,
             "described": q.described, "decision": q.decision, "confidence": q.confidence, "likely": q.likely,
             "via": q.via}
            for q in ex.quotes
        ],
        "figures": [
            {"text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit,
             "qualifier": f.qualifier, "about": f.about, "start": f.start, "end": f.end}
            for f in ex.figures
        ],
    }
    return {k: v for k, v in out.items() if v is not None or k in ("people", "quotes", "figures")}


def _speaker(text: str, q, people: list[Person], short: dict[str, str]) -> str | None:
    if q.speaker:
        return short.get(q.speaker) or speaker_as_written(text, q, people)
    return q.source




def short_names(people: list[Person]) -> dict[str, str]:
    """Each person's surname as the text writes it ("von der Leyen"), for those whose surname
    no other person in the article shares. Sources name a speaker with varying descriptors
    ("Sen. Claire McCaskill", "Republican nominee Donald Trump"); the surname is what they share."""
    tails = {}
    for p in people:
        words = p.name.split()
        while len(words) > 1 and words[-1].rstrip(".") in NAME_SUFFIXES:
            words.pop()
        name = " ".join(words)
        suffixes = [f for f in p.forms if f != name and name.endswith(" " + f)]
        tails[p.name] = min(suffixes, key=len) if suffixes else words[-1]
    return {
        p.name: p.name if tails[p.name] in SURNAME_TITLES or _family_name_first(p, tails[p.name]) else tails[p.name]
        for p in people
        if not any(q is not p and tails[q.name] == tails[p.name] for q in people)
    }


def _family_name_first(person: Person, tail: str) -> bool:
    """"Xi Jinping" named "Xi" alone and never "Jinping" ("Mr. Jinping"): the family name
    comes first, so only the full name names them either way."""
    first = person.name.split()[0]
    return (first != tail and first in person.forms
            and not any(f.endswith(tail) and first not in f.split() for f in person.forms))
