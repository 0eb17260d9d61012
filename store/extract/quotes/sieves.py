"""The attribution sieves, in priority order: SIEVES. Each is one function
(context, quote index) -> Cue | None; attribute.py tries them in order and the first cue
wins. A cue names a person, a pronoun to resolve, or an unnamed or organisational subject
(which gives no speaker: a wrong name is worse than none).

To add a rule: write the function here, put it in SIEVES where it should win, give its
decisions a Sieve name in store/model.py, and add a row to the parametrized sieve test.
"""
from __future__ import annotations

import bisect
import re

from store.extract.quotes.context import Context, Cue, char_before, verb_follows
from store.extract.quotes.organisations import name_run, organisation
from store.extract.quotes.cues import verb_cue, closing_clause, cue_after, cue_before, cue_sentence_end, verb_after
from store.lexicon import words as lexicon_words
from store.lexicon.names import ROLE_NOUNS
from store.lexicon.speech import ALL_SPEECH, BETWEEN, GROUP_PRONOUNS, PARTICIPLES, PASSIVE, PREPOSITIONS, PRONOUNS, SPEECH_VERBS, THINKING
from store.model import Quote, Sieve


def after_cue(art: Context, i: int) -> Cue | None:
    """The cue after quote i, found once: three sieves ask."""
    if i not in art.cues_after:
        art.cues_after[i] = cue_after(art, i)
    return art.cues_after[i]


def verb_name_after(art: Context, i: int) -> Cue | None:
    """`"…," Starmer said`, `"…," said Mr Brown`, `"…," he added`, `"…", according to X`."""
    cue = after_cue(art, i)
    return None if cue is None or cue.sieve == Sieve.AMBIGUOUS else cue


def as_source(art: Context, i: int) -> Cue | None:
    """`As Ann Lo put it, "…"`, `As the Post's Ann Lo reported after the vote:` / `"…"`,
    `the race "is close," as Lo said on Monday`: a clause "as NAME said" (or "put it")
    gives its source to the quote it introduces or follows."""
    s, e = art.outer[i]
    after = _AS_SAID.match(art.text, e)
    if after:
        j = art.skip_title_forward(after.end(), after.end() + 60)
        m = art.by_start.get(j)
        if m and _AS_VERB.match(art.text, m[1]):
            return Cue("name", after.start(), _AS_VERB.match(art.text, m[1]).end(), m[2], sieve=Sieve.VERB_NAME)
    sstart = max(art.sentence_of(s)[0], art.paras[art.para_of(s)][0], art.outer[i - 1][1] if i else 0)
    k = art.para_of(s)
    if k > 0 and sstart == art.paras[k][0] and not art.text[sstart:s].strip() and art.text[art.paras[k - 1][1] - 1] == ":":
        sstart = max(art.sentence_of(art.paras[k - 1][1] - 1)[0], art.outer[i - 1][1] if i else 0)
    for before in _AS_OPENS.finditer(art.text, sstart, s):
        if before.start() != sstart and not art.text[sstart:before.start()].rstrip().endswith((",", ";")) \
                and art.text[sstart:before.start()].strip() not in ("And", "But"):
            continue         # "as" opens the sentence or a clause, not "such as", "as well as"
        j = art.skip_title_forward(before.end(), s)
        m = art.by_start.get(j)
        verb = _AS_VERB.match(art.text, m[1]) if m else None
        if verb is None:
            continue
        close = re.compile(r"[^,:;\n“”\"]{0,120}?[,:]").match(art.text, verb.end())
        if close is None or art.words(close.end(), s) and (
                art.text[close.end() - 1] == ":" or any(w[2] in SPEECH_VERBS for w in art.words(close.end(), s))):
            continue         # (`As Lo said, Hale told …`: another verb introduces the quote)
        return Cue("name", before.start(), verb.end(), m[2], sieve=Sieve.VERB_NAME)
    return None


_AS_SAID = re.compile(r"[\s,]*as\s+")
# (the word boundary checked after the letter: the engine then tries only at an "a")
_AS_OPENS = re.compile(r"[Aa](?<=\b[Aa])s\s+(?:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s\s+)?")
_AS_VERB = re.compile(r"\s+(?:(?:put|puts)\s+it|said|says|wrote|writes|noted|notes|reported|reports|explained|"
                      r"explains|observed|told\s+[^,:;“”\"]{1,40}?(?=[,:]))\b")


def verb_name_before(art: Context, i: int) -> Cue | None:
    """`Starmer said: "…"`, `Tusk called the meeting "historic"`."""
    return cue_before(art, i)


def verb_name_sentence_end(art: Context, i: int) -> Cue | None:
    """`The PA was exerting "a 100% effort" to end the violence, Mr Abbas added.`"""
    return cue_sentence_end(art, i)


def ambiguous(art: Context, i: int) -> Cue | None:
    """`"…." Mary Jones added that …`: a new statement by someone after a closed quote.
    Whether they also own the quote is unclear, so it gets no speaker; unless the quote
    before is theirs, when this one simply continues it."""
    cue = after_cue(art, i)
    if cue is None or cue.sieve != Sieve.AMBIGUOUS:
        return None
    if i > 0 and art.quotes[i - 1].speaker == cue.person.name:
        return None
    if i > 0 and art.quotes[i - 1].speaker and _only_cue_between(art, i - 1, i):
        return None          # `"…," said Lo. "…." Hale told …`: Lo's quote goes on; Hale's is new
    return cue


def _only_cue_between(art: Context, prev_i: int, i: int) -> bool:
    """Nothing but the cue of quote prev_i stands between it and quote i, in one paragraph."""
    cs, ce = art.cue_spans.get(prev_i, (-1, -1))
    return art.para_of(art.outer[prev_i][1] - 1) == art.para_of(art.outer[i][0]) and not [w for w in art.words(art.outer[prev_i][1], art.outer[i][0]) if not (cs <= w[0] and w[1] <= ce)]


def continuation(art: Context, i: int) -> Cue | None:
    """A quote with no cue of its own right after a quote: the same speaker (a copy of the
    previous quote's attribution, whatever it was)."""
    if i == 0 or after_cue(art, i) is None and (verb_after(art, i) or _unread_cue_after(art, i)):
        return None          # a cue of its own whose subject is not known
    prev = art.quotes[i - 1]
    if prev.sieve in (Sieve.POSSESSIVE, Sieve.HEADLINE, Sieve.DASH) or not _continues(art, i - 1, i, art.quotes[i]):
        return None
    if _subheading(art, i):
        return None
    intro = colon_intro(art, i)
    if intro is not None and intro.person.name != prev.speaker:
        return None          # `"…!" Jeb Bush broke down what was wrong: "…"`: someone else speaks
    return Cue("copy", prev.cue_start, prev.cue_end, sieve=Sieve.CONTINUATION)


def _subheading(art: Context, i: int) -> bool:
    """`‘Coal Isn’t the Villain.’` alone on its line between paragraphs: a section heading
    quoting someone the section is about, not more words of the speaker before."""
    s, e = art.outer[i]
    ps, pe = art.paras[art.para_of(s)]
    return (art.text[ps:pe].strip().strip("‘’'") == art.quotes[i].text.strip()
            and art.text[ps:pe].lstrip()[:1] in "‘'" and len(art.quotes[i].text.split()) <= 8)


def possessive(art: Context, i: int) -> Cue | None:
    """`building Starmer’s “coalition of the willing”` after Starmer was quoted saying
    "coalition of the willing": the phrase is the owner's. Without that earlier quote the
    phrase may be a title or someone else's words."""
    s, _ = art.outer[i]
    m = re.search(r"[’']s?\s*$", art.text[max(0, s - 4):s])
    if not m:
        return None
    end = max(0, s - 4) + m.start()
    if end in art.by_end:
        ms, _, p = art.by_end[end]
        words = _fold(art.quotes[i].text)
        if any(speaker == p.name and _fold(said) == words for said, speaker in art.said):
            return Cue("name", ms, s, p, sieve=Sieve.POSSESSIVE)
    return None


def reported_before(art: Context, i: int) -> Cue | None:
    """A quote that opens its paragraph with no cue, after a paragraph whose last sentence
    reports someone's words with no quote of its own: `Smith said the plan would fail.` /
    `"It is a disaster."` continues Smith."""
    s, e = art.outer[i]
    k = art.para_of(s)
    if (k == 0 or art.quotes[i].kind != "full" or art.text[art.paras[k][0]:s].strip()
            or art.quote_between(e, art.paras[k][1]) or art.quote_between(*art.paras[k - 1])):
        return None
    sstart, send = art.sentence_of(art.paras[k - 1][1] - 1)
    for w0, w1, w in art.words(sstart, send):
        if w in SPEECH_VERBS and w not in PARTICIPLES and art.text[w0].islower():
            cue = art.subject_before(w0, sstart)
            if cue and cue.kind in ("name", "pronoun"):
                cue.end, cue.sieve = w1, Sieve.CONTINUATION
                return cue
            return None
    return None


def headline(art: Context, i: int) -> Cue | None:
    """A headline (a first paragraph without a full stop) that puts a name before the
    quoted words: `Abbas 'will not tolerate' attacks`."""
    s, e = art.outer[i]
    if art.para_of(s) != 0 or len(art.paras) < 2:
        return None
    pstart, pend = art.paras[0]
    named = _headline_label(art, pstart, pend, s)
    if named is not None:
        return named
    if art.text[pend - 1] in ".!?" and not art.text[pend - 1] in "'\"’”":
        return None
    k = s
    while k > pstart and art.text[k - 1].isspace():
        k -= 1
    # `Brown 'should be sacked'`, `Blair 'must go'` are said about the person, not by them
    if k in art.by_end and not _ABOUT_SOMEONE.search(art.text, s, e):
        ms, me, p = art.by_end[k]
        verbs = [w for w in art.words(pstart, ms) if w[2] in SPEECH_VERBS]
        if verbs:
            # `Hollande Says Trump 'Makes You Want To Retch'`: the one who says it speaks
            subject = art.by_end.get(verbs[-1][0] - 1)
            return Cue("name", subject[0], verbs[-1][1], subject[2], sieve=Sieve.HEADLINE) if subject else None
        return Cue("name", ms, me, p, sieve=Sieve.HEADLINE)
    return None


def _headline_label(art: Context, pstart: int, pend: int, s: int) -> Cue | None:
    """`Ann Lo: Tax Plan Is a 'Proven Failure'`, `Ohio Gov Lo: Hale 'must go'`: a headline
    that opens with a person's name (after a title or a place at most) and a colon gives the
    quoted words after the colon to that person, as a transcript label does."""
    colon = art.text.find(":", pstart, min(pend, s))
    if colon < 0 or colon not in art.by_end or len(art.words(pstart, pend)) > 25 or not art.words(colon, s):
        return None          # (`Lo: "…"` right after the colon is a label, which goes on)
    ms, me, p = art.by_end[colon]
    lead = art.words(pstart, ms)
    if len(lead) > 3 or any(not art.text[w[0]].isupper() or w[2] in SPEECH_VERBS or w[2] in PREPOSITIONS
                            for w in lead):
        return None          # `CNN Chief On Lo: 'We do not pay'`: Lo is the topic, not the speaker
    return Cue("name", ms, colon + 1, p, sieve=Sieve.HEADLINE)


def label(art: Context, i: int) -> Cue | None:
    """A name and a colon right before the quote, opening its sentence or after a dash, as in
    a transcript or a round-up: `Lo: "…"`, `Pollsters agree - Ann Lo: “…”`."""
    s, _ = art.outer[i]
    m = re.search(r"(?<!\s):\s*$", art.text[max(0, s - 5):s])
    if not m:
        return None
    colon = max(0, s - 5) + m.start()
    if colon not in art.by_end:
        return None
    ms, me, p = art.by_end[colon]
    sstart = max(art.sentence_of(ms)[0], art.paras[art.para_of(ms)][0])
    before = art.text[sstart:ms]
    if before.strip() and not re.search(r"(?:^|\s)[-–—―]\s*$|[”\"]\s*$", before):
        return None          # "He told Lo: “…”": the name is a listener, not a label
    return Cue("name", ms, colon + 1, p, sieve=Sieve.LABEL)


_ABOUT_SOMEONE = re.compile(r"\b(?:be|been|being|should|must|ought)\b", re.IGNORECASE)
_NON_WORDS = re.compile(r"\W+")


def _continues(art: Context, prev_i: int, i: int, q: Quote) -> bool:
    """Quote i has no cue of its own and follows quote prev_i with nothing between them but
    prev_i's cue, or (same sentence) words with no name and no speech verb."""
    pe, s = art.outer[prev_i][1], art.outer[i][0]
    if art.para_of(s) - art.para_of(pe - 1) > 2:
        return False
    between = art.words(pe, s)
    prev = next((p for off, p in reversed(art.speakers) if off == art.outer[prev_i][0]), None)
    others = {e for _, e, p in art.mention_in(pe, s) if p is not prev}
    if others and any(w[2] in ALL_SPEECH and k > 1 and between[k - 1][2] == "to" and between[k - 2][1] in others
                      for k, w in enumerate(between)):
        return False        # `"…," he said, only for Smith to tweet that “…”`: someone else speaks
    if _other_speaks_after_cue(art, prev_i, i, prev):
        return False
    cs, ce = art.cue_spans.get(prev_i, (-1, -1))
    rest = [w for w in between if not (cs <= w[0] and w[1] <= ce)]
    same_sentence = art.sentence_of(pe - 1) == art.sentence_of(s)
    if not rest:
        # in a new sentence only speech continues, not a title ("“American Skin” was written by")
        return same_sentence or q.kind == "full"
    if not same_sentence:
        return _narrative_between(art, prev_i, i, q, rest, others)
    if len(rest) > 30:
        return False
    # same sentence: "… said he won “every debate” and … because there is “a lot going on”",
    # unless someone else speaks or acts in between
    # (`… said Lo was "a lightweight" while Hale is "a liar"`: one described is not acting)
    return (not any(w[2] in SPEECH_VERBS for w in rest)
            and not any(verb_follows(art, e, s) and not _COPULA_AFTER.match(art.text, e)
                        for _, e, _ in art.mention_in(pe, s)))


def _other_speaks_after_cue(art: Context, prev_i: int, i: int, prev) -> bool:
    """`"…," Lo tweeted after Ann Cole argued that "…"`: past the cue of the quote before,
    someone else is the subject of a speech verb, so the next quote may be theirs."""
    cue_end = art.quotes[prev_i].cue_end
    if cue_end is None or cue_end <= art.outer[prev_i][1]:
        return False
    s = art.outer[i][0]
    sentence = art.sentence_of(art.quotes[i].start)
    for ms, me, p in art.mention_in(cue_end, s):
        if p is prev:
            continue
        verb = art.words(me, s)[:1]
        if (verb and verb[0][2] in SPEECH_VERBS and not verb[0][2].endswith("ing")
                and art.text[verb[0][0]].islower() and art.sentence_of(ms) == sentence):
            return True
    return False


def _narrative_between(art: Context, prev_i: int, i: int, q: Quote, rest, others) -> bool:
    """`"…," Ms Voss said. The vote is due on Friday. "We are ready."`: a full quote in the
    same paragraph as the quote before, after a little narrative that names nobody else and
    has no speech verb, goes on with the same speaker."""
    if q.kind != "full":
        return False
    if art.para_of(art.outer[i][0]) != art.para_of(art.outer[prev_i][0]):
        return _about_the_speaker(art, prev_i, i, rest)
    return (len(rest) <= 40 and not others and not any(w[2] in ALL_SPEECH for w in rest)
            and not any(w[2] in PRONOUNS or w[2] in GROUP_PRONOUNS - {"it", "which", "one"} for w in rest))


def _about_the_speaker(art: Context, prev_i: int, i: int, rest) -> bool:
    """`"…," Lo said.` / `Lo is upbeat about the vote.` / `"We will win."`: a quote that is a
    paragraph of its own, after one paragraph about the speaker of the quote before (the
    speaker its only subject, nobody else named, no speech verb): the same speaker."""
    s, e = art.outer[i]
    k = art.para_of(s)
    prev = art.quotes[prev_i].speaker
    if (not prev or art.para_of(art.outer[prev_i][1] - 1) != k - 2 or art.text[art.paras[k][0]:s].strip()
            or art.text[e:art.paras[k][1]].strip() or len(rest) > 40
            or any(w[2] in ALL_SPEECH for w in rest)):
        return False
    pstart, pend = art.paras[k - 1]
    named = art.mention_in(pstart, pend)
    if not named or named[0][2].name != prev or named[0][0] - pstart > 2 or art.quote_between(pstart, pend):
        return False
    subjects = [p for a, b in art.sents[bisect.bisect_left(art.sent_starts, pstart):bisect.bisect_left(art.sent_starts, pend)]
                for _, p in art.sentence_subjects(a, b)]
    return all(p.name == prev for p in subjects)


def _fold(s: str) -> str:
    return _NON_WORDS.sub(" ", s).strip().lower()


_WORKS = lexicon_words("works")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"}
_WORK_BEFORE = re.compile(r"\b([A-Za-z]+),?\s*$")
_WORK_AFTER = re.compile(r"\s*([a-z]+)\b")


def title_of_work(art: Context, i: int) -> Cue | None:
    """`a reference to the blockbuster "Star Wars" sequel`, `her film, "Trainwreck."`: a
    Title Case quote beside a noun for a work (store/lexicon/works.txt) is the work's title,
    nobody's words."""
    q = art.quotes[i]
    if q.kind != "partial" or not _title_case(q.text):
        return None
    s, e = art.outer[i]
    before = _WORK_BEFORE.search(art.text, max(0, s - 30), s)
    if before and before.group(1).lower() in _WORKS:
        return Cue("unnamed", before.start(1), before.end(1), sieve=Sieve.TITLE)
    after = _WORK_AFTER.match(art.text, e)
    if after and after.group(1) in _WORKS:
        return Cue("unnamed", after.start(1), after.end(1), sieve=Sieve.TITLE)
    return None


def _title_case(quoted: str) -> bool:
    """Every word capitalised but small ones inside ("Game of Thrones", "Trainwreck.")."""
    words = filter(None, (w.strip("\"'“”‘’.,!?:;()") for w in quoted.split()))   # (lazily: most stop at once)
    first = next(words, "")
    return first[:1].isupper() and all(w[:1].isupper() or not w[:1].isalpha() or w in _SMALL_WORDS for w in words)


def rejected_claim(art: Context, i: int) -> Cue | None:
    """`Lo dismissed claims that the plan was "a shambles"`: the words belong to the claim
    Lo rejects, not to Lo; nobody in the sentence said them."""
    q = art.quotes[i]
    if q.kind != "partial":
        return None
    s, _ = art.outer[i]
    sstart, _ = art.sentence_of(s)
    lo = max(sstart, art.outer[i - 1][1]) if i > 0 else sstart
    folded = _folded(art.text[lo:s])
    if not any(verb in folded for verb in _REJECTING):
        return None          # (the search tries every offset; a plain look for its verbs is quicker)
    m = None
    for m in _REJECTED.finditer(art.text, lo, s):
        pass
    if m is None:
        return None
    return Cue("unnamed", m.start(), m.end(), sieve=Sieve.REJECTED)


# the verbs _REJECTED opens with, as _folded writes them
_REJECTING = ("dismiss", "deny", "denie", "reject", "refut", "rebuff", "brush", "deplor", "ridicul")


def _folded(text: str) -> str:
    """text as an IGNORECASE pattern compares it with ASCII letters: lower case, and the
    letters it also takes for one (dotless ı, long ſ; İ lower-cases to i and a dot)."""
    return text.lower().replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


def asked_by(art: Context, i: int) -> Cue | None:
    """`Lo was asked by host Tom Hale, who …, "Why now?"`: the agent of a passive question
    speaks the quote that follows in the sentence, not its subject. (A partial quote is
    rather words the question reports: `was asked by Hale whether it would "…"`.)"""
    if art.quotes[i].kind != "full":
        return None
    s, _ = art.outer[i]
    lo = max(art.sentence_of(s)[0], art.outer[i - 1][1] if i > 0 else 0)
    if art.text.find("by", lo, s) < 0:
        return None          # (the search tries every offset; most sentences have no "by")
    m = None
    for m in _ASKED_BY.finditer(art.text, lo, s):
        pass
    if m is None:
        return None
    j = art.skip_title_forward(m.end(), s)
    if j not in art.by_start:
        return None
    ms, me, p = art.by_start[j]
    return Cue("name", m.start(), me, p, sieve=Sieve.VERB_NAME)


def claim_of(art: Context, i: int) -> Cue | None:
    """`Fitton called Ann Lo's assertion of a "claim of right" disturbing`: words quoted
    inside someone's claim, remark or promise are theirs, not the sentence subject's."""
    if art.quotes[i].kind != "partial":
        return None
    s, _ = art.outer[i]
    lo = max(art.sentence_of(s)[0], art.outer[i - 1][1] if i > 0 else 0)
    m = None
    for m in _CLAIM_OF.finditer(art.text, lo, s):
        pass
    if m is None or m.start() not in art.by_end or len(art.words(m.end(), s)) > 12:
        return None
    if _COPULA.search(art.text, m.end(), s):
        return None          # `Lo's claim that … is "simply not true"`: said about the claim
    ms, _, p = art.by_end[m.start()]
    return Cue("name", ms, m.end(), p, sieve=Sieve.POSSESSIVE)


def document_goes_on(art: Context, i: int) -> Cue | None:
    """`Mr Crosby's statement said: "…" It added: "…"`: the same document goes on."""
    if i == 0 or art.quotes[i - 1].sieve not in (Sieve.DOCUMENT, Sieve.CONTINUATION):
        return None
    if not _IT_SAID.fullmatch(art.text, _clause_start(art, i), art.outer[i][0]) or not _near(art, i - 1, i):
        return None
    prev = art.quotes[i - 1]
    if prev.sieve == Sieve.CONTINUATION and not _rests_on(art, i - 1, Sieve.DOCUMENT):
        return None
    return Cue("copy", prev.cue_start, prev.cue_end, sieve=Sieve.CONTINUATION)


def coordinated_verb(art: Context, i: int) -> Cue | None:
    """`Ms Jowell insisted: "…" And continued: "…"`: a speech verb with no subject of its
    own, right after a quote, goes on with that quote's speaker."""
    if i == 0 or not (art.quotes[i - 1].speaker or art.quotes[i - 1].source) or not _near(art, i - 1, i):
        return None
    m = _AND_VERB.fullmatch(art.text, _clause_start(art, i), art.outer[i][0])
    if not m or m.group(1) not in SPEECH_VERBS:
        return None
    prev = art.quotes[i - 1]
    return Cue("copy", prev.cue_start, prev.cue_end, sieve=Sieve.CONTINUATION)


def _clause_start(art: Context, i: int) -> int:
    """Where the words leading up to quote i start: its sentence, or the quote before."""
    s = art.outer[i][0]
    return max(art.sentence_of(s)[0], art.outer[i - 1][1] if i > 0 else 0)


def _unread_cue_after(art: Context, i: int) -> bool:
    """An open quote (ending in , ? ! or a dash) followed on its line by a capitalised name
    and a finite verb: `"…," Ann Lo fumed`, `"…?" the Washington Post reported`: someone
    speaks whose cue we could not read, so the quote does not go on the speaker before."""
    e = art.outer[i][1]
    if not re.search(r"[,?!—-]\W*$", art.text[max(0, e - 3):e]):
        return False
    line = art.text[e:e + 80].split("\n")[0]
    m = _NAMED_VERB.match(line)
    return bool(m) and m.group(1) not in _NOT_NAMES


def _near(art: Context, prev_i: int, i: int) -> bool:
    """The quotes are in the same paragraph or the next."""
    return art.para_of(art.outer[i][0]) - art.para_of(art.outer[prev_i][0]) <= 1


def _rests_on(art: Context, i: int, sieve: str) -> bool:
    """Quote i continues a run of quotes that the given sieve started."""
    cue = art.quotes[i].cue_start
    while i > 0 and art.quotes[i].sieve == Sieve.CONTINUATION and art.quotes[i - 1].cue_start == cue:
        i -= 1
    return art.quotes[i].sieve == sieve


_NAMED_VERB = re.compile(r"[ \t]*(?:(?:an?|the|[a-z]+-?[a-z]*)\s+){0,3}((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+)\s+"
                         r"(?:(?:also|then|later|quickly)\s+)?(?:[a-z]+(?:ed|s)|shot back|went on|fired back)\b")
_NOT_NAMES = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "But", "And", "The", "In", "On", "At", "As"}
_REJECTED = re.compile(
    r"\b(?:dismiss|den(?:y|ie)|reject|refut|rebuff|brush(?:ed|es|ing)? aside|deplor|ridicul)\w*\s+"
    r"(?:the\s+|a\s+|any\s+)?(?:\w+\s+)?(?:claims?|suggestions?|allegations?|accusations?|charges?|reports?|"
    r"criticism|rumou?rs?|talk)\s+(?:that|of)\b", re.IGNORECASE)
_ASKED_BY = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:asked|questioned|pressed|challenged)\s+by\s+")
_CLAIM_OF = re.compile(
    r"[’']s?\s+(?:\w+\s+)?(?:claims?|assertions?|remarks?|comments?|statements?|words|descriptions?|"
    r"accusations?|promises?|pledges?|vows?|suggestions?|arguments?|insistence|warnings?|"
    r"characteri[sz]ations?)\s+(?:that|of)\b")
_COPULA_AFTER = re.compile(r"\s+(?:is|was|are|were)\b(?!\s+\w+ed\b)")
_COPULA = re.compile(r"\b(?:is|was|are|were|as)\s*$")
_IT_SAID = re.compile(r"\s*(?:It|The (?:statement|letter|note|memo|message))\s+(?:also\s+)?"
                      r"(?:said|says|added|adds|continued|went on|read|reads)\s*[:,]?\s*")
_AND_VERB = re.compile(r"\s*(?:And|But|Then|(?:He|She) then)\s+(?:also\s+|later\s+)?([a-z]+)(?:\s+on)?\s*[:,]?\s*")


def colon_intro(art: Context, i: int) -> Cue | None:
    """`Ann Lo fired back: "…"`, `Lo delivered a blunt message to Hale: "…"`: a full quote
    right after a colon that closes a short clause whose subject, opening it (perhaps after
    a phrase set off by a comma: `When Hale died, Lo released this statement:`), is a person
    and names no one else before the colon: the subject speaks. The colon may close the
    paragraph before one the quote opens."""
    q = art.quotes[i]
    s, _ = art.outer[i]
    m = re.search(r":\s*$", art.text[max(0, s - 4):s])
    if q.kind != "full" or not m:
        return None
    colon = max(0, s - 4) + m.start()
    sstart = max(art.sentence_of(colon)[0], art.paras[art.para_of(colon)][0], art.outer[i - 1][1] if i else 0)
    k = art.para_of(q.start)
    if art.para_of(colon) != k and not (art.para_of(colon) == k - 1 and not art.text[art.paras[k][0]:s].strip()
                                        and art.text[q.end:q.end + 1] in _CLOSING):
        return None          # (not an excerpt left open over paragraphs: whose words go on is unclear)
    if art.quote_between(sstart, colon) or len(art.words(sstart, colon)) > 40:
        return None
    named = [x for x in art.mention_in(sstart, colon) if not art.in_quote(x[0])]
    for n, (ms, me, p) in enumerate(named):
        start = max(sstart, art.text.rfind(",", sstart, ms) + 1)
        if start > sstart and art.mention_in(start, ms) or n and start == sstart:
            return None
        lead = art.text[start:art.skip_title_back(ms, start)].split()
        # the name opens the clause, perhaps after its role ("Former Republican candidate Jeb Bush",
        # "Senate Majority Leader Ann Lo")
        if not lead or len(lead) <= 5 and lead[-1].lower() in ROLE_NOUNS or lead == ["But"] or lead == ["As"] \
                or len(lead) <= 2 and _AGE.fullmatch(lead[0]) \
                or len(lead) <= 3 and all(w[:1].isupper() and w.lower() not in _NOT_PLACE for w in lead):
            break            # "17-year-old Jo Potts echoed:", "Senate Majority Leader Ann Lo"
    else:
        return None
    if len(art.words(start, colon)) > 25 or _NEW_SUBJECT.search(art.text, me, colon):
        return None          # (`Lo did back it, and NBC has proof:`: another subject's colon)
    if any(x[2] is not p and not _listener(art, x[0], x[1], sstart) for x in named[n + 1:]):
        return None          # (`Lo delivered a blunt message to Hale: "…"`: Hale only listens)
    if POSSESSIVE_AFTER.match(art.text, me):
        return None
    return Cue("name", ms, colon + 1, p, sieve=Sieve.LABEL)


POSSESSIVE_AFTER = re.compile(r"[’']s?\b")
_NEW_SUBJECT = re.compile(r"[,;]\s+(?:and|but|while|as)\s+(?:(?:the|a|an|his|her|their)\s+)?"
                          r"(?:[A-Z]|(?:he|she|they|we|it)\b)")
_CLOSING = ("”", '"')
_AGE = re.compile(r"\d{1,3}-year-old")


def _listener(art: Context, start: int, end: int, lo: int) -> bool:
    """The name at start is addressed ("a message to Hale", "fired back at Hale"), not a
    subject or an owner."""
    before = art.words(max(lo, art.skip_title_back(start, lo) - 12), art.skip_title_back(start, lo))[-1:]
    return bool(before) and before[0][2] in ("to", "at") and not POSSESSIVE_AFTER.match(art.text, end)


def transcript_label(art: Context, i: int) -> Cue | None:
    """A transcript quoted line by line: `"PENCE: Well, look, …"` is Pence's, when the label
    in capitals is the surname of exactly one person in the article."""
    s, _ = art.outer[i]
    q = art.quotes[i]
    m = _TRANSCRIPT.match(art.text, q.start)
    if not m:
        return None
    label = m.group(1).upper()
    people = {id(p): p for _, _, p in art.mentions if p.name.split()[-1].upper() == label
              or p.name.upper() == label}
    if len(people) == 1:
        return Cue("name", q.start, m.end(1) + 1, next(iter(people.values())), sieve=Sieve.LABEL)
    if sum(bool(_TRANSCRIPT.match(art.text, other.start)) for other in art.quotes) > 1:
        # a line of a transcript whose label names no one we know ("WALLACE:" for the host
        # called only "Chris"): someone else speaks, not the speaker of the line before
        return Cue("unnamed", q.start, m.end(1) + 1, sieve=Sieve.LABEL, described=m.group(1))
    return None


_TRANSCRIPT = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?):\s")


def reported_clause(art: Context, i: int) -> Cue | None:
    """`Lo said that while Hale's aides had been "careless", …` or `Lo said it was "clear"
    and that Hale faced a "slam-dunk" case`: a partial quote inside what a named person
    said earlier in the sentence (the last speech verb before it, outside quotes) is that
    person's, though others are named inside the reported words; not once a new clause
    with a subject of its own follows (`Lo said "…" but the board rejected it as "…"`)."""
    if art.quotes[i].kind != "partial":
        return None
    s, _ = art.outer[i]
    sstart = max(art.sentence_of(s)[0], art.paras[art.para_of(s)][0])
    words = art.words(sstart, s)
    k = next((k for k in range(len(words) - 1, -1, -1) if words[k][2] in SPEECH_VERBS), None)
    if k is None:
        return None
    cue = verb_cue(art, words, k, s, sstart)
    if cue is None or cue.kind != "name":
        return None
    if any(p is not cue.person and not art.in_quote(ms) and len(art.words(me, words[k][0])) <= 3
           for ms, me, p in art.mention_in(cue.start, words[k][0])):
        return None              # `"…," Lo said, only for Hale to tweet that "…"`: Hale's verb
    lead = art.words(sstart, art.skip_title_back(cue.start, sstart))[-1:]
    if lead and lead[0][2] in _SUBORDINATORS:
        return None              # `While Lo says "…", Hale calls it "…"`: the main clause follows
    rest = words[k + 1:]
    for n, (w0, w1, w) in enumerate(rest):
        # "said that while …" opens the reported words; "… but that …" adds to them
        after_that = n > 0 and rest[n - 1][2] == "that" or n + 1 < len(rest) and rest[n + 1][2] == "that"
        if w in _NEW_CLAUSE and not after_that or art.text[w0 - 2:w0].strip() in (";", "—", "–", "-") and not after_that:
            return None
    for ms, me, p in art.mention_in(words[k][1], s):
        if p is not cue.person and not art.in_quote(ms) and (verb_follows(art, me, s) or _TO_VERB.match(art.text, me)) and \
                not any(w[2] == "that" for w in art.words(max(sstart, ms - 16), ms)[-2:]):
            return None          # `Lo called it "a farce" before Hale walked out of the "circus"`
    cue.sieve = Sieve.REPORTED_CLAUSE
    return cue


_MODAL = re.compile(r"\s+(?:would|will|could|can|should|must|may|might|did|does|do)\b")
_TO_VERB = re.compile(r"\s+to\s+[a-z]")
_NEW_CLAUSE = {"but", "while", "whereas", "although", "though"}
_SUBORDINATORS = {"while", "when", "as", "after", "before", "since", "although", "though", "whereas", "if",
                  "because", "until", "once"}


def sentence_subject(art: Context, i: int) -> Cue | None:
    """`Lo called the migrants "rapists"`, `Lo has pushed his promise of "free college"`: a
    partial quote with no cue of its own, in a sentence that opens with a person as the
    subject of an active verb and names nobody else before the quote: the words are the
    subject's. Not in a headline, whose capitals name things freely."""
    if art.quotes[i].kind != "partial":
        return None
    s, _ = art.outer[i]
    sstart = max(art.sentence_of(s)[0], art.paras[art.para_of(s)][0])
    named = [x for x in art.mention_in(sstart, s) if not art.in_quote(x[0])]
    if not named:
        return _organisation_subject(art, i, sstart, s)
    others = [x for x in named if x[2] is not named[0][2]]
    # `Lo has gone after Hale as a "spoiled brat"`: someone else only as the object the
    # subject describes
    if others and (not _AS_BEFORE.fullmatch(art.text, others[-1][1], s)
                   or any(verb_follows(art, e, s) or POSSESSIVE_AFTER.match(art.text, e) for _, e, _ in others[:-1])):
        return None
    ms, me, p = named[0]
    lead = art.words(sstart, art.skip_title_back(ms, sstart))
    # the name opens the sentence, perhaps after its role or a phrase set off by a comma
    # ("On Tuesday, Lo said"), never inside a clause ("reported that Lo was ousted")
    if lead and lead[0][2] in ("but", "and", "yet", "so") and lead[0][0] == sstart:
        lead = lead[1:]
    if lead and not (len(lead) <= 5 and lead[-1][2] in ROLE_NOUNS
                     or len(lead) <= 3 and all(art.text[w[0]].isupper() and not w[2].endswith("ing")
                                               and w[2] not in _NOT_PLACE for w in lead)
                     or char_before(art.text, ms) == "," and not any(w[2] in _CLAUSE_WORDS for w in lead)
                     # `… and as Lo went on about "…"`: the quote inside the clause Lo opens
                     or lead[-1][2] in _SUBORDINATORS - {"if"} and not _comma_between(art, me, s)
                     and not _COPULA_AFTER.match(art.text, me)):
        return None
    after = [w for w in art.words(me, s) if w[2] not in BETWEEN]
    if (not after or POSSESSIVE_AFTER.match(art.text, me) or not (verb_follows(art, me, s) or _MODAL.match(art.text, me))
            or after[0][2] in PASSIVE and len(after) > 1 and after[1][2].endswith("ed")):
        return None          # `Lo was placed on the list because of "…"`: said about Lo
    if after[0][2] in THINKING:
        return None          # `Lo hopes the "new deal" will work`: a thought, not words
    if any(w[2] in _NEW_CLAUSE or art.text[w[0] - 2:w[0]].strip() in (";", "—", "–", "-") for w in after):
        return None          # `Lo proposed a debate - but the campaign called it "absurd"`
    words = art.words(sstart, s)
    if sum(art.text[w[0]].isupper() for w in words) * 2 > len(words) >= 4:
        return None          # a headline: `Lo Questioned What It Means To Be "…"`
    if _title(art.quotes[i].text):
        return None          # a title: `Lo watched "The Long Road" twice`
    return Cue("name", ms, me, p, sieve=Sieve.SENTENCE_SUBJECT)


def _organisation_subject(art: Context, i: int, sstart: int, s: int) -> Cue | None:
    """`PolitiFact rated the claim as "false"`: an organisation opening the sentence as the
    subject of an active verb, nobody named before the quote: its words (its source)."""
    words = art.words(sstart, s)
    if words and words[0][2] in ("but", "and", "yet", "so", "even", "conversely", "meanwhile"):
        words = words[1:]
    end = name_run(art, words) if words else None
    if end is None or _title(art.quotes[i].text):
        return None
    org = organisation(art, words[0][0], end)
    rest = [w for w in art.words(end, s) if w[2] not in BETWEEN]
    if (not org or not rest or not verb_follows(art, end, s) or rest[0][2] in THINKING
            or rest[0][2] in PASSIVE and len(rest) > 1 and rest[1][2].endswith("ed")
            or any(w[2] in _NEW_CLAUSE for w in rest)):
        return None
    return Cue("unnamed", words[0][0], end, sieve=Sieve.ORGANISATION, source=org)


def _title(quoted: str) -> bool:
    """`"The Long Road"`: every word capitalised, a title rather than someone's words."""
    words = quoted.split()
    return len(words) > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _comma_between(art: Context, start: int, end: int) -> bool:
    """A comma outside quotes in [start, end)."""
    return any(art.text[k] == "," and not art.in_quote(k) for k in range(start, end))


_CLAUSE_WORDS = {"that", "whether", "who", "which"}
_AS_BEFORE = re.compile(r"(?:,[^,]{1,40},)?\s+as(?:,?\s+(?:a|an|the|being))?[\s,“\"‘']*")
# capitalised words before a name that are no place or party ("Texas Sen. Ann Lo")
_NOT_PLACE = _SUBORDINATORS | PREPOSITIONS | {"the", "a", "an", "it", "this", "that", "there", "then"}


# In priority order: the first cue found wins.
SIEVES = [
    transcript_label,
    title_of_work,
    rejected_claim,
    claim_of,
    asked_by,
    document_goes_on,
    verb_name_after,
    as_source,
    verb_name_before,
    verb_name_sentence_end,
    closing_clause,
    headline,
    label,
    ambiguous,
    coordinated_verb,
    continuation,
    possessive,
    reported_before,
    colon_intro,
    reported_clause,
    sentence_subject,
]

# Sieves that look at one kind of quote only (each checks the kind first as well): attribute.py
# tries a quote with the sieves of its kind, saving the calls.
_PARTIAL_ONLY = {title_of_work, rejected_claim, claim_of, closing_clause, reported_clause, sentence_subject}
_FULL_ONLY = {asked_by, reported_before, colon_intro}
SIEVES_BY_KIND = {"full": [s for s in SIEVES if s not in _PARTIAL_ONLY],
                  "partial": [s for s in SIEVES if s not in _FULL_ONLY]}
