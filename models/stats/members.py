"""Which members stand behind each Overview figure (for click-through to the member list).

Each function returns member ids by the same definitions as models.stats.queries, so the
list a user opens holds exactly the members the figure counted. `filter_for()` turns a
figure's key into the models.members.segments.MemberFilter the member list applies: a structural
filter where one matches exactly (a group, a tag, joined in a week, at risk), else an id
set.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.members.segments import MemberFilter, matching_set
from models.stats import queries as q
from models.store import settings
from models.store.db import database
from models.windows import before_window, window_start


def _ids(sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[int]:
    return [row[0] for row in database.execute_sql(sql, params)]


def current_ids() -> list[int]:
    return _ids("SELECT id FROM member WHERE left_on IS NULL ORDER BY id")


def active_ids(today: dt.date, active_days: int | None = None) -> list[int]:
    days = int(settings.get("active_days")) if active_days is None else active_days
    d, since = today.isoformat(), window_start(today, days).isoformat()
    return _ids(f"SELECT m.id FROM member m WHERE {q.member_at_sql()} "
                f"AND m.id IN ({q.active_log_sql()}) ORDER BY m.id", (d, d, since, d, since, d))


def silent_ids(today: dt.date, active_days: int | None = None) -> list[int]:
    days = int(settings.get("active_days")) if active_days is None else active_days
    d, since = today.isoformat(), window_start(today, days).isoformat()
    return _ids(f"SELECT m.id FROM member m WHERE {q.member_at_sql()} "
                f"AND m.id NOT IN ({q.active_log_sql()}) ORDER BY m.id",
                (d, d, since, d, since, d))


def at_risk_filter(today: dt.date, at_risk_days: int | None = None,
                   label: str = "") -> MemberFilter:
    """At risk as a member-list filter: joined before the cut-off, no contact since."""
    days = int(settings.get("at_risk_days")) if at_risk_days is None else at_risk_days
    return MemberFilter(no_contact_days=days, joined_to=before_window(today, days),
                        label=label)


def at_risk_ids(today: dt.date, at_risk_days: int | None = None) -> list[int]:
    return sorted(matching_set(at_risk_filter(today, at_risk_days), today))  # by id


def week_end(week_start: dt.date, today: dt.date) -> dt.date:
    """The last day a week's joins/departures are counted up to: its Sunday, or today for
    the current week (a date typed ahead is not a join yet; the figures count to today)."""
    return min(week_start + dt.timedelta(days=6), today)


def joined_ids(week_start: dt.date, today: dt.date | None = None) -> list[int]:
    end = week_end(week_start, today or dt.date.max)
    return _ids("SELECT id FROM member WHERE joined_on >= ? AND joined_on <= ? ORDER BY id",
                (week_start.isoformat(), end.isoformat()))


def left_ids(week_start: dt.date, today: dt.date | None = None) -> list[int]:
    end = week_end(week_start, today or dt.date.max)
    return _ids("SELECT id FROM member WHERE left_on >= ? AND left_on <= ? ORDER BY id",
                (week_start.isoformat(), end.isoformat()))


def top_contributor_ids(period: str, today: dt.date, limit: int = 10) -> list[int]:
    """The leaderboard's members in rank order ('week', 'month' or 'all')."""
    from models.stats.overview import top_contributors

    return [mid for mid, _, _ in top_contributors(period, today, limit)]


def birthday_ids(today: dt.date, days: int) -> list[int]:
    return [b["member_id"] for b in q.birthdays(today, days)]


def tag_ids(tag_id: int) -> list[int]:
    return _ids("SELECT mt.member_id FROM member_tag mt JOIN member m ON m.id = mt.member_id "
                "WHERE mt.tag_id = ? AND m.left_on IS NULL ORDER BY mt.member_id", (tag_id,))


def category_tag_ids(category_id: int | None) -> list[int]:
    """The tags of a category (None: tags without a category)."""
    if category_id is None:
        return _ids("SELECT id FROM tag WHERE category_id IS NULL")
    return _ids("SELECT id FROM tag WHERE category_id = ?", (category_id,))


def group_ids(group_id: int) -> list[int]:
    return _ids("SELECT s.member_id FROM membership s JOIN member m ON m.id = s.member_id "
                "WHERE s.group_id = ? AND m.left_on IS NULL ORDER BY s.member_id", (group_id,))


def capped_ids() -> list[int]:
    """Current members of the groups with a capacity (behind the Overview's 群容量)."""
    return _ids(f"SELECT DISTINCT s.member_id FROM membership s JOIN member m "
                f"ON m.id = s.member_id WHERE s.group_id IN ({q.CAPPED_GROUPS_SQL}) "
                "AND m.left_on IS NULL ORDER BY s.member_id")


def queue_ids(today: dt.date) -> list[int]:
    from models.members.followups import contact_queue

    return [e.member_id for e in contact_queue(today)]


def signup_ids(activity_id: int) -> list[int]:
    """Members signed up for an activity (the 'signed up' count of its participation)."""
    return _ids("SELECT member_id FROM sign_up WHERE activity_id = ? ORDER BY member_id",
                (activity_id,))


def attendee_ids(activity_id: int) -> list[int]:
    """Members checked in at an activity (the 'attended' count of its participation)."""
    cursor = database.execute_sql("SELECT member_id FROM sign_up WHERE activity_id = ? "
                                  "AND attended ORDER BY member_id", (activity_id,))
    return [int(member_id) for (member_id,) in cursor]


def filter_for(key: str, today: dt.date, arg: Any = None, label: str = "") -> MemberFilter:
    """The member-list filter behind one Overview figure.

    key: members | active | silent | at_risk | joined (arg: week start) | left (arg: week
    start) | top (arg: period) | birthdays (arg: days) | tag (arg: tag id) | category
    (arg: category id) | group (arg: group id) | capped (the groups with a capacity) |
    queue | signed_up (arg: activity id) | attended (arg: activity id) | member (arg:
    member id). `label` says in words what the list then shows (the figure's name).
    """
    if key == "members":
        return MemberFilter(label=label)
    if key == "group":
        return MemberFilter(group_id=int(arg), label=label)
    if key == "tag":
        return MemberFilter(tags_any=[int(arg)], label=label)
    if key == "category":
        return MemberFilter(tags_any=category_tag_ids(arg), label=label)
    if key == "at_risk":
        return at_risk_filter(today, label=label)
    if key == "joined":
        start = _as_date(arg)
        return MemberFilter(status="all", joined_from=start, joined_to=week_end(start, today),
                            label=label)
    ids: list[int]
    status = "active"
    if key == "active":
        ids = active_ids(today)
    elif key == "silent":
        ids = silent_ids(today)
    elif key == "left":
        ids, status = left_ids(_as_date(arg), today), "left"
    elif key == "top":
        ids, status = top_contributor_ids(str(arg), today), "all"
    elif key == "birthdays":
        ids = birthday_ids(today, int(arg))
    elif key == "capped":
        ids = capped_ids()
    elif key == "queue":
        ids = queue_ids(today)
    elif key == "signed_up":
        ids, status = signup_ids(int(arg)), "all"
    elif key == "attended":
        ids, status = attendee_ids(int(arg)), "all"
    elif key == "member":
        ids, status = [int(arg)], "all"
    else:
        raise ValueError(f"unknown figure {key!r}")
    return MemberFilter(member_ids=ids, status=status, label=label)


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
