"""Ingest: read articles, extract, write them to the store in batches.

Each batch of articles is written in one transaction with executemany. Articles already
stored (same content hash) are not extracted again. Big inputs are extracted in a pool of
worker processes, in order, while the main process reads and writes; at most three batches
are in flight, so memory stays bounded whatever the size of the input.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .db import Store, content_hash
from store.extract import extract
from .model import Article, Extraction, Figure, Person, Quote
from .readers import Skipped, read_paths

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


def sample_path() -> Path:
    """The bundled sample article, shipped as package data."""
    return Path(str(resources.files("store") / "data" / "starmer-coalition-of-the-willing.txt"))


def article_key(article: Article) -> str:
    """Where an article came from, as the store's key: an absolute path (with "#record" for
    archives). Text from stdin has no place, so its key is its content."""
    if not article.path or article.path.startswith("<stdin>"):
        return "stdin#" + content_hash(article)[:16]
    return os.path.abspath(article.path)


def extract_safely(text: str) -> Extraction | str:
    """An Extraction, or a one-line reason why extraction failed (the batch goes on)."""
    try:
        return extract(text)
    except Exception as e:  # noqa: BLE001 -- one bad article must not stop an archive
        return f"extraction failed ({type(e).__name__}: {e})".replace("\n", " ")


def extract_packed(text: str) -> tuple | str:
    """extract_safely for a worker process: the result as plain tuples, which pickle about
    three times faster than the dataclasses. Paragraphs stay behind: the store needs none."""
    ex = extract_safely(text)
    if isinstance(ex, str):
        return ex
    return (ex.sentences, [tuple(vars(p).values()) for p in ex.people],
            [tuple(vars(q).values()) for q in ex.quotes], [tuple(vars(f).values()) for f in ex.figures])


def _unpacked(packed: tuple | str) -> Extraction | str:
    if isinstance(packed, str):
        return packed
    sentences, people, quotes, figures = packed
    return Extraction([], sentences, [Person(*p) for p in people], [Quote(*q) for q in quotes],
                      [Figure(*f) for f in figures])


def extract_all(items: Iterable[Article | Skipped], workers: int = WORKERS
                ) -> Iterator[tuple[Article, Extraction | str] | Skipped]:
    """Extraction for each article, in input order; Skipped items pass through. Uses worker
    processes once more than POOL_FROM articles have been seen."""
    pool = None
    pending: deque = deque()     # batches handed to the pool, oldest first
    try:
        for batch in _batches(items, BATCH):
            arts = [a for a in batch if isinstance(a, Article)]
            if pool is None and workers > 1 and len(batch) >= POOL_FROM:
                pool = ProcessPoolExecutor(workers)
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
            pool.shutdown(cancel_futures=True)


def _pair(batch, results):
    results = iter(results) if results is not None else None
    for item in batch:
        if isinstance(item, Skipped):
            yield item
        else:
            yield item, next(results) if results is not None else extract_safely(item.text)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(store: Store, paths: Iterable[str | Path], progress: Callable[[int, int | None], None] | None = None,
           workers: int = WORKERS) -> Summary:
    """Read, extract and store every article under paths. progress(done, total) is called
    every few articles and at the end; total is an estimate (None when unknown: stdin)."""
    paths = [str(p) for p in paths]
    total = estimate_count(paths)
    summary = Summary()
    names: set[str] = set()
    done = reported = 0

    def tick() -> None:
        nonlocal done, reported
        done += 1
        if progress and done - reported >= 10:
            reported = done
            progress(done, total)

    def known_filtered() -> Iterator[Article | Skipped]:
        # articles already stored skip extraction: re-ingesting an archive is cheap
        for batch in _batches(read_paths(paths), BATCH):
            known = store.known([content_hash(a) for a in batch if isinstance(a, Article)])
            for item in batch:
                if isinstance(item, Article) and content_hash(item) in known:
                    summary.unchanged += 1
                    tick()
                else:
                    yield item

    write: list[tuple[str, Article, Extraction]] = []

    def flush() -> None:
        for status, (_, _, ex) in zip(store.write(write), write):
            setattr(summary, status, getattr(summary, status) + 1)
            if status != "unchanged":
                names.update(p.name for p in ex.people)
                summary.quotes += len(ex.quotes)
                summary.figures += len(ex.figures)
        write.clear()

    for item in extract_all(known_filtered(), workers):
        if isinstance(item, Skipped):
            summary.skipped.append((item.path, item.reason))
        elif isinstance(item[1], str):
            summary.skipped.append((item[0].path or "?", item[1]))
        else:
            write.append((article_key(item[0]), item[0], item[1]))
            if len(write) >= BATCH:
                flush()
        tick()
    flush()
    if progress:
        progress(done, total)
    summary.people = len(names)
    return summary


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
