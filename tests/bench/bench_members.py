"""Member list benchmarks (issue 2 and 18 targets). Not collected by pytest; run:

    .venv/bin/python tests/bench/bench_members.py [--members 100000 300000] [--runs 3]
        [--root CHECKOUT ...] [--cold]

Builds a demo database of each size once (cached in the temp folder), then measures, in
a fresh process per run: the member list's first paint, when search is ready (every
search text loaded), each of 30 search keystrokes (model update + repaint; a scan that
runs on a worker is waited for with the event loop idle, as the app waits), and peak RSS.
Reported: min / median / max over the runs of each figure, and the keystrokes' median,
p90 and max, and the cost per member from one size to the next.

`--root A B` runs the same measurements on other checkouts of the app (say, the commit
before a change, from `git archive`), interleaved run by run, so a before/after pair
comes from one session of a loaded machine. `--cold` adds cold start to an interactive
window (whole process).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
QUERIES = ("zhang", "wangwei", "lxy", "13", "wx_0123", "张伟", "li s")  # 30 keystrokes

STARTUP = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import create_application, QunDeskApp
from ui import i18n
app = create_application()
i18n.install("zh")
c = QunDeskApp(app, "zh")
c.open(Path({db!r}))
QTimer.singleShot(0, app.quit)  # the event loop is running: the window is interactive
app.exec()
"""

# Runs in a fresh process with the app's root first on sys.path; prints one JSON line.
MEASURE = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from models.store.db import open_database
from ui.members.page import MembersPage
from ui.workspace import Workspace

app = QApplication([])
db = Path({db!r})
open_database(db)


def idle_until(done, timeout=10.0):
    # Wait with the event loop idle (as the app waits), not spinning: a worker thread
    # then has the interpreter to itself.
    end = time.perf_counter() + timeout
    while not done() and time.perf_counter() < end:
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()


start = time.perf_counter()
page = MembersPage(Workspace(db))
page.resize(1200, 760)
page.show()
page.table.viewport().grab()  # forces the first paint of the visible rows
painted = time.perf_counter()
idle_until(page.model.search_ready)
ready = time.perf_counter()
settled = getattr(page.model, "is_settled", lambda: True)
keystrokes = []
for query in {queries!r}:
    page.search.clear()
    idle_until(settled)
    app.processEvents()
    typed = ""
    for ch in query:
        typed += ch
        t = time.perf_counter()
        page.search.setText(typed)  # textChanged -> model search, as when typing
        idle_until(settled)
        page.table.viewport().grab()
        keystrokes.append((time.perf_counter() - t) * 1000)
print(json.dumps({{
    "members": page.model.total(),
    "first_paint_ms": (painted - start) * 1000,
    "ready_ms": (ready - start) * 1000,  # from the page's construction
    "ready_after_paint_ms": (ready - painted) * 1000,  # after the window appeared
    "keystrokes": keystrokes,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""


def ensure_db(path: Path, members: int, data: Path) -> None:
    if path.exists():
        return
    env = {**os.environ, "QUNDESK_DATA_DIR": str(data)}
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo",
                    "--members", str(members)], check=True, env=env, stdout=subprocess.DEVNULL)


def cold_start(root: Path, db: Path, data: Path, runs: int = 5) -> list[float]:
    env = {**os.environ, "QUNDESK_DATA_DIR": str(data)}
    code = STARTUP.format(root=str(root), db=str(db))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def measure(root: Path, db: Path, data: Path) -> dict[str, object]:
    env = {**os.environ, "QUNDESK_DATA_DIR": str(data)}
    code = MEASURE.format(root=str(root), db=str(db), queries=QUERIES)
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    return json.loads(out.strip().splitlines()[-1])


def p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def spread(values: list[float]) -> str:
    return f"{min(values):.1f} / {statistics.median(values):.1f} / {max(values):.1f}"


def report(name: str, runs: list[dict[str, object]]) -> tuple[float, float]:
    keys = [k for run in runs for k in run["keystrokes"]]
    medians = [statistics.median(r["keystrokes"]) for r in runs]
    print(f"  {name}: {runs[0]['members']:,} members, {len(runs)} runs x "
          f"{len(runs[0]['keystrokes'])} keystrokes")
    print(f"    first paint               {spread([r['first_paint_ms'] for r in runs])} ms")
    print(f"    search ready (from start) {spread([r['ready_ms'] for r in runs])} ms")
    print(f"    search ready after paint  {spread([r['ready_after_paint_ms'] for r in runs])} ms")
    print(f"    keystroke median          {spread(medians)} ms")
    print(f"    keystroke p90             {spread([p90(r['keystrokes']) for r in runs])} ms")
    print(f"    keystroke max             {spread([max(r['keystrokes']) for r in runs])} ms "
          f"(all runs: max {max(keys):.1f})")
    print(f"    peak RSS                  {spread([r['peak_rss_mb'] for r in runs])} MB")
    return statistics.median([float(r["ready_ms"]) for r in runs]), statistics.median(medians)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, nargs="+", default=[ROOT],
                        help="checkouts of the app to measure, runs interleaved so each "
                             "sees the same load (default: this one)")
    parser.add_argument("--cold", action="store_true", help="also measure cold starts")
    args = parser.parse_args()
    tmp = Path(tempfile.gettempdir())
    data = tmp / "qundesk-bench-data"
    os.environ["QUNDESK_DATA_DIR"] = str(data)
    print(f"apps: {', '.join(map(str, args.root))}; {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}; figures are min / median / max over the runs")
    if args.cold:
        small = tmp / "qundesk-bench-small.sqlite3"
        ensure_db(small, 300, data)
        for root in args.root:
            starts = cold_start(root, small, data)
            print(f"cold start to interactive window (300 members, whole process), {root}: "
                  f"median {statistics.median(starts) * 1000:.0f} ms, "
                  f"best {min(starts) * 1000:.0f} ms")
    per_member: dict[Path, dict[int, tuple[float, float]]] = {root: {} for root in args.root}
    for members in args.members:
        db = tmp / f"qundesk-bench-{members}.sqlite3"
        ensure_db(db, members, data)
        runs: dict[Path, list[dict[str, object]]] = {root: [] for root in args.root}
        for _ in range(args.runs):
            for root in args.root:  # interleaved: a burst of load hits every app alike
                runs[root].append(measure(root, db, data))
        print(f"\n{members:,} members (load average now {os.getloadavg()[0]:.1f}):")
        for root in args.root:
            per_member[root][members] = report(str(root), runs[root])
    for root in args.root:
        sizes = sorted(per_member[root])
        for small_n, big_n in zip(sizes, sizes[1:], strict=False):
            (r1, k1), (r2, k2) = per_member[root][small_n], per_member[root][big_n]
            print(f"\ncost per member {small_n:,} -> {big_n:,} ({root}): search ready "
                  f"{r1 / small_n * 1000:.2f} -> {r2 / big_n * 1000:.2f} us "
                  f"({r2 / r1:.2f}x for {big_n / small_n:.1f}x members); keystroke median "
                  f"{k1 / small_n * 1e6:.0f} -> {k2 / big_n * 1e6:.0f} ns")


if __name__ == "__main__":
    main()
