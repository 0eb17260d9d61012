"""The search engine on real SQLite files: typos, prefixes, operators, safety, freshness."""
from __future__ import annotations

import sqlite_utils
import pytest

from store import search
from store.search import SearchSyntaxError

ARTICLES = {
    "Coalition talks": [
        "Volodymyr Zelenskyy met the prime minister in London on Sunday.",
        "The plan would turn Ukraine into a steel porcupine, one official said.",
        "Keir Starmer said Europe was at a crossroads in history.",
        "Later, Starmer told reporters the talks were productive.",
    ],
    "Budget day": [
        "The chancellor announced a loan of £2.3bn for defence.",
        "Critics said the budget ignored pensioners and schools.",
        "Starmer visited a school in Leeds after the statement.",
        "Schools will get more money next year, the minister said.",
    ],
    "Café society": [
        "The café on the corner sold crème brûlée to tourists.",
        "Its owner said trade had never been better.",
    ],
}


def make_store(path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db["articles"].create({"id": int, "title": str, "source": str, "text": str}, pk="id")
    db["sentences"].create(
        {"id": int, "article_id": int, "char_start": int, "char_end": int, "text": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    search.install(db)
    for title, sentences in ARTICLES.items():
        add_article(db, title, sentences)
    db.vocabulary = search.Vocabulary()     # the store's vocabulary cache, as Store.vocabulary
    return db


def find(db, query, *args, **kwargs):
    """search.search with the store's own vocabulary cache, as the app and cli search."""
    return search.search(db, query, *args, vocabulary=db.vocabulary, **kwargs)


def add_article(db, title, sentences) -> int:
    text = " ".join(sentences)
    article_id = db["articles"].insert({"title": title, "source": "Test", "text": text}).last_pk
    start = 0
    rows = []
    for s in sentences:
        rows.append({"article_id": article_id, "char_start": start, "char_end": start + len(s), "text": s})
        start += len(s) + 1
    db["sentences"].insert_all(rows)
    return article_id


@pytest.fixture
def db(tmp_path):
    store = make_store(tmp_path / "store.db")
    yield store
    store.close()


def texts(hits):
    return [h.text for h in hits]


def marked(hit):
    return [hit.text[a:b] for a, b in hit.highlights]


def test_install_is_idempotent_and_indexes_existing_rows(tmp_path):
    db = sqlite_utils.Database(tmp_path / "late.db")
    db["articles"].create({"id": int, "title": str, "source": str, "text": str}, pk="id")
    db["sentences"].create({"id": int, "article_id": int, "char_start": int, "char_end": int, "text": str}, pk="id")
    add_article(db, "Before the index", ["Sentences written before install are found too."])
    search.install(db)
    search.install(db)
    assert texts(search.search(db, "install")) == ["Sentences written before install are found too."]


def test_exact_word_and_hit_fields(db):
    hits = find(db, "porcupine")
    assert len(hits) == 1
    hit = hits[0]
    assert hit.title == "Coalition talks"
    assert hit.source == "Test"
    article = db["articles"].get(hit.article_id)
    assert article["text"][hit.char_start:hit.char_end] == hit.text
    assert hit.score == 100
    assert marked(hit) == ["porcupine"]


@pytest.mark.parametrize("query, word", [
    ("zelensky", "Zelenskyy"),     # a letter short
    ("zelenksy", "Zelenskyy"),     # swapped letters
    ("starmr", "Starmer"),          # a letter missing
    ("porcupin", "porcupine"),      # typed so far
    ("porcpine", "porcupine"),      # typo and whole word
    ("steel porcu", "porcupine"),   # two words, the last one being typed
])
def test_typos_and_prefixes_find_their_word(db, query, word):
    hits = find(db, query)
    assert hits, query
    assert word in marked(hits[0])
    assert all(0 < h.score <= 100 for h in hits)


def test_exact_match_outranks_typo_match(db):
    add_article(db, "Misspelt", ["A caption misspelt the name as Stamer yesterday."])
    hits = find(db, "starmer ")
    assert texts(hits)[-1] == "A caption misspelt the name as Stamer yesterday."
    assert marked(hits[-1]) == ["Stamer"]
    assert hits[0].score > hits[-1].score


def test_words_next_to_each_other_rank_first(db):
    add_article(db, "Scattered", ["Keir went home while Starmer stayed."])
    hits = find(db, "keir starmer")
    assert hits[0].text == "Keir Starmer said Europe was at a crossroads in history."
    assert "Keir went home while Starmer stayed." in texts(hits)


def test_diacritics_are_folded_and_offsets_kept(db):
    hit = find(db, "creme brulee")[0]
    assert marked(hit) == ["crème", "brûlée"]
    hit = find(db, "café")[0]
    assert marked(hit) == ["café"]


def test_trailing_space_ends_prefix_matching(db):
    longer = "Schools will get more money next year, the minister said."
    typed = {h.text: h.score for h in find(db, "school")}
    whole = {h.text: h.score for h in find(db, "school ")}
    assert typed[longer] == search.PREFIX_SIM   # "school" may still grow into "schools"
    assert whole[longer] < 90          # a finished "school" is one letter off "schools"
    assert max(whole, key=whole.get) == "Starmer visited a school in Leeds after the statement."


def test_one_character_finds_nothing_and_two_use_prefix(db):
    assert find(db, "s") == []
    assert find(db, "  ") == []
    hits = find(db, "le")
    assert "Leeds" in [w for h in hits for w in marked(h)]


def test_exact_operator_has_no_typo_tolerance(db):
    assert find(db, "'starmr") == []
    hits = find(db, "'starmer")
    assert len(hits) == 3 and all("Starmer" in marked(h) for h in hits)


def test_start_operator(db):
    hits = find(db, "^keir")
    assert texts(hits) == ["Keir Starmer said Europe was at a crossroads in history."]
    assert marked(hits[0]) == ["Keir"]


def test_end_operator(db):
    hits = find(db, "history$")
    assert texts(hits) == ["Keir Starmer said Europe was at a crossroads in history."]
    assert marked(hits[0]) == ["history"]
    assert find(db, "europe$") == []


def test_not_operator(db):
    found = texts(find(db, "starmer !keir"))
    assert len(found) == 2
    assert all("Keir" not in t for t in found)


def test_phrase(db):
    hits = find(db, '"steel porcupine"')
    assert texts(hits) == ["The plan would turn Ukraine into a steel porcupine, one official said."]
    assert marked(hits[0]) == ["steel porcupine"]
    assert find(db, '"porcupine steel"') == []
    assert texts(find(db, 'said !"prime minister"')) and all(
        "prime minister" not in t for t in texts(find(db, 'said !"prime minister"')))


def test_operators_combine_with_fuzzy_words(db):
    hits = find(db, "reportrs ^later")
    assert texts(hits) == ["Later, Starmer told reporters the talks were productive."]
    assert marked(hits[0]) == ["Later", "reporters"]


@pytest.mark.parametrize("query, message", [
    ('"steel porcupine', "quote"),
    ("starmer !", "!"),
    ("'", "'"),
    ("^", "^"),
    ("$", "$"),
    ('""', "phrase"),
])
def test_broken_syntax_raises_one_line_error(db, query, message):
    with pytest.raises(SearchSyntaxError) as error:
        find(db, query)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("query", [
    "AND", "starmer AND", "OR NOT", "*", "star*", '(', "starmer)", "NEAR(starmer keir)", "-starmer",
    "starmer - keir", "col:text", "^*", "{a b}", 'x"y"', "%_", "\\", "🙂",
])
def test_fts_special_characters_are_safe(db, query):
    hits = find(db, query)
    assert isinstance(hits, list)


def test_fts_words_are_searched_as_words(db):
    add_article(db, "Logic", ["Bread AND butter or nothing at all."])
    hits = find(db, "AND butter")
    assert hits[0].text == "Bread AND butter or nothing at all."
    assert marked(hits[0]) == ["AND", "butter"]


def test_results_follow_added_and_deleted_sentences(db):
    assert find(db, "quokka") == []
    find(db, "anything")              # the vocabulary is cached now
    article_id = add_article(db, "Animals", ["A quokka smiled at the visitors in Perth."])
    assert texts(find(db, "quokka")) == ["A quokka smiled at the visitors in Perth."]
    assert texts(find(db, "qokka")) == ["A quokka smiled at the visitors in Perth."]
    db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
    db.conn.commit()
    assert find(db, "quokka") == []
    assert find(db, "qokka") == []


def test_edited_sentence_is_reindexed(db):
    db.execute("UPDATE sentences SET text = 'The plan would turn Ukraine into a fortress.' WHERE text LIKE '%porcupine%'")
    db.conn.commit()
    assert find(db, "porcupine") == []
    assert len(find(db, "fortress")) == 1


def test_limit_and_newest_first_among_equals(db):
    hits = find(db, "starmer", limit=2)
    assert len(hits) == 2
    assert hits[0].sentence_id > hits[1].sentence_id
    assert find(db, "starmer", limit=0) == []


def test_should_stop_gives_up(db):
    assert find(db, "starmer", should_stop=lambda: True) == []


def test_query_text_is_never_markup(db):
    add_article(db, "Markup", ["He typed [bold]loud[/bold] and [@click=app.quit]quit[/] twice."])
    hits = find(db, "[bold]loud")
    assert hits and hits[0].text.startswith("He typed [bold]")
    assert "loud" in marked(hits[0])


def test_rank_scores_typos_and_orders_neighbours_first():
    words = search.parse("starmr").words
    assert 80 < search.rank(words, search.tokens("Keir Starmer spoke"))[0] < 100
    assert search.rank(words, search.tokens("Nothing like it"))[0] == 0
    words = search.parse("keir starmer ").words
    together = search.rank(words, search.tokens("Keir Starmer spoke"))
    apart = search.rank(words, search.tokens("Starmer met Keir"))
    assert together[0] == apart[0] == 100
    assert together > apart


def test_interrupted_search_raises_for_the_caller(db):
    import sqlite3
    find(db, "anything")                   # vocabulary loaded
    db.conn.set_progress_handler(lambda: 1, 1)      # what conn.interrupt() does mid-query
    try:
        with pytest.raises(sqlite3.OperationalError):
            find(db, "starmer")
    finally:
        db.conn.set_progress_handler(None, 1)
    assert find(db, "starmer")


def saved_terms(db) -> set[str]:
    return {t for (t,) in db.execute("SELECT term FROM search_terms")}


def test_vocabulary_is_saved_for_the_next_process_and_topped_up(db):
    find(db, "porcupin")
    assert {"porcupine", "zelenskyy", "brulee"} <= saved_terms(db)
    mark = db.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()[0]
    # a later process reads the saved words, not the index: a word only the table has is known
    db.execute("INSERT INTO search_terms (term, docs) VALUES ('zzyzx', 1)")
    db.conn.commit()
    db.vocabulary.forget()
    assert "zzyzx" in db.vocabulary.load(db).terms
    # sentences added since are read on top of it (in memory: the saved copy stays a full read)
    add_article(db, "Animals", ["A quokka smiled at the visitors in Perth."])
    db.vocabulary.forget()
    assert texts(find(db, "qokka")) == ["A quokka smiled at the visitors in Perth."]
    assert "quokka" not in saved_terms(db)
    assert db.execute("SELECT value FROM meta WHERE key = 'search_terms_sentence_id'").fetchone()[0] == mark


def test_a_save_that_fails_loses_no_words(db, tmp_path):
    import sqlite3

    other = sqlite3.connect(tmp_path / "store.db")
    other.execute("BEGIN IMMEDIATE")             # another writer holds the store
    try:
        assert texts(find(db, "porcupin")) == \
            ["The plan would turn Ukraine into a steel porcupine, one official said."]
    finally:
        other.rollback()
        other.close()
    add_article(db, "Animals", ["A quokka smiled at the visitors in Perth."])
    db.vocabulary.forget()       # the next process: nothing was saved, all is read again
    assert texts(find(db, "qokka")) == ["A quokka smiled at the visitors in Perth."]
    assert texts(find(db, "minister")) != []


def test_read_only_store_searches_without_saving(tmp_path):
    import sqlite3

    make_store(tmp_path / "store.db").close()
    conn = sqlite3.connect(f"file:{tmp_path / 'store.db'}?mode=ro", uri=True)
    try:
        hits = search.search(sqlite_utils.Database(conn), "zelensky")
        assert texts(hits) == ["Volodymyr Zelenskyy met the prime minister in London on Sunday."]
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_terms'").fetchone()[0] == 0
    finally:
        conn.close()


def test_warmed_vocabulary_spells_as_the_lazy_one(db):
    add_article(db, "More", ["Starmer, Stammer and Stormer met Starling at the Stadium in Stockport."])
    vocab = db.vocabulary.load(db)
    words = [search.Word(w, prefix) for w in ("starmr", "stadum", "zelensky", "porcupin", "sto", "cafe")
             for prefix in (False, True)]
    lazy = [vocab.spellings(w) for w in words]
    vocab.expansions.clear()
    vocab.warm()
    assert vocab.warmed
    assert [vocab.spellings(w) for w in words] == lazy
    assert any(p == '"starmer"' for _, p in lazy[0])
