#!/usr/bin/env python3
"""Extraction and ingest throughput. Run on demand (make bench), not a test.

    python benchmarks/extract_bench.py [ARTICLES]     # ARTICLES for the ingest run, default 4000

1. Extraction, single core: every article of the shared corpus (../shared/corpus, all
   four sets), extract() timed alone.
2. Ingest, end to end (read, extract on all cores, write) into a fresh store in a temp
   folder: a JSON Lines archive of ~4 KB articles recombined from corpus paragraphs.
"""
from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.db import open_store  # noqa: E402
from store.extract import extract  # noqa: E402
from store.ingest import ingest  # noqa: E402
from store.model import Article  # noqa: E402
from store.readers import read_paths  # noqa: E402

CORPUS = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared")) / "corpus"


def corpus_articles() -> list[Article]:
    return [a for a in read_paths([CORPUS]) if isinstance(a, Article)]


def bench_extract(articles: list[Article]) -> None:
    for a in articles[:20]:          # warm up: imports, compiled patterns
        extract(a.text)
    started = time.perf_counter()
    for a in articles:
        extract(a.text)
    elapsed = time.perf_counter() - started
    kb = sum(len(a.text) for a in articles) / len(articles) / 1000
    print(f"extract: {len(articles)} corpus articles (mean {kb:.1f} KB) in {elapsed:.2f} s: "
          f"{len(articles) / elapsed:.0f} articles/s on one core, {elapsed / len(articles) * 1000:.2f} ms/article")


def make_archive(articles: list[Article], count: int, path: Path, size: int = 4000) -> None:
    """count distinct articles of about size characters, from shuffled corpus paragraphs."""
    paras = [p.strip() for a in articles for p in a.text.split("\n") if len(p.strip()) > 40]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            body: list[str] = []
            while sum(len(p) + 1 for p in body) < size:
                body.append(rng.choice(paras))
            record = {"id": f"a{i}", "title": f"Article {i}", "source": "Bench", "published": f"2024-01-{i % 28 + 1:02d}",
                      "text": "\n".join(body)}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def bench_ingest(articles: list[Article], count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        make_archive(articles, count, archive)
        db = Path(tmp) / "bench.db"
        cpu = _cpu()
        started = time.perf_counter()
        with open_store(db) as store:
            summary = ingest(store, [archive])
        elapsed = time.perf_counter() - started
        cpu = _cpu() - cpu
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        kb = archive.stat().st_size / count / 1000
        print(f"ingest: {summary.added} articles (~{kb:.1f} KB each) in {elapsed:.2f} s: "
              f"{summary.added / elapsed:.0f} articles/s end to end on {os.cpu_count()} cores; "
              f"store {size / 1e6:.1f} MB ({summary.quotes} quotes, {summary.figures} figures, "
              f"{summary.people} people, {len(summary.skipped)} skipped)")
        # on a busy machine the wall clock says little; CPU time per article says what two idle cores could do
        print(f"ingest CPU: {cpu / count * 1000:.1f} ms per article (all processes), "
              f"so ~{2 * count / cpu:.0f} articles/s on two idle cores")
        started = time.perf_counter()
        with open_store(db) as store:
            again = ingest(store, [archive])
        print(f"re-ingest of the same archive: {again.unchanged} unchanged in {time.perf_counter() - started:.2f} s")
        bench_parts(archive, Path(tmp) / "parts.db")


def bench_parts(archive: Path, db: Path, count: int = 500) -> None:
    """Where ingest time goes: extraction of these articles on one core, and the store's
    write alone (articles already extracted, written in batches of BATCH)."""
    from store.ingest import BATCH, article_key
    arts = [a for a in read_paths([archive]) if isinstance(a, Article)][:count]
    started = time.perf_counter()
    exs = [extract(a.text) for a in arts]
    extract_s = time.perf_counter() - started
    started = time.perf_counter()
    with open_store(db) as store:
        for i in range(0, len(arts), BATCH):
            store.write([(article_key(a), a, e) for a, e in zip(arts[i:i + BATCH], exs[i:i + BATCH])])
    write_s = time.perf_counter() - started
    print(f"parts: extraction {len(arts) / extract_s:.0f} articles/s on one core ({extract_s / len(arts) * 1000:.1f} ms each); "
          f"store write alone {len(arts) / write_s:.0f} articles/s ({write_s / len(arts) * 1000:.1f} ms each)")


def _cpu() -> float:
    """CPU seconds used by this process and its finished children (the worker pool)."""
    import resource
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    articles = corpus_articles()
    bench_extract(articles)
    bench_ingest(articles, count)


if __name__ == "__main__":
    main()
