#!/usr/bin/env python3
"""Checks that `byline extract --json` output has not changed: one sha256 per article over
the whole shared corpus (train sets included) and 1,000 benchmark articles, against a saved
reference. Use it around any change meant to preserve behaviour.

    python scripts/same_output.py --save     # record the reference (scripts/same_output.ref)
    python scripts/same_output.py            # compare; lists the articles that differ, exit 1
Only hashes are saved: no article text leaves ../shared.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.extract import extract, to_json  # noqa: E402
from store.model import Article  # noqa: E402

SHARED = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))
REF = Path(__file__).with_suffix(".ref")


def corpus() -> list[tuple[str, Article]]:
    out = []
    base = SHARED / "corpus"
    for path in sorted(base.rglob("*")):
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                if line.strip():
                    r = json.loads(line)
                    out.append((f"{path.name}#{n}", Article(text=r["text"], title=r.get("title"), id=r.get("id"),
                                                             path=f"{path.name}#{r.get('id')}")))
        elif path.suffix == ".txt":
            out.append((str(path.relative_to(base)), Article(text=path.read_text(encoding="utf-8"),
                                                             path=path.name)))
    return out


def bench(arts: list[Article], n: int = 1000) -> list[tuple[str, Article]]:
    """Articles recombined from corpus paragraphs with a fixed seed, as the benchmarks do."""
    rng = random.Random(7)
    paras = [p for a in arts for p in a.text.split("\n\n") if p.strip()]
    return [(f"bench#{i}", Article(text="\n\n".join(rng.sample(paras, 12)), path=f"bench#{i}")) for i in range(n)]


def digests() -> dict[str, str]:
    items = corpus()
    items += bench([a for _, a in items])
    return {key: hashlib.sha256(json.dumps(to_json(a, extract(a.text)), sort_keys=True).encode()).hexdigest()
            for key, a in items}


def main() -> int:
    now = digests()
    if "--save" in sys.argv:
        REF.write_text("".join(f"{k}\t{v}\n" for k, v in now.items()), encoding="utf-8")
        print(f"saved {len(now)} digests to {REF}")
        return 0
    ref = dict(line.split("\t") for line in REF.read_text(encoding="utf-8").splitlines())
    changed = [k for k in ref if now.get(k) != ref[k]]
    missing = [k for k in now if k not in ref]
    for k in changed[:50]:
        print("changed:", k)
    print(f"{len(ref) - len(changed)} of {len(ref)} articles identical; {len(changed)} changed, {len(missing)} new")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
