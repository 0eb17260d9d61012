"""Citations for a quote, a sentence or a figure, in three styles (STYLES).

plain (a quote):
    “It’s time to step up … peace.” — Keir Starmer, prime minister, quoted in “Title” by Jane Doe, Source, 2025-03-02. https://…
markdown: the same as a blockquote, the URL in angle brackets:
    > “It’s time to step up … peace.”
    >
    > — Keir Starmer, prime minister, quoted in “Title” by Jane Doe, Source, 2025-03-02. <https://…>
ap (AP-like: the quote, then who said it, then the outlet that reported it and the date
written as AP writes dates, "March 2, 2025", "Sept. 5, 2024"):
    “It’s time to step up … peace,” Keir Starmer, prime minister, said, as reported by Jane Doe of Source on March 2, 2025. https://…

A sentence (the reader) or a figure (with the sentence it was read from) is cited to its
article the same way: `£1.6bn: “The sentence.” — “Title” by Jane Doe, Source, 2025-03-02. https://…`
(ap: `As reported by Jane Doe of Source on March 2, 2025: “The sentence.” https://…`).

Whatever the article's metadata lacks is left out (never "None"). A quote with no person
but an organisation named as its source is cited to the organisation: “…” — PolitiFact, quoted in …
An unnamed source is cited as the text describes it: “…” — a council spokesperson, quoted in …
A quote whose speaker byline only guessed, with too little confidence to name them (a
`likely` person), is never cited as theirs: “…” — speaker unconfirmed (likely Ann Cole), quoted in …
A quote the article relays from someone else (`Lo said, according to CNN`: `via`) credits the
relay: “…” — Ann Lo, as reported by CNN, quoted in … (ap: “…,” Ann Lo said, according to CNN,
as reported by …); unconfirmed: speaker unconfirmed (likely Ann Lo, reported by CNN).
"""
from __future__ import annotations

import re

from store.extract.text import clean_text

STYLES = ("plain", "markdown", "ap")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


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
    """ "Keir Starmer, prime minister, quoted in “Title” by Jane Doe, Source, 2025-03-02." """
    parts = [cited_as(row)]
    if _clean(row.get("speaker")) and _clean(row.get("role")):
        parts.append(_clean(row["role"]))
    if _clean(row.get("via")) and not _unconfirmed(row):
        parts.append(f"as reported by {_clean(row['via'])}")
    where = article_line(row)
    if where:
        parts.append("quoted in " + where)
    return ", ".join(parts) + "."


def article_line(row: dict) -> str:
    """The article a row comes from: "“Title” by Jane Doe, Source, 2025-03-02" (the parts
    it has; "" for none)."""
    title, author = _title(row), _clean(row.get("author"))
    if author:
        title = f"{title} by {author}" if title else f"an article by {author}"
    return ", ".join(w for w in (title, _clean(row.get("source")), _date(row.get("published"))) if w)


def cited_as(row: dict) -> str:
    """Who the citation names: the person; else the organisation named as the source; else
    an unnamed source as described; else, for a withheld guess, "speaker unconfirmed
    (likely Ann Cole)", or with the relay the text names, "(likely Ann Cole, reported by
    CNN)"; else "Unknown speaker"."""
    named = _clean(row.get("speaker")) or _clean(row.get("organisation")) or _clean(row.get("described"))
    if named:
        return named
    likely = _clean(row.get("likely"))
    if likely:
        via = _clean(row.get("via"))
        return f"speaker unconfirmed (likely {likely}" + (f", reported by {via})" if via else ")")
    return "Unknown speaker"


def _unconfirmed(row: dict) -> bool:
    """Cited as "speaker unconfirmed (likely …)": the relay is named inside the brackets."""
    return not (_clean(row.get("speaker")) or _clean(row.get("organisation")) or _clean(row.get("described"))) \
        and bool(_clean(row.get("likely")))


def cite(row: dict, style: str = "plain") -> str:
    """row: a quote row as store.db.reads.quote() returns it."""
    _check_style(style)
    quoted = f"“{quote_text(row)}”"
    url = _clean(row.get("url"))
    if style == "ap":
        return _with_url(_ap_quote(row), url)
    if style == "markdown":
        return f"> {quoted}\n>\n> — {attribution(row)}" + (f" <{url}>" if url else "")
    return _with_url(f"{quoted} — {attribution(row)}", url)


def cite_passage(text: str, row: dict, style: str = "plain", figure: str | None = None) -> str:
    """A sentence of an article (row: the article's title, source, published, author, url),
    or the sentence a figure was read from with the figure first (plain and markdown)."""
    _check_style(style)
    quoted = f"“{' '.join(clean_text(text).split())}”"
    url, where = _clean(row.get("url")), article_line(row)
    lead = f"{_clean(figure)}: " if _clean(figure) else ""
    if style == "ap":
        reporter = _reported_by(row)
        return _with_url(f"{reporter[0].upper()}{reporter[1:]}: {quoted}" if reporter else quoted, url)
    if style == "markdown":
        return f"> {lead}{quoted}" + (f"\n>\n> — {where}." if where else "") + (f" <{url}>" if url else "")
    return _with_url(f"{lead}{quoted}" + (f" — {where}." if where else ""), url)


def cite_article(row: dict, style: str = "plain") -> str:
    """An article: "“Title” by Jane Doe, Source, 2025-03-02. https://…" (ap: "“Title”, as
    reported by Jane Doe of Source on March 2, 2025. https://…"; markdown: the URL in <>)."""
    _check_style(style)
    url = _clean(row.get("url"))
    if style == "ap":
        text = ", ".join(w for w in (_title(row), _reported_by(row)) if w)
    else:
        text = article_line(row)
    text = (text + ".") if text else ""
    if style == "markdown" and url:
        return f"{text} <{url}>".strip()
    return _with_url(text, url).strip()


def ap_date(published) -> str | None:
    """An ISO date as AP writes it ("March 2, 2025", "Sept. 5, 2024"); anything else as given."""
    value = _date(published)
    found = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    if not found or not 1 <= int(found[2]) <= 12:
        return value
    return f"{AP_MONTHS[int(found[2]) - 1]} {int(found[3])}, {found[1]}"


def _ap_quote(row: dict) -> str:
    """ “Words,” Speaker, role, said, as reported by Author of Source on March 2, 2025.
    Relayed: “Words,” Speaker said, according to CNN, as reported by …"""
    who = cited_as(row)
    if not _clean(row.get("speaker")) and not _clean(row.get("organisation")) and not _clean(row.get("described")):
        who = "an unknown speaker" if who == "Unknown speaker" else who.replace("speaker unconfirmed",
                                                                                "an unconfirmed speaker")
    if _clean(row.get("speaker")) and _clean(row.get("role")):
        who += f", {_clean(row['role'])},"
    text = quote_text(row)
    if text.endswith("."):
        text = text[:-1] + ","                 # AP: the full stop becomes a comma before "said"
    elif not text.endswith(("?", "!", ",")):
        text += ","
    reporter = _reported_by(row)
    via = _clean(row.get("via"))
    said = f"said, according to {via}" if via and not _unconfirmed(row) else "said"
    return f"“{text}” {who} {said}" + (f", {reporter}." if reporter else ".")


def _reported_by(row: dict) -> str:
    """ "as reported by Jane Doe of Source on March 2, 2025" (the parts the article has)."""
    author, source, date = _clean(row.get("author")), _clean(row.get("source")), ap_date(row.get("published"))
    by = " of ".join(w for w in (author, source) if w)
    if not by and not date:
        return ""
    return "as reported" + (f" by {by}" if by else "") + (f" on {date}" if date else "")


def _with_url(text: str, url: str | None) -> str:
    return text + (f" {url}" if url else "")


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (choose from {', '.join(STYLES)})")


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
