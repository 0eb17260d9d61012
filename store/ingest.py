"""Ingest: read articles, extract, write them to the store in batches.

Each batch of articles is written in one transaction with executemany. Articles already
stored (same content hash) are not extracted again. Big inputs are extracted in a pool of
worker processes, in order, while the main process reads and writes; at most three batches
are in flight, so memory stays bounded whatever the size of the input.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from .db import ArticleRecord, Store, StoreError, content_hash
from .db.merges import auto_merge
from store.extract import extract
from .model import Article, Extraction, Figure, Person, Quote
from .readers import Skipped, is_url, read_paths

BATCH = 250             # articles per transaction
POOL_FROM = 200         # use worker processes once an input has more articles than this
WORKERS = 2
IN_FLIGHT = 2           # batches being extracted while the one before them is written


@dataclass
class Summary:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    people: int = 0         # distinct people in the articles written
    quotes: int = 0
    figures: int = 0
    interrupted: bool = False   # stopped when asked (Ctrl+C), after writing what was extracted
    merges: list[dict] = field(default_factory=list)    # the automatic merges of people made after writing


def sample_path() -> Path:
    """The bundled sample article, shipped as package data."""
    return Path(str(resources.files("store") / "data" / "starmer-coalition-of-the-willing.txt"))


def article_key(article: Article) -> str:
    """Where an article came from, as the store's key: an absolute path (with "#record" for
    archives). Text from stdin has no place, so its key is its content."""
    if not article.path or article.path.startswith("<stdin>"):
        return "stdin#" + content_hash(article)[:16]
    if is_url(article.path):
        return article.path         # read from the web: its URL ("feed-url#entry-id" for a feed's)
    return os.path.abspath(article.path)


def extract_safely(text: str) -> Extraction | str:
    """An Extraction, or a one-line reason why extraction failed (the batch goes on)."""
    try:
        return extract(text)
    except Exception as e:  # noqa: BLE001 -- one bad article must not stop an archive
        return f"extraction failed ({type(e).__name__}: {e})".replace("\n", " ")


# What a worker process sends back for each person, quote and figure: the values of its
# dataclass's fields, in their order (a plain tuple). Measured with timeit (CPU time, 84
# PolNeAR dev articles): a named tuple for each costs as much as the dataclass itself, 0.09
# ms an article to pickle and unpickle against 0.05 for plain tuples; so only the one
# record per article is named (0.06).
_person_values = attrgetter(*(f.name for f in fields(Person)))
_quote_values = attrgetter(*(f.name for f in fields(Quote)))
_figure_values = attrgetter(*(f.name for f in fields(Figure)))


class PackedExtraction(NamedTuple):
    """An Extraction as a worker process sends it back (paragraphs stay behind: the store
    needs none); people, quotes and figures as the values of their fields."""
    sentences: list[tuple[int, int]]
    people: list[tuple]
    quotes: list[tuple]
    figures: list[tuple]

    @classmethod
    def of(cls, ex: Extraction) -> "PackedExtraction":
        return cls(ex.sentences, list(map(_person_values, ex.people)), list(map(_quote_values, ex.quotes)),
                   list(map(_figure_values, ex.figures)))

    def unpacked(self) -> Extraction:
        return Extraction([], self.sentences, [Person(*p) for p in self.people], [Quote(*q) for q in self.quotes],
                          [Figure(*f) for f in self.figures])


class Extracted(NamedTuple):
    """An article and its extraction, or the one-line reason extraction failed."""
    article: Article
    extraction: Extraction | str


def extract_packed(text: str) -> PackedExtraction | str:
    """extract_safely for a worker process: the result packed to pickle fast."""
    ex = extract_safely(text)
    return ex if isinstance(ex, str) else PackedExtraction.of(ex)


def _unpacked(packed: PackedExtraction | str) -> Extraction | str:
    return packed if isinstance(packed, str) else packed.unpacked()


def _ignore_ctrl_c() -> None:
    """In each worker process: Ctrl+C at a terminal reaches every process of the group;
    the main process decides when to stop, and the workers finish what they were given."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_all(items: Iterable[Article | Skipped], workers: int = WORKERS) -> Iterator[Extracted | Skipped]:
    """Extraction for each article, in input order; Skipped items pass through. Uses worker
    processes once more than POOL_FROM articles have been seen."""
    pool = None
    pending: deque = deque()     # batches handed to the pool, oldest first
    try:
        for batch in _batches(items, BATCH):
            arts = [a for a in batch if isinstance(a, Article)]
            if pool is None and workers > 1 and len(batch) >= POOL_FROM:
                pool = ProcessPoolExecutor(workers, initializer=_ignore_ctrl_c)
            if pool is not None:
                futures = map(_unpacked, pool.map(extract_packed, [a.text for a in arts], chunksize=10))
                pending.append((batch, futures))
            else:
                pending.append((batch, None))
            # the workers keep a batch in hand while this process writes the oldest one
            if len(pending) > IN_FLIGHT:
                yield from _pair(*pending.popleft())
        while pending:
            yield from _pair(*pending.popleft())
    finally:
        if pool is not None:
            _shut_down(pool)


def _shut_down(pool: ProcessPoolExecutor) -> None:
    """Stop the workers once the chunks they are on are done; at once if interrupted
    meanwhile (a second Ctrl+C): they ignore SIGINT, and left waiting for work they would
    keep this process from exiting."""
    try:
        pool.shutdown(cancel_futures=True)
    except BaseException:
        # the executor keeps its worker processes in _processes: the only handle on them
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise


def _pair(batch, results):
    results = iter(results) if results is not None else None
    for item in batch:
        if isinstance(item, Skipped):
            yield item
        else:
            yield Extracted(item, next(results) if results is not None else extract_safely(item.text))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Run:
    """One run of ingest(): its summary so far, its progress and the batch it is about to
    write."""

    def __init__(self, store: Store, items: Iterable[Article | Skipped], total: int | None,
                 progress: Callable[[int, int | None], None] | None, stop: Callable[[], bool] | None) -> None:
        self.store, self.items, self.progress, self.stop = store, items, progress, stop
        self.total = total
        self.summary = Summary()
        self.names: set[str] = set()
        self.done = self.reported = 0
        self.write: list[ArticleRecord] = []

    def asked_to_stop(self) -> bool:
        if self.stop is not None and not self.summary.interrupted and self.stop():
            self.summary.interrupted = True
        return self.summary.interrupted

    def tick(self) -> None:
        self.done += 1
        if self.progress and self.done - self.reported >= 10:
            self.reported = self.done
            self.progress(self.done, self.total)

    def known_filtered(self) -> Iterator[Article | Skipped]:
        # articles already stored skip extraction: re-ingesting an archive is cheap
        for batch in _batches(self.items, BATCH):
            known = self.store.known([content_hash(a) for a in batch if isinstance(a, Article)])
            for item in batch:
                if isinstance(item, Article) and content_hash(item) in known:
                    self.summary.unchanged += 1
                    self.tick()
                else:
                    yield item
                if self.asked_to_stop():
                    return

    def take(self, item: Extracted | Skipped) -> None:
        """One article extracted (or skipped): noted, or kept to write with its batch."""
        if isinstance(item, Skipped):
            self.summary.skipped.append((item.path, item.reason))
        elif isinstance(item.extraction, str):
            self.summary.skipped.append((item.article.path or "?", item.extraction))
        else:
            self.write.append(ArticleRecord(article_key(item.article), item.article, item.extraction))
            if len(self.write) >= BATCH:
                self.flush()

    def flush(self) -> None:
        summary = self.summary
        for status, record in zip(self.store.write(self.write), self.write):
            setattr(summary, status, getattr(summary, status) + 1)
            if status != "unchanged":
                self.names.update(p.name for p in record.extraction.people)
                summary.quotes += len(record.extraction.quotes)
                summary.figures += len(record.extraction.figures)
        self.write.clear()

    def finish(self) -> Summary:
        self.flush()
        if self.summary.added or self.summary.replaced:
            self.summary.merges = auto_merge(self.store)
        if self.progress:
            self.progress(self.done, self.total)
        self.summary.people = len(self.names)
        return self.summary


def ingest(store: Store, paths: Iterable[str | Path], progress: Callable[[int, int | None], None] | None = None,
           workers: int = WORKERS, stop: Callable[[], bool] | None = None) -> Summary:
    """Read, extract and store every article under paths. progress(done, total) is called
    every few articles and at the end; total is an estimate (None when unknown: stdin).
    Once stop() says so (asked after every article), ingest writes what it has extracted
    and returns, its summary marked interrupted: each batch is one transaction, so every
    article is stored whole or not at all."""
    paths = [str(p) for p in paths]
    return ingest_articles(store, read_paths(paths), estimate_count(paths), progress, workers, stop)


def ingest_articles(store: Store, items: Iterable[Article | Skipped], total: int | None = None,
                    progress: Callable[[int, int | None], None] | None = None, workers: int = WORKERS,
                    stop: Callable[[], bool] | None = None) -> Summary:
    """ingest() for articles already read (a feed's entries); total: how many, if known."""
    run = _Run(store, items, total, progress, stop)
    extracted = extract_all(run.known_filtered(), workers)
    try:
        for item in extracted:
            run.take(item)
            run.tick()
            if run.asked_to_stop():
                break
    finally:
        extracted.close()           # the workers stop: what they still hold is not needed
    return run.finish()


@dataclass
class Reextracted:
    """What `reextract` did: articles extracted again, those it could not (id, reason), the
    corrections applied again, those kept whose quote is gone, and the automatic merges."""
    articles: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    corrections: int = 0
    orphans: list[dict] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)


def reextract(store: Store, article_ids: list[int] | None = None, workers: int = WORKERS,
              progress: Callable[[int, int | None], None] | None = None) -> Reextracted:
    """Extract stored articles again (all, or these): the same text under this byline's
    rules. Each batch replaces its articles' rows in one transaction, keeping the articles'
    ids; the user's corrections are applied again (store.db.corrections)."""
    from .db import writes
    from .db.corrections import orphans

    if article_ids is None:
        article_ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]
    for aid in article_ids:
        if not store.conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
            raise StoreError(f"no article with id {aid}")
    done = Reextracted()
    keys: set[str] = set()
    results = extract_all(_stored_articles(store, article_ids), workers)
    try:
        for batch in _batches(results, BATCH):
            with store.transaction("extract articles again") as conn:
                for article, ex in batch:
                    if isinstance(ex, str):
                        done.skipped.append((int(article.id), ex))
                        continue
                    writes.rewrite(conn, int(article.id), ex)
                    done.articles += 1
            keys.update(article.path for article, _ in batch)
            ids = [int(article.id) for article, _ in batch]
            done.corrections += store.conn.execute(
                "SELECT count(*) FROM corrections c JOIN quotes q ON q.id = c.quote_id"
                f" WHERE c.undone IS NULL AND q.article_id IN ({','.join('?' * len(ids))})", ids).fetchone()[0]
            if progress:
                progress(done.articles + len(done.skipped), len(article_ids))
    finally:
        results.close()
    done.orphans = [o for o in orphans(store) if o["article_key"] in keys]
    done.merges = auto_merge(store)
    return done


def _stored_articles(store: Store, article_ids: list[int]) -> Iterator[Article]:
    """The stored articles' texts, a batch at a time; each Article's id is the stored
    article's, its path the store's key."""
    for batch in _batches(article_ids, BATCH):
        rows = {aid: (key, text) for aid, key, text in store.conn.execute(
            f"SELECT id, key, text FROM articles WHERE id IN ({','.join('?' * len(batch))})", batch)}
        for aid in batch:
            key, text = rows[aid]
            yield Article(text=text, path=key, id=str(aid))


def estimate_count(paths: list[str]) -> int | None:
    """How many articles paths hold, cheaply: one per file, one per line of a .jsonl."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = [f for f in path.rglob("*") if f.is_file()] if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with f.open("rb") as fh:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                except OSError:
                    total += 1
            else:
                total += 1
    return total
