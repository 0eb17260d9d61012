"""Stores that cannot be written (a read-only file, folder or mount; an archive on a
share) are browsed read-only: SQLite's mode=ro, or immutable=1 where even a reader's
-wal and -shm files cannot be made. Writes are refused with the reason, and the store's
bytes are left exactly as they were."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.db import IMMUTABLE, READ_ONLY, READ_WRITE, StoreError, open_store, reads
from store.model import Article
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def unmakeable_journal(sample_db, tmp_path):
    """A copy of the sample store (closed cleanly, so without -wal or -shm) whose -shm
    file cannot be made or opened: a symbolic link to itself. SQLite then fails to open
    it read-write and with mode=ro, as in a read-only folder; only immutable=1 reads it.
    (Root ignores file permissions, so a chmod would prove nothing under root.)"""
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "byline.db"
    shutil.copyfile(sample_db, path)
    os.symlink(folder / "byline.db-shm", folder / "byline.db-shm")
    return path


def test_store_whose_journal_files_cannot_be_made_is_read_as_immutable(unmakeable_journal, sample_db):
    before = digest(unmakeable_journal)
    with open_store(unmakeable_journal) as store:
        assert store.access == IMMUTABLE and store.read_only
        assert "-shm" in store.read_only_reason
        assert reads.counts(store) == reads.counts(open_store(sample_db))
        assert reads.people(store, limit=1)[0]["name"] == "Keir Starmer"
        with pytest.raises(StoreError, match="read-only"):
            store.write([("k", Article(text="“Yes,” Ann Lee said."), None)])
        # a worker thread's connection (the app's lists and search) reads it as well
        conn = reads.connect(str(unmakeable_journal))
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        conn.close()
    assert digest(unmakeable_journal) == before


def test_read_only_copy_is_read_with_mode_ro_and_refuses_writes(sample_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(sample_db, copy)
    before = digest(copy)
    with open_store(copy, write=False) as store:
        assert store.access == READ_ONLY and store.read_only
        assert reads.counts(store)["articles"] == 1
        with pytest.raises(StoreError, match="cannot add articles: .* is open read-only"):
            store.write([("k", Article(text="“Yes,” Ann Lee said."), None)])
        with pytest.raises(StoreError, match="read-only"):
            store.delete_article(1)
        with pytest.raises(Exception, match="readonly"):      # SQLite itself refuses too
            store.conn.execute("DELETE FROM articles")
    assert digest(copy) == before
    with open_store(copy) as store:                       # a writable store opens read-write
        assert store.access == READ_WRITE and not store.read_only


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions: test_read_only_mount covers root")
def test_read_only_file_and_read_only_folder_are_browsed(sample_db, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "byline.db"
    shutil.copyfile(sample_db, path)
    path.chmod(0o444)                   # a read-only file in a folder that takes its -wal and -shm
    with open_store(path) as store:
        assert (store.access, store.read_only_reason) == (READ_ONLY, "the file is read-only")
        assert reads.counts(store)["articles"] == 1
    for side in folder.glob("byline.db-*"):
        side.unlink()
    path.chmod(0o644)
    folder.chmod(0o555)                 # a read-only folder: no -wal or -shm can be made
    try:
        with open_store(path) as store:
            assert (store.access, store.read_only_reason) == (IMMUTABLE, "its folder is read-only")
            assert reads.counts(store)["articles"] == 1
        with pytest.raises(StoreError, match="cannot write to .*: its folder is read-only"):
            open_store(path, write=True)
    finally:
        folder.chmod(0o755)


def test_command_line_browses_a_read_only_store_and_refuses_to_add(unmakeable_journal, tmp_path):
    runner = CliRunner()
    db = str(unmakeable_journal)
    before = digest(unmakeable_journal)

    def run(*args):
        return runner.invoke(main, list(args), catch_exceptions=False)

    people = run("people", "--db", db, "--json")
    assert people.exit_code == 0, people.output
    assert json.loads(people.output)[0]["name"] == "Keir Starmer"
    quotes = run("quotes", "--db", db, "--json", "--limit", "3")
    assert quotes.exit_code == 0 and len(json.loads(quotes.output)) == 3
    found = run("search", "--db", db, "--json", "Zelensky")
    assert found.exit_code == 0 and json.loads(found.output)
    assert run("cite", "--db", db, "1").exit_code == 0
    (tmp_path / "a.txt").write_text("“We will rebuild,” Ann Lee said.", encoding="utf-8")
    add = run("add", "--db", db, str(tmp_path / "a.txt"))
    assert add.exit_code == 1
    assert add.output.startswith("byline: error: cannot write to ") and add.output.count("\n") == 1, add.output
    assert "-shm" in add.output
    assert digest(unmakeable_journal) == before


async def test_app_browses_a_read_only_store_and_says_so_once(unmakeable_journal):
    from tui.app import BylineApp
    from tui.widgets.rowlist import RowList

    app = BylineApp(str(unmakeable_journal))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):
            await pilot.pause()
            lists = app.main.pane.query(RowList)
            if lists and not lists.first().pending:
                break
        assert len(app.main.pane.rows.ids) > 0
        await pilot.press("2")                      # another pane: its own connection, read-only too
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.main.pane.rows.ids) > 0
        said = [n.message for n in app._notifications if "read-only" in n.message.lower()]
        assert len(said) == 1 and "browsing only" in said[0]
        assert app.store.read_only


# ---- a real read-only mount -------------------------------------------------------

DRIVER = textwrap.dedent('''
    """Run inside a private mount namespace, on a store in a read-only bind mount."""
    import asyncio, json, os, subprocess, sys
    store = sys.argv[1]
    out = {}
    try:
        open(os.path.join(os.path.dirname(store), "probe"), "w")
        out["mount"] = "writable"
    except OSError as e:
        out["mount"] = e.strerror

    def byline(*args):
        r = subprocess.run([sys.executable, "-c", "from tui.cli import main; main()", *args],
                           capture_output=True, text=True)
        return {"rc": r.returncode, "out": r.stdout, "err": r.stderr}

    out["people"] = byline("people", "--db", store, "--json")
    out["quotes"] = byline("quotes", "--db", store, "--json")
    out["search"] = byline("search", "--db", store, "--json", "Zelensky")
    out["add"] = byline("add", "--db", store, sys.argv[2])

    async def app():
        from tui.app import BylineApp
        from tui.widgets.rowlist import RowList
        app = BylineApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(300):
                await pilot.pause()
                lists = app.main.pane.query(RowList)
                if lists and not lists.first().pending:
                    break
            return {"rows": len(app.main.pane.rows.ids), "access": app.store.access,
                    "said": [n.message for n in app._notifications]}
    out["app"] = asyncio.run(app())
    print(json.dumps(out))
''')


def unshare_command() -> list[str] | None:
    """unshare with a private mount namespace (as root; a user namespace otherwise), or
    None where this system allows none."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return None
    command = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    try:
        probe = subprocess.run([*command, "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return command if probe.returncode == 0 else None


NO_MOUNT = 97      # the exit code of the mount step when the system refuses it


def test_read_only_mount(sample_db, tmp_path):
    """The store on a real read-only mount (a bind mount remounted ro, in a private mount
    namespace): every browsing command and the app work, `byline add` is refused in one
    line, the store is untouched."""
    command = unshare_command()
    if command is None:
        pytest.skip("no private mount namespace here (unshare missing or not permitted)")
    data, mount = tmp_path / "data", tmp_path / "mnt"
    data.mkdir()
    mount.mkdir()
    shutil.copyfile(sample_db, data / "byline.db")
    before = digest(data / "byline.db")
    (tmp_path / "new.txt").write_text("“We will rebuild,” Ann Lee said.", encoding="utf-8")
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    script = (f"mount --bind {data} {mount} && mount -o remount,bind,ro {mount} || exit {NO_MOUNT}; "
              f"exec {sys.executable} {tmp_path / 'driver.py'} {mount / 'byline.db'} {tmp_path / 'new.txt'}")
    done = subprocess.run([*command, "sh", "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    if done.returncode == NO_MOUNT:
        pytest.skip(f"cannot make a read-only bind mount here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["mount"] == "Read-only file system"
    for name in ("people", "quotes", "search"):
        assert out[name]["rc"] == 0 and json.loads(out[name]["out"]), (name, out[name]["err"])
    assert json.loads(out["people"]["out"])[0]["name"] == "Keir Starmer"
    assert out["add"]["rc"] == 1
    assert out["add"]["err"] == (f"byline: error: cannot write to {mount / 'byline.db'}: it is on a read-only "
                                 "file system (it can still be browsed)\n")
    assert out["app"]["rows"] > 0 and out["app"]["access"] == IMMUTABLE
    assert [m for m in out["app"]["said"] if "read-only" in m.lower()] == \
        ["Read-only store (it is on a read-only file system): browsing only."]
    assert digest(data / "byline.db") == before
    assert sorted(p.name for p in data.iterdir()) == ["byline.db"]
