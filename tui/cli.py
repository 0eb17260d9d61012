"""The `byline` command line. With no subcommand it opens the app.

Every error is one line, `byline: error: ...`, with exit code 1 (130 when interrupted
with Ctrl+C, as shells expect). Article text reaches the
terminal only inside rich.text.Text objects, so markup in it prints literally.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
import threading
import time

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
            _fail("interrupted", INTERRUPTED)
        except click.ClickException as e:
            _fail(e.format_message())
        except StoreError as e:
            _fail(str(e))
        except KeyboardInterrupt:
            _fail("interrupted", INTERRUPTED)
        except BrokenPipeError:
            # the reader (head, less) went away: not an error worth a message
            sys.stderr.close()
            sys.exit(0)
        except Exception as e:  # noqa: BLE001 -- the promise is: never a traceback
            if os.environ.get("BYLINE_DEBUG"):
                raise
            _fail(f"{type(e).__name__}: {e}")
        sys.exit(rv if isinstance(rv, int) else 0)


INTERRUPTED = 130       # 128 + SIGINT: what a shell reports for a command stopped by Ctrl+C


def _fail(message: str, code: int = 1) -> None:
    click.echo("byline: error: " + _plain(message), err=True)
    sys.exit(code)


def db_option(f):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                        help="Store file (default: $BYLINE_DB or the user data folder).")(f)


def _db_path(ctx: click.Context, db: str | None) -> str | None:
    """The --db of the subcommand, else the one given before it."""
    return db or (ctx.find_root().params.get("db") if ctx.find_root() is not ctx else None)


def _store(ctx: click.Context, db: str | None, must_exist: bool = True, write: bool | None = None):
    """The store to use; write=True for a command that writes (refused, with the reason,
    where the store cannot be written), else read-only where it cannot be."""
    path = _db_path(ctx, db)
    target = path or default_path()
    if must_exist and not os.path.exists(target):
        raise Failure(f"no store at {target} (add articles with `byline add PATH`)")
    return open_store(path, notice=_notice, write=write)


def _notice(message: str) -> None:
    click.echo(f"byline: {message}", err=True)


def _console(err: bool = False):
    from rich.console import Console
    return Console(stderr=err, highlight=False)


@click.group(cls=BylineGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(package_name="byline", prog_name="byline")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """byline: people, quotes and figures from news articles, in a terminal app.

    With no command, opens the app on the store (the bundled sample article the first time).
    """
    if ctx.invoked_subcommand is not None:
        return
    # Start-up makes many objects and almost no cycles: collections then cost ~0.1 s of a
    # half-second start. The app turns the collector back on once its first frame is up.
    gc.disable()
    path = db or str(default_path())
    if db is None:
        with open_store(path, notice=_notice) as store:
            if not store.read_only and store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
                from store.ingest import ingest, sample_path
                ingest(store, [sample_path()])
    elif not os.path.exists(db):
        raise Failure(f"no store at {db} (add articles with `byline add --db {db} PATH`)")
    else:
        open_store(db, notice=_notice).close()       # a clear error now beats a broken app later
    from store.db import filters, reads

    first_ids = reads.ids_in_background(path, filters.people_ids)    # while Textual loads
    from tui.app import run_app      # lazily: the command line starts fast without it
    run_app(path, first_ids)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.pass_context
def add(ctx: click.Context, paths: tuple[str, ...], db: str | None) -> None:
    """Read articles (files, folders, - for stdin), extract and store them.

    Ctrl+C stops after the batch in hand is stored (a second Ctrl+C stops at once; each
    article is stored whole or not at all either way); running the same command again
    adds the rest, skipping what is stored."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from store.ingest import ingest

    with _store(ctx, db, must_exist=False, write=True) as store, _stop_on_ctrl_c() as stop:
        started = time.perf_counter()
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn()]
        with Progress(*columns, console=_console(err=True), transient=True) as bar:
            task = bar.add_task("adding", total=None, rate="-")

            def progress(done: int, total: int | None) -> None:
                rate = done / max(time.perf_counter() - started, 1e-6)
                bar.update(task, completed=done, total=max(total or 0, done) or None, rate=f"{rate:.0f}",
                           description="stopping after this batch (Ctrl+C again: at once)" if stop() else "adding")

            summary = ingest(store, paths, progress=progress, stop=stop)
        elapsed = time.perf_counter() - started
        if summary.added or summary.replaced:
            store.vocabulary.save(store.db)     # once the saved one is far behind: seconds at 1M sentences
    read = summary.added + summary.unchanged + summary.replaced
    click.echo(f"added {summary.added}, unchanged {summary.unchanged}, replaced {summary.replaced}, "
               f"skipped {len(summary.skipped)} ({read / max(elapsed, 1e-6):.0f} articles/s)")
    click.echo(f"people {summary.people}, quotes {summary.quotes}, figures {summary.figures}")
    for path, reason in summary.skipped[:20]:
        click.echo(f"skipped {_plain(path)}: {_plain(reason)}")
    if len(summary.skipped) > 20:
        click.echo(f"... and {len(summary.skipped) - 20} more skipped")
    if summary.interrupted:
        click.echo(f"byline: interrupted: stopped after {read + len(summary.skipped)} articles, each stored whole; "
                   "run the same command again to add the rest", err=True)
        sys.exit(INTERRUPTED)
    if summary.skipped and not read:
        sys.exit(1)


@contextlib.contextmanager
def _stop_on_ctrl_c():
    """Yields stop(): false until Ctrl+C (SIGINT). The first Ctrl+C asks to stop after the
    batch in hand; a second one stops at once (KeyboardInterrupt: the batch being written
    is rolled back whole)."""
    asked = threading.Event()

    def on_sigint(signum, frame) -> None:
        if asked.is_set():
            raise KeyboardInterrupt
        asked.set()

    try:
        previous = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:              # not the main thread (a test runner's): no handler then
        yield asked.is_set
        return
    try:
        yield asked.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (the scorer's format).")
def extract(paths: tuple[str, ...], as_json: bool) -> None:
    """Extract people, quotes and figures from articles without storing them."""
    from store.extract import to_json
    from store.ingest import extract_all
    from store.readers import Skipped, read_paths

    out = sys.stdout
    for item in extract_all(read_paths(paths)):
        if isinstance(item, Skipped):
            click.echo(f"byline: skipped {_plain(item.path)}: {_plain(item.reason)}", err=True)
            continue
        article, ex = item
        if isinstance(ex, str):
            click.echo(f"byline: skipped {_plain(article.path)}: {_plain(ex)}", err=True)
        elif as_json:
            out.write(json.dumps(to_json(article, ex), ensure_ascii=False) + "\n")
        else:
            out.write(f"{_plain(article.title or article.path)}: {len(ex.people)} people, "
                      f"{len(ex.quotes)} quotes, {len(ex.figures)} figures\n")
    out.flush()


def _plain(value) -> str:
    """A value for a plain line of output: no escapes, one line."""
    from store.extract.text import clean_text
    return " ".join(clean_text(str(value)).split())


def _table(rows: list[dict], columns: list[tuple[str, str]], title: str) -> None:
    """A Rich table; every value wrapped in Text so article text prints literally."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", expand=False)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*[Text(_cell(row.get(key))) for key, _ in columns])
    _console().print(table)


def _cell(value) -> str:
    from store.extract.text import clean_text
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    return clean_text(str(value))


def _emit(rows: list[dict], as_json: bool, columns, title: str) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif not rows:
        click.echo(f"no {title.lower()} found")
    else:
        _table(rows, columns, title)


def list_options(f):
    f = click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")(f)
    f = click.option("--offset", default=0, type=click.IntRange(0), help="Rows to skip.")(f)
    f = click.option("--limit", default=50, type=click.IntRange(1), show_default=True, help="Rows to show.")(f)
    return db_option(f)


@main.command()
@click.option("--name", default=None, help="Only people whose name matches (fuzzy).")
@list_options
@click.pass_context
def people(ctx, name, limit, offset, as_json, db) -> None:
    """People found in the articles, most mentioned first."""
    from store.db import reads
    with _store(ctx, db) as store:
        rows = reads.people(store, name=name, limit=limit, offset=offset)
    _emit(rows, as_json, [("id", "id"), ("name", "name"), ("role", "role"), ("mentions", "mentions"),
                          ("quotes", "quotes"), ("articles", "articles")], "People")


@main.command()
@click.option("--speaker", default=None, help="Only quotes by this person (fuzzy name) or organisation.")
@list_options
@click.pass_context
def quotes(ctx, speaker, limit, offset, as_json, db) -> None:
    """Quotes with their speaker, the cue that decided it and how often that kind of
    decision was right on annotated articles (confidence). Below byline's threshold the
    speaker is not named: the best guess shows as "likely Ann Cole, low confidence"."""
    from store.db import labels, reads
    with _store(ctx, db) as store:
        rows = reads.quotes(store, speaker=speaker, limit=limit, offset=offset)
    if not as_json:
        for r in rows:
            r["speaker"] = labels.speaker_label(r)
            r["kind"] = r["kind"] or ""
            r["confidence"] = labels.confidence_label(r)
    _emit(rows, as_json, [("id", "id"), ("text", "quote"), ("kind", "kind"), ("speaker", "speaker"),
                          ("confidence", "conf"), ("cue", "cue"), ("title", "article")], "Quotes")


@main.command()
@click.option("--kind", default=None, help="money, percent, count or duration.")
@list_options
@click.pass_context
def figures(ctx, kind, limit, offset, as_json, db) -> None:
    """Figures: money, percentages, counts and durations."""
    from store.db import reads
    with _store(ctx, db) as store:
        rows = reads.figures(store, kind=kind, limit=limit, offset=offset)
    _emit(rows, as_json, [("id", "id"), ("text", "figure"), ("kind", "kind"), ("value", "value"),
                          ("unit", "unit"), ("about", "about"), ("title", "article")], "Figures")


@main.command()
@list_options
@click.pass_context
def articles(ctx, limit, offset, as_json, db) -> None:
    """Stored articles, newest first."""
    from store.db import reads
    with _store(ctx, db) as store:
        rows = reads.articles(store, limit=limit, offset=offset)
    _emit(rows, as_json, [("id", "id"), ("title", "title"), ("source", "source"), ("published", "published"),
                          ("people", "people"), ("quotes", "quotes"), ("figures", "figures")], "Articles")


@main.command()
@click.argument("quote_id", type=int)
@click.option("--style", type=click.Choice(["plain", "markdown"]), default="plain", show_default=True)
@db_option
@click.pass_context
def cite(ctx, quote_id: int, style: str, db) -> None:
    """Print a quote with its citation, ready to paste."""
    from store.db import reads
    from store.cite import cite as format_citation
    with _store(ctx, db) as store:
        row = reads.quote(store, quote_id)
    if row is None:
        raise Failure(f"no quote with id {quote_id}")
    click.echo(format_citation(row, style))


@main.command()
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
    with _store(ctx, db) as store:
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
    table = Table(title=Text(f"Search: {_plain(query)}"), title_justify="left")
    for header in ("score", "sentence", "article"):
        table.add_column(header, overflow="fold")
    for r in rows:
        snippet = Text(_cell(r["text"]))
        for start, end in r["highlights"] or []:
            snippet.stylize("bold reverse", start, end)
        table.add_row(Text(f"{r['score']:.0f}" if r["score"] is not None else ""), snippet, Text(_cell(r["title"])))
    _console().print(table)
    if left_out:
        click.echo(left_out)


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts and editor plugins.")
@click.option("--limit", default=5, type=click.IntRange(1), show_default=True, help="Matches to show.")
@click.option("--threshold", default=None, type=click.FloatRange(0, 100),
              help="Lowest score (0-100) that counts as a match (default: byline's measured 70).")
@db_option
@click.pass_context
def check(ctx, text: str, as_json: bool, limit: int, threshold: float | None, db) -> None:
    """Check a quote as you remember it (TEXT, or - for stdin): the closest things really
    said in the store, with speaker, date, outlet, citation and a word diff
    ([-you wrote-]{+was said+}). Exit status 1 when nothing matches."""
    from store.check import THRESHOLD, check as run_check
    from store.check.word_diff import diff_markers

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise Failure("nothing to check: give the quote as you remember it")
    with _store(ctx, db) as store:
        result = run_check(store, text, limit=limit, threshold=THRESHOLD if threshold is None else threshold)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        said_by = f" (said by {_plain(result.speaker)}?)" if result.speaker else ""
        click.echo(f"checking “{_plain(result.text)}”{said_by}")
        if not result.found:
            best = f"best {result.best_below:.0f}, " if result.best_below else ""
            click.echo(f"no match: nothing in the store is close enough ({best}a match needs {result.threshold:.0f})")
        for n, m in enumerate(result.matches, 1):
            who = _plain(m.speaker) if m.speaker else ("" if m.kind == "sentence" else "speaker not named")
            if m.speaker and m.role:
                who += f", {_plain(m.role)}"
            head = [f"{n}. {m.score:.0f}%", "quote" if m.kind == "quote" else m.note]
            head += [x for x in (who, _plain(m.date) if m.date else "", _plain(m.outlet) if m.outlet else "") if x]
            if m.speaker_match:
                head.append("the speaker you named")
            click.echo("")
            click.echo(" · ".join(head))
            click.echo(f"   said:  {_plain(m.text)}")
            click.echo(f"   diff:  {_plain(diff_markers(m.diff))}")
            click.echo(f"   cite:  {_plain(m.citation)}")
    if not result.found:
        sys.exit(1)
