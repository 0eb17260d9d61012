"""Plain text: the first line is the title when it reads as a headline, else the file name."""
from __future__ import annotations

from typing import Iterator

from ..model import Article
from store.extract.text import clean_text
from .common import Format, headline, title_from_name


def read_text(text: str, name: str, stem: str | None) -> Article:
    text = clean_text(text)
    return Article(text=text, title=headline(text) or title_from_name(stem), path=name)


def read(text: str, name: str, stem: str | None) -> Iterator[Article]:
    yield read_text(text, name, stem)


FORMAT = Format("plain text", (".txt", ".text"), read)
