"""Build a large, news-like JSON Lines archive from the shared corpus.

Articles are recombined from the corpus's paragraphs; capitalised words inside sentences
(mostly names and places) are swapped, consistently within an article, for names made
from pieces of real ones, and digits for other digits, so the vocabulary grows with the
archive as a real one does. Every record carries its sentence spans, so a benchmark can
store sentences without splitting them again.

    python benchmarks/make_archive.py 1000000 /tmp/archive-1m.jsonl
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.extract import text as textlib  # noqa: E402

CORPUS = Path("/work/shared/corpus")
_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]{2,}")
_DIGITS = re.compile(r"\d+")
# Capitalised words that are not names, left alone.
_KEEP = {
    "The", "And", "But", "For", "Mr", "Mrs", "Ms", "Dr", "Sir", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December",
}


def corpus_paragraphs() -> list[list[str]]:
    """Every paragraph of the corpus as a list of its sentences."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    paragraphs = []
    for text in texts:
        text = textlib.clean_text(text)
        paras = textlib.paragraphs(text)
        for start, end in paras:
            sents = [text[s:e] for s, e in textlib.sentences(text, [(start, end)])]
            sents = [" ".join(s.split()) for s in sents if len(s) > 3]
            if sents:
                paragraphs.append(sents)
    return paragraphs


def made_up_names(paragraphs: list[list[str]], count: int, rng: random.Random) -> list[str]:
    """Names spliced from the heads and tails of names in the corpus."""
    real = sorted({m.group() for p in paragraphs for s in p for m in _NAME.finditer(s)} - _KEEP)
    heads = [n[: max(2, len(n) // 2)] for n in real]
    tails = [n[max(2, len(n) // 2):] for n in real]
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(heads) + rng.choice(tails).lower())
    return sorted(names)


def build(sentences: int, out, seed: int = 7) -> int:
    """Write articles holding about `sentences` sentences to the open file `out`."""
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    names = made_up_names(paragraphs, max(1000, sentences // 4), rng)
    written = 0
    number = 0
    while written < sentences:
        number += 1
        swaps: dict[str, str] = {}

        def swap_name(m: re.Match) -> str:
            word = m.group()
            if word in _KEEP:
                return word
            if word not in swaps:
                # about half the names stay real; made-up ones are drawn Zipf-like
                keep = rng.random() < 0.5
                swaps[word] = word if keep else names[int(len(names) * rng.random() ** 2)]
            return swaps[word]

        def swap_digits(m: re.Match) -> str:
            return str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group())))

        text = ""
        spans = []
        for _ in range(rng.randint(8, 24)):
            para = rng.choice(paragraphs)
            if text:
                text += "\n\n"
            for i, sentence in enumerate(para):
                sentence = _DIGITS.sub(swap_digits, _NAME.sub(swap_name, sentence))
                if i:
                    text += " "
                spans.append((len(text), len(text) + len(sentence)))
                text += sentence
                written += 1
        title_start, title_end = spans[0]
        record = {
            "id": f"synthetic-{number}",
            "title": text[title_start:title_end][:90],
            "source": rng.choice(["The Daily Record", "Evening Post", "World Wire", "The Ledger"]),
            "published": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": text,
            "sentences": spans,
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return number


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: make_archive.py SENTENCES OUT.jsonl")
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        articles = build(int(sys.argv[1]), out)
    print(f"{articles} articles written to {sys.argv[2]}")


if __name__ == "__main__":
    main()
