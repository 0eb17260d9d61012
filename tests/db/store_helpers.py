"""What the store tests share: an article, its extraction and ways to look inside a store.
(tests/db is on sys.path while its tests run, as pytest puts it there.)"""
from __future__ import annotations

import re
import sqlite3

from store.db import open_store
from store.model import Article, Extraction, Figure, Person, Quote

TEXT = "“We will rebuild,” Ann Lee said. Lee, the mayor, promised £2m. Critics called it “a stunt”."


def extraction(text=TEXT, speaker="Ann Lee"):
    s1 = text.index("Lee, the")
    people = [Person(name="Ann Lee", role="mayor", forms=["Ann Lee", "Lee"], gender="f",
                     mentions=[(text.index("Ann Lee"), text.index("Ann Lee") + 7), (s1, s1 + 3)])]
    q1 = text.index("We will")
    q2 = text.index("a stunt")
    quotes = [Quote(start=q1, end=q1 + 16, text="We will rebuild,", kind="full", speaker=speaker,
                    cue="Ann Lee said", sieve="verb-name"),
              Quote(start=q2, end=q2 + 7, text="a stunt", kind="partial")]
    f = text.index("£")
    figures = [Figure(start=f, end=f + 3, text=text[f:f + 3], kind="money", value=2e6, unit="GBP")]
    sents = [(0, 32), (33, 63), (64, len(text))]
    return Extraction(paragraphs=[(0, len(text))], sentences=sents, people=people, quotes=quotes, figures=figures)


def counts(store):
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "sentences", "people", "article_people", "mentions", "quotes", "figures")}


def drop_corrections(conn):
    """The store as it was before schema 6: no corrections, no merges."""
    conn.execute("DROP TABLE corrections")
    conn.execute("DROP TABLE merges")


def version_5_store(path):
    """A store with one article, as schema 5 made it."""
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), extraction())])
    conn = sqlite3.connect(path)
    drop_quote_via(conn)
    drop_feeds(conn)
    drop_corrections(conn)
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def drop_quote_confidence(conn):
    """The quotes table as it was before schema 5."""
    for column in ("confidence", "likely", "decision", "described"):
        conn.execute(f"ALTER TABLE quotes DROP COLUMN {column}")


def drop_quote_via(conn):
    """The quotes table as it was before schema 8: no via."""
    conn.execute("ALTER TABLE quotes DROP COLUMN via")


def version_7_store(path, article=None, ex=None):
    """A store with one article, as schema 7 made it."""
    with open_store(path) as store:
        store.write([("k1", article or Article(text=TEXT, path="a.txt"), ex or extraction())])
    conn = sqlite3.connect(path)
    drop_quote_via(conn)
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def drop_feeds(conn):
    """The store as it was before schema 7: no feeds table, no summary_only column."""
    conn.execute("DROP TABLE feeds")
    conn.execute("ALTER TABLE articles DROP COLUMN summary_only")


def version_4_store(path, article=None, ex=None):
    """A store with one article, as schema 4 made it: quotes without confidence, decision,
    withheld guess or description."""
    with open_store(path) as store:
        store.write([("k1", article or Article(text=TEXT, path="a.txt"), ex or extraction())])
    conn = sqlite3.connect(path)
    drop_quote_via(conn)
    drop_feeds(conn)
    drop_corrections(conn)
    drop_quote_confidence(conn)
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def drop_person_summary(conn):
    """The people table as it was before schema 4."""
    conn.execute("DROP INDEX idx_people_rank")
    for column in ("role", "mentions", "articles", "quotes", "role_mentions"):
        conn.execute(f"ALTER TABLE people DROP COLUMN {column}")


def summaries(store):
    return {r[0]: r[1:] for r in store.conn.execute("SELECT name, role, mentions, articles, quotes FROM people")}


def version_3_store(path):
    """A store with one article, as schema 3 made it: no person summaries, and a search
    index with column sizes and three-letter prefixes."""
    with open_store(path) as store:
        store.write([("k1", Article(text=TEXT, path="a.txt"), extraction())])
    conn = sqlite3.connect(path)
    drop_quote_via(conn)
    drop_feeds(conn)
    drop_corrections(conn)
    drop_quote_confidence(conn)
    drop_person_summary(conn)
    conn.execute("DROP TABLE sentences_fts")
    conn.execute("CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',"
                 " tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


GUESS_TEXT = ("“We will rebuild,” Ann Cole said. Cole, the mayor, met Bea Hart. “It is a stunt,” she said. "
              "“The money is there,” a council spokesperson said.")


def guess_extraction(text=GUESS_TEXT):
    """Three quotes: one Ann Cole said (confident), one byline only guesses is hers (likely,
    low confidence: no speaker), one an unnamed source said (described)."""
    def span(words):
        start = text.index(words)
        return start, start + len(words)

    people = [Person(name="Ann Cole", role="mayor", forms=["Ann Cole", "Cole"], gender="f",
                     mentions=[span("Ann Cole"), (text.index("Cole, the"), text.index("Cole, the") + 4)]),
              Person(name="Bea Hart", forms=["Bea Hart"], gender="f", mentions=[span("Bea Hart")])]
    (s1, e1), (s2, e2), (s3, e3) = span("We will rebuild,"), span("It is a stunt,"), span("The money is there,")
    quotes = [Quote(start=s1, end=e1, text=text[s1:e1], kind="full", speaker="Ann Cole", cue="Ann Cole said",
                    sieve="verb-name", decision="verb-name", confidence=0.98),
              Quote(start=s2, end=e2, text=text[s2:e2], kind="full", speaker=None, cue="she said",
                    sieve="pronoun", decision="pronoun:rival", confidence=0.62, likely="Ann Cole"),
              Quote(start=s3, end=e3, text=text[s3:e3], kind="full", cue="a council spokesperson said",
                    sieve="unnamed", described="a council spokesperson")]
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^ ][^.]*\.", text)]
    return Extraction(paragraphs=[(0, len(text))], sentences=sentences, people=people, quotes=quotes, figures=[])


def guess_store(path):
    """A store holding the GUESS_TEXT article, titled "Council budget"."""
    with open_store(path) as store:
        store.write([("guess", Article(text=GUESS_TEXT, title="Council budget", path="guess.txt"),
                      guess_extraction())])
    return path
