"""Reading articles from files: plain text, Markdown, JSON / JSON Lines, HTML and feeds.

`read_paths(paths)` yields an Article for each article read and a Skipped for each file
(or record) that could not be read, so one bad file never stops a batch. Every text
passes through clean_text, so offsets computed later index exactly the stored text.
"""
from __future__ import annotations

import codecs
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .model import Article
from store.extract.text import clean_text

MAX_ARTICLE_BYTES = 20 * 1024 * 1024      # one article bigger than this is not an article
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024    # a .json list or a feed is read whole
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | {".json"}


@dataclass
class Skipped:
    path: str
    reason: str


class Unreadable(Exception):
    """A file (or record) that is skipped; the message is the one-line reason."""


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively) and stdin ("-"), in the order given."""
    for p in paths:
        if str(p) == "-":
            yield from _guard("<stdin>", lambda: _read_stdin())
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    if f.suffix.lower() in SUFFIXES:
                        yield from _guard(str(f), lambda f=f: read_file(f))
                    else:
                        yield Skipped(str(f), f"unsupported file type ({f.suffix or 'no extension'})")
        elif not path.exists():
            yield Skipped(str(path), "no such file or directory")
        else:
            yield from _guard(str(path), lambda: read_file(path))


def _guard(name: str, read) -> Iterator[Article | Skipped]:
    """Turn a reader's failure into a Skipped, keeping what it yielded before failing."""
    try:
        yield from read()
    except Unreadable as e:
        yield Skipped(name, str(e))
    except OSError as e:
        yield Skipped(name, e.strerror or str(e))


def read_file(path: Path) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as f:
            head = f.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # rare: a UTF-16 archive is decoded whole, then read line by line as UTF-8
            if path.stat().st_size > MAX_ARCHIVE_BYTES:
                raise Unreadable("UTF-16 archive too large")
            import io
            yield from _read_jsonl(io.BytesIO(decode(path.read_bytes()).encode("utf-8")), str(path))
        else:
            yield from _read_jsonl(path.open("rb"), str(path))
        return
    size = path.stat().st_size
    limit = MAX_ARCHIVE_BYTES if suffix in {".json"} | FEED_SUFFIXES else MAX_ARTICLE_BYTES
    if size > limit:
        raise Unreadable(f"too large for one article ({size / 1e6:.0f} MB)")
    data = path.read_bytes()
    yield from _read_bytes(data, suffix, str(path), path.stem)


def _read_stdin() -> Iterator[Article | Skipped]:
    data = sys.stdin.buffer.read(MAX_ARCHIVE_BYTES + 1)
    head = data.lstrip()[:200]
    if head.startswith(b"{") and b"\n{" in data.strip():
        suffix = ".jsonl"
    elif head.startswith((b"{", b"[")):
        suffix = ".json"
    elif head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        suffix = ".xml"
    elif head.lower().startswith((b"<!doctype html", b"<html")):
        suffix = ".html"
    else:
        suffix = ".txt"
    if suffix == ".jsonl":
        import io
        yield from _read_jsonl(io.BytesIO(data), "<stdin>")
    else:
        if len(data) > MAX_ARTICLE_BYTES and suffix not in {".json", ".xml"}:
            raise Unreadable("too large for one article")
        yield from _read_bytes(data, suffix, "<stdin>", None)


def _read_bytes(data: bytes, suffix: str, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    if not data.strip():
        raise Unreadable("empty file")
    text = decode(data)
    if not text.strip():
        raise Unreadable("empty file")
    if suffix in MARKDOWN_SUFFIXES:
        yield read_markdown(text, name, stem)
    elif suffix == ".json":
        yield from read_json(text, name)
    elif suffix in HTML_SUFFIXES:
        yield read_html(text, name, stem)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(text, name)
    else:
        yield read_text(text, name, stem)


# --- decoding ---------------------------------------------------------------------------

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


# --- plain text -------------------------------------------------------------------------

def read_text(text: str, name: str, stem: str | None) -> Article:
    text = clean_text(text)
    return Article(text=text, title=headline(text) or title_from_name(stem), path=name)


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


# --- Markdown with front matter ---------------------------------------------------------

_FIELDS = {
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "publication": "source", "publisher": "source",
    "url": "url", "link": "url",
    "published": "published", "date": "published", "pubdate": "published",
    "author": "author", "byline": "author", "authors": "author",
    "id": "id",
}


def read_markdown(text: str, name: str, stem: str | None) -> Article:
    text = clean_text(text).lstrip("\n")
    meta: dict[str, str] = {}
    m = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if m:
        for line in m.group(1).split("\n"):
            kv = re.match(r"\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
            if kv and kv.group(1).lower() in _FIELDS and kv.group(2):
                meta[_FIELDS[kv.group(1).lower()]] = _unquote(kv.group(2))
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


# --- JSON and JSON Lines ----------------------------------------------------------------

def read_json(text: str, name: str) -> Iterator[Article | Skipped]:
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
        yield from _record(record, name, n)


def _read_jsonl(stream, name: str) -> Iterator[Article | Skipped]:
    """One article per line, streamed: an archive of any size reads in bounded memory."""
    with stream:
        for n, raw in enumerate(stream, 1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            if len(raw) > MAX_ARTICLE_BYTES:
                yield Skipped(f"{name}#{n}", "record too large for one article")
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                try:
                    record = json.loads(raw.decode("cp1252"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    yield Skipped(f"{name}#{n}", "undecodable line")
                    continue
            except json.JSONDecodeError as e:
                yield Skipped(f"{name}#{n}", f"invalid JSON ({e.msg})")
                continue
            yield from _record(record, name, n)


def _record(record, name: str, n: int) -> Iterator[Article | Skipped]:
    if not isinstance(record, dict):
        yield Skipped(f"{name}#{n}", "record is not a JSON object")
        return
    rid = _field(record.get("id"))
    where = f"{name}#{rid or n}"
    text = next((record[k] for k in ("text", "body", "content") if isinstance(record.get(k), str)), None)
    if text is None or not text.strip():
        yield Skipped(where, "no text (expected a text, body or content field)")
        return
    meta = {}
    for key, value in record.items():
        target = _FIELDS.get(str(key).lower())
        if target and target != "id" and target not in meta and _field(value):
            meta[target] = clean_text(_field(value))
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


# --- HTML -------------------------------------------------------------------------------

_SKIP = {"script", "style", "nav", "footer", "header", "aside", "noscript", "form", "svg", "figure", "template"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}
_META = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "source", "og:url": "url",
    "article:published_time": "published", "date": "published", "pubdate": "published",
    "article:author": "author", "author": "author", "byl": "author",
}


class _PageParser(HTMLParser):
    """Collects the title, meta tags and the text blocks of a page, noting which blocks
    sit inside <article> or <main> so the story can be told from the page around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.blocks: list[tuple[bool, str]] = []    # (inside article/main, text)
        self.skip = 0
        self.main = 0
        self.in_title = False
        self.current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("article", "main"):
            self.main += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key in _META and a.get("content") and _META[key] not in self.meta:
                self.meta[_META[key]] = a["content"]
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("url", a["href"])
        elif tag in _BLOCKS and not self.skip:
            self._flush()
            self.current = []
        elif tag == "br" and self.current is not None:
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("article", "main"):
            self._flush()
            self.main = max(0, self.main - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif self.current is not None and not self.skip:
            self.current.append(data)

    def _flush(self):
        if self.current is not None:
            text = " ".join("".join(self.current).split())
            if text:
                self.blocks.append((self.main > 0, text))
        self.current = None

    def close(self):
        super().close()
        self._flush()


def html_paragraphs(html: str) -> tuple[list[str], _PageParser]:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    inside = [t for main, t in parser.blocks if main]
    return inside or [t for _, t in parser.blocks], parser


def read_html(html: str, name: str, stem: str | None) -> Article:
    paras, parser = html_paragraphs(html)
    if not paras:
        raise Unreadable("no article text found in the page")
    meta = {k: clean_text(" ".join(v.split())) for k, v in parser.meta.items()}
    title = meta.pop("title", None) or " ".join("".join(parser.title_parts).split()) or title_from_name(stem)
    return Article(text=clean_text("\n\n".join(paras)), title=clean_text(title) if title else None, path=name, **meta)


# --- RSS and Atom feeds -----------------------------------------------------------------

def read_feed(text: str, name: str) -> Iterator[Article | Skipped]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        raise Unreadable(f"invalid XML ({e})") from None

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1].lower()

    def child(el, *names) -> str | None:
        for c in el:
            if local(c.tag) in names and (c.text or "").strip():
                return c.text.strip()
        return None

    channel = next((el for el in root.iter() if local(el.tag) == "channel"), root)
    source = child(channel, "title")
    items = [el for el in root.iter() if local(el.tag) in ("item", "entry")]
    if not items:
        raise Unreadable("feed has no items")
    for n, item in enumerate(items, 1):
        link = child(item, "link")
        if not link:
            link = next((c.get("href") for c in item if local(c.tag) == "link" and c.get("href")), None)
        author = child(item, "author", "creator")
        if author is None:
            author = next((child(c, "name") for c in item if local(c.tag) == "author"), None)
        rid = child(item, "guid", "id")
        body = child(item, "encoded", "content") or child(item, "description", "summary")
        where = f"{name}#{rid or n}"
        if not body:
            yield Skipped(where, "feed item has no text")
            continue
        paras = html_paragraphs(body)[0] if "<" in body else []
        body = "\n\n".join(paras) if paras else " ".join(body.split())
        yield Article(
            text=clean_text(body), title=_clean(child(item, "title")), source=_clean(source), url=_clean(link),
            published=_clean(child(item, "pubdate", "published", "updated", "date")),
            author=_clean(author), path=where, id=rid,
        )


def _clean(value: str | None) -> str | None:
    return clean_text(value) if value else None
