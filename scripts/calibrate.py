#!/usr/bin/env python3
"""How often each kind of attribution decision is right: the measurement behind the
confidence levels in store/extract/quotes/confidence.py.

    python scripts/calibrate.py          # per decision kind: n and share right on each set
    python scripts/calibrate.py --fit    # also the LEVELS table the measurements give

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
from store.extract.quotes.confidence import LEVELS, THRESHOLD, confidence, prefixes  # noqa: E402

GROUPS = {"train": ["polnear-train"], "dev": ["bbc-dev", "polnear-dev"]}
MIN_N = 10          # fewer decisions of a kind than this: the level of its sieve


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


def measure() -> dict[str, dict[str, list[int]]]:
    """kind -> set name -> [decisions, right]."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for sets in GROUPS.values():
        for s in sets:
            for kind, right in decisions(s):
                table[kind][s][0] += 1
                table[kind][s][1] += right
    return table


def fitted(table) -> tuple[dict[str, float], dict[str, float]]:
    """LEVELS and BROADER for confidence.py: each kind, and each broader kind (all the kinds
    it covers, confidence.prefixes) with at least MIN_N decisions where it is measured:
    polnear-train, or for pronouns, which polnear-train leaves unresolved, the two dev sets
    (so pronoun levels have no held-back check here). Laplace-smoothed, rounded down to 0.01."""
    own: dict[str, list[int]] = {}
    broader: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, row in table.items():
        sources = ("polnear-dev", "bbc-dev") if "pronoun" in kind else ("polnear-train",)
        n, right = (sum(row[s][j] for s in sources) for j in (0, 1))
        own[kind] = [n, right]
        for k in prefixes(kind)[1:]:
            broader[k][0] += n
            broader[k][1] += right
        broader[kind][0] += n          # a broad kind covers itself too
        broader[kind][1] += right

    def level(counts):
        return {k: int(100 * (r + 1) / (n + 2)) / 100 for k, (n, r) in sorted(counts.items()) if n >= MIN_N}
    return level(own), level(broader)


def main() -> None:
    table = measure()
    names = [s for sets in GROUPS.values() for s in sets]
    print(f"{'decision kind':40}" + "".join(f" {s:>19}" for s in names) + "  level")
    for kind in sorted(table, key=lambda k: -sum(v[0] for v in table[k].values())):
        cells = "".join(f" {n:>7} {(r / n if n else float('nan')):>6.3f}     " for n, r in (table[kind][s] for s in names))
        mark = "" if kind in LEVELS else "  (sieve level)"
        print(f"{kind:40}{cells}  {confidence(kind):.2f}{mark}")
    print(f"\nthreshold {THRESHOLD}: kinds below it keep their guess as `likely`")
    if "--fit" in sys.argv:
        for name, levels in zip(("LEVELS", "BROADER"), fitted(table)):
            print(f"{name}: dict[str, float] = {{")
            for kind, level in levels.items():
                print(f"    {kind!r}: {level},")
            print("}")


if __name__ == "__main__":
    main()
