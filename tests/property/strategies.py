"""Text that looks like news and text that attacks it, mixed: the strategies of the
property tests. Fragments of news (names, speech verbs, quotation marks, money and
percentages) give extraction something to find; the hostile pieces are what real
files carry: control characters, terminal escapes, bidirectional marks, zero-width
joiners, byte-order marks, line and paragraph separators, lone surrogates (from a bad
decode or a JSON escape) and every kind of line end."""
from __future__ import annotations

import re

from hypothesis import strategies as st

HOSTILE = [
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\x9d",
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]0;owned\x07", "\x1b]8;;http://x\x1b\\", "\x1bP1$r\x1b\\", "\x9b31m",
    "\r\n", "\r", "\n", "\n\n", "\t", "\u2028", "\u2029", "\ufeff",
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069",   # bidi
    "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad",                                           # zero-width
    "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d",                                         # lone surrogates
    "\ufffd", "\u0301", "\u0130", "\ufb01", "\u00df", "ǅ", "\U0001f600", "\u0627\u0644", "\u05e9",
    "[bold]", "[/]", "[@click=app.quit]", "&amp;", "&#27;", "<p>", "</p>", "<br>",
]

NEWS = [
    " ", " ", " ", ". ", ", ", ": ", "; ", "? ", "! ", " — ", " – ", "-", "(", ")", "...", "…",
    '"', '"', "“", "”", "‘", "’", "'", "«", "»", "„",
    "said", "says", "told reporters", "added", "according to", "asked", "warned", "wrote",
    "he", "she", "they", "He", "She", "his", "her", "who", "the", "The", "a", "of", "and", "that", "in",
    "Mr", "Mrs", "Dr.", "Sen.", "Prime Minister", "President", "spokesperson", "officials",
    "Ann Cole", "Boris Johnson", "Keir Starmer", "Cole", "Johnson", "Ursula von der Leyen", "O'Brien",
    "J. R. Smith", "Jr.", "U.S.", "the BBC", "Reuters", "Labour", "Democrat", "aged 45", "45,",
    "£5bn", "$3.2 million", "€40m", "45%", "12 per cent", "more than 5,000", "about 20",
    "up to 3", "two", "twenty-five", "a million", "1.5", "1,000,000", "3 hours", "6 months", "2024",
    "9" * 40, "9" * 400, "1e999", "0." + "0" * 30 + "1", "½", "٣", "²",
]

fragments = st.lists(
    st.one_of(st.sampled_from(NEWS), st.sampled_from(NEWS), st.sampled_from(HOSTILE),
              st.text(st.characters(exclude_categories=()), max_size=6)),
    max_size=80,
).map("".join)

NAMES = ["Ann Cole", "Boris Johnson", "Mr Johnson", "Keir Starmer", "Dr. Lee", "Ursula von der Leyen",
         "J. R. Smith", "Cole", "a spokesperson", "officials", "the BBC", "Sen. Claire McCaskill", "O'Brien"]
VERBS = ["said", "says", "told reporters", "added", "warned", "wrote", "insisted", "asked"]
WORDS = ["we", "will", "not", "the", "plan", "is", "£5bn", "45%", "more than 5,000", "jobs", "never",
         "Cole", "he", "she", "said", "“", "”", '"', "—", "…", "2024", "three"]

words = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(HOSTILE)),
                 min_size=1, max_size=10).map(" ".join)
names, verbs = st.sampled_from(NAMES), st.sampled_from(VERBS)
open_close = st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("“", ""), ("", "”")])

sentence = st.one_of(
    st.builds(lambda q, m, n, v: f"{m[0]}{q},{m[1]} {n} {v}.", words, open_close, names, verbs),
    st.builds(lambda n, v, q, m: f"{n} {v}: {m[0]}{q}.{m[1]}", names, verbs, words, open_close),
    st.builds(lambda q, m, p: f"{m[0]}{q}{m[1]} {p} added.", words, open_close, st.sampled_from(["he", "she", "they"])),
    st.builds(lambda n, q: f"According to {n}, {q}.", names, words),
    st.builds(lambda n, v, q: f"{n} {v} that {q}.", names, verbs, words),
    st.builds(lambda n, a: f"{n}, {a}, leads the party.", names, st.sampled_from(["45", "aged 60", "a Labour MP"])),
    fragments,
)

# an article: paragraphs of sentences, with hostile characters dropped in anywhere
article = st.builds(
    lambda paras, line_end, hits: _inject(line_end.join(paras), hits),
    st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6),
    st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\r\r", "\u2029"]),
    st.lists(st.tuples(st.integers(0, 10 ** 6), st.sampled_from(HOSTILE)), max_size=4),
)


def _inject(text: str, hits: list[tuple[int, str]]) -> str:
    for at, piece in hits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    return text


news_text = st.one_of(fragments, article)

# characters a terminal would act on: ESC and every other C0/C1 control but newline and tab
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SURROGATES = re.compile(r"[\ud800-\udfff]")


def safe_line(value: str | None, newlines: bool = False) -> bool:
    """Nothing in value a terminal would act on, and no lone surrogate (which cannot be
    encoded for the screen or the store); newlines only where allowed."""
    if value is None:
        return True
    if CONTROLS.search(value) or SURROGATES.search(value) or "\r" in value:
        return False
    return newlines or "\n" not in value
