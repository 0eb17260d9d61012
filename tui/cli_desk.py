"""The journalist's desk on the command line: correct who said a quote (`byline fix`),
extract stored articles again keeping the corrections (`byline reextract`), and merge and
split people (`byline people merge | split | merges`)."""
from __future__ import annotations

import json

import click

from tui.cli_common import Failure, db_option, emit, open_for, plain


def register(main: click.Group) -> None:
    """Add the desk's commands to `byline` (and its `people` group)."""
    main.add_command(fix)
    main.add_command(reextract)
    people = main.commands["people"]
    for command in (merge, split, merges):
        people.add_command(command)


def _db(ctx: click.Context, db: str | None) -> str | None:
    """--db given to the subcommand, else to `byline people`, else to `byline`."""
    parent = ctx.parent.params.get("db") if ctx.parent is not None else None
    return db or parent


def status(row: dict) -> str:
    """Whether the user checked the quote, and how."""
    return {"speaker": "checked: speaker set by hand", "unknown": "checked: speaker unknown",
            "confirmed": "checked: confirmed"}.get(row["correction"], "unchecked")


@click.command()
@click.argument("quote_id", type=int)
@click.option("--speaker", default=None, metavar="NAME", help="Who said it (a new name makes a new person).")
@click.option("--unknown", is_flag=True, help="Nobody byline knows said it.")
@click.option("--confirm", is_flag=True, help="Byline has it right (a withheld guess becomes the speaker).")
@click.option("--undo", is_flag=True, help="Undo the newest correction of the quote.")
@click.option("--history", is_flag=True, help="List the quote's corrections, newest first.")
@db_option
@click.pass_context
def fix(ctx, quote_id: int, speaker: str | None, unknown: bool, confirm: bool, undo: bool, history: bool, db) -> None:
    """Correct who said a quote: --speaker NAME, --unknown or --confirm; --undo takes the
    newest correction back. Prints the quote and its citation after. A correction wins over
    extraction and is kept through re-ingesting and re-extracting the article."""
    from store.cite import cite
    from store.db import corrections

    if (speaker is not None) + unknown + confirm + undo + history != 1:
        raise Failure("give one of --speaker NAME, --unknown, --confirm, --undo or --history")
    with open_for(ctx, db, write=None if history else True) as store:
        if history:
            rows = corrections.corrections(store, quote_id)
            return emit(rows, False, [("id", "id"), ("action", "action"), ("speaker", "speaker"),
                                      ("before_person", "before"), ("who", "who"), ("at", "at"),
                                      ("undone", "undone")], f"Corrections of quote {quote_id}")
        if undo:
            row = corrections.undo(store, quote_id)
            if row is None:
                raise Failure(f"quote {quote_id} has no correction to undo")
        else:
            row = corrections.fix(store, quote_id, speaker=speaker, unknown=unknown, confirm=confirm)
    click.echo(f"quote {quote_id} ({status(row)}): {plain(cite(row))}")


@click.command()
@click.option("--article", "article_ids", type=int, multiple=True, help="Only this article (repeatable).")
@db_option
@click.pass_context
def reextract(ctx, article_ids: tuple[int, ...], db) -> None:
    """Extract stored articles again with this byline's rules (after an upgrade); the
    corrections made by hand are applied again, and those whose quote is gone are listed."""
    from store.ingest import reextract as run

    with open_for(ctx, db, write=True) as store:
        done = run(store, list(article_ids) or None)
    click.echo(f"extracted {done.articles} articles again; corrections applied again: {done.corrections}; "
               f"people merged automatically: {len(done.merges)}")
    for aid, reason in done.skipped:
        click.echo(f"skipped article {aid}: {plain(reason)}")
    for o in done.orphans:
        click.echo(f"kept, quote not found: correction {o['id']} ({o['action']}"
                   f"{' ' + plain(o['speaker']) if o['speaker'] else ''}) of “{plain(o['quote_text'])}” "
                   f"in {plain(o['article_key'])}")


@click.command()
@click.argument("name")
@click.argument("into")
@db_option
@click.pass_context
def merge(ctx, name: str, into: str, db) -> None:
    """Merge person NAME into person INTO: one person across the archive (undo with
    `byline people merges --undo ID`)."""
    from store.db.merges import merge as run

    with open_for(ctx, _db(ctx, db), write=True) as store:
        row = run(store, name, into)
    click.echo(f"merged {plain(name)} into {plain(into)} (merge {row['id']})")


@click.command()
@click.argument("name")
@click.option("--article", "article_id", type=int, required=True, help="The article whose NAME is someone else.")
@click.option("--as", "as_name", default=None, metavar="NAME",
              help="Whose they are (default: the fullest form the article used, else 'NAME (article ID)').")
@db_option
@click.pass_context
def split(ctx, name: str, article_id: int, as_name: str | None, db) -> None:
    """Split one article's mentions and quotes of person NAME off to a person of their own."""
    from store.db.merges import split as run

    with open_for(ctx, _db(ctx, db), write=True) as store:
        row = run(store, name, article_id, as_name=as_name)
    click.echo(f"split {plain(name)} in article {article_id} off as {plain(row['into'])} (merge {row['id']})")


@click.command()
@click.option("--undo", "undo_id", type=int, default=None, metavar="ID", help="Undo this merge or split.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@db_option
@click.pass_context
def merges(ctx, undo_id: int | None, as_json: bool, db) -> None:
    """Merges and splits of people in force, newest first, automatic and by hand, with
    their reasons."""
    from store.db import merges as store_merges

    with open_for(ctx, _db(ctx, db), write=True if undo_id is not None else None) as store:
        if undo_id is not None:
            store_merges.undo_merge(store, undo_id)
            click.echo(f"undid merge {undo_id}")
            return
        rows = store_merges.merges(store)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for r in rows:
        r["how"] = "automatic" if r["auto"] else "by hand"
        if r["kind"] == "split":
            r["name"] = f"{r['name']} (article {r['article_id']})"
    emit(rows, False, [("id", "id"), ("kind", "kind"), ("name", "name"), ("into", "into"), ("how", "how"),
                       ("reason", "reason"), ("at", "at")], "Merges")
