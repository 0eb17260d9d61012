"""Figures: money, percentages, counts, durations; and numbers that are not figures."""
from __future__ import annotations

import pytest

from store.extract.figures import find_figures
from store.extract.figures.numbers import words_value
from store.extract.text import clean_text, paragraphs, sentences


def figs(text: str):
    found = find_figures(text, sentences(text, paragraphs(text)))
    for f in found:
        assert text[f.start:f.end] == f.text       # offsets are exact, always
    return found


def one(text: str):
    found = figs(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# --- money ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, written, value, unit", [
    ("The bank lent the builder £2.4bn last spring.", "£2.4bn", 2.4e9, "GBP"),
    ("Investors put $450m into the start-up.", "$450m", 4.5e8, "USD"),
    ("Brussels promised €75 billion in grants.", "€75 billion", 7.5e10, "EUR"),
    ("The programme will cost 3.5 trillion yen over a decade.", "3.5 trillion yen", 3.5e12, "JPY"),
    ("A season ticket now costs £1,250 at the club.", "£1,250", 1250, "GBP"),
    ("Tuition rose to $12k for the year.", "$12k", 12000, "USD"),
    ("The miner was fined 820m euros by regulators.", "820m euros", 8.2e8, "EUR"),
    ("Profits reached US$3.1bn in the quarter.", "US$3.1bn", 3.1e9, "USD"),
    ("Sydney paid A$40m for the stadium roof.", "A$40m", 4e7, "AUD"),
    ("The winner takes home $2.5 million.", "$2.5 million", 2.5e6, "USD"),
    ("The bakery lost two million pounds in a year.", "two million pounds", 2e6, "GBP"),
    ("They agreed a 2.1bn-euro merger.", "2.1bn-euro", 2.1e9, "EUR"),
    ("Net profit rose to 41.5 mln dlrs.", "41.5 mln dlrs", 4.15e7, "USD"),
    ("The fund holds $6 bn in bonds.", "$6 bn", 6e9, "USD"),
])
def test_money_with_currency_and_scale(sentence, written, value, unit):
    f = one(sentence)
    assert (f.text, f.kind, f.unit) == (written, "money", unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, written, value, unit", [
    ("The shares slipped 7p in early trading.", "7p", 0.07, "GBP"),
    ("The shares closed at 415p on Friday.", "415p", 4.15, "GBP"),
    ("The payout is 35 euro cents a share.", "35 euro cents", 0.35, "EUR"),
    ("A stamp now costs 63 cents.", "63 cents", 0.63, "USD"),
    ("Milk went up by 3 pence a pint.", "3 pence", 0.03, "GBP"),
])
def test_pence_and_cents_are_normalised_to_the_main_unit(sentence, written, value, unit):
    f = one(sentence)
    assert (f.text, f.kind, f.unit) == (written, "money", unit)
    assert f.value == pytest.approx(value)


def test_percent_written_pc_and_currency_codes():
    f = one("Output fell 3pc in March.")
    assert (f.text, f.kind, f.value) == ("3pc", "percent", 3)
    f = one("The fund raised EUR 45m from pension schemes.")
    assert (f.text, f.kind, f.value, f.unit) == ("EUR 45m", "money", 4.5e7, "EUR")


def test_pounds_of_weight_are_not_money():
    assert [f.kind for f in figs("The boxer weighs 210 pounds before the fight.")] == []


# --- percentages ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, written, value", [
    ("Borrowing fell to 4.2% of national income.", "4.2%", 4.2),
    ("Turnout was 61 per cent in the city.", "61 per cent", 61),
    ("Support stands at 38 percent nationally.", "38 percent", 38),
])
def test_percentages(sentence, written, value):
    f = one(sentence)
    assert (f.text, f.kind, f.unit, f.value) == (written, "percent", "%", value)


def test_percentage_points_keep_their_own_unit():
    f = one("The lead narrowed by 1.5 percentage points overnight.")
    assert (f.kind, f.value, f.unit) == ("percent", 1.5, "percentage points")


def test_percentage_about_is_what_it_is_a_share_of():
    assert one("Spending will reach 2.8% of GDP by the end of the decade.").about == "GDP"


# --- ranges --------------------------------------------------------------------------

def test_range_with_both_units_written_gives_two_figures():
    found = figs("Analysts expect growth of 6%-7% next year.")
    assert [(f.text, f.value, f.kind) for f in found] == [("6%", 6, "percent"), ("7%", 7, "percent")]


def test_range_shares_the_unit_of_its_second_number():
    found = figs("Rents rose by between 4 and 9 per cent across the region.")
    assert [(f.text, f.value, f.kind) for f in found] == [("4", 4, "percent"), ("9 per cent", 9, "percent")]
    found = figs("Prices rose 3-5% in a month.")
    assert [(f.value, f.kind) for f in found] == [(3, "percent"), (5, "percent")]


def test_range_shares_scale_and_currency():
    found = figs("The refit will cost £4-5bn in total.")
    assert [(f.value, f.unit) for f in found] == [(4e9, "GBP"), (5e9, "GBP")]


def test_range_of_durations():
    found = figs("Repairs will take four to six weeks.")
    assert [(f.text, f.value, f.unit) for f in found] == [("four", 4, "week"), ("six weeks", 6, "week")]


# --- counts --------------------------------------------------------------------------

def test_count_with_qualifier_and_counted_thing():
    f = one("The ministry ordered more than 7,500 anti-tank rockets, officials said.")
    assert (f.text, f.kind, f.value, f.qualifier, f.unit) == (
        "more than 7,500", "count", 7500, "more than", "anti-tank rockets")


@pytest.mark.parametrize("sentence, written, value", [
    ("A dozen volunteers cleared the beach.", "A dozen", 12),
    ("Nearly half a million homes lost power.", "Nearly half a million", 5e5),
    ("The app has three and a half million users.", "three and a half million", 3.5e6),
    ("The region has 2.3 million residents.", "2.3 million", 2.3e6),
    ("Organisers counted 3m visitors over the summer.", "3m", 3e6),
    ("Almost 2.5m of the homes are empty.", "Almost 2.5m", 2.5e6),
    ("Forty-two lorries were stuck on the motorway.", "Forty-two", 42),
    ("The club sold three hundred and twenty shirts.", "three hundred and twenty", 320),
    ("The board fired nine executives.", "nine", 9),
    ("The firm employs 640 engineers.", "640", 640),
])
def test_counts_in_digits_and_words(sentence, written, value):
    f = one(sentence)
    assert (f.text, f.kind) == (written, "count")
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, qualifier", [
    ("About 300 firefighters attended.", "about"),
    ("Around 90 schools closed.", "around"),
    ("Up to 4,000 posts could go.", "up to"),
    ("Almost 600 flights were cancelled.", "almost"),
    ("At least 12 boats sank.", "at least"),
    ("The cut affects just under 2,000 tenants.", "just under"),
])
def test_qualifiers(sentence, qualifier):
    f = one(sentence)
    assert f.qualifier == qualifier
    assert f.text.lower().startswith(qualifier)


def test_hyphenated_counts():
    f = one("A 30-strong choir sang at the opening.")
    assert (f.text, f.kind, f.value) == ("30-strong", "count", 30)
    f = one("The 12-member panel met in private.")
    assert (f.text, f.kind, f.value) == ("12-member", "count", 12)


def test_counted_thing_stops_at_the_plural_noun():
    assert one("Rescuers found 40 stranded walkers sheltering in a barn.").unit == "stranded walkers"
    assert one("Officials from 31 European and Asian states attended.").unit == "European and Asian states"


# --- durations -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, written, value, unit", [
    ("Negotiators talked for 36 hours without a break.", "36 hours", 36, "hour"),
    ("The strike lasted three months.", "three months", 3, "month"),
    ("They agreed a two-week ceasefire.", "two-week", 2, "week"),
    ("The advert ends with a ten-second silence.", "ten-second", 10, "second"),
    ("The tunnel opened within six years of approval.", "within six years", 6, "year"),
    ("He served two and a half years in prison.", "two and a half years", 2.5, "year"),
])
def test_durations(sentence, written, value, unit):
    f = one(sentence)
    assert (f.text, f.kind, f.value, f.unit) == (written, "duration", value, unit)


def test_hyphenated_duration_is_about_the_noun_it_qualifies():
    assert one("Both sides accepted a one-month truce in the north.").about == "truce"


# --- about ---------------------------------------------------------------------------

def test_money_about_is_the_noun_phrase_it_measures():
    assert one("The government offered £3.2bn of export credit to the shipyard.").about == "export credit"
    assert one("She unveiled a £900m rescue package.").about == "rescue package"


def test_about_stops_before_a_new_clause_after_and():
    assert one("They will save £12bn of waste and hire more nurses.").about == "waste"


def test_about_falls_back_to_the_noun_before_of():
    assert one("The group reported annual profits of $4.1bn.").about == "annual profits"


def test_about_skips_a_converted_amount_in_brackets():
    found = figs("It agreed a $75m (£60m) settlement with investors.")
    assert [f.text for f in found] == ["$75m", "£60m"]
    assert found[0].about == "settlement"


# --- not figures ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The bridge was finished in 1998.",                      # year
    "The law changes in 2031, ministers said.",              # year
    "The hearing is on 12 May.",                             # date
    "The hearing is on November 3 in Leeds.",                # date
    "The 63-year-old was released without charge.",          # age
    "She was aged 29 when she left.",                        # age
    "Ms Okafor, 37, denies the charge.",                     # age
    "The senator, 71, said he would run again.",             # age
    "He finished fourth in the final.",                      # ordinal
    "It was their 14th win.",                                # ordinal
    "United won 4-2 at home.",                               # score
    "They drew 1-1 in the derby.",                           # score
    "Call 0161 496 0000 for details.",                       # phone number
    "The doors open at 19:30 and close at 2300.",            # times
    "The show starts at 8pm on Saturday.",                   # time
    "Tune in to Radio 5 tonight.",                           # part of a name
    "The Chicago Seven were tried together.",                # part of a name
    "Music from the 1960s filled the hall.",                 # decade
    "He spoke to the G7 and to Covid-19 experts.",           # codes
    "She lives at No 8 on the corner.",                      # label
    "The band's single went to No.2 and then #4.",           # label
    "The survey asked people aged between 18 and 34.",       # ages
    "One of them left early.",                               # a count of one
    "It was a 100m sprint.",                                 # metres, not millions
    "Workers built a 12m-high fence.",                       # metres, not millions
    "She won the 800m title in Rome.",                       # metres, not millions
    "She crossed the line in 10.85 seconds.",                # a race time
    "The shop is at 221 Baker Street.",                      # a street number
    "One in five adults cycles to work.",                    # a rate
    "Nine out of 10 owners would buy again.",                # a rate
    "Seven of 10 readers agreed.",                           # a rate
    "She hopes to run the company one day.",                 # "some day"
    "Demand grew ten times faster than supply.",             # a multiple
    "Several hundred fans waited outside.",                  # vague
    "Ticket sales reached the top 10 again.",                # a rank
    "Follow @river_204 for updates.",                        # a handle
])
def test_not_figures(sentence):
    assert [f.text for f in figs(sentence) if f.kind in ("money", "percent", "count", "duration")] == []


def test_list_numbers_at_line_start_are_not_counts():
    text = "Three steps:\n1. Wash the bowls.\n2. Dry them.\n"
    assert [f.text for f in figs(text)] == ["Three"]


def test_number_after_capitalised_word_at_sentence_start_is_still_a_count():
    f = one("Roughly 70 people marched.")
    assert (f.text, f.value) == ("Roughly 70", 70)


def test_capitalised_euro_is_a_tournament_not_a_currency():
    f = one("He is banned for four Euro qualifiers.")
    assert (f.kind, f.value, f.unit) == ("count", 4, "Euro qualifiers")


def test_capitalised_time_word_is_an_ordinal_not_a_unit():
    assert [f.kind for f in figs("Fixtures: June 12 First test, June 19 Second test.")] == []


def test_number_after_a_weekday_is_a_count():
    assert [f.text for f in figs("The union said that on Monday 400 staff walked out.")] == ["400"]


def test_capitalised_number_word_opening_a_sentence_is_a_count():
    found = figs("The rally was small. Eleven protesters turned up.")
    assert [(f.text, f.value) for f in found] == [("Eleven", 11)]


# --- number words --------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("seven", 7), ("nineteen", 19), ("sixty-three", 63), ("a dozen", 12), ("two dozen", 24),
    ("a hundred", 100), ("four hundred and six", 406), ("half a million", 5e5),
    ("three million", 3e6), ("two million five hundred thousand", 2.5e6),
])
def test_words_value(phrase, value):
    got = words_value(phrase)
    assert got is not None and got[0] == pytest.approx(value) and got[1] == len(phrase)


def test_words_value_stops_at_a_word_that_cannot_continue_the_number():
    assert words_value("five six") == (5, 4)
    assert words_value("million") is None
    assert words_value("half") is None


# --- a paragraph ---------------------------------------------------------------------

def test_a_paragraph_gives_each_figure_once_in_order_with_exact_offsets():
    text = ("The retailer, founded in 1987, said on 3 April that sales rose 6.5% to £2.9bn in the\n"
            "12 months to March. It will close around 40 stores and cut up to 1,100 jobs within\n"
            "two years; its 58-year-old chief executive called it \"the third plan in a decade\".")
    found = figs(text)
    assert [(f.text, f.kind) for f in found] == [
        ("6.5%", "percent"), ("£2.9bn", "money"), ("12 months", "duration"),
        ("around 40", "count"), ("up to 1,100", "count"), ("within\ntwo years", "duration")]
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert found[3].unit == "stores" and found[4].unit == "jobs"


# --- text is data --------------------------------------------------------------------

def test_markup_and_escapes_are_not_interpreted():
    text = clean_text("[bold]$5m[/bold] and \x1b[31m9%\x1b[0m")
    found = figs(text)
    assert [(f.text, f.value) for f in found] == [("$5m", 5e6), ("9%", 9)]


def test_no_break_spaces_inside_figures():
    text = "Rates rose 5\u00a0per cent to £1.6\u00a0bn, about\u00a03,000 jobs."
    assert [(f.text, f.value) for f in figs(text)] == [
        ("5\u00a0per cent", 5), ("£1.6\u00a0bn", 1.6e9), ("about\u00a03,000", 3000)]


def test_letters_that_change_length_when_lowered_keep_offsets_right():
    text = "İİİ In İstanbul three ferries and twelve buses stopped."
    assert [(f.text, f.value) for f in figs(text)] == [("three", 3), ("twelve", 12)]


def test_empty_and_numberless_text():
    assert figs("") == []
    assert figs("No numbers here at all.") == []
