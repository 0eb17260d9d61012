"""Quote check: how well the threshold separates real recollections from invented quotes,
and how fast a check is on a large store.

    python benchmarks/check_bench.py --threshold            # score made-up variants, print the table
    python benchmarks/check_bench.py --sizes 100000 1000000 # latency at these sizes

--threshold builds (once, in --work) a store of the shared corpus's polnear-dev and bbc-dev
articles and the bundled sample, then scores, with store.check's own pipeline:
- recollections of real quotes in that store (and of sentences that are not quotes): the
  text itself, a part of it, its halves swapped, two typos, a few words replaced, a
  speaker put in front ("Smith said ..."), and all of these at once;
- invented quotes: real quotes from polnear-train articles that are NOT in the store
  (realistic words, never said there), and strings of words drawn from the store's own
  quotes.
It prints, for each candidate threshold, the share of each kind found (the right quote
or sentence first, for recollections) or wrongly matched (invented).

The latency part builds a JSON Lines archive as benchmarks/make_archive.py does, ingests
it as `byline add` does (kept in --work and reused), and times checks of recollections
of quotes in that store (first check apart: it loads the vocabulary).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store import check as quote_check  # noqa: E402
from store.check.speaker import split_speaker  # noqa: E402
from store.db import open_store  # noqa: E402
from store.search import tokens  # noqa: E402

CORPUS = Path("/work/shared/corpus")
FILLER = ("really", "very", "quite", "just", "all", "actually", "certainly", "must", "going", "thing", "people",
          "country", "great", "big", "good", "new", "time", "way", "work", "plan")


# ---- variants ------------------------------------------------------------------------

def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice("swap drop double".split())
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def variants(text: str, speaker: str | None, rng: random.Random) -> dict[str, str]:
    words = text.split()
    n = len(words)
    out = {"exact": text}
    k = max(5, int(n * rng.uniform(0.5, 0.7)))
    start = rng.randrange(0, max(1, n - k + 1))
    out["partial"] = " ".join(words[start:start + k])
    cut = next((i + 1 for i, w in enumerate(words[2:-2], 2) if w.endswith(",")), n // 2)
    out["reordered"] = " ".join(words[cut:] + words[:cut])
    typed = list(words)
    for i in rng.sample(range(n), min(n, 4)):
        if len(typed[i]) >= 5:
            typed[i] = typo(typed[i], rng)
    out["misspelled"] = " ".join(typed)
    para = list(words)
    for i in rng.sample(range(n), max(1, n // 6)):
        para[i] = rng.choice(FILLER)
    if n > 8:
        del para[rng.randrange(n - 1)]
    out["paraphrased"] = " ".join(para)
    if speaker:
        out["speaker"] = f"{speaker.split()[-1]} said {out['partial']}"
    mixed = out["partial"].split()
    for i in rng.sample(range(len(mixed)), 2):
        mixed[i] = typo(mixed[i], rng)
    mixed[rng.randrange(len(mixed))] = rng.choice(FILLER)
    out["all at once"] = (f"{speaker.split()[-1]} said " if speaker else "") + " ".join(mixed)
    return out


# ---- the threshold ---------------------------------------------------------------------

def corpus_records(name: str) -> list[dict]:
    return [json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def eval_store(work: Path) -> Path:
    path = work / "check-eval.db"
    if path.exists():
        return path
    from store.ingest import ingest, sample_path
    records = work / "check-eval.jsonl"
    with records.open("w", encoding="utf-8") as f:
        for r in corpus_records("polnear-dev.jsonl"):
            f.write(json.dumps(r) + "\n")
    tmp = work / "check-eval.db.tmp"
    with open_store(tmp) as store:
        ingest(store, [records, CORPUS / "bbc-dev", sample_path()])
        store.vocabulary.save(store.db)
    tmp.rename(path)
    return path


def held_out_quotes(store_texts: set[str], rng: random.Random, n: int) -> list[str]:
    """Quotes of polnear-train articles, none of which is in the store."""
    from store.extract import extract
    found = []
    records = corpus_records("polnear-train.jsonl")
    rng.shuffle(records)
    for r in records:
        ex = extract(r["text"])
        for q in ex.quotes:
            if len(q.text.split()) >= 8 and " ".join(tokens(q.text)) not in store_texts:
                found.append(q.text)
        if len(found) >= n:
            break
    return found[:n]


def threshold_table(work: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    with open_store(eval_store(work)) as store:
        conn = store.conn
        quotes = [(qid, text, name) for qid, text, name in conn.execute(
            "SELECT q.id, q.text, p.name FROM quotes q LEFT JOIN people p ON p.id = q.person_id")
            if len((text or "").split()) >= 8]
        # sentences that hold no quote at all
        plain = [(sid, text) for sid, text in conn.execute(
            "SELECT s.id, s.text FROM sentences s WHERE length(s.text) > 60 AND NOT EXISTS (SELECT 1 FROM quotes q "
            "WHERE q.article_id = s.article_id AND q.char_start < s.char_end AND q.char_end > s.char_start)")]
        store_texts = {" ".join(tokens(t)) for _, t, _ in quotes}
        rng.shuffle(quotes)
        rng.shuffle(plain)
        cases: list[tuple[str, str, tuple | None]] = []       # (kind, text, what it should find)
        for qid, text, name in quotes[:n]:
            for kind, variant in variants(" ".join(text.split()), name, rng).items():
                cases.append((kind, variant, ("quote", qid)))
        for sid, text in plain[:n // 2]:
            for kind in ("exact", "partial", "misspelled"):
                cases.append(("sentence " + kind, variants(" ".join(text.split()), None, rng)[kind], ("sentence", sid)))
        for text in held_out_quotes(store_texts, rng, n):
            cases.append(("invented (real quote, other article)", text, None))
            cases.append(("invented (part of one)", variants(text, None, rng)["partial"], None))
        bag = [w for _, t, _ in quotes for w in t.split()]
        for _ in range(n):
            cases.append(("invented (words of the store)", " ".join(rng.choice(bag) for _ in range(rng.randint(8, 16))), None))
        results = []
        started = time.perf_counter()
        for kind, text, want in cases:
            scored = quote_check.score_all(store.db, store.vocabulary, split_speaker(text)[1],
                                            split_speaker(text)[0], text)
            best = scored[0] if scored else None
            if want is None:
                results.append((kind, best.score if best else 0.0, False))
                continue
            # the score of the match the check would put first, and whether it is the right one
            right = best is not None and ((best.kind, best.quote_id if best.kind == "quote" else best.sentence_id) == want
                                          or " ".join(tokens(best.text)) == " ".join(tokens(_text_of(conn, want))))
            results.append((kind, best.score if best else 0.0, right))
        elapsed = time.perf_counter() - started
    print(f"{len(cases)} checks in {elapsed:.1f} s on {n} quotes and {n // 2} sentences of the eval store")
    kinds = list(dict.fromkeys(k for k, _, _ in results))
    thresholds = [55, 60, 65, 70, 75, 80, 85]
    print(f"{'kind':40s} " + " ".join(f"{t:>5d}" for t in thresholds))
    for kind in kinds:
        rows = [(s, r) for k, s, r in results if k == kind]
        invented = kind.startswith("invented")
        cells = [sum(1 for s, r in rows if s >= t and (invented or r)) / len(rows) for t in thresholds]
        print(f"{kind + (' (matched: wrong)' if invented else ' (found first)'):40s} "
              + " ".join(f"{c:5.0%}" for c in cells) + f"   n={len(rows)}")
    real = [(s, r) for k, s, r in results if not k.startswith("invented")]
    fake = [s for k, s, _ in results if k.startswith("invented")]
    print("overall: " + "  ".join(
        f"{t}: found {sum(1 for s, r in real if s >= t and r) / len(real):.0%}, "
        f"invented matched {sum(1 for s in fake if s >= t) / len(fake):.1%}" for t in thresholds))


def _text_of(conn, want) -> str:
    table = "quotes" if want[0] == "quote" else "sentences"
    row = conn.execute(f"SELECT text FROM {table} WHERE id = ?", [want[1]]).fetchone()
    return row[0] if row else ""


# ---- latency -----------------------------------------------------------------------------

def big_store(size: int, work: Path) -> Path:
    from benchmarks import make_archive
    from store.ingest import ingest
    path = work / f"store-{size}.db"
    if path.exists():
        return path
    archive = work / f"archive-{size}.jsonl"
    if not archive.exists():
        with open(str(archive) + ".tmp", "w", encoding="utf-8") as f:
            make_archive.build(size, f)
        os.replace(str(archive) + ".tmp", archive)
    tmp = Path(str(path) + ".tmp")
    started = time.perf_counter()
    with open_store(tmp) as store:
        summary = ingest(store, [archive])
        store.vocabulary.save(store.db)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built {path.name}: {summary.added:,} articles in {time.perf_counter() - started:.0f} s")
    os.replace(tmp, path)
    return path


def latency(size: int, work: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    path = big_store(size, work)
    with open_store(path) as store:
        conn = store.conn
        sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        top = conn.execute("SELECT max(id) FROM quotes").fetchone()[0]
        picks = []
        while len(picks) < n:
            row = conn.execute("SELECT q.text, p.name FROM quotes q LEFT JOIN people p ON p.id = q.person_id "
                               "WHERE q.id >= ? LIMIT 1", [rng.randrange(top)]).fetchone()
            if row and len(row[0].split()) >= 8:
                picks.append(row)
        started = time.perf_counter()
        store.vocabulary.load(store.db)
        first = time.perf_counter() - started
        times: dict[str, list[float]] = {}
        found: dict[str, int] = {}
        t = time.perf_counter()
        quote_check.check(store, picks[0][0])      # the first check makes the vocabulary's pools it needs
        first_check = time.perf_counter() - t
        for text, name in picks:
            for kind, variant in variants(" ".join(text.split()), name, rng).items():
                t = time.perf_counter()
                result = quote_check.check(store, variant)
                times.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
                found[kind] = found.get(kind, 0) + result.found
        invented = ["the minister insisted that the porcupine budget would never survive a winter of strikes",
                    "we will build a wall of solar panels across the channel and the french will pay",
                    "nobody in this government has ever read a single page of the report"]
        for text in invented:
            t = time.perf_counter()
            result = quote_check.check(store, text)
            times.setdefault("invented", []).append((time.perf_counter() - t) * 1000)
            found["invented"] = found.get("invented", 0) + result.found
    load = os.getloadavg()[0]
    every = sorted(x for v in times.values() for x in v)
    print(f"{sentences:,} sentences ({path.stat().st_size / 1e6:.0f} MB), load {load:.1f}: vocabulary {first * 1000:.0f} ms, "
          f"first check {first_check * 1000:.0f} ms; then "
          f"check p50 {percentile(every, 50):.1f} ms, p95 {percentile(every, 95):.1f} ms, max {every[-1]:.1f} ms")
    for kind, values in times.items():
        print(f"  {kind:12s} p50 {percentile(sorted(values), 50):6.1f} ms  max {max(values):6.1f} ms  "
              f"found {found[kind]}/{len(values)}")


def percentile(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold", action="store_true", help="score made-up variants for the threshold")
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="sentences in each store timed")
    parser.add_argument("--work", type=Path, default=Path("/tmp/byline-check-bench"))
    parser.add_argument("-n", type=int, default=200, help="quotes varied (threshold) or checked (latency)")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.threshold:
        threshold_table(args.work, args.n, args.seed)
    for size in args.sizes:
        latency(size, args.work, min(args.n, 50), args.seed)
    if not args.threshold and not args.sizes:
        parser.print_help()


if __name__ == "__main__":
    main()
