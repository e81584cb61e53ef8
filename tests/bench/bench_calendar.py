"""Benchmark: switching months in the calendar with 2,000 entries in view.

Fills two adjacent months with ~2,000 entries each (one-offs with groups and presenters
plus daily/weekly series), then measures the whole month switch as the user sees it:
query + series expansion + filter + month grid repaint. Also the agenda and week views.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_calendar.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def fill(month_starts: list[dt.date], per_month: int) -> None:
    from models.calendar import edit as E
    from models.calendar import entries as C
    from models.calendar.recurrence import Rule
    from models.store.db import database

    rng = random.Random(1)
    members = [r[0] for r in database.execute_sql("SELECT id FROM member LIMIT 200")]
    groups = [r[0] for r in database.execute_sql('SELECT id FROM "group"')]
    kinds = [k for k, _ in C.DEFAULT_KINDS]
    # 10 daily series (~300 occurrences a month) + 5 weekly ones.
    for n in range(10):
        E.save_series(E.ItemFields(f"每日栏目 {n}", kinds[n % 9], month_starts[0] - dt.timedelta(60),
                                   dt.time(7 + n, 0), 30, "ready", group_ids=tuple(groups[:2])),
                      Rule("daily"))
    for n in range(5):
        E.save_series(E.ItemFields(f"每周活动 {n}", "活动推广", month_starts[0], dt.time(20, 0), 60,
                                   "ready", rng.choice(members)), Rule("weekly", weekdays=(n,)))
    with database.atomic():
        kind_ids = {k.name: k.id for k in C.ContentKind.select()}
        for first in month_starts:
            rows, links = [], []
            for i in range(per_month - 320):
                day = first + dt.timedelta(days=rng.randrange(28))
                rows.append((f"内容 {first:%m}-{i}", kind_ids[rng.choice(kinds)], day.isoformat(),
                             f"{rng.randint(6, 22):02d}:{rng.choice((0, 30)):02d}:00",
                             rng.choice(("draft", "ready", "published")),
                             rng.choice(members)))
            for row in rows:
                cur = database.execute_sql(
                    "INSERT INTO content_item(title, kind_id, date, start_time, status, "
                    "presenter_id, duration_minutes, body, notes, removed, created_at, updated_at)"
                    " VALUES (?,?,?,?,?,?,60,'','',0,datetime('now'),datetime('now'))", row)
                links.append((cur.lastrowid, rng.choice(groups)))
            database.cursor().executemany(
                "INSERT INTO item_group(item_id, group_id) VALUES (?,?)", links)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from models import demo
    from models.store.db import open_database
    from ui.fonts import ui_font

    app.setFont(ui_font())
    tmp = Path(tempfile.mkdtemp())
    os.environ["QUNDESK_DATA_DIR"] = str(tmp / "data")
    db_path = tmp / "bench.sqlite3"
    open_database(db_path)
    demo.build(members=2000, seed=1, today=dt.date(2026, 11, 18))
    nov, dec = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
    fill([nov, dec], 2000)

    from models.calendar.entries import entries_between
    from ui.calendar.page import CalendarPage
    from ui.workspace import Workspace

    page = CalendarPage(Workspace(db_path))
    page.resize(1280, 800)
    page.show()
    app.processEvents()
    page.go_to(nov)
    start, end = page.month.period()
    print(f"entries in the Nov month grid: {len(entries_between(start, end))}")

    def measure(label: str, view: str, runs: int = 20) -> None:
        page.set_view(view)
        page.go_to(nov)
        app.processEvents()
        times, cpu, query = [], [], []
        for n in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            page.step(1 if n % 2 == 0 else -1)
            widget = {"month": page.month, "week": page.week, "agenda": page.agenda}[view]
            widget.repaint()  # synchronous paint, as the user sees it
            if view == "agenda":
                widget.viewport().repaint()
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            t1 = time.perf_counter()
            s, e = page.period()
            entries_between(s, e)
            query.append((time.perf_counter() - t1) * 1000)
        # CPU time too: on a shared machine wall time includes waiting for other jobs.
        print(f"{label}: switch median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms wall; CPU median {statistics.median(cpu):.1f} ms, "
              f"max {max(cpu):.1f} ms (query+expansion median "
              f"{statistics.median(query):.1f} ms), {runs} runs")

    measure("month view, Nov <-> Dec", "month")
    measure("agenda view, Nov <-> Dec", "agenda")
    measure("week view, week to week", "week")


if __name__ == "__main__":
    main()
