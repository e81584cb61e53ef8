"""Benchmark the activities domain and screen on a large workspace.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_activities.py [members] [activities]

Builds a demo community, then adds `activities` more activities from the templates
(15 steps and ~40 sign-ups each), and times the read API used by the weekly plan and
overview, the activity list model, one checklist, sign-ups and the printables.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(label: str, fn, repeat: int = 5):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52} {best * 1000:8.1f} ms")
    return result


def main() -> None:
    members = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    folder = Path(tempfile.mkdtemp())
    os.environ["QUNDESK_DATA_DIR"] = str(folder)
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)  # noqa: F841
    from models import demo
    from models.activities import activity as activities
    from models.activities import checklists, signups, templates
    from models.members.cards import Member
    from models.store.db import open_database

    open_database(folder / "bench.sqlite3")
    today = dt.date(2026, 11, 18)
    start = time.perf_counter()
    demo.build(members=members, seed=1, today=today)
    print(f"demo with {members} members (incl. activities)           "
          f"{(time.perf_counter() - start) * 1000:8.1f} ms")
    rng = random.Random(5)
    ids = [m for (m,) in Member.select(Member.id).tuples()]
    names = [t.id for t in templates.list_templates()]
    start = time.perf_counter()
    for n in range(count):
        day = today + dt.timedelta(days=rng.randint(-700, 120))
        a = templates.create_from_template(rng.choice(names), {
            "title": f"活动 {n}", "start": dt.datetime.combine(day, dt.time(20))})
        signups.sign_up(a.id, rng.sample(ids, 40))
    print(f"create {count} activities from templates + sign-ups        "
          f"{(time.perf_counter() - start) * 1000:8.1f} ms")
    total = activities.Activity.select().count()
    steps = checklists.ChecklistItem.select().count()
    print(f"workspace: {total} activities, {steps} steps, "
          f"{signups.SignUp.select().count()} sign-ups")
    week = (today, today + dt.timedelta(days=6))
    timed("activities_between (one week)", lambda: activities.activities_between(*week))
    timed("steps_due_between (one week)", lambda: activities.steps_due_between(*week, today))
    timed("overdue_steps", lambda: activities.overdue_steps(today))
    timed("participation (all time)", lambda: activities.participation(today=today))
    from ui.activities.item_models import ActivityListModel, ChecklistModel, SignUpModel

    model = ActivityListModel()
    for scope in ("upcoming", "all"):
        model.scope, model.today = scope, today
        timed(f"activity list model reload ({scope})", model.reload)
    aid = activities.Activity.select().order_by(activities.Activity.id.desc()).first().id
    checklist = ChecklistModel()
    timed("checklist model load", lambda: checklist.load(aid))
    people = SignUpModel()
    timed("sign-up model load (40)", lambda: people.load(aid))
    timed("check in + undo (points refresh)",
          lambda: (signups.check_in(aid, people.member_id(0)),
                   signups.undo_check_in(aid, people.member_id(0))))
    timed("move activity (relative steps follow)",
          lambda: activities.move_activity(aid, activities.Activity.get_by_id(aid).start
                                           + dt.timedelta(days=1)))
    timed("member search for sign-up 'zh'", lambda: signups.search_members("zh"))
    from ui.activities import printables

    timed("checklist PDF", lambda: printables.render_checklist_pdf(aid, folder / "c.pdf"), 3)
    timed("sign-in sheet PDF", lambda: printables.render_signin_pdf(aid, folder / "s.pdf"), 3)
    from ui.activities.page import ActivitiesPage
    from ui.workspace import Workspace

    page = timed("activities page construct + first load",
                 lambda: ActivitiesPage(Workspace(folder / "bench.sqlite3")), 3)
    page.scope.setCurrentIndex(2)
    timed("select an activity (detail tabs load)", lambda: page.select_activity(aid))


if __name__ == "__main__":
    main()
