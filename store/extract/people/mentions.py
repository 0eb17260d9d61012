"""From candidates to people: the grouping, mention and naming passes. Candidates that
name one person (full name, surname, title + surname, a first name only they have) become one
PersonDraft; then every form of every person is matched on the token stream, and a bare
surname two people share goes to the one the text means (_resolve).
"""
from __future__ import annotations

import bisect
import re

from store.extract.draft import Draft, PersonDraft
from store.extract.people.roles import appositive_after, appositive_before, role_before, says_what
from store.extract.people.things import is_first
from store.extract.people.tokens import Candidate, Token, contiguous, sentence_initial
from store.lexicon.names import (
    CAP_PARTICLES, GENDER_TITLES, KIN, NAME_SUFFIXES, PARTICLES, PLACES, RANKS, ROLE_NOUNS, ROLE_TITLES, STOP, TITLES, first_names,
)
from store.model import Person


def group_people(d: Draft) -> None:
    """The grouping pass: each candidate joins the person its words name within its surname
    group ("Mark Waugh" and "Steve Waugh" are two people), or starts a new one."""
    text, firsts = d.text, first_names()
    curly = "’" in text          # only then do words need _norm
    for c in d.candidates:
        words = tuple([_norm(t.text) for t in c.toks] if curly else [t.text for t in c.toks])
        surname = _surname_key(c.toks)
        group = d.groups.setdefault(surname[-1].lower(), [])
        p = _match_person(group, words, c.titles, _gender_of(c, words, firsts)) if group else None
        if p is None:
            p = PersonDraft(names=[], surname=surname, group=group)
            group.append(p)
            d.drafts.append(p)
        if words not in p.names:
            p.names.append(words)
        if c.titles:
            p.titles.update(t.text.rstrip(".") for t in c.titles)
            if len(words) > 1:
                p.named_titles.update(t.text.rstrip(".") for t in c.titles)
        for t in c.titles:
            if t.text.rstrip(".") in GENDER_TITLES:
                # a title says more than a first name many share ("Mr Faraj" after "Anais Faraj")
                p.gender = GENDER_TITLES[t.text.rstrip(".")]
                break
        if not p.role and not _after_capital(text, (c.titles or c.toks)[0].start):
            p.role = _role_at(text, c)
            if not p.gender and p.role:
                p.gender = _kin_gender(p.role, words, firsts)    # "Mr Eavis' daughter Emily"
        # a kin word says more than a first name many men and women share ("widow Terry Lo")
        if not p.gender and len(words) > 1 and words[0] in firsts:
            p.gender = firsts[words[0]]
        if not p.title_role and c.titles and c.titles[-1].text.rstrip(".") in ROLE_TITLES:
            p.title_role = _title_role(text, c)
        if len(p.surname) < len(surname):
            p.surname = surname


def _kin_gender(role: str, words: tuple[str, ...], firsts: dict) -> str | None:
    """The gender a kin role gives ("the baker's daughter Wren"); with a relation of no gender
    ("the baker's partner Tom"), a first name named alone gives it."""
    kin = role.rsplit(None, 1)[-1].lower()
    if kin not in KIN:
        return None
    return KIN[kin] or (firsts.get(words[0]) if len(words) == 1 else None)


def _role_at(text: str, c: Candidate) -> str | None:
    """The role an appositive or the words before the name give (a name cut short, "Ivanka"
    left off "Ivanka Trump", must not take her role: the caller checks)."""
    start = (c.titles or c.toks)[0].start
    end = c.toks[-1].end
    role = (text.startswith(",", end) and appositive_after(text[end:end + 120])
            or appositive_before(text, start) or role_before(text, start))
    return role if says_what(role) else None


def _title_role(text: str, c: Candidate) -> str:
    """"President", "Home Secretary", and with an acronym before it "SMFG President"."""
    role = " ".join(t.text for t in c.pre + c.titles)
    m = not c.pre and _ACRONYM_BEFORE.search(text, max(0, c.titles[0].start - 16), c.titles[0].start)
    if m and not _CAPS_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()):   # not "I SAID President"
        role = m.group(1) + " " + role     # "SMFG President", "US Secretary"
    return role


def _forms(d: Draft) -> dict[tuple[str, ...], PersonDraft | str]:
    """Every form of every person: full names point at one person, surnames at their group
    (its key), a first name that only one person has at that person. Drops a lone surname
    person that a first name turns out to mean ("Chris" after "Chris Rock")."""
    firsts = first_names()
    forms: dict[tuple[str, ...], PersonDraft | str] = {}
    for key, group in d.groups.items():
        for p in group:
            for words in p.names:
                if len(words) > 1:
                    forms[words] = forms[tuple([w.upper() for w in words])] = p
                    if words[-1] in NAME_SUFFIXES:
                        forms[tuple([_norm(w) for w in p.surname]) + words[-1:]] = p   # "Trump Jr"
            surname = tuple([_norm(w) for w in p.surname])
            forms.setdefault(surname, key)
            forms.setdefault(tuple([w.upper() for w in surname]), key)
            if surname[0] in PARTICLES:    # "Von der Leyen" opening a sentence
                forms.setdefault((surname[0].capitalize(),) + surname[1:], key)
    first_owner: dict[str, dict[int, PersonDraft]] = {}
    for p in d.drafts:
        for words in p.names:
            if len(words) > 1 and (words[0] in firsts or (words[0][:1].isupper() and words[0][1:].islower()
                                                          and words[0] not in STOP and words[0] not in PLACES
                                                          and words[0] not in CAP_PARTICLES)):
                first_owner.setdefault(words[0], {})[id(p)] = p
    dropped = set()
    for first, ps in first_owner.items():
        lone = [p for p in d.groups.get(first.lower(), ()) if all(len(w) == 1 for w in p.names)]
        if len(ps) == 1 and ((first,) not in forms or lone):
            forms[(first,)] = next(iter(ps.values()))      # "Chris" after "Chris Rock"
            dropped.update(id(p) for p in lone)
    d.drafts = [p for p in d.drafts if id(p) not in dropped]
    return forms


def find_mentions(d: Draft) -> None:
    """The mention pass: every form matched on the token stream, longest first. Only a
    title or a word that starts some form can start a mention: the scan jumps between them."""
    if not d.drafts:
        return
    text, toks = d.text, d.tokens
    forms = _forms(d)
    lengths: dict[str, list[int]] = {}     # first word -> form lengths, longest first
    for f in forms:
        lengths.setdefault(f[0], []).append(len(f))
    for v in lengths.values():
        v.sort(reverse=True)
    multi = {w for p in d.drafts for w in p.names if len(w) > 1}
    normed = [t.text.replace("’", "'") for t in toks] if "’" in text else [t.text for t in toks]   # (_norm)
    if not TITLES.isdisjoint(lengths):
        # a surname that is also a title keeps its full stop as a title: "said Baron." is Baron
        for k, t in enumerate(toks):
            if t.kind == "title" and t.text[-1] == "." and t.text[:-1] in lengths:
                normed[k] = t.text[:-1]
    stops = [k for k, w in enumerate(normed) if w in lengths or toks[k].kind == "title"]
    i, n = 0, len(toks)
    while i < n:
        x = bisect.bisect_left(stops, i)
        if x == len(stops):
            break
        i = j = stops[x]
        while j < n and toks[j].kind == "title" and j + 1 < n and contiguous(text, toks[j], toks[j + 1]):
            j += 1
        hit = None
        for L in lengths.get(normed[j], ()):
            hit = _hit(d, forms, normed, multi, i, j, L)
            if hit:
                break
        if hit:
            _record(d, *hit, i, j)
            i = hit[3]
        else:
            i = j + 1 if j > i else i + 1


def _hit(d: Draft, forms: dict, normed: list[str], multi: set, i: int, j: int, L: int):
    """The person the L words at token j name (after titles from token i), or None."""
    text, toks = d.text, d.tokens
    if j + L > len(toks):
        return None
    words = tuple(normed[j:j + L])
    target = forms.get(words)
    if target is None:
        return None
    if L > 1 and any(not contiguous(text, toks[k], toks[k + 1]) for k in range(j, j + L - 1)):
        return None
    if not _plausible(text, toks, j, L, words, i < j, multi, d.sent_starts):
        return None
    title = toks[j - 1].text.rstrip(".") if i < j else None
    if isinstance(target, PersonDraft):
        p = target
    else:
        group = d.groups[target]
        # (the pronoun only matters to a surname two people share: speed only)
        hint = _pronoun_gender(text, toks[j + L - 1].end) if len(group) > 1 else None
        p = _resolve(group, title, toks[j].start, hint)
    # (held and subject only settle a surname two people share: _resolve)
    if len(p.group) > 1 and all(q.seen < 0 for q in p.group if q is not p):
        p.held = True         # the first of that surname the text names
    full = L > 1 and isinstance(target, PersonDraft)      # a full name, not a shared surname
    end = toks[j + L - 1].end
    if text[end - 1] == "." and normed[j + L - 1][-1] != ".":
        end -= 1                         # "said Baron.": the stop is not the name's
    return p, toks[i if i < j else j].start, end, j + L, title, full


def _record(d: Draft, p: PersonDraft, start: int, end: int, nxt: int, title: str | None, full: bool,
            i: int, j: int) -> None:
    p.mentions.append((start, end))
    p.seen = start
    if full:
        p.last = start
        p.subject = len(p.group) > 1 and _subject_at(d.text, start, end, d.sent_starts)
    if title:
        p.gender = p.gender or GENDER_TITLES.get(title)
        p.titles.add(title)
        if not p.title_role and title in ROLE_TITLES:
            p.title_role = " ".join(t.text for t in d.tokens[i:j])


def name_people(d: Draft) -> None:
    """The naming pass: each person mentioned at least once, by the fullest name the text
    gives; only "Lord Browne" or "Mr Faraj": a title of rank stays with the surname."""
    for p in d.drafts:
        if not p.mentions:
            continue
        best = max(p.names, key=len)
        name = " ".join(best)
        if len(best) == 1:
            rank = [t for t in RANKS if t in p.titles]
            if rank:
                name = rank[0] + " " + name
        role = p.role or p.title_role
        if role == name.split()[0]:
            role = None          # "King Charles" is not also "King Charles, King"
        d.people.append(Person(name=name, role=role, mentions=p.mentions, gender=p.gender))


_ACRONYM_BEFORE = re.compile(r"(?<![\w.\-])([A-Z]{2,6}(?:-[A-Z]{2,6})?) $")
_CAPS_WORD_BEFORE = re.compile(r"\b[A-Z]+\s+$")
_AT_PLACE = re.compile(r"\b(?:in|at|near)\s+$")
_HELD_REACH = 2000      # characters: a few paragraphs
_SUBJECT_REACH = 400    # characters: the next sentence or two
_VERB_AFTER = re.compile(r",?\s+(?:[a-z]+ed|[a-z]+s|said|told|has|had|is|was|will|would|can|could|wrote|spoke|made|took|did)\b")
_PRONOUN_AFTER = re.compile(r"[^.!?\n,;]{0,120}?\b(he|his|she)\b")


def _surname_key(toks: list[Token]) -> tuple[str, ...]:
    """The words that name someone alone: "Leyen" needs "von der", "Poppel" its "Van"."""
    if len(toks) > 1 and toks[-1].text in NAME_SUFFIXES:
        toks = toks[:-1]                 # "Donald Trump Jr": Trump
    i = len(toks) - 1
    while i > 0 and (toks[i - 1].kind == "part" or (toks[i - 1].text in CAP_PARTICLES and i - 1 > 0)):
        i -= 1
    return tuple([t.text for t in toks[i:]])


def _after_capital(text: str, start: int) -> bool:
    """Does a capitalised word stand right before start ("Ivanka| Trump")? Not a role noun
    that has its capital from opening the sentence ("Rapper| Stormzy has …")."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    k = start - 2
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
        k -= 1
    if not text[k].isupper():
        return False
    return text[k:start - 1].lower() not in ROLE_NOUNS or role_before(text, start) is None


def _norm(word: str) -> str:
    return word.replace("’", "'")


def _gender_of(c: Candidate, words: tuple[str, ...], firsts: dict) -> str | None:
    """The gender the run itself gives: a title ("Mrs"), else a known first name of one gender."""
    for t in c.titles:
        if t.text.rstrip(".") in GENDER_TITLES:
            return GENDER_TITLES[t.text.rstrip(".")]
    return firsts.get(words[0]) if len(words) > 1 else None


def _match_person(group: list[PersonDraft], words: tuple[str, ...], titles: list[Token],
                  gender: str | None = None) -> PersonDraft | None:
    """The person in a surname group these words name: same first name or initial, or the
    group's only person when the words give no first name; never one whose gender, from
    their title, is not the gender of the words ("Michelle Obama" after "Mr. Obama")."""
    if not group:
        return None
    if words[0] in CAP_PARTICLES or words[0] in PARTICLES:
        words = words[-1:]               # "Van der Westhuizen" after "Joost van der Westhuizen"
    if len(words) == 1:
        gender = titles and next((GENDER_TITLES[t.text.rstrip(".")] for t in titles
                                  if t.text.rstrip(".") in GENDER_TITLES), None)
        if gender:
            return _resolve(group, next(k for k, v in GENDER_TITLES.items() if v == gender))
        return _resolve(group, titles[-1].text.rstrip(".") if titles else None)
    first, suffix = words[0], words[-1] in NAME_SUFFIXES
    if suffix and len(words) == 2:       # "Trump Jr"
        return next((p for p in group if any(w[-1] in NAME_SUFFIXES for w in p.names)), None)
    for p in group:
        known = [w for w in p.names if len(w) > 1]
        # "Donald Trump Jr" is not "Donald Trump"
        if not known and gender and p.gender and gender != p.gender:
            continue
        if not known or any(_same_first(first, k[0]) and (k[-1] in NAME_SUFFIXES) == suffix for k in known):
            return p
    # a double surname without the first name: "Wasserman Schultz" after "Debbie Wasserman Schultz"
    n = len(words)
    ends = [p for p in group if any(len(k) > n and k[-n:] == words for k in p.names)]
    return ends[0] if len(ends) == 1 else None


def _same_first(a: str, b: str) -> bool:
    if a == b:
        return True
    initial = lambda w: w.endswith(".") or (len(w) <= 2 and w.isupper())  # noqa: E731
    return (initial(a) or initial(b)) and a[0] == b[0]


def _head(role: str) -> str:
    """The noun a role is about: "former president", "president of the union" -> president
    ("wife of President Bush" is a wife)."""
    words = role.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def _resolve(group: list[PersonDraft], title: str | None, pos: int = -1, hint: str | None = None) -> PersonDraft:
    """A bare surname: the person a gendered title fits; else the one the surname already
    meant before anyone else of that name came in (after "Cruz said ...", "his wife, Heidi
    Cruz" leaves "Cruz" meaning him, as news writing does); else the one named most recently."""
    ps = group
    gender = GENDER_TITLES.get(title or "")
    if gender and len(group) > 1:
        ps = [p for p in group if p.gender == gender] or group
    elif title and len(group) > 1:
        # "President Clinton" when only Bill Clinton was ever called President
        ps = [p for p in group if title in p.named_titles or p.role and _head(p.role) == title.lower()] or group
    if len(ps) == 1:
        p = ps[0]
    else:
        p = max(ps, key=lambda p: p.last)
        held = [q for q in ps if q.held]
        # ... unless the newcomer was named as a subject just before ("..., Bill Clinton,
        # said ... Clinton added"), or pages after the holder was last seen ("Homeland
        # Security Secretary Jeh Johnson says" in a later item of a live blog)
        if len(held) == 1 and held[0] is not p and p.last - held[0].seen < _HELD_REACH and \
                not (p.subject and pos - p.last < _SUBJECT_REACH):
            p = held[0]
        # "Trump demands ... his tax records": a pronoun of the sentence settles it
        fits = [q for q in ps if hint and q.gender == hint]
        if len(fits) == 1 and p.gender and p.gender != hint:
            p = fits[0]
    return p


def _pronoun_gender(text: str, end: int) -> str | None:
    """The gender of a he/his/she later in the clause, if any ("her" is left out: it is as
    often someone else's object; a comma ends the search: "Rendell, a Clinton surrogate,
    said he ...")."""
    m = _PRONOUN_AFTER.match(text, end)
    return None if not m else "f" if m.group(1) == "she" else "m"


def _subject_at(text: str, start: int, end: int, sent_starts: list[int]) -> bool:
    """Does the name at start..end read as a subject: at the start of the sentence, after
    a comma or "and", with a verb next ("Several weeks ago, Donald Trump stated")?"""
    i = bisect.bisect_right(sent_starts, start) - 1
    opens = (i >= 0 and not text[sent_starts[i]:start].strip(" “\"‘'(")) or \
        text[max(0, start - 2):start] == ", " or text[max(0, start - 5):start] == " and "
    return bool(opens and _VERB_AFTER.match(text, end))


def _plausible(text: str, toks: list[Token], j: int, L: int, words: tuple[str, ...], titled: bool, multi: set,
               sent_starts: list[int]) -> bool:
    """A bare surname is a mention unless it is part of another name or thing ("Davis Cup")."""
    if titled or words in multi:
        return True
    first, last = toks[j], toks[j + L - 1]
    if j > 0 and toks[j - 1].kind in ("name", "part", "init") and contiguous(text, toks[j - 1], first) \
            and toks[j - 1].text not in STOP and \
            not (sentence_initial(text, toks[j - 1], sent_starts) and not is_first(toks[j - 1].text)):
        return False
    if j + L < len(toks) and toks[j + L].kind in ("name", "init") and contiguous(text, last, toks[j + L]):
        return False
    if first.text in STOP and sentence_initial(text, first, sent_starts):
        return False
    if _AT_PLACE.search(text, max(0, first.start - 6), first.start):
        return False                     # "married at Windsor" is not Barbara Windsor
    return True
