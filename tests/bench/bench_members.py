"""Member list benchmarks (issue 2 targets). Not collected by pytest; run:

    .venv/bin/python tests/bench/bench_members.py [--members 100000]

Builds a demo database of that size once (cached in /tmp), then measures:
cold start to an interactive window (small database, whole process), the member
list's first paint, each search keystroke (model update + repaint), and peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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


def ensure_db(path: Path, members: int, data: Path) -> None:
    if path.exists():
        return
    env = {**os.environ, "QUNDESK_DATA_DIR": str(data)}
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo",
                    "--members", str(members)], check=True, env=env, stdout=subprocess.DEVNULL)


def cold_start(db: Path, data: Path, runs: int = 5) -> list[float]:
    env = {**os.environ, "QUNDESK_DATA_DIR": str(data)}
    code = STARTUP.format(root=str(ROOT), db=str(db))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def list_figures(db: Path) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from models.store.db import open_database
    from ui.members.page import MembersPage
    from ui.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    open_database(db)
    start = time.perf_counter()
    page = MembersPage(Workspace(db))
    page.resize(1200, 760)
    page.show()
    page.table.viewport().grab()  # forces the first paint of the visible rows
    first_paint = time.perf_counter() - start
    while not page.model.search_ready():  # the search texts arrive from a background scan
        app.processEvents()
        time.sleep(0.002)  # idle like an event loop, leaving the GIL to the scan
    search_ready = time.perf_counter() - start
    keystrokes: list[float] = []
    for query in ("zhang", "wangwei", "lxy", "13", "wx_0123", "张伟", "li s"):
        page.search.clear()
        app.processEvents()
        typed = ""
        for ch in query:
            typed += ch
            t = time.perf_counter()
            page.search.setText(typed)  # textChanged -> model search, as when typing
            page.table.viewport().grab()
            keystrokes.append(time.perf_counter() - t)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"first_paint_ms": first_paint * 1000, "search_ready_ms": search_ready * 1000,
            "keystroke_median_ms": statistics.median(keystrokes) * 1000,
            "keystroke_p90_ms": sorted(keystrokes)[int(len(keystrokes) * 0.9)] * 1000,
            "keystroke_max_ms": max(keystrokes) * 1000,
            "keystrokes": len(keystrokes), "peak_rss_mb": rss,
            "rows": page.model.rowCount()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    data = Path(tempfile.gettempdir()) / "qundesk-bench-data"
    os.environ["QUNDESK_DATA_DIR"] = str(data)
    small = Path(tempfile.gettempdir()) / "qundesk-bench-small.sqlite3"
    big = Path(tempfile.gettempdir()) / f"qundesk-bench-{args.members}.sqlite3"
    ensure_db(small, 300, data)
    ensure_db(big, args.members, data)
    starts = cold_start(small, data)
    print(f"cold start to interactive window (300 members, whole process): "
          f"median {statistics.median(starts) * 1000:.0f} ms, best {min(starts) * 1000:.0f} ms")
    big_starts = cold_start(big, data, runs=3)
    print(f"cold start with {args.members} members: median "
          f"{statistics.median(big_starts) * 1000:.0f} ms")
    figures = list_figures(big)
    print(f"{args.members} members: first paint {figures['first_paint_ms']:.0f} ms "
          f"(search index ready at {figures['search_ready_ms']:.0f} ms); "
          f"search keystroke median {figures['keystroke_median_ms']:.1f} ms, "
          f"p90 {figures['keystroke_p90_ms']:.1f} ms, max {figures['keystroke_max_ms']:.1f} ms "
          f"over {figures['keystrokes']} keystrokes; peak RSS {figures['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
