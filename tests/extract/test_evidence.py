"""One row per kind of people evidence (store.model.Evidence): a made-up text and the name
it shows to be a person. Adding a rule to EVIDENCE adds a row here."""
from __future__ import annotations

import pytest

from store.extract import PASSES, Draft
from store.extract.people.evidence import _CLAUSE_END, _SPEECH_BEFORE, EVIDENCE, NOT_A_PERSON, Site, evidence, speaks
from store.model import Evidence

ROWS = [
    (Evidence.TITLE, "The bill passed. Senator Lo voted against it on Monday.", "Lo"),
    (Evidence.AGE, "Tom Bell, 45, runs the shop.", "Tom Bell"),
    (Evidence.PARTY, "Ann Vale, R-Texas, voted against it.", "Ann Vale"),
    (Evidence.FIRST_NAME, "Ann Bell runs the shop.", "Ann Bell"),
    (Evidence.ROLE, "The shop is run by Bell. Its owner, Bell, is proud of it.", "Bell"),
    (Evidence.SCORECARD, "Bell c Vaas b Chandana 56", "Vaas"),
    (Evidence.SCORER, "Lyon 2 (Caveglia 23rd, Giuly 30th)", "Caveglia"),
    (Evidence.TITLE_AND_SPEECH, "Miss Smith said the shop was closed.", "Smith"),
    (Evidence.WHO, "Zorn Vetrick, who runs the shop, was out.", "Zorn Vetrick"),
    (Evidence.PARTICLE, "The race was won by Lixo van der Tarnhuizen on Monday.", "Lixo van der Tarnhuizen"),
    (Evidence.GIVEN_NAME, "The race was won by Kang Young-hoon on Monday.", "Kang Young-hoon"),
    (Evidence.PLACE_POSSESSIVE, "The race was won by India's Zorn Vetrick on Monday.", "Zorn Vetrick"),
    (Evidence.NATIONALITY, "The race was won by American Zorn Vetrick on Monday.", "Zorn Vetrick"),
    (Evidence.INITIAL, "The race was won by Q. Zorn Vetrick on Monday.", "Q. Zorn Vetrick"),
    (Evidence.SPEECH_VERB, "Zorn Vetrick said the race was hard.", "Zorn Vetrick"),
    (Evidence.TABLE, "1. Zorn Vetrick 2:03.4", "Zorn Vetrick"),
    (Evidence.BYLINE, "Race day in the hills.\nZorn Vetrick\n\nThe race was won on Monday.", "Zorn Vetrick"),
    (Evidence.REPEATED_SURNAME, "Zorn Vetrick won the race. Vetrick was tired.", "Zorn Vetrick"),
    (Evidence.SURNAME, "Zorn Vetrick won the race, said reports. Vetrick, the winner, was tired.", "Vetrick"),
    (Evidence.LONE_SPEAKER, '"We are ready," Vetrick said. Vetrick, who runs the shop, was out.', "Vetrick"),
    (Evidence.LIST, "The team: Tom Bell, Zorn Vetrick and Ann Lo.", "Zorn Vetrick"),
]


def candidates(text: str):
    """The name runs and their evidence once the people passes up to the lists have run."""
    d = Draft(text)
    for name, run in PASSES:
        run(d)
        if name == "people: lists":
            return {" ".join(t.text for t in c.toks): c.person for c in d.candidates}
    raise AssertionError("no lists pass")


@pytest.mark.parametrize("label, text, name", ROWS, ids=[r[0].value for r in ROWS])
def test_each_kind_of_evidence(label, text, name):
    assert candidates(text).get(name) == label


def test_every_kind_has_a_row():
    assert {r[0] for r in ROWS} == set(Evidence)


def test_a_rejection_stops_later_rules():
    # "Vera Drake star Imelda Staunton": the film is no person, though "Vera" is a first name
    d = Draft("The film Vera Drake star Imelda Staunton won.")
    for name, run in PASSES:
        run(d)
        if name == "people: candidates":
            break
    film = next(c for c in d.candidates if c.toks[0].text == "Vera")
    rejecting = [rule.__name__ for rule in EVIDENCE if rule(Site(film, d.text)) == NOT_A_PERSON]
    assert rejecting and evidence(film, d.text) is None


@pytest.mark.parametrize("text", [
    '"Yes," Vetrick said.', '"Yes," said Vetrick.', "Vetrick, 40, added that it was fine.",
    "Vetrick, who runs the shop, said so.", "Vetrick has said so.",
    "It went to Vetrick, who said they had left, and the rest.",
    "Vetrick 67 68 70", "Vetrick, Lo and Bell won.", "He said Vetrick was out.", "Vetrick's shop said no.",
])
def test_speaks_answers_as_the_site_does(text):
    d = Draft(text)
    for name, run in PASSES:
        run(d)
        if name == "people: candidates":
            break
    c = next(c for c in d.candidates if c.toks[0].text == "Vetrick")
    x = Site(c, text)
    expected = x.speech_after() or bool(x.speech_before and _SPEECH_BEFORE.search(x.before, x.tail)
                                        and _CLAUSE_END.match(x.after))
    assert speaks(c, text) == expected
