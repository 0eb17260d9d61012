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

from store.db import default_path, open_store
from tui.cli_common import (INTERRUPTED, BylineGroup, Failure, console, db_option, notice, open_for,
                            plain)
from tui import cli_desk, cli_export, cli_web
from tui.cli_lists import articles, cite, figures, people, quotes, search


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
    settings = _settings()          # a mistake in config.toml is one line, before the app opens
    path = db or str(default_path())
    if db is None:
        with open_store(path, notice=notice) as store:
            if not store.read_only and store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
                from store.ingest import ingest, sample_path
                ingest(store, [sample_path()])
    elif not os.path.exists(db):
        raise Failure(f"no store at {db} (add articles with `byline add --db {db} PATH`)")
    else:
        open_store(db, notice=notice).close()       # a clear error now beats a broken app later
    from store.db import filters, reads

    first_ids = reads.ids_in_background(path, filters.people_ids)    # while Textual loads
    from tui.app import run_app      # lazily: the command line starts fast without it
    run_app(path, first_ids, settings=settings)


def _settings():
    from tui.config import ConfigError, load

    try:
        return load()
    except ConfigError as e:
        raise Failure(str(e)) from None


@main.group()
def config() -> None:
    """Your own keys: where config.toml is, and the command ids it can remap."""


@config.command("path")
def config_path() -> None:
    """Print where byline reads config.toml ($BYLINE_CONFIG, else the user config folder)."""
    from tui.config import config_path as where

    click.echo(str(where()))


@config.command("keys")
def config_keys() -> None:
    """Every command id with its keys (yours, where config.toml remaps them)."""
    from tui.bindings import COMMANDS

    keymap = _settings().keymap
    width = max(len(c.id) for c in COMMANDS if c.bound)
    for command in COMMANDS:
        if command.bound:       # keys as config.toml writes them ("slash", not "/"), comma-separated
            keys = keymap.get(command.id, command.default_keys)
            mine = f"   (default {command.default_keys})" if command.id in keymap else ""
            click.echo(f"{command.id:<{width}}  {keys:<16} {command.help_text}{mine}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.pass_context
def add(ctx: click.Context, paths: tuple[str, ...], db: str | None) -> None:
    """Read articles (files, folders, - for stdin, URLs of web pages and feeds), extract
    and store them. (To follow a feed and read it again later: byline feeds add URL.)

    Ctrl+C stops after the batch in hand is stored (a second Ctrl+C stops at once; each
    article is stored whole or not at all either way); running the same command again
    adds the rest, skipping what is stored."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from store.ingest import ingest

    with open_for(ctx, db, must_exist=False, write=True) as store, _stop_on_ctrl_c() as stop:
        started = time.perf_counter()
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn()]
        with Progress(*columns, console=console(err=True), transient=True) as bar:
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
        click.echo(f"skipped {plain(path)}: {plain(reason)}")
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
            click.echo(f"byline: skipped {plain(item.path)}: {plain(item.reason)}", err=True)
            continue
        article, ex = item
        if isinstance(ex, str):
            click.echo(f"byline: skipped {plain(article.path)}: {plain(ex)}", err=True)
        elif as_json:
            out.write(json.dumps(to_json(article, ex), ensure_ascii=False) + "\n")
        else:
            out.write(f"{plain(article.title or article.path)}: {len(ex.people)} people, "
                      f"{len(ex.quotes)} quotes, {len(ex.figures)} figures\n")
    out.flush()


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
    with open_for(ctx, db) as store:
        result = run_check(store, text, limit=limit, threshold=THRESHOLD if threshold is None else threshold)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        said_by = f" (said by {plain(result.speaker)}?)" if result.speaker else ""
        click.echo(f"checking “{plain(result.text)}”{said_by}")
        if not result.found:
            best = f"best {result.best_below:.0f}, " if result.best_below else ""
            click.echo(f"no match: nothing in the store is close enough ({best}a match needs {result.threshold:.0f})")
        for n, m in enumerate(result.matches, 1):
            who = plain(m.speaker) if m.speaker else ("" if m.kind == "sentence" else "speaker not named")
            if m.speaker and m.role:
                who += f", {plain(m.role)}"
            head = [f"{n}. {m.score:.0f}%", "quote" if m.kind == "quote" else m.note]
            head += [x for x in (who, plain(m.date) if m.date else "", plain(m.outlet) if m.outlet else "") if x]
            if m.speaker_match:
                head.append("the speaker you named")
            click.echo("")
            click.echo(" · ".join(head))
            click.echo(f"   said:  {plain(m.text)}")
            click.echo(f"   diff:  {plain(diff_markers(m.diff))}")
            click.echo(f"   cite:  {plain(m.citation)}")
    if not result.found:
        sys.exit(1)



# the commands that read what is stored (tui/cli_lists.py)
for command in (people, quotes, figures, articles, cite, search):
    main.add_command(command)
cli_desk.register(main)     # byline fix, reextract, people merge | split | merges (tui/cli_desk.py)
main.add_command(cli_web.feeds)     # byline feeds: tui/cli_web.py
main.add_command(cli_export.export)     # byline export: tui/cli_export.py
