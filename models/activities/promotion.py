"""Promotion (宣传) of an activity on the content calendar: one action, several posts.

The plan comes from the template the activity was made from, or the default
(T-7 announcement, T-1 reminder, T+1 recap). Posts are ordinary calendar items
linked back with activity_id, so the calendar shows and edits them like any other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from models.activities.activity import delete_activity, group_ids, save_activity
from models.activities.tables import Activity
from models.calendar.edit import schedule_item
from models.calendar.entries import ContentItem
from models.messages import MESSAGES, msg
from models.store.db import database

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
    offset: int  # days from the activity's start day (T-7 is -7)
    date: dt.date
    time: dt.time | None
    kind: str  # announcement / reminder / recap
    title: str
    body: str

    def digest(self) -> str:
        return _digest(self.date, self.time, self.title, self.body)


@dataclass(frozen=True)
class Scheduled:
    created: list[int]  # new posts
    updated: list[int]  # posts planned before and untouched since: brought up to date
    kept: list[int]  # posts edited by hand: left as they are


def _digest(date: dt.date | None, time: dt.time | None, title: str, body: str) -> str:
    text = f"{date}|{time}|{title}|{body}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


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
    return [PlannedPost(offset, start + dt.timedelta(days=offset), POST_TIMES.get(kind), kind,
                        title, body) for offset, kind, title in _steps(activity)]


def posts(activity_id: int) -> list[ContentItem]:
    """The activity's promotion posts on the calendar, by day."""
    return list(ContentItem.select().where((ContentItem.activity_id == activity_id)
                                           & ContentItem.promo_offset.is_null(False)
                                           & ~ContentItem.removed).order_by(ContentItem.date))


def edited_by_hand(post: ContentItem) -> bool:
    """Changed since it was planned (or planned before posts kept a digest)."""
    return post.promo_digest != _digest(post.date, post.start_time, post.title, post.body)


def hand_edited_posts(activity_id: int) -> list[ContentItem]:
    return [p for p in posts(activity_id) if edited_by_hand(p)]


def scheduled_ids(activity_id: int) -> list[int]:
    """The activity's promotion posts already on the calendar."""
    return [p.id for p in posts(activity_id)]


def _write(post: PlannedPost, item_id: int) -> None:
    ContentItem.update(date=post.date, start_time=post.time, title=post.title, body=post.body,
                       promo_offset=post.offset, promo_digest=post.digest(),
                       updated_at=dt.datetime.now()).where(ContentItem.id == item_id).execute()


def schedule_promotion(activity_id: int, today: dt.date | None = None,
                       skip_past: bool = True) -> Scheduled:
    """Put the promotion posts on the content calendar as drafts, one per step of the
    plan. Planned again, a step's post is brought up to date instead of added twice
    (unless it was edited by hand: then it is kept). New posts whose day is already past
    are skipped (nobody can announce yesterday)."""
    today = today or dt.date.today()
    groups = group_ids(activity_id)
    done = Scheduled([], [], [])
    with database.atomic():
        existing = {p.promo_offset: p for p in posts(activity_id)}
        for post in plan(activity_id):
            old = existing.get(post.offset)
            if old is not None:
                (done.kept if edited_by_hand(old) else done.updated).append(old.id)
                if not edited_by_hand(old):
                    _write(post, old.id)
                continue
            if skip_past and post.date < today:
                continue
            item_id = schedule_item(post.title, CALENDAR_KIND, post.date, post.time,
                                    group_ids=groups, status="draft", body=post.body,
                                    activity_id=activity_id)
            _write(post, item_id)
            done.created.append(item_id)
    return done


def follow_activity(activity_id: int, move_edited: bool = False) -> int:
    """After the activity moved or changed: its untouched posts take the new plan (day,
    title, body); posts edited by hand move by the same days only with `move_edited`.
    Returns how many posts changed."""
    moved = 0
    with database.atomic():
        start = Activity.get_by_id(activity_id).start.date()
        planned = {p.offset: p for p in plan(activity_id)}
        for post in posts(activity_id):
            new = planned.get(post.promo_offset) if post.promo_offset is not None else None
            if not edited_by_hand(post) and new is not None:
                _write(new, post.id)
                moved += 1
            elif move_edited and post.promo_offset is not None:
                day = start + dt.timedelta(days=post.promo_offset)
                if day != post.date:
                    ContentItem.update(date=day, updated_at=dt.datetime.now()).where(
                        ContentItem.id == post.id).execute()
                    moved += 1
    return moved


def save_with_posts(data: dict[str, Any], activity_id: int, move_edited: bool = False) -> Activity:
    """Save an activity's edit and bring its promotion posts along, in one transaction."""
    with database.atomic():
        activity = save_activity(data, activity_id)
        follow_activity(activity_id, move_edited)
    return activity


def delete_with_posts(activity_id: int, with_posts: bool = True) -> int:
    """Delete an activity, and its promotion posts with it (one undo step brings both
    back); without `with_posts` they stay on the calendar, unlinked."""
    with database.atomic():
        ids = scheduled_ids(activity_id)
        if not with_posts:
            ContentItem.update(activity_id=None, promo_offset=None, promo_digest=None).where(
                ContentItem.id.in_(ids)).execute()
            return delete_activity(activity_id)
        return delete_activity(activity_id, posts=ids)
