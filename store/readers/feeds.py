"""RSS and Atom feeds: an article per item (or entry) with text; the feed's title is the
articles' source."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterator

from ..model import Article
from store.extract.text import clean_text
from .common import Format, Skipped, Unreadable, one_line
from .html_pages import html_paragraphs

def read_feed(text: str, name: str, stem: str | None = None) -> Iterator[Article | Skipped]:
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
        rid = one_line(child(item, "guid", "id"))
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


_clean = one_line


FORMAT = Format("RSS or Atom feed", (".xml", ".rss", ".atom"), read_feed, archive=True)
