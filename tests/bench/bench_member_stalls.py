"""How long the window stops responding during what a user starts on the Members screen
(issue 18: never more than 100 ms at 20,000 members). Not collected by pytest; run:

    .venv/bin/python tests/bench/bench_member_stalls.py [--members 20000 100000]
        [--root CHECKOUT ...]

For each size, a fresh process opens a copy of a demo workspace (built once in the temp
folder) and runs each operation the way a click does (from the event loop), while a
2 ms QTimer heartbeat runs: the longest gap between two beats, less the 2 ms, is the
longest stretch the GUI thread did not run its event loop. The operation counts as done
when the list is settled again (a sort read on a worker has been laid out, say) and no
worker is left, plus 50 ms; "total" is how long that took. `--root A B` measures other
checkouts (the commit before a change) in the same session, side by side, for a reference.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_members import ensure_db  # the demo workspace of a size, made once

ROOT = Path(__file__).resolve().parents[2]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MEASURE = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QEventLoop, QThreadPool, QTimer, Qt
from PySide6.QtWidgets import QApplication
from models.store.db import database, open_database
from models.members import bulk
from models.members.segments import MemberFilter
from ui import dialogs
from ui.members.page import MembersPage
from ui.workspace import Workspace

app = QApplication([])
db = Path({db!r})
open_database(db)
workspace = Workspace(db)
for name in ("confirm", "inform", "warn"):  # no one answers dialogs here: say yes
    if hasattr(dialogs, name):
        setattr(dialogs, name, lambda *a, **k: True)
page = MembersPage(workspace)
page.resize(1200, 760)
page.show()
model = page.model
settled = getattr(model, "is_settled", lambda: True)
beats = []
heart = QTimer()
heart.setInterval(2)
heart.timeout.connect(lambda: beats.append(time.perf_counter()))


def idle(seconds):
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def quiet():
    return settled() and QThreadPool.globalInstance().activeThreadCount() == 0


def measure(name, action, done=quiet, timeout=60.0):
    idle(0.05)
    while not quiet():
        idle(0.02)
    beats.clear()
    heart.start()
    idle(0.02)
    start = time.perf_counter()
    QTimer.singleShot(0, action)  # as a click runs it: from the event loop
    idle(0.005)
    while not done() and time.perf_counter() - start < timeout:
        idle(0.005)
    finished = time.perf_counter()
    idle(0.05)
    heart.stop()
    gaps = [b - a for a, b in zip(beats, beats[1:])]
    results[name] = {{"stall_ms": max(0.0, (max(gaps) - 0.002) * 1000) if gaps else None,
                      "total_ms": (finished - start) * 1000}}


results = {{}}
model_columns = model.columns()
city = model_columns.index("city") if "city" in model_columns else 1
measure("first search keystroke 'w'", lambda: page.search.setText("w"))
measure("clear the search", lambda: page.search.setText(""))
measure("sort by city (header click)",
        lambda: page.table.sortByColumn(city, Qt.SortOrder.AscendingOrder))
measure("sort by joined date, descending", lambda: page.table.sortByColumn(
    model_columns.index("joined_on"), Qt.SortOrder.DescendingOrder))
measure("sort back by name",
        lambda: page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
measure("select all (Ctrl+A)", page.table.selectAll)
measure("clear the selection", page.table.clearSelection)
status = page.filters.status
measure("filter: status all", lambda: status.setCurrentIndex(status.findData("all")))
measure("filter: status active", lambda: status.setCurrentIndex(status.findData("active")))
tag = database.execute_sql("SELECT id FROM tag ORDER BY id LIMIT 1").fetchone()[0]
measure("saved segment: one tag", lambda: page.apply_filter(MemberFilter(tags_any=[tag])))
measure("saved segment: everyone", lambda: page.apply_filter(MemberFilter()))
from ui.workspace import Changed
page.search.setText("w")
idle(0.2)
measure("a write elsewhere while a search is on (reload)",
        lambda: workspace.announce(Changed.MEMBERS, None))
page.search.setText("")
measure("show a column (company)", lambda: page.list_columns.toggle("company", True))
measure("hide a column (company)", lambda: page.list_columns.toggle("company", False))
first, second = model.member_id(0), model.member_id(1)
measure("open a member card (first: imports it)", lambda: page.open_card(first))
for dialog in list(page._dialogs):
    dialog.close()
measure("open a member card (again)", lambda: page.open_card(second))
for dialog in list(page._dialogs):
    dialog.close()
page.table.selectAll()
idle(0.05)
count = len(page.selected_ids())
other = database.execute_sql("SELECT id FROM tag ORDER BY id DESC LIMIT 1").fetchone()[0]
measure(f"bulk: add a tag to {{count:,}} selected", lambda: page._bulk(
    bulk.add_tags, [other], "done"))
page.table.selectAll()
idle(0.05)
measure(f"bulk: remove that tag from {{len(page.selected_ids()):,}}", lambda: page._bulk(
    bulk.remove_tags, [other], "done"))
try:
    from ui.overview.page import OverviewPage
    holder = {{}}

    def overview():
        holder["page"] = OverviewPage(workspace)
        holder["page"].resize(1280, 800)
        holder["page"].show()

    measure("open the Overview (first: imports QtCharts)", overview)
    measure("open the Overview (again)", overview)
except ImportError:
    pass
print(json.dumps({{"members": model.total(), "results": results}}))
"""


def run(root: Path, source: Path) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="qundesk-stalls-"))
    try:
        db = work / "members.sqlite3"
        shutil.copyfile(source, db)  # the bulk actions write: never the cached demo
        env = {**os.environ, "QUNDESK_DATA_DIR": str(work / "data")}
        code = MEASURE.format(root=str(root), db=str(db))
        out = subprocess.run([sys.executable, "-c", code], check=True, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--root", type=Path, nargs="+", default=[ROOT],
                        help="checkouts of the app, measured one after the other per size")
    args = parser.parse_args()
    tmp = Path(tempfile.gettempdir())
    data = tmp / "qundesk-bench-data"
    print(f"apps: {', '.join(map(str, args.root))}; {os.cpu_count()} CPUs")
    for members in args.members:
        source = tmp / f"qundesk-bench-{members}.sqlite3"
        ensure_db(source, members, data)
        reports = [run(root, source) for root in args.root]
        print(f"\n{members:,} members (load average {os.getloadavg()[0]:.1f}): longest GUI "
              "stall / until done, per app in the order given")
        names = list(reports[0]["results"])
        for name in names:
            cells = []
            for report in reports:
                figures = report["results"].get(name)
                if figures is None:
                    cells.append(f"{'-':>17s}")
                    continue
                stall = figures["stall_ms"]
                mark = "!" if stall is not None and stall > 100 else " "
                cells.append(f"{stall if stall is not None else float('nan'):6.0f}{mark}/"
                             f"{figures['total_ms']:7.0f} ms")
            print(f"  {name:48s} " + "   ".join(cells))
    print("\n(! = the window stopped for more than 100 ms)")


if __name__ == "__main__":
    main()
