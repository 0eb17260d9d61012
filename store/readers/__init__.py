"""Reading articles from files: one module per format, chosen by the file's suffix.

`read_paths(paths)` yields an Article for each article read and a Skipped for each file
(or record) that could not be read, so one bad file never stops a batch. Every text
passes through clean_text, so offsets computed later index exactly the stored text.

To read a new format: a module with a reader and its Format (see common.Format), and
its entry in FORMATS below.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..dates import iso_date
from ..model import Article
from . import common, feeds, html_pages, json_lines, json_records, markdown, plain_text
from .common import Format, Skipped, Unreadable, decode, is_url

__all__ = ["FORMATS", "Format", "SUFFIXES", "Skipped", "Unreadable", "decode", "format_of", "is_url", "read_file",
           "read_paths", "read_url"]

FORMATS: list[Format] = [
    plain_text.FORMAT,
    markdown.FORMAT,
    html_pages.FORMAT,
    feeds.FORMAT,
    json_lines.FORMAT,
    json_records.FORMAT,
]
BY_SUFFIX: dict[str, Format] = {suffix: f for f in FORMATS for suffix in f.suffixes}
SUFFIXES = set(BY_SUFFIX)


def format_of(suffix: str) -> Format:
    """The format of a file with this suffix; plain text for one byline does not know
    (a file named on the command line is read whatever its suffix)."""
    return BY_SUFFIX.get(suffix.lower(), plain_text.FORMAT)


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively), stdin ("-") and URLs (a web page or a
    feed), in the order given."""
    for p in paths:
        if str(p) == "-":
            yield from _guard("<stdin>", lambda: _read_stdin())
            continue
        if is_url(str(p)):
            yield from _guard(str(p), lambda p=str(p): read_url(p))
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    if f.suffix.lower() in SUFFIXES:
                        yield from _guard(file_name(f), lambda f=f: read_file(f))
                    else:
                        yield Skipped(file_name(f), f"unsupported file type ({f.suffix or 'no extension'})")
        elif not path.exists():
            yield Skipped(file_name(path), "no such file or directory")
        else:
            yield from _guard(file_name(path), lambda: read_file(path))


def file_name(path: Path | str) -> str:
    """A file's name as text the store and a terminal can take: bytes that are not UTF-8 (a
    Latin-1 name, which Python holds as lone surrogates) and control characters (an escape
    in a name) written as \\x.. escapes, so two names stay two keys."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _guard(name: str, read) -> Iterator[Article | Skipped]:
    """Turn a reader's failure into a Skipped, keeping what it yielded before failing.
    Every article's date leaves here as ISO 8601 (dates.iso_date), whatever its format."""
    try:
        for item in read():
            if isinstance(item, Article) and len(item.text) > common.MAX_ARTICLE_CHARS:
                item = Skipped(item.path or name, f"too long for one article ({len(item.text) / 1e6:.1f} million "
                                                  f"characters of text, at most {common.MAX_ARTICLE_CHARS / 1e6:.0f})")
            elif isinstance(item, Article) and item.published:
                item.published = iso_date(item.published)
            yield item
    except Unreadable as e:
        yield Skipped(name, str(e))
    except OSError as e:
        yield Skipped(name, e.strerror or str(e))


def read_file(path: Path) -> Iterator[Article | Skipped]:
    fmt = format_of(path.suffix)
    if fmt.stream is not None:
        with path.open("rb") as f:
            head = f.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # rare: a UTF-16 archive is decoded whole, then read line by line as UTF-8
            if path.stat().st_size > common.MAX_ARCHIVE_BYTES:
                raise Unreadable("UTF-16 archive too large")
            yield from fmt.read(decode(path.read_bytes()), file_name(path), file_name(path.stem))
        else:
            yield from fmt.stream(path.open("rb"), file_name(path))
        return
    size = path.stat().st_size
    limit = common.MAX_ARCHIVE_BYTES if fmt.archive else common.MAX_ARTICLE_BYTES
    if size > limit:
        raise Unreadable(f"too large for one article ({size / 1e6:.0f} MB)")
    data = path.read_bytes()
    yield from _read_bytes(data, fmt, file_name(path), file_name(path.stem))


# what a server's Content-Type says -> the suffix a file of it would have (else sniffed)
_CONTENT_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/rss+xml": ".xml",
                  "application/atom+xml": ".xml", "application/rdf+xml": ".xml", "text/plain": ".txt",
                  "text/markdown": ".md", "application/json": ".json"}


def read_url(url: str) -> Iterator[Article | Skipped]:
    """The page or feed at url (store.web.http fetches it): a page is one article, a feed
    one per entry; anything else (an image, a PDF) is refused."""
    from store.web.http import FetchError, get

    try:
        response = get(url)
    except FetchError as e:
        raise Unreadable(str(e)) from None
    kind = response.content_type
    suffix = _CONTENT_TYPES.get(kind) or (_sniff(response.body) if kind in ("", "text/xml", "application/xml",
                                                                          "application/octet-stream") else None)
    if suffix is None:
        raise Unreadable(f"not a web page or a feed ({kind})")
    body = response.body
    if response.charset and response.charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:        # the server's word on the encoding, where byline would guess otherwise
            body = body.decode(response.charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass
    yield from _read_bytes(body, format_of(suffix), url, None)


def _sniff(data: bytes) -> str:
    """The suffix stdin would have as a file, from its first bytes."""
    head = data.lstrip()[:200]
    if head.startswith(b"{") and b"\n{" in data.strip():
        return ".jsonl"
    if head.startswith((b"{", b"[")):
        return ".json"
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return ".xml"
    if head.lower().startswith((b"<!doctype html", b"<html")):
        return ".html"
    return ".txt"


def _read_stdin() -> Iterator[Article | Skipped]:
    data = sys.stdin.buffer.read(common.MAX_ARCHIVE_BYTES + 1)
    fmt = format_of(_sniff(data))
    if fmt.stream is not None:
        yield from fmt.stream(io.BytesIO(data), "<stdin>")
    else:
        if len(data) > common.MAX_ARTICLE_BYTES and not fmt.archive:
            raise Unreadable("too large for one article")
        yield from _read_bytes(data, fmt, "<stdin>", None)


def _read_bytes(data: bytes, fmt: Format, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    if not data.strip():
        raise Unreadable("empty file")
    text = decode(data)
    if not text.strip():
        raise Unreadable("empty file")
    yield from fmt.read(text, name, stem)
