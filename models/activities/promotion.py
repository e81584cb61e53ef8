"""Promotion (宣传) of an activity on the content calendar: one action, several posts.

The plan comes from the template the activity was made from, or the default
(T-7 announcement, T-1 reminder, T+1 recap). Posts are ordinary calendar items
linked back with activity_id, so the calendar shows and edits them like any other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.activities.activity import group_ids
from models.activities.tables import Activity
from models.messages import MESSAGES, msg
from models.store.db import database, tuples

CALENDAR_KIND = "活动推广"  # one of the calendar's default kinds
POST_TIMES = {"announcement": dt.time(20, 0), "reminder": dt.time(20, 0),
              "recap": dt.time(12, 0)}
DEFAULT_PLAN = ((-7, "announcement"), (-1, "reminder"), (1, "recap"))  # (day offset, kind)

# The posts are the user's data once scheduled, so they are written in the language of the
# moment (msg() picks it), like every other text the domain produces.
MESSAGES.update({
    "promo_announcement": ("【活动预告】{title}", "[Coming up] {title}"),
    "promo_reminder": ("【明天见】{title}", "[Tomorrow] {title}"),
    "promo_recap": ("【活动回顾】{title}", "[Recap] {title}"),
    "promo_time": ("时间：{when}", "Time: {when}"),
    "promo_kind": ("形式：{kind}", "Format: {kind}"),
    "promo_place": ("地点：{place}", "Venue: {place}"),
    "promo_link": ("链接：{place}", "Link: {place}"),
    "promo_fee": ("费用：¥{fee}", "Fee: ¥{fee}"),
    "promo_capacity": ("名额：{capacity} 人", "Places: {capacity}"),
    "promo_kind_online": ("线上", "Online"),
    "promo_kind_offline": ("线下", "Offline"),
})


@dataclass(frozen=True)
class PlannedPost:
    date: dt.date
    time: dt.time | None
    kind: str  # announcement / reminder / recap
    title: str
    body: str


def _steps(activity: Activity) -> list[tuple[int, str, str]]:
    """(day offset, post kind, title) from the activity's template, else the default plan."""
    from models.activities.templates import ActivityTemplate

    if activity.template_name:
        template = ActivityTemplate.get_or_none(ActivityTemplate.name == activity.template_name)
        if template is not None and template.promotion_list():
            return [(int(step.get("offset", 0)), step.get("kind", "announcement"),
                     str(step.get("title", "{title}")).replace("{title}", activity.title))
                    for step in template.promotion_list()]
    return [(offset, kind, msg(f"promo_{kind}", title=activity.title))
            for offset, kind in DEFAULT_PLAN]


def _kind_word(kind: str) -> str:
    return msg(f"promo_kind_{kind}") if f"promo_kind_{kind}" in MESSAGES else kind


def _body(activity: Activity) -> str:
    lines = [activity.title, msg("promo_time", when=activity.start.strftime("%Y-%m-%d %H:%M")),
             msg("promo_kind", kind=_kind_word(activity.kind))]
    if activity.place:
        lines.append(msg("promo_place" if activity.kind == "offline" else "promo_link",
                         place=activity.place))
    if activity.fee:
        lines.append(msg("promo_fee", fee=activity.fee))
    if activity.capacity:
        lines.append(msg("promo_capacity", capacity=activity.capacity))
    if activity.goal:
        lines.append(activity.goal)
    return "\n".join(lines)


def plan(activity_id: int) -> list[PlannedPost]:
    activity = Activity.get_by_id(activity_id)
    body = _body(activity)
    start = activity.start.date()
    return [PlannedPost(start + dt.timedelta(days=offset), POST_TIMES.get(kind), kind, title, body)
            for offset, kind, title in _steps(activity)]


def scheduled_ids(activity_id: int) -> list[int]:
    """Calendar items already linked to this activity (so the user isn't asked twice)."""
    from models.calendar.entries import ContentItem

    return [i for (i,) in tuples(ContentItem.select(ContentItem.id).where(
        (ContentItem.activity_id == activity_id) & (ContentItem.removed == False)))]  # noqa: E712


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
