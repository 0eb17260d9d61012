"""Every table, index and trigger of the store, defined here once.

SCHEMA makes a new store's tables and indexes; install_search makes the full-text index
over sentences (a migration may make it again); SEARCH_TERMS is the search vocabulary
saved for the next process (made when first saved). A change here is a new schema
version: add a migration (migrations.py) that makes an older store the same.
"""
from __future__ import annotations

import sqlite3

META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"

# feeds followed (byline feeds add): etag and modified are what the server last sent, for
# a conditional request next time; last_error is the last update's failure, if any.
FEEDS = """CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT,
    added_at TEXT, last_checked TEXT, etag TEXT, modified TEXT, last_error TEXT
)"""

TABLES = [
    META,
    """CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, published TEXT, author TEXT, path TEXT,
    text TEXT NOT NULL,
    added_at TEXT,
    summary_only INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER, text TEXT
)""",
    # role, mentions, articles and quotes summarise the person's rows in the other tables,
    # kept in step by every write and delete: lists of 100,000 people sort on an index.
    # role is the one given in the article that mentions them most (the first such article);
    # role_mentions is that count, so a write compares instead of searching their articles.
    """CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, gender TEXT,
    role TEXT, mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0, role_mentions INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE IF NOT EXISTS article_people (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    role TEXT, mentions INTEGER, forms TEXT,
    PRIMARY KEY (article_id, person_id)
)""",
    """CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER, form TEXT
)""",
    """CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    person_id INTEGER REFERENCES people(id),
    char_start INTEGER, char_end INTEGER, text TEXT, kind TEXT,
    cue TEXT, cue_start INTEGER, cue_end INTEGER, sieve TEXT,
    source TEXT,
    confidence REAL, likely TEXT, decision TEXT, described TEXT,
    via TEXT
)""",
    # a user's correction of a quote's speaker: kept apart from the extraction, which it
    # wins over, and found again after a re-ingest or a re-extraction by the article
    # (key, content hash) and the quote's offsets and words. quote_id is NULL while the
    # quote cannot be found (kept, reported); undone is when it was undone (NULL: in force).
    # before_person/before_likely: the quote's speaker and withheld guess before it, as names.
    """CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER,
    article_key TEXT NOT NULL, article_hash TEXT NOT NULL,
    char_start INTEGER, char_end INTEGER, quote_text TEXT,
    action TEXT NOT NULL, speaker TEXT,
    before_person TEXT, before_likely TEXT,
    who TEXT, at TEXT NOT NULL, undone TEXT
)""",
    # merges and splits of people, by hand or automatic (auto = 1, with its reason): `name`
    # joined `into` (a split: the rows of `name` in article_id became `into`'s). moved
    # holds the places (article, offsets) of the rows moved and what article_people held
    # before, for an exact undo. An undone automatic merge is never made again.
    """CREATE TABLE IF NOT EXISTS merges (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'merge',
    name TEXT NOT NULL, into_name TEXT NOT NULL, article_id INTEGER,
    reason TEXT, auto INTEGER NOT NULL DEFAULT 0, moved TEXT,
    who TEXT, at TEXT NOT NULL, undone TEXT
)""",
    """CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER, text TEXT, kind TEXT,
    value REAL, unit TEXT, qualifier TEXT, about TEXT
)""",
    FEEDS,
]


INDEXES = {name: f"CREATE INDEX IF NOT EXISTS {name} ON {on}" for name, on in [
    ("idx_quotes_person_id", "quotes(person_id)"),
    ("idx_quotes_article_id", "quotes(article_id)"),
    ("idx_figures_article_id", "figures(article_id)"),
    ("idx_figures_kind", "figures(kind)"),
    ("idx_mentions_person_id", "mentions(person_id)"),
    ("idx_mentions_article_id", "mentions(article_id)"),
    ("idx_article_people_person_id", "article_people(person_id)"),
    ("idx_people_rank", "people(mentions DESC, name)"),
    ("idx_sentences_article_id", "sentences(article_id)"),
    ("idx_articles_published", "articles(published)"),
    ("idx_corrections_quote_id", "corrections(quote_id)"),
    ("idx_corrections_article_key", "corrections(article_key)"),
    ("idx_merges_name", "merges(name)"),
]}

# A new store: its tables, then their indexes (the search index comes from install_search).
SCHEMA = ";\n".join([*TABLES, *INDEXES.values()])

# A person's summary columns, recounted from their rows (for the people an update names).
PERSON_SUMMARY = """
UPDATE people SET
    mentions = (SELECT count(*) FROM mentions WHERE person_id = people.id),
    articles = (SELECT count(*) FROM article_people WHERE person_id = people.id),
    quotes = (SELECT count(*) FROM quotes WHERE person_id = people.id),
    role = (SELECT role FROM article_people WHERE person_id = people.id AND role IS NOT NULL
            ORDER BY mentions DESC, article_id LIMIT 1),
    role_mentions = coalesce((SELECT mentions FROM article_people WHERE person_id = people.id
            AND role IS NOT NULL ORDER BY mentions DESC, article_id LIMIT 1), 0)
"""

# The full-text index over sentences(text), its vocabulary and the triggers that keep it
# in step. Hits are ranked by rapidfuzz, never bm25, so the index keeps no column sizes (a
# quarter of its cost at ingest). Only two-letter prefixes are indexed: longer ones are
# expanded from the vocabulary or read from the terms themselves, as fast at a million
# sentences (keystroke p95 14-19 ms with or without a three-letter index) for a fifth less
# ingest.
SENTENCES_FTS = """CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
        text, content='sentences', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2', columnsize=0)"""

SEARCH_INDEX = [
    SENTENCES_FTS,
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_vocab USING fts5vocab(sentences_fts, row)",
    """CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE OF text ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]

# The search vocabulary (terms and the number of sentences holding each) saved by a full
# read of sentences_vocab, as of meta 'search_terms_sentence_id'.
SEARCH_TERMS = "CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID"


def install_search(db) -> None:
    """Create the FTS5 index over sentences(text), the triggers that keep it in step and
    the vocabulary table; an index created over existing rows is filled. Idempotent, and
    inside the caller's transaction when there is one (a store's migration is all or
    nothing), else in a transaction of its own."""
    conn = getattr(db, "conn", db)         # a sqlite_utils.Database or a plain connection
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        existed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentences_fts'").fetchone()
        for statement in SEARCH_INDEX:
            conn.execute(statement)
        if not existed and conn.execute("SELECT 1 FROM sentences LIMIT 1").fetchone():
            conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    except BaseException:
        if own:
            conn.rollback()
        raise
    if own:
        conn.commit()


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (executescript would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)
