"""RSS and Atom feeds: an article per item (or entry) with text; the feed's title is the
articles' source. feedparser reads them with the `[web]` extra (every RSS and Atom
dialect, and broken feeds); without it, the standard library's XML parser below.

An entry whose feed gives only a summary (RSS <description>, Atom <summary>; no
content:encoded or Atom <content>) is stored marked summary_only. Dates become ISO 8601
(dates.iso_date).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterator, NamedTuple

from ..model import Article
from store.extract.text import clean_text
from .common import Format, Skipped, Unreadable, one_line
from ..dates import from_struct, is_iso, iso_date
from .extras import web_module
from .html_pages import html_paragraphs


class Entry(NamedTuple):
    title: str | None
    link: str | None
    author: str | None
    id: str | None
    body: str | None        # HTML or text
    summary_only: bool
    published: str | None   # ISO 8601 (or the text given, when it is no date)


def read_feed(text: str, name: str, stem: str | None = None) -> Iterator[Article | Skipped]:
    source, entries = parse_feed(text)
    if not entries:
        raise Unreadable("feed has no items")
    yield from feed_articles(source, entries, name)


def entry_text(body: str) -> str:
    """An entry's HTML as paragraphs: the story's, else every text in it (a summary that
    is one link is still its text), never its tags."""
    if "<" not in body:
        return " ".join(body.split())
    paras, parser = html_paragraphs(body)
    return "\n\n".join(paras or [b.text for b in parser.blocks])


def parse_feed(text: str) -> tuple[str | None, list[Entry]]:
    """The feed's title and its entries; Unreadable when text is no feed."""
    feedparser = web_module("feedparser")
    return parse_with_feedparser(feedparser, text) if feedparser else parse_xml(text)


def feed_articles(source: str | None, entries: list[Entry], name: str) -> Iterator[Article | Skipped]:
    """An article for each entry with text (path: name#its id), a Skipped for the others."""
    for n, e in enumerate(entries, 1):
        where = f"{name}#{one_line(e.id) or one_line(e.link) or n}"     # kept across updates
        if not e.body or not e.body.strip():
            yield Skipped(where, "feed item has no text")
            continue
        body = entry_text(e.body)
        if not body:
            yield Skipped(where, "feed item has no text")
            continue
        yield Article(text=clean_text(body), title=one_line(e.title), source=one_line(source), url=one_line(e.link),
                      published=e.published, author=one_line(e.author), path=where, id=one_line(e.id),
                      summary_only=e.summary_only)


def parse_with_feedparser(feedparser, text: str) -> tuple[str | None, list[Entry]]:
    parsed = feedparser.parse(text)
    if not parsed.get("version") and not parsed.entries:
        raise Unreadable("not an RSS or Atom feed")
    entries = []
    for e in parsed.entries:
        content = next((c.get("value") for c in e.get("content") or [] if (c.get("value") or "").strip()), None)
        # our reading of the date as given (a date alone stays a date); feedparser's for
        # the forms we do not know. (Each key asked only when present: feedparser warns of
        # a fallback from updated to published it will remove.)
        published = iso_date(one_line(_first(e, "published", "updated")))
        if not is_iso(published):
            published = from_struct(_first(e, "published_parsed", "updated_parsed")) or published
        entries.append(Entry(e.get("title"), e.get("link"), e.get("author"), e.get("id"),
                             content or e.get("summary"), content is None, published))
    return parsed.feed.get("title"), entries


def _first(entry, *keys):
    return next((entry[k] for k in keys if k in entry and entry[k]), None)


def parse_xml(text: str) -> tuple[str | None, list[Entry]]:
    try:
        root = ET.fromstring(_DECLARED.sub("", text, count=1).encode("utf-8"))   # decoded already
    except ET.ParseError as e:
        if "<html" in text[:2000].lower():
            raise Unreadable("not an RSS or Atom feed") from None
        raise Unreadable(f"invalid XML ({e})") from None
    channel = next((el for el in root.iter() if _local(el.tag) == "channel"), root)
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items and _local(root.tag) not in ("rss", "feed", "rdf"):
        raise Unreadable("not an RSS or Atom feed")
    return _child(channel, "title"), [_entry(item) for item in items]


_DECLARED = re.compile(r"^\s*<\?xml[^>]*\?>")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child(el, *names) -> str | None:
    for c in el:
        if _local(c.tag) in names and (c.text or "").strip():
            return c.text.strip()
    return None


def _entry(item) -> Entry:
    link = _child(item, "link") or next(
        (c.get("href") for c in item if _local(c.tag) == "link" and c.get("href")), None)
    author = _child(item, "author", "creator")
    if author is None:
        author = next((_child(c, "name") for c in item if _local(c.tag) == "author"), None)
    content = _child(item, "encoded", "content")
    return Entry(_child(item, "title"), link, author, _child(item, "guid", "id"),
                 content or _child(item, "description", "summary"), content is None,
                 iso_date(one_line(_child(item, "pubdate", "published", "updated", "date"))))


FORMAT = Format("RSS or Atom feed", (".xml", ".rss", ".atom"), read_feed, archive=True)
