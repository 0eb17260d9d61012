"""Extraction over any text a reader can hand it: it never raises, every offset points
at the text it claims, quotes never cross (one nested wholly inside another is by design),
figure values are finite, and nothing it returns carries a character a terminal would act
on."""
from __future__ import annotations

import math

from hypothesis import example, given

from store.extract import extract, to_json
from store.extract.text import clean_text
from store.model import Article
from tests.property.strategies import news_text, safe_line


def check(text: str) -> None:
    ex = extract(text)
    n = len(text)
    for s, e in ex.paragraphs + ex.sentences:
        assert 0 <= s <= e <= n
        assert text[s:e] == text[s:e].strip()
    for p in ex.people:
        assert p.name and safe_line(p.name) and safe_line(p.role)
        for s, e in p.mentions:
            assert 0 <= s < e <= n
            assert text[s:e] in p.forms, (text[s:e], p.forms)
    spans = []
    for q in ex.quotes:
        assert 0 <= q.start <= q.end <= n
        assert text[q.start:q.end] == q.text
        assert q.kind in ("full", "partial")
        if q.cue_start is not None or q.cue_end is not None:
            assert 0 <= q.cue_start <= q.cue_end <= n
            assert text[q.cue_start:q.cue_end] == q.cue
        if q.speaker:
            assert q.speaker in {p.name for p in ex.people}
        if q.confidence is not None:
            assert 0.0 <= q.confidence <= 1.0
        assert safe_line(q.speaker) and safe_line(q.likely)
        for field in (q.source, q.described):    # as written: a hard-wrapped one keeps its line break
            assert safe_line(field, newlines=True)
        spans.append((q.start, q.end))
    # quotes never cross: two are apart, or one is nested wholly inside the other (a quote
    # inside a quote is a quote of its own by design: 'said "She asked “why now?” and left"')
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1:]:
            apart = e1 <= s2 or e2 <= s1
            nested = (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2)
            assert apart or nested, f"quotes cross: {text[s1:e1]!r} and {text[s2:e2]!r}"
    for f in ex.figures:
        assert 0 <= f.start < f.end <= n
        assert text[f.start:f.end] == f.text
        assert math.isfinite(f.value), f
        assert safe_line(f.unit) and safe_line(f.about) and safe_line(f.qualifier)


@given(news_text)
@example("It cost " + "9" * 400 + " pounds, he said.")                # a value too big for a float
@example('Ann Cole said "hi \ud800 there" today.\r\nBob')              # a lone surrogate, CRLF
def test_extraction_of_cleaned_text_keeps_its_promises(raw):
    text = clean_text(raw)
    assert safe_line(text, newlines=True)
    check(text)


@given(news_text)
def test_cleaning_is_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once


@given(news_text)
def test_the_json_of_an_extraction_encodes(raw):
    """`byline extract --json` writes it as UTF-8 (a lone surrogate would not encode)."""
    import json

    text = clean_text(raw)
    out = json.dumps(to_json(Article(text=text, path="x.txt"), extract(text)), ensure_ascii=False,
                     allow_nan=False)
    out.encode("utf-8")
