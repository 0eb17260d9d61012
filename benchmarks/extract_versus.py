#!/usr/bin/env python3
"""Extraction speed of this checkout against an earlier commit, measured in one run.
Run on demand, not a test.

    python benchmarks/extract_versus.py REV [ROUNDS]    # CPU time, ROUNDS alternating runs (default 5)
    python benchmarks/extract_versus.py REV --instructions   # instruction counts (needs valgrind)

REV's store/ is taken with `git archive` into a temporary folder. Each round times extract()
over every shared-corpus article once per side, in fresh processes, the two sides taking turns
so that a busy spell of this shared machine hits both; the best round of each side is what an
idle core does. Instruction counts (callgrind, every 10th article, extraction only) do not
depend on the load at all.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))

# Run in a child process with the tree to measure first on sys.path. Prints ms per article
# (CPU time), or runs the measured part through operator.call, which callgrind is told to count.
_CHILD = r"""
import operator, sys, time
from pathlib import Path
tree, corpus, every, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, tree)
import store
assert store.__file__.startswith(tree), store.__file__
from store.extract import extract
from store.model import Article
from store.readers import read_paths
texts = [a.text for a in read_paths([Path(corpus)]) if isinstance(a, Article)][::every]
for t in texts[:50]:
    extract(t)                      # warm up: imports, compiled patterns, caches
def run():
    for t in texts:
        extract(t)
if mode == "time":
    started = time.process_time()
    run()
    print((time.process_time() - started) / len(texts) * 1000)
else:
    run()                           # the same state as the timed mode: caches warm
    operator.call(run)
"""


def export(rev: str, into: Path) -> Path:
    """REV's store/ package in a folder of its own."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "store"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def cpu_ms(tree: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(SHARED / "corpus"), "1", "time"],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def instructions(tree: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=_operator_call",
                        f"--callgrind-out-file={out}", sys.executable, "-c", _CHILD, str(tree),
                        str(SHARED / "corpus"), "10", "instructions"], capture_output=True, check=True)
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError("callgrind wrote no total")


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rev, rest = sys.argv[1], sys.argv[2:]
    label = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True,
                           check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        sides = {f"{label} (before)": export(rev, Path(tmp)), "this checkout": ROOT}
        if rest and rest[0] == "--instructions":
            if not shutil.which("valgrind"):
                sys.exit("--instructions needs valgrind on PATH")
            counts = {name: instructions(tree) for name, tree in sides.items()}
            for name, n in counts.items():
                print(f"{name:16} {n / 1e9:.3f}G instructions (every 10th corpus article, extraction only)")
            before, after = counts.values()
        else:
            rounds = int(rest[0]) if rest else 5
            times: dict[str, list[float]] = {name: [] for name in sides}
            for _ in range(rounds):
                for name, tree in sides.items():
                    times[name].append(cpu_ms(tree))
            for name, ms in times.items():
                print(f"{name:16} best {min(ms):.3f} ms per corpus article (CPU time; rounds: "
                      f"{', '.join(f'{m:.2f}' for m in ms)})")
            before, after = (min(ms) for ms in times.values())
        print(f"change: {(after / before - 1) * 100:+.1f}%")


if __name__ == "__main__":
    main()
