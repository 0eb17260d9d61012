"""Paragraphs, sentences and offsets; cleaning text before anything else sees it."""
from __future__ import annotations

import bisect
import re

from store.lexicon import words
from store.lexicon.speech import CUE_VERBS

# Terminal escape sequences (CSI, OSC, other ESC sequences) and C0/C1 control characters
# other than newline and tab. Article text is data: none of this may reach a screen.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"   # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"                   # other two-character sequences
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"   # remaining control characters
)


# any character clean_text changes: most articles have none, and one scan for them is a
# third of the cost of cleaning
_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")

# a lone surrogate (a JSON escape such as "\ud800", a bad decode): no UTF-8 encodes it, so
# neither the store nor a terminal could take the text
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise line ends, drop escape sequences and control characters, and replace
    lone surrogates with U+FFFD."""
    if not _UNCLEAN.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\ufeff", "")
    return _SURROGATES.sub("\ufffd", _ESCAPES.sub("", text))


_BLOCK = re.compile(r"[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*")
_LINE = re.compile(r"[^\n]+")
_LINE_STOPS = re.compile(r"[.!?\"”’:]\s*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans. Blank-line separated blocks whose lines are hard-wrapped are one
    paragraph each; otherwise every non-empty line is a paragraph."""
    blocks = [(m.start(), m.end()) for m in _BLOCK.finditer(text)]
    spans: list[tuple[int, int]] = []
    for start, end in blocks:
        if text.find("\n", start, end) < 0:
            spans.append((start, end))      # one line (most blocks)
            continue
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
        # a block of several lines is one wrapped paragraph when its lines (but the last)
        # are short and end mid-sentence
        wrapped = len(lines) > 1 and all(
            (e - s) <= 100 and not _LINE_STOPS.search(text, s, e) for s, e in lines[:-1]
        )
        spans.extend([(start, end)] if wrapped else lines)
    stripped = [_strip(text, s, e) for s, e in spans]
    return _rejoin(text, [(s, e) for s, e in stripped if s < e])


_LOWER_START = re.compile(r"[a-z]")
_UNFINISHED = re.compile(r"(?:[^.!?:\"”’']|[,—–-][\"”’']?)\s*$")


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A paragraph that opens in lower case after one that stops mid-sentence is the same
    paragraph, cut by a page's layout: `"…,"` / `said Mayor Tom Bell.`, `he` / `said`."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _LOWER_START.match(text, s) and _UNFINISHED.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find_all(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence of any of the characters."""
    out = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def matches_at(pattern: re.Pattern, text: str, start: int, end: int, at: list[int]):
    """The matches of pattern.finditer(text, start, end), for a pattern that can only start
    at one of the offsets `at` (sorted; see find_all): it is tried only there. Scanning with
    str.find is several times faster than letting the pattern try every offset."""
    pos = start
    for i in at[bisect.bisect_left(at, start):bisect.bisect_left(at, end)]:
        if i >= pos and (m := pattern.match(text, i, end)):
            pos = m.end()
            yield m


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Words after which a full stop does not end a sentence.
ABBREVIATIONS = words("abbreviations")     # their full stop does not end a sentence

_NEXT_CHAR = re.compile(r"\s+(\S)")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")


def sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside each paragraph. A full stop after an abbreviation, an initial
    or a number does not end a sentence, nor does one followed by a lower-case word."""
    spans: list[tuple[int, int]] = []
    at = find_all(text, ".!?…")       # _BOUNDARY can only start at one of these
    for pstart, pend in paras if paras is not None else paragraphs(text):
        start = pos = pstart
        k = bisect.bisect_left(at, pstart)
        while k < len(at) and at[k] < pend:
            i = at[k]
            k += 1
            if i < pos or not (m := _BOUNDARY.match(text, i, pend)):
                continue
            end = pos = m.end()
            nxt = _NEXT_CHAR.match(text, end, pend)
            if not nxt or not _ends_sentence(text, start, m.start(), m.group(), nxt.group(1)):
                continue
            spans.append(_strip(text, start, end))
            start = end
        last = _strip(text, start, pend)
        if last[0] < last[1]:
            spans.append(last)
    return spans


# `“… end up like Europe!” Trump posted to his platform.`: the words after a quote that
# name its speaker belong to the quote's sentence.
_CUE_AFTER_QUOTE = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'-]*|of|the|de|von|der|van)\s+){1,5}(?:" + "|".join(sorted(CUE_VERBS)) + r")\b"
    r"(?!\s+(?:that|the|a|an|it|he|she|they|we|I|his|her|their|there|this)\b)[^.!?]{0,50}[.!?]")


def _ends_sentence(text: str, start: int, mark: int, punct: str, next_char: str) -> bool:
    if next_char.islower() or next_char in ",;:)":
        return False
    if punct[-1] in "\"”'’" and _CUE_AFTER_QUOTE.match(text, mark + len(punct)):
        return False
    if punct[0] != "." or punct[-1] in "\"”'’":
        return True          # '"No." The' ends a quoted sentence, not an abbreviation
    # the word before the mark (letters, digits, "_", "."), read backwards: a pattern
    # anchored at the end would be tried from every offset of the sentence
    j = mark - 1 if mark > start and text[mark - 1] == "\n" else mark
    i = j
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    if i == j:
        return True
    w = text[i:j].lower()
    if _DOTTED.fullmatch(w):  # "U.S", "a.m"
        return next_char.isupper() and _looks_like_new_sentence(text, mark)
    if w in ABBREVIATIONS or w.rstrip(".") in ABBREVIATIONS:
        return False
    if len(w) == 1 and w.isalpha():          # an initial: "George W. Bush"
        return False
    return True


_NEXT_WORD = re.compile(r"[.\s\"“]*([A-Z][a-z]*)")


def _looks_like_new_sentence(text: str, mark: int) -> bool:
    """After "U.S." a capitalised common word ("The", "He") starts a new sentence;
    a proper name ("U.S. Senate") does not."""
    nxt = _NEXT_WORD.match(text, mark)
    return bool(nxt) and nxt.group(1) in {"The", "He", "She", "It", "They", "We", "I", "But",
                                          "And", "In", "A", "This", "That", "There", "His", "Her"}


def ends_with_any(s: str, chars: str) -> bool:
    """re.search("[<chars>]$", s) without trying every offset of s: the last character, or
    the one before a final line break ($ matches there too)."""
    if s.endswith("\n"):
        s = s[:-1]
    return s[-1:] != "" and s[-1] in chars


def whole_words(text: str, word: str) -> list[int]:
    """Offsets where word stands with a regex word boundary (\\b) on both sides. str.find
    skips to candidates; a pattern starting with \\b would be tried at every offset."""
    def edge(i: int) -> bool:
        before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
        after = i < len(text) and (text[i].isalnum() or text[i] == "_")
        return before != after
    out = []
    at = text.find(word)
    while at >= 0:
        if edge(at) and edge(at + len(word)):
            out.append(at)               # as re.finditer: the next match starts after this one
            at = text.find(word, at + max(len(word), 1))
        else:
            at = text.find(word, at + 1)
    return out
