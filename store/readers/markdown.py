"""Markdown, with optional YAML-style front matter for the metadata."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Article
from store.extract.text import clean_text
from .common import FIELDS, Format, headline, title_from_name


def read_markdown(text: str, name: str, stem: str | None) -> Article:
    text = clean_text(text).lstrip("\n")
    meta: dict[str, str] = {}
    m = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if m:
        for line in m.group(1).split("\n"):
            kv = re.match(r"\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
            if kv and kv.group(1).lower() in FIELDS and kv.group(2):
                meta[FIELDS[kv.group(1).lower()]] = _unquote(kv.group(2))
        text = text[m.end():].lstrip("\n")
    title = meta.pop("title", None)
    if not title:
        h = re.match(r"#\s+(.+)", text)
        title = h.group(1).strip() if h else headline(text) or title_from_name(stem)
    return Article(text=text, title=title, path=name, **meta)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read(text: str, name: str, stem: str | None) -> Iterator[Article]:
    yield read_markdown(text, name, stem)


FORMAT = Format("Markdown", (".md", ".markdown"), read)
