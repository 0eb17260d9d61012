"""HTML pages: the story's paragraphs (those inside <article> or <main> when the page has
them), its title and the metadata of its meta tags."""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Iterator

from ..model import Article
from store.extract.text import clean_text
from .common import Format, Unreadable, title_from_name

_SKIP = {"script", "style", "nav", "footer", "header", "aside", "noscript", "form", "svg", "figure", "template"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}
_META = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "source", "og:url": "url",
    "article:published_time": "published", "date": "published", "pubdate": "published",
    "article:author": "author", "author": "author", "byl": "author",
}


class PageParser(HTMLParser):
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


def html_paragraphs(html: str) -> tuple[list[str], PageParser]:
    parser = PageParser()
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


def read(text: str, name: str, stem: str | None) -> Iterator[Article]:
    yield read_html(text, name, stem)


FORMAT = Format("HTML page", (".html", ".htm"), read)
