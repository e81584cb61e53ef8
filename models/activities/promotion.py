"""Promotion (宣传) of an activity on the content calendar: one action, several posts.

The plan comes from the template the activity was made from, or the default
(T-7 announcement, T-1 reminder, T+1 recap). Posts are ordinary calendar items
linked back with activity_id, so the calendar shows and edits them like any other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.activities.activity import group_ids, kind_label
from models.activities.tables import Activity
from models.messages import language
from models.store.db import database

CALENDAR_KIND = "活动推广"  # one of the calendar's default kinds
POST_TIMES = {"announcement": dt.time(20, 0), "reminder": dt.time(20, 0),
              "recap": dt.time(12, 0)}
DEFAULT_PLAN = (
    {"offset": -7, "kind": "announcement", "title": "【活动预告】{title}"},
    {"offset": -1, "kind": "reminder", "title": "【明天见】{title}"},
    {"offset": 1, "kind": "recap", "title": "【活动回顾】{title}"},
)
DEFAULT_PLAN_EN = (
    {"offset": -7, "kind": "announcement", "title": "[Coming up] {title}"},
    {"offset": -1, "kind": "reminder", "title": "[Tomorrow] {title}"},
    {"offset": 1, "kind": "recap", "title": "[Recap] {title}"},
)


@dataclass(frozen=True)
class PlannedPost:
    date: dt.date
    time: dt.time | None
    kind: str  # announcement / reminder / recap
    title: str
    body: str


def _plan_for(activity: Activity) -> list[dict]:
    from models.activities.templates import ActivityTemplate

    if activity.template_name:
        template = ActivityTemplate.get_or_none(ActivityTemplate.name == activity.template_name)
        if template is not None and template.promotion_list():
            return template.promotion_list()
    return list(DEFAULT_PLAN_EN if language() == "en" else DEFAULT_PLAN)


def _body(activity: Activity) -> str:
    when = activity.start.strftime("%Y-%m-%d %H:%M")
    lines = [activity.title, f"时间：{when}", f"形式：{kind_label(activity.kind)}"]
    if activity.place:
        lines.append(f"{'地点' if activity.kind == 'offline' else '链接'}：{activity.place}")
    if activity.fee:
        lines.append(f"费用：¥{activity.fee}")
    if activity.capacity:
        lines.append(f"名额：{activity.capacity} 人")
    if activity.goal:
        lines.append(activity.goal)
    return "\n".join(lines)


def plan(activity_id: int) -> list[PlannedPost]:
    activity = Activity.get_by_id(activity_id)
    body = _body(activity)
    out = []
    for step in _plan_for(activity):
        kind = step.get("kind", "announcement")
        day = activity.start.date() + dt.timedelta(days=int(step.get("offset", 0)))
        out.append(PlannedPost(day, POST_TIMES.get(kind), kind,
                               str(step.get("title", "{title}")).replace("{title}",
                                                                         activity.title),
                               body))
    return out


def scheduled_ids(activity_id: int) -> list[int]:
    """Calendar items already linked to this activity (so the user isn't asked twice)."""
    from models.calendar.entries import ContentItem

    return [i for (i,) in ContentItem.select(ContentItem.id)
            .where((ContentItem.activity_id == activity_id) & (ContentItem.removed == False))  # noqa: E712
            .tuples()]


def schedule_promotion(activity_id: int, today: dt.date | None = None,
                       skip_past: bool = True) -> list[int]:
    """Put the promotion posts on the content calendar as drafts; returns the new item ids.

    Posts whose day is already past are skipped (nobody can announce yesterday).
    """
    from models.calendar.edit import schedule_item  # the calendar domain; imported when used

    today = today or dt.date.today()
    groups = group_ids(activity_id)
    ids = []
    with database.atomic():
        for post in plan(activity_id):
            if skip_past and post.date < today:
                continue
            ids.append(schedule_item(post.title, CALENDAR_KIND, post.date, post.time,
                                     group_ids=groups, status="draft", body=post.body,
                                     activity_id=activity_id))
    return ids
