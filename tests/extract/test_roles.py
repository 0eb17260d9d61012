"""roles.py on its own: the words around a name that are, or are not, a role."""
from store.extract.people.roles import appositive_after, appositive_before, role_before, says_what


def at(text: str, name: str) -> int:
    return text.index(name)


def test_appositive_after_a_name_is_a_noun_phrase_with_a_role_word():
    assert appositive_after(", the Polish prime minister, met him") == "Polish prime minister"
    assert appositive_after(", analyst at Nomura told the BBC") == "analyst at Nomura"


def test_appositive_after_that_is_a_clause_or_no_role_is_not_a_role():
    assert appositive_after(", who is the chancellor, said") is None
    assert appositive_after(", the nominee had said nothing,") is None
    assert appositive_after(", questioning the governor's plan,") is None
    assert appositive_after(", Kate Winslet and others,") is None
    assert appositive_after(", in London, said") is None


def test_appositive_after_cuts_a_relative_clause():
    assert appositive_after(", a Republican strategist who is close to him,") == "Republican strategist"


def test_appositive_before_a_name():
    text = "The chancellor, Rachel Reeves, will speak."
    assert appositive_before(text, at(text, "Rachel")) == "chancellor"
    text = "The weather, Rachel Reeves said, was fine."
    assert appositive_before(text, at(text, "Rachel")) is None


def test_role_words_before_a_name_stop_at_verbs_and_times():
    text = "Club manager Tavo Mirrenko praised Arsenal boss Osk Feldrun."
    assert role_before(text, at(text, "Osk")) == "Arsenal boss"
    assert role_before(text, at(text, "Tavo")) == "Club manager"
    text = "He met that night ex-CIA chief Jon Brae."
    assert role_before(text, at(text, "Jon")) == "ex-CIA chief"
    text = "Voters will defeat Republican nominee Ann Lusk."
    assert role_before(text, at(text, "Ann")) == "Republican nominee"


def test_role_before_a_name_needs_a_lowercase_role_noun_last():
    text = "Yesterday Tavo Mirrenko spoke."
    assert role_before(text, at(text, "Tavo")) is None
    text = "the chancellor, Rachel Reeves, spoke"
    assert role_before(text, at(text, "Rachel")) is None      # an appositive, read as one


def test_one_relational_noun_is_not_worth_showing():
    assert not says_what("rival") and not says_what("wife") and not says_what(None)
    assert says_what("Republican rival") and says_what("deputy prime minister")


def test_an_appositive_may_end_at_a_bracket_but_not_on_a_title_waiting_for_its_name():
    assert appositive_after(", the chairman of the Organisation for Security (OSCE), told") == \
        "chairman of the Organisation for Security"
    assert appositive_after(", former adviser to Vice President (then-Senator) Joe Biden, is") is None
