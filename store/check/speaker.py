"""Quote check, step 1: the speaker a remembered quote names ("Starmer said ...",
"As Starmer put it, ...", "Starmer: ...", "..., Starmer said"), taken off the text and
kept to prefer that person's quotes."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from store.extract.text import clean_text
from store.lexicon.speech import SPEECH_VERBS
from store.search import tokens

_SPEAKER_WORDS = r"(?:[A-Z][\w'’.-]*|von|van|de|der|da|di|le|la|al|bin|el)"
_NAME = rf"(?:(?:the\s+)?(?:[A-Z][\w'’.-]*)(?:\s+{_SPEAKER_WORDS}){{0,3}})"
_VERBS = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
_ADVERBS = r"(?:(?:once|famously|reportedly|allegedly|apparently|actually|then|also|has|had|have|was|is|did)\s+)*"
_LEADING = re.compile(
    rf"^\s*(?:(?:[Aa]s|[Ll]ike)\s+)?(?P<name>{_NAME})\s+{_ADVERBS}(?P<verb>{_VERBS}|put\s+it)\b"
    rf"(?:\s+(?:it|this|that|us|me|them|reporters|journalists|the\s+\w+))?(?:\s+(?:that|this))?\s*[,:]?\s*(?P<rest>.+)$",
    re.S)
_COLON = re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s*(?P<rest>.+)$", re.S)
_TRAILING = re.compile(rf"^(?P<rest>.+?)[,.;:!?\"”’'—–-]+\s*(?:(?P<name>{_NAME})\s+(?P<verb>{_VERBS})|"
                       rf"(?P<verb2>said|says|added|wrote)\s+(?P<name2>{_NAME}))\s*[.!]?\s*$", re.S)
_MARKS = "\"'“”‘’«»„‟‹›"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "someone", "somebody", "everyone",
             "everybody", "nobody", "people", "the", "this", "that", "what", "no", "who"}

def split_speaker(text: str) -> tuple[str | None, str]:
    """(speaker named at the start or the end, the rest): "Starmer said if you want peace"
    -> ("Starmer", "if you want peace"). No speaker: (None, text). Quote marks around the
    rest are dropped."""
    text = " ".join(clean_text(text).split())
    speaker = None
    for pattern in (_LEADING, _COLON, _TRAILING):
        m = pattern.match(text)
        if m and len(tokens(m.group("rest"))) >= 2:
            name = m.group("name") or m.group("name2")
            if name.split()[0].lower() in _PRONOUNS and pattern is not _COLON:
                text = m.group("rest")          # "He said ..." names nobody
            else:
                speaker = re.sub(r"^the\s+", "", name, flags=re.I)
                text = m.group("rest")
            break
    return speaker, text.strip().strip(_MARKS).strip()


def same_person(speaker: str, name: str | None) -> bool:
    """Does the name given ("Starmer", "Keir Starmr") fit the quote's speaker's name?"""
    if not name:
        return False
    given = [t for t in tokens(speaker) if len(t) > 2 and t not in ("mr", "mrs", "ms", "dr", "sir")]
    names = tokens(name)
    return bool(given) and all(any(fuzz.ratio(g, n) >= 80 for n in names) for g in given)
