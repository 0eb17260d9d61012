"""One HTTP GET with limits: the standard library's urllib (no dependency for one request
at a time). A request that takes longer than TIMEOUT seconds in all, a response bigger
than MAX_BYTES, an HTTP error or an unreachable host is a FetchError with a one-line
reason. A conditional request (etag, modified) answered 304 gives a Response with
not_modified set."""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..readers.common import is_url

TIMEOUT = 20.0                      # seconds for the whole request
MAX_BYTES = 20 * 1024 * 1024        # a page or a feed bigger than this is not one
CHUNK = 64 * 1024
USER_AGENT = "byline/0.1 (terminal news explorer; +https://pypi.org/project/byline/)"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5"


class FetchError(Exception):
    """A URL that could not be read; the message is the one-line reason."""


@dataclass
class Response:
    url: str                        # where it ended up, after redirects
    body: bytes
    content_type: str               # "text/html" (no parameters), "" when not given
    charset: str | None = None      # as the Content-Type gives it
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False


def get(url: str, etag: str | None = None, modified: str | None = None) -> Response:
    if not is_url(url):
        raise FetchError(f"not an http or https URL: {url}")
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    deadline = time.monotonic() + TIMEOUT
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=TIMEOUT) as r:
            size = r.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > MAX_BYTES:
                raise FetchError(f"too large ({_size(int(size))}; byline reads up to {_size(MAX_BYTES)})")
            body = _read(r, deadline)
            content_type = (r.headers.get_content_type() if r.headers.get("Content-Type") else "")
            return Response(r.geturl(), body, content_type, r.headers.get_content_charset(), r.headers.get("ETag"),
                            r.headers.get("Last-Modified"))
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Response(url, b"", "", None, etag, modified, not_modified=True)
        raise FetchError(f"HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"timed out after {TIMEOUT:g} s") from None
        raise FetchError(f"cannot reach {urlsplit(url).hostname}: {e.reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"timed out after {TIMEOUT:g} s") from None
    except (OSError, ValueError) as e:
        raise FetchError(f"cannot read {url}: {e}") from None


def _read(r, deadline: float) -> bytes:
    """The body, within the size limit and the time left (a server sending a byte at a
    time would otherwise keep each read under the socket's timeout forever)."""
    parts, size = [], 0
    while chunk := r.read1(CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"too large (over {_size(MAX_BYTES)}, the most byline reads)")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {TIMEOUT:g} s")
        parts.append(chunk)
    return b"".join(parts)


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"
