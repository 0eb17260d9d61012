"""JSON: one record, a list of records, or an export wrapping its list of records. A
record is an object with a text (or body, or content) field and any metadata fields."""
from __future__ import annotations

import json
from typing import Iterator

from ..model import Article
from store.extract.text import clean_text
from .common import FIELDS, Format, Skipped, Unreadable, one_line


def read_json(text: str, name: str, stem: str | None = None) -> Iterator[Article | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise Unreadable(f"invalid JSON (line {e.lineno}: {e.msg})") from None
    if isinstance(data, dict) and not any(isinstance(data.get(k), str) for k in ("text", "body", "content")):
        # an export wrapping its records: {"articles": [...]} or {"items": [...]}
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
        if len(lists) == 1:
            data = lists[0]
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        yield from read_record(record, name, n)


def read_record(record, name: str, n: int) -> Iterator[Article | Skipped]:
    """The article in the nth record of a file (JSON or JSON Lines), or why not."""
    if not isinstance(record, dict):
        yield Skipped(f"{name}#{n}", "record is not a JSON object")
        return
    rid = one_line(_field(record.get("id")))
    where = f"{name}#{rid or n}"
    text = next((record[k] for k in ("text", "body", "content") if isinstance(record.get(k), str)), None)
    if text is None or not text.strip():
        yield Skipped(where, "no text (expected a text, body or content field)")
        return
    meta = {}
    for key, value in record.items():
        target = FIELDS.get(str(key).lower())
        if target and target != "id" and target not in meta and (field := one_line(_field(value))):
            meta[target] = field
    yield Article(text=clean_text(text), path=where, id=rid, **meta)


def _field(value) -> str | None:
    """A metadata value as one string: lists (several authors) joined, objects named."""
    if value is None or value == "":
        return None
    if isinstance(value, list):
        parts = [_field(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        return _field(value.get("name") or value.get("title"))
    return str(value)


FORMAT = Format("JSON", (".json",), read_json, archive=True)
