"""Weekly snapshots of the Overview's headline figures, kept so trends survive edits.

One row per ISO week (its Monday). The current week's row follows the latest figures;
once the week is over its row is never rewritten, so deleting members later does not
rewrite the community's history. A workspace with no snapshots yet gets its past weeks
rebuilt once from the dated records (marked `estimated`), so a trend shows from day one.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import BooleanField, DateField, DateTimeField, TextField

from models.progress import CancelFn, check
from models.stats.queries import headline, monday, week_counts
from models.store import settings
from models.store.db import BaseModel, database

TREND_WEEKS = 26  # how far back the Overview's trend reaches
BACKFILL_WEEKS = 12
KEYS = ("members", "active", "silent", "at_risk", "joined", "left")


class StatsSnapshot(BaseModel):
    week_start = DateField(unique=True)
    figures = TextField()  # JSON: the KEYS above
    estimated = BooleanField(default=False)  # rebuilt from records, not seen at the time
    updated_at = DateTimeField(default=dt.datetime.now)


def figures_at(day: dt.date, active_days: int, at_risk_days: int,
               week_end: dt.date | None = None) -> dict[str, int]:
    """Headline figures as of `day`; joins/departures over its week up to `week_end`."""
    head = headline(day, active_days, at_risk_days)
    joined, left = week_counts(monday(day), week_end or day)
    return {"members": head["members"], "active": head["active"], "silent": head["silent"],
            "at_risk": head["at_risk"], "joined": joined, "left": left}


def record(today: dt.date, figures: dict[str, int], cancelled: CancelFn | None = None) -> None:
    """Store this week's figures (rewrite only the current week, only when they changed),
    after rebuilding the past weeks nobody looked at (or all of them in a new workspace).

    The rebuilt weeks are computed before the write transaction begins (reads only, ~0.1 s
    a week at 100,000 members), so the file is locked for writing only while the rows go in.
    `cancelled()` is asked between the weeks and before writing (raises Cancelled).
    """
    rebuilt = rebuild(missing_weeks(today, BACKFILL_WEEKS), cancelled)
    check(cancelled)
    week = monday(today)
    text = json.dumps({k: figures[k] for k in KEYS}, sort_keys=True)
    with database.atomic("IMMEDIATE"):  # waits for another writer instead of failing
        _insert(rebuilt)
        row = StatsSnapshot.get_or_none(StatsSnapshot.week_start == week)
        if row is None:
            StatsSnapshot.create(week_start=week, figures=text)
        elif row.figures != text and not StatsSnapshot.select().where(
                StatsSnapshot.week_start > week).exists():
            # Only the latest week may still change: a week followed by another is history.
            row.figures, row.estimated, row.updated_at = text, False, dt.datetime.now()
            row.save()


def missing_weeks(today: dt.date, weeks: int) -> list[dt.date]:
    """The Mondays of the past `weeks` weeks that have no snapshot and can be rebuilt from
    the dated records, oldest first (cheap: no figures are computed)."""
    have: set[dt.date] = {row.week_start for row in
                          StatsSnapshot.select(StatsSnapshot.week_start)}
    if have and min(have) > monday(today) - dt.timedelta(weeks=weeks):
        # Do not invent history from before the workspace's first real snapshot.
        weeks = (monday(today) - min(have)).days // 7
    first = database.execute_sql("SELECT MIN(joined_on) FROM member").fetchone()[0]
    if first is None:
        return []  # nobody joined yet: there is no history to rebuild
    first_week = monday(dt.date.fromisoformat(str(first)))
    starts = (monday(today) - dt.timedelta(weeks=i) for i in range(weeks, 0, -1))
    return [start for start in starts if start not in have and start >= first_week]


def rebuild(starts: list[dt.date], cancelled: CancelFn | None = None
            ) -> dict[dt.date, dict[str, int]]:
    """The figures of each week (as of its Sunday) from the dated records."""
    active_days = int(settings.get("active_days"))
    at_risk_days = int(settings.get("at_risk_days"))
    out = {}
    for start in starts:
        check(cancelled)
        out[start] = figures_at(start + dt.timedelta(days=6), active_days, at_risk_days)
    return out


def _insert(rebuilt: dict[dt.date, dict[str, int]]) -> int:
    """Store rebuilt weeks (marked estimated) that are still missing; returns how many."""
    have = {row.week_start for row in StatsSnapshot.select(StatsSnapshot.week_start)
            .where(StatsSnapshot.week_start.in_(list(rebuilt)))} if rebuilt else set()
    added = 0
    for start, figures in rebuilt.items():
        if start not in have:
            StatsSnapshot.create(week_start=start, estimated=True,
                                 figures=json.dumps(figures, sort_keys=True))
            added += 1
    return added


def backfill(today: dt.date, weeks: int) -> int:
    """Rebuild missing past weeks from dated records; returns how many were added."""
    rebuilt = rebuild(missing_weeks(today, weeks))
    with database.atomic():
        return _insert(rebuilt)


def trend(today: dt.date, weeks: int = TREND_WEEKS) -> list[dict[str, Any]]:
    """Snapshots of the last `weeks` weeks, oldest first."""
    since = monday(today) - dt.timedelta(weeks=weeks - 1)
    rows = (StatsSnapshot.select().where((StatsSnapshot.week_start >= since)
                                         & (StatsSnapshot.week_start <= today))
            .order_by(StatsSnapshot.week_start))
    out = []
    for row in rows:
        item: dict[str, Any] = {"week_start": row.week_start.isoformat(),
                                "estimated": bool(row.estimated)}
        item.update(json.loads(row.figures))
        out.append(item)
    return out


def populate_demo(rng: Any, today: dt.date) -> None:
    """Demo workspaces start with half a year of (estimated) weekly history."""
    with database.atomic():
        backfill(today, TREND_WEEKS)
