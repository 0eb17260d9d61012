"""One row per attribution decision (store.model.Sieve): a made-up article, the quote, and
who byline says spoke it. Adding a sieve adds a row here."""
from __future__ import annotations

import pytest

from store.extract import extract
from store.extract.quotes.sieves import SIEVES
from store.model import Sieve

ROWS = [
    (Sieve.VERB_NAME, 'The plan is sound. "We will win," said Ann Lo, the party leader.', "We will win,", "Ann Lo"),
    (Sieve.DASH, 'Fans wrote in.\n\n"Best show of the year." ― Martha Aguilar', "Best show of the year.", "Martha Aguilar"),
    (Sieve.ACCORDING_TO, 'The vote was close. "It was a fair count", according to Ann Lo.', "It was a fair count", "Ann Lo"),
    (Sieve.PRONOUN, 'Ann Lo spoke on Monday. "We will win," she said.', "We will win,", "Ann Lo"),
    (Sieve.CONTINUATION, 'Ann Lo spoke on Monday. "We will win," she said. "And we will govern."',
     "And we will govern.", "Ann Lo"),
    (Sieve.PARTIAL_SUBJECT, 'Ann Lo called the vote "a disgrace" on Monday.', "a disgrace", "Ann Lo"),
    (Sieve.POSSESSIVE, 'Ann Lo said Europe needed a "coalition of the willing". Voters joined Lo’s '
     '"coalition of the willing" on Monday.', "coalition of the willing", "Ann Lo"),
    (Sieve.HEADLINE, "Lo 'will not tolerate' attacks\n\nAnn Lo, the party leader, spoke on Monday.",
     "will not tolerate", "Ann Lo"),
    (Sieve.LABEL, 'Ann Lo and Tom Bell debated.\n\nLo: "We will win."', "We will win.", "Ann Lo"),
    # no person: the decision is kept, the speaker is unknown
    (Sieve.ORGANISATION, 'The vote was close. "It was a fair count," the Electoral Commission said.',
     "It was a fair count,", None),
    (Sieve.UNNAMED, 'The vote was close. "It was a fair count," officials said.', "It was a fair count,", None),
    (Sieve.PASSIVE, 'Ann Lo has been accused of "bullying" her staff.', "bullying", None),
    (Sieve.DOCUMENT, 'Ann Crosby left. Ms Crosby\'s statement said: "We made an impact."', "We made an impact.", "Ann Crosby"),
    (Sieve.REJECTED, 'Minister Tom Hale dismissed claims that the plan was "a shambles".', "a shambles", None),
    (Sieve.CLOSING, 'The plan will "cost billions" and "help no one," budget analyst Tom Ek said on Monday.',
     "cost billions", "Tom Ek"),
    (Sieve.AMBIGUOUS, 'The count ended. "We will win." Tom Bell said the plan would fail.', "We will win.", None),
    (Sieve.REPORTED_CLAUSE, 'Ann Lo said the audit was "thorough" and that Tom Bell faced a "long inquiry".',
     "long inquiry", "Ann Lo"),
    (Sieve.TITLE, 'Tom Hale tweeted a reference to the blockbuster "Space Raiders" sequel.', "Space Raiders", None),
    (Sieve.SENTENCE_SUBJECT, 'Mayor Ann Lo has long pushed her promise of "free buses" for pensioners.',
     "free buses", "Ann Lo"),
]


@pytest.mark.parametrize("sieve, text, quote, speaker", ROWS, ids=[r[0].value for r in ROWS])
def test_each_decision(sieve, text, quote, speaker):
    found = [q for q in extract(text).quotes if q.text == quote]
    assert found, f"no quote {quote!r}"
    q = found[-1]
    assert (q.sieve, q.speaker) == (sieve, speaker)


def test_every_decision_has_a_row():
    assert {r[0] for r in ROWS} == set(Sieve)


def test_sieves_are_plain_functions_in_priority_order():
    names = [s.__name__ for s in SIEVES]
    assert names.index("verb_name_after") < names.index("continuation") < names.index("reported_before")
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("text, quote, speaker", [
    # a document goes on: "It added"
    ('Ann Crosby left. Ms Crosby\'s statement said: "We made an impact." It added: "Others will follow."',
     "Others will follow.", "Ann Crosby"),
    # someone's spokesman or lawyer is not them; a firm's statement is nobody's
    ('Tom Smith was cleared. Mr Smith\'s spokesman said: "He is innocent."', "He is innocent.", None),
    ('The firm\'s statement said: "We are proud."', "We are proud.", None),
    # a speech verb with no subject of its own goes on with the speaker before
    ('Ms Ann Jowell insisted: "We have a good record." And continued: "We can be proud."', "We can be proud.",
     "Ann Jowell"),
    # British doubling: labelled
    ('Union leader Ann Cole labelled the offer "an insult".', "an insult", "Ann Cole"),
    # a relative clause naming its speaker beats the main clause's passive
    ('The plan was attacked by councillor Ann Ree, who called it "a disgrace".', "a disgrace", "Ann Ree"),
    ('His claims were denied by Foreign Secretary Tom Hale, who accused the Tories of "running scared".',
     "running scared", "Tom Hale"),
    # "his claims" is a noun, not a speech verb
    ('His claims were reported by Tom Hale on Monday as "wild".', "wild", None),
    # a transcript quoted line by line
    ('Mike Pence and Chris Wallace spoke.\n\n"WALLACE: Will she be there?\n\n"PENCE: Well, look, no.',
     "PENCE: Well, look, no.", "Mike Pence"),
    # a closing clause naming two people is no cue for the quotes before it
    ('Tom Ek "won easily" among older voters, said pollster Ann Ray of the Tom Ek Institute.', "won easily", None),
    # speech verbs from WordNet's communication verbs, and every finite speech verb after a quote
    ('Tom Hale took questions. "Go back to your seat," Hale barked.', "Go back to your seat,", "Tom Hale"),
    ('Ann Lo and Tom Hale argued. "Why is this not proof?" Lo demanded.', "Why is this not proof?", "Ann Lo"),
    ('"Would it be negotiable?" Ann Lo pressed on Monday.', "Would it be negotiable?", "Ann Lo"),
    # an open quote followed by someone else's cue does not go on the speaker before
    ('"We will win," Ann Lo said. "Nothing changes," the Daily Post reported on Monday.', "Nothing changes,",
     None),
    ('"We will win," Ann Lo said. "Not so fast," Tom Hale retaliated.', "Not so fast,", "Tom Hale"),
    ('"We will win," Ann Lo said. "Can you name one thing?" Tom Hale answers.', "Can you name one thing?", "Tom Hale"),
    # a name before an associate noun qualifies it: the associate speaks
    ('Ted Cruz spoke. "It is over," said Cruz constituent Dan Golvach.', "It is over,", "Dan Golvach"),
    ('Tom Hale spoke. "Meh," wrote a Hale supporter on Facebook.', "Meh,", None),
    # a little narrative naming nobody else does not break a speaker's run
    ('"It is late," Ms Ann Voss said. The vote is due on Friday. "We are ready."', "We are ready.", "Ann Voss"),
    ('"It is late," Ms Ann Voss said. Mr Tom Kay disagreed. "We are ready."', "We are ready.", None),
    # an unnamed reporter gives way to a named speaker later in the sentence
    ('Tom Hale spoke. The advert ends with footage of Hale saying, "That makes me smart."',
     "That makes me smart.", "Tom Hale"),
    # a pronoun does not return to a name used as a modifier, or to the subject of reported words
    ('Ann Hale spoke first. "We are in full panic mode," said Jo Marsh, a local organiser.\n\n'
     'Marsh believes the Hale campaign took voters for granted.\n\n"They have a big problem," she said.',
     "They have a big problem,", "Jo Marsh"),
    ('Ann Hale visited the town.\n\nMcLenny said Hale does not show concern.\n\n"It is only for the cameras," she said.',
     "It is only for the cameras,", None),
    # someone introduced with their role just before a quote paragraph is its speaker, when
    # the pronoun fits them; when it does not, the subject before stays
    ('Tom Obey spoke at the rally.\n\nWhile Obey had singers, that concerns Bo Crane, head of the caucus.\n\n'
     '"No one is writing songs for her," he said.', "No one is writing songs for her,", "Bo Crane"),
    ('Tom Obey spoke at the rally.\n\nWhile Obey had singers, that worries Ann Crane, head of the caucus.\n\n'
     '"No one is writing songs for her," he said.', "No one is writing songs for her,", "Tom Obey"),
    # "ally" is no adverb: the name before it qualifies it
    ('Rick Scott is governor. Carlos Beruff, a Scott ally, called the plan "strong."', "strong.", "Carlos Beruff"),
    # a second partial quote in the same reported clause goes on with its speaker ("touting" is no cue)
    ('Ann Eavis said it would be "quite a big step" and they were "going as far as we can" to cut touting.',
     "going as far as we can", "Ann Eavis"),
    # a party or group word is no speaker, though "Tory" is a first name too
    ('Tory claims the plan was "reckless" were rejected.', "reckless", None),
    ('Democrats called it "a sham".', "a sham", None),
    ('Tory Lanez said: "I am back."', "I am back.", "Tory Lanez"),
    # a quote inside "after X said …" is X's; one after the clause's comma belongs to the main clause
    ('Tom Dunn and Ann Ali met. Hours after Mr Dunn said the bill was "dead," Ms Ali revived it.', "dead,", "Tom Dunn"),
    ('Tom Dunn and Ann Ali met. After Mr Dunn spoke, Ms Ali said it was "alive".', "alive", "Ann Ali"),
    ('Tom Dunn and Ann Ali met. As Dunn spoke, the union was whipping votes against "any and all" change.',
     "any and all", None),
    # text from web pages: a caption or a video link between a name and "he said" is no paragraph
    ('Police said so. Mayor Tom Bell spoke to reporters on Monday.\n\nImage caption: Ann Lo and Bill Crane '
     'at the rally\n\n"We will not back down," he said.', "We will not back down,", "Tom Bell"),
    ('Police said so. Mayor Tom Bell spoke to reporters on Monday.\n\nWatch: Bill Crane on the floods (video)'
     '\n\n"We will not back down," he said.', "We will not back down,", "Tom Bell"),
    # ... and a blank line cutting a sentence does not cut its cue off
    ('"We will not back down,"\n\nsaid Mayor Tom Bell on Monday.', "We will not back down,", "Tom Bell"),
    # a noun that is also a speech verb is no cue: "press secretary", "at one point"
    ('"We have seen progress," White House press secretary Tom Hale said.', "We have seen progress,", "Tom Hale"),
    # denied suggestions / rejected reports: the words are not the subject's
    ('The mayor rejected reports of a "secret deal" with Tom Hale.', "secret deal", None),
    # after a quote that ends its sentence, a cue running into the next quote introduces that one
    ('Ann Lo responds to Tom Hale with, "Why now? Was it the trip?" Hale then writes back, "You look fine."',
     "Why now? Was it the trip?", "Ann Lo"),
    ('Ann Lo called Tom Hale a "plain liar." Jo Marsh said Tom Hale "says anything to win."', "plain liar.", "Ann Lo"),
    ('Tom Hale wrote to Ann Lo, telling her, "you are a star!" She replied to him that it was "an honor."',
     "you are a star!", "Tom Hale"),
    # past the cue of the quote before, someone else speaks: the next quote may be theirs
    ('"It is misleading," Tom Hale tweeted after Ann Lo argued again that "we would have lost the plant."',
     "we would have lost the plant.", None),
    ('"I am satisfied," Tom Hale said after Ann Lo spoke. "My concern is crime."', "My concern is crime.",
     "Tom Hale"),
    # a quoted subheading alone on its line is no continuation of the speaker before
    ('"It is astonishing," said Mr. Tom Hale. "I do not see where it goes."\n\n‘Coal Is Not the Villain.’\n\n'
     'It was raining when the miners went down.', "Coal Is Not the Villain.", None),
    # words quoted inside someone's claim or assertion are theirs, not the sentence subject's
    ('Mayor Tom Hale blamed the press for the fuss over Ann Lo’s claim that the council "broke the law."',
     "broke the law.", "Ann Lo"),
    ('Tom Hale called Ann Lo\'s assertion of a "right to delete" disturbing.', "right to delete", "Ann Lo"),
    # ... but what is said about the claim is the subject's
    ('Tom Hale said Ann Lo\'s claim that he backs the plan is "simply not true."', "simply not true.", "Tom Hale"),
    # "kept asking", "began saying": the subject is right before the aspect verb
    ('Ann Lo went before Congress in 2013, and Sen. Tom Hale (R-Wis.) kept asking her why it was "spontaneous" unrest.',
     "spontaneous", "Tom Hale"),
    # a name that goes on with an organisation word names the organisation, not the person
    ('Ann Lo was shot in 2012. The Ann Lo Foundation declined to comment, telling reporters it is focused on '
     '"ending gun violence."', "ending gun violence.", None),
    # a pronoun does not return to the subject of a clause inside another ("confident that X has")
    ('"It is fair," Tom Hale said of his record.\n\nHale spokesman Tim Cole said that the campaign will show contrasts between '
     'Hale and Bob Ray to illustrate that voters can be confident that Hale has "firm principles," he said.',
     "firm principles,", "Tim Cole"),
    ('Tom Hale spoke first.\n\nJim Ray, despite his concerns, said he does believe Hale is correct.\n\n'
     '"The votes are there," he said.', "The votes are there,", "Jim Ray"),
    # a colon closing a short clause whose subject, opening it, is the one person it names
    ('"We need a debate," Ann Lo said.\n\nTom Hale delivered a snappy retort: "No one is tearing this up."',
     "No one is tearing this up.", "Tom Hale"),
    ('Tom Hale has since apologized for what happened: "I should have used two accounts."',
     "I should have used two accounts.", "Tom Hale"),
    ('The timing does not surprise pollster Tom Hale: "Voters are angry."', "Voters are angry.", None),
    ('Tom Hale sent Ann Lo a message: "Call me."', "Call me.", None),
    ('Tom Hale reports:\n\n"The first time she saw him, she was sold."', "The first time she saw him, she was sold.", None),
    ('"I love tacos!" Ann Lo tweeted. Former Republican presidential candidate Tom Hale broke down what was wrong '
     'with it: "Not everyone eats tacos."', "Not everyone eats tacos.", "Tom Hale"),
    ('As Tom Hale, the No. 2 in the party, put it: "This person will not be confirmed."',
     "This person will not be confirmed.", "Tom Hale"),
    ('The Tom Hale campaign, in a note to reporters, worded it carefully: "We followed the rules."',
     "We followed the rules.", None),
    # a partial quote after a stance verb whose subject is a person: theirs
    ('Ann Lo thanked the volunteers for "an extraordinary effort."', "an extraordinary effort.", "Ann Lo"),
    ('Chancellor Ann Lo heralded the deal as a "breakthrough."', "breakthrough.", "Ann Lo"),
    ('Tom Hale later defended his remarks as "sarcastic."', "sarcastic.", "Tom Hale"),
    # ... not when someone else is named before the quote, reports it, or the verb hangs off a comma
    ('Ann Lo thanked Tom Hale for "stepping up."', "stepping up.", None),
    ('Everyone knows that Tom Hale refers to it as "care for all."', "care for all.", None),
    ('Ann Lo misjudged President Tom Hale, having referred to him as a "reformer."', "reformer.", None),
    # a credit line under a quote paragraph, with a note after the name
    ('"She is tested. She is ready."\n\n-President Tom Hale, tweeting after the speech.\n\nquotable.',
     "She is tested. She is ready.", "Tom Hale"),
    ('"We are all in this together."\n\n-Ann Marks, Philadelphia.', "We are all in this together.", "Ann Marks"),
    # a chain of "He said …" sentences goes back to the person last quoted
    ('Tom Hale says he has "big plans" for the month.\n\nHis campaign has not spent much yet on ads. '
     'He said he plans to spend it.\n\nHe said, "We have some big plans."', "We have some big plans.", "Tom Hale"),
    # "as X told the AP, "…"": the quote is what X told; X may come with two "of" phrases
    ('Israel knows its interest. However, as Archbishop Tom Hale of the Armenian Patriarchate of Jerusalem '
     'told the Associated Press (AP), "We have suffered the same fate."', "We have suffered the same fate.", "Tom Hale"),
    ('Tom Hale and Ann Lo met. As Ann Lo said last week, "Nothing lasts."', "Nothing lasts.", "Ann Lo"),
    ('Ann Lo of Columbia, South Carolina says she thinks Tom Hale can win if he keeps "doing what he is doing."',
     "doing what he is doing.", "Ann Lo"),
    # the agent of a passive question asks it
    ('Ann Lo was asked by host Tom Hale, who is backing Lo, but has previously dismissed the story, '
     '"Are you tired of it?"', "Are you tired of it?", "Tom Hale"),
    # a headline that says who says it: the one who says it speaks
    ("Ann Lo Says Tom Hale 'Makes You Want To Retch'\n\nAnn Lo, the president, spoke about Tom Hale on Monday.",
     "Makes You Want To Retch", "Ann Lo"),
    # a relative clause about someone who is not the subject closes before the main verb:
    # the aide speaks, not the person the aide works for
    ('Senator Ann Lo is under fire.\n\nAn aide to Lo, who spoke on condition of anonymity, said the '
     'senator would "keep pushing."', "keep pushing.", None),
    # ... but a relative clause about the subject keeps the subject speaking
    ('Tom Hale met voters.\n\nHale, who says the plan is too slow, tweeted that it "will not work."',
     "will not work.", "Tom Hale"),
    # after "said", a pronoun or noun that goes on with a verb is the subject of the words
    # reported, not the speaker
    ('Ann Lo won.\n\nThe brother of Lo, who lives in Ohio, said she was "a fighter."', "a fighter.", None),
    # ... and a name opening the sentence, however long its description, is the speaker
    ('Ann Lo lost.\n\nTom Hale, a consultant whose firm was recently hired by the Lo campaign, said he '
     'would be "shocked" by a recount.', "shocked", "Tom Hale"),
    ('Tom Hale, the co-author of a book about the rapid spread of rumours, said the days when a story '
     'died overnight were "over."', "over.", "Tom Hale"),
    # two-word speech verbs, before and after the quote
    ('Tom Hale met Ann Lo. Secretary Tom Hale shot back that the plan was "doing its job."', "doing its job.", "Tom Hale"),
    ('Tom Hale met Ann Lo. "We have asked twice," Hale fired back.', "We have asked twice,", "Tom Hale"),
    # ... but a verb that only takes a stance does not speak for the quote after another's "said"
    ('Ann Lo weighed in with her support, hours after Tom Hale said he was "encouraged" by the plan.',
     "encouraged", "Tom Hale"),
    # a quote closed by ? or ! runs on into the cue after it, however long the sentence goes on
    ('Tom Hale met Ann Lo.\n\n"Who do they think they are?" Hale said of the bank in May, when the '
     'board refused to meet the union leaders at the plant.', "Who do they think they are?", "Tom Hale"),
    ('Ann Lo met Tom Hale.\n\n"Not one more vote!" Lo told the crowd at the rally on Friday, which had '
     'waited for two hours in the rain.', "Not one more vote!", "Ann Lo"),
    # ... but a capital pronoun or determiner after it opens a new sentence: not the cue
    ('Ann Lo was asked about the raid. Lo, tired, answered: "What difference does it make?" Her critics '
     'cited the answer for years.', "What difference does it make?", "Ann Lo"),
    ('The vote is close. "Who will win?" The electoral board said on Monday that the count would take '
     'a week.', "Who will win?", None),
    # ... and a full stop still makes the words after a new statement
    ('The count ended. "We will win." Tom Bell said on Monday, when the board refused to meet the union '
     'leaders at the plant.', "We will win.", None),
    # a spoken quote opening its sentence, then a person and a past-tense verb we do not list
    ('Tom Hale spoke first.\n\n"Ohio will always be Ohio," an angry Ann Lo retaliated. "It always stands up again."',
     "Ohio will always be Ohio,", "Ann Lo"),
    ('Tom Hale spoke first.\n\n"Ohio will always be Ohio," an angry Ann Lo retaliated. "It always stands up again."',
     "It always stands up again.", "Ann Lo"),
    ('Tom Hale met Ann Lo. "They never meant to fix this," Hale fumed on Tuesday.',
     "They never meant to fix this,", "Tom Hale"),
    ('Tom Hale met Ann Lo. "Your show is a hit," Hale assured Lo, after she praised him.',
     "Your show is a hit,", "Tom Hale"),
    # ... not when the verb goes on with more than a time, a place or a listener
    ('Tom Hale met Ann Lo. "Your show is a hit," Hale launched a new tour of the state.',
     "Your show is a hit,", None),
    # ... nor after a quote that ends its sentence, nor a title inside a sentence
    ('Tom Hale met Ann Lo. "Your show is a hit." Hale smiled.', "Your show is a hit.", None),
    ('Tom Hale met Ann Lo. In "Main Street," Hale starred as a banker.', "Main Street,", None),
    # the unlisted verb first, the name closing its clause with where the person is from
    ('Tom Hale spoke first.\n\n"This is wonderful!" beamed Ann Lo of Dayton, Ohio, who drove all night.',
     "This is wonderful!", "Ann Lo"),
    # a headline opening with a person's name and a colon: the quoted words after it are theirs
    ("Ann Lo: Tom Hale Is a 'Total Disaster' in Business.\n\nSenator Ann Lo spoke on Monday about Hale.",
     "Total Disaster", "Ann Lo"),
    ("Gov Marsh: Hale Is 'Trying Too Hard'\n\nGovernor Ann Marsh spoke on Monday about Tom Hale.",
     "Trying Too Hard", "Ann Marsh"),
    # ... not when the name is the topic, nor a scare quote with no name and colon
    ("TV Chief On Lo: 'We Never Book Guests'\n\nGovernor Ann Lo spoke on Monday.",
     "We Never Book Guests", None),
    ("Tax plan is a 'total disaster'\n\nGovernor Ann Lo spoke on Monday.", "total disaster", None),
    # a partial quote in a clause trailing the main one: the cue after it is the sentence's
    ('Four states vote first, while the big states hold more delegates and "show the real mood of the party," '
     'Ann Lo wrote.', "show the real mood of the party,", "Ann Lo"),
    ('Tom Hale made the list because of the "influence," Ann Lo said, that he had on the news.', "influence,", "Ann Lo"),
    # ... but a clause opening its sentence is the subordinate one: the cue is the main clause's
    ('Tom Hale spoke. But even as Hale claimed that "the plan is dead," Ann Lo said it would pass.',
     "the plan is dead,", "Tom Hale"),
    ('Tom Hale spoke. As the crowd chanted "the wall," Ann Lo said nothing.', "the wall,", None),
    # a colon closing a clause whose subject, after a title or a long opening phrase, speaks
    ('Tom Hale met Ann Lo.\n\nSenate Majority Leader Ann Lo, R-Ohio, delivered a blunt message to Hale: '
     '"It is time to stop the feuding."', "It is time to stop the feuding.", "Ann Lo"),
    ('Tom Hale met Ann Lo.\n\nWith party leaders increasingly worried about a lack of passion for Tom Hale among '
     'young voters in the cities, President Ann Lo is rolling out a new campaign message: "This one is personal."',
     "This one is personal.", "Ann Lo"),
    # ... but not when another subject owns the colon
    ('Tom Hale met Ann Lo.\n\nBut while he did not make the first call, Hale did back the plan on Monday, and '
     'the Daily Post has proof:\n\n"Should every visitor be tracked?"', "Should every visitor be tracked?", None),
    # "as Name said", "As Name put it": the clause gives the quote its source
    ('Tom Hale met Ann Lo. As the Post\'s Ann Lo puts it, "Voters have made up their minds."', "Voters have made up their minds.", "Ann Lo"),
    ('Tom Hale met Ann Lo. As Lo put it, Hale is making voters "a deal they cannot turn down."',
     "a deal they cannot turn down.", "Ann Lo"),
    ('Tom Hale met Ann Lo.\n\nAs Ann Lo reported after the vote in the city:\n\n"Nothing has changed since then."',
     "Nothing has changed since then.", "Ann Lo"),
    ('Tom Hale met Ann Lo. Still, the race "is neck and neck," as Hale said on the radio on Monday.',
     "is neck and neck,", "Tom Hale"),
    # ... not when another verb introduces the quote, nor "as" in "such as"
    ('Tom Hale met Ann Lo. As Lo said, Hale told the crowd: "We will win."', "We will win.", "Tom Hale"),
    ('Tom Hale met Ann Lo. Voters such as Lo said, the board was "a disgrace."', "a disgrace.", None),
    # a pronoun with a contracted auxiliary is the subject: "he's said", "she’s claiming"
    ('Tom Hale spoke on Monday.\n\nHe’s claiming that fraud is "a serious problem" in the state.',
     "a serious problem", "Tom Hale"),
    ('Ann Lo spoke on Monday.\n\nSince then she\'s said the same thing at every stop: "We are in this together."',
     "We are in this together.", "Ann Lo"),
    # ... not across a comma: "whose side she’s on, saying" is someone else's participle
    ('Ann Lo spoke on Monday.\n\nA top strategist said Lo will have to choose whose side she’s on, saying, '
     '"Sooner or later she has to decide."', "Sooner or later she has to decide.", None),
    # a sentence opening with "And" before its subject
    ('Ann Lo met Tom Hale. And Lo called Hale "a very sharp analyst."', "a very sharp analyst.", "Ann Lo"),
    # ... but "he and Lo called" joins two subjects: whose words is unclear
    ('Ann Lo met Tom Hale. Then Hale and Lo called it "a good start."', "a good start.", None),
    # an object named inside a longer description of the subject does not hide the subject
    ('Ann Lo met Tom Hale.\n\nAnn Lo, a professor who once worked for Sen. Tom Hale, one of its authors, '
     'called it "a real step forward."', "a real step forward.", "Ann Lo"),
    ('Ann Lo met Tom Hale.\n\nA spokesman for Ann Lo, who once worked for Sen. Tom Hale, one of its authors, '
     'called it "a real step forward."', "a real step forward.", None),
    # the passive of reporting names the speaker too
    ('Tom Hale met Ann Lo. "Our polls get it right," Hale is quoted as saying.',
     "Our polls get it right,", "Tom Hale"),
    # ... but "Lo quoted Hale as saying" is never Lo's
    ('Tom Hale met Ann Lo. "Our polls get it right," Lo quoted Hale as saying.', "Our polls get it right,", None),
    # a statement signed on its last line, before the closing mark: "Name, Organisation."
    ('Ann Lo met Tom Hale.\n\n"We must not let the deal pass.\nAnn Lo, Policy Institute for Ohio."\n\nHale disagreed.',
     "We must not let the deal pass.", "Ann Lo"),
    # ... not a line that goes on as a sentence about the person
    ('Ann Lo met Tom Hale.\n\n"We must not let the deal pass."\nAnn Lo walked out of the hall.',
     "We must not let the deal pass.", None),
    # names listed inside a relative clause of the description are no list of subjects
    ('Tom Hale spoke.\n\nAnn Lo, a voter who backed Tom Hale and Bo Reed, said that given the field:\n\n'
     '"Nobody else comes close."', "Nobody else comes close.", "Ann Lo"),
    # ... but a list before it is: whose words is unclear
    ('Tom Hale spoke.\n\nAnn Lo, Tom Hale and Bo Reed, who met on Monday, said: "Nobody else comes close."',
     "Nobody else comes close.", None),
    # a person whose name is also a modal or adverb ("Will", "Still") is a subject after a quote
    ('Ann Will wrote on Monday.\n\n"It is a wake-up call," Will wrote.', "It is a wake-up call,", "Ann Will"),
    # "went on" as a speech verb of two words
    ('Tom Hale met Ann Lo.\n\n"It happens to everyone, right?" Hale went on, as if he had not heard her.',
     "It happens to everyone, right?", "Tom Hale"),
    # a Title Case quote beside a noun for a work is its title, nobody's words; a nickname or
    # a slogan beside no such noun is still someone's words
    ('Ann Lo, star of her blockbuster film, "Dry Season," spoke on Monday.', "Dry Season,", None),
    ('"It is early," said Tom Hale, a host on the TV show "Money Pit."', "Money Pit.", None),
    ('Tom Hale called his rival "Crooked Ann" on Monday.', "Crooked Ann", "Tom Hale"),
    ('Tom Hale said the album "will Sell Millions" this year.', "will Sell Millions", "Tom Hale"),
    # the verb right before a quote (past its listener) gives the speaker, named or not:
    # the words someone reports another saying are that other's
    ('Tom Hale spoke.\n\nHe said he was there, and that an official had replied: "We will look into it."',
     "We will look into it.", None),
    ('Tom Hale said his boss told him: "We will look into it."', "We will look into it.", None),
    ('Tom Hale told reporters: "We will look into it."', "We will look into it.", "Tom Hale"),
    ('Officials said Tom Hale told them: "We will look into it."', "We will look into it.", "Tom Hale"),
    # an aside opened by a participle is about the person, and no verb of its own
    ('"It was loud," Ann Lo, speaking in French, told reporters.', "It was loud,", "Ann Lo"),
    ('Ann Lo, speaking to Tom Hale, said: "It was loud."', "It was loud.", "Ann Lo"),
    # "said … but that …" adds to the reported words, of the same speaker
    ('Tom Hale spoke.\n\nHale, a former agent, said on Thursday that he respected Ann Lo but that "the '
     'numbers are the numbers."', "the numbers are the numbers.", "Tom Hale"),
    # ... while "but" with a new subject is someone else's clause
    ('Tom Hale spoke.\n\nHale said the plan was sound but the board called it "a farce."', "a farce.", None),
])
def test_attribution_rules(text, quote, speaker):
    q = next(q for q in extract(text).quotes if q.text == quote)
    assert q.speaker == speaker, (q.sieve, q.cue)


@pytest.mark.parametrize("text, described", [
    ('The council met. "We will review it," a council spokesperson said.', "a council spokesperson"),
    ('"It is closed," said a spokesman for the firm.', "a spokesman for the firm"),
    ('"It is closed," officials said.', "officials"),
    ('Tom Lo was cleared. "He is innocent," Mr Lo\'s lawyer said.', "Mr Lo's lawyer"),
    # an aside between the description and the verb, and an organisation's long name in it
    ('The flat flooded. A neighbour, who asked not to be named, said: "It was loud."', "A neighbour"),
    ('One official, speaking on condition of anonymity, said: "It was loud."', "One official"),
    ('"It was loud," one official, speaking on condition of anonymity, said.', "one official"),
    ('A Department of Roads and Rail Safety spokesperson said: "We are sorry."',
     "A Department of Roads and Rail Safety spokesperson"),
    # "said the story was": a reported clause, no description of a speaker
    ('Ann Lo was cleared. A spokeswoman for Lo, who did not give her name, said the story was "false."', None),
])
def test_an_unnamed_source_keeps_its_description(text, described):
    q = extract(text).quotes[0]
    assert (q.speaker, q.described) == (None, described)


@pytest.mark.parametrize("text, speaker", [
    # named by the family name alone ("Xi", "Ban") and never by the last word: the full name
    ('President Xi Jinping met Ann Lo. "We have a golden chance," Xi said.', "Xi Jinping"),
    ('Ban Ki-moon spoke on Monday. "It was hard for me," Ban recalled.', "Ban Ki-moon"),
    # the usual order: the surname
    ('Tom Hale met Ann Lo. "We have a golden chance," Hale said.', "Hale"),
    ('Tom Hale met Ann Lo. Tom spoke first. "We have a golden chance," Mr. Hale said.', "Hale"),
])
def test_speaker_short_name(text, speaker):
    from store.extract import to_json
    from store.model import Article
    out = to_json(Article(text=text, path="x.txt"), extract(text))
    assert out["quotes"][0]["speaker"] == speaker
