"""Quote spans: every stretch of text inside quotation marks, with its offsets, and the
speaker's name as the text writes it. Who said each quote is attribute.py's work."""
from __future__ import annotations

import bisect
import re

from store.model import Person, Quote
from store.extract.text import ends_with_any, find_all, matches_at

# Straight '' (two apostrophes, some wire archives) counts as a double mark.
# An apostrophe between two letters (don't, Starmer’s) is never a mark, so is not matched.
# (tried only where str.find saw one of _MARK_CHARS: see quote_spans)
_MARKS = re.compile(r"(?=['\"“”‘’])(?:''|[\"“”‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z]))")
_MARK_CHARS = "'\"“”‘’"
# Word-initial elisions that open with an apostrophe but are not quotation marks.
_ELISIONS = re.compile(r"(?:n|em|cause|til|tis|twas|round|\d\d?s?)\b", re.I)
_OPENERS_BEFORE = set(" \t\n([{—–-/") | {""}


def quote_spans(text: str, paras, sents=None) -> list[Quote]:
    """Every quoted span, paragraph by paragraph. A double quote still open at the end of
    a paragraph runs to the paragraph's end when the next paragraph reopens it (a quote over
    several paragraphs), else to the end of its sentence; a single quote without its closing
    mark in the paragraph is taken as an apostrophe."""
    quotes: list[Quote] = []
    # offsets of every character that may be a mark: str.find is ~10x faster than trying
    # _MARKS at every offset, and _MARKS is then tried only at these
    at = find_all(text, _MARK_CHARS)
    for k, (pstart, pend) in enumerate(paras):
        lo = bisect.bisect_left(at, pstart)
        if lo == len(at) or at[lo] >= pend:
            continue                    # no mark in the paragraph (most have none)
        spans, tail = _paragraph_spans(text, pstart, pend, at)
        slip = None
        if tail is not None:
            reopens = k + 1 < len(paras) and _REOPEN.match(text, paras[k + 1][0])
            # without the next paragraph reopening it, an unclosed mark is a slip: keep
            # its own sentence only, never the rest of a long paragraph
            slip = (tail, pend if reopens else _sentence_end(text, tail, pend, sents))
            spans.append(slip)
        if not spans:
            continue                    # apostrophes only
        trimmed = {span: _trim(text, *span) for span in spans}
        # quotes are apart or nested, never crossing: where the unclosed one, cut at its
        # sentence's end, would cross a closed one, the closed one stands (closed ones
        # never cross each other, so only the unclosed one is checked: linear, not quadratic)
        kept: list[tuple[int, int]] = []
        for span in sorted(spans, key=lambda span: span == slip):
            start, end = trimmed[span]
            if span == slip and any(s < start < e < end or start < s < end < e for s, e in map(trimmed.get, kept)):
                continue
            if any(c.isalnum() for c in text[start:end]):   # not a stray mark around "."
                kept.append(span)
        for span in sorted(kept):
            start, end = trimmed[span]
            quotes.append(Quote(start=start, end=end, text=text[start:end], kind=_kind(text, start, end, pstart)))
    return quotes


def _paragraph_spans(text: str, pstart: int, pend: int, at: list[int]):
    """The closed spans of one paragraph, and where a double quote still open at its end
    began (None when every quote closed). `at`: the offsets of the text's mark characters."""
    spans = []
    dopen = None      # offset just after an open double mark
    dcurly = False    # whether that mark was a curly one
    nested = 0        # offset after a curly mark inside a straight quote, 0 when none
    sopen = None      # same for a single mark (only outside double quotes)
    for m in matches_at(_MARKS, text, pstart, pend, at):
        mark, i, j = m.group(), m.start(), m.end()
        before = text[i - 1] if i > pstart else ""
        after = text[j] if j < pend else ""
        if mark in ("“", '"', "''", "”"):
            if mark == "“":
                role = "open"
            elif mark == "”":
                role = "close"
            else:
                role = _straight_role(before, after, dopen is not None)
            if dopen is not None and not dcurly and mark in "“”":
                # nested spans are quotes too ("… the question: “As you know …”")
                if mark == "“":
                    nested = j
                    continue
                if nested:
                    spans.append((nested, i))
                    nested = 0
                    continue
            if role == "open" and dopen is not None and dcurly and mark != "“":
                continue      # a straight quote inside a curly one
            if role == "open":
                dcurly, nested = mark == "“", 0
                if dopen is not None and j - dopen > 0 and mark == "“":
                    # a new opening mark while one is open: the first one was never closed
                    spans.append((dopen, i))
                dopen, sopen = j, None
            elif role == "close" and dopen is not None:
                spans.append((dopen, i))
                dopen = None
            continue
        if dopen is not None:
            continue  # a quote inside a quote belongs to the outer one
        if mark == "‘" or (mark == "'" and before in _OPENERS_BEFORE and after.isalnum()
                           and not _ELISIONS.match(text, j)):
            if sopen is None:
                sopen = j
        elif sopen is not None and before and not before.isspace() and not after.isalnum():
            if not _plural_possessive(text, i, after):
                spans.append((sopen, i))
                sopen = None
    return spans, (dopen if dopen is not None and pend > dopen else None)


_REOPEN = re.compile(r"[“\"]|''")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"])")


def _sentence_end(text: str, start: int, pend: int, sents) -> int:
    """The end of the sentence that holds offset start (its paragraph's end at most)."""
    if sents:
        i = bisect.bisect_right(sents, (start, float("inf"))) - 1
        if i >= 0 and sents[i][0] <= start < sents[i][1]:
            return min(sents[i][1], pend)
    m = _SENTENCE_END.search(text, start, pend)
    return m.end() if m else pend


def _straight_role(before: str, after: str, is_open: bool) -> str:
    """Whether a straight double mark opens or closes, from the characters around it."""
    if before in _OPENERS_BEFORE and after and not after.isspace():
        return "open"
    if before and not before.isspace():
        return "close"
    return "close" if is_open else "open"


def _plural_possessive(text: str, i: int, after: str) -> bool:
    """ "the 1990s' boom", "voters' rights": an apostrophe after s followed by a word."""
    return text[i - 1] == "s" and after == " " and bool(_SPACE_LOWER.match(text[i + 1:i + 3]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_SPACE_LOWER = re.compile(r" [a-z]")
_NEXT_WORD = re.compile(r"[”\"’']*\s*(\w)?")


def _kind(text: str, start: int, end: int, pstart: int) -> str:
    """full: the quote is a sentence of speech (starts one, or follows a colon or a comma
    with a capital); partial: words embedded in the writer's sentence."""
    first = text[start]
    if not (first.isupper() or first in "[…."):
        return "partial"
    after = _NEXT_WORD.match(text[end:end + 8])
    if after and after.group(1) and after.group(1).islower() and not ends_with_any(text[start:end], ".!?,;:…"):
        return "partial"       # "'Evil twin' threat to users": words the sentence goes on from
    before = text[max(pstart, start - 40):start - 1].rstrip()
    if not before or before[-1] in ".!?:”\"'’":
        return "full"
    if before[-1] == "," and ends_with_any(text[start:end], ".!?,"):
        return "full"
    return "partial"


def speaker_as_written(text: str, quote: Quote, people: list[Person]) -> str | None:
    """The speaker's name as the text writes it at the cue ("Mr. Obama", "Trump"), or for
    a pronoun or a continuation the latest such name before the quote; the canonical name
    when there is none. Gold sets that name the speaker by the source words (PolNeAR)
    compare against this form."""
    person = next((p for p in people if p.name == quote.speaker), None)
    if person is None:
        return quote.speaker
    named = [(s, e) for s, e in person.mentions if text[s].isupper() and not text.startswith("The ", s)]
    inside = [m for m in named if quote.cue_start is not None and quote.cue_start <= m[0] and m[1] <= quote.cue_end]
    before = [m for m in named if m[1] <= quote.start]
    if inside:
        start, end = inside[0]
    elif before:
        start, end = before[-1]
    else:
        return quote.speaker
    words = text[start:end].split()
    # "Director Marc Rothemund", "Mr. Obama": the name without a title the name lacks
    own = set(person.name.split())
    while len(words) > 1 and words[0] not in own:
        words.pop(0)
    return " ".join(words)
