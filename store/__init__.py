"""byline's store: everything below the screen.

Reading articles (readers/), extraction (text, people, quotes, figures, extract), the
SQLite store (db/: schema, migrations, writes, reads), search (search/), ingest and
citations (cite). Nothing here imports textual or rich (tests/test_layers.py checks).
"""
