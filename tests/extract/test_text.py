from store.extract.text import paragraphs, sentences


def split(text):
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Brown met Dr. Green at No. 10 on Monday. The U.S. Senate voted later."
    assert split(text) == ["Mr. Brown met Dr. Green at No. 10 on Monday.", "The U.S. Senate voted later."]


def test_us_before_a_common_word_ends_the_sentence():
    text = "The talks moved to the U.S. The delegates flew home."
    assert split(text) == ["The talks moved to the U.S.", "The delegates flew home."]


def test_initials_stay_in_a_name():
    assert split("Leonard E. Burman said so. Then he left.") == ["Leonard E. Burman said so.", "Then he left."]


def test_cue_after_a_closing_quote_stays_in_the_quote_sentence():
    text = "“We will never give up!” Ms Okafor wrote on her blog. The vote is on Friday."
    assert split(text) == ["“We will never give up!” Ms Okafor wrote on her blog.", "The vote is on Friday."]


def test_a_new_statement_after_a_quote_is_its_own_sentence():
    text = 'He called it "a disgrace." Mayor Ellis said the city would appeal the ruling next month.'
    assert split(text) == ['He called it "a disgrace."', "Mayor Ellis said the city would appeal the ruling next month."]


def test_full_stop_inside_closing_quote_ends_even_after_no():
    assert split('He said "No." The room went quiet.') == ['He said "No."', "The room went quiet."]


def test_lower_case_after_question_mark_in_quote_continues():
    text = '"Is it over?" she asked. "Yes," he said.'
    assert split(text) == ['"Is it over?" she asked.', '"Yes," he said.']


def test_paragraphs_by_line_and_by_blank_line():
    text = "Headline here\n\nFirst paragraph.\nSecond paragraph.\n\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Headline here", "First paragraph.", "Second paragraph."]


def test_hard_wrapped_lines_are_one_paragraph():
    text = "A long sentence that the writer\nwrapped by hand over\nthree lines.\n\nAnother one."
    assert [text[s:e] for s, e in paragraphs(text)] == [text[:-14], "Another one."]


def test_sentences_never_cross_paragraphs():
    text = "He left early\n\nShe stayed."
    assert split(text) == ["He left early", "She stayed."]


def test_title_abbreviations_do_not_end_a_sentence():
    text = "“It is over,” said Del. Ann Lo of the islands. Sens. Kim Vale and Lee Park agreed."
    assert [text[s:e] for s, e in sentences(text)] == [
        "“It is over,” said Del. Ann Lo of the islands.", "Sens. Kim Vale and Lee Park agreed."]


def test_a_paragraph_opening_in_lower_case_after_an_unfinished_one_is_the_same_paragraph():
    text = 'Tom Bell spoke on Monday. "We will not back down," he\nsaid later.\n\nThe vote is on Friday.'
    assert [text[s:e] for s, e in paragraphs(text)] == [
        'Tom Bell spoke on Monday. "We will not back down," he\nsaid later.', "The vote is on Friday."]
