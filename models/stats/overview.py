"""The Overview's figures (社群分析): one JSON-ready dict for the screen and `stats`.

`compute()` runs a handful of SQL aggregates (models.stats.queries) and records this
week's snapshot (models.stats.snapshot) so the trend survives later edits. Past weeks
without a snapshot are rebuilt first; the Overview asks for the figures without that
rebuild (`backfill=False`, the cards show at once) and then again with it, in the
background. Member id lists for click-through live in models.stats.members.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from models.members.contributions import level_for, thresholds
from models.members.followups import contact_queue
from models.progress import CancelFn
from models.stats import queries as q
from models.stats.snapshot import BACKFILL_WEEKS, KEYS, missing_weeks, record, trend
from models.store import settings
from models.store.db import database

BIRTHDAY_DAYS = 14  # "upcoming" birthdays: the next two weeks
LIST_LIMIT = 20  # rows in each list on the screen (the click-through shows them all)
QUEUE_SHOWN = 50
LEADERBOARD_SIZE = 10
PARTICIPATION_DAYS = 365
MMAP_BYTES = 256 * 1024 * 1024


def periods(today: dt.date) -> dict[str, dt.date | None]:
    """Leaderboard periods: this ISO week, this calendar month, all time."""
    return {"week": q.monday(today), "month": today.replace(day=1), "all": None}


def compute(today: dt.date | None = None, snapshot: bool = True,
            threads: int = 1, backfill: bool = True,
            cancelled: CancelFn | None = None) -> dict[str, Any]:
    """Every figure the Overview shows, as of `today` (JSON-serialisable).

    `snapshot` records this week's figures, after rebuilding the past weeks that have no
    snapshot (12 at most: ~0.1 s each at 100,000 members). With `backfill=False` and such
    weeks missing nothing is recorded (a week recorded before its past would stop that
    past from ever being rebuilt) and `history_pending` is True: the trend and the change
    since last week are not known yet; compute again with `backfill=True`. `cancelled()`
    is asked while past weeks are rebuilt, and before anything is written.

    `threads=2` splits the queries over two connections (sqlite3 releases the GIL while a
    query runs). It is off by default: on the 2-core reference VM (much CPU steal) it cut
    the wait from 283 to 213 ms in one benchmark run but was 5-45 % slower in the others,
    cost ~10 % more CPU and made the GUI thread's longest pause grow from ~50 to ~150 ms.
    """
    today = today or dt.date.today()
    _map_file()
    active_days = int(settings.get("active_days"))
    at_risk_days = int(settings.get("at_risk_days"))
    totals = q.totals()
    # Two balanced halves (measured at 100,000 members): the caller's thread runs `mine`.
    theirs = {
        "queue": lambda: _queue(today),
        "birthdays": lambda: q.birthdays(today, BIRTHDAY_DAYS),
        "tags": q.tag_mix,
        "groups": q.groups,
        "capped": q.capped_members,
        "weekly": lambda: q.weekly_flow(today),
        "month": lambda: top_contributors("month", today),
    }
    mine: dict[str, Callable[[], Any]] = {
        "head": lambda: q.headline(today, active_days, at_risk_days),
        "ranked": q.by_points,
        "participation": lambda: participation(today, totals["current"]),
        "week": lambda: top_contributors("week", today),
    }
    r = _run_split(mine, theirs, threads > 1)
    head, groups = r["head"], r["groups"]
    ranked = r["ranked"]
    capped = [g for g in groups if g["capacity"]]
    capacity = sum(g["capacity"] for g in capped)
    in_capped = sum(g["members"] for g in capped)
    pending = snapshot and not backfill and bool(missing_weeks(today, BACKFILL_WEEKS))
    if snapshot and not pending:
        record(today, {**head, "joined": head["joined_week"], "left": head["left_week"]},
               cancelled)
    weeks = trend(today)
    previous = _previous_week(weeks, today)
    boards = {"week": r["week"], "month": r["month"],
              "all": q.top_all_time(LEADERBOARD_SIZE, ranked)}
    return {
        "today": today.isoformat(),
        "settings": {"active_days": active_days, "at_risk_days": at_risk_days,
                     "daily_friend_limit": int(settings.get("daily_friend_limit"))},
        "headline": {**head, "left_total": totals["left"],
                     "active_rate": _ratio(head["active"], head["members"])},
        "change": {k: head[_head_key(k)] - previous[k] for k in KEYS} if previous else None,
        "totals": {"members": totals["current"], "left": totals["left"], "all": totals["all"],
                   "capacity": capacity, "in_capped_groups": in_capped,
                   "capped_members": r["capped"],
                   "fill": _ratio(in_capped, capacity)},
        "groups": groups,
        "weekly": r["weekly"],
        "tags": r["tags"],
        "participation": r["participation"],
        "leaderboard": _leaderboards(boards, ranked),
        "queue": r["queue"],
        "birthdays": {"days": BIRTHDAY_DAYS, "count": len(r["birthdays"]),
                      "members": r["birthdays"][:QUEUE_SHOWN]},
        "at_risk": {"days": at_risk_days, "count": head["at_risk"],
                    "members": q.at_risk_list(today, at_risk_days, LIST_LIMIT, ranked)},
        "trend": weeks,
        "history_pending": pending,
    }


def _map_file() -> None:
    """Read through a memory map on this thread's connection: a worker's fresh connection
    starts with an empty page cache, and the full scans here then cost a copy per page
    (measured at 100,000 members: 400 ms -> 300 ms on a new connection)."""
    database.execute_sql(f"PRAGMA mmap_size={MMAP_BYTES}")


def _run_split(mine: dict[str, Callable[[], Any]], theirs: dict[str, Callable[[], Any]],
               parallel: bool) -> dict[str, Any]:
    if not parallel:
        return {k: f() for k, f in {**mine, **theirs}.items()}

    def other_half() -> dict[str, Any]:
        database.connect(reuse_if_open=True)  # peewee: this thread's own connection
        _map_file()
        try:
            return {k: f() for k, f in theirs.items()}
        finally:
            database.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(other_half)
        out = {k: f() for k, f in mine.items()}
        out.update(future.result())
    return out


def _head_key(key: str) -> str:
    return {"joined": "joined_week", "left": "left_week"}.get(key, key)


def _previous_week(weeks: list[dict[str, Any]], today: dt.date) -> dict[str, Any] | None:
    """The latest snapshot from before this week (what 'vs last week' compares with)."""
    this_week = q.monday(today).isoformat()
    older = [w for w in weeks if w["week_start"] < this_week]
    return older[-1] if older else None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def top_contributors(period: str, today: dt.date,
                     limit: int = LEADERBOARD_SIZE) -> list[tuple[int, str, int]]:
    """(member id, name, points) for 'week', 'month' or 'all' (all: the cards' totals)."""
    if period == "all":
        return q.top_all_time(limit)
    since = periods(today)[period]
    assert since is not None  # only "all" has no start, handled above
    return q.top_since(since, limit)


def _leaderboards(boards: dict[str, list[tuple[int, str, int]]],
                  ranked: list[tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
    table = thresholds()
    known = {r[0]: r[2] for r in ranked}
    missing = [mid for rows in boards.values() for mid, _, _ in rows if mid not in known]
    known.update({mid: points for mid, (_, points) in q.members_of(missing).items()})
    return {key: [{"rank": i + 1, "member_id": mid, "name": name, "points": int(points),
                   "level": level_for(known.get(mid, 0), table)}
                  for i, (mid, name, points) in enumerate(rows)]
            for key, rows in boards.items()}


def _queue(today: dt.date) -> dict[str, Any]:
    entries = contact_queue(today)
    return {
        "limit": int(settings.get("daily_friend_limit")),
        "due": sum(1 for e in entries if e.reason == "due"),
        "add_friend": sum(1 for e in entries if e.reason == "add_friend"),
        "total": len(entries),
        "entries": [{"member_id": e.member_id, "name": e.name, "reason": e.reason,
                     "due": e.due.isoformat() if e.due else None}
                    for e in entries[:QUEUE_SHOWN]],
    }


def participation(today: dt.date, members: int) -> dict[str, Any]:
    """Sign-ups and attendance per activity over the last year, and overall rates."""
    from models.activities.activity import participation as per_activity  # its own domain module

    since = today - dt.timedelta(days=PARTICIPATION_DAYS)
    rows = [r for r in per_activity(since) if r[2] < today]
    rows.sort(key=lambda r: (r[2], r[0]))
    signed = sum(r[3] for r in rows)
    attended = sum(r[4] for r in rows)
    reach = q.attendance_reach(today, since)
    return {
        "since": since.isoformat(),
        "activities": [{"id": aid, "title": title, "date": start.isoformat(),
                        "signed_up": s, "attended": a, "rate": _ratio(a, s)}
                       for aid, title, start, s, a in rows],
        "signed_up": signed, "attended": attended, "rate": _ratio(attended, signed),
        "members_attended": reach, "member_rate": _ratio(reach, members),
    }


# ---------------------------------------------------------------- plain text (CLI)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _delta(change: dict[str, int] | None, key: str) -> str:
    if not change or not change.get(key):
        return ""
    return f" ({change[key]:+d} vs last week)"


def format_text(figures: dict[str, Any]) -> str:
    """A readable report of the same figures for `stats` without --json."""
    h, t, ch = figures["headline"], figures["totals"], figures["change"]
    s = figures["settings"]
    lines = [
        f"Overview as of {figures['today']}",
        f"  Members:   {h['members']}{_delta(ch, 'members')}   left so far: {t['left']}",
        f"  Active:    {h['active']} ({_pct(h['active_rate'])}, within {s['active_days']} days)"
        f"{_delta(ch, 'active')}   silent: {h['silent']}",
        f"  At risk:   {h['at_risk']} (no private contact for {s['at_risk_days']} days)"
        f"{_delta(ch, 'at_risk')}",
        f"  This week: +{h['joined_week']} joined, -{h['left_week']} left",
        f"  Capacity:  {t['in_capped_groups']} / {t['capacity']} ({_pct(t['fill'])})",
        "", "Groups:",
    ]
    for g in figures["groups"]:
        cap = f"/ {g['capacity']} ({_pct(g['fill'])})" if g["capacity"] else "(no limit)"
        lines.append(f"  {g['name']}: {g['members']} {cap}")
    recent = figures["weekly"][-8:]
    lines += ["", "Joins / departures, last 8 weeks:"]
    lines += [f"  {w['week']}  +{w['joined']:<5d} -{w['left']}" for w in recent]
    lines += ["", "Tags by category:"]
    for cat in figures["tags"]:
        top = ", ".join(f"{tag['name']} {tag['members']}" for tag in cat["tags"][:6])
        lines.append(f"  {cat['name'] or '-'} ({cat['assigned']} tagged): {top}")
    p = figures["participation"]
    lines += ["", f"Activities since {p['since']}: {len(p['activities'])}, "
                  f"{p['attended']} of {p['signed_up']} sign-ups attended ({_pct(p['rate'])}); "
                  f"{p['members_attended']} members attended at least once "
                  f"({_pct(p['member_rate'])})"]
    for a in p["activities"][-5:]:
        lines.append(f"  {a['date']} {a['title']}: {a['attended']}/{a['signed_up']} "
                     f"({_pct(a['rate'])})")
    for key, title in (("week", "this week"), ("month", "this month"), ("all", "all time")):
        board = figures["leaderboard"][key]
        lines += ["", f"Top contributors, {title}:"]
        lines += [f"  {r['rank']:>2}. {r['name']}  {r['points']} ({r['level']})" for r in board]
        if not board:
            lines.append("  (none)")
    qd = figures["queue"]
    lines += ["", f"Follow-up queue today: {qd['total']} ({qd['due']} due, "
                  f"{qd['add_friend']} friend adds, daily limit {qd['limit']})"]
    lines += [f"  {e['name']}" + (f" (due {e['due']})" if e["due"] else " (add friend)")
              for e in qd["entries"][:10]]
    b = figures["birthdays"]
    lines += ["", f"Birthdays in the next {b['days']} days: {b['count']}"]
    lines += [f"  {m['date']} {m['name']}" for m in b["members"][:10]]
    r = figures["at_risk"]
    lines += ["", f"At risk (most points first): {r['count']}"]
    lines += [f"  {m['name']}  {m['points']} points, last contact {m['last_contact'] or 'never'}"
              for m in r["members"][:10]]
    if figures["trend"]:
        lines += ["", "Trend (weekly snapshots; * = rebuilt from records):"]
        lines += [f"  {w['week_start']}{'*' if w['estimated'] else ' '} members {w['members']}, "
                  f"active {w['active']}, at risk {w['at_risk']}" for w in figures["trend"][-8:]]
    return "\n".join(lines)
