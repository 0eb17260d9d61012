"""`byline add URL` and `byline feeds`, against pages and feeds served by a local HTTP
server the test starts (never the internet): RSS 2.0 and Atom, a news page, a 404, a slow
and a huge response, something that is no page; with and without the `[web]` extra."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.readers.test_feed_entries import ATOM, RSS
from tests.readers.web_helpers import PAGES, reading, without_web  # noqa: F401 -- reading is a fixture

MORE_RSS = RSS.replace("</channel>", """<item><title>Bridge opens</title><guid>bridge-3</guid>
<link>https://gazette.example/bridge</link><pubDate>Tue, 05 Mar 2024 12:00:00 GMT</pubDate>
<content:encoded>&lt;p&gt;The new footbridge opened on Tuesday, the council said.&lt;/p&gt;</content:encoded>
</item></channel>""")


class Site:
    """What the server serves: path -> (status, content type, body); `etag` is sent with
    the feeds, and a request naming it is answered 304."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes]] = {
            "/rss.xml": (200, "application/rss+xml", RSS.encode()),
            "/atom.xml": (200, "application/atom+xml", ATOM.encode()),
            "/news.html": (200, "text/html; charset=utf-8", (PAGES / "news-page.html").read_bytes()),
            "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
            "/big.html": (200, "text/html", b"<p>" + b"y" * 49_993 + b"</p>"),
            "/koi8.html": (200, "text/html; charset=koi8-r",
                           "<title>Мост</title><p>Мост открыт, сказал мэр города в пятницу вечером.</p>".encode("koi8-r")),
        }
        self.etag = '"v1"'
        self.release = threading.Event()     # the slow route answers once the test is over
        self.requests: list[str] = []


def handler_for(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.requests.append(self.path)
            if self.path == "/slow":
                site.release.wait(10)
                return
            if self.path == "/huge":           # no Content-Length: the reader must stop by itself
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<p>" + b"x" * 50_000 + b"</p>")
                return
            if self.path not in site.routes:
                self.send_error(404, "Not Found")
                return
            status, kind, body = site.routes[self.path]
            if self.path.endswith(".xml") and self.headers.get("If-None-Match") == site.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if self.path.endswith(".xml"):
                self.send_header("ETag", site.etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass
    return Handler


@pytest.fixture
def site(monkeypatch):
    from store.web import http
    monkeypatch.setattr(http, "TIMEOUT", 0.5)
    monkeypatch.setattr(http, "MAX_BYTES", 20_000)
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield site
    site.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "web.db")


def articles(run, db) -> list[dict]:
    return json.loads(run("articles", "--db", db, "--json", "--limit", "100").output)


def test_add_a_page_by_its_url(run, db, site, reading):
    result = run("add", "--db", db, site.url + "/news.html")
    assert result.exit_code == 0, result.output
    assert "added 1" in result.output
    [row] = articles(run, db)
    assert row["title"] == "Council approves £40m flood barrier for Riverside"
    assert row["author"] == "Jane Okafor" and row["published"] == "2024-03-05T08:30:00Z"
    assert row["url"] == "https://courier.example/news/2024/03/05/flood-barrier"
    assert row["key"] == site.url + "/news.html" and row["quotes"] >= 2 and not row["summary_only"]
    again = run("add", "--db", db, site.url + "/news.html")
    assert "added 0, unchanged 1" in again.output


def test_add_a_feed_by_its_url_dates_sort_and_summaries_show(run, db, site, reading):
    result = run("add", "--db", db, site.url + "/rss.xml", site.url + "/atom.xml")
    assert "added 4" in result.output and "skipped 1" in result.output    # the Atom entry with no text
    rows = articles(run, db)
    # newest first: the raw RSS date "Fri, 01 Jan 2010" no longer sorts above 2016
    assert [r["published"] for r in rows] == ["2016-05-02T08:00:00Z", "2013-07-01T16:00:00Z",
                                              "2013-05-31T22:30:00Z", "2010-01-01T10:00:00Z"]
    assert [r["title"] for r in rows if r["summary_only"]] == ["Market moves", "Road closed"]
    table = run("articles", "--db", db).output
    assert table.count("summary") == 2


def test_follow_a_feed_then_update_adds_only_new_entries(run, db, site, reading):
    url = site.url + "/rss.xml"
    followed = run("feeds", "add", "--db", db, url)
    assert followed.exit_code == 0, followed.output
    assert followed.stdout.strip() == "following Valley Gazette: 2 new, 0 unchanged, 0 replaced, 0 skipped"
    unchanged = run("feeds", "update", "--db", db)
    assert unchanged.stdout.strip() == "Valley Gazette: not changed"          # 304: the server's etag
    site.routes["/rss.xml"] = (200, "application/rss+xml", MORE_RSS.encode())
    site.etag = '"v2"'
    updated = run("feeds", "update", "--db", db)
    assert updated.exit_code == 0, updated.output
    assert updated.stdout.strip() == "Valley Gazette: 1 new, 2 unchanged, 0 replaced, 0 skipped"
    assert sorted(r["title"] for r in articles(run, db)) == ["Bridge opens", "Dam repairs finished", "Market moves"]
    [feed] = json.loads(run("feeds", "--db", db, "--json").output)
    assert feed["url"] == url and feed["title"] == "Valley Gazette" and feed["articles"] == 3
    assert feed["last_checked"] and feed["last_error"] is None
    assert "Valley Gazette" in run("feeds", "--db", db).output


def test_a_page_in_the_encoding_its_server_names(run, db, site):
    assert run("add", "--db", db, site.url + "/koi8.html").exit_code == 0
    [row] = articles(run, db)
    assert row["title"] == "Мост"


def test_following_a_feed_twice_is_refused(run, db, site):
    assert run("feeds", "add", "--db", db, site.url + "/atom.xml").exit_code == 0
    again = run("feeds", "add", "--db", db, site.url + "/atom.xml")
    assert again.exit_code == 1
    assert again.stderr.startswith(f"byline: error: already following {site.url}/atom.xml")


@pytest.mark.parametrize("path, reason", [
    ("/missing.xml", "HTTP 404 Not Found"),
    ("/slow", "timed out after 0.5 s"),
    ("/huge", "too large (over 20 kB, the most byline reads)"),
    ("/news.html", "not an RSS or Atom feed"),
])
def test_a_feed_that_cannot_be_read_is_one_line_and_stores_nothing(run, db, site, path, reason, reading):
    assert run("add", "--db", db, site.url + "/atom.xml").exit_code == 0
    result = run("feeds", "add", "--db", db, site.url + path)
    assert result.exit_code == 1
    assert result.stderr == f"byline: error: {site.url}{path}: {reason}\n"
    assert json.loads(run("feeds", "--db", db, "--json").output) == []
    assert len(articles(run, db)) == 2              # what was stored before is all there


@pytest.mark.parametrize("path, reason", [
    ("/missing.html", "HTTP 404 Not Found"),
    ("/slow", "timed out after 0.5 s"),
    ("/photo.png", "not a web page or a feed (image/png)"),
    ("/big.html", "too large (50 kB; byline reads up to 20 kB)"),
])
def test_add_a_url_that_cannot_be_read_says_why_in_one_line(run, db, site, path, reason):
    result = run("add", "--db", db, site.url + path)
    assert result.exit_code == 1
    assert f"skipped {site.url}{path}: {reason}\n" in result.output


def test_a_failing_feed_does_not_stop_the_update_of_the_others(run, db, site):
    assert run("feeds", "add", "--db", db, site.url + "/rss.xml").exit_code == 0
    assert run("feeds", "add", "--db", db, site.url + "/atom.xml").exit_code == 0
    del site.routes["/rss.xml"]
    site.etag = '"v2"'
    result = run("feeds", "update", "--db", db)
    assert result.exit_code == 1
    assert result.stderr == f"byline: error: Valley Gazette ({site.url}/rss.xml): HTTP 404 Not Found\n"
    assert result.stdout.strip() == "Hill Post: 0 new, 2 unchanged, 0 replaced, 1 skipped"
    feeds = {f["title"]: f for f in json.loads(run("feeds", "--db", db, "--json").output)}
    assert feeds["Valley Gazette"]["last_error"] == "HTTP 404 Not Found" and feeds["Valley Gazette"]["articles"] == 2
    assert feeds["Hill Post"]["last_error"] is None
    assert len(articles(run, db)) == 4


def test_without_web_the_hint_says_once_how_to_read_better(run, db, site, monkeypatch):
    without_web(monkeypatch)
    result = run("add", "--db", db, site.url + "/news.html", site.url + "/rss.xml")
    assert result.exit_code == 0
    assert result.stderr.count("pip install 'byline[web]'") == 1


def test_no_feeds_followed(run, db):
    assert run("add", "--db", db, str(PAGES / "form-page.html")).exit_code == 0
    assert run("feeds", "--db", db).stdout.strip() == "no feeds found"
    assert run("feeds", "update", "--db", db).stdout.strip() == "no feeds followed (byline feeds add URL)"
