"""Full-text index over sentences and fuzzy search. (Being written: install() only so far.)"""
from __future__ import annotations

import sqlite_utils


def install(db: sqlite_utils.Database) -> None:
    """Create the FTS5 index over sentences(text) and the triggers that keep it in step."""
    db.executescript(
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
            text, content='sentences', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3');
        CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        """
    )
