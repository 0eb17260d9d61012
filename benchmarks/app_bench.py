"""App at scale: start-up to a usable screen, resident memory, and time per key in a
100,000-row list. Run on demand:

    .venv/bin/python benchmarks/app_bench.py                 # builds /tmp/byline-bench-app.db
    .venv/bin/python benchmarks/app_bench.py --db FILE       # or takes a store

The built store has 10,000 articles recombined from the shared corpus paragraphs,
5,000 people, 100,000 quotes, 100,000 figures and their mentions; its rows are
synthetic (not extraction output) so the build takes seconds.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import glob
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIRST = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jon",
         "Keiko", "Liam", "Maya", "Nils", "Olga", "Pedro", "Rosa", "Sami", "Tara", "Viktor"]
LAST = ["Adams", "Brennan", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito",
        "Jansen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
        "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zhou"]


def paragraphs() -> list[str]:
    out: list[str] = []
    for path in glob.glob(str(CORPUS / "**" / "*.txt"), recursive=True):
        out += [p.strip() for p in Path(path).read_text().split("\n") if len(p.strip()) > 40]
    for path in glob.glob(str(CORPUS / "*.jsonl")):
        for line in open(path):
            out += [p.strip() for p in json.loads(line)["text"].split("\n") if len(p.strip()) > 40]
    return out


def build(path: str, n_articles: int = 10_000, per_article: int = 10) -> None:
    from store.db import open_store

    rng = random.Random(7)
    paras = paragraphs()
    names = [f"{f} {middle} {l}" for f in FIRST for l in LAST for middle in "ABCDEFGHIJ"][:5000]
    db = open_store(path)
    conn = db.conn
    conn.executemany("INSERT INTO people(id, name) VALUES (?, ?)", list(enumerate(names, 1)))
    articles, sentences, ap, mentions, quotes, figures = [], [], [], [], [], []
    sid = qid = fid = mid = 0
    for aid in range(1, n_articles + 1):
        who = rng.sample(range(1, len(names) + 1), 5)
        lead = ", ".join(names[p - 1] for p in who[:-1]) + " and " + names[who[-1] - 1] + " met on Monday."
        body = [lead] + rng.sample(paras, 8)
        text = "\n\n".join(body)
        articles.append((aid, f"bench/{aid}", f"hash{aid}", " ".join(body[1].split()[:8]),
                         rng.choice(["The Wire", "Daily Ledger", "Evening Post"]),
                         f"https://example.com/{aid}", f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                         None, f"bench/{aid}.txt", text, "2026-01-01"))
        offset, spans = 0, []
        for para in body:
            for part in para.split(". "):
                spans.append((offset, offset + len(part)))
                offset += len(part) + 2
            offset += 0
        offset = 0
        for p in who:
            start = text.index(names[p - 1], offset)
            offset = start + len(names[p - 1])
            mid += 1
            mentions.append((mid, p, aid, start, offset, names[p - 1]))
            ap.append((aid, p, "minister" if p % 3 == 0 else None, 1, json.dumps([names[p - 1]])))
        for i in range(per_article):
            start, end = spans[(i * 3 + 1) % len(spans)]
            sid += 1
            sentences.append((sid, aid, start, end, text[start:end]))
            qid += 1
            quotes.append((qid, aid, who[i % 5] if i % 4 else None, start, end, text[start:end],
                           "partial" if i % 5 == 0 else "full", "said", None, None, "verb-name"))
            fid += 1
            value = rng.choice([3, 12.5, 40, 1600000000, 5000, 48])
            figures.append((fid, aid, start, min(end, start + 6), text[start:min(end, start + 6)],
                            rng.choice(["money", "percent", "count", "duration"]), value,
                            rng.choice(["GBP", "%", "USD", "hour", None]), None, "things"))
    with conn:
        conn.executemany("INSERT INTO articles(id, key, content_hash, title, source, url, published, author,"
                         " path, text, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", articles)
        conn.executemany("INSERT INTO sentences(id, article_id, char_start, char_end, text) VALUES (?,?,?,?,?)",
                         sentences)
        conn.executemany("INSERT INTO article_people(article_id, person_id, role, mentions, forms)"
                         " VALUES (?,?,?,?,?)", ap)
        conn.executemany("INSERT INTO mentions(id, person_id, article_id, char_start, char_end, form)"
                         " VALUES (?,?,?,?,?,?)", mentions)
        conn.executemany("INSERT INTO quotes(id, article_id, person_id, char_start, char_end, text, kind,"
                         " cue, cue_start, cue_end, sieve) VALUES (?,?,?,?,?,?,?,?,?,?,?)", quotes)
        conn.executemany("INSERT INTO figures(id, article_id, char_start, char_end, text, kind, value,"
                         " unit, qualifier, about) VALUES (?,?,?,?,?,?,?,?,?,?)", figures)
    conn.close()


def rss_mb() -> float:
    """Peak resident memory of this process image (VmHWM; ru_maxrss would keep the build's peak across exec)."""
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(path: str, spawned_at: float) -> None:
    t0 = time.perf_counter()
    # as `byline` does: the collector is off until the first frame, the store is opened
    # (and migrated) first, then the first list's ids are resolved in a thread while
    # Textual loads
    gc.disable()
    from store.db import filters, reads
    from store.db import open_store

    open_store(path).close()

    first_ids = reads.ids_in_background(path, filters.people_ids)
    from tui.app import BylineApp
    from tui.widgets.rowlist import RowList

    imported = time.perf_counter() - t0
    app = BylineApp(path, first_ids)
    async with app.run_test(size=(120, 40)) as pilot:
        first_screen = time.perf_counter() - t0      # header, tabs and footer drawn; keys work
        # usable: the header has its counts and the first list shows its rows
        while app.current_list().pending:
            await asyncio.sleep(0.002)
        # the rows are in the list; it draws them on the next frame (Pilot's own pause() here
        # would add ~0.2 s of test-harness settling, so it is not counted)
        started = time.perf_counter() - t0
        from_exec = time.time() - spawned_at
        started_cpu = time.process_time()         # CPU since the process began: what an idle machine needs
        await pilot.pause()
        await pilot.press("2")
        while not app.main.pane.query(RowList) or app.current_list().pending:
            await asyncio.sleep(0.002)
        await pilot.pause()
        rows = app.current_list()
        height = rows.scrollable_content_region.height
        keys = [("j", lambda: rows.action_move(1))] * 40 + [("k", lambda: rows.action_move(-1))] * 10 + \
               [("pagedown", lambda: rows.action_page(1))] * 20 + [("G", rows.action_last), ("g", rows.action_first)] * 5
        work, pressed = [], []
        for name, action in keys:
            # our work per key: the action plus drawing every visible line
            t = time.perf_counter()
            action()
            for y in range(height):
                rows.render_line(y)
            work.append((time.perf_counter() - t) * 1000)
        for name, _ in keys[:40]:
            # end to end through Pilot (includes Pilot's own settling waits)
            t = time.perf_counter()
            await pilot.press(name)
            pressed.append((time.perf_counter() - t) * 1000)
        count = rows.count
    load = os.getloadavg()[0]
    print(f"store: {path} ({os.path.getsize(path) / 1e6:.0f} MB), load average {load:.1f} on {os.cpu_count()} cores")
    print(f"startup_s={started:.3f} (imports {imported:.3f} + app to usable screen {started - imported:.3f}; "
          f"first screen drawn at {first_screen:.3f}; target <= 0.5)")
    print(f"startup_from_exec_s={from_exec:.3f}  (the same, timed from the process being started: "
          f"the interpreter's own start-up included)")
    print(f"startup_cpu_s={started_cpu:.3f}  (CPU time used by the whole process, interpreter start and the "
          f"list's worker thread included, to the usable screen: less sensitive to other load than wall time)")
    print(f"rss_mb={rss_mb():.0f}  (target <= 300)")
    print(f"quotes_list_rows={count}")
    print(f"key_work_ms p50={statistics.median(work):.2f} p95={sorted(work)[int(len(work) * .95)]:.2f} "
          f"max={max(work):.2f}  (action + redraw of {height} visible lines; a frame is 16.7 ms)")
    print(f"pilot_press_ms p50={statistics.median(pressed):.1f} p95={sorted(pressed)[int(len(pressed) * .95)]:.1f}"
          f"  (upper bound: includes Pilot's settle waits)")


def terminal_startup(path: str) -> float:
    """Seconds from starting the real `byline --db path` in a pseudo-terminal to the top
    person's name reaching the screen: what a user waits for. The app is then quit."""
    import fcntl
    import pty  # noqa: F401 -- the import fails early where there are no pseudo-terminals
    import select
    import sqlite3
    import struct
    import subprocess
    import termios

    name = sqlite3.connect(path).execute("SELECT name FROM people ORDER BY mentions DESC, name LIMIT 1").fetchone()[0]
    command = Path(sys.executable).with_name("byline")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen([str(command), "--db", path], stdin=slave, stdout=slave, stderr=slave,
                            env=dict(os.environ, TERM="xterm-256color"), start_new_session=True)
    os.close(slave)
    screen, seen = b"", float("nan")
    try:
        while time.perf_counter() - started < 20:
            if select.select([master], [], [], 0.5)[0]:
                screen += os.read(master, 1 << 16)
                if name.encode() in screen:
                    seen = time.perf_counter() - started
                    break
        os.write(master, b"q")
        proc.wait(5)
    except (OSError, subprocess.TimeoutExpired):
        proc.kill()
    finally:
        os.close(master)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an existing store to open instead of building one")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7, help="runs of the real command in a pseudo-terminal")
    parser.add_argument("--spawned-at", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = args.db
    if path and not os.path.exists(path):
        parser.error(f"no store at {path}")
    if not path:
        path = f"/tmp/byline-bench-app-{args.articles}.db"
        if not os.path.exists(path):
            t = time.perf_counter()
            build(path, args.articles)
            print(f"built {path} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    if args.spawned_at is None:
        # measure in a fresh process (start-up and memory without the build), timed from
        # the moment it is started: interpreter start-up counts too
        import subprocess
        subprocess.run([sys.executable, __file__, "--db", path, "--spawned-at", repr(time.time())], check=True)
        runs = [terminal_startup(path) for _ in range(args.runs)]
        print(f"terminal_startup_s median={statistics.median(runs):.3f} min={min(runs):.3f} over {len(runs)} runs  "
              f"(the real `byline --db` in a 120x40 pseudo-terminal, from exec to the first person's name "
              f"written to the screen)")
        return
    asyncio.run(measure(path, args.spawned_at))


if __name__ == "__main__":
    main()
