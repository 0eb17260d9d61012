"""The fast helpers that replace a pattern tried at every offset must give exactly the
pattern's answers. Each is compared with the pattern on many small random strings built
from the characters that matter (fixed seeds, so a failure repeats)."""
import random
import re

from store.extract.figures.about import _OF_BEFORE, _of_then_blanks
from store.extract.people.descriptions import AGE_DESC, age_descriptions
from store.extract.people.tokens import candidate, one_word, runs, split_run, tokens
from store.extract.people.tokens import only_openers as _only_openers
from store.extract.quotes.spans import _MARK_CHARS, _MARKS
from store.lexicon.names import FIRMS, ORG_WORDS, PLACE_START, PLACES, SURNAME_LIKE, TERM_ENDS, first_names
from store.extract.text import _BOUNDARY, _ESCAPES, _ends_sentence, clean_text, ends_with_any, find_all, matches_at, whole_words


def _strings(seed: int, pieces: list[str], count: int = 4000, longest: int = 10):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_find_all_is_every_offset_in_order():
    assert find_all("a.b!c.", ".!") == [1, 3, 5]
    assert find_all("abc", ".") == []


def test_matches_at_gives_the_patterns_matches():
    cases = [(_BOUNDARY, ".!?…", list("ab .!?…\"'”’)]\n")), (_MARKS, _MARK_CHARS, list("ab '’\"“”‘.\n"))]
    for n, (pattern, chars, pieces) in enumerate(cases):
        for text in _strings(n, pieces):
            for start, end in ((0, len(text)), (1, max(1, len(text) - 1))):
                assert _spans(matches_at(pattern, text, start, end, find_all(text, chars))) == \
                    _spans(pattern.finditer(text, start, end)), (text, start, end)


def test_whole_words_finds_what_a_word_boundary_pattern_finds():
    for text in _strings(2, list("ab-_ .é1&'\n")):
        for word in ("a", "ab", "a-", "&", "b_a", "é"):
            assert whole_words(text, word) == [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def test_ends_with_any_reads_the_last_character_as_dollar_does():
    for chars in (".!?", ".!?,;:…"):
        pattern = re.compile("[" + re.escape(chars) + "]$")
        for text in _strings(3, list("a.!?,;:…\n ")):
            assert ends_with_any(text, chars) == bool(pattern.search(text)), (text, chars)


def test_age_descriptions_are_the_patterns_matches():
    pieces = ["the ", "The ", "x", "1", "22", "333", "-year-old", " Bob", " coach", " ", "٣", "²"]
    for text in _strings(4, pieces, longest=8):
        assert _spans(age_descriptions(text)) == _spans(AGE_DESC.finditer(text)), text


def test_of_then_blanks_holds_wherever_the_of_pattern_matches():
    for text in _strings(5, ["of", " ", "\t", "\u00a0", "\n", "a", "b-", "x"]):
        for lo in range(0, len(text) + 1, 3):
            if _OF_BEFORE.search(text, lo, len(text)):
                assert _of_then_blanks(text, lo, len(text)), (text, lo)
    assert not _of_then_blanks("profits rose ", 0, 13)


def test_only_openers_is_strip_of_those_characters():
    for text in _strings(6, list(" \"'“‘(aB\n")):
        assert _only_openers(text, 0, len(text)) == (not text.strip(" \"'“‘("))


def test_word_before_a_full_stop_is_read_back_to_the_sentence_start():
    # "Mr." and an initial do not end a sentence; a word ending a line before the stop does
    text = "He met Mr. Smith. Then George W. Bush left.\nIt rained"
    assert not _ends_sentence(text, 0, text.index(". Smith"), ".", "S")
    assert _ends_sentence(text, 0, text.index(". Then"), ".", "T")
    assert not _ends_sentence(text, 18, text.index(". Bush"), ".", "B")
    # as with the pattern this replaced ("([\w.]+)$"), a line break right before the stop is
    # skipped: the word is "Mr"
    assert not _ends_sentence("Mr\n. Next", 0, 3, ".", "N")
    assert _ends_sentence("done\n. Next", 0, 5, ".", "N")


def test_word_before_patterns_find_the_same_from_the_last_word():
    from store.extract.people.evidence import _PLACE_POSSESSIVE, _WORD_BEFORE
    for before in _strings(7, ["Ab", "India", "’s", "'s", " ", "  ", "\n", "\t", "x", "(", "-", "é"], longest=7):
        trimmed = before.rstrip()
        last_word = len(trimmed) - len(trimmed.rsplit(None, 1)[-1] if trimmed else "")
        for pattern in (_PLACE_POSSESSIVE, _WORD_BEFORE):
            assert _spans(filter(None, [pattern.search(before, last_word)])) == \
                _spans(filter(None, [pattern.search(before)])), (before, pattern.pattern)


def test_card_before_needs_one_of_its_last_letters():
    from store.extract.people.evidence import _CARD_BEFORE, _CARD_ENDS
    for before in _strings(8, ["c", "b", "st", "lbw b", "c and b", " ", "\n", "x", "abc"], longest=6):
        if _CARD_BEFORE.search(before):
            assert before[-2:-1] in _CARD_ENDS or before[-3:-2] in _CARD_ENDS, before


def test_patterns_ending_at_a_name_need_their_word_last():
    from store.extract.people.evidence import _SPEECH_BEFORE, _SPEECH_BEFORE_WORDS, _THING_BEFORE, _THINGS
    pieces = ["said", "says", "according to", "the", "newspaper", "band", "x", " ", "\n", "-"]
    for before in _strings(9, pieces, longest=5):
        if _SPEECH_BEFORE.search(before):
            assert before.rstrip().endswith(_SPEECH_BEFORE_WORDS), before
        if _THING_BEFORE.search(before):
            assert before.rstrip().endswith(_THINGS), before


def test_clean_text_skipping_clean_text_changes_nothing():
    def cleaned(text: str) -> str:          # clean_text without its quick check
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
        return _ESCAPES.sub("", text.replace("\ufeff", ""))

    pieces = list("ab \n\t“’é") + ["\x1b", "[", "31m", "]", "\x07", "\r", "\x00", "\x7f", "\x85", "\x9f", "\xa0",
                                    "\u2028", "\u2029", "\ufeff", "\x1b[1m", "\x1b]8;;x\x1b\\"]
    for text in _strings(9, pieces, longest=12):
        assert clean_text(text) == cleaned(text), repr(text)


def test_one_word_gives_candidates_answer_for_a_run_of_one_word():
    rng = random.Random(8)
    lexicon = [sorted(w for w in ws if isinstance(w, str) and " " not in w) for ws in
               (PLACE_START, PLACES, ORG_WORDS, SURNAME_LIKE, TERM_ENDS, first_names())]
    lexicon.append(sorted(f[0] for f in FIRMS if len(f) == 1))
    words = [w for ws in lexicon for w in rng.sample(ws, min(6, len(ws)))]
    pieces = words + ["Trailing", "trailing", "Zorvan", "al-Zorvan", "St. ", "St ", ". ", " ", " ", " ", "said ",
                      "the ", " news agency", " (ZA)", " (", ", ", "\"", "“", "\n"]
    for text in _strings(9, pieces, count=3000, longest=12):
        for run in runs(text, tokens(text)):
            for part in split_run(run):
                if len(part) == 1:
                    stop = text.rfind(". ", 0, part[0].start)
                    sent_start = stop + 2 if stop >= 0 else 0
                    assert one_word(part[0], text, sent_start) == candidate(list(part), text, sent_start), text
