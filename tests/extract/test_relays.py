"""Relayed quotes: the cue says someone other than the speaker reported the words
(store/extract/quotes/relays.py). The speaker stays who said them; Quote.via names the relay,
and the decision is a kind of its own ("relayed<…")."""
import pytest

from store.extract import extract
from store.extract.quotes.confidence import prefixes

INTRO = "Mayor Ann Lo spoke in Dunmore on Monday. Lo is running again.\n\n"


def quotes(text):
    return {q.text.strip(" ,."): q for q in extract(INTRO + text).quotes}


@pytest.mark.parametrize("text, via", [
    ('"We will rebuild the bridge," Lo said, according to the Harbor Gazette.', "the Harbor Gazette"),
    ('"We will rebuild the bridge," Lo said at a rally, according to CNN.', "CNN"),
    ('"We will rebuild the bridge," Lo said, the Harbor Gazette reported.', "the Harbor Gazette"),
    ('"We will rebuild the bridge," Lo said on Monday, the Harbor Gazette first reported Tuesday.',
     "the Harbor Gazette"),
    ('"We will rebuild the bridge," said Lo, who chairs the council, reports Harbor Today.', "Harbor Today"),
    ('"We will rebuild the bridge," Lo said Monday in Dunmore, according to audio provided by Metro Radio.',
     "Metro Radio"),
    ('"We will rebuild the bridge," Lo wrote in a letter obtained by the Daily Planet.', "the Daily Planet"),
    ('"We will rebuild the bridge," Lo wrote in an email, which was first reported by the Daily Planet.',
     "the Daily Planet"),
    ('"We will rebuild the bridge," Lo said, as reported by Metro Radio.', "Metro Radio"),
    ('"We will rebuild the bridge," Lo told aides, according to Pat Vane, a former adviser.', "Pat Vane"),
    ('Lo said, according to the Harbor Gazette, that the bridge was "a disgrace".', "the Harbor Gazette"),
    ('Lo said that the bridge was "a disgrace" to the town, reported the Harbor Gazette.', "the Harbor Gazette"),
    ('"We will rebuild the bridge," Lo said, according to officials who were in the room.',
     "officials"),
])
def test_a_relayed_quote_keeps_its_speaker_and_says_who_relayed_it(text, via):
    q = next(iter(quotes(text).values()))
    assert q.via == via
    assert q.decision.startswith("relayed<")
    assert q.speaker == "Ann Lo" or q.likely == "Ann Lo"


@pytest.mark.parametrize("text", [
    '"We will rebuild the bridge," Lo told the Harbor Gazette.',
    '"We will rebuild the bridge," Lo said in an interview with the Harbor Gazette.',
    '"We will rebuild the bridge," Lo said, according to a statement.',
    '"We will rebuild the bridge," Lo said, according to a transcript of the meeting.',
    '"We will rebuild the bridge," Lo said in a statement released by her office.',
    '"We will rebuild the bridge," Lo said Monday, according to audio provided to the Harbor Gazette.',
    '"We will rebuild the bridge," Lo said, according to her own memoir.',
    # the relay is about another clause, not the quote
    '"We will rebuild the bridge," Lo said, but the cost will double, according to the Harbor Gazette.',
    '"We will rebuild the bridge," Lo said, adding that the bridge, according to the Harbor Gazette, is old.',
    # a survey is not a relay of anyone's words
    'Most voters "want the bridge back", according to a Harbor Gazette poll released Monday.',
])
def test_not_a_relay(text):
    assert [q.via for q in quotes(text).values()] == [None]


def test_the_relay_itself_as_the_cue_is_the_source_not_a_relay():
    q = quotes('"The bridge will close," according to the Harbor Gazette.')["The bridge will close"]
    assert q.via is None
    q = quotes('"The bridge will close," the Harbor Gazette reported.')["The bridge will close"]
    assert q.via is None


def test_a_quote_that_continues_a_relayed_one_is_relayed_too():
    qs = quotes('"We will rebuild the bridge," Lo said, according to CNN. "It will take two years."\n\n'
                'Lo also met the council. "The budget is fine," she said.')
    assert qs["We will rebuild the bridge"].via == "CNN"
    assert qs["It will take two years"].via == "CNN"
    assert qs["It will take two years"].decision.startswith("relayed<continuation<")
    assert qs["The budget is fine"].via is None


def test_a_relayed_kind_too_rare_to_measure_falls_back_on_all_relayed_decisions():
    # never on the first-hand level of its sieve ("continuation<label")
    assert prefixes("relayed<continuation<label:shared")[1:] == ["relayed<continuation<label", "relayed"]


def test_a_kind_too_rare_alone_takes_the_level_measured_with_its_narrower_kinds(monkeypatch):
    """"continuation<reported" seen 9 times and "continuation<reported:shared" once: the two
    together are measured (BROADER), and that level wins over all continuations'."""
    from store.extract.quotes import confidence as module

    monkeypatch.setattr(module, "LEVELS", {"continuation<verb-name": 0.99})
    monkeypatch.setattr(module, "BROADER", {"continuation": 0.99, "continuation<reported": 0.75})
    assert module.confidence("continuation<reported") == 0.75
    assert module.confidence("continuation<reported:shared") == 0.75
    assert module.confidence("continuation<verb-name") == 0.99
    assert module.confidence("continuation<label") == 0.99        # only the broad kind is measured
    assert module.confidence("headline") == module.DEFAULT


PASSAGE = ('Ann Lo spoke at the hearing.\n\n{intro}\n\n"The hearing was closed but Ann Lo spoke to reporters '
           'afterwards.\n\n"Lo said the report was late.\n\n“We were told nothing in May,” Lo said.\n\n'
           '“It is not good enough,” she said."\n\nThe council meets again on Friday.')


@pytest.mark.parametrize("intro, via", [
    ("As the Harbor Gazette reported that night:", "the Harbor Gazette"),
    ("Metro Radio reported that night that the council would meet.", "Metro Radio"),
    ("The story was told in full, according to the Harbor Gazette:", "the Harbor Gazette"),
])
def test_quotes_in_a_passage_quoted_from_another_outlet_are_relayed(intro, via):
    """An article that quotes another outlet's story paragraph by paragraph (each opening
    with a mark, the last closing it) relays the words inside, named or not."""
    qs = {q.text.strip(" ,."): q for q in extract(PASSAGE.format(intro=intro)).quotes}
    lo = qs["We were told nothing in May"]
    assert (lo.via, lo.likely or lo.speaker) == (via, "Ann Lo")
    assert qs["It is not good enough"].via == via


def test_a_passage_that_is_the_speakers_own_writing_is_not_relayed_and_a_lone_quote_is_no_passage():
    own = ('As Ann Lo wrote after the vote:\n\n"The hearing was closed to us.\n\n"We were told nothing."\n\n'
           'The council meets again on Friday.')
    assert all(q.via is None for q in extract(own).quotes)
    plain = ('Metro Radio reported the vote.\n\n“We were told nothing in May,” Ann Lo said.\n\n'
             'The council meets again on Friday.')
    q, = extract(plain).quotes
    assert (q.via, q.speaker) == (None, "Ann Lo")
