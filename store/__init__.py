"""byline's store: everything below the screen.

Reading articles (readers), extraction (text, people, quotes, figures, extract),
the SQLite schema and writes (db), read queries (queries), search (search) and
citations (cite). Nothing here imports textual or rich.
"""
