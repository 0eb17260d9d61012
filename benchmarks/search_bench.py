"""Scale benchmark: ingest, search (per-keystroke latency, agreement with a brute-force
scan, fzf) and the app, on one archive.

For each size (default 10,000, 100,000 and 1,000,000 sentences) it builds an archive
from the shared corpus (benchmarks/make_archive.py) or reads a given JSONL archive,
ingests it as `byline add` does (articles per second, store size; --fast-build writes
the sentences straight in instead), and prints:
- the first search (loads the vocabulary) and per-keystroke latency p50/p95 for typed-out
  queries, typos included, from the third character on (median of --rounds rounds, word
  caches cleared between rounds);
- the count of matches the app shows after each keystroke (exact, or estimated from a
  sample when that would be slow), its time and the estimates' error;
- how many of the top 50 agree with a brute-force scan that scores every sentence with
  the same scorer (search.rank);
- the time of `fzf --filter` over the same sentences (Debian package fzf) and the ratio;
- the app's start-up to a usable screen and its memory on that store (app_bench.py).

    python benchmarks/search_bench.py                       # 10k, 100k, 1M
    python benchmarks/search_bench.py --sizes 100000 --archive my.jsonl

Archives and stores are kept in --work (default /tmp/byline-search-bench) and reused.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import make_archive  # noqa: E402
from store import db as storedb  # noqa: E402
from store import search  # noqa: E402
from store.search import syntax as search_syntax  # noqa: E402
from store.extract import text as textlib  # noqa: E402

TYPO_QUERIES = [
    "zelenksy", "starmr", "hilary clinton", "trump campain", "prime minster", "goverment spending",
    "presidental debate", "ukrane peace", "coalition of the wiling", "econmy growth",
]
CLEAN_QUERIES = ["zelensky", "porcupin", "keir starmer", "steel porcupine", "interest rates", "donald trump said"]


def ingest_store(archive: Path, path: Path) -> None:
    """Store the archive the way `byline add` does (extraction on every core, bulk writes,
    the FTS index updated per batch) and print articles per second and the store's size."""
    from store.ingest import ingest

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    with storedb.open_store(path) as store:
        summary = ingest(store, [archive])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - started
    kb = archive.stat().st_size / max(1, summary.added) / 1000
    print(f"ingest: {summary.added:,} articles (~{kb:.1f} KB each) in {seconds:.1f} s: "
          f"{summary.added / seconds:.0f} articles/s end to end on {os.cpu_count()} cores; store "
          f"{path.stat().st_size / 1e6:.0f} MB ({summary.people:,} people, {summary.quotes:,} quotes, "
          f"{summary.figures:,} figures)", flush=True)


def app_startup(path: Path) -> None:
    """App start-up and memory on this store: benchmarks/app_bench.py in a fresh process."""
    bench = Path(__file__).resolve().parent / "app_bench.py"
    out = subprocess.run([sys.executable, str(bench), "--db", str(path)], capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith(("startup", "rss_mb", "key_work", "quotes_list_rows")):
            print("app: " + line)
    if out.returncode:
        print("app benchmark failed: " + out.stderr.strip().splitlines()[-1])


def build_store(archive: Path, path: Path, limit: int | None) -> tuple[int, float]:
    """Store the archive's articles and sentences; returns (sentences, seconds)."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = storedb.open_store(path)
    db = store.db
    # bulk load without the per-row trigger, then build the index once (install() below)
    db.execute("DROP TRIGGER IF EXISTS sentences_ai")
    db.execute("DROP TABLE IF EXISTS sentences_fts")
    count = 0
    articles, sentences = [], []

    def flush():
        with db.conn:
            db["articles"].insert_all(articles)
            db["sentences"].insert_all(sentences)
        articles.clear()
        sentences.clear()

    with archive.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            text = record["text"]
            spans = record.get("sentences") or textlib.sentences(text)
            if limit is not None:
                spans = spans[: limit - count]
            articles.append({
                "id": number, "key": f"{archive.name}#{record.get('id', number)}",
                "content_hash": hashlib.sha1(text.encode()).hexdigest() + f"-{number}",
                "title": record.get("title"), "source": record.get("source"),
                "published": record.get("published"), "text": text,
            })
            for start, end in spans:
                count += 1
                sentences.append({"id": count, "article_id": number, "char_start": start,
                                  "char_end": end, "text": text[start:end]})
            if len(sentences) >= 20000:
                flush()
            if limit is not None and count >= limit:
                break
    flush()
    search.install(db)      # creates the index over the rows and puts the trigger back
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return count, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def clear_word_caches(store) -> None:
    search_syntax.word.cache_clear()
    store.vocabulary.load(store.db).expansions.clear()


def keystrokes(store, queries: list[str], rounds: int) -> tuple[list[float], list[float], dict[str, float]]:
    """Median wall and CPU time in ms of each keystroke (third character on), and the
    wall time of each full query. CPU time is this process's own: on a shared machine
    it shows the cost of the search apart from waiting for a core."""
    wall: dict[tuple[str, int], list[float]] = {}
    cpu: dict[tuple[str, int], list[float]] = {}
    for _ in range(rounds):
        clear_word_caches(store)
        for query in queries:
            for i in range(3, len(query) + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                search.search(store.db, query[:i], vocabulary=store.vocabulary)
                wall.setdefault((query, i), []).append((time.perf_counter() - started) * 1000)
                cpu.setdefault((query, i), []).append((time.process_time() - started_cpu) * 1000)
    medians = {key: statistics.median(v) for key, v in wall.items()}
    return (list(medians.values()), [statistics.median(v) for v in cpu.values()],
            {q: medians[(q, len(q))] for q in queries})


def counts(store, queries: list[str]) -> None:
    """The app's count of matches after each keystroke (third character on), as it runs
    once the results are shown: exact when the index entries it reads are few, else
    estimated from the store's sample (marked "about"); and, for each full query, the
    estimate against the exact count."""
    db = store.db
    started = time.perf_counter()
    search.sample_of(db, store.vocabulary)
    print(f"count sample made in {(time.perf_counter() - started) * 1000:.0f} ms (once per store)")
    times, cpu, estimated, slowest = [], [], 0, []
    for query in queries:
        for i in range(3, len(query) + 1):
            search.search(db, query[:i], vocabulary=store.vocabulary)     # as the app: the count follows
            started, started_cpu = time.perf_counter(), time.process_time()
            got = search.count(db, query[:i], store.vocabulary, search.COUNT_BUDGET)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            estimated += bool(got.how == "about")
            slowest.append((cpu[-1], query[:i], str(got)))
    print(f"count per keystroke ({len(times)}, budget {search.COUNT_BUDGET:,} index entries): "
          f"p50 {percentile(times, 50):.2f} ms, p95 {percentile(times, 95):.2f} ms, max {max(times):.2f} ms; "
          f"CPU time p50 {percentile(cpu, 50):.2f} ms, p95 {percentile(cpu, 95):.2f} ms, max {max(cpu):.2f} ms; "
          f"{estimated} estimated")
    print("  slowest (CPU ms): " + ", ".join(f"{q!r} {ms:.1f} ({n})" for ms, q, n in sorted(slowest)[-5:]))
    errors = []
    for query in queries:
        got = search.count(db, query, store.vocabulary, search.COUNT_BUDGET)
        started = time.perf_counter()
        exact = search.count(db, query, store.vocabulary)
        ms = (time.perf_counter() - started) * 1000
        if got.how == "about" and exact.n:
            errors.append(abs(got.n - exact.n) / exact.n)
        print(f"  {query:26} shown {str(got):>16}  exact {str(exact):>12} ({ms:5.1f} ms)")
    if errors:
        print(f"estimates off by: median {statistics.median(errors):.0%}, max {max(errors):.0%}")


def brute_force(ids: list[int], toks: list[list[str]], vocabulary: set[str], query: str) -> list[int]:
    """Top 50 sentence ids by scoring every sentence with the engine's scorer."""
    parsed = search.parse(query)
    useful = {t for t in vocabulary if any(w.sims[t] > 0 for w in parsed.words)}
    scored = []
    for sid, words in zip(ids, toks):
        if useful.isdisjoint(words):
            continue
        score, adjacent = search.rank(parsed.words, words)
        if score > 0:
            scored.append((score, adjacent, sid))
    scored.sort(key=lambda r: (-r[0], -r[1], -r[2]))
    return [sid for _, _, sid in scored[:50]]


def fzf_seconds(lines_file: Path, query: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        with lines_file.open("rb") as stdin:
            started = time.perf_counter()
            subprocess.run(["fzf", "--filter", query], stdin=stdin, stdout=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(size: int, work: Path, archive: Path | None, rounds: int, fzf_rounds: int, rebuild: bool,
        latency_only: bool = False, fast_build: bool = False) -> None:
    print(f"\n== {size:,} sentences ==", flush=True)
    if archive is None:
        archive = work / f"archive-{size}.jsonl"
        if rebuild or not archive.exists():
            started = time.perf_counter()
            with archive.open("w", encoding="utf-8") as out:
                make_archive.build(size, out)
            print(f"archive built in {time.perf_counter() - started:.1f} s: {archive}")
    if fast_build:
        path = work / f"store-{size}.db"
        if rebuild or not path.exists():
            count, seconds = build_store(archive, path, size)
            print(f"store built in {seconds:.1f} s: {count:,} sentences, {path.stat().st_size / 1e6:.0f} MB")
    else:
        path = work / f"store-ingested-{size}.db"
        if rebuild or not path.exists():
            ingest_store(archive, path)
    store = storedb.open_store(path)
    db = store.db

    started = time.perf_counter()
    search.search(db, "the first search loads the vocabulary", vocabulary=store.vocabulary)
    vocab = store.vocabulary.load(db)
    print(f"first search (loads {len(vocab.terms):,} words): {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    vocab.warm()            # as the app does in the background when its search opens
    print(f"vocabulary pools made in {(time.perf_counter() - started) * 1000:.0f} ms")

    queries = TYPO_QUERIES + CLEAN_QUERIES
    load = os.getloadavg()[0]
    per_key, per_key_cpu, full = keystrokes(store, queries, rounds)
    typo_keys, _, _ = keystrokes(store, TYPO_QUERIES, 1)
    print(f"per keystroke ({len(per_key)} keystrokes, median of {rounds} rounds, load average {load:.1f}): "
          f"p50 {percentile(per_key, 50):.1f} ms, p95 {percentile(per_key, 95):.1f} ms, "
          f"max {max(per_key):.1f} ms; CPU time p50 {percentile(per_key_cpu, 50):.1f} ms, "
          f"p95 {percentile(per_key_cpu, 95):.1f} ms; typo queries only, one round: p95 {percentile(typo_keys, 95):.1f} ms")

    counts(store, queries)

    if latency_only:
        store.close()
        app_startup(path)
        return
    started = time.perf_counter()
    rows = db.execute("SELECT id, text FROM sentences ORDER BY id").fetchall()
    ids = [r[0] for r in rows]
    toks = [list(map(sys.intern, search.tokens(r[1] or ""))) for r in rows]
    del rows
    words = {t for ts in toks for t in ts}
    print(f"brute force: sentences tokenised in {time.perf_counter() - started:.1f} s")
    overlaps = {}
    for query in queries:
        expected = brute_force(ids, toks, words, query)
        got = [h.sentence_id for h in search.search(db, query, 50, vocabulary=store.vocabulary)]
        overlaps[query] = (len(set(expected) & set(got)), len(expected))
    del toks

    lines_file = work / f"lines-{size}.txt"
    if not lines_file.exists():
        with lines_file.open("w", encoding="utf-8") as out:
            for (text,) in db.execute("SELECT text FROM sentences ORDER BY id"):
                out.write(" ".join((text or "").split()) + "\n")
    have_fzf = shutil.which("fzf") is not None
    print(f"{'query':26} {'ms':>6} {'top50':>7} {'fzf ms':>8} {'ratio':>6}")
    ratios = []
    for query in queries:
        overlap, expected = overlaps[query]
        line = f"{query:26} {full[query]:6.1f} {overlap:3d}/{expected:<3d}"
        if have_fzf:
            fzf_ms = fzf_seconds(lines_file, query, fzf_rounds) * 1000
            ratios.append(fzf_ms / full[query])
            line += f" {fzf_ms:8.0f} {fzf_ms / full[query]:5.0f}x"
        print(line, flush=True)
    typo = [overlaps[q][0] for q in TYPO_QUERIES]
    missed = max(e - o for o, e in (overlaps[q] for q in TYPO_QUERIES))
    print(f"top-50 overlap on typo queries: min {min(typo)}, median {statistics.median(typo)}, "
          f"most missed of what brute force found {missed}; all queries: min {min(o for o, _ in overlaps.values())}")
    if ratios:
        print(f"faster than fzf --filter: median {statistics.median(ratios):.0f}x, min {min(ratios):.0f}x")
    else:
        print("fzf not installed (apt-get install -y fzf): no comparison")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {rss:.0f} MB (includes the brute-force copy)")
    store.close()
    app_startup(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--archive", type=Path, help="a JSONL archive to read instead of building one")
    parser.add_argument("--work", type=Path, default=Path("/tmp/byline-search-bench"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fzf-rounds", type=int, help="runs of fzf per query (default: --rounds)")
    parser.add_argument("--latency-only", action="store_true", help="skip the brute-force and fzf comparisons")
    parser.add_argument("--rebuild", action="store_true", help="build archives and stores again")
    parser.add_argument("--fast-build", action="store_true",
                        help="write sentences straight into the store instead of ingesting the articles "
                             "(seconds instead of minutes; no people, quotes or figures, no ingest numbers)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; search.CANDIDATES={search.CANDIDATES}")
    for size in [int(s) for s in args.sizes.split(",")]:
        run(size, args.work, args.archive, args.rounds, args.fzf_rounds or args.rounds, args.rebuild,
            args.latency_only, args.fast_build)


if __name__ == "__main__":
    main()
