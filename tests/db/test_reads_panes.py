"""Reads behind the panes of issue 20: placeholders for missing metadata read as missing,
figures by value never mix units, a figure's sentence, list totals."""
from __future__ import annotations

from store.db import filters, labels, open_store, reads
from store.model import Article, Extraction, Figure

TEXT = "The UK spends £537bn. The US spends $498bn and then $718bn. Prices rose 4.5%."


def figures_store(path):
    spans = [(TEXT.index(t), TEXT.index(t) + len(t)) for t in ("£537bn", "$498bn", "$718bn", "4.5%")]
    units = [("money", 537e9, "GBP"), ("money", 498e9, "USD"), ("money", 718e9, "USD"), ("percent", 4.5, "%")]
    figures = [Figure(start=s, end=e, text=TEXT[s:e], kind=k, value=v, unit=u) for (s, e), (k, v, u) in zip(spans, units)]
    sentences = [(0, 21), (22, 59), (60, len(TEXT))]
    ex = Extraction(paragraphs=[(0, len(TEXT))], sentences=sentences, people=[], quotes=[], figures=figures)
    store = open_store(path)
    store.write([("k1", Article(text=TEXT, title="None", source="null", author="None", published="N/A"), ex)])
    return store


def test_figures_by_value_sort_within_their_unit(tmp_path):
    with figures_store(tmp_path / "s.db") as store:
        def texts(descending):
            ids = filters.figures_ids(store, sort="value", descending=descending)
            return [r["text"] for r in reads.figures_rows(store, ids)]
        assert texts(True) == ["4.5%", "£537bn", "$718bn", "$498bn"]        # %, GBP, USD: units apart
        assert texts(False) == ["4.5%", "£537bn", "$498bn", "$718bn"]


def test_a_figure_knows_the_sentence_it_came_from(tmp_path):
    with figures_store(tmp_path / "s.db") as store:
        row = next(r for r in reads.figures_rows(store, filters.figures_ids(store)) if r["text"] == "$718bn")
        sentence, start, end = reads.figure_sentence(store, row)
        assert sentence == "The US spends $498bn and then $718bn." and sentence[start:end] == "$718bn"


def test_placeholders_for_missing_metadata_read_as_none(tmp_path):
    with figures_store(tmp_path / "s.db") as store:
        article = reads.articles(store)[0]
        assert (article["title"], article["source"], article["author"], article["published"]) == (None,) * 4
        assert reads.article(store, article["id"])["author"] is None
        assert reads.figures_rows(store, filters.figures_ids(store))[0]["title"] is None
    assert [labels.given(v) for v in ("None", " null ", "N/A", "", None, "Nonesuch", "Ann Lee")] == \
        [None, None, None, None, None, "Nonesuch", "Ann Lee"]


def test_totals_count_the_unfiltered_list(tmp_path):
    with figures_store(tmp_path / "s.db") as store:
        assert [filters.total(store, pane) for pane in ("people", "quotes", "figures", "articles")] == [0, 0, 4, 1]
        assert len(filters.figures_ids(store, "bn")) == 3 and filters.figures_ids(store, "bn").spellings == {}


def test_one_line_drops_escape_sequences_and_control_characters():
    from store.db.labels import one_line
    assert one_line("a\x1b[31mred\x1b[0m title\x07 \x1b]0;owned\x07end\n") == "ared title end"
