"""The `byline` commands that read what is stored: people, quotes, figures and articles
a page at a time, a quote's citation, and the fuzzy search over every sentence."""
from __future__ import annotations

import json
import time

import click

from tui.cli_common import Failure, cell, console, db_option, emit, list_options, open_for, plain


@click.group(invoke_without_command=True)
@click.option("--name", default=None, help="Only people whose name matches (fuzzy).")
@list_options
@click.pass_context
def people(ctx, name, limit, offset, as_json, db) -> None:
    """People found in the articles, most mentioned first; or merge, split and list merges
    of people (byline people merge --help)."""
    if ctx.invoked_subcommand is not None:
        return
    from store.db import reads
    with open_for(ctx, db) as store:
        rows = reads.people(store, name=name, limit=limit, offset=offset)
    emit(rows, as_json, [("id", "id"), ("name", "name"), ("role", "role"), ("mentions", "mentions"),
                          ("quotes", "quotes"), ("articles", "articles")], "People")


@click.command()
@click.option("--speaker", default=None, help="Only quotes by this person (fuzzy name) or organisation.")
@list_options
@click.pass_context
def quotes(ctx, speaker, limit, offset, as_json, db) -> None:
    """Quotes with their speaker, the cue that decided it and how often that kind of
    decision was right on annotated articles (confidence). Below byline's threshold the
    speaker is not named: the best guess shows as "likely Ann Cole, low confidence"."""
    from store.db import labels, reads
    with open_for(ctx, db) as store:
        rows = reads.quotes(store, speaker=speaker, limit=limit, offset=offset)
    if not as_json:
        for r in rows:
            r["speaker"] = labels.speaker_label(r) + (" (checked)" if r["checked"] else "") + (
                f", via {labels.one_line(r['via'])}" if labels.one_line(r.get("via")) else "")
            r["kind"] = r["kind"] or ""
            r["confidence"] = labels.confidence_label(r)
    emit(rows, as_json, [("id", "id"), ("text", "quote"), ("kind", "kind"), ("speaker", "speaker"),
                          ("confidence", "conf"), ("cue", "cue"), ("title", "article")], "Quotes")


@click.command()
@click.option("--kind", default=None, help="money, percent, count or duration.")
@list_options
@click.pass_context
def figures(ctx, kind, limit, offset, as_json, db) -> None:
    """Figures: money, percentages, counts and durations."""
    from store.db import reads
    with open_for(ctx, db) as store:
        rows = reads.figures(store, kind=kind, limit=limit, offset=offset)
    emit(rows, as_json, [("id", "id"), ("text", "figure"), ("kind", "kind"), ("value", "value"),
                          ("unit", "unit"), ("about", "about"), ("title", "article")], "Figures")


@click.command()
@list_options
@click.pass_context
def articles(ctx, limit, offset, as_json, db) -> None:
    """Stored articles, newest first (text "summary": a feed entry that gave only its summary)."""
    from store.db import reads
    with open_for(ctx, db) as store:
        rows = reads.articles(store, limit=limit, offset=offset)
    if not as_json:
        for r in rows:      # a feed entry that gave only its summary, not the story
            r["text"] = "summary" if r["summary_only"] else ""
    emit(rows, as_json, [("id", "id"), ("title", "title"), ("source", "source"), ("published", "published"),
                          ("text", "text"), ("people", "people"), ("quotes", "quotes"), ("figures", "figures")],
         "Articles")


@click.command()
@click.argument("quote_id", type=int)
@click.option("--style", type=click.Choice(["plain", "markdown", "ap"]), default="plain", show_default=True,
              help="plain, markdown (a blockquote) or ap (AP-like: see the README).")
@click.option("--json", "as_json", is_flag=True,
              help="JSON: the citation, and whether the speaker was checked by hand (checked, correction).")
@db_option
@click.pass_context
def cite(ctx, quote_id: int, style: str, as_json: bool, db) -> None:
    """Print a quote with its citation, ready to paste. A speaker byline only guessed is
    cited as "speaker unconfirmed (likely Ann Cole)" until someone checks it (byline fix)."""
    from store.db import reads
    from store.cite import cite as format_citation
    with open_for(ctx, db) as store:
        row = reads.quote(store, quote_id)
    if row is None:
        raise Failure(f"no quote with id {quote_id}")
    if as_json:
        click.echo(json.dumps({"id": quote_id, "citation": format_citation(row, style), "speaker": row["speaker"],
                               "checked": row["checked"], "correction": row["correction"]}, ensure_ascii=False))
    else:
        click.echo(format_citation(row, style))


@click.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.option("--limit", default=20, type=click.IntRange(1), show_default=True)
@click.option("--stats", is_flag=True,
              help="Print the search time (search_ms=...) and the vocabulary's load time on stderr.")
@db_option
@click.pass_context
def search(ctx, query: str, as_json: bool, limit: int, stats: bool, db) -> None:
    """Fuzzy search over every sentence (typos and partial words welcome). When there
    are more results than --limit, says how many were left out."""
    from store.search import SearchSyntaxError, count, parse
    from store.search import search as run_search
    with open_for(ctx, db) as store:
        started = time.perf_counter()
        store.vocabulary.load(store.db)        # start-up, timed apart: read from the store once per process
        loaded = time.perf_counter()
        try:
            hits = run_search(store.db, query, limit, vocabulary=store.vocabulary)
            finished = time.perf_counter()
            # exact (the app estimates a count that would be slow; here it is one count)
            # (operators may refuse rows a larger limit would bring: count then too)
            total = count(store.db, query, store.vocabulary) if len(hits) >= limit or parse(query).terms else None
        except SearchSyntaxError as e:
            raise Failure(str(e)) from None
        counted = time.perf_counter()
    if stats:
        click.echo(f"vocabulary_ms={(loaded - started) * 1000:.1f}", err=True)
        click.echo(f"search_ms={(finished - loaded) * 1000:.1f}", err=True)
        if total is not None:
            click.echo(f"count_ms={(counted - finished) * 1000:.1f}", err=True)
    left_out = ""
    if total is not None and total.n > len(hits):
        more = total.n - len(hits)
        left_out = (f"showing {len(hits):,} of {total} results: {'up to ' if total.how else ''}{more:,} left out "
                    f"(--limit {total.n} shows {'them' if more > 1 else 'it'})")
    fields = ("sentence_id", "article_id", "title", "source", "text", "char_start", "char_end", "score", "highlights")
    rows = [{f: getattr(h, f, None) for f in fields} for h in hits]
    if as_json:
        for r in rows:
            r["highlights"] = [list(span) for span in r["highlights"] or []]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        if left_out:
            click.echo(f"byline: {left_out}", err=True)     # stdout stays JSON
        return
    from rich.table import Table
    from rich.text import Text
    if not rows:
        click.echo("no sentences found")
        return
    table = Table(title=Text(f"Search: {plain(query)}"), title_justify="left")
    for header in ("score", "sentence", "article"):
        table.add_column(header, overflow="fold")
    for r in rows:
        snippet = Text(cell(r["text"]))
        for start, end in r["highlights"] or []:
            snippet.stylize("bold reverse", start, end)
        table.add_row(Text(f"{r['score']:.0f}" if r["score"] is not None else ""), snippet, Text(cell(r["title"])))
    console().print(table)
    if left_out:
        click.echo(left_out)
