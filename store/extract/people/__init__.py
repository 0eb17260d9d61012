"""People: find names, weigh the evidence that each is a person, merge their mentions, take
their roles. Rule-based and small; each step is a pass in store.extract.PASSES:

    tokens.py       capitalised words and the name runs they form (candidates)
    things.py       what a run names when it is no person (firm, place, term, team)
    evidence.py     EVIDENCE: why a run is a person (a title, a known first name, an initial,
                    a speech verb, an appositive, a role noun, a results-table layout...)
    corroborate.py  what the whole article confirms or drops (repeated surnames, lists)
    mentions.py     candidates grouped into people; every form matched on the text
    roles.py        the role words around a name
    descriptions.py "the prime minister", "the 66-year-old": descriptions tied to people
"""
