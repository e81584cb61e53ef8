"""The Overview's first open on a workspace with no weekly snapshots yet (issue 15 target:
the cards within 500 ms at 100,000 members). Not collected by pytest; run:

    .venv/bin/python tests/bench/bench_overview_first_open.py [--db /tmp/x.sqlite3]

A new workspace has no snapshots, so its first Overview rebuilds the last 12 weeks from
the dated records. Builds the demo database once if the file does not exist (`main.py
demo`, ~12 s; the demo records no snapshots), then for each run opens a fresh copy of it
and measures, from building the screen: when the cards show figures, when the trend
holds all 13 weeks (the rebuilt history), and the GUI thread's longest event-loop gap
until then. A second open of the same copy (snapshots there) is measured too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_overview import ensure_db  # noqa: E402  (the same demo workspace, made once)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WEEKS = 13  # the current week and the 12 rebuilt before it


def summary(name: str, values: list[float]) -> None:
    print(f"{name:48s} min {min(values):7.1f} ms   median {statistics.median(values):7.1f} ms"
          f"   max {max(values):7.1f} ms   (n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/x.sqlite3"))
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_db(args.db, args.members)
    work = Path(tempfile.mkdtemp(prefix="qd_first_open_"))
    os.environ["QUNDESK_DATA_DIR"] = str(work / "data")

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from models.store.db import close_database, database, open_database
    from ui.app import create_application
    from ui.overview.page import OverviewPage
    from ui.workspace import Workspace

    _app = create_application()  # kept alive for the whole run
    print(f"database {args.db}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")

    def open_screen(copy: Path) -> tuple[float, float, float]:
        """(ms to the cards, ms to the full trend, longest GUI gap in ms) of one open."""
        workspace = Workspace(copy)
        loop = QEventLoop()
        clock, gap_clock = QElapsedTimer(), QElapsedTimer()
        marks: dict[str, float] = {}
        gaps: list[float] = []
        holder: dict[str, OverviewPage] = {}

        def done(key: str, test: Callable[[OverviewPage], bool]) -> None:
            page = holder.get("page")
            if key not in marks and page is not None and test(page):
                marks[key] = clock.nsecsElapsed() / 1e6

        def tick() -> None:
            gaps.append(gap_clock.elapsed())
            gap_clock.restart()
            done("cards", lambda p: p.cards["members"].value.text() != "–")
            done("trend", lambda p: p.figures is not None and len(p.figures["trend"]) >= WEEKS
                 and p.trend_chart.chart.series() != [])
            if "trend" in marks:
                loop.quit()

        timer = QTimer()
        timer.timeout.connect(tick)
        clock.start()
        gap_clock.start()
        holder["page"] = page = OverviewPage(workspace)
        page.resize(1280, 800)
        page.show()
        timer.start(2)
        loop.exec()
        timer.stop()
        page.close()
        page.deleteLater()
        QApplication.processEvents()
        return marks["cards"], marks["trend"], max(gaps)

    cards, trends, gaps, again = [], [], [], []
    for run in range(args.runs):
        copy = work / f"run{run}.sqlite3"
        shutil.copyfile(args.db, copy)
        open_database(copy)
        assert database.execute_sql("SELECT COUNT(*) FROM stats_snapshot").fetchone()[0] == 0
        c, t, g = open_screen(copy)
        cards.append(c)
        trends.append(t)
        gaps.append(g)
        again.append(open_screen(copy)[0])
        close_database()
        copy.unlink()
    summary("first open: cards shown", cards)
    summary("first open: trend complete (12 weeks rebuilt)", trends)
    summary("first open: longest GUI event-loop gap", gaps)
    summary("second open: cards shown", again)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
