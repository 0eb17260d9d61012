"""`o`: an article's web address (or its file) opened with the system's opener:
`$BYLINE_OPENER` when set, else `open` on macOS, the default handler on Windows, xdg-open
elsewhere."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys


def target(row: dict) -> tuple[str | None, str]:
    """What `o` opens for an article row (url, path): its web address, else its file; or
    None and why not. Only http(s) addresses go to the opener (an address from an article
    is data: never a file:// or a command line option)."""
    url = " ".join((row.get("url") or "").split())
    if url.lower().startswith(("http://", "https://")):
        return url, ""
    path = row.get("path") or ""
    # a record of a JSON Lines archive or a feed keeps "archive.jsonl#id": open the archive
    file = path if os.path.isfile(path) else path.rpartition("#")[0]
    if file and os.path.isfile(file):
        return os.path.abspath(file), ""          # absolute: never taken for an option
    if url:
        return None, f"its address is not a web page ({url})"
    if path and path != "-":
        return None, f"it has no web address, and its file is not there ({path})"
    return None, "it has no web address or file"


def system_open(what: str) -> str | None:
    """Open `what` with the system's opener; None once it went, else why not (one line)."""
    named = os.environ.get("BYLINE_OPENER", "").strip()
    if named:
        command = shlex.split(named)
    elif sys.platform == "win32":
        try:
            os.startfile(what)        # noqa: S606 -- the user's own default handler
        except OSError as e:
            return f"Windows could not open it ({e})"
        return None
    elif sys.platform == "darwin":
        command = ["open"]
    elif shutil.which("xdg-open"):
        command = ["xdg-open"]
    else:
        return "no opener found (install xdg-utils, or set BYLINE_OPENER to a command)"
    try:
        done = subprocess.run([*command, what], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=30)
    except FileNotFoundError:
        return f"the opener {command[0]} was not found"
    except (OSError, subprocess.SubprocessError) as e:
        return f"{command[0]} failed ({e})"
    if done.returncode:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"{command[0]} failed (exit status {done.returncode}{': ' + said[0] if said else ''})"
    return None
