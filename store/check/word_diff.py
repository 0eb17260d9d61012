"""Quote check, step 4: a word-level diff between what was pasted and what was said."""
from __future__ import annotations

import difflib
import re

from store.search import tokens

CONTEXT = 8             # words of what was said kept around the matched stretch in the diff

_WORD = re.compile(r"\S+")


def _keys(text: str) -> tuple[list[str], list[str]]:
    words = _WORD.findall(text)
    return words, ["".join(tokens(w)) or w for w in words]


def diff(pasted: str, said: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Word-level diff from what was pasted to what was said, as (op, words) parts: op is
    "equal" (said as pasted; the words as said), "delete" (pasted, not said), "insert"
    (said, not pasted) or "gap" (said words left out, more than `context` away from the
    part pasted; text "…"). Words compare folded, without punctuation."""
    a_words, a_keys = _keys(pasted)
    b_words, b_keys = _keys(said)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("equal", " ".join(b_words[j1:j2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("delete", " ".join(a_words[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(("insert", " ".join(b_words[j1:j2])))
    # long stretches said before or after what was pasted are cut to their nearest words
    if parts and parts[0][0] == "insert":
        words = parts[0][1].split(" ")
        if len(words) > context:
            parts[0:1] = [("gap", "…"), ("insert", " ".join(words[-context:]))]
    if parts and parts[-1][0] == "insert":
        words = parts[-1][1].split(" ")
        if len(words) > context:
            parts[-1:] = [("insert", " ".join(words[:context])), ("gap", "…")]
    return parts


def diff_markers(parts: list[tuple[str, str]]) -> str:
    """The diff on one line: [-pasted, not said-]{+said, not pasted+}."""
    out = ""
    previous = None
    for op, text in parts:
        marked = text if op in ("equal", "gap") else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"
        out += ("" if not out or (previous == "delete" and op == "insert") else " ") + marked
        previous = op
    return out
