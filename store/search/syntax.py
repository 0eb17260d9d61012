"""Query syntax, as in fzf: `'exact` (no typos; matches from the start of a word),
`^start` (the sentence starts with it), `end$` (the sentence ends with that word), `!not`
(leave out sentences containing it), `"a phrase"` (these words in this order); anything
else is fuzzy. The last word is also matched as a prefix unless the query ends with a
space. Words of one character are ignored (they would match nearly every sentence), so a
one-character query finds nothing; two characters use the FTS prefix index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .ranking import Word
from .tokens import TOKEN, fold, tokens

_EDGE = r"[\W_]*"


class SearchSyntaxError(ValueError):
    """A query that cannot be parsed; the message is one line, fit to show the user."""


@dataclass
class Term:
    """An operator term: kind is exact, phrase, start, end, or start+end; negated for !."""
    kind: str
    text: str            # folded
    negated: bool = False

    def words(self) -> list[str]:
        return TOKEN.findall(self.text)

    @cached_property
    def regex(self) -> re.Pattern:
        body = re.escape(self.text)
        if self.kind == "phrase":
            body = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, self.words())) + r"(?![^\W_])"
        elif self.kind in ("start", "start+end"):
            body = "^" + _EDGE + "(" + body + ")"
        if self.kind in ("end", "start+end"):
            if self.kind == "end" and self.text[:1].isalnum():
                body = r"(?<![^\W_])" + body
            body = body + _EDGE + "$"
        return re.compile(body)

    def spans(self, folded: str) -> list[tuple[int, int]]:
        pattern = self.regex
        if self.kind in ("start", "start+end"):
            m = pattern.search(folded)
            return [m.span(1)] if m else []
        if self.kind == "end":
            m = pattern.search(folded)
            return [(m.start(), m.start() + len(self.text))] if m else []
        return [m.span() for m in pattern.finditer(folded)]


@dataclass
class Query:
    words: list[Word]
    terms: list[Term]

    def accepts(self, folded: str) -> bool:
        for term in self.terms:
            found = bool(term.spans(folded)) if term.kind != "exact" else term.text in folded
            if found == term.negated:
                return False
        return True


_CHUNK = re.compile(r'(!?)"([^"]*)"|[^\s"]+')


def parse(query: str) -> Query:
    """Split a query into fuzzy words and operator terms; raise SearchSyntaxError."""
    if query.count('"') % 2:
        raise SearchSyntaxError('unbalanced quote: a phrase needs a closing "')
    plain: list[str] = []
    terms: list[Term] = []
    last_is_plain = False
    for m in _CHUNK.finditer(query):
        last_is_plain = False
        if m.group(2) is not None:
            text = fold(m.group(2).strip())
            if not TOKEN.search(text):
                raise SearchSyntaxError("empty phrase: put words between the quotes")
            terms.append(Term("phrase", text, negated=bool(m.group(1))))
            continue
        chunk = m.group()
        negated = chunk.startswith("!")
        body = chunk[1:] if negated else chunk
        kind = ""
        if body.startswith("'"):
            kind, body = "exact", body[1:]
        elif body.startswith("^") or (body.endswith("$") and len(body) > 0):
            start, end = body.startswith("^"), body.endswith("$")
            body = body[1 if start else 0: -1 if end else None]
            kind = "start+end" if start and end else "start" if start else "end"
        if not body:
            raise SearchSyntaxError(f"operator {chunk!r} needs a word right after it (as in !word, 'word, ^word, word$)")
        if kind or negated:
            terms.append(Term(kind or "exact", fold(body), negated))
        else:
            plain.append(body)
            last_is_plain = True
    texts = tokens(" ".join(plain))
    prefix_last = last_is_plain and not query[-1:].isspace() and bool(texts)
    words = [word(t, prefix_last and i == len(texts) - 1) for i, t in enumerate(texts) if len(t) > 1]
    return Query(words, terms)


@lru_cache(maxsize=512)
def word(text: str, prefix: bool) -> Word:
    """The query word, cached with its memo, so typing on reuses similarities (a memo of
    a pure function: the same for every store)."""
    return Word(text, prefix)
