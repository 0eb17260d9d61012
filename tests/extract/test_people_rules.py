"""People rules for news English, one row each: a made-up text, the people it names and the
capitalised runs that must not become people."""
from __future__ import annotations

import pytest

from store.extract import extract

ROWS = [
    # a name cut by the line break of a wrapped results list
    ("wrapped list", "Leading scores after the second round:\n137 Tom Vetrick 68 69, Walter\nPennock 70 67, Ann Lo 71 66\n",
     ["Walter", "Pennock"], []),
    ("wrapped list, second half", "Also qualified: Ann Lo, Sergei\nMakarovin (Russia), Tom Vetrick (Canada)\n",
     ["Makarovin"], []),
    # terms, laws, table headings and agencies are no people
    ("term and acronym", "Cases of Ovine Wasting Fever (OWF) rose, Ann Lo said.", ["Ann Lo"], ["Ovine Wasting"]),
    ("term ending: a law", "Backers of the Fishing Bill said it was fair.", [], ["Fishing"]),
    ("term ending: a table heading", "Dividend\nNewest Prior\nAmount $0.69 $0.69", [], ["Newest"]),
    ("the end of an organisation's name", "The Royal College of Dental Surgery said waits had grown.", [],
     ["Dental Surgery"]),
    ("the end of an organisation's name, 'for'", "The Institute for Vexmo Studies said, Ann Lo added.", ["Ann Lo"],
     ["Vexmo Studies"]),
    ("a title with 'of' still names a person", "Secretary of State Dav Perekh said it was wrong.", ["Dav Perekh"], []),
    ("a work set off by commas", "Their new album, Moon Vexmo, reached number one.", [], ["Moon Vexmo"]),
    ("a person set off by commas", "His lawyer, Ann Vexmo, said no.", ["Ann Vexmo"], []),
    # first names of other countries (lexicon/first-names-world.txt)
    ("a Romanian first name", "Ruxandra Vexmo beat Ann Lo in the final.", ["Ruxandra Vexmo", "Ann Lo"], []),
    ("news agency", "The official Tanvek news agency said Ann Lo had left.", ["Ann Lo"], ["Tanvek"]),
    ("quantity word", "Opac met on Monday.\n\nSeveral Opac members said a cut was unlikely.", [], ["Several"]),
    # teams in results and fixture lines that give each team's country
    ("fixture line", "Cup results:\nIn Vrenta: Dunmore Vrenta (Ruritania) 2 Kaslo Brenik (Moldavia) 1\n"
                     "Borel Dune (Ruritania) v Kaslo Brenik (Moldavia)\n", [], ["Dunmore", "Kaslo", "Borel"]),
    ("fixture line keeps a golf table", "Scores:\nWalter Pennock (Ruritania) 71\n70 Tom Vetrick (Moldavia)\n",
     ["Walter Pennock", "Tom Vetrick"], []),
    # role nouns and titles of news English
    ("role noun", "The storm will turn, in the view of hurricane forecaster Lixo Bretveld.", ["Lixo Bretveld"], []),
    ("role noun 2", "The fight was arranged by promoter Dacian Moravec in March.", ["Dacian Moravec"], []),
    ("title", "Monsignor Taviel Orsanto led the service.", ["Taviel Orsanto"], ["Monsignor"]),
    ("title with -General", "Attorney-General Taviel Orsanto filed the case.", ["Taviel Orsanto"], ["Attorney"]),
    # the Arabic article "al-"/"el-" in lower case inside a name
    ("al- particle", "Interior minister Faruk al-Marzavi led the talks on Monday.", ["Faruk al-Marzavi"], ["=Faruk"]),
    ("al- particle starts no name", "The daily al-Wasrah reported the talks had failed.", [], ["Wasrah"]),
    # a descriptor glued to the front of a name
    ("glued nationality noun", "The stage went to Dutchman Lixo Vaarnes, who was tired.", ["Lixo Vaarnes"], ["Dutchman"]),
    ("glued role noun", "The stage went to Teenager Lixo Vaarnes, who was tired.", ["Lixo Vaarnes"], ["Teenager"]),
    # goal scorers named by surname
    ("scorers after a score", "Summaries:\nRovena 3 (Brelko 12th, Vanchuk 40th 77th) Dalmora 0.\n",
     ["Brelko", "Vanchuk"], ["Rovena", "Dalmora"]),
    ("scorers line", "Rovena 2 Dalmora 1\nScorers: Brelko (12th minute), Vanchuk (40th)\n", ["Brelko", "Vanchuk"], []),
    # a common surname that is also a place word
    ("surname that is a place word", "Singer Lixo West said the tour was over. West, 30, will rest.", ["Lixo West"], []),
    ("place word stays a place", "Voters in West Virginia and Washington said the vote was close.", [], ["West", "Washington"]),
    # a name after a long role that opens the sentence
    ("name after a long role", "Head of research at Tarn Capital, Zorana Vetrick, agreed.", ["Zorana Vetrick"], []),
    # nouns for the people around someone: a neighbour, a flatmate, a landlord
    ("neighbour set off by commas", "Her neighbour, Dav Perekh, said the council was slow.", ["Dav Perekh"], []),
    ("landlord before a name", "The flat belongs to landlord Dav Perekh, who lives abroad.", ["Dav Perekh"], []),
    ("sentence-initial neighbour is no name", "Neighbour Dav Perekh, 41, said the council was slow.",
     ["Dav Perekh"], ["Neighbour"]),
    # a capitalised role noun inside a run: the full name after it is the person
    ("role noun inside a place run", '"No," Tarn City Public Advocate Dav Perekh said.', ["Dav Perekh"], ["Tarn"]),
    ("role noun inside an outlet run", "Vexmo Gazette Reporter Ann Lo wrote the story.", ["Ann Lo"], ["Gazette"]),
    # a role noun opening a sentence before one word: a descriptor and a mononym
    ("role noun opening a sentence", 'Rapper Vexmo has pledged money. "I owe it all," Vexmo said.', ["Vexmo"], ["Rapper"]),
    ("role noun that is also a first name", "Son Vexmo has pledged money.", ["Son Vexmo"], []),
    ("an employer after a role and 'at'", "Head of infrastructure at Riverside Homes, Lena Marsh, agreed.",
     ["Lena Marsh"], ["Riverside"]),
    ("an employer after a plural role and 'at'", 'Analysts at Vexmo Tarn said the fine was "manageable".', [],
     ["Vexmo"]),
    ("employer counter-case: a verb before 'at'", "The coach looked at Lena Marsh, who nodded.", ["Lena Marsh"], []),
    ("a firm after a long phrase stays a firm", "Its parent company, Tarn Holdings, said profits rose.", [], ["Tarn"]),
    # mononyms in a list after a plural role noun
    ("mononyms after plural role", "The bill has rappers such as Vexdrill, Korvo and Skandi.", ["Vexdrill", "Korvo", "Skandi"], []),
    ("a firm after a firm role stays a firm", "Investors such as Vexdrill bought shares.", [], ["Vexdrill"]),
    ("a possessive club stays a club", "He picked veterans including Vexdrill's Tom Vetrick.", ["Tom Vetrick"], ["=Vexdrill"]),
    # "Day" is a surname as well as a word of organisations ("Labour Day")
    ("surname Day", '"You are no longer welcome," said Kristen Day, who leads the group.', ["Kristen Day"], []),
    # a political action committee is no person, however it is spelt
    ("PAC", '"It is a disgrace," Zorana Vetrick, who is chairman of Our Principles Pac said on Monday.',
     ["Zorana Vetrick"], ["Pac"]),
    # an ordinary capitalised word next to a surname is no first name
    ("opener after the surname came", "Ann Lo met President Vardek on Monday.\n\n"
     "Vardek said he was pleased. Given Vardek's record, few were surprised.", ["Vardek"], ["Given"]),
    ("opener counter-case: a rare first name given again", "Talmo Vardek met the council.\n\n"
     "Vardek said he was pleased. The council thanked Talmo Vardek later.", ["Talmo Vardek"], []),
    ("opener counter-case: the full name's first mention", "Professor Vardek's war.\n\n"
     "Talmo Vardek was once a teacher. Vardek said he was pleased.", ["Talmo Vardek"], []),
    ("a headline's word the story never uses again", "Derelict Vardek and Lo;\nA plan for the port.\n\n"
     "President Vardek spoke on Monday. Vardek said it was fine.", ["Vardek"], ["Derelict"]),
    ("headline counter-case: the story gives the full name", "Talmo Vardek wins the vote.\n\n"
     "Talmo Vardek, the mayor, spoke on Monday. Vardek said it was fine.", ["Talmo Vardek"], []),
    ("sentence adverb", "Ann Lo met Talmo Brevik, a farmer. Interestingly Brevik, a farmer, said he was pleased."
     " Brevik left.", ["Talmo Brevik"], ["Interestingly"]),
    ("a word before the first name of someone named in full", "Ann Lo spoke first. Bernard Quell spoke next. "
     "Quell said he had won. Fans cheered Crazy Bernard at the rally, and Bernard waved.", ["Bernard Quell"], ["Crazy"]),
    ("a word the text writes in lower case before a known surname", "Donald Vrask spoke. The Halt Vrask "
     "campaign grew, and Vrask said it would halt soon.", ["Donald Vrask"], ["Halt"]),
    ("epithet counter-case: no namesake", "Crowds prayed for Mother Vesna. Vesna was ill, the mother of "
     "the order said.", ["Mother Vesna"], []),
    ("an unknown word before a full name given alone", "Ann Lo met Jeb Vrask. The crowd booed Lo after "
     "Telling Jeb Vrask to stop, and Vrask left.", ["Jeb Vrask"], ["Telling"]),
    # a plural title names several people
    ("plural title", "Tom Orlik served under Presidents Vardek and Quell in the 1990s.", ["Vardek"], ["Presidents"]),
    ("plural title needs a list", "Ann Lo, whose Delegates Unbound group is new, spoke.", ["Ann Lo"], ["Unbound"]),
    ("plural title before a full name", "Among them are Senators Mitch Vardek, the leader, and Ann Lo.",
     ["Mitch Vardek"], ["Senators"]),
    # a headline in Title Case run into the text
    ("title case: a known first name up to the surname", "Related: Hillary Vardek Put On The Defensive Over "
     "Trade. Vardek said she was calm.", ["Hillary Vardek"], ["Put"]),
    ("title case: no first name, no one", "He wrote that electing her is More Important Than Electing Vardek "
     "in 2008. Ann Lo agreed. Vardek said so.", ["Ann Lo"], ["Important", "Electing"]),
    ("title case counter-case: a surname that is a small word", 'Ann Lo met Tom Will. "Fine," said Al From, '
     "who was tired.", ["Tom Will", "Al From"], []),
    # a surname before a title is no first name
    ("surname before a title", "The note went to Vardek Chief of Staff Ann Lo. Quinn Vardek read it and "
     "Vardek signed.", ["Ann Lo", "Quinn Vardek"], ["Vardek Chief"]),
    # a slogan verb, participle or intensifier before a known person's surname is no first name
    ("slogan verb before a known surname", "Donald Vrask spoke. The Stop Vrask group met, and Vrask left.",
     ["Donald Vrask"], ["Stop"]),
    ("participle before a known surname", "Donald Vrask won. Critics kept Rebuking Vrask, and Vrask shrugged.",
     ["Donald Vrask"], ["Rebuking"]),
    ("intensifier before a known surname", "Helena Vrask won. The ad was titled A Very Vrask Holiday, and "
     "Vrask laughed.", ["Helena Vrask"], ["Very"]),
    ("a common noun before a full name", "Deputy Chief of Staff Talmo Vrask met the staff. Vrask left.",
     ["Talmo Vrask"], ["Staff"]),
    ("relative counter-case: a rare first name before a known surname", "Donald Vrask spoke. Later Zerelda Vrask "
     "spoke too. Vrask left.", ["Donald Vrask", "Zerelda Vrask"], []),
    # comment-section buttons glued to a name
    ("glued page furniture", "The vote is close. Julia VraskFlagShareLikeReplyAnn Lo 5pts\n", ["Julia Vrask"],
     ["Flag", "Reply"]),
    ("glued page furniture after a name", "The vote is close. Julia Vrask FlagShareLikeReplyAnn Lo 5pts\n",
     ["Julia Vrask"], ["Flag", "Reply"]),
    ("glue counter-case: one inner capital", "Peter McVrask met Ann DeLora on Monday.", ["Peter McVrask", "Ann DeLora"], []),
    # a capital "The" inside a sentence opens a show's or a paper's title
    ("title of a work", "She spoke on Fox News' The Kelly Vrask File on Monday, and wrote to the paper, "
     "The Perry Chief, about it.", [], ["=Kelly Vrask", "Perry"]),
    # "<people>-born" before a name describes it ("South Korean-born" is no place in the name)
    ("born in a place", 'South Korean-born Ruth Vardek sang. "It was fine," said Vardek, 44.', ["Ruth Vardek"],
     ["South"]),
    ("born in a place: a word after it", "His father, a Cuban-born Christian minister, spoke.", [], ["Christian"]),
    # an unknown first name before the surname of someone known, with evidence of its own: a relative
    ("relative with a rare first name", "President Boris Vrask spoke. Nairae Vrask, wife of the president, "
     "was ill. Vrask left.", ["Boris Vrask", "Nairae Vrask"], []),
    ("relative named with a kin word", "Officers shot Boris Vrask on Monday. Vrask was hurt.\n\n"
     'Zarina Vrask can be heard telling them that her husband was hurt. "Stop," she says.',
     ["Boris Vrask", "Zarina Vrask"], []),
    ("relative counter-case: a function word", "Boris Vrask spoke. Neither Vrask, who was tired, nor Ann Lo "
     "stayed.", ["Boris Vrask"], ["Neither"]),
    ("relative counter-case: the end of a longer name", "Ana Sanchez Vrask won. Sanchez Vrask, the champion, "
     "was tired. Vrask left.", ["Ana Sanchez Vrask"], ["=Sanchez Vrask"]),
    ("relative counter-case: a hyphenated common noun", "Tom Vrask played. Left-back Vrask, 27, replaces him.",
     ["Tom Vrask"], ["Left-back"]),
    # UTF-8 read as Latin-1 or cp1252 ("é" as "Ã©"), and accents written as combining marks
    ("mojibake inside a name", '"We agree," said President Ren\u00c3\u00a9 Vardek on Monday.',
     ["Ren\u00c3\u00a9 Vardek"], ["=Ren\u00c3"]),
    ("mojibake twice over, a combining tilde", '"We agree," President Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois '
     "Vardek said.", ["Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois Vardek"], []),
    ("a combining accent", "The prize went to Jose\u0301 Vardek, who thanked them.", ["Jose\u0301 Vardek"], []),
    ("mojibake counter-case: quotes and spaces after a lead letter", "\u00c3 note: Ann Lo\u00a0said \u00abno\u00bb.",
     ["Ann Lo"], ["said"]),
    # a nickname in quotes between the first name and the surname
    ("nickname in quotes", 'The pilot, John “Ace” Vardek, landed. “It was rough,” Vardek said.',
     ["John Vardek"], ["Ace"]),
    ("nickname of two words", 'Rival fans booed Ann "Big Red" Lo, and "We won," Lo said.', ["Ann Lo"], ["Big", "Red"]),
    ("nickname counter-case: a quote after a first name", 'He told John "No." Then Ann Lo left.', ["Ann Lo"], ["No"]),
    # a word named alone as a speaker, shown as a person elsewhere in the text
    ("lone speaker: who", '"We will stay," said Vardek, who flew home on Monday.', ["Vardek"], []),
    ("lone speaker: an age", '"It was a shock," said Vardekes, 44. "I had no idea."', ["Vardekes"], []),
    ("lone speaker: a known first name in a show's title", 'She spoke on "The Ruth Vardek Hour" on Monday.'
     '\n\n"Is that a yes?" Vardek asked.', ["Vardek"], []),
    ("lone speaker: a role after the full name", "The plan came from Bay Vardek, national treasurer for the "
     'campaign.\n\n"We counted them," Vardek said.', ["Vardek"], []),
    ("lone speaker counter-case: a firm, which", '"Sales rose," Zentrix said. Zentrix, which makes pumps, '
     "grew.", [], ["Zentrix"]),
    ("lone speaker counter-case: an agency with no person's sign", '"The talks failed," Tanvek said, citing '
     "officials.", [], ["Tanvek"]),
    ("lone speaker counter-case: a plural of a group", 'Many Zorbans said "no". Zorbans, who vote in May, '
     "are split, and the Zorban vote is close.", [], ["Zorbans"]),
    ("lone speaker counter-case: a team", '"We will rebuild," Zorvans said. The Zorvans, who lost, '
     "left.", [], ["Zorvans"]),
    ("lone speaker counter-case: a word", '"Fine," Just said, and from then on, just a man, who left.', [], ["Just"]),
    ("title of a work counter-case: a sentence opening with The", "The Kelly Vrask interview ran. Later, Kelly "
     "Vrask said it was fine.", ["Kelly Vrask"], []),
]


@pytest.mark.parametrize("rule, text, found, not_found", ROWS, ids=[r[0] for r in ROWS])
def test_people_rule(rule, text, found, not_found):
    names = {p.name for p in extract(text).people}
    for name in found:
        assert name in names, (name, names)
    for name in not_found:      # "=Name": not this person; "Word": in no person's name
        assert (name[1:] not in names) if name[0] == "=" else not any(name in n for n in names), (name, names)


@pytest.mark.parametrize("text, name, gender", [
    ("The baker's daughter Wren said the shop would stay open.", "Wren", "f"),
    ("Mr Cole's son Tarquin said the farm was doing well.", "Tarquin", "m"),
    ("The mayor's wife Alex said the shop would stay open.", "Alex", "f"),
    ("The mayor's partner Thomas said the shop would stay open.", "Thomas", "m"),
    # a kin word says more than a first name shared by men and women
    ('"It is wrong," said 9/11 widow Terry Strand.', "Terry Strand", "f"),
    ('"It is wrong," said Terry Strand, her husband.', "Terry Strand", "m"),
])
def test_gender_from_a_kin_role(text, name, gender):
    assert {p.name: p.gender for p in extract(text).people}.get(name) == gender


def test_a_kin_role_gives_a_pronoun_its_speaker():
    text = 'The baker\'s daughter Wren said the shop would stay open. "We love it here," she said.'
    q = extract(text).quotes[0]
    assert q.speaker == "Wren"


def test_a_full_name_does_not_join_a_surname_of_the_other_gender():
    # "Mr. Vardek" is a man: "Celia Vardek" (a woman's first name) is someone else, and his
    # gender does not become hers
    text = ("As President Vardek faced criticism, Mr. Vardek stayed calm. Celia Vardek hosted the party. "
            '"It was fun," she said.')
    people = {p.name: p for p in extract(text).people}
    assert people["Celia Vardek"].gender == "f"
    assert people["Vardek"].gender == "m"
    assert (text.index("President"), text.index(" faced")) in people["Vardek"].mentions
    assert extract(text).quotes[0].speaker == "Celia Vardek"
