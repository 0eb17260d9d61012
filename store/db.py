"""The SQLite store: schema, migrations and transactional writes (sqlite-utils).

One file, WAL mode, foreign keys on. Offsets are char_start/char_end into articles.text.
Writers hand over a batch of extracted articles; each batch is one transaction, so an
article and its rows appear together or not at all.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .model import Article, Extraction

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 4

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, published TEXT, author TEXT, path TEXT,
    text TEXT NOT NULL,
    added_at TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER, text TEXT
);
-- role, mentions, articles and quotes summarise the person's rows in the other tables,
-- kept in step by every write and delete: lists of 100,000 people sort on an index.
-- role is the one given in the article that mentions them most (the first such article);
-- role_mentions is that count, so a write compares instead of searching their articles.
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, gender TEXT,
    role TEXT, mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0, role_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS article_people (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    role TEXT, mentions INTEGER, forms TEXT,
    PRIMARY KEY (article_id, person_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER, form TEXT
);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    person_id INTEGER REFERENCES people(id),
    char_start INTEGER, char_end INTEGER, text TEXT, kind TEXT,
    cue TEXT, cue_start INTEGER, cue_end INTEGER, sieve TEXT,
    source TEXT
);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER, text TEXT, kind TEXT,
    value REAL, unit TEXT, qualifier TEXT, about TEXT
);
CREATE INDEX IF NOT EXISTS idx_quotes_person_id ON quotes(person_id);
CREATE INDEX IF NOT EXISTS idx_quotes_article_id ON quotes(article_id);
CREATE INDEX IF NOT EXISTS idx_figures_article_id ON figures(article_id);
CREATE INDEX IF NOT EXISTS idx_figures_kind ON figures(kind);
CREATE INDEX IF NOT EXISTS idx_mentions_person_id ON mentions(person_id);
CREATE INDEX IF NOT EXISTS idx_mentions_article_id ON mentions(article_id);
CREATE INDEX IF NOT EXISTS idx_article_people_person_id ON article_people(person_id);
CREATE INDEX IF NOT EXISTS idx_people_rank ON people(mentions DESC, name);
CREATE INDEX IF NOT EXISTS idx_sentences_article_id ON sentences(article_id);
CREATE INDEX IF NOT EXISTS idx_articles_published ON articles(published);
"""

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

# Migrations from version n to n + 1, run in order inside one transaction; search.install()
# runs after them in the same transaction, so a migration that only changes the search
# index is empty.
MIGRATIONS: dict[int, str] = {
    1: "",      # 2: the search vocabulary table (sentences_vocab), made by search.install()
    2: "ALTER TABLE quotes ADD COLUMN source TEXT",   # 3: a quote's organisation source
    3: """ALTER TABLE people ADD COLUMN role TEXT;
          ALTER TABLE people ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE people ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE people ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE people ADD COLUMN role_mentions INTEGER NOT NULL DEFAULT 0;
          CREATE INDEX idx_people_rank ON people(mentions DESC, name);
          DROP TABLE IF EXISTS sentences_fts;
          """ + PERSON_SUMMARY,     # 4: each person's summary columns; the FTS index made
                                    # again by search.install() without column sizes
}


class StoreError(Exception):
    """A store that cannot be used: locked, corrupt, not SQLite, too new. One-line message."""


def default_path() -> Path:
    env = os.environ.get("BYLINE_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir
    return Path(user_data_dir("byline")) / "byline.db"


def content_hash(article: Article) -> str:
    """Same text and metadata = same article, wherever it was read from."""
    h = hashlib.sha256()
    for part in (article.text, article.title, article.source, article.url, article.published, article.author):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


@dataclass
class Store:
    conn: sqlite3.Connection
    path: Path

    @cached_property
    def db(self) -> "sqlite_utils.Database":
        # imported on first use: sqlite_utils costs a tenth of a second, and the app's
        # start-up needs only the plain connection
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def write(self, items: list[tuple[str, Article, Extraction | None]]) -> list[str]:
        """Write a batch in one transaction. Each item is (key, article, extraction); returns
        "added", "unchanged" or "replaced" per item. Unchanged articles need no extraction."""
        try:
            with self.conn:
                return _write(self.conn, items)
        except sqlite3.Error as e:
            raise _store_error(e, self.path) from None

    def known(self, hashes: list[str]) -> set[str]:
        """Those of these content hashes already stored."""
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            rows = self.conn.execute(
                f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(chunk))})", chunk)
            found.update(r[0] for r in rows)
        return found

    def delete_article(self, article_id: int) -> None:
        try:
            with self.conn:
                _delete(self.conn, [article_id])
        except sqlite3.Error as e:
            raise _store_error(e, self.path) from None


def open_store(path: str | Path | None = None, timeout: float = 5.0,
               notice: Callable[[str], None] | None = None) -> Store:
    """Open (creating or migrating) the store at path, or at the default location.
    notice(message) hears of an upgrade of an older store before it starts (on a big
    store it takes a while: the search index is built again)."""
    path = Path(path).expanduser() if path else default_path()
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as f:
                header = f.read(16)
        except OSError as e:
            raise StoreError(f"cannot read {path}: {e.strerror}") from None
        if header != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not an SQLite file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # writes BEGIN IMMEDIATE themselves; `with conn` commits or rolls back
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn, path, notice)
    except sqlite3.Error as e:
        conn.close()
        raise _store_error(e, path) from None
    except StoreError:
        conn.close()
        raise
    return Store(conn=conn, path=path)


def _migrate(conn: sqlite3.Connection, path: Path, notice: Callable[[str], None] | None = None) -> None:
    version = _version(conn, path)
    if version == SCHEMA_VERSION:
        return
    if version and notice:
        notice(f"upgrading {path} from schema {version} to {SCHEMA_VERSION} (once; a big store takes a minute)")
    from . import search     # here, not at the top: most commands never migrate

    # one transaction: an interrupted upgrade leaves the store as it was, and a second
    # process waiting for the lock finds the work done
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        version = _version(conn, path)
        if version == SCHEMA_VERSION:
            return
        if version == 0:
            _script(conn, SCHEMA)
        else:
            for v in range(version, SCHEMA_VERSION):
                _script(conn, MIGRATIONS[v])
        search.install(conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def _version(conn: sqlite3.Connection, path: Path) -> int:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables:
            raise StoreError(f"{path} is an SQLite file but not a byline store")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was made by a newer byline (schema {version}, this one knows {SCHEMA_VERSION})")
    return version


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (executescript would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def _store_error(e: sqlite3.Error, path: Path) -> StoreError:
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return StoreError(f"{path} is locked by another program; try again when it is done")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return StoreError(f"{path} is corrupt or not a byline store ({msg})")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"{path} is read-only")
    if "disk" in msg and "full" in msg:
        return StoreError(f"the disk holding {path} is full")
    return StoreError(f"{path}: {msg}")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write(conn: sqlite3.Connection, items: list[tuple[str, Article, Extraction | None]]) -> list[str]:
    conn.execute("BEGIN IMMEDIATE")
    statuses: list[str] = []
    rows: dict[str, list[tuple]] = {"sentences": [], "article_people": [], "mentions": [], "quotes": [], "figures": []}
    person_ids: dict[str, int] = {}
    tally: dict[int, list] = {}    # person id -> [mentions, articles, quotes, best role, its mentions]
    added_at = _now()
    for key, art, ex in items:
        digest = content_hash(art)
        if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
            statuses.append("unchanged")
            continue
        old = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
        if old:
            # the old version may be from this very batch: its rows go in before it goes out,
            # and people it alone held may be deleted with it
            _insert_rows(conn, rows, tally)
            _delete(conn, [old[0]])
            person_ids.clear()
        if ex is None:
            raise ValueError(f"{key}: a new article needs its extraction")
        cur = conn.execute(
            "INSERT INTO articles (key, content_hash, title, source, url, published, author, path, text, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, digest, art.title, art.source, art.url, art.published, art.author, art.path, art.text, added_at))
        aid = cur.lastrowid
        statuses.append("replaced" if old else "added")
        text = art.text
        rows["sentences"].extend((aid, s, e, text[s:e]) for s, e in ex.sentences)
        people = {p.name: p for p in ex.people}
        for q in ex.quotes:        # a speaker is always one of the article's people
            if q.speaker and q.speaker not in people:
                people[q.speaker] = None
        for name, p in people.items():
            pid = person_ids.get(name) or _person_id(conn, name, p.gender if p else None)
            person_ids[name] = pid
            counts = tally.setdefault(pid, [0, 0, 0, None, 0])
            counts[1] += 1
            if p is None:
                rows["article_people"].append((aid, pid, None, 0, "[]"))
                continue
            counts[0] += len(p.mentions)
            if p.role is not None and (counts[3] is None or len(p.mentions) > counts[4]):
                counts[3:] = [p.role, len(p.mentions)]
            rows["article_people"].append((aid, pid, p.role, len(p.mentions), _json(p.forms)))
            rows["mentions"].extend((pid, aid, s, e, text[s:e]) for s, e in p.mentions)
        for q in ex.quotes:
            if q.speaker:
                tally[person_ids[q.speaker]][2] += 1
        rows["quotes"].extend(
            (aid, person_ids[q.speaker] if q.speaker else None, q.start, q.end, q.text, q.kind,
             q.cue, q.cue_start, q.cue_end, q.sieve, q.source) for q in ex.quotes)
        rows["figures"].extend(
            (aid, f.start, f.end, f.text, f.kind, f.value, f.unit, f.qualifier, f.about) for f in ex.figures)
    _insert_rows(conn, rows, tally)
    return statuses


_json = json.JSONEncoder(ensure_ascii=False).encode     # one encoder for every row, not one per call


def _insert_rows(conn: sqlite3.Connection, rows: dict[str, list[tuple]], tally: dict[int, list]) -> None:
    """Insert the rows gathered so far with one executemany per table, add their tally to
    each person's summary, and empty both."""
    _insert_sentences(conn, rows["sentences"])
    conn.executemany("INSERT INTO article_people (article_id, person_id, role, mentions, forms) VALUES (?, ?, ?, ?, ?)",
                     rows["article_people"])
    conn.executemany("INSERT INTO mentions (person_id, article_id, char_start, char_end, form) VALUES (?, ?, ?, ?, ?)",
                     rows["mentions"])
    conn.executemany(
        "INSERT INTO quotes (article_id, person_id, char_start, char_end, text, kind, cue, cue_start, cue_end, sieve,"
        " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["quotes"])
    conn.executemany(
        "INSERT INTO figures (article_id, char_start, char_end, text, kind, value, unit, qualifier, about)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["figures"])
    conn.executemany("UPDATE people SET mentions = mentions + ?, articles = articles + ?, quotes = quotes + ?"
                     " WHERE id = ?", [(m, a, q, pid) for pid, (m, a, q, _, _) in tally.items()])
    # a role from this batch wins only with more mentions than the one held (ties: the earlier)
    conn.executemany("UPDATE people SET role = ?, role_mentions = ? WHERE id = ? AND (role IS NULL OR role_mentions < ?)",
                     [(role, n, pid, n) for pid, (_, _, _, role, n) in tally.items() if role is not None])
    for pending in rows.values():
        pending.clear()
    tally.clear()


def _insert_sentences(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Insert sentences and index them in one statement rather than row by row: the
    per-row insert trigger is set aside inside this transaction (3x faster on a batch).
    Sentence ids only ever grow, even after deletes (meta 'last_sentence_id'): search
    tops up its vocabulary from the ids above the last one it saw."""
    if not rows:
        return
    mark = conn.execute("SELECT value FROM meta WHERE key = 'last_sentence_id'").fetchone()
    first = max(int(mark[0]) if mark else 0, conn.execute("SELECT max(id) FROM sentences").fetchone()[0] or 0) + 1
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'").fetchone()
    if trigger:
        conn.execute("DROP TRIGGER sentences_ai")
    conn.executemany("INSERT INTO sentences (id, article_id, char_start, char_end, text) VALUES (?, ?, ?, ?, ?)",
                     [(first + i, *row) for i, row in enumerate(rows)])
    if trigger:
        conn.execute("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id >= ?", (first,))
        conn.execute(trigger[0])
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_sentence_id', ?)", (str(first + len(rows) - 1),))


def _person_id(conn: sqlite3.Connection, name: str, gender: str | None) -> int:
    row = conn.execute("SELECT id, gender FROM people WHERE name = ?", (name,)).fetchone()
    if row:
        if gender and not row[1]:
            conn.execute("UPDATE people SET gender = ? WHERE id = ?", (gender, row[0]))
        return row[0]
    return conn.execute("INSERT INTO people (name, gender) VALUES (?, ?)", (name, gender)).lastrowid


def _delete(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    """Delete articles and every row hanging off them; then people no article mentions."""
    for aid in article_ids:
        pids = [r[0] for r in conn.execute("SELECT person_id FROM article_people WHERE article_id = ?", (aid,))]
        for table in ("sentences", "mentions", "quotes", "figures", "article_people"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
        conn.executemany(
            "DELETE FROM people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_people WHERE person_id = people.id)"
            " AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = people.id)", [(p,) for p in pids])
        conn.executemany(PERSON_SUMMARY + " WHERE id = ?", [(p,) for p in pids])
