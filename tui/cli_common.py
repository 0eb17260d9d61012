"""What every `byline` command shares: the group that turns every error into one line,
the --db option and the store it opens, and plain lines, tables and JSON for output."""
from __future__ import annotations

import json
import os
import sys

import click

from store.db import StoreError, default_path, open_store


class Failure(click.ClickException):
    exit_code = 1


class BylineGroup(click.Group):
    """Runs commands with one-line errors instead of usage dumps and tracebacks."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            rv = super().main(args, prog_name or "byline", standalone_mode=False, **extra)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.Abort:
            fail("interrupted", INTERRUPTED)
        except click.ClickException as e:
            fail(e.format_message())
        except StoreError as e:
            fail(str(e))
        except KeyboardInterrupt:
            fail("interrupted", INTERRUPTED)
        except BrokenPipeError:
            # the reader (head, less) went away: not an error worth a message
            sys.stderr.close()
            sys.exit(0)
        except Exception as e:  # noqa: BLE001 -- the promise is: never a traceback
            if os.environ.get("BYLINE_DEBUG"):
                raise
            fail(f"{type(e).__name__}: {e}")
        sys.exit(rv if isinstance(rv, int) else 0)


INTERRUPTED = 130       # 128 + SIGINT: what a shell reports for a command stopped by Ctrl+C


def fail(message: str, code: int = 1) -> None:
    click.echo("byline: error: " + plain(message), err=True)
    sys.exit(code)


def db_option(f):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                        help="Store file (default: $BYLINE_DB or the user data folder).")(f)


def db_path(ctx: click.Context, db: str | None) -> str | None:
    """The --db of the subcommand, else the one given before it."""
    return db or (ctx.find_root().params.get("db") if ctx.find_root() is not ctx else None)


def open_for(ctx: click.Context, db: str | None, must_exist: bool = True, write: bool | None = None):
    """The store to use; write=True for a command that writes (refused, with the reason,
    where the store cannot be written), else read-only where it cannot be."""
    path = db_path(ctx, db)
    target = path or default_path()
    if must_exist and not os.path.exists(target):
        raise Failure(f"no store at {target} (add articles with `byline add PATH`)")
    return open_store(path, notice=notice, write=write)


def notice(message: str) -> None:
    click.echo(f"byline: {message}", err=True)


def console(err: bool = False):
    from rich.console import Console
    return Console(stderr=err, highlight=False)


def plain(value) -> str:
    """A value for a plain line of output: no escapes, one line."""
    from store.extract.text import clean_text
    return " ".join(clean_text(str(value)).split())


def print_table(rows: list[dict], columns: list[tuple[str, str]], title: str) -> None:
    """A Rich table; every value wrapped in Text so article text prints literally."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", expand=False)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*[Text(cell(row.get(key))) for key, _ in columns])
    console().print(table)


def cell(value) -> str:
    from store.extract.text import clean_text
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    return clean_text(str(value))


def emit(rows: list[dict], as_json: bool, columns, title: str) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif not rows:
        click.echo(f"no {title.lower()} found")
    else:
        print_table(rows, columns, title)


def list_options(f):
    f = click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")(f)
    f = click.option("--offset", default=0, type=click.IntRange(0), help="Rows to skip.")(f)
    f = click.option("--limit", default=50, type=click.IntRange(1), show_default=True, help="Rows to show.")(f)
    return db_option(f)
