"""Citations for a quote: plain text, or a Markdown blockquote.

    “It’s time to step up … peace.” — Keir Starmer, prime minister, quoted in “Title”, Source, 2025-03-02. https://…

Whatever the article's metadata lacks is left out (never "None"). A quote with no person
but an organisation named as its source is cited to the organisation: “…” — PolitiFact, quoted in …
An unnamed source is cited as the text describes it: “…” — a council spokesperson, quoted in …
A quote whose speaker byline only guessed, with too little confidence to name them (a
`likely` person), is never cited as theirs: “…” — speaker unconfirmed (likely Ann Cole), quoted in …
"""
from __future__ import annotations

import re

from store.extract.text import clean_text

STYLES = ("plain", "markdown")


def quote_text(row: dict) -> str:
    """The quote on one line. A full quote that ended with a comma before the cue
    ("…peace,” he said) is a sentence cut short by the attribution: cite it with a full
    stop. A partial quote keeps its words, minus a dangling comma."""
    text = " ".join(clean_text(row.get("text") or "").split())
    if text.endswith(","):
        text = text[:-1].rstrip()
        if row.get("kind") == "full":
            text += "."
    return text


def attribution(row: dict) -> str:
    """ "Keir Starmer, prime minister, quoted in “Title”, Source, 2025-03-02." """
    parts = [cited_as(row)]
    if _clean(row.get("speaker")) and _clean(row.get("role")):
        parts.append(_clean(row["role"]))
    where = [w for w in (_title(row), _clean(row.get("source")), _date(row.get("published"))) if w]
    if where:
        parts.append("quoted in " + ", ".join(where))
    return ", ".join(parts) + "."


def cited_as(row: dict) -> str:
    """Who the citation names: the person; else the organisation named as the source; else
    an unnamed source as described; else, for a withheld guess, "speaker unconfirmed
    (likely Ann Cole)"; else "Unknown speaker"."""
    named = _clean(row.get("speaker")) or _clean(row.get("organisation")) or _clean(row.get("described"))
    if named:
        return named
    likely = _clean(row.get("likely"))
    if likely:
        return f"speaker unconfirmed (likely {likely})"
    return "Unknown speaker"


def cite(row: dict, style: str = "plain") -> str:
    """row: a quote row as store.db.reads.quote() returns it."""
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (choose from {', '.join(STYLES)})")
    quoted = f"“{quote_text(row)}”"
    url = _clean(row.get("url"))
    if style == "markdown":
        return f"> {quoted}\n>\n> — {attribution(row)}" + (f" <{url}>" if url else "")
    return f"{quoted} — {attribution(row)}" + (f" {url}" if url else "")


def _clean(value) -> str | None:
    if value is None:
        return None
    value = " ".join(clean_text(str(value)).split())
    return value or None


def _title(row: dict) -> str | None:
    title = _clean(row.get("title"))
    return f"“{title}”" if title else None


def _date(published) -> str | None:
    """The date part of an ISO timestamp; anything else as given."""
    value = _clean(published)
    if value and re.match(r"\d{4}-\d\d-\d\dT", value):
        return value[:10]
    return value
