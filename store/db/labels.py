"""How every screen and table writes a row's fields: who said a quote, its confidence,
text on one line, and the placeholders ("None", "null") some archives write for a
missing value."""
from __future__ import annotations

import re

# An article's metadata as some archives write a missing value: the string "None" (a
# Python None printed into JSON), "null", "N/A"... These read as missing everywhere.
METADATA = ("title", "source", "url", "published", "author")
MISSING = frozenset({"none", "null", "nil", "nan", "n/a", "na", "undefined", "-", "--", "?"})


def given(value):
    """A metadata value, or None where it is missing or a placeholder for missing."""
    if value is None or (isinstance(value, str) and value.strip().lower() in MISSING | {""}):
        return None
    return value


def speaker_label(row: dict) -> str:
    """Who said a quote, as every screen and table writes it: the person; else the
    organisation the text names as its source, marked as such (never shown as if it were
    a person); else the text's description of an unnamed source ("a council spokesperson
    (unnamed)"); else a withheld guess ("likely Ann Cole, low confidence"), never as the
    speaker; else "unknown speaker"."""
    if row.get("speaker"):
        return row["speaker"]
    if row.get("organisation"):
        return one_line(row["organisation"]) + " (organisation)"
    if one_line(row.get("described")):
        return one_line(row["described"]) + " (unnamed)"
    if one_line(row.get("likely")):
        return likely_label(row)
    return "unknown speaker"


def likely_label(row: dict) -> str:
    """A withheld guess at the speaker: "likely Ann Cole, low confidence"."""
    return f"likely {one_line(row.get('likely'))}, low confidence"


def confidence_label(row: dict) -> str:
    """A quote's confidence as a percentage ("96%"); "" where none was measured."""
    try:
        value = float(row.get("confidence"))
    except (TypeError, ValueError):
        return ""
    if value != value:             # NaN
        return ""
    value = max(0.0, min(1.0, value))
    # never rounded up to a certainty it is not: 0.996 is 99%
    return f"{100 if value == 1 else min(99, round(value * 100))}%"


_SPACE = re.compile(r"\s+")
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def one_line(text: str | None) -> str:
    """Text on one line: runs of whitespace become one space, and escape sequences and other
    control characters go (a store written before readers cleaned file names may hold them)."""
    return _SPACE.sub(" ", _CONTROL.sub("", _ESCAPE.sub("", text or ""))).strip()
