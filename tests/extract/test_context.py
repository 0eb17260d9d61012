"""subjects.py on its own: the article indexed for attribution, subjects and pronouns."""
from store.extract import extract
from store.extract.quotes.spans import quote_spans
from store.extract.quotes.context import Context
from store.extract.quotes.pronouns import resolve_pronoun
from store.extract.text import paragraphs, sentences


def context(text: str) -> Context:
    paras = paragraphs(text)
    sents = sentences(text, paras)
    return Context(text, paras, sents, extract(text).people, quote_spans(text, paras, sents))


def test_a_pronoun_goes_to_the_latest_subject_of_its_gender_not_the_last_name():
    text = ("Ann Vale met Tom Birch on Monday. She told him the plan was ready, and Birch nodded.\n\n"
            "Later she said it would work.")
    ctx = context(text)
    assert resolve_pronoun(ctx, text.rindex("she"), "f").name == "Ann Vale"
    assert resolve_pronoun(ctx, text.rindex("she"), "m").name == "Tom Birch"


def test_a_pronoun_with_no_candidate_of_its_gender_is_unresolved():
    text = "Ann Vale and Ruth Ober spoke on Monday.\n\nHe said it would work."
    assert resolve_pronoun(context(text), text.index("He"), "m") is None


def test_words_outside_quotation_marks_only():
    text = "Ann Vale said “the plan is ready” on Monday."
    words = [w for _, _, w in context(text).words(0, len(text))]
    assert "plan" not in words and "monday" in words


def test_subject_before_a_speech_verb_is_the_person_or_unnamed():
    text = "Officials said the plan was ready. Ann Vale said it would work."
    ctx = context(text)
    cue = ctx.subject_before(text.index("said it"), text.index("Ann"))
    assert cue.kind == "name" and cue.person.name == "Ann Vale"
    cue = ctx.subject_before(text.index("said the"), 0)
    assert cue is not None and cue.kind == "unnamed" and cue.person is None
