"""People merged and split, by hand and by the automatic rules, on real store files."""
from __future__ import annotations

import pytest

from store.db import PERSON_SUMMARY, StoreError, open_store, reads
from store.db.merges import auto_merge, merge, merges, split, undo_merge
from store.model import Article, Extraction, Person, Quote


def article(*people: tuple) -> tuple[str, Extraction]:
    """Text naming each person (name, role, gender) twice, with one quote by each."""
    text, persons, quotes = "", [], []
    for name, role, gender in people:
        start = len(text)
        said = f"“Words of {name}.”"
        text += f"{name} spoke. {said} {name} said. "
        persons.append(Person(name=name, role=role, forms=[name], gender=gender,
                              mentions=[(start, start + len(name)), (text.rindex(name), text.rindex(name) + len(name))]))
        q = text.index(said) + 1
        quotes.append(Quote(start=q, end=q + len(said) - 2, text=said[1:-1], kind="full", speaker=name))
    return text, Extraction([(0, len(text))], [(0, len(text))], persons, quotes, [])


def add(store, key: str, *people: tuple) -> None:
    text, ex = article(*people)
    store.write([(key, Article(text=text + key, path=key), ex)])      # the key: no two articles alike


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "byline.db") as s:
        yield s


def names(store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT name FROM people")}


def made(store) -> set[tuple[str, str]]:
    return {(m["name"], m["into"]) for m in auto_merge(store)}


def snapshot(store):
    tables = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
              for t in ("article_people", "mentions", "quotes")}
    people = store.conn.execute("SELECT name, gender, role, mentions, articles, quotes FROM people ORDER BY name")
    return tables, people.fetchall()


def test_surname_joins_the_one_full_name_and_later_articles_follow(store):
    add(store, "a1", ("Barack Obama", "president", "m"))
    add(store, "a2", ("Obama", "US president", "m"), ("Joe Biden", "vice president", "m"))
    assert made(store) == {("Obama", "Barack Obama")}
    assert names(store) == {"Barack Obama", "Joe Biden"}
    row = reads.people(store, name="Barack Obama")[0]
    assert (row["mentions"], row["quotes"], row["articles"]) == (4, 2, 2)
    assert "Obama" in reads.person_forms(store.db, row["id"])
    add(store, "a3", ("Obama", None, None), ("Barack Obama", "president", "m"))    # both names in one article
    row = reads.people(store, name="Barack Obama")[0]
    assert (row["mentions"], row["quotes"], row["articles"]) == (8, 4, 3)
    assert names(store) == {"Barack Obama", "Joe Biden"}
    # the summary columns are what a full recount gives
    before = store.conn.execute("SELECT * FROM people ORDER BY id").fetchall()
    store.conn.execute(PERSON_SUMMARY)
    assert store.conn.execute("SELECT * FROM people ORDER BY id").fetchall() == before


def test_surname_with_two_full_names_stays_apart_when_both_fit(store):
    # both were president, genders unknown for the surname: nothing decides
    add(store, "a1", ("Bill Vardek", "former president", "m"), ("Hilda Vardek", "president", "f"))
    add(store, "a2", ("Vardek", "president", None))
    assert made(store) == set()
    assert names(store) == {"Bill Vardek", "Hilda Vardek", "Vardek"}


def test_surname_with_two_full_names_joins_the_one_its_office_fits(store):
    # "Vardek", a president, beside Tom Vardek (president) and Celia Vardek (first lady, a woman)
    add(store, "a1", ("Tom Vardek", "president", "m"), ("Celia Vardek", "first lady", "f"))
    add(store, "a2", ("Vardek", "US president", None), ("Ann Lo", "senator", "f"))
    add(store, "a3", ("T. Horace Vardek", "president", "m"))      # his initial: one of his forms
    assert made(store) == {("Vardek", "Tom Vardek")}
    assert names(store) == {"Tom Vardek", "Celia Vardek", "Ann Lo", "T. Horace Vardek"}
    [row] = [m for m in merges(store) if m["name"] == "Vardek"]
    assert "president" in row["reason"]


def test_surname_with_two_full_names_and_a_gender_only_stays_apart(store):
    # a gender alone decides nothing: "Vardek" may be a third Vardek the store has no full name of
    add(store, "a1", ("Tom Vardek", None, "m"), ("Celia Vardek", None, "f"))
    add(store, "a2", ("Vardek", None, "f"))
    assert made(store) == set()


def test_surname_office_and_a_namesake_father(store):
    # the only full name holding the office is described as someone's father: no merge
    add(store, "a1", ("Tom Vardek", "president and father", "m"), ("Celia Vardek", "first lady", "f"))
    add(store, "a2", ("Vardek", "president", None))
    assert made(store) == set()


@pytest.mark.parametrize("people", [
    # an office two full names hold: each could be meant
    [("Bill Vardek", "president", "m"), ("Hilda Vardek", "president", "f"), ("Vardek", "president", None)],
    # an office the surname names that neither full name holds
    [("Bill Vardek", "president", "m"), ("Hilda Vardek", "senator", "f"), ("Vardek", "governor", None)],
    # the gender fits a full name of unknown gender as well
    [("Tom Vardek", None, "m"), ("Sam Vardek", None, None), ("Vardek", None, "m")],
    # nothing known of the surname
    [("Tom Vardek", "president", "m"), ("Celia Vardek", None, "f"), ("Vardek", None, None)],
    # two presidents of one name, a father and a son (George Bush and George W. Bush)
    [("George Vardek", "president", "m"), ("George W. Vardek", "president", "m"), ("George H. W. Vardek", None, "m"),
     ("Vardek", "president", "m")],
])
def test_surname_with_several_full_names_counter_cases(store, people):
    for n, person in enumerate(people):
        add(store, f"a{n}", person)
    assert not {m for m in made(store) if m[0] == "Vardek"}


@pytest.mark.parametrize("surname_only, full, why", [
    (("Clinton", "president", "m"), ("Hillary Clinton", "secretary of state", "f"), "genders"),
    (("Clinton", "president", None), ("Hillary Clinton", "secretary of state", None), "offices"),
])
def test_surname_does_not_join_a_full_name_it_contradicts(store, surname_only, full, why):
    add(store, "a1", full)
    add(store, "a2", surname_only)
    assert made(store) == set()


@pytest.mark.parametrize("people", [
    [("Wayne Berman", None, "m"), ("Berman", "Judge", "m")],             # a title the full name never had
    [("Gary Johnson", "candidate", "m"), ("Bruce R. Gary", None, "m"), ("Gary", None, "m")],   # a first name
    [("Donald Trump Jr", None, "m"), ("Jr", None, "m")],                  # no surname
])
def test_surname_counter_cases(store, people):
    for n, person in enumerate(people):
        add(store, f"a{n}", person)
    assert made(store) == set()


def test_middle_name_counter_cases_father_and_son_and_suffix(store):
    add(store, "a1", ("Rafael Cruz", "pastor father", "m"), ("Rafael Edward Cruz", None, "m"))
    add(store, "a2", ("Donald Trump", None, "m"), ("Donald Trump Jr", None, "m"), ("Donald Jr", None, "m"))
    assert made(store) == set()


def test_middle_initial_joins_first_and_last_name(store):
    add(store, "a1", ("Donald Trump", "Republican nominee", "m"), ("Donald J. Trump", None, "m"))
    add(store, "a2", ("Donald John Trump", None, None))
    assert made(store) == {("Donald J. Trump", "Donald Trump"), ("Donald John Trump", "Donald Trump")}
    assert names(store) == {"Donald Trump"}


def test_george_bush_and_george_w_bush_stay_apart_beside_george_h_w_bush(store):
    add(store, "a1", ("George Bush", "president", "m"), ("George W. Bush", "president", "m"))
    add(store, "a2", ("George H. W. Bush", "president", "m"), ("George Walker Bush", None, "m"))
    merged = made(store)
    assert not any(into == "George Bush" for _, into in merged)
    assert {"George Bush", "George W. Bush", "George H. W. Bush"} <= names(store)


def test_case_slip_folds_into_the_usual_casing(store):
    add(store, "a1", ("HIllary Clinton", None, "f"))
    add(store, "a2", ("Hillary Clinton", None, "f"), ("Bill Clinton", None, "m"))
    add(store, "a3", ("Bill CLINTON", None, "m"))
    assert made(store) == {("HIllary Clinton", "Hillary Clinton"), ("Bill CLINTON", "Bill Clinton")}
    assert names(store) == {"Hillary Clinton", "Bill Clinton"}


def test_ingest_runs_the_automatic_merges(tmp_path):
    from store.ingest import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Barack Obama, the president, spoke on Monday.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("President Obama said on Monday: “We will act.”\n", encoding="utf-8")
    with open_store(tmp_path / "byline.db") as store:
        summary = ingest(store, [tmp_path / "in"], workers=1)
        assert [(m["name"], m["into"], m["auto"]) for m in summary.merges] == [("Obama", "Barack Obama", True)]
        assert names(store) == {"Barack Obama"}
        assert reads.quotes(store, speaker="Barack Obama")[0]["text"] == "We will act."


def test_merge_by_hand_and_undo_restore_exactly(store):
    add(store, "a1", ("Ann Lee", "mayor", "f"), ("Lee", None, None))
    add(store, "a2", ("Lee", None, None))
    before = snapshot(store)
    row = merge(store, "Lee", "Ann Lee")
    assert (row["name"], row["into"], row["auto"], row["reason"]) == ("Lee", "Ann Lee", False, "by hand")
    assert names(store) == {"Ann Lee"}
    assert [m["id"] for m in merges(store)] == [row["id"]]
    undo_merge(store, row["id"])
    assert snapshot(store) == before
    assert merges(store) == []


def test_merges_undone_out_of_order_where_they_do_not_overlap(store):
    add(store, "a1", ("Ann Lee", "mayor", "f"), ("Lee", None, None))
    add(store, "a2", ("Lee", None, None), ("A. Lee", None, "f"))
    before = snapshot(store)
    first = merge(store, "Lee", "Ann Lee")
    second = merge(store, "A. Lee", "Ann Lee")
    undo_merge(store, first["id"])
    assert names(store) == {"Ann Lee", "Lee"}
    undo_merge(store, second["id"])
    assert snapshot(store) == before


def test_undo_after_a_reingest_leaves_the_new_rows_with_the_kept_person(store):
    add(store, "a1", ("Ann Lee", "mayor", "f"), ("Lee", None, None))
    add(store, "a2", ("Lee", None, None))
    add(store, "a3", ("Bo Hart", None, None))
    row = merge(store, "Lee", "Ann Lee")
    text, ex = article(("Lee", None, None))
    store.write([("a2", Article(text=text + "edited", path="a2"), ex)])     # a new article under the same key
    undo_merge(store, row["id"])
    lee = reads.people(store, name="Lee")
    assert [(p["name"], p["articles"]) for p in lee] == [("Ann Lee", 2), ("Lee", 1)]
    orphans = store.conn.execute("SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM article_people ap"
                                 " WHERE ap.article_id = m.article_id AND ap.person_id = m.person_id)").fetchone()[0]
    assert orphans == 0
    before = store.conn.execute("SELECT * FROM people ORDER BY id").fetchall()
    store.conn.execute(PERSON_SUMMARY)
    assert store.conn.execute("SELECT * FROM people ORDER BY id").fetchall() == before


def test_read_only_store_refuses_merges(tmp_path):
    with open_store(tmp_path / "byline.db") as store:
        add(store, "a1", ("Ann Lee", None, "f"), ("Lee", None, None))
    with open_store(tmp_path / "byline.db", write=False) as store:
        for call in (lambda: merge(store, "Lee", "Ann Lee"), lambda: split(store, "Lee", 1), lambda: auto_merge(store),
                     lambda: undo_merge(store, 1)):
            with pytest.raises(StoreError, match="read-only"):
                call()


def test_undone_automatic_merge_is_not_made_again(store):
    add(store, "a1", ("Barack Obama", "president", "m"))
    add(store, "a2", ("Obama", None, "m"))
    [row] = auto_merge(store)
    undo_merge(store, row["id"])
    assert auto_merge(store) == []
    add(store, "a3", ("Obama", None, "m"))        # a later article naming him stays with "Obama"
    assert names(store) == {"Barack Obama", "Obama"}
    assert reads.people(store, name="Obama")[-1]["articles"] in (1, 2)


def test_split_moves_one_article_and_undo_puts_it_back(store):
    add(store, "a1", ("Hillary Clinton", "candidate", "f"))
    add(store, "a2", ("Hillary Clinton", "president", "f"))
    aid = store.conn.execute("SELECT id FROM articles WHERE key = 'a2'").fetchone()[0]
    before = snapshot(store)
    row = split(store, "Hillary Clinton", aid, as_name="Bill Clinton")
    assert (row["kind"], row["into"], row["article_id"]) == ("split", "Bill Clinton", aid)
    bill = reads.people(store, name="Bill Clinton")[0]
    assert (bill["articles"], bill["quotes"], bill["mentions"]) == (1, 1, 2)
    assert reads.people(store, name="Hillary Clinton")[0]["articles"] == 1
    assert auto_merge(store) == []
    undo_merge(store, row["id"])
    assert snapshot(store) == before


def test_split_without_a_name_takes_the_article_form_or_a_label(store):
    add(store, "a1", ("Hillary Clinton", None, "f"))
    aid = store.conn.execute("SELECT id FROM articles").fetchone()[0]
    assert split(store, "Hillary Clinton", aid)["into"] == f"Hillary Clinton (article {aid})"


def test_bad_merges_are_one_line_errors(store):
    add(store, "a1", ("Ann Lee", None, "f"), ("Bo Hart", None, "m"))
    with pytest.raises(StoreError, match="no person named Zed"):
        merge(store, "Zed", "Ann Lee")
    with pytest.raises(StoreError, match="themselves"):
        merge(store, "Ann Lee", "Ann Lee")
    with pytest.raises(StoreError, match="not one of the people of article 99"):
        split(store, "Ann Lee", 99)
    with pytest.raises(StoreError, match="no merge with id 5"):
        undo_merge(store, 5)
    first = merge(store, "Bo Hart", "Ann Lee")
    add(store, "a2", ("Cy Dunn", None, None))
    merge(store, "Ann Lee", "Cy Dunn")
    with pytest.raises(StoreError, match="undo merge 2 first"):
        undo_merge(store, first["id"])
    assert len(merges(store)) == 2


STORY = ("Council votes on the bridge.\n\nHilda Vardek, the council leader, spoke on Monday. "
         "\u201cThe bridge will open in May,\u201d Vardek said. Tom Orlik, a builder, agreed.\n")


def test_a_split_survives_a_reingest_and_a_reextraction_and_undo_still_works(tmp_path):
    from store.ingest import ingest, reextract

    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Hilda Vardek, the council leader, opened the fair. \u201cCome along,\u201d Vardek said.\n",
                     encoding="utf-8")
    with open_store(tmp_path / "byline.db") as store:
        ingest(store, [path, other], workers=1)
        aid = store.conn.execute("SELECT id FROM articles WHERE path LIKE '%bridge.txt'").fetchone()[0]
        row = split(store, "Hilda Vardek", aid, as_name="Hilde Vardek")

        def held() -> tuple[int, int, int]:
            pid = store.conn.execute("SELECT id FROM people WHERE name = 'Hilde Vardek'").fetchone()
            if pid is None:
                return 0, 0, 0
            aid_now = store.conn.execute("SELECT id FROM articles WHERE path LIKE '%bridge.txt'").fetchone()[0]
            count = lambda table: store.conn.execute(      # noqa: E731
                f"SELECT count(*) FROM {table} WHERE person_id = ? AND article_id = ?", (pid[0], aid_now)).fetchone()[0]
            return count("mentions"), count("quotes"), count("article_people")

        first = held()
        assert first[0] >= 2 and first[1:] == (1, 1)
        path.write_text(STORY + "Work starts in June.\n", encoding="utf-8")      # edited: re-ingested, a new article
        assert ingest(store, [path], workers=1).replaced == 1
        assert held() == first
        assert reads.people(store, name="Hilda Vardek")[0]["articles"] == 1     # the other article stays hers
        reextract(store, workers=1)
        assert held() == first
        assert ("Hilde Vardek", "Hilda Vardek") not in made(store)
        undo_merge(store, row["id"])
        assert held() == (0, 0, 0)
        assert reads.people(store, name="Hilda Vardek")[0]["articles"] == 2
