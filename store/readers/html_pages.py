"""HTML pages: the story's text, its title and its metadata (author, date, site, canonical URL).

With the `[web]` extra, trafilatura finds the story (read_html); byline's own parser below
is the fallback without it, and reads the metadata either way: meta tags, JSON-LD and the
canonical link, whose dates keep their time of day. The parser keeps text blocks
(paragraphs, headings, and text laid out in <div>s with <br>s), drops boilerplate (menus,
cookie banners, share bars, comments: by tag, role, class or id, and blocks that are mostly
links), and when the story sits in an <article> or <main> takes the one holding the most
words, so a related-stories <article> box is not taken for the story.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from typing import Iterator, NamedTuple

from ..model import Article
from store.extract.text import clean_text
from .common import Format, Unreadable, one_line, title_from_name
from ..dates import iso_date
from .extras import web_module

_SKIP = {"script", "style", "nav", "footer", "header", "aside", "noscript", "svg", "figure", "template",
         "button", "select", "iframe", "dialog", "textarea"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th"}
# tags whose start or end ends the text before them (a block of its own)
_BOUNDARIES = _BLOCKS | {"div", "section", "article", "main", "body", "form", "table", "tr", "ul", "ol", "dl",
                         "fieldset", "hr", "center"}
_CONTAINERS = {"article", "main"}
# never skipped for their class: the page itself, and elements with no end tag (or one that
# may be left out), which would leave a skip open to the end of the page
_NEVER_SKIPPED = _CONTAINERS | {"html", "body", "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "dd", "dt",
                                "option"}
_BOILERPLATE_ROLES = {"navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search"}
# a class or id made of one of these words (alone or between - and _) marks an element as
# boilerplate; modifiers like "has-sidebar" describe the element, not what it is
_BOILERPLATE_WORDS = {
    "nav", "navbar", "menu", "cookie", "cookies", "consent", "gdpr", "banner", "newsletter", "subscribe",
    "promo", "related", "recommended", "recommendations", "comment", "comments", "share", "sharing", "social",
    "advert", "advertisement", "ad", "ads", "sidebar", "breadcrumb", "breadcrumbs", "popup", "modal", "outbrain",
    "taboola", "trending", "mostread", "popular", "footer", "copyright", "masthead", "paywall", "signup", "toolbar"}
_MODIFIERS = ("has-", "with-", "no-", "is-", "js-")
_NOT_STORY = {"advertisement", "skip advertisement", "share", "share this article", "read more", "continue reading",
              "related", "related stories", "also read", "more on this story", "comments", "sign up",
              "subscribe"}
_META = {
    "og:title": "title", "twitter:title": "title",
    "og:site_name": "source", "application-name": "source",
    "og:url": "url",
    "article:published_time": "published", "date": "published", "pubdate": "published", "publish-date": "published",
    "dc.date": "published", "dc.date.issued": "published", "dcterms.created": "published",
    "parsely-pub-date": "published", "sailthru.date": "published", "datepublished": "published",
    "article:author": "author", "author": "author", "byl": "author", "dc.creator": "author",
    "parsely-author": "author", "sailthru.author": "author",
}
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
TRAFILATURA_FROM = 250  # characters: trafilatura's MIN_EXTRACTED_SIZE
_SEPARATORS = (" | ", " - ", " – ", " — ", " · ")     # "Story | Site" in a page's <title>
LOOSE_WORDS = 6         # text outside a paragraph is kept from this many words (not a label or a date)


class Block(NamedTuple):
    text: str
    container: int | None   # the innermost <article> or <main> holding it (by order of appearance)
    paragraph: bool         # inside a paragraph, heading or list item (not loose text in a <div>)
    links: float            # the share of its characters inside links


class Region:
    """An element being skipped or captured: its tag, and how deep in its own tag we are."""

    def __init__(self, tag: str):
        self.tag, self.depth = tag, 1

    def enter(self, tag: str) -> None:
        self.depth += tag == self.tag

    def leave(self, tag: str) -> bool:
        """True when this closes the element."""
        self.depth -= tag == self.tag
        return self.depth <= 0


class PageParser(HTMLParser):
    """Collects a page's text blocks (see Block) and its metadata: meta tags, JSON-LD, the
    canonical link, the <title> and a byline element's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}      # from meta tags and links
        self.linked: dict[str, str] = {}    # from JSON-LD
        self.blocks: list[Block] = []
        self.title_parts: list[str] = []
        self.byline_parts: list[str] = []
        self.skipping: Region | None = None
        self.capture: tuple[str, list[str]] | None = None     # <title> or a JSON-LD <script>
        self.byline: Region | None = None
        self.containers: list[int] = []
        self.seen_containers = 0
        self.text: list[str] = []
        self.link_chars = self.links = self.breaks = 0
        self.paragraph = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if self.skipping:
            self.skipping.enter(tag)
        elif tag in ("title", "script") and (tag == "title" or a.get("type", "").lower() == "application/ld+json"):
            self.capture = (tag, [])
        elif tag in ("meta", "link"):
            self.head_tag(tag, a)
        elif tag in _SKIP or boilerplate(tag, a):
            self.flush()
            self.skipping = Region(tag)
        else:
            self.body_tag(tag, a)

    def head_tag(self, tag: str, a: dict[str, str]) -> None:
        if tag == "link":
            if "canonical" in a.get("rel", "").lower().split() and a.get("href"):
                self.meta["url"] = a["href"]        # the canonical link wins over og:url
            return
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if key in _META and a.get("content", "").strip() and _META[key] not in self.meta:
            if not (_META[key] == "author" and a["content"].startswith("http")):    # a profile page
                self.meta[_META[key]] = a["content"]

    def body_tag(self, tag: str, a: dict[str, str]) -> None:
        if self.byline:
            self.byline.enter(tag)
        if tag == "br":
            self.breaks += 1
            if self.breaks >= 2:
                self.flush()                        # <br><br>: a paragraph ends
            else:
                self.text.append(" ")
            return
        if tag in _BOUNDARIES:
            self.flush()
            self.paragraph = tag in _BLOCKS
        if tag in _CONTAINERS:
            self.containers.append(self.seen_containers)
            self.seen_containers += 1
        elif tag == "a":
            self.links += 1
            if a.get("rel", "").lower() == "author" and not self.byline:
                self.byline = Region(tag)
        if a.get("itemprop") == "datePublished" and (a.get("datetime") or a.get("content")):
            self.meta.setdefault("published", a.get("datetime") or a["content"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if not self.byline and not self.byline_parts and _words(a) & {"byline", "author", "author-name"}:
            self.byline = Region(tag)

    def handle_endtag(self, tag):
        if self.skipping:
            if self.skipping.leave(tag):
                self.skipping = None
            return
        if self.capture and tag == self.capture[0]:
            kind, parts = self.capture
            self.capture = None
            if kind == "title":
                self.title_parts.extend(parts)
            else:
                self.linked = {**linked_data("".join(parts)), **self.linked}
            return
        if self.byline and self.byline.leave(tag):
            self.byline = None
        if tag == "a":
            self.links = max(0, self.links - 1)
        if tag in _BOUNDARIES:
            self.flush()
        if tag in _CONTAINERS and self.containers:
            self.containers.pop()

    def handle_data(self, data):
        if self.skipping:
            return
        if self.capture:
            self.capture[1].append(data)
            return
        self.text.append(data)
        if self.links:
            self.link_chars += len(data)
        if self.byline:
            self.byline_parts.append(data)
        if data.strip():
            self.breaks = 0

    def flush(self):
        raw = "".join(self.text)
        text = " ".join(raw.split())
        if text:
            container = self.containers[-1] if self.containers else None
            self.blocks.append(Block(text, container, self.paragraph, min(1.0, self.link_chars / max(len(raw), 1))))
        self.text = []
        self.link_chars = self.breaks = 0
        self.paragraph = False

    def close(self):
        super().close()
        self.flush()


def _words(a: dict[str, str]) -> set[str]:
    """The class and id of an element, as lower-case tokens, camelCase written with a dash
    (cookieNotice: cookie-notice)."""
    return set(_CAMEL.sub("-", a.get("class", "") + " " + a.get("id", "")).lower().split())


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def boilerplate(tag: str, a: dict[str, str]) -> bool:
    """An element that holds no story: by its role, or a class or id naming boilerplate."""
    if tag in _NEVER_SKIPPED:
        return False
    if a.get("role", "").lower() in _BOILERPLATE_ROLES or "hidden" in a or a.get("aria-hidden") == "true":
        return True
    for token in _words(a):
        if not token.startswith(_MODIFIERS) and _BOILERPLATE_WORDS.intersection(re.split(r"[-_]+", token)):
            return True
    return False


def linked_data(text: str) -> dict[str, str]:
    """title, author, published, source and url of the first article in JSON-LD."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    for obj in _objects(data):
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and (t.endswith("Article") or t.endswith("Posting")) for t in types):
            found = {"title": obj.get("headline"), "author": _names(obj.get("author")),
                     "published": obj.get("datePublished"), "source": _names(obj.get("publisher"))}
            return {k: v for k, v in found.items() if isinstance(v, str) and v.strip()}
    return {}


def _objects(data) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _names(value) -> str | None:
    """A person or organisation in JSON-LD (a name, an object with a name, or a list of them)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get("name") if isinstance(value.get("name"), str) else None
    if isinstance(value, list):
        return ", ".join(n for n in map(_names, value) if n) or None
    return None


def story(blocks: list[Block]) -> list[str]:
    """The blocks of the story: no boilerplate line, no link list, no short loose text;
    the article container with the most words when it holds a good part of the page."""
    kept = [b for b in blocks if b.links <= 0.5 and b.text.lower().rstrip(".:!") not in _NOT_STORY
            and (b.paragraph or len(b.text.split()) >= LOOSE_WORDS)
            and not (_BY.match(b.text) and len(b.text.split()) <= 12)]     # the byline
    words = Counter()
    for b in kept:
        words[b.container] += len(b.text.split())
    inside = {c: n for c, n in words.items() if c is not None}
    if inside:
        best = max(inside, key=inside.get)
        if inside[best] * 2 >= sum(words.values()) - inside[best]:
            return [b.text for b in kept if b.container == best]
        return [b.text for b in kept if b.container is None]
    return [b.text for b in kept]


def html_paragraphs(html: str) -> tuple[list[str], PageParser]:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return story(parser.blocks), parser


def page_metadata(parser: PageParser, stem: str | None) -> dict[str, str | None]:
    """Title, author, date, site and URL: JSON-LD first, then meta tags, then the page."""
    found = {**parser.meta, **parser.linked}
    found["title"] = parser.meta.get("title") or found.get("title") or "".join(parser.title_parts) \
        or title_from_name(stem)
    byline = " ".join("".join(parser.byline_parts).split())
    found["author"] = found.get("author") or (byline if len(byline) <= 80 else None)
    found["published"] = iso_date(found.get("published") or found.get("time"))
    found["url"] = parser.meta.get("url")
    meta = {k: one_line(found.get(k)) for k in ("title", "author", "published", "source", "url")}
    meta["source"] = meta["source"] or site_in_title(one_line("".join(parser.title_parts)), meta["title"])
    for separator in _SEPARATORS:      # "Story | Site": the story's title
        if meta["title"] and meta["source"] and meta["title"].endswith(separator + meta["source"]):
            meta["title"] = meta["title"][:-len(separator + meta["source"])]
    if meta["author"]:
        meta["author"] = one_line(_BY.sub("", meta["author"]))
    return meta


def site_in_title(page_title: str | None, story_title: str | None) -> str | None:
    """The site named after the story's title in the page's <title> ("Story | Northern
    Ledger"), for pages that give no site name elsewhere; None when the title has no such
    tail (the last part must be short and the rest the story's title, or longer than it)."""
    if not page_title:
        return None
    for separator in _SEPARATORS:
        head, sep, tail = page_title.rpartition(separator)
        tail = tail.strip()
        if sep and tail and len(tail.split()) <= 5 and (head.strip() == story_title or len(head) > 2 * len(tail)):
            return tail
    return None


def read_html(html: str, name: str, stem: str | None) -> Article:
    paras, parser = html_paragraphs(html)
    meta = page_metadata(parser, stem)
    better = read_with_trafilatura(html, meta, {*parser.meta, *parser.linked}, parser.blocks, paras)
    # below its own minimum size trafilatura falls back to taking every text of the page
    if better and len(" ".join(better[0])) >= TRAFILATURA_FROM:
        paras, meta = better
    if not paras:
        raise Unreadable("no article text found in the page")
    return Article(text=clean_text("\n\n".join(paras)), path=name, **meta)


def read_with_trafilatura(html: str, meta: dict, declared: set[str], blocks: list[Block],
                          ours: list[str]) -> tuple[list[str], dict] | None:
    """The story's paragraphs and metadata as trafilatura reads them (ours filling its gaps;
    our date first: it keeps the time of day), or None without `[web]` or a story."""
    trafilatura = web_module("trafilatura")
    if trafilatura is None:
        return None
    try:
        doc = trafilatura.bare_extraction(html, url=meta.get("url"), with_metadata=True, include_comments=False)
    except Exception:  # noqa: BLE001 -- a page trafilatura cannot take is read by the parser above
        return None
    if doc is None:
        return None
    found = doc if isinstance(doc, dict) else doc.as_dict()
    # what our parser left out (link lists, related boxes, labels) trafilatura may keep
    noise = {b.text for b in blocks} - set(ours)
    paras = [line.strip() for line in (found.get("text") or "").split("\n")
             if line.strip() and line.strip() not in noise and line.strip().lower() not in _NOT_STORY]
    if not paras:
        return None
    theirs = {"title": found.get("title"), "author": (found.get("author") or "").replace("; ", ", ") or None,
              "published": iso_date(one_line(found.get("date"))), "source": found.get("sitename"), "url": found.get("url")}
    # what the page declares (meta tags, JSON-LD) wins; trafilatura's guesses fill the gaps
    # (its author may be a bio line: "Ann Lo is our business reporter")
    merged = {k: (meta[k] if k in declared else None) or one_line(theirs[k]) or meta[k] for k in meta}
    merged["published"] = meta["published"] or theirs["published"]
    merged["url"] = meta["url"] or one_line(theirs["url"])
    # theirs may be the host name, or the story's title when the page names no site
    if theirs["source"] in (theirs["title"], meta["title"]):
        theirs["source"] = None
    merged["source"] = meta["source"] or one_line(theirs["source"])
    return paras, merged


def read(text: str, name: str, stem: str | None) -> Iterator[Article]:
    yield read_html(text, name, stem)


FORMAT = Format("HTML page", (".html", ".htm"), read)
