"""Finding the cue near a quote: the speech verb and its subject after the quote
(`"…," Starmer said`, `"…," said Mr Brown`), before it (`Starmer said: "…"`), or later in
its sentence (`…, Mr Abbas added.`). The sieves in sieves.py decide which cue wins;
context.py answers who the subject of a verb is.
"""
from __future__ import annotations

import bisect
import re

from store.extract.quotes.context import ROLE_AFTER, SUBORDINATE, Context, Cue, char_before, region_end, verb_follows
from store.extract.quotes.organisations import name_run, organisation
from store.lexicon.names import ROLE_NOUNS
from store.extract.text import ends_with_any
from store.model import Sieve
from store.lexicon.speech import (
    BETWEEN, CONJUNCTIONS, INVERTED, NAMING, NOT_NP, NP_START, PARTICIPLES, PHRASAL, PRONOUNS, SAYING, SPEECH_VERBS, STANCE_VERBS,
    TIME_WORDS, TITLE_WORDS,
)

_GAP = re.compile(r"[\s,;:—–-]*")
_DASH = re.compile(r"[\s,]*[―—–-]+\s*")
_CREDIT = re.compile(r"\s*\n\s*[―—–-]+\s*")
_OPENER = re.compile(r"\s*(?:While|Although|Though|Whereas|After|Before|When|Since|Until|Once)\b[^,]*,")
_INTRO_GAP = re.compile(r"[\s,:]*")


def cue_after(art: Context, i: int) -> Cue | None:
    """`"…," Starmer said`, `"…," said Mr Brown`, `"…," he added`, `"…", according to X`."""
    text = art.text
    s, e = art.outer[i]
    end = region_end(art, i)
    stop = end if end > e else e                     # (end < e: nothing after the quote)
    start = _GAP.match(text, e, stop).end()
    dash = _DASH.match(text, e, stop)
    if (dash and dash.end() in art.by_start       # "“…” ― Martha Aguilar"
            and not any(w[2] in SPEECH_VERBS for w in art.words(art.sentence_of(s)[0], s))):
        # (not a reporter's credit after `Lee said … that his party was "…"--Kim Smith`)
        ms, me, p = art.by_start[dash.end()]
        return Cue("name", e, me, p, sieve=Sieve.DASH)
    credit = _CREDIT.match(text[e:e + 12])
    if credit and not art.words(art.paras[art.para_of(s)][0], s):
        j = art.skip_title_forward(e + credit.end(), art.paras[art.para_of(e + credit.end())][1])
        if j in art.by_start:
            ms, me, p = art.by_start[j]
            # `"…"` then a paragraph `- Ann Lo.`, `-President Obama, tweeting after the speech.`
            if re.fullmatch(r"[ .]*|,[^\n“”\"]*", text[me:art.paras[art.para_of(ms)][1]]):
                return Cue("name", e, me, p, sieve=Sieve.DASH)
    signed = _signed_inside(art, s, e)
    if signed is not None:
        return signed
    words = art.words(start, end)
    if not words or words[0][0] != start and not text[start:words[0][0]].strip(" .") == "":
        return None
    if words[0][2] in _CLAUSE_OPENERS:
        return None          # "… “disgrace” after she attacked …": a new clause, not a cue
    ended = ends_with_any(text[s:e].rstrip("”\"’' "), ".!?")
    # a quote closed by ? or ! runs on into its cue (`"Why?" Lo asked, when …`) unless a
    # capital pronoun or determiner opens a new sentence (`"…?" Her critics cited …`)
    stopped = ended and (ends_with_any(text[s:e].rstrip("”\"’' "), ".…") or bool(words) and (
        text[words[0][0]].isupper() and words[0][2] in _NEW_SENTENCE))
    if ended and end < len(text) and end in art.mask_starts and not ends_with_any(text[start:end].rstrip(), ".!?"):
        # `"…." She added: "…"`, `"…?" Lo writes back, "…"`, `"…." Lo said Cruz "…"`: the
        # words after introduce the next quote (`"…," he said, adding:` is this one's)
        return None
    if words[0][2] == "according" and len(words) > 1 and words[1][2] == "to":
        return named_after(art, words[1][1], end, words[0][0], Sieve.ACCORDING_TO)
    first = 0
    while first < len(words) - 1 and words[first][2] in BETWEEN and words[first][0] not in art.by_start:
        first += 1                                       # (not a name: "…," Will wrote)
    w0, w1, w = words[first]
    if w in INVERTED and text[w0].islower():           # "…," said Mr Brown
        return named_after(art, w1, end, words[0][0], Sieve.VERB_NAME)
    if first == 0 and _unlisted_inverted(art, s, e, words, end):   # "…?" reacted Trump.
        return named_after(art, w1, end, w0, Sieve.VERB_NAME)
    cue = _unlisted_named(art, i, start, end)
    if cue is not None:                                  # "…," an angry Lo retaliated.
        return cue
    m = art.by_start.get(art.skip_title_forward(start, end)) if "quoted" in text[start:end] else None
    quoted = _QUOTED_AS_SAYING.match(art.text, m[1], end) if m else None
    if quoted:                                           # "…," Lo was quoted as saying.
        return Cue("name", m[0], quoted.end(), m[2], sieve=Sieve.VERB_NAME)
    for n, (w0, w1, w) in enumerate(words[:40]):        # "…," Starmer said / he added
        if w.endswith("ing") and char_before(text, w0) == ",":
            continue             # an aside, not the verb: `"…," one official, speaking on …, said`
        if (w in INVERTED or speech_verb(words, n)) and text[w0].islower():
            cue = art.subject_before(w0, start)
            if cue is None or cue.kind == "unnamed" and cue.sieve == Sieve.PASSIVE:
                return None
            if not _opens(art, start, cue.start, strict=ended):
                return None
            if art.kinds[i] == "partial" and _in_subordinate_clause(art, s):
                return None  # "as Trump went on about “…,” Melanie said yes": not her words
            if stopped and re.search(r",\s*who\b", text[cue.start:w0]):
                return None  # `"…." Ann Lo, who has …, had said …`: a new statement, background
            if stopped and (w not in INVERTED or not _short_tail(art, w1, end)):
                # `"…." Mary Jones added that …`: a new statement by someone; whether it
                # also owns the quote is unclear, so the quote gets no speaker
                if cue.kind == "name" and cue.start == start:
                    return Cue("unnamed", cue.start, w1, cue.person, sieve=Sieve.AMBIGUOUS)
                return None
            if stopped and cue.sieve == Sieve.ORGANISATION and art.words(w1, end):
                return None  # `"…." The agency said North Korea …`: a new statement
            cue.end = _verb_end(words, n)
            return cue
    return None


def _unlisted_inverted(art: Context, s: int, e: int, words, end: int) -> bool:
    """`"…?" reacted Lo.`, `"…!" beamed Ann Lo of Ohio, who …`: a spoken-sounding quote
    (ending in , ? or !), then one past-tense verb we do not list and a person's name
    closing the sentence or its clause: the verb is a cue."""
    if len(words) < 2 or not words[0][2].endswith("ed") or not art.text[words[0][0]].islower():
        return False
    if art.text[s:e].rstrip("”\"’' ")[-1:] not in (",", "?", "!"):
        return False                  # `"Rocket Man" featured Ann Lo`: a title, not speech
    j = art.skip_title_forward(words[0][1], end)
    m = art.by_start.get(j)
    if not m:
        return False
    rest = art.words(m[1], end)
    # the name may go on with where the person is from or a phrase set off by a comma
    return not rest or art.text[m[1]] == "," or art.text[m[1]:rest[0][1]] == " of"


_QUOTED_AS_SAYING = re.compile(r"\s+(?:is|was|has been|had been)\s+(?:[a-z]+ly\s+)?quoted\s+as\s+saying\b")


def _signed_inside(art: Context, s: int, e: int) -> Cue | None:
    """`"We must act now.` / `Ann Lo, Policy Institute."`: a quoted statement whose last
    line, before the closing mark, is a person's name and perhaps their organisation: a
    signature (the quote itself stops at the line break)."""
    if "\n" not in art.text[e:e + 8]:
        return None
    gap = _LINE_BREAK.match(art.text[e:e + 8])
    if gap is None or art.text[e - 1:e] not in ".!?" and art.text[s:e].rstrip()[-1:] not in ".!?":
        return None
    m = art.by_start.get(e + gap.end())
    line_end = art.text.find("\n", e + gap.end())
    line_end = len(art.text) if line_end < 0 else line_end
    if m is None or not _SIGNATURE_TAIL.fullmatch(art.text, m[1], line_end):
        return None
    return Cue("name", m[0], m[1], m[2], sieve=Sieve.DASH)


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
# after the name: ", Some Institute." and the closing mark the quote left behind
_SIGNATURE_TAIL = re.compile(r"(?:,(?:\s+[A-Z&][\w.&’'-]*|\s+(?:of|for|and|the|on)){1,8})?\.?[”\"’']\s*")


def _spoken_opening(art: Context, i: int) -> bool:
    """Quote i sounds spoken (it ends in , ? or !, not `"Rocket Man" featured …`) and
    opens its sentence: the shape `"…," Lo verb` takes."""
    s, e = art.outer[i]
    if art.text[s:e].rstrip("”\"’' ")[-1:] not in (",", "?", "!"):
        return False
    sstart = max(art.sentence_of(s)[0], art.paras[art.para_of(s)][0])
    before = art.text[sstart:s].rstrip().rstrip("”\"’'")
    return not before or before[-1] in ".!?"


# what may follow a speaker's unlisted verb and still close the cue: a time or place
_AFTER_CUE = frozenset({"on", "in", "at", "during", "after", "before", "outside", "from", "to", "as",
                        "last", "this", "yesterday", "today", "tonight", "earlier", "later", "again"})


def _unlisted_named(art: Context, i: int, start: int, end: int) -> Cue | None:
    """`"France will win," an angry Lo retaliated.`, `"…," Lo fumed on Tuesday.`, `"…,"
    Lo assured Hale.`: a spoken quote opening its sentence, then a person (perhaps after an
    article and an adjective) and one past-tense verb we do not list closing the clause,
    alone or with a time, a place or a listener: the verb is a cue."""
    if art.kinds[i] != "full" or not _spoken_opening(art, i):
        return None
    words = art.words(start, end)[:12]
    k = 0
    if k < len(words) and words[k][2] in ("a", "an", "the"):
        k += 1
        if k < len(words) and art.text[words[k][0]].islower() and words[k][2] not in SPEECH_VERBS:
            k += 1                                      # "an angry"
    pos = art.skip_title_forward(words[k][0] if k < len(words) else end, end)
    m = art.by_start.get(pos)
    if m is None:
        return None
    ms, me, p = m
    rest = art.words(me, end)
    if not rest or art.text[me:rest[0][0]] != " ":
        return None                                     # "Lo's aide said", "Lo, who …"
    v0, v1, v = rest[0]
    if (not v.endswith("ed") or not art.text[v0].islower() or v in NAMING or v in SPEECH_VERBS
            or v in _NOT_CUE_VERBS):
        return None
    clause = re.match(r"[^,.;:!?—–()\n]*", art.text[v1:end]).group()
    tail = art.words(v1, v1 + len(clause))
    if tail and not (tail[0][2] in _AFTER_CUE and len(tail) <= 6
                     or tail[0][0] in art.by_start and art.by_start[tail[0][0]][1] >= tail[-1][1]):
        return None                  # "…," Lo pressed the Senate to act: more than a cue
    return Cue("name", ms, v1, p, sieve=Sieve.VERB_NAME)


# past forms after `"…," Lo` that are no cue: an auxiliary or passive, not speech
_NOT_CUE_VERBS = frozenset({"need", "used", "based", "named", "aged", "related", "involved", "concerned",
                            "interested", "supposed", "scheduled", "expected", "tied", "led"})


def verb_after(art: Context, i: int) -> bool:
    """A speech verb among the first words after quote i, which ends mid-sentence (`"…,"
    Deputy Mayor Ann Lo said.`): the quote has a cue of its own even when its subject is
    not known, so it does not continue the quote before."""
    s, e = art.outer[i]
    end = region_end(art, i)
    if ends_with_any(art.text[s:e].rstrip("”\"’' "), ".!?"):
        return False                      # `"…." He said the plan …` may be a new statement
    words = art.words(e, end)[:8]
    if words and words[0][2] in _CLAUSE_OPENERS:
        return False                      # `"…," and concluded …`: the same subject goes on
    return any(w in INVERTED and art.text[w0].islower() for w0, _, w in words)   # finite: not "to cut touting"


_SUBORDINATORS = {"as", "when", "while", "because", "although", "though", "if", "since", "after",
                  "before", "until", "whereas"}


_CLAUSE_REACH = 600


def _in_subordinate_clause(art: Context, s: int) -> bool:
    """Whether the words before the quote, back to the last comma, open a subordinate
    clause: a cue after the quote then belongs to the main clause, not to these words."""
    # a clause is never further back than this: a run-on "sentence" of thousands of quotes
    # would otherwise be read again for each of them
    sstart = max(art.sentence_of(s)[0], s - _CLAUSE_REACH)
    lo = s
    while lo > sstart:
        lo = max(art.text.rfind(",", sstart, lo), art.text.rfind(";", sstart, lo), sstart)
        if not art.in_quote(lo):
            break
    words = art.words(lo, s)
    if words and words[0][2] in ("and", "but", "yet", "so"):
        words = words[1:]
    elif lo > sstart and art.text[lo] == ",":
        # after a main clause (`X rose, while Y fell and "…," Lo said`) the clause trails it:
        # the cue after the quote is the whole sentence's
        return False
    return any(w[2] in _SUBORDINATORS for w in words[:2])     # ("even as")


def _opens(art: Context, start: int, cue_start: int, strict: bool = False) -> bool:
    """The cue's subject opens the words after the quote, perhaps after a title or role
    ("producer Gil Cates told", "Liberal Democrat spokesman Mark Oaten said"); strict:
    a title at most."""
    if cue_start == start:
        return True
    between = art.words(start, cue_start)
    if strict:
        # a title, or a short role ending in a role noun ("former Obama adviser Ann Lo asked")
        return (len(between) == 1 and between[0][2] in TITLE_WORDS
                or len(between) <= 4 and "," not in art.text[start:cue_start]
                and (between[-1][2] in TITLE_WORDS or between[-1][2] in ROLE_NOUNS)
                and not any(w[2] in SPEECH_VERBS or w[2] in NOT_NP or w[2] in _DETERMINERS for w in between))
    return (len(between) <= 6 and "," not in art.text[start:cue_start]
            and not any(w[2] in SPEECH_VERBS or w[2] in NOT_NP for w in between))


def _short_tail(art: Context, verb_end: int, end: int) -> bool:
    """After a quote that ends its own sentence, `Trump posted to his platform.` is its cue
    but `Smith said the plan would fail.` is a new statement."""
    rest = art.words(verb_end, end)
    if not rest:
        return True
    return len(rest) <= 8 and rest[0][2] not in {"that", "the", "a", "an", "it", "he", "she", "they",
                                        "we", "i", "his", "her", "their", "there", "this"}


# words that make "said the plan was" a reported clause rather than a described speaker
_FINITE = frozenset("is was were are be would will could should can may might must had has have did does".split())


def named_after(art: Context, pos: int, end: int, cue_start: int, sieve: str) -> Cue | None:
    """The person named right after a verb: "said Mr Brown", "according to Smith"."""
    j = art.skip_title_forward(pos, end)
    if j in art.by_start:
        s, e, p = art.by_start[j]
        role = ROLE_AFTER.match(art.text, e, end)
        if role:
            # "said Smith campaign manager Jane Doe": the first name only qualifies the role
            if role.end() in art.by_start:
                return Cue("name", cue_start, art.by_start[role.end()][1], art.by_start[role.end()][2], sieve=sieve)
            return Cue("unnamed", cue_start, role.end(), sieve=Sieve.UNNAMED)   # "said Smith aides"
        return Cue("name", cue_start, e, p, sieve=sieve)
    w = art.words(j, end)
    if not w or w[0][0] != j:
        return None
    if w[0][2] in PRONOUNS:
        return Cue("pronoun", cue_start, w[0][1], gender=PRONOUNS[w[0][2]], sieve=Sieve.PRONOUN)
    # "said a spokesman", "said officials", "said Carla Munoz" (not among the people);
    # "said on Twitter", "said Tuesday" have their subject elsewhere
    if w[0][2] in NP_START or (art.text[j].isupper() and w[0][2] not in TIME_WORDS):
        run = name_run(art, w)
        # after "told" the name is the listener: ", who examined him, told the Sun:"
        listener = re.search(r"\btel(?:ls|ling)\b|\btold\b", art.text[cue_start:pos], re.IGNORECASE)
        org = organisation(art, j, run) if run and not listener else None
        if org:
            return Cue("unnamed", cue_start, run, sieve=Sieve.ORGANISATION, source=org)
        if any(x[2] in _FINITE for x in w[1:3]):
            return None       # "said the story was “false”": a clause reported, not its speaker
        end = w[min(2, len(w) - 1)][1]
        # the description runs to the end of its phrase: "a spokesman for the firm"
        phrase = re.match(r"[^,.;:!?()\n]{1,60}", art.text[j:])
        return Cue("unnamed", cue_start, end, sieve=Sieve.UNNAMED,
                   described=phrase.group().strip() if phrase else art.text[j:end])
    return None


def cue_before(art: Context, i: int) -> Cue | None:
    """`Starmer said: "…"`, `X told ABC News: "…"`, `Tusk called the meeting "historic"`:
    the nearest speech verb before the quote in its sentence whose subject can be told."""
    text = art.text
    s, _ = art.outer[i]
    sstart, _ = art.sentence_of(s)
    lo = max(sstart, art.paras[art.para_of(s)][0])
    if i > 0 and lo < art.outer[i - 1][1] <= s:
        lo = art.outer[i - 1][1]
    k = art.para_of(s)
    if k > 0 and not text[lo:s].strip() and text[art.paras[k - 1][1] - 1] == ":":
        # "Caddell continued:" closing the paragraph before introduces this one
        sstart = lo = art.sentence_of(art.paras[k - 1][1] - 1)[0]
    # a later clause ("…, but von der Leyen said") has its own subject
    brk = max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, s) if not art.in_quote(m.start())), default=lo)
    opener = _OPENER.match(text[brk:s])
    if opener and not art.quote_between(brk, brk + opener.end()):
        brk += opener.end()    # "While Lo has vowed to …, Vale has pledged to “…”": the main clause speaks
    cs, ce = art.cue_spans.get(i - 1, (-1, -1))   # the previous quote's cue is not this one's
    words = [w for w in art.words(brk, s) if not (cs <= w[0] and w[1] <= ce)]
    # the first speech verb whose subject is known: in "Trump said that Clinton once
    # described it as "…"" the words are reported by Trump
    # `Trump boasted, "…"`, `X said: "…"`: a verb right before the quote introduces it
    # ... and so does one with its listener after it (`an official told him: "…"`); whoever
    # it gives speaks, named or not (`Reid said an official had replied: "…"` is not Reid's)
    intro = None
    if words and _INTRO_GAP.fullmatch(text[words[-1][1]:s]):
        if words[-1][2] in SPEECH_VERBS:
            intro = len(words) - 1
        elif len(words) > 1 and words[-2][2] in SPEECH_VERBS and words[-1][2] in _LISTENERS:
            intro = len(words) - 2
    order = list(range(len(words)))
    if intro is not None:
        order.insert(0, order.pop(intro))
    # `attacked by Ann Ree, who called it "…"`: a relative clause naming its speaker
    # speaks before the main clause, unless the clause closes first: in `An aide to Lo, who
    # spoke on condition of anonymity, said …` the aide speaks, not Lo
    closed = _closed_relatives(art, words)
    for k in range(1, len(words)):
        if words[k - 1][2] == "who" and k not in closed:
            cue = verb_cue(art, words, k, s, sstart)
            if cue is not None and cue.kind == "name":
                return cue
    found = None
    for k in order:
        if k in closed or words[k][2] not in _CUE_WORDS:
            continue
        cue = verb_cue(art, words, k, s, sstart) or _stance_cue(art, i, words, k, sstart)
        if cue is not None and k == intro:
            return cue
        if cue is not None and (found is None or cue.kind == "name"):
            found = found if found is not None and cue.kind != "name" else cue
            if cue.kind != "unnamed" or cue.sieve != Sieve.UNNAMED:
                return cue
    # `The spot concludes with footage of Trump saying, "…"`: an unnamed subject ("the
    # spot", "officials") reports; a named speaker later in the sentence said the words
    return found


# who a speech verb's words are told to, standing between the verb and the quote
_LISTENERS = frozenset("him her them me us you reporters journalists supporters colleagues aides staff".split())


def _closed_relatives(art: Context, words) -> set[int]:
    """Indices of the words of relative clauses (", who …,") about someone who is not the
    sentence's subject ("An aide to Lo, who …, said"), closed by a comma before a speech
    verb of the main clause: their verbs introduce nothing that follows."""
    closed: set[int] = set()
    for k in range(len(words)):
        if words[k][2] != "who" or char_before(art.text, words[k][0]) != ",":
            continue
        comma = art.text.rfind(",", 0, words[k][0])
        ante = art.by_end.get(comma)
        if ante and art._position(ante[0], art.sentence_of(ante[0])[0]) == "subject":
            continue          # "Graham, who says …, tweeted": the clause's person is the subject
        for m in range(k + 1, len(words)):
            if words[m][2] in SPEECH_VERBS and char_before(art.text, words[m][0]) == "," \
                    and art.text[words[m][0]].islower():
                closed.update(range(k, m))
                break
    return closed


# the only words verb_cue or _stance_cue can make a cue of (the loop in cue_before skips
# the others without calling them)
_CUE_WORDS = frozenset(SPEECH_VERBS | set(PHRASAL) | STANCE_VERBS | {"according"})


def speech_verb(words, k: int) -> bool:
    """words[k] reports speech: a speech verb, or a verb whose particle follows it
    ("fired back", "weighed in")."""
    w = words[k][2]
    return w in SPEECH_VERBS or w in PHRASAL and k + 1 < len(words) and words[k + 1][2] == PHRASAL[w]


def _verb_end(words, k: int) -> int:
    """Where the speech verb at words[k] ends, with its particle ("fired back")."""
    if words[k][2] not in SPEECH_VERBS and words[k][2] in PHRASAL and k + 1 < len(words):
        return words[k + 1][1]
    return words[k][1]


def verb_cue(art: Context, words, k: int, s: int, sstart: int) -> Cue | None:
    """The cue that words[k] gives, if it is a speech verb whose subject can be told."""
    text = art.text
    w0, w1, w = words[k]
    if w == "according" and k + 1 < len(words) and words[k + 1][2] == "to":
        return named_after(art, words[k + 1][1], s, w0, Sieve.ACCORDING_TO)
    if not speech_verb(words, k) or k > 0 and words[k - 1][2] in _DETERMINERS and text[words[k - 1][1]:w0] == " ":
        return None                   # "His claims were denied": a noun
    if text[w0].isupper():
        if w in INVERTED and w0 == sstart:        # "Said Ellis: “…”"
            return named_after(art, w1, s, w0, Sieve.VERB_NAME)
        return None
    cue = art.subject_before(w0, sstart)
    if cue is not None and cue.kind == "name" and _clause_closed(art, cue.start, w1, s, sstart):
        return None           # "As Lo spoke, the NRA was whipping votes against "…"": not Lo's
    before = art.words(max(sstart, w0 - 30), w0)[-1:]
    # (`"city values," saying`: American style puts the comma inside the quote)
    after_comma = char_before(text, w0) == "," or text[max(0, w0 - 4):w0].rstrip().endswith((',”', ',"'))
    if (cue is not None and cue.kind == "name" and w in PARTICIPLES and after_comma
            and (char_before(text, cue.start) == "," or _object_before(art, cue.start, sstart))):
        # "… about his rival, Jane Doe, saying", "Lo endorsed Sen. Ann Vale (R-Texas)
        # Wednesday, saying": the name is an object; the participle takes the clause's subject
        cue = _clause_subject(art, w0, sstart)
        if cue is not None and cue.start >= w0 - 1:
            cue = None
    if (cue is None or cue.kind == "unnamed" and cue.sieve != Sieve.PASSIVE) and (
            w in PARTICIPLES and (after_comma or w in SAYING) or _after_to(words, k)
            or before and before[0][2] in ("and", "but")):
        # ", saying", "tweets early Friday saying", "took to Twitter to accuse",
        # "bemoaned the unrest and said": the sentence's subject speaks
        cue = _clause_subject(art, w0, sstart)
    if cue is None and w in INVERTED and (k == 0 or char_before(text, w0) in ",:"):
        cue = named_after(art, w1, s, w0, Sieve.VERB_NAME)
        if cue is not None and _reported_subject(art, cue.end, s):
            # ", said she was “…”": she is the subject of the words reported; the speaker is
            # the sentence's subject if a name opens it ("Pete Seat, a consultant whose …,
            # said he would be “…”"), else unknown ("The brother of Lo, …, said she was")
            cue = _clause_subject(art, w0, sstart)
            if cue is None or cue.kind != "name" or art.words(sstart, art.skip_title_back(cue.start, sstart)):
                return None
    if cue is not None:
        cue.end = max(cue.end, _verb_end(words, k))
    return cue


# what may follow an inverted speaker before the quote: `said Ann Lo on Monday: “…”`
_AFTER_INVERTED = frozenset({"in", "on", "at", "during", "after", "before", "last", "this", "yesterday",
                             "today", "tonight", "earlier", "later", "recently", "when", "as", "from", "to"})


def _reported_subject(art: Context, end: int, s: int) -> bool:
    """The name or pronoun a speech verb is followed by goes on with a verb of its own
    before the quote ("said she was", "said Lo would"): the subject of reported words."""
    rest = art.words(end, s)
    if not rest or art.text[end:rest[0][0]].strip():
        return False
    return art.text[rest[0][0]].islower() and rest[0][2] not in _AFTER_INVERTED


def _stance_cue(art: Context, i: int, words, k: int, sstart: int) -> Cue | None:
    """`Ann Lo thanked volunteers for "an extraordinary effort"`: a partial quote after a
    stance verb whose subject, right before it, is a person."""
    w0, w1, w = words[k]
    if art.kinds[i] != "partial" or w not in STANCE_VERBS or not art.text[w0].islower():
        return None
    cue = art.subject_before(w0, sstart)
    if cue is None or cue.kind != "name" or "," in art.text[cue.start:w0] or art.mention_in(w1, art.outer[i][0]):
        return None          # `Lo thanked Tom Hale for "…"`: another person is named before the quote
    before = art.words(sstart, art.skip_title_back(cue.start, sstart))[-1:]
    if before and before[0][2] == "that":
        return None          # `Hale pointed out that Lo refers to it as "…"`: reported by someone else
    cue.end = w1
    return cue


_COPULA_NEXT = re.compile(r"\s+(?:is|was|are|were)\b")
_DETERMINERS = {"his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "these", "those", "such"}
_NEW_SENTENCE = _DETERMINERS | {"he", "she", "it", "they", "we", "i", "this", "that", "there"}
_CLAUSE_OPENERS = {"but", "and", "while", "as", "although", "though", "because", "so", "when",
                   "after", "before", "since", "if", "whereas", "until", "unless", "then"}
# ";", " — ", ", but ", " while ": one of ; , or a blank, then what must come with it (that
# first character lets the engine skip the rest of the text quickly)
_CLAUSE_BREAK = re.compile(r"[;,\s](?:(?<=;)|(?<=\s)[—―]\s|(?<=,)\s(?:but|while|whereas)\s|(?<=\s)(?:but|while|whereas)\s)")


def _clause_closed(art: Context, start: int, verb_end: int, s: int, sstart: int) -> bool:
    """The subject at start opens a subordinate clause ("after Lo said", "as Lo spoke") that
    a comma closes before the quote at s: the quote belongs to the main clause."""
    prev = art.words(max(sstart, start - 12), start)[-1:]
    if not prev or prev[0][2] not in SUBORDINATE:
        return False
    commas = [k for k in range(verb_end, s) if art.text[k] == "," and not art.in_quote(k)]
    if prev[0][2] == "as" and commas and not art.text[commas[-1] + 1:s].strip():
        return False         # `As Lo told the AP, "…"`: the quote is what Lo told
    return bool(commas)


def _object_before(art: Context, start: int, sstart: int) -> bool:
    """The name at start follows a verb with a subject of its own ("Lo endorsed Sen. Vale"):
    an earlier subject in the sentence and a lower-case word right before the name's titles."""
    subjects = [pos for pos, _ in art.sentence_subjects(sstart, start)]
    before = art.words(sstart, art.skip_title_back(start, sstart))[-1:]
    return bool(subjects) and bool(before) and art.text[before[0][0]].islower() and before[0][2] not in CONJUNCTIONS


def _after_to(words, k: int) -> bool:
    return k > 0 and words[k - 1][2] == "to"


def _clause_subject(art: Context, verb: int, sstart: int) -> Cue | None:
    """The subject a participle (", saying", ", adding that") borrows: that of the
    sentence's earlier speech verb, else the sentence's own subject."""
    for w0, w1, w in reversed(art.words(sstart, verb)):
        if art.text.count("(", w0, verb) < art.text.count(")", w0, verb):
            continue           # "(Lo called it “…”), Vale answered by saying": inside brackets
        if w in SPEECH_VERBS and w not in PARTICIPLES and art.text[w0].islower():
            cue = art.subject_before(w0, sstart)
            if cue and any(p is not cue.person and verb_follows(art, e, verb) and not _COPULA_NEXT.match(art.text, e)
                           and not _reported(art, ms, sstart)
                           for ms, e, p in art.mention_in(w1, verb)):
                # `he tweeted when Lo ended the debate, remarking`: whose remark is unclear
                return Cue("unnamed", cue.start, verb, sieve=Sieve.AMBIGUOUS)
            if cue:
                return Cue(cue.kind, cue.start, verb, cue.person, cue.gender, cue.sieve)
    for pos, person in art.sentence_subjects(sstart, verb):
        return Cue("name", pos, verb, person, sieve=Sieve.PARTIAL_SUBJECT)
    w = art.words(sstart, verb)
    if w and w[0][2] in PRONOUNS:
        return Cue("pronoun", w[0][0], verb, gender=PRONOUNS[w[0][2]])
    return None


def _reported(art: Context, start: int, sstart: int) -> bool:
    """The name at start opens words someone reports: "said that Lo …", "said Lo …"."""
    before = art.words(max(sstart, start - 16), start)[-2:]
    return bool(before) and (before[-1][2] in SPEECH_VERBS or any(w[2] == "that" for w in before))


def cue_sentence_end(art: Context, i: int) -> Cue | None:
    """A cue set off by commas later in the quote's sentence: `The PA was exerting "a 100%
    effort" to end the violence, Mr Abbas added.`, `"…" to drive up the price, she said,
    referring to …`."""
    s, e = art.outer[i]
    sstart, send = art.sentence_of(s)
    k = bisect.bisect_left(art.mask_starts, e)
    stop = min(send, art.mask_starts[k]) if k < len(art.mask_starts) else send
    if stop <= e:
        return None
    for comma in re.finditer(r",", art.text[e:stop]):
        start = e + comma.end()
        m = re.match(r"[^,.;:!?]*", art.text[start:stop])
        chunk_end = start + m.end()
        if chunk_end >= stop and not re.match(r"\s*[.!?]", art.text[chunk_end:send] or "."):
            continue
        words = art.words(start, chunk_end)
        if not words or len(words) > 6:
            continue
        w0, w1, w = words[0]
        if w in INVERTED and art.text[w0].islower():
            cue = named_after(art, w1, chunk_end, w0, Sieve.VERB_NAME)
            if cue and cue.kind != "unnamed":
                return cue
            continue
        for w0, w1, w in words:
            if w in SPEECH_VERBS and art.text[w0].islower():
                cue = art.subject_before(w0, start)
                if cue and cue.kind != "unnamed" and _opens(art, words[0][0], cue.start, strict=True):
                    cue.end = w1
                    return cue
                break
    return None


def closing_clause(art: Context, i: int) -> Cue | None:
    """A partial quote whose sentence ends in a reporting clause naming one person, after
    its last quote: `Clinton "drew well" in 2008, said Ohio State professor Paul Beck.`,
    `It will "cost billions" and "help no one," budget analyst Tom Ek said on Monday.`"""
    if art.kinds[i] != "partial" or _in_subordinate_clause(art, art.outer[i][0]):
        return None                      # "As Lo went on about "…," Fry said nothing"
    s, e = art.outer[i]
    sstart, send = art.sentence_of(s)
    k = bisect.bisect_left(art.mask_starts, e)
    while k < len(art.mask_starts) and art.mask_starts[k] < send:
        e = max(e, art.mask[k][1])       # after the sentence's last quote
        k += 1
    comma = art.text.rfind(",", e, send)
    inner = re.search(r",[”\"’']+\s*$", art.text[max(0, e - 4):e])
    if comma < 0 and inner:
        comma = e - 1                    # `… "help no one," Tom Ek said.`
    if comma < 0 or not re.fullmatch(r"[^,;:!?]*[.!?]?[”\"’']*\s*", art.text[comma + 1:send]):
        return None
    words = art.words(comma + 1, send)
    if not words or len(words) > 10 or len(art.mention_in(comma + 1, send)) != 1:
        return None
    w0, w1, w = words[0]
    if w in INVERTED and art.text[w0].islower():
        cue = named_after(art, w1, send, w0, Sieve.CLOSING)
        return cue if cue and cue.kind == "name" else None
    for w0, w1, w in words:
        if w in SPEECH_VERBS and art.text[w0].islower():
            cue = art.subject_before(w0, comma + 1)
            if cue and cue.kind == "name" and _opens(art, words[0][0], cue.start):
                cue.end, cue.sieve = w1, Sieve.CLOSING
                return cue
            return None
    return None
