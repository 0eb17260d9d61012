"""Feed entries with and without the `[web]` extra (feedparser): full text or summary only,
dates in ISO 8601, ids that stay the same from one reading to the next."""
from __future__ import annotations

from tests.readers.web_helpers import reading  # noqa: F401 -- a fixture

from store.readers import Skipped
from store.readers.feeds import read_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Gazette</title><link>https://gazette.example/</link>
<item><title>Dam repairs finished</title><link>https://gazette.example/dam</link><guid>dam-1</guid>
<pubDate>Fri, 01 Jan 2010 10:00:00 GMT</pubDate><dc:creator>Lee Park</dc:creator>
<description>Repairs are done.</description>
<content:encoded><![CDATA[<p>Repairs to the Valley dam are finished, the water board said.</p><p>“It is safe,” said Ann Moss.</p>]]></content:encoded></item>
<item><title>Market moves</title><link>https://gazette.example/market</link>
<pubDate>Mon, 02 May 2016 09:00:00 +0100</pubDate>
<description>&lt;p&gt;The Saturday market moves to the square in June.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Post</title><id>urn:hill</id>
<entry><title>Road closed</title><id>urn:hill:1</id><link href="https://hill.example/road"/>
<published>2013-06-01T00:30:00+02:00</published><updated>2013-06-02T08:00:00Z</updated>
<author><name>Kim Roe</name></author><summary>The hill road is closed for a week.</summary></entry>
<entry><title>Fair returns</title><id>urn:hill:2</id><updated>2013-07-01T12:00:00-04:00</updated>
<content type="html">&lt;p&gt;The summer fair returns to Hill Park this weekend, organisers said.&lt;/p&gt;</content></entry>
<entry><title>Nothing</title><id>urn:hill:3</id></entry>
</feed>"""


def test_rss_entries_full_text_or_summary_only(reading):
    dam, market = read_feed(RSS, "https://gazette.example/rss")
    assert dam.text == "Repairs to the Valley dam are finished, the water board said.\n\n“It is safe,” said Ann Moss."
    assert not dam.summary_only and dam.author == "Lee Park" and dam.source == "Valley Gazette"
    assert dam.published == "2010-01-01T10:00:00Z" and dam.path == "https://gazette.example/rss#dam-1"
    assert market.summary_only and market.text == "The Saturday market moves to the square in June."
    assert market.published == "2016-05-02T08:00:00Z"
    # no guid: the link is the entry's id, so it is the same entry at the next update
    assert market.path == "https://gazette.example/rss#https://gazette.example/market"


def test_atom_entries_dates_in_utc_and_summaries_marked(reading):
    road, fair, nothing = read_feed(ATOM, "hill.atom")
    assert road.published == "2013-05-31T22:30:00Z" and road.summary_only and road.author == "Kim Roe"
    assert road.url == "https://hill.example/road" and road.source == "Hill Post"
    assert fair.published == "2013-07-01T16:00:00Z" and not fair.summary_only
    assert fair.text == "The summer fair returns to Hill Park this weekend, organisers said."
    assert isinstance(nothing, Skipped) and nothing.reason == "feed item has no text"


def test_an_entry_whose_summary_is_a_link_keeps_its_words_not_its_tags(reading):
    rss = RSS.replace("&lt;p&gt;The Saturday market moves to the square in June.&lt;/p&gt;",
                      "&lt;a href='https://gazette.example/market'&gt;Market moves to the square&lt;/a&gt;")
    market = list(read_feed(rss, "rss.xml"))[1]
    assert market.text == "Market moves to the square"
