#!/usr/bin/env python3
"""CPU time of each extraction pass (store.extract.PASSES), per article. Run on demand, not a test.

    python benchmarks/profile_extract.py                  # ms per article for each pass
    python benchmarks/profile_extract.py attribution      # also the cProfile top 25 for passes
                                                          # whose name contains the word

Two sets: every article of the shared corpus (mean ~2.3 KB) and 300 articles of ~4 KB
recombined from corpus paragraphs (the recipe of extract_bench.py). The machine is often
busy, so the whole pipeline runs 7 times over each set and each pass keeps its best time
per chunk of 25 articles: that is close to what an idle core does.
"""
from __future__ import annotations

import cProfile
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_bench import corpus_articles  # noqa: E402
from store.extract import PASSES, Draft  # noqa: E402

RUNS = int(os.environ.get("RUNS", 7))     # RUNS=1 for a quick look
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


def pass_ms(texts: list[str]) -> dict[str, float]:
    """Best-of-RUNS CPU ms per article for each pass, chunk by chunk."""
    total = {name: 0.0 for name, _ in PASSES}
    for c in range(0, len(texts), CHUNK):
        best = {name: float("inf") for name, _ in PASSES}
        for _ in range(RUNS):
            spent = dict.fromkeys(best, 0.0)
            for text in texts[c:c + CHUNK]:
                d = Draft(text)
                for name, run in PASSES:
                    started = time.process_time()
                    run(d)
                    spent[name] += time.process_time() - started
            best = {k: min(best[k], spent[k]) for k in best}
        for k in total:
            total[k] += best[k]
    return {k: v / len(texts) * 1000 for k, v in total.items()}


def main() -> None:
    texts = [a.text for a in corpus_articles()]
    sets = {"corpus": texts, "4 KB": recombined(texts)}
    for name, items in sets.items():
        kb = sum(len(t) for t in items) / len(items) / 1000
        ms = pass_ms(items)
        total = sum(ms.values())
        print(f"{name} ({len(items)} articles, mean {kb:.1f} KB): {total:.2f} ms per article, "
              f"{1000 / total:.0f} articles/s on one core (CPU time)")
        for p, v in ms.items():
            print(f"  {p:28} {v:6.3f} ms")
    for word in sys.argv[1:]:
        chosen = [run for name, run in PASSES if word in name]
        prof = cProfile.Profile()

        def pipeline() -> None:
            for text in sets["4 KB"]:
                d = Draft(text)
                for _, run in PASSES:
                    (prof.runcall if run in chosen else (lambda f, x: f(x)))(run, d)

        pipeline()
        print(f"\ncProfile of the passes named '{word}' on the 4 KB set:")
        pstats.Stats(prof).sort_stats(os.environ.get("SORT", "tottime")).print_stats(int(os.environ.get("TOP", 25)))


if __name__ == "__main__":
    main()
