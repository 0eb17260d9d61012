#!/usr/bin/env python3
"""How often each kind of attribution decision is right: the measurement behind the
confidence levels in store/extract/quotes/confidence.py.

    python scripts/calibrate.py          # per decision kind: n and share right on train and dev

Train is polnear-train (named speakers only: its pronoun quotes are not scored); dev is
bbc-dev and polnear-dev (pronoun speakers resolved by hand). A decision counts when gold
names a speaker and byline named one (as the speaker, or as `likely` below the threshold).
The last lines print what score.py will report with the levels as they are.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import SETS, SHARED, articles  # noqa: E402

sys.path.insert(0, str(SHARED / "eval"))
import score  # noqa: E402

from store.extract import extract, to_json  # noqa: E402
from store.extract.quotes.confidence import LEVELS, THRESHOLD, confidence  # noqa: E402

GROUPS = {"train": ["polnear-train"], "dev": ["bbc-dev", "polnear-dev"]}


def decisions(set_name: str):
    """(kind, right) for every named gold quote byline attributed, in one set."""
    patterns, gold_glob = SETS[set_name]
    by_key = {}
    for pattern in patterns:
        for a in articles(pattern):
            for k in (a.id, a.title, Path(a.path or "").name.split("#")[0]):
                if k:
                    by_key.setdefault(k, a)
    for path in sorted((SHARED / "eval").glob(gold_glob)):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = by_key.get(gold.get("id") or Path(gold["article"]).name)
        if article is None:
            continue
        preds = to_json(article, extract(article.text))["quotes"]
        people = gold.get("people") or []
        for pi, gi in score.match(preds, gold["quotes"], lambda p, g: score.same_quote(p["text"], g["text"])):
            p, g = preds[pi], gold["quotes"][gi]
            guess = p["person"] or p["likely"]
            if not g["speaker"] or not guess or not p.get("decision"):
                continue
            gp = next((x for x in people if x["name"] == g["speaker"]), {"name": g["speaker"], "forms": []})
            right = score.same_person(guess, gp) or bool(p["speaker"]) and score.same_person(p["speaker"], gp)
            yield p["decision"], right


def main() -> None:
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {g: [0, 0] for g in GROUPS})
    for group, sets in GROUPS.items():
        for s in sets:
            for kind, right in decisions(s):
                table[kind][group][0] += 1
                table[kind][group][1] += right
    print(f"{'decision kind':44} {'train n':>8} {'right':>6} {'dev n':>7} {'right':>6}  level")
    for kind in sorted(table, key=lambda k: -sum(v[0] for v in table[k].values())):
        row = table[kind]
        cells = "".join(f" {n:>7} {(r / n if n else float('nan')):>6.3f}" for n, r in (row["train"], row["dev"]))
        mark = "" if kind in LEVELS else "  (sieve level)"
        print(f"{kind:44}{cells}  {confidence(kind):.2f}{mark}")
    print(f"\nthreshold {THRESHOLD}: kinds below it keep their guess as `likely`")


if __name__ == "__main__":
    main()
