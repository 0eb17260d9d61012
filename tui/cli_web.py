"""`byline feeds`: follow feeds like newsboat. `byline feeds add URL` follows one (and adds
its entries), `byline feeds update` reads them all again and adds what is new, `byline
feeds` lists them. (`byline add URL` reads a page or a feed once, without following it.)"""
from __future__ import annotations

import sys

import click

from tui.cli_common import Failure, db_option, emit, open_for, plain


def _db(ctx: click.Context, db: str | None) -> str | None:
    """--db given to the subcommand, else to `feeds`, else before it."""
    return db or ctx.parent.params.get("db")


def _counts(summary) -> str:
    return f"{summary.added} new, {summary.unchanged} unchanged, {summary.replaced} replaced, " \
           f"{len(summary.skipped)} skipped"


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@db_option
@click.pass_context
def feeds(ctx: click.Context, as_json: bool, db: str | None) -> None:
    """The feeds you follow (with no command: list them)."""
    if ctx.invoked_subcommand is not None:
        return
    from store.web.follow import followed
    with open_for(ctx, db) as store:
        rows = followed(store)
    emit(rows, as_json, [("id", "id"), ("title", "title"), ("url", "url"), ("articles", "articles"),
                          ("last_checked", "checked"), ("last_error", "last error")], "Feeds")


@feeds.command("add")
@click.argument("url")
@db_option
@click.pass_context
def add_feed(ctx: click.Context, url: str, db: str | None) -> None:
    """Follow the RSS or Atom feed at URL and add its entries."""
    from store.web.follow import FeedError, follow
    with open_for(ctx, _db(ctx, db), must_exist=False, write=True) as store:
        try:
            result = follow(store, url)
        except FeedError as e:
            raise Failure(str(e)) from None
    click.echo(f"following {plain(result.title or url)}: {_counts(result.summary)}")


@feeds.command("update")
@db_option
@click.pass_context
def update_feeds(ctx: click.Context, db: str | None) -> None:
    """Read every feed again and add its new entries (exit status 1 if one failed)."""
    from store.web.follow import update

    def each(result) -> None:
        name = plain(result.title or result.url)
        if result.error:
            click.echo(f"byline: error: {name} ({plain(result.url)}): {plain(result.error)}", err=True)
        elif result.summary is None:
            click.echo(f"{name}: not changed")
        else:
            click.echo(f"{name}: {_counts(result.summary)}")

    with open_for(ctx, _db(ctx, db), write=True) as store:
        results = update(store, each=each)
    if not results:
        click.echo("no feeds followed (byline feeds add URL)")
    if any(r.error for r in results):
        sys.exit(1)
