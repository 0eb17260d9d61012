"""Readers over any file: one never raises (a file it cannot read is a Skipped with a
one-line reason), and every article it yields is clean: no terminal escapes or control
characters, no lone surrogates, no carriage returns, in the text or in any field."""
from __future__ import annotations

import json
import os
import tempfile
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from hypothesis import given
from hypothesis import strategies as st

from store.extract import extract
from store.model import Article
from store.readers import Skipped, read_paths
from tests.property.strategies import news_text, safe_line

META = st.dictionaries(st.sampled_from(["title", "author", "source", "url", "published", "id", "byline"]),
                       st.one_of(news_text, st.integers(), st.lists(news_text, max_size=3)), max_size=4)


def _files(text: str, meta: dict, raw: bytes) -> dict[str, bytes]:
    """The same text and metadata as every format byline reads, and some raw bytes."""
    flat = {k: v if isinstance(v, str) else json.dumps(v) for k, v in meta.items()}
    front = "".join(f"{k}: {v.splitlines()[0] if v.splitlines() else ''}\n" for k, v in flat.items())
    record = {**meta, "text": text}
    items = "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in flat.items() if k != "id")
    return {
        "a.txt": text.encode("utf-8", "surrogatepass"),
        "b.md": f"---\n{front}---\n{text}".encode("utf-8", "surrogatepass"),
        "c.html": (f"<html><head><title>{escape(flat.get('title', ''))}</title></head><body><article>"
                   f"<p>{escape(text)}</p><p>{text}</p></article></body></html>").encode("utf-8", "surrogatepass"),
        "d.json": json.dumps(record).encode(),                      # \ud800 becomes a JSON escape
        "e.jsonl": (json.dumps(record) + "\r\n" + json.dumps(record, ensure_ascii=False)
                    + "\n").encode("utf-8", "surrogatepass"),
        "f.xml": (f"<rss><channel><title>T</title><item>{items}<description>{xml_escape(text)}</description>"
                  f"</item></channel></rss>").encode("utf-8", "surrogatepass"),
        "g.txt": raw,
        "h.jsonl": raw,
        "i.txt": text.encode("utf-16", "surrogatepass"),
        "j.txt": text.encode("cp1252", "replace"),
    }


def _check(article: Article) -> None:
    assert safe_line(article.text, newlines=True), repr(article.text)
    for field in ("title", "source", "url", "published", "author", "id", "path"):
        assert safe_line(getattr(article, field)), (field, getattr(article, field))
    extract(article.text)


# a file's name as the file system gives it: any bytes but "/" and NUL (a Latin-1 name,
# an escape sequence, a newline)
FILE_NAMES = st.binary(min_size=1, max_size=30).map(lambda b: b.replace(b"/", b"").replace(b"\0", b"")).filter(
    lambda b: b.strip(b".") != b"" and not b.startswith(b"."))


@given(news_text, META, st.binary(max_size=200), FILE_NAMES)
def test_readers_never_raise_and_yield_clean_articles(text, meta, raw, file_name):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in _files(text, meta, raw).items():
            (root / name).write_bytes(data)
        for suffix in (b".txt", b".jsonl"):
            with open(os.path.join(os.fsencode(root), file_name + suffix), "wb") as f:
                f.write(text.encode("utf-8", "surrogatepass"))
        for item in read_paths([root]):
            if isinstance(item, Skipped):
                assert item.reason and "\n" not in item.reason
            else:
                _check(item)
