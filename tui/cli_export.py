"""`byline export`: quotes, people, figures or articles as JSON Lines, CSV or Markdown
(store/export.py does the work; this is the command line around it)."""
from __future__ import annotations

import sys

import click

from tui.cli_common import Failure, db_option, open_for


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "markdown"]), default="jsonl", show_default=True)
@click.option("--what", type=click.Choice(["quotes", "people", "figures", "articles"]), default="quotes",
              show_default=True)
@click.option("--speaker", default=None,
              help="Quotes by this person or organisation; people by this name; figures and articles "
                   "in the articles that mention this person.")
@click.option("--article", "article_id", type=int, default=None, help="Only what is in this article (its id).")
@click.option("--since", default=None, metavar="DATE",
              help="Only articles published on DATE (YYYY-MM-DD) or later; undated ones are left out.")
@click.option("--style", type=click.Choice(["plain", "markdown", "ap"]), default=None,
              help="Citation style (default: markdown for --format markdown, else plain).")
@click.option("--bom", is_flag=True, help="Start a CSV file with a UTF-8 byte order mark (for Excel).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (default: standard output).")
@db_option
@click.pass_context
def export(ctx, fmt, what, speaker, article_id, since, style, bom, output, db) -> None:
    """Export quotes, people, figures or articles, with their citations, filtered like the
    listing commands. Column names are stable (see the README)."""
    from store import export as exports

    if bom and fmt != "csv":
        raise Failure("--bom is for --format csv")
    try:
        since = exports.check_since(since) if since is not None else None
    except ValueError as e:
        raise Failure(str(e)) from None
    style = style or ("markdown" if fmt == "markdown" else "plain")
    with open_for(ctx, db) as store:
        if article_id is not None and not exports.article_exists(store, article_id):
            raise Failure(f"no article with id {article_id}")
        ids = exports.ids(store, what, speaker=speaker, article_id=article_id, since=since)
        rows = exports.records(store, what, ids, style)
        if output is None:
            exports.write(sys.stdout, fmt, what, rows, bom)
            sys.stdout.flush()
            return
        try:
            n = exports.to_file(output, fmt, what, rows, bom)
        except OSError as e:
            raise Failure(f"cannot write {output}: {e.strerror or e}") from None
    click.echo(f"exported {n:,} {what} to {output}", err=True)
