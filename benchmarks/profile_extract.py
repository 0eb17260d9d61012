#!/usr/bin/env python3
"""CPU time of each extraction pass, per article. Run on demand, not a test.

    python benchmarks/profile_extract.py            # ms per article for each pass
    python benchmarks/profile_extract.py people     # also the cProfile top 25 for one pass

Two sets: every article of the shared corpus (mean ~2.3 KB) and 300 articles of ~4 KB
recombined from corpus paragraphs (the recipe of extract_bench.py). The machine is often
busy, so each pass is timed with time.process_time over chunks of 25 articles, and the
best of 7 runs of each chunk is kept: that is close to what an idle core does.
"""
from __future__ import annotations

import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_bench import corpus_articles  # noqa: E402
from store.extract.figures import find_figures  # noqa: E402
from store.extract.people import find_people  # noqa: E402
from store.extract.quotes import find_quotes  # noqa: E402
from store.extract.text import paragraphs, sentences  # noqa: E402

RUNS = 7
CHUNK = 25


def recombined(texts: list[str], count: int = 300, size: int = 4000) -> list[str]:
    paras = [p.strip() for t in texts for p in t.split("\n") if len(p.strip()) > 40]
    rng = random.Random(7)
    out = []
    for _ in range(count):
        body: list[str] = []
        while sum(len(p) + 1 for p in body) < size:
            body.append(rng.choice(paras))
        out.append("\n".join(body))
    return out


def prepared(texts: list[str]) -> list[tuple]:
    """Each article with the inputs every pass gets: text, paragraphs, sentences, people."""
    out = []
    for t in texts:
        paras = paragraphs(t)
        sents = sentences(t, paras)
        out.append((t, paras, sents, find_people(t, paras, sents)))
    return out


PASSES = {
    "text": lambda t, paras, sents, people: sentences(t, paragraphs(t)),
    "people": lambda t, paras, sents, people: find_people(t, paras, sents),
    "quotes": lambda t, paras, sents, people: find_quotes(t, paras, sents, people),
    "figures": lambda t, paras, sents, people: find_figures(t, sents),
}


def cpu_ms(fn, items: list[tuple]) -> float:
    total = 0.0
    for c in range(0, len(items), CHUNK):
        chunk = items[c:c + CHUNK]
        best = float("inf")
        for _ in range(RUNS):
            started = time.process_time()
            for item in chunk:
                fn(*item)
            best = min(best, time.process_time() - started)
        total += best
    return total / len(items) * 1000


def main() -> None:
    texts = [a.text for a in corpus_articles()]
    sets = {"corpus": prepared(texts), "4 KB": prepared(recombined(texts))}
    for name, items in sets.items():
        kb = sum(len(i[0]) for i in items) / len(items) / 1000
        ms = {p: cpu_ms(fn, items) for p, fn in PASSES.items()}
        total = sum(ms.values())
        print(f"{name} ({len(items)} articles, mean {kb:.1f} KB): "
              + "  ".join(f"{p} {v:.2f}" for p, v in ms.items())
              + f"  = {total:.2f} ms per article, {1000 / total:.0f} articles/s on one core (CPU time)")
    for p in sys.argv[1:]:
        fn = PASSES[p]
        items = sets["4 KB"]
        prof = cProfile.Profile()
        prof.runcall(lambda: [fn(*i) for i in items])
        print(f"\ncProfile of {p} on the 4 KB set:")
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
