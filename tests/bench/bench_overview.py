"""Overview benchmark (issue 7 target: computes + renders < 500 ms at 100,000 members).
Not collected by pytest; run:

    .venv/bin/python tests/bench/bench_overview.py [--db /tmp/x.sqlite3] [--members 100000]

Builds the demo database once if the file does not exist (`main.py demo`, ~10 s), then
measures: stats.compute() alone (serial and split over two connections); the Overview
screen end to end (reload() -> worker computes -> figures rendered -> painted); and how
long the GUI thread ever went without running its event loop while the worker computed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_db(path: Path, members: int) -> None:
    if path.exists():
        return
    env = {**os.environ, "QUNDESK_DATA_DIR": str(path.parent / "qd_bench_overview")}
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo",
                    "--members", str(members)], check=True, env=env, stdout=subprocess.DEVNULL)


def summary(name: str, values: list[float]) -> None:
    print(f"{name:44s} median {statistics.median(values):7.1f} ms   best {min(values):7.1f} ms"
          f"   worst {max(values):7.1f} ms   (n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/x.sqlite3"))
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_db(args.db, args.members)

    from models.stats import overview as stats
    from models.store.db import database, open_database

    open_database(args.db)
    members = database.execute_sql("SELECT COUNT(*) FROM member").fetchone()[0]
    print(f"database {args.db}: {members:,} members, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine inflates wall "
          "times; CPU times are steadier)")
    stats.compute()  # first run of the week records the snapshot (and backfills once)
    for threads in (1, 2):
        runs, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            stats.compute(threads=threads)
            runs.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        summary(f"stats.compute(), {threads} connection(s)", runs)
        summary("  CPU time of that (all threads)", cpu)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.overview.page import OverviewPage
    from ui.workspace import Changed, Workspace

    _app = create_application()  # kept alive for the whole run
    workspace = Workspace(args.db)

    def wait_for(signal: object) -> None:
        """Run the event loop until `signal` (idle in between, as in the app)."""
        loop = QEventLoop()
        signal.connect(loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    gaps: list[float] = []
    ticker = QElapsedTimer()
    computing = {"on": False}

    def tick() -> None:  # how long since the event loop last ran this timer
        if computing["on"] and ticker.isValid():
            gaps.append(ticker.elapsed())
        ticker.restart()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    totals, computes, renders, paints, max_gaps, cpu = [], [], [], [], [], []
    for _ in range(args.runs):
        # A fresh screen each time: everything computed and every chart built from scratch.
        gaps.clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        page = OverviewPage(workspace)
        page.resize(1280, 800)
        computing["on"] = True
        page._task.succeeded.connect(lambda _f: computing.update(on=False))
        page.show()
        wait_for(page.rendered)
        rendered = time.perf_counter()
        page.repaint()  # the visible charts and cards actually drawn
        QApplication.processEvents()
        painted = time.perf_counter()
        cpu.append((time.process_time() - start_cpu) * 1000)
        totals.append((painted - start) * 1000)
        computes.append(page.timings["compute_ms"])
        renders.append(page.timings["render_ms"])
        paints.append((painted - rendered) * 1000)
        max_gaps.append(max(gaps) if gaps else 0.0)
        page.close()
        page.deleteLater()
        QApplication.processEvents()
    summary("Overview: worker compute (reload -> figures)", computes)
    summary("Overview: fill cards, charts, lists", renders)
    summary("Overview: layout + paint", paints)
    summary("Overview: new screen, computes + renders", totals)
    summary("  CPU time of that (all threads)", cpu)
    summary("GUI thread: longest event-loop gap meanwhile", max_gaps)
    timer.stop()

    # The screen already open, data changes (a follow-up is logged): reload and redraw.
    import datetime as dt

    from models.members.followups import log_followup

    page = OverviewPage(workspace)
    page.resize(1280, 800)
    page.show()
    wait_for(page.rendered)
    member_ids = [r[0] for r in database.execute_sql(
        "SELECT id FROM member WHERE left_on IS NULL LIMIT ?", (args.runs,))]
    reloads = []
    for member_id in member_ids:
        log_followup(member_id, dt.date.today(), "wechat", "bench")
        start = time.perf_counter()
        workspace.data_changed.emit(Changed.MEMBERS)
        wait_for(page.rendered)
        page.repaint()
        QApplication.processEvents()
        reloads.append((time.perf_counter() - start) * 1000)
    summary("Overview open, data changed: reload + redraw", reloads)
    database.execute_sql("DELETE FROM follow_up WHERE note = 'bench'")
    page.close()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
