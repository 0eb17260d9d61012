"""Publication dates as ISO 8601 text that sorts: every reader's date goes through iso_date.

A date with a time and a zone (RSS's RFC 822 "Fri, 01 Jan 2010 10:00:00 GMT", Atom's
RFC 3339 "2010-01-01T12:00:00+02:00") is converted to UTC and written
"2010-01-01T10:00:00Z"; a date alone stays a date ("2010-01-01"); a time without a zone
stays as given (its zone is unknown, so it is not guessed). Text that is no date is kept
as it was: nothing the input says is lost.
"""
from __future__ import annotations

import re
import time
from datetime import datetime, timezone

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# RFC 822 with a zone name email.utils does not know (EST, CEST...) is read without it
_ZONE_NAMES = {"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "BST": "+0100", "CET": "+0100",
               "CEST": "+0200", "EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
               "MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700"}


def iso_date(value: str | None) -> str | None:
    """value as ISO 8601 (see the module's note); None for None or blank."""
    if value is None or not value.strip():
        return None
    text = " ".join(value.split())
    if _DATE_ONLY.fullmatch(text):
        return text
    when = _rfc3339(text) or _rfc822(text)
    try:
        return utc_text(when) if when else text
    except OverflowError:          # year 1 east of Greenwich, year 9999 west of it
        return text


def is_iso(text: str | None) -> bool:
    """Whether text is a date iso_date wrote (not text it kept because it was no date)."""
    return bool(text and _DATE_ONLY.match(text))


def utc_text(when: datetime) -> str:
    """A datetime as ISO 8601 text: in UTC with a Z when it has a zone, as given when not."""
    if when.tzinfo is None:
        return when.isoformat(timespec="seconds")
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_struct(value: time.struct_time | None) -> str | None:
    """A UTC struct_time (what feedparser gives) as ISO 8601 text."""
    if value is None:
        return None
    return utc_text(datetime(*value[:6], tzinfo=timezone.utc))


def _rfc3339(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if _DATE_ONLY.match(text) else text)
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    from email.utils import parsedate_to_datetime      # lazily: email costs the app's start-up 5 ms

    words = text.split()
    if words and words[-1].upper() in _ZONE_NAMES:
        words[-1] = _ZONE_NAMES[words[-1].upper()]
    try:
        return parsedate_to_datetime(" ".join(words))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
