#!/usr/bin/env python3
"""Score extraction on every shared set (train and dev) in one run, without a store.

    python scripts/evaluate.py            # summary line per set
    python scripts/evaluate.py bbc-dev    # full per-article report for one set
Reads ../shared (or $BYLINE_SHARED). Prints what ../shared/eval/score.py prints.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.extract import extract, to_json  # noqa: E402
from store.model import Article  # noqa: E402

SHARED = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))
SETS = {
    "article": (["starmer-coalition-of-the-willing.txt"], "starmer-coalition-of-the-willing.gold.json"),
    "bbc-dev": (["bbc-dev/*.txt"], "bbc-dev/*.gold.json"),
    "polnear-dev": (["polnear-dev.jsonl"], "polnear-dev/*.gold.json"),
    "polnear-train": (["polnear-train.jsonl"], "polnear-train/*.gold.json"),
    "conll-dev": (["conll-dev.jsonl"], "conll-dev/*.gold.json"),
    "conll-train": (["conll-train.jsonl"], "conll-train/*.gold.json"),
}
TRAIN = ("polnear-train", "conll-train")      # work on these, check on the rest


def articles(pattern: str):
    for path in sorted((SHARED / "corpus").glob(pattern)):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    yield Article(text=r["text"], title=r.get("title"), id=r.get("id"), path=f"{path}#{r.get('id')}")
        else:
            yield Article(text=path.read_text(encoding="utf-8"), path=str(path))


def main() -> None:
    if not (SHARED / "eval" / "score.py").is_file() or not (SHARED / "corpus").is_dir():
        sys.exit(f"make eval needs the shared dev sets: {SHARED}/corpus and {SHARED}/eval/score.py "
                 "are not there (set BYLINE_SHARED to the folder holding them)")
    only = sys.argv[1:]
    for name, (patterns, gold) in SETS.items():
        if only and name not in only:
            continue
        arts = [a for p in patterns for a in articles(p)]
        t0 = time.perf_counter()
        rows = [to_json(a, extract(a.text)) for a in arts]
        dt = time.perf_counter() - t0
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        golds = sorted(str(p) for p in (SHARED / "eval").glob(gold))
        args = [sys.executable, str(SHARED / "eval" / "score.py"), f.name, *golds]
        if not only:
            args.append("--quiet")
        out = subprocess.run(args, capture_output=True, text=True).stdout
        print(out.strip().replace("overall", name, 1), f"({len(arts)} articles, {len(arts) / dt:.0f}/s)")
        os.unlink(f.name)


if __name__ == "__main__":
    main()
