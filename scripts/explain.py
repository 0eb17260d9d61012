#!/usr/bin/env python3
"""Why each quote got its speaker: the attribution errors on one set, with the cue, the
sieve that decided and its confidence, so a regression can be traced to its rule.

    python scripts/explain.py bbc-dev            # every wrong, missing or extra attribution
    python scripts/explain.py polnear-dev --all  # also the quotes we got right
    python scripts/explain.py --sieves           # precision per sieve, train against dev

Per article: WRONG (a different person than gold), UNKNOWN (gold names a speaker, we have
none; a withheld guess shows as likely=), EXTRA (gold has no speaker, we named one), MISSED
(a gold quote we did not find). The last lines count right/wrong/unknown per sieve.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import SETS, SHARED, articles  # noqa: E402

sys.path.insert(0, str(SHARED / "eval"))
import score  # noqa: E402

from store.extract import extract, to_json  # noqa: E402


def gold_key(gold: dict) -> str:
    return gold.get("id") or Path(gold["article"]).name


def article_key(article) -> list[str]:
    return [k for k in (article.id, article.title, Path(article.path or "").name) if k]


def explain_article(article, gold: dict, show_all: bool, tally: Counter) -> list[str]:
    ex = extract(article.text)
    quotes = ex.quotes
    preds = to_json(article, ex)["quotes"]   # speakers named as `byline extract --json` names them
    people = gold.get("people") or []
    lines = []
    pairs = score.match(preds, gold["quotes"], lambda p, g: score.same_quote(p["text"], g["text"]))
    found = {gi for _, gi in pairs}
    for pi, gi in sorted(pairs, key=lambda x: quotes[x[0]].start):
        q, g = quotes[pi], gold["quotes"][gi]
        ours = preds[pi]["speaker"]
        if ours and score.fold(ours) in score.PRONOUNS:
            ours = None
        gp = next((x for x in people if x["name"] == g["speaker"]), {"name": g["speaker"], "forms": []})
        if not g["speaker"]:
            verdict = "EXTRA" if ours else "none"
        elif not ours:
            verdict = "UNKNOWN"
        else:
            verdict = "ok" if score.same_person(ours, gp) else "WRONG"
        tally[(q.sieve or "-", verdict)] += 1
        if verdict not in ("ok", "none") or show_all:
            guess = f" likely={q.likely!r}" if q.likely else ""
            conf = f" conf={q.confidence:.2f} ({q.decision})" if q.confidence is not None else ""
            lines.append(f"  {verdict:<7} ours={ours!r} ({q.speaker}){guess} gold={g['speaker']!r} sieve={q.sieve or '-'}"
                         f"{conf} cue={q.cue!r} @{q.cue_start}\n          {q.kind}: {q.text[:90]!r}")
    for gi, g in enumerate(gold["quotes"]):
        if gi not in found:
            lines.append(f"  MISSED  gold={g['speaker']!r}: {g['text'][:90]!r}")
    return lines


def tally_set(name: str, show_all: bool = False, out: bool = True) -> Counter:
    """Explain one set; the (sieve, verdict) counts."""
    patterns, gold_glob = SETS[name]
    by_key = {}
    for pattern in patterns:
        for a in articles(pattern):
            for k in article_key(a):
                by_key.setdefault(k, a)
    tally: Counter = Counter()
    for path in sorted((SHARED / "eval").glob(gold_glob)):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = by_key.get(gold_key(gold))
        if article is None:
            print(f"{gold_key(gold)}: article not found")
            continue
        lines = explain_article(article, gold, show_all, tally)
        if lines and out:
            print(f"== {gold_key(gold)}")
            print("\n".join(lines))
    return tally


def sieve_table() -> None:
    """Precision per sieve on train and on dev: right among the quotes it gave a speaker that
    gold names a speaker for."""
    groups = {"train": ["polnear-train"], "dev": ["polnear-dev", "bbc-dev"]}
    counts = {g: Counter() for g in groups}
    for g, names in groups.items():
        for name in names:
            counts[g].update(tally_set(name, out=False))
    sieves = sorted({s for c in counts.values() for s, _ in c})
    print(f"{'sieve':18}" + "".join(f"{g + ' right/named':>24}" for g in groups) + "   (unknown: gold named, we did not)")
    for sv in sieves:
        cells = ""
        for g in groups:
            ok, wrong, unknown = (counts[g][(sv, v)] for v in ("ok", "WRONG", "UNKNOWN"))
            named = ok + wrong
            cells += f"{ok:>9}/{named:<5} {ok / named if named else float('nan'):>6.3f}  "
        print(f"{sv:18}{cells}  {sum(counts[g][(sv, 'UNKNOWN')] for g in groups)}")


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--sieves" in sys.argv:
        sieve_table()
        return 0
    show_all = "--all" in sys.argv
    if len(args) != 1 or args[0] not in SETS:
        print(f"usage: explain.py {{{','.join(SETS)}}} [--all] | --sieves", file=sys.stderr)
        return 2
    tally = tally_set(args[0], show_all)
    print("\nper sieve (ok / WRONG / UNKNOWN / EXTRA / none: no speaker either side):")
    for sieve in sorted({s for s, _ in tally}):
        print(f"  {sieve:<16} " + "  ".join(f"{v} {tally[(sieve, v)]}" for v in ("ok", "WRONG", "UNKNOWN", "EXTRA", "none")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
