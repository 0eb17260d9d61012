"""search.count: how many sentences a search with no limit would return, exact or marked
as estimated, and search() itself reaching every one of them with a large limit."""
from __future__ import annotations

import pytest

from store import search
from store.search import sample as sample_module

from .test_search import add_article, make_store


@pytest.fixture
def db(tmp_path):
    store = make_store(tmp_path / "store.db")
    yield store
    store.close()


QUERIES = ["starmer", "starmr", "the", "said", "schol", "keir starmer", "prime minster", "steel porcupin",
           "'school", "^the", '"prime minister"', "cafe", "budget starmer school", "zz", "nothing here at all"]


@pytest.mark.parametrize("query", QUERIES)
def test_count_is_what_a_search_with_no_limit_returns(db, query):
    every = search.search(db, query, 10**6, vocabulary=db.vocabulary)
    assert search.count(db, query, db.vocabulary) == search.Count(len(every))
    # a small store is its own sample: the app's budgeted count is exact too
    assert search.count(db, query, db.vocabulary, budget=0) == search.Count(len(every))


def test_operators_the_index_cannot_check_give_an_upper_bound(db):
    got = search.count(db, "said$", db.vocabulary)
    every = search.search(db, "said$", 10**6, vocabulary=db.vocabulary)
    assert got.how == "at most" and got.n >= len(every) and str(got) == f"at most {got.n}"
    assert search.count(db, "!starmer said", db.vocabulary).how == "at most"


def test_syntax_errors_raise_as_search_does(db):
    with pytest.raises(search.SearchSyntaxError):
        search.count(db, '"unclosed', db.vocabulary)


@pytest.fixture
def big(tmp_path, monkeypatch):
    """A store larger than the sample: 'alpha' in every 10th sentence, 'omega' in 3."""
    monkeypatch.setattr(sample_module, "SAMPLE", 500)
    store = make_store(tmp_path / "big.db")
    for k in range(10):
        numbers = range(k * 600, (k + 1) * 600)
        add_article(store, f"Day {k}", [
            f"Sentence {n} says {'alpha' if n % 10 == 0 else 'beta'} and {'omega' if n in (7, 3007, 5999) else 'gamma'}."
            for n in numbers])
    return store


def test_a_count_too_slow_to_make_is_estimated_from_the_sample_and_marked(big):
    exact = search.count(big, "alpha", big.vocabulary)
    assert exact == search.Count(600)
    estimate = search.count(big, "alpha", big.vocabulary, budget=100)
    assert estimate.how == "about" and abs(estimate.n - 600) <= 60 and str(estimate).startswith("about ")
    # a count within the budget is made exactly, however large the store
    assert search.count(big, "omega", big.vocabulary, budget=100) == search.Count(3)
    assert search.count(big, "alpha", big.vocabulary, budget=10**6) == search.Count(600)


def test_the_sample_is_made_again_when_the_store_grows(big):
    first = search.sample_of(big, big.vocabulary)
    assert search.sample_of(big, big.vocabulary) is first
    add_article(big, "More", [f"Another alpha sentence {i}." for i in range(1000)])
    again = search.sample_of(big, big.vocabulary)
    assert again is not first and again.last > first.last
    assert search.count(big, "alpha", big.vocabulary) == search.Count(1600)


def test_a_large_limit_reaches_every_result(big):
    """Every stage fetches up to the limit (not a fixed number of candidates), so loading
    more results in the app reaches all of them."""
    for query, n in [("alpha", 600), ("alpha omega", 603), ("alpah omeg", 603), ("'alpha", 600),
                     ("^sentence alpha", 600), ("^sentence", 6000)]:
        assert len(search.search(big, query, 10**5, vocabulary=big.vocabulary)) == n, query
        assert search.count(big, query, big.vocabulary) == search.Count(n), query


def test_operators_that_refuse_the_newest_rows_still_find_older_ones(tmp_path):
    """said$ keeps only sentences ending in "said": when the newest rows holding "said"
    all go on, the search reads older ones rather than finding nothing."""
    store = make_store(tmp_path / "refused.db")
    before = len(search.search(store, "said$", vocabulary=store.vocabulary))          # the fixture's own
    holding = search.count(store, "said", store.vocabulary).n
    add_article(store, "Older", [f"Report {i} is what the officer said." for i in range(60)])
    add_article(store, "Newer", [f"Said the mayor to crowd {i} in the square." for i in range(400)])
    hits = search.search(store, "said$", vocabulary=store.vocabulary)
    assert len(hits) == 50 and all(hit.title == "Older" for hit in hits)
    assert len(search.search(store, "said$", 1000, vocabulary=store.vocabulary)) == 60 + before
    assert search.count(store, "said$", store.vocabulary) == search.Count(holding + 460, "at most")
