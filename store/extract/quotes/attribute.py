"""Who said each quote: the sieves in sieves.py, tried in order for every quote; the first
cue wins. Each quote keeps the words that decided it (cue, offsets) and the sieve's name.

The decisions (store.model.Sieve):
  verb-name, dash, according-to   a speech verb next to a name: `"…," Starmer said`,
                  `said Mr Reeves`, `Mandelson, the ambassador, told ABC: "…"`, `“…” ― Name`
  pronoun         `he told reporters`: the latest subject or speaker of that gender in this
                  paragraph or the one before (not merely the last name mentioned)
  continuation    a quote with no cue of its own right after an attributed quote
  partial-subject, possessive, headline
                  words quoted inside a sentence whose subject says them (`X called it
                  "historic"`); `X's "coalition of the willing"` once X was quoted saying it;
                  `Abbas 'will not tolerate' attacks` in a headline
  sentence-subject, reported-clause
                  a partial quote with no cue of its own: the person opening its sentence as the
                  subject of an active verb (`Lo called the migrants "rapists"`), or the named
                  person whose reported words it sits in (`Lo said … and that Hale faced a "…"`)
  label           `Lo: "…"` opening a line, as in a transcript; `Lo fired back: "…"`
  organisation    a proper name that is not a person as the subject: `PolitiFact claimed`,
                  `said the Times` give Quote.source (never a person, a role or a group)
  unnamed, passive, ambiguous
                  no speaker: "officials said", "has been accused of", a new statement by
                  someone else right after a closed quote. A wrong name is worse than none.

Whatever the sieve, a quote whose cue says someone else reported the words (`Lo said,
according to CNN`) keeps who relayed them as Quote.via (relays.py); a continuation keeps
the via of the quote it continues.
"""
from __future__ import annotations

from store.extract.quotes.context import Context, Cue, region_end
from store.extract.quotes.pronouns import resolve_pronoun
from store.extract.quotes.relays import passage_source, relay_of
from store.extract.quotes.sieves import SIEVES, SIEVES_BY_KIND
from store.model import Person, Quote, Sieve


def attribute(text: str, paras, sents, people: list[Person], quotes: list[Quote]) -> Context:
    """Fill each quote's speaker, cue and sieve in place; the article as the sieves saw it."""
    art = Context(text, paras, sents, people, quotes)
    by_name = {p.name: p for p in people}
    for i, q in enumerate(quotes):
        for sieve in SIEVES_BY_KIND.get(q.kind, SIEVES):
            cue = sieve(art, i)
            if cue is not None:
                _apply(art, i, cue)
                break
        if q.cue_start is not None and q.sieve != Sieve.AMBIGUOUS:
            if q.cue_start >= art.outer[i][1]:      # a cue after the quote owns the words up to the next
                art.cue_spans[i] = (art.outer[i][1], max(q.cue_end, region_end(art, i)))
            else:
                art.cue_spans[i] = (q.cue_start, q.cue_end)
        if q.speaker:
            art.speakers.append((art.outer[i][0], by_name[q.speaker]))
            art.antecedent_cache.clear()         # a new speaker: pronouns may mean them
            art.said.append((q.text, q.speaker))
    return art


def _apply(art: Context, i: int, cue: Cue) -> None:
    q = art.quotes[i]
    if cue.kind == "copy":                 # a continuation: the previous quote's attribution
        prev = art.quotes[i - 1]
        q.speaker, q.cue, q.cue_start, q.cue_end = prev.speaker, prev.cue, prev.cue_start, prev.cue_end
        q.source, q.described = prev.source, prev.described
        q.via = prev.via or (passage_source(art, i) if q.speaker else None)
        q.sieve = str(Sieve.CONTINUATION) if prev.speaker or prev.source else prev.sieve
        return
    person = cue.person if cue.kind == "name" else None
    sieve = cue.sieve
    if cue.kind == "pronoun":
        person = resolve_pronoun(art, cue.start, cue.gender)
        sieve = Sieve.PRONOUN if sieve != Sieve.CONTINUATION else sieve
    elif cue.kind == "name" and q.kind == "partial" and sieve == Sieve.VERB_NAME and cue.end <= q.start:
        sieve = Sieve.PARTIAL_SUBJECT
    q.speaker = person.name if person else None
    q.source = cue.source if person is None and cue.kind == "unnamed" else None
    q.described = cue.described if person is None and cue.kind == "unnamed" else None
    q.cue, q.cue_start, q.cue_end = art.text[cue.start:cue.end], cue.start, cue.end
    q.sieve = str(sieve)
    q.via = relay_of(art, i)
