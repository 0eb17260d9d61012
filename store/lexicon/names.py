"""Word lists for finding people: first names, titles, particles and the words that mark
a capitalised run as something other than a person."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def first_names() -> dict[str, str | None]:
    """First name -> "m", "f" or None (both common). From store/data/first_names.txt."""
    out: dict[str, str | None] = {}
    for line in files("store").joinpath("data/first_names.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, g = line.split()
            if name not in STOP and name not in PLACES:
                out[name] = g if g in ("m", "f") else None
    return out


# Titles before a name; the value is the gender the title gives.
GENDER_TITLES = {
    "Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Sir": "m", "Dame": "f", "Lord": "m", "Lady": "f",
    "King": "m", "Queen": "f", "Prince": "m", "Princess": "f", "Baron": "m", "Baroness": "f",
    "Father": "m", "Sister": "f", "Brother": "m", "Duke": "m", "Duchess": "f", "Count": "m", "Countess": "f",
}
# Titles that give no gender. Several words may stand together ("Prime Minister").
PLAIN_TITLES = {
    "Dr", "Prof", "Professor", "President", "Vice", "Senator", "Sen", "Rep", "Representative", "Gov",
    "Governor", "Judge", "Justice", "Chancellor", "Minister", "Prime", "Secretary", "General", "Gen",
    "Colonel", "Col", "Captain", "Capt", "Lt", "Lieutenant", "Sgt", "Sergeant", "Admiral", "Adm", "Pope",
    "Rev", "Reverend", "Bishop", "Archbishop", "Cardinal", "Rabbi", "Imam", "Sheikh", "Mayor",
    "Commissioner", "Ambassador", "Detective", "Inspector", "Supt", "Superintendent", "Premier",
    "Chairman", "Chairwoman", "Speaker", "Deputy", "Coach", "Chief", "Commander", "Marshal",
    "Corporal", "Private", "Constable", "Dean", "Congressman", "Congresswoman", "Councillor",
    "Chancellor", "Attorney", "Emperor", "Empress", "Sultan", "Emir", "Ayatollah", "Major",
    "Director", "Manager", "Executive", "Spokesman", "Spokeswoman", "Agent", "Officer",
    "Leader", "Whip", "PM", "Undersecretary", "Under-Secretary", "Secretary-General",
    "Undersecretary-General", "Under-Secretary-General", "MP", "MEP", "MSP", "Del", "Delegate", "Assemblyman", "Assemblywoman", "Alderman", "Councilman", "Councilwoman",
}
TITLES = set(GENDER_TITLES) | PLAIN_TITLES
# Capitalised job words that stand before names but also before things ("Executive Session"):
# with one of these alone, a single following word is not taken as a surname.
WEAK_TITLES = {"Director", "Manager", "Executive", "Officer", "Agent", "Spokesman", "Spokeswoman",
               "Chief", "Coach", "Speaker", "Deputy", "Chairman", "Chairwoman", "Commissioner",
               "Detective", "Inspector", "Constable", "Private", "Corporal", "Major", "Marshal",
               "Commander", "Attorney", "Dean", "Miss", "Vice", "Prime", "Premier", "Count", "Brother",
               "Sister", "Father", "Duke", "Justice", "General", "Captain", "Leader", "Whip"}
# Titles that stand for the person's role when the text gives no other ("King Charles").
ROLE_TITLES = PLAIN_TITLES - {"Dr", "Prof", "Professor", "Rev", "Reverend", "Vice", "Prime", "Deputy"} | {
    "King", "Queen", "Prince", "Princess", "Pope"}

# Lower-case particles inside names: "Ursula von der Leyen", "Charles de Gaulle".
PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das", "la",
             "le", "bin", "ibn", "al", "ter", "ten", "zu", "wa"}
# The same written with a capital ("Van Persie", "De Wilde"): a name only with other evidence.
CAP_PARTICLES = {"Van", "Von", "De", "Der", "Den", "Du", "Da", "Di", "Del", "Le", "La", "Al", "El", "Ter", "Ten"}

# Capitalised words that never begin or make up a name.
STOP = set("""
The A An And But Or Nor If In On At To Of For By With From As Into Onto Over Under About After Before
Since Until Although Though However Meanwhile Yet So Also Now Then Not No Yes All Some Many Most Much
More Less Few One Two Three Four Five Six Seven Eight Nine Ten Each Every Both Other Another Such
It Its He She They We I You His Her Their Our My Your Him Them Us Me This That These Those There Here
When While Where What Who Whom Whose Why How Which Whether Just Only Even Still Already Again Perhaps
Indeed Instead Thus Hence Therefore Besides Despite During Without Within Among Between Against
Through Throughout Across Around Along Behind Beyond Near Outside Inside Upon Via Like Unlike
Today Tomorrow Yesterday Tonight Later Earlier Elsewhere Separately Overall Last Next First Second Third Fourth Fifth Final Old Former Late
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mon Tue Wed Thu Fri Sat Sun Christmas Easter Ramadan Olympic Olympics God Allah Internet Web Online
Should Would Could Can Will Shall Must May Might Do Does Did Is Are Was Were Be Been Has Have Had
Let Please Thank Thanks Dear Well Oh Ah Mrs Mr Ms Dr Said Says Asked Told Added According Reporting
Police Officials Sources Analysts Experts Critics Voters Fans Players Ministers Leaders Democrats
Republicans Tories Labour Conservatives Liberals Socialists Greens Communists Muslims Christians
Jews Catholics Protestants Europeans Americans Britons Africans Asians Arabs
Act Part Section Chapter Article Page Figure Table Group Phase Stage Round Game Match Set
Breaking Update Exclusive Analysis Comment Opinion Editorial Review Interview Profile Obituary Result Results
""".split())

# A run containing one of these names an organisation, a place, an event or a work, not a person.
ORG_WORDS = set("""
Association Associates Party Council Ministry Department University College School Academy Club United
City Town Village FC AFC Bank Banks Bancorp Bancshares Corp Corporation Inc Incorporated Ltd Limited Plc PLC
Co LLC LLP Bros SpA AG SA NV BV GmbH AB ASA Oyj Cos Group Holdings Partners Securities Capital Financial Finance Airlines Airways Airport Motors
Energy Oil Petroleum Gas Telecom Telecommunications Communications Media Records Studios Studio Pictures
Films Network Networks Channel Radio TV Television Magazine Review Press Books Publishing News Times
Post Journal Herald Daily Weekly Tribune Gazette Observer Telegraph Mail Express Mirror Standard
Chronicle Independent Economist Guardian Reuters Social Street St Road Avenue Lane Square Park Gardens
Stadium Arena Centre Center Hall House Palace Castle Abbey Church Cathedral Chapel Mosque Temple
Hospital Clinic Station Bridge Tower Towers Building Plaza Mall Hotel Restaurant Bar Cafe Theatre
Theater Cinema Museum Gallery Library Zoo Championship Championships Cup League Open Games Trophy
Prix Tour Festival Awards Award Prize Medal Series Show Commission Committee Agency Authority Institute
Institution Foundation Fund Trust Board Office Service Services Court Courts Parliament Assembly Senate
Congress Government Administration Army Navy Corps Force Forces Guard Police Brigade Regiment
Company Companies Industries Industry International Systems Technologies Technology Software
Electronics Pharmaceuticals Pharma Insurance Investment Investments Ventures Enterprises Exchange
Market Markets Index Treaty Accord Agreement Convention Declaration Programme Program Project Report
Island Islands River Lake Mountains Mountain Valley Coast Bay Sea Ocean Gulf Province State States
Republic Kingdom Union Federation Empire County District Region Territory Movement Front Alliance
Coalition Organisation Organization Democrat Democrats Monitor Society Federal National Royal Democratic Republican Liberal
Conservative Socialist Communist Labor Unionist Nationalist Green Brothers Sons Rovers Wanderers
Athletic Athletics Olympique Sporting Rangers Celtic Hotspur Albion Wednesday Villa Palace Forest
County Orient Argyle Dynamo Lokomotiv Spartak Inter Juventus Real Racing Deportivo Atletico Team
Racing Motorsport Cars Ferrari Honda Toyota Ford Airbus Boeing Microsoft Apple Google Amazon Facebook
Twitter Platform App Day Week Year Era Age War Wars Crisis Revolution Olympiad Marathon Grand Masters
Classic Invitational Memorial Derby Stakes Handicap Plate Bowl Series Rally Trust Reserve Treasury
Bureau Unit Division Department Centre Central Northern Southern Eastern Western North South East
West Upper Lower Greater Great New Old Little San Santa Los Las Fort Port Mount Cape Saint Isle
Airport Road Way Drive Hill Hills Heights Beach Falls Springs Wood Woods Field Fields Valley
Project Initiative Fund Facility Forum Healthcare Health Investigations Responsibility
Security Defense Defence Affairs Survey Session Newsroom Share Shares Relations Studies Research Policy Speech Qaeda Taliban Hamas Hezbollah Estate Estates Square Quay Wharf Docks Dock Terminal Line Lines
""".split())

# Organisation or place words that are also common surnames ("Tiger Woods", "Damon Hill"):
# they mark a non-person only when the run does not start with a known first name.
SURNAME_LIKE = {"Hall", "Lane", "Wood", "Woods", "Hill", "Hills", "Field", "Fields", "Green", "Ford",
                "Church", "Little", "Banks", "Guard", "Rivers", "Post", "Young", "Grand", "Major",
                "Marshall", "Price", "Rose"}

# Words of speech after or before a name that mark it as a person.
SPEECH_VERBS = set("""
said says say told tells added adds asked asks replied replies warned warns insisted insists argued
argues claimed claims explained explains stressed stresses noted notes wrote writes posted posts
announced announces declared declares admitted admits conceded concedes suggested suggests
commented comments acknowledged acknowledges confirmed confirms denied denies urged urges
predicted predicts recalled recalls revealed reveals continued continues responded responds
believes believed thinks thought hopes hoped feels felt agreed agrees disagreed criticised
criticized praised vowed promised pledged estimated estimates reckoned reckons maintained
maintains remarked observed joked laughed smiled shouted tweeted stated states testified
""".split())

# Lower-case role nouns: "new coach Glenn Hoddle", "his deputy, JD Vance".
ROLE_NOUNS = set("""
president minister secretary chancellor leader spokesman spokeswoman spokesperson chairman
chairwoman chair chief executive director manager coach captain striker midfielder defender
goalkeeper keeper forward winger batsman bowler all-rounder spinner off-spinner seamer opener
wicketkeeper pitcher catcher outfielder infielder quarterback rider driver jockey trainer
champion winner runner-up finalist veteran rookie star legend player analyst economist strategist
expert lawyer attorney judge prosecutor official officer diplomat ambassador envoy commissioner
governor senator congressman congresswoman mayor deputy aide adviser advisor consultant founder
boss head owner partner actor actress singer songwriter musician guitarist drummer rapper
comedian comic presenter host broadcaster journalist reporter editor correspondent columnist
writer author novelist poet playwright director producer filmmaker artist designer architect
photographer professor lecturer researcher scientist doctor surgeon nurse teacher student
candidate challenger nominee rival opponent colleague counterpart teammate team-mate son daughter wife
husband mother father brother sister widow cousin uncle aunt friend king queen prince princess
pope bishop archbishop cardinal priest rabbi imam cleric general colonel commander admiral
sergeant soldier activist campaigner protester dissident businessman businesswoman entrepreneur
investor banker trader broker dealer tycoon billionaire millionaire heir magnate financier
economist historian philosopher chef model dancer athlete sprinter swimmer cyclist boxer
golfer skier skater gymnast wrestler fighter referee umpire official victim suspect witness
defendant chancellor premier dictator ruler monarch emperor inspector detective constable
superintendent chairperson vice-president vice-chairman treasurer counsel solicitor barrister champ
woman man girl boy member assistant resident farmer worker pensioner villager refugee teenager mother-of-two
scrum-half fly-half centre flanker lock prop hooker full-back fullback wing winger lineman shortstop
reliever starter left-hander right-hander southpaw hurdler middleweight heavyweight welterweight
lightweight featherweight bantamweight flyweight cruiserweight seed sweeper playmaker skipper
paceman fast-bowler all-rounder wicket-keeper batsman opener debutant international compatriot
countryman countrywoman
""".split())

# Months and the like that a first-name list would mistake for names were dropped from the
# list itself; these are place-like first tokens.
PLACE_START = {"New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
               "Central", "Upper", "Lower", "Great", "Greater", "San", "Santa", "Los", "Las", "St", "Rio",
               "Saint", "Fort", "Port", "Mount", "Lake", "Cape", "Capitol", "El", "Le", "La", "Sri", "Hong", "Red"}

# Countries, continents and a few regions: never a person, and never confirm one.
PLACES = set("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil
Brunei Bulgaria Burundi Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus
Czech Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Ethiopia Fiji Finland France Gabon
Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland
India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Korea
Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
Luxembourg Macedonia Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nauru Nepal Netherlands
Holland Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines
Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia
Slovenia Somalia Spain Sudan Suriname Swaziland Sweden Switzerland Syria Taiwan Tajikistan Tanzania
Thailand Togo Tonga Trinidad Tobago Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay
Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Yugoslavia Zaire Zambia Zimbabwe Chechnya
Britain England Scotland Wales Ulster America Europe Asia Africa Antarctica Australasia Oceania
Arabia Palestine Gaza Kashmir Tibet Kurdistan Crimea Siberia Caucasus Balkans Scandinavia Baltic
London Paris Berlin Moscow Washington Beijing Tokyo Rome Madrid Brussels Geneva Vienna Dublin
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
Vermont Wisconsin Wyoming Boston Chicago Seattle Toronto Montreal Detroit Atlanta Houston Dallas
Denver Phoenix Miami Cleveland Pittsburgh Philadelphia Baltimore Cincinnati Milwaukee Oakland
Sydney Melbourne Manchester Liverpool Glasgow Edinburgh Birmingham Leeds Milan Munich Hamburg
Barcelona Lisbon Warsaw Prague Budapest Athens Istanbul Cairo Jerusalem Baghdad Tehran Delhi
Mumbai Bombay Karachi Shanghai Seoul Bangkok Jakarta Manila Nairobi Lagos Johannesburg Havana
""".split())

# Nationality and group words: they qualify a name ("Mexican Ariel Cruz") but are never one.
DEMONYMS = set("""
American British English French German Italian Spanish Russian Chinese Japanese Korean Indian
Pakistani Iraqi Iranian Israeli Palestinian Syrian Lebanese Egyptian Turkish Greek Polish Czech
Slovak Hungarian Romanian Bulgarian Serb Serbian Serbs Croat Croatian Croats Bosnian Albanian
Ukrainian Belarussian Belarusian Lithuanian Latvian Estonian Finnish Swedish Norwegian Danish Dutch
Belgian Swiss Austrian Irish Scottish Scots Welsh Canadian Mexican Brazilian Argentine Argentinian
Chilean Peruvian Colombian Venezuelan Cuban Australian African Nigerian Kenyan Ethiopian Somali
Sudanese Algerian Moroccan Tunisian Libyan Saudi Kuwaiti Afghan Chechen Chechens Kurdish Kurd Kurds
Yugoslav Soviet Arab Arabs Asian European Western Eastern Catholic Protestant Islamic Jewish
Muslim Afrikaner Afrikaners Zairean Rwandan Burundian Tamil Tamils Sikh Hindu Sinhalese
Portuguese Tibetan Taiwanese Vietnamese Thai Indonesian Filipino Malaysian Singaporean Mongolian
Kazakh Uzbek Armenian Azeri Azerbaijani Macedonian Slovenian Montenegrin Cypriot Maltese Icelandic
Scandinavian Balkan Latin Hispanic Jordanian Yemeni Omani Qatari Emirati Bahraini Angolan
Mozambican Zimbabwean Zambian Ugandan Tanzanian Ghanaian Senegalese Ivorian Cameroonian
Congolese Haitian Jamaican Dominican Bolivian Paraguayan Uruguayan Ecuadorean Ecuadorian
Guatemalan Honduran Nicaraguan Salvadorean Panamanian Bangladeshi Nepali Nepalese Burmese
Cambodian Laotian Sri Lankan Kiwi Aussie Briton Britons Yankee Yankees Tory Tories Labour
""".split())

# Firms named after people, well known enough to be mistaken for a person's name.
FIRMS = {
    ("Morgan", "Stanley"), ("Merrill", "Lynch"), ("Goldman", "Sachs"), ("Dow", "Jones"), ("Charles", "Schwab"),
    ("Morgan", "Chase"), ("Lehman", "Brothers"), ("Smith", "Barney"), ("Dean", "Witter"), ("Bear", "Stearns"), ("Ernst", "Young"),
    ("Walt", "Disney"), ("Calvin", "Klein"), ("Ralph", "Lauren"), ("Tommy", "Hilfiger"), ("Louis", "Vuitton"),
    ("Christian", "Dior"), ("Hugo", "Boss"), ("Estee", "Lauder"), ("John", "Lewis"), ("Ted", "Baker"),
    ("Aston", "Martin"), ("Alfa", "Romeo"), ("Harley", "Davidson"), ("Rolls", "Royce"), ("Warner", "Bros"),
    ("Johnson", "Matthey"), ("Marks", "Spencer"), ("Bernard", "Matthews"), ("Dixons",), ("Philip", "Morris"),
    ("Eli", "Lilly"), ("Bristol", "Myers"), ("Standard", "Life"), ("Legal", "General"), ("Arthur", "Andersen"),
}
