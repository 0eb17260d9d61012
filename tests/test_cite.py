import pytest

from store.cite import cite

ROW = {"text": "It’s time to step up and lead,", "kind": "full", "speaker": "Ann Lee", "role": "prime minister",
       "title": "Leaders meet", "source": "The Example", "published": "2025-03-02T09:30:00Z",
       "url": "https://example.org/leaders"}


def test_plain_citation_with_all_metadata():
    assert cite(ROW) == ("“It’s time to step up and lead.” — Ann Lee, prime minister, quoted in “Leaders meet”, "
                         "The Example, 2025-03-02. https://example.org/leaders")


def test_missing_metadata_is_left_out_never_none():
    row = {"text": "We are ready", "kind": "full", "speaker": None, "title": "Leaders meet", "source": None}
    out = cite(row)
    assert out == "“We are ready” — Unknown speaker, quoted in “Leaders meet”."
    assert "None" not in out
    assert cite({"text": "Hi"}) == "“Hi” — Unknown speaker."


def test_partial_quote_loses_dangling_comma_but_gains_no_full_stop():
    row = dict(ROW, text="a stunt,", kind="partial", role=None, url=None)
    assert cite(row).startswith("“a stunt” — Ann Lee, quoted in")


def test_markdown_style_is_a_blockquote_with_the_citation_after():
    lines = cite(ROW, style="markdown").split("\n")
    assert lines[0] == "> “It’s time to step up and lead.”"
    assert lines[1] == ">"
    assert lines[2].startswith("> — Ann Lee, prime minister, quoted in “Leaders meet”")
    assert lines[2].endswith("<https://example.org/leaders>")


def test_escapes_removed_and_lines_joined():
    row = {"text": "Line one\n\x1b[31mline two\x1b[0m", "kind": "full", "speaker": "Ann\x07 Lee"}
    assert cite(row) == "“Line one line two” — Ann Lee."


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError, match="unknown citation style"):
        cite(ROW, style="apa")


def test_organisation_source_is_cited_when_no_person_said_it():
    row = {"text": "Trump exaggerates", "kind": "partial", "speaker": None, "organisation": "PolitiFact",
           "role": "spokesman", "title": "Fact check", "source": "Daily Example", "published": "2016-09-30"}
    assert cite(row) == "“Trump exaggerates” — PolitiFact, quoted in “Fact check”, Daily Example, 2016-09-30."


def test_a_person_wins_over_an_organisation():
    row = {"text": "Hi", "speaker": "Ann Lee", "organisation": "PolitiFact"}
    assert cite(row) == "“Hi” — Ann Lee."


def test_a_withheld_guess_is_never_cited_as_the_speaker():
    """A quote whose speaker byline only guessed (likely, low confidence) copies as
    "speaker unconfirmed", the guess in brackets, and no role."""
    row = {"text": "It is a stunt,", "kind": "full", "speaker": None, "likely": "Ann Cole", "role": "mayor",
           "confidence": 0.62, "title": "Council budget", "source": "The Example"}
    assert cite(row) == ("“It is a stunt.” — speaker unconfirmed (likely Ann Cole), quoted in “Council budget”, "
                         "The Example.")
    assert cite(row, "markdown").split("\n")[2] == (
        "> — speaker unconfirmed (likely Ann Cole), quoted in “Council budget”, The Example.")
    assert cite({"text": "Hi", "likely": "Ann\x1b[31m Cole\n"}) == "“Hi” — speaker unconfirmed (likely Ann Cole)."


def test_an_unnamed_source_is_cited_as_the_text_describes_it():
    row = {"text": "The money is there,", "kind": "full", "speaker": None, "described": "a council\nspokesperson",
           "title": "Council budget"}
    assert cite(row) == "“The money is there.” — a council spokesperson, quoted in “Council budget”."
    # a named person or organisation wins over both
    assert cite(dict(row, speaker="Ann Cole", likely="Bea Hart")).startswith("“The money is there.” — Ann Cole,")
    assert "PolitiFact, quoted" in cite(dict(row, organisation="PolitiFact"))


def test_a_relayed_quote_credits_the_relay_in_every_style():
    """`"…," Bo Marsh said, according to the Harbor Gazette`: the speaker keeps the quote,
    the citation says who reported it first and where it was quoted."""
    row = {"text": "We will not protest,", "kind": "full", "speaker": "Bo Marsh", "via": "the Harbor Gazette",
           "title": "Delegates meet", "source": "The Example", "author": "Jane Doe", "published": "2025-03-02"}
    assert cite(row) == ("“We will not protest.” — Bo Marsh, as reported by the Harbor Gazette, quoted in "
                         "“Delegates meet” by Jane Doe, The Example, 2025-03-02.")
    assert cite(row, "markdown").split("\n")[2] == (
        "> — Bo Marsh, as reported by the Harbor Gazette, quoted in “Delegates meet” by Jane Doe, The Example, "
        "2025-03-02.")
    assert cite(row, "ap") == ("“We will not protest,” Bo Marsh said, according to the Harbor Gazette, as reported "
                               "by Jane Doe of The Example on March 2, 2025.")
    assert cite(dict(row, role="senator")).startswith(
        "“We will not protest.” — Bo Marsh, senator, as reported by the Harbor Gazette, quoted in")


def test_a_relayed_guess_names_the_relay_inside_the_brackets():
    row = {"text": "We will not protest,", "kind": "full", "speaker": None, "likely": "Bo Marsh",
           "via": "Metro\nRadio", "title": "Delegates meet"}
    assert cite(row) == ("“We will not protest.” — speaker unconfirmed (likely Bo Marsh, reported by Metro Radio), "
                         "quoted in “Delegates meet”.")
    assert cite(row, "ap") == ("“We will not protest,” an unconfirmed speaker (likely Bo Marsh, reported by Metro "
                               "Radio) said.")
    # an unnamed source relayed: described, then the relay
    assert cite(dict(row, described="the judge", likely=None)) == (
        "“We will not protest.” — the judge, as reported by Metro Radio, quoted in “Delegates meet”.")
    assert cite(dict(row, via="  ")) == ("“We will not protest.” — speaker unconfirmed (likely Bo Marsh), "
                                          "quoted in “Delegates meet”.")


# ---- styles, with the article's author, outlet, date and URL present and absent ----------

from store.cite import STYLES, ap_date, cite_article, cite_passage  # noqa: E402

FULL = dict(ROW, author="Jane Doe")
BARE = {"text": "It’s time to step up and lead,", "kind": "full", "speaker": "Ann Lee", "role": "prime minister"}


def test_plain_names_the_author_after_the_title():
    assert cite(FULL) == ("“It’s time to step up and lead.” — Ann Lee, prime minister, quoted in “Leaders meet” by "
                          "Jane Doe, The Example, 2025-03-02. https://example.org/leaders")
    untitled = dict(FULL, title=None)
    assert "quoted in an article by Jane Doe, The Example, 2025-03-02." in cite(untitled)


def test_markdown_style_with_the_author():
    assert cite(FULL, "markdown") == ("> “It’s time to step up and lead.”\n>\n> — Ann Lee, prime minister, quoted in "
                                      "“Leaders meet” by Jane Doe, The Example, 2025-03-02. "
                                      "<https://example.org/leaders>")


def test_ap_style_quote_then_speaker_said_then_who_reported_it_and_when():
    assert cite(FULL, "ap") == ("“It’s time to step up and lead,” Ann Lee, prime minister, said, as reported by "
                                "Jane Doe of The Example on March 2, 2025. https://example.org/leaders")
    assert cite(ROW, "ap") == ("“It’s time to step up and lead,” Ann Lee, prime minister, said, as reported by "
                               "The Example on March 2, 2025. https://example.org/leaders")
    assert cite(BARE, "ap") == "“It’s time to step up and lead,” Ann Lee, prime minister, said."
    asked = {"text": "Why now?", "kind": "full", "speaker": None, "likely": "Ann Cole", "published": "2024-09-05"}
    assert cite(asked, "ap") == "“Why now?” an unconfirmed speaker (likely Ann Cole) said, as reported on Sept. 5, 2024."
    assert cite({"text": "Hi."}, "ap") == "“Hi,” an unknown speaker said."


def test_ap_dates_abbreviate_the_long_months_only():
    assert [ap_date(f"2025-{m:02d}-01") for m in (1, 3, 6, 8, 9, 12)] == [
        "Jan. 1, 2025", "March 1, 2025", "June 1, 2025", "Aug. 1, 2025", "Sept. 1, 2025", "Dec. 1, 2025"]
    assert ap_date("2025-03-02T09:30:00Z") == "March 2, 2025"
    assert ap_date("Fri, 01 Jan 2010") == "Fri, 01 Jan 2010"        # not ISO: as given
    assert ap_date(None) is None


@pytest.mark.parametrize("style", STYLES)
def test_without_metadata_every_style_leaves_it_out(style):
    out = cite(BARE, style) + cite_passage("A sentence.", {}, style) + cite_article({}, style)
    assert "None" not in out and "http" not in out and " by " not in out and "reported" not in out


def test_a_sentence_and_a_figure_are_cited_to_their_article():
    assert cite_passage("Spending rose.", FULL) == ("“Spending rose.” — “Leaders meet” by Jane Doe, The Example, "
                                                    "2025-03-02. https://example.org/leaders")
    assert cite_passage("It cost £5m.", FULL, figure="£5m").startswith("£5m: “It cost £5m.” — “Leaders meet”")
    assert cite_passage("Spending rose.", FULL, "markdown") == (
        "> “Spending rose.”\n>\n> — “Leaders meet” by Jane Doe, The Example, 2025-03-02. <https://example.org/leaders>")
    assert cite_passage("Spending rose.", FULL, "ap") == ("As reported by Jane Doe of The Example on March 2, 2025: "
                                                          "“Spending rose.” https://example.org/leaders")
    assert cite_passage("Spending rose.", {}) == "“Spending rose.”"
    assert cite_article(FULL, "ap") == ("“Leaders meet”, as reported by Jane Doe of The Example on March 2, 2025. "
                                        "https://example.org/leaders")
