"""Feeds followed, as newsboat follows them: `follow` adds a feed (and its entries),
`update` reads every feed again and adds what is new, `followed` lists them.

A feed is asked for with the etag and Last-Modified its server last sent, so an unchanged
feed costs one short answer (304). Entries are stored under "feed-url#entry-id": an entry
seen before is unchanged (or replaced, when its text changed), never added twice. A feed
that fails (unreachable, HTTP error, not a feed) is noted in its row (last_error) and the
others are updated; nothing stored is lost.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..db import Store
from ..db.writes import now
from ..ingest import Summary, ingest_articles
from ..readers import Unreadable, decode
from ..readers.feeds import feed_articles, parse_feed
from .http import FetchError, Response, get


class FeedError(Exception):
    """A feed that cannot be followed or read; the message is the one-line reason."""


@dataclass
class Update:
    url: str
    title: str | None
    summary: Summary | None = None      # None when the feed had not changed (or failed)
    error: str | None = None


def follow(store: Store, url: str, workers: int = 1) -> Update:
    """Follow the feed at url and add its entries. FeedError (and nothing stored) when it
    is followed already, cannot be fetched or is not a feed."""
    store.refuse_read_only("follow a feed")
    if store.conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
        raise FeedError(f"already following {url} (byline feeds update reads it again)")
    try:
        response = get(url)
        title, update = _read(store, url, response, workers)
    except (FetchError, Unreadable) as e:
        raise FeedError(f"{url}: {e}") from None
    with store.conn:
        store.conn.execute("INSERT INTO feeds (url, title, added_at, last_checked, etag, modified)"
                           " VALUES (?, ?, ?, ?, ?, ?)",
                           (url, title, now(), now(), response.etag, response.modified))
    return update


def update(store: Store, workers: int = 1, each: Callable[[Update], None] | None = None) -> list[Update]:
    """Read every followed feed again, adding new entries; each(update) after each feed."""
    store.refuse_read_only("update feeds")
    done = []
    for url, title, etag, modified in store.conn.execute(
            "SELECT url, title, etag, modified FROM feeds ORDER BY id").fetchall():
        result = Update(url, title)
        try:
            response = get(url, etag, modified)
            if not response.not_modified:
                _, result = _read(store, url, response, workers)
                etag, modified = response.etag, response.modified
        except (FetchError, Unreadable) as e:
            result.error = str(e)
        with store.conn:
            store.conn.execute("UPDATE feeds SET title = coalesce(?, title), last_checked = ?, etag = ?,"
                               " modified = ?, last_error = ? WHERE url = ?",
                               (result.title, now(), etag, modified, result.error, url))
        done.append(result)
        if each:
            each(result)
    return done


def _read(store: Store, url: str, response: Response, workers: int) -> tuple[str | None, Update]:
    title, entries = parse_feed(decode(response.body))
    summary = ingest_articles(store, feed_articles(title, entries, url), len(entries), workers=workers)
    if summary.added or summary.replaced:
        store.vocabulary.save(store.db)
    return title, Update(url, title, summary)


def followed(store: Store) -> list[dict]:
    """Every feed followed, oldest first, with how many of its entries are stored."""
    rows = store.conn.execute(
        "SELECT f.id, f.url, f.title, f.added_at, f.last_checked, f.last_error,"
        " (SELECT count(*) FROM articles a WHERE substr(a.key, 1, length(f.url) + 1) = f.url || '#') AS articles"
        " FROM feeds f ORDER BY f.id")
    names = [d[0] for d in rows.description]
    return [dict(zip(names, row)) for row in rows.fetchall()]
