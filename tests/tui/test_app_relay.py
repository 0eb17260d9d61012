"""A relayed quote in the app (`"…," Bo Marsh said, according to the Harbor Gazette`): the
detail says who reported it, and `y` copies a citation that credits the relay, for a named
speaker and for a withheld guess alike."""
from __future__ import annotations

import re

from tests.tui.test_app import SIZE, settle

from store.db import open_store
from store.model import Article, Extraction, Person, Quote
from tui.app import BylineApp

TEXT = ("“We will not protest,” Bo Marsh said, according to the Harbor Gazette. "
        "“The vote was fair,” he said Tuesday, according to audio provided by Metro Radio.")


def relay_store(path):
    def span(words):
        start = TEXT.index(words)
        return start, start + len(words)

    people = [Person(name="Bo Marsh", role="delegate", forms=["Bo Marsh"], gender="m", mentions=[span("Bo Marsh")])]
    (s1, e1), (s2, e2) = span("We will not protest,"), span("The vote was fair,")
    quotes = [Quote(start=s1, end=e1, text=TEXT[s1:e1], kind="full", speaker="Bo Marsh", cue="Bo Marsh said",
                    sieve="verb-name", decision="relayed<verb-name", confidence=0.9, via="the Harbor Gazette"),
              Quote(start=s2, end=e2, text=TEXT[s2:e2], kind="full", cue="he said", sieve="pronoun",
                    decision="relayed<pronoun:alone", confidence=0.3, likely="Bo Marsh", via="Metro Radio")]
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^ ][^.]*\.", TEXT)]
    ex = Extraction(paragraphs=[(0, len(TEXT))], sentences=sentences, people=people, quotes=quotes, figures=[])
    with open_store(path) as store:
        store.write([("relay", Article(text=TEXT, title="Delegates meet", path="relay.txt"), ex)])
    return str(path)


async def test_the_detail_says_who_relayed_a_quote_and_y_credits_the_relay(tmp_path):
    app = BylineApp(relay_store(tmp_path / "relay.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        detail = str(app.main.pane.query_one(".detail").render())
        assert "— Bo Marsh, delegate" in detail
        assert "as reported by the Harbor Gazette (the article relays it: not heard first-hand)" in detail
        assert "relayed<verb-name" in detail
        await pilot.press("y")
        assert app.clipboard == ("“We will not protest.” — Bo Marsh, delegate, as reported by the Harbor Gazette, "
                                 "quoted in “Delegates meet”.")

        await pilot.press("j")
        await settle(app, pilot)
        detail = str(app.main.pane.query_one(".detail").render())
        assert "— unknown speaker · likely Bo Marsh, low confidence" in detail
        assert "as reported by Metro Radio" in detail and "Harbor Gazette" not in detail
        await pilot.press("y")
        assert app.clipboard == ("“The vote was fair.” — speaker unconfirmed (likely Bo Marsh, reported by Metro Radio), "
                                 "quoted in “Delegates meet”.")
