"""Full-text index over sentences and fuzzy search as you type.

    syntax.py      the query language: fuzzy words and 'exact ^start end$ !not "a phrase"
    tokens.py      words as the index sees them (folded, split)
    ranking.py     how well a sentence matches: the one scorer, and what to highlight
    vocabulary.py  the store's indexed words (Store.vocabulary) and a word's close spellings
    sample.py      an even sample of the store's sentences, to estimate a count that would be slow
    engine.py      search(): spellings -> FTS queries, best first -> ranked hits;
                   count(): how many a search with no limit would return

The index itself (an FTS5 table over sentences and its triggers) is part of the store's
schema: store.db.schema.install_search, here as install.
"""
from __future__ import annotations

from ..db.schema import install_search as install
from .engine import CANDIDATES, COUNT_BUDGET, RELAX, Count, Hit, count, search
from .ranking import PREFIX_SIM, Word, highlights, rank
from .sample import sample_of
from .syntax import Query, SearchSyntaxError, Term, parse
from .tokens import fold, tokens
from .vocabulary import Terms, Vocabulary

__all__ = ["CANDIDATES", "COUNT_BUDGET", "PREFIX_SIM", "RELAX", "Count", "Hit", "Query", "SearchSyntaxError", "Term",
           "Terms", "Vocabulary", "Word", "count", "fold", "highlights", "install", "parse", "rank", "sample_of",
           "search", "tokens"]
