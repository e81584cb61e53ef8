"""SQL aggregates behind the Overview: one query per figure, never a loop over members.

Every function works "as of" a date so the same definitions serve today's figures and
the weekly snapshots rebuilt from history. Definitions (shared with stats_members):

- a member *at* day D joined on or before D (or has no join date) and had not left by D;
- *active* at D: a contribution (attendance is logged as an "attend" contribution) or a
  follow-up dated within the `active_days` days up to D; the others are *silent*;
- *at risk* at D: a member who joined more than `at_risk_days` days ago (newcomers are in
  the friend-add queue instead; an unknown join date does not count) with no follow-up
  (private contact) in the last `at_risk_days` days. For today this is exactly the member
  list's filter "joined before the cut-off, N days without contact", so the click-through
  is a structural filter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.store.db import database
from models.windows import before_window, window_start

WEEKS_SHOWN = 52  # the joins/departures chart covers 12 months of ISO weeks


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _scalar(sql: str, params: list[Any] | tuple[Any, ...] = ()) -> int:
    return int(database.execute_sql(sql, params).fetchone()[0] or 0)


def member_at_sql(alias: str = "m") -> str:
    """WHERE fragment (2 parameters: D, D) for 'was a member on day D'.

    The unary `+` keeps SQLite from an index OR-plan that is 5x slower than a scan here.
    """
    return (f"({alias}.joined_on IS NULL OR +{alias}.joined_on <= ?) "
            f"AND ({alias}.left_on IS NULL OR +{alias}.left_on > ?)")


def active_log_sql() -> str:
    """Member ids with a contribution or follow-up in [from, to] (4 parameters).

    Scanning the narrow log tables beats the date index, whose every hit needs a row
    lookup for member_id (measured 17 ms vs 45 ms at 100,000 members).
    """
    return ("SELECT member_id FROM contribution WHERE +date >= ? AND +date <= ? "
            "UNION SELECT member_id FROM follow_up WHERE +date >= ? AND +date <= ?")


def contact_until(at: dt.date) -> str:
    """Upper bound for follow-ups that count as contact by day `at`. For today (and later)
    none: a follow-up dated ahead still counts, as it does on the card's last-contact date
    that the member list filters by."""
    return at.isoformat() if at < dt.date.today() else "9999-12-31"


def contacted_sql() -> str:
    """Member ids with a follow-up in [from, to] (2 parameters)."""
    return "SELECT DISTINCT member_id FROM follow_up WHERE +date >= ? AND +date <= ?"


def members_at(day: dt.date) -> int:
    """Members on `day`, by index range counts (no scan of the wide member table)."""
    d = day.isoformat()
    return _scalar(
        "SELECT (SELECT COUNT(*) FROM member) "
        "- (SELECT COUNT(*) FROM member WHERE joined_on > ?) "
        "- (SELECT COUNT(*) FROM member WHERE left_on <= ?) "
        "+ (SELECT COUNT(*) FROM member WHERE joined_on > ? AND +left_on <= ?)", (d, d, d, d))


def headline(at: dt.date, active_days: int, at_risk_days: int) -> dict[str, int]:
    """Members, active, silent and at-risk counts as of `at` (from dated records only)."""
    d = at.isoformat()
    active_from = window_start(at, active_days).isoformat()
    cut = before_window(at, at_risk_days).isoformat()  # joined on or before: long enough in
    contact_from = window_start(at, at_risk_days).isoformat()
    members = members_at(at)
    # One pass over both logs: who was active, who was privately contacted (one row lookup
    # per member found instead of two queries with a lookup each).
    row = database.execute_sql(
        "SELECT COALESCE(SUM(u.act), 0), COALESCE(SUM(u.con AND +m.joined_on <= ?), 0) "
        "FROM (SELECT member_id, MAX(act) AS act, MAX(con) AS con "
        "FROM (SELECT member_id, 1 AS act, 0 AS con FROM contribution "
        "      WHERE +date >= ? AND +date <= ? "
        "      UNION ALL SELECT member_id, date >= ? AND date <= ?, date >= ? FROM follow_up "
        "      WHERE +date >= ? AND +date <= ?) GROUP BY member_id) u "
        f"JOIN member m ON m.id = u.member_id WHERE {member_at_sql()}",
        (cut, active_from, d, active_from, d, contact_from, min(active_from, contact_from),
         contact_until(at), d, d)).fetchone()
    active, contacted = int(row[0]), int(row[1])
    # At risk = members who joined before the cut-off, minus those contacted since.
    not_yet = _scalar(  # joined within the window, or join date unknown
        "SELECT COUNT(*) FROM member WHERE ((joined_on > ? AND joined_on <= ?) "
        "OR joined_on IS NULL) AND (left_on IS NULL OR left_on > ?)", (cut, d, d))
    week = monday(at)
    joined, left = week_counts(week, at)
    return {"members": members, "active": active, "silent": members - active,
            "at_risk": members - not_yet - contacted,
            "joined_week": joined, "left_week": left}


def week_counts(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Joins and departures dated in [start, end]."""
    s, e = start.isoformat(), end.isoformat()
    joined = _scalar("SELECT COUNT(*) FROM member WHERE joined_on >= ? AND joined_on <= ?", (s, e))
    left = _scalar("SELECT COUNT(*) FROM member WHERE left_on >= ? AND left_on <= ?", (s, e))
    return joined, left


def totals() -> dict[str, int]:
    # Two index counts: everyone, and the (few) who left - not a pass over every row.
    row = database.execute_sql(
        "SELECT (SELECT COUNT(*) FROM member), "
        "(SELECT COUNT(*) FROM member WHERE left_on IS NOT NULL AND left_on > '')").fetchone()
    everyone, left = int(row[0] or 0), int(row[1] or 0)
    return {"all": everyone, "current": everyone - left, "left": left}


def weekly_flow(today: dt.date, weeks: int = WEEKS_SHOWN) -> list[dict[str, Any]]:
    """Joins and departures per ISO week, oldest first, ending with the current week."""
    first = monday(today) - dt.timedelta(weeks=weeks - 1)
    out = []
    index: dict[dt.date, dict[str, Any]] = {}
    for i in range(weeks):
        start = first + dt.timedelta(weeks=i)
        row = {"week": week_key(start), "start": start.isoformat(), "joined": 0, "left": 0}
        out.append(row)
        index[start] = row
    for column, key in (("joined_on", "joined"), ("left_on", "left")):
        cursor = database.execute_sql(
            f"SELECT {column}, COUNT(*) FROM member WHERE {column} >= ? AND {column} <= ? "
            f"GROUP BY {column}", (first.isoformat(), today.isoformat()))
        for day, n in cursor:  # at most one row per day of the year
            index[monday(dt.date.fromisoformat(str(day)))][key] += n
    return out


CAPPED_GROUPS_SQL = 'SELECT id FROM "group" WHERE capacity > 0'


def capped_members() -> int:
    """Current members in at least one group with a capacity (a member in two such groups
    takes two of their places but is one member). Members who left are few: subtracted."""
    return _scalar(
        f"SELECT (SELECT COUNT(DISTINCT member_id) FROM membership "
        f"WHERE group_id IN ({CAPPED_GROUPS_SQL})) - (SELECT COUNT(DISTINCT s.member_id) "
        "FROM member m CROSS JOIN membership s ON s.member_id = m.id "
        f"WHERE m.left_on IS NOT NULL AND s.group_id IN ({CAPPED_GROUPS_SQL}))")


def groups() -> list[dict[str, Any]]:
    """Current members per group with fill against capacity (capacity 0: no limit)."""
    everyone = dict(database.execute_sql(
        "SELECT group_id, COUNT(*) FROM membership GROUP BY group_id").fetchall())
    gone = dict(database.execute_sql(  # memberships of members who left (few)
        "SELECT s.group_id, COUNT(*) FROM member m CROSS JOIN membership s "
        "ON s.member_id = m.id WHERE m.left_on IS NOT NULL GROUP BY s.group_id").fetchall())
    out = []
    for gid, name, platform, capacity in database.execute_sql(
            'SELECT id, name, platform, capacity FROM "group" ORDER BY position, id'):
        count = everyone.get(gid, 0) - gone.get(gid, 0)
        out.append({"id": gid, "name": name, "platform": platform, "capacity": capacity,
                    "members": count, "fill": round(count / capacity, 4) if capacity else None})
    return out


def tag_mix() -> list[dict[str, Any]]:
    """Current members per tag, grouped by category in the categories' order."""
    counts = dict(database.execute_sql(
        "SELECT tag_id, COUNT(*) FROM member_tag GROUP BY tag_id").fetchall())
    for tid, n in database.execute_sql(  # minus the tags of members who left (few)
            "SELECT mt.tag_id, COUNT(*) FROM member m CROSS JOIN member_tag mt "
            "ON mt.member_id = m.id WHERE m.left_on IS NOT NULL GROUP BY mt.tag_id"):
        counts[tid] -= n
    categories: dict[int | None, dict[str, Any]] = {}
    for cid, name, color in database.execute_sql(
            "SELECT id, name, color FROM tag_category ORDER BY position, id"):
        categories[cid] = {"id": cid, "name": name, "color": color, "tags": []}
    for tid, name, cid in database.execute_sql(
            "SELECT id, name, category_id FROM tag ORDER BY name"):
        if cid not in categories:
            categories[cid] = {"id": None, "name": "", "color": "#64748b", "tags": []}
        categories[cid]["tags"].append({"id": tid, "name": name, "members": counts.get(tid, 0)})
    for cat in categories.values():
        cat["tags"].sort(key=lambda t: (-t["members"], t["name"]))
        cat["assigned"] = sum(t["members"] for t in cat["tags"])
    return [c for c in categories.values() if c["tags"]]


def members_of(ids: list[int]) -> dict[int, tuple[str, int]]:
    """Name and total points of a few members (leaderboards, lists)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    cursor = database.execute_sql(
        f"SELECT id, name, points FROM member WHERE id IN ({marks})", ids)
    return {mid: (name, points) for mid, name, points in cursor}


def birthdays(today: dt.date, days: int) -> list[dict[str, Any]]:
    """Current members whose birthday falls in the next `days` days (today included)."""
    upcoming: dict[str, dt.date] = {}
    for i in range(days):
        day = today + dt.timedelta(days=i)
        upcoming.setdefault(day.strftime("%m-%d"), day)
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            upcoming.setdefault("02-29", day)  # 29 Feb birthdays are kept on the 28th
    # 'MM-DD' ranges (two when the window crosses New Year): cheaper per row than IN (...).
    first, last = today.strftime("%m-%d"), (today + dt.timedelta(days=days - 1)).strftime("%m-%d")
    ranges = [(first, last)] if first <= last else [(first, "12-31"), ("01-01", last)]
    where = " OR ".join("substr(birthday, 6, 5) BETWEEN ? AND ?" for _ in ranges)
    cursor = database.execute_sql(
        f"SELECT id, name, birthday FROM member WHERE ({where} OR substr(birthday, 6, 5) = ?) "
        "AND +left_on IS NULL AND lunar_birthday IS NULL",
        [x for pair in ranges for x in pair] + ["02-29"])
    out = []
    for mid, name, stored in cursor:
        born = str(stored)  # 'YYYY-MM-DD'
        when = upcoming.get(born[5:10])
        if when is None:  # 29 Feb outside the window
            continue
        out.append({"member_id": mid, "name": name, "date": when.isoformat(),
                    "in_days": (when - today).days, "age": when.year - int(born[:4]),
                    "lunar": None})
    out += _lunar_birthdays(today, days)
    out.sort(key=lambda b: (b["in_days"], b["name"]))
    return out


def _lunar_birthdays(today: dt.date, days: int) -> list[dict[str, Any]]:
    """birthdays()' lunar part: members whose lunar birthday falls in the window this year
    ("lunar" is the stored key, e.g. "03-05"; the age counts lunar years)."""
    from models.members import lunar

    keys = lunar.keys_between(today, today + dt.timedelta(days=days - 1))
    marks = ",".join("?" * len(keys))
    out = []
    for mid, name, born, key in database.execute_sql(
            f"SELECT id, name, birthday, lunar_birthday FROM member WHERE lunar_birthday IN "
            f"({marks}) AND +left_on IS NULL", list(keys)):
        when, year = keys[key]
        birth = lunar.stored(key, born)
        out.append({"member_id": mid, "name": name, "date": when.isoformat(),
                    "in_days": (when - today).days,
                    "age": lunar.age_at(birth, year) if birth else None, "lunar": key})
    return out


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def by_points(limit: int = 500) -> list[tuple[Any, ...]]:
    """Members with points, most first: (id, name, points, joined_on, left_on, last contact).

    One top-N scan serves both the all-time leaderboard and the at-risk list (whose most
    valuable members are nearly always among the top few hundred).
    """
    rows: list[tuple[Any, ...]] = database.execute_sql(
        "SELECT id, name, points, joined_on, left_on, last_contact_on FROM member "
        "WHERE points > 0 ORDER BY points DESC, sort_name LIMIT ?", (limit,)).fetchall()
    return rows


def top_since(since: dt.date, limit: int) -> list[tuple[int, str, int]]:
    """Points earned since a date, most first, ties by name; same result and order as
    models.members.contributions.leaderboard(since). The log is summed first and only the leaders
    (plus anyone tied with the last of them) are looked up, not every contributor."""
    fetch = limit * 5
    top = database.execute_sql(
        "SELECT member_id, SUM(points) AS p FROM contribution WHERE +date >= ? "
        "GROUP BY member_id ORDER BY p DESC LIMIT ?", (since.isoformat(), fetch)).fetchall()
    if len(top) == fetch and limit and top[-1][1] == top[limit - 1][1]:
        # So many ties at the cut-off that the name order needs the whole table.
        leaders: list[tuple[int, str, int]] = database.execute_sql(
            "SELECT m.id, m.name, x.p FROM (SELECT member_id, SUM(points) AS p FROM "
            "contribution WHERE +date >= ? GROUP BY member_id) x JOIN member m "
            "ON m.id = x.member_id ORDER BY x.p DESC, m.sort_name LIMIT ?",
            (since.isoformat(), limit)).fetchall()
        return leaders
    points = dict(top)
    if not points:
        return []
    marks = ",".join("?" * len(points))
    rows = database.execute_sql(
        f"SELECT id, name, sort_name FROM member WHERE id IN ({marks})", list(points))
    ranked = sorted(rows, key=lambda r: (-points[r[0]], r[2]))
    return [(mid, name, points[mid]) for mid, name, _ in ranked[:limit]]


def top_all_time(limit: int, ranked: list[tuple[Any, ...]] | None = None
                 ) -> list[tuple[int, str, int]]:
    """The all-time leaderboard from the cached totals on the cards (no GROUP BY over the
    log); same members and order as models.members.contributions.leaderboard(None)."""
    ranked = by_points(limit) if ranked is None or len(ranked) < limit else ranked
    return [(r[0], r[1], r[2]) for r in ranked[:limit]]


def at_risk_list(today: dt.date, at_risk_days: int, limit: int,
                 ranked: list[tuple[Any, ...]] | None = None) -> list[dict[str, Any]]:
    """The at-risk members worth a message first: most points first."""
    d = today.isoformat()
    cut = before_window(today, at_risk_days).isoformat()
    contact_from = window_start(today, at_risk_days).isoformat()
    contacted = {row[0] for row in database.execute_sql(contacted_sql(),
                                                          (contact_from, contact_until(today)))}
    rows = [r for r in (ranked if ranked is not None else by_points())
            if r[0] not in contacted and r[3] is not None and str(r[3]) <= cut
            and (r[4] is None or str(r[4]) > d)][:limit]
    if len(rows) < limit:  # not enough among the top scorers: ask the whole table
        rows = database.execute_sql(
            "SELECT m.id, m.name, m.points, m.joined_on, m.left_on, m.last_contact_on "
            "FROM member m WHERE (m.left_on IS NULL OR +m.left_on > ?) AND +m.joined_on <= ? "
            f"AND m.id NOT IN ({contacted_sql()}) ORDER BY m.points DESC, m.sort_name LIMIT ?",
            (d, cut, contact_from, contact_until(today), limit)).fetchall()
    return [{"member_id": r[0], "name": r[1], "points": r[2],
             "last_contact": str(r[5]) if r[5] else None} for r in rows]


def attendance_reach(today: dt.date, since: dt.date) -> int:
    """How many current members attended at least one activity since `since`."""
    return _scalar(
        "SELECT COUNT(DISTINCT member_id) FROM contribution WHERE +kind = 'attend' "
        "AND +date >= ? AND +date <= ? "
        "AND member_id NOT IN (SELECT id FROM member WHERE left_on IS NOT NULL)",
        (since.isoformat(), today.isoformat()))
