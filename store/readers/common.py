"""What every reader shares: the outcome of a file that cannot be read (Skipped), the
size limits, decoding bytes to text, the metadata field names, and titles."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from ..model import Article

MAX_ARTICLE_BYTES = 20 * 1024 * 1024      # one article bigger than this is not an article
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024    # a .json list or a feed is read whole
# An article's text (after a page's markup is gone) longer than this is a book or a dump,
# not a news story: extraction is linear but a run-on text of a million quotes takes minutes.
MAX_ARTICLE_CHARS = 2_000_000


@dataclass
class Skipped:
    path: str
    reason: str


class Unreadable(Exception):
    """A file (or record) that is skipped; the message is the one-line reason."""


# metadata field names, as front matter and JSON records write them -> Article fields
FIELDS = {
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "publication": "source", "publisher": "source",
    "url": "url", "link": "url",
    "published": "published", "date": "published", "pubdate": "published",
    "author": "author", "byline": "author", "authors": "author",
    "id": "id",
}

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, else Windows-1252, where news systems'
    smart quotes come from. Binary data is refused rather than decoded into noise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise Unreadable(f"not valid {encoding.upper().replace('-SIG', '')} text") from None
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise Unreadable("undecodable text (neither UTF-8 nor Windows-1252)") from None
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:4096]) // 20:
        raise Unreadable("binary file (control characters)")
    return text


def is_url(text: str) -> bool:
    """Whether a path given to byline is a web address it fetches."""
    return text.lower().startswith(("http://", "https://"))


def one_line(value: str | None) -> str | None:
    """A metadata value (a title, an author, an id) as one clean line; None when nothing
    is left."""
    if value is None:
        return None
    from store.extract.text import clean_text

    return " ".join(clean_text(value).split()) or None


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, no final full stop (unless in
    capitals), and followed by a blank line or much shorter than the lines after it (a
    short dateline may sit in between)."""
    lines = text.lstrip("\n").split("\n")
    first = lines[0].strip()
    rest = [ln.strip() for ln in lines[1:]]
    body = [ln for ln in rest if ln]
    shouted = first.upper() == first      # wire headlines in capitals may end with a full stop
    if not first or not body or len(first) > 150 or (first.endswith((".", ",", ";", ":")) and not shouted):
        return None
    if rest[0] == "" or len(first) * 2 <= max(len(b) for b in body[:3]):
        return first
    return None


def title_from_name(stem: str | None) -> str | None:
    if not stem:
        return None
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else None


@dataclass(frozen=True)
class Format:
    """A file format byline reads: its suffixes and its reader. read(text, name, stem)
    takes the decoded file (name: the path to give the articles; stem: the file name
    without suffix, None for stdin) and yields its articles, and a Skipped for each record
    it cannot read. A format that reads its bytes itself, line by line, also has
    stream(binary file, name); it is then read in bounded memory whatever its size."""
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[str, str, str | None], Iterator[Article | Skipped]]
    archive: bool = False       # holds many articles: read whole up to MAX_ARCHIVE_BYTES
    stream: Callable[[BinaryIO, str], Iterator[Article | Skipped]] | None = None
