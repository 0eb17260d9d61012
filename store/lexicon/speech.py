"""The words attribution reads: verbs that report speech (and their forms), titles,
pronouns, and the words that open an unnamed subject or cannot. The speech verbs are in the
lexicon's data files; the short closed-class lists stay here. No logic about quotes."""
from __future__ import annotations

import re

from store.lexicon import entries, words

# Verbs that report speech or stance, as bases inflected below, plus irregular forms.
SPEECH_BASES = entries("speech-verbs") + entries("speech-verbs-wordnet")
IRREGULAR = entries("speech-irregular")


def _inflect(base: str) -> set[str]:
    """add -> add, adds, added, adding (irregular verbs are listed apart)."""
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if base.endswith("ee"):
        return {base, base + "s", base + "d", base + "ing"}
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base in {"admit", "quip", "dub", "slam", "refer"}:
        return {base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"}
    es = "es" if base.endswith(("s", "sh", "ch", "x")) else "s"
    forms = {base, base + es, base + "ed", base + "ing"}
    if re.search(r"[^aeiou][aeiou]l$", base):          # British: labelled, labelling
        forms |= {base + "led", base + "ling"}
    return forms


# Bare forms that are mostly nouns or other verbs in news ("a call", "the state", "to post")
# are left out.
ALL_SPEECH = {f for b in SPEECH_BASES if b not in IRREGULAR for f in _inflect(b)} | set(IRREGULAR)
SPEECH_VERBS = ALL_SPEECH - words("speech-not-verbs")
# Two-word speech verbs: the verb form -> its particle ("shot" "back": "Lo shot back that")
PHRASAL = {verb: particle for verb, particle in (line.split() for line in entries("speech-phrasal"))}
# Finite forms of verbs that take a stance on a partial quote after them ("Lo thanked
# volunteers for "…""): the subject's words, though the verb reports no speech.
STANCE_VERBS = {f for b in entries("stance-verbs") for f in _inflect(b)
                if not f.endswith("ing") and f != b} - ALL_SPEECH
# Past participles that name or judge someone: right after "Name," they are passive
# ("Thatcher, dubbed the “Iron Lady”"), the person is not the speaker.
NAMING = {"dubbed", "called", "labelled", "labeled", "branded", "termed", "described", "nicknamed",
           "accused", "praised", "criticised", "criticized", "hailed", "blamed", "condemned",
           "dismissed", "known"}
PAST_PARTICIPLES = {w for w in SPEECH_VERBS if w.endswith("ed")} | {"said", "told", "written", "spoken"}

# Verbs that may stand right after a quote and take their subject after them too:
# "…," said Mr Brown / "…," Mr Brown said. The only cue verbs after a quote that ends its
# own sentence ("…!" Trump posted).
CUE_VERBS = {"said", "says", "added", "adds", "asked", "asks", "told", "wrote", "writes",
             "continued", "explained", "insisted", "warned", "recalled", "replied", "noted",
             "argued", "declared", "stated", "claimed", "tweeted", "posted", "cautioned",
             "declares", "explains", "insists", "warns", "notes", "argues", "recalls", "remembered", "remarked",
             "responded", "interjected"}
# Finite speech verbs that may open the words after a quote, or stand before their subject:
# "…?" Vitter demanded. / "…," fumed Mr Lo. Past and present forms of every speech verb but
# those that name or judge someone ("…," called Smith is rare, "Lo, dubbed …" is passive),
# including forms that are mostly nouns elsewhere ("Lo answers.", "Lo points out").
INVERTED = CUE_VERBS | {w for w in ALL_SPEECH - set(SPEECH_BASES) - NAMING if not w.endswith("ing")}
# Participles that take the subject of the clause before: "..., saying", "..., adding that".
PARTICIPLES = {w for w in SPEECH_VERBS if w.endswith("ing")}
# Participles that report speech even without a comma: "a series of tweets saying that …"
# (but "leaflets condemning …" is the leaflets' stance, not the subject's words).
SAYING = {"saying", "telling", "writing", "adding", "asking", "arguing", "claiming", "insisting",
           "warning", "noting", "explaining", "declaring", "tweeting", "posting"}
# Verbs of thought and wish: what follows them is no one's words ("Lo hopes the "new deal" works").
THINKING = {f for b in ("hope", "think", "believe", "want", "expect", "fear", "wish", "doubt", "worry", "feel",
                        "know", "watch", "read", "love", "like", "hate", "prefer")
            for f in _inflect(b)} | {"thought", "felt", "knew", "read", "liked", "loved", "hated"}
# Words that may sit between a subject and its verb.
BETWEEN = set("""
has had have also later then would will once again just recently previously earlier
reportedly repeatedly further simply flatly angrily publicly privately bluntly quickly
immediately today yesterday tonight subsequently separately himself herself only even still
often last week night year month on monday tuesday wednesday thursday friday saturday sunday
this explicitly openly famously memorably directly did does not never clearly has however
didn't doesn't hasn't haven't won't wouldn't can't couldn't didn’t doesn’t hasn’t won’t
""".split())
# Words ending in -ly that are no adverbs: "a Scott ally said" is not "Scott … said".
NOT_ADVERBS = {"ally", "family", "rally", "daily", "weekly", "monthly", "yearly", "elderly", "belly", "bully",
               "supply", "reply", "fly", "assembly", "anomaly", "homily", "lily", "jelly", "folly"}
# Before a verb these make it passive: "has been accused of", "was called".
PASSIVE = {"been", "was", "were", "is", "are", "be", "being", "get", "got"}
TITLE_WORDS = set("""
mr mrs ms miss dr prof professor sir dame lord lady president senator sen gov governor rep
representative judge general gen mayor minister secretary chancellor king queen prince
princess pope rev father coach captain chairman
""".split())
ABBREVIATED = words("title-abbreviations")    # "sen", "gov": titles written short
PREPOSITIONS = set("""
to with by of for from at on about between against than into like as under over toward
towards without before after meeting met ask asked told tells tell urged called named
""".split())
CONJUNCTIONS = {"and", "or", "nor", "&"}
PRONOUNS = {"he": "m", "she": "f"}
GROUP_PRONOUNS = {"they", "we", "i", "you", "it", "who", "which", "one", "everyone",
                   "someone", "nobody"}
# How an unnamed subject starts: "a spokesman", "officials", "the company".
NP_START = set("""
a an the his her their its our one another two three four several some many most other
officials analysts sources critics experts aides police investigators witnesses residents
""".split())
NOT_NP = set("""
to could would should can will that which who if is was were be been being not also it this
there when while because although though as
""".split())
# Relayed words (extract/quotes/relays.py): the participles before "by X" that credit X
# with a quote ("obtained by", "audio provided by"), the words that end the noun phrase
# naming who relayed it, and the words that open a new clause the relay is not about.
RELAY_BY = {"reported", "obtained", "report", "story", "provided", "posted", "aired", "broadcast", "shared"}
RECORDINGS = words("recordings")
RELAY_NOUNS = words("relay-nouns")
RELAY_STOPS = set("""
who whom which that whose when where while and or but on to by for after before during as because
since citing saying quoting adding if than
""".split())
# What a survey or a count found is no one's words passed on: "…, according to a poll".
NOT_RELAYS = {"poll", "polls", "survey", "surveys", "study", "studies", "data", "records", "figures",
              "estimates", "census", "analysis", "research"}
CLAUSE_BREAKS = {"but", "though", "although", "while", "whereas", "because", "yet", "however"}
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
POSSESSIVE = re.compile(r"[’']s?\b")

# Words of time: a name ends before them ("said Smith on Tuesday").
TIME_WORDS = set("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today yesterday tonight last this
""".split())
