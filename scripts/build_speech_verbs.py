#!/usr/bin/env python3
"""Builds store/lexicon/speech-verbs-wordnet.txt: the verbs of saying that byline takes as
cues, from a lexical resource rather than word by word.

    apt-get install wordnet-base          # WordNet 3.0 (Princeton licence, BSD-like)
    python scripts/build_speech_verbs.py  # writes the list; run again when the roots change

Candidates: the single-word verbs of WordNet's verb.communication file (about 1,800). Kept:
those that stand as a cue next to a quote (`"…," Name fumed.`, `"…," she fumed.`,
`"…," fumed Name.`) in the visible train sets, so that rare senses ("page", "sign")
never become cues. Nothing here runs at extraction time.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.lexicon.speech import _inflect  # noqa: E402

WORDNET = Path("/usr/share/wordnet/data.verb")
OUT = ROOT / "store" / "lexicon" / "speech-verbs-wordnet.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
TRAIN = ["polnear-train.jsonl", "conll-train.jsonl"]
COMMUNICATION = "32"            # WordNet's lexicographer file verb.communication
MIN_SEEN = 1                    # times a verb must stand as a cue in the train sets


def synsets() -> dict[str, tuple[str, list[str], list[str], str]]:
    """offset -> (lexicographer file, lemmas, hyponym offsets, gloss)."""
    out = {}
    for line in WORDNET.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        n = int(parts[3], 16)
        lemmas = [parts[4 + 2 * i] for i in range(n)]
        rest = parts[4 + 2 * n:]
        hyponyms = [rest[2 + 4 * i] for i in range(int(rest[0])) if rest[1 + 4 * i] == "~"]
        out[parts[0]] = (parts[1], lemmas, hyponyms, gloss)
    return out


def candidates(data) -> set[str]:
    """Every single-word verb of WordNet's verb.communication file."""
    return {lemma.lower() for lex, lemmas, _, _ in data.values() if lex == COMMUNICATION
            for lemma in lemmas if lemma.isalpha()}


def observed(bases: set[str]) -> set[str]:
    """The bases one of whose forms stands as a cue next to a quote in the train sets."""
    forms = {f: b for b in bases for f in _inflect(b) if f != b}
    text = "\n".join(json.loads(line)["text"] for name in TRAIN
                     for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if line.strip())
    name = r"(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]*"
    cue = re.compile(r"[,!?][”\"]\s+(?:(?:%s|he|she)\s+([a-z]+)|([a-z]+)\s+%s)"
                     r"\s*(?:[.,;]|(?:on|in|at|to|during|after|before|as|and|while|last|this|from|with)\b)" % (name, name))
    counts: dict[str, int] = {}
    for m in cue.finditer(text):
        form = m.group(1) or m.group(2)
        if form in forms:
            counts[forms[form]] = counts.get(forms[form], 0) + 1
    return {b for b, n in counts.items() if n >= MIN_SEEN}


def main() -> None:
    data = synsets()
    found = sorted(observed(candidates(data)))
    header = ("# Verbs of saying from WordNet 3.0 (Princeton University, WordNet licence: free to use,\n"
              "# copy and distribute with this notice), as scripts/build_speech_verbs.py selects them:\n"
              "# verbs of its verb.communication file, kept where they stand as a cue\n"
              "# next to a quote in the visible train sets. Bases; each is inflected.\n")
    OUT.write_text(header + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} verbs -> {OUT}")


if __name__ == "__main__":
    main()
