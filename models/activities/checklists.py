"""Checklist steps of an activity: due dates fixed or relative to the start (T-7, T+1).

A relative step stores its offset in days and a cached `due_on`; whenever the activity's
start changes, recompute_due_dates() moves those and leaves fixed ones where they are.
The cache lets the weekly plan ask "what is due this week" with one indexed query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from peewee import JOIN, ModelSelect, fn

from models.activities.tables import Activity, ChecklistItem
from models.members.cards import Member, ValidationError, clean_text
from models.messages import msg
from models.store.db import chunks, database, tuples

# Who does a step: the owner (群主) or someone in one of these roles (PLAYBOOK §3); an
# assignee_role can also be a role the user typed in. ui.activities.labels puts them in words.
ROLES = ("owner", "host", "checkin", "tech", "photo", "volunteer", "logistics", "speaker",
         "design", "support", "curator")


def offset_label(offset: int | None) -> str:
    """-7 -> 'T-7', 0 -> 'T', 1 -> 'T+1'; None (a fixed date) -> ''."""
    if offset is None:
        return ""
    if offset == 0:
        return "T"
    return f"T{offset:+d}"


def due_for(start: dt.date | dt.datetime, offset: int) -> dt.date:
    day = start.date() if isinstance(start, dt.datetime) else start
    return day + dt.timedelta(days=offset)


def recompute_due_dates(activity_id: int) -> None:
    """Relative steps follow the activity's start day; fixed steps are left alone."""
    activity = Activity.get_by_id(activity_id)
    items = list(tuples(ChecklistItem.select(ChecklistItem.id, ChecklistItem.due_offset)
                        .where((ChecklistItem.activity == activity_id)
                               & ChecklistItem.due_offset.is_null(False))))
    with database.atomic():
        for item_id, offset in items:
            ChecklistItem.update(due_on=due_for(activity.start, offset)).where(
                ChecklistItem.id == item_id).execute()


def _clean_step(data: dict[str, Any], activity: Activity, item: ChecklistItem) -> None:
    if "title" in data:
        item.title = clean_text(data["title"])[:200]
        if not item.title:
            raise ValidationError({"title": msg("required", field="step_title")})
    if "due_offset" in data or "due_on" in data:
        offset = data.get("due_offset")
        if offset is not None:
            item.due_offset = int(offset)
            item.due_on = due_for(activity.start, item.due_offset)
        else:
            item.due_offset = None
            item.due_on = data.get("due_on")
    if "assignee_role" in data:
        item.assignee_role = clean_text(data["assignee_role"]) or "owner"
    if "assignee_member" in data:
        item.assignee_member = data["assignee_member"] or None
    if "notes" in data:
        item.notes = clean_text(data["notes"] or "")


def add_step(activity_id: int, data: dict[str, Any]) -> ChecklistItem:
    """Append a step. data: title, due_offset (int) or due_on (date), assignee_role,
    assignee_member (member id), notes."""
    activity = Activity.get_by_id(activity_id)
    item = ChecklistItem(activity=activity_id, title="")
    _clean_step({"title": "", **data}, activity, item)
    with database.atomic():
        item.position = (ChecklistItem.select(fn.COALESCE(fn.MAX(ChecklistItem.position), -1))
                         .where(ChecklistItem.activity == activity_id).scalar() + 1)
        item.save()
    return item


def update_step(step_id: int, data: dict[str, Any]) -> ChecklistItem:
    item = ChecklistItem.get_by_id(step_id)
    _clean_step(data, item.activity, item)
    item.save()
    return item


def delete_step(step_id: int) -> None:
    ChecklistItem.delete().where(ChecklistItem.id == step_id).execute()


def set_done(step_id: int, done: bool, on: dt.date | None = None) -> None:
    """Tick or untick a step; ticking records the day it was done."""
    ChecklistItem.update(done=bool(done), done_on=(on or dt.date.today()) if done else None) \
        .where(ChecklistItem.id == step_id).execute()


def _with_assignee() -> ModelSelect[ChecklistItem]:
    return (ChecklistItem.select(ChecklistItem, Member.id, Member.name)
            .join(Member, join_type=JOIN.LEFT_OUTER,
                  on=(ChecklistItem.assignee_member == Member.id)))


def steps(activity_id: int) -> list[ChecklistItem]:
    return list(_with_assignee().where(ChecklistItem.activity == activity_id)
                .order_by(ChecklistItem.position, ChecklistItem.id))


def get_step(step_id: int) -> ChecklistItem:
    return _with_assignee().where(ChecklistItem.id == step_id).get()


def reorder(activity_id: int, ordered_ids: Iterable[int]) -> None:
    """Store a new order (drag and drop); ids not listed keep their place after these."""
    ordered = list(dict.fromkeys(ordered_ids))
    rest = [i.id for i in steps(activity_id) if i.id not in set(ordered)]
    with database.atomic():
        for position, step_id in enumerate(ordered + rest):
            ChecklistItem.update(position=position).where(
                (ChecklistItem.id == step_id) & (ChecklistItem.activity == activity_id)).execute()


def move_step(step_id: int, to_row: int) -> None:
    item = ChecklistItem.get_by_id(step_id)
    ids = [i.id for i in steps(item.activity_id)]
    ids.remove(step_id)
    ids.insert(max(0, min(to_row, len(ids))), step_id)
    reorder(item.activity_id, ids)


def progress(activity_id: int) -> tuple[int, int]:
    return progress_many([activity_id]).get(activity_id, (0, 0))


def progress_many(activity_ids: list[int]) -> dict[int, tuple[int, int]]:
    """{activity id: (done, total)}."""
    out: dict[int, tuple[int, int]] = {}
    for batch in chunks(activity_ids):
        query = (ChecklistItem.select(ChecklistItem.activity,
                                      fn.SUM(ChecklistItem.done.cast("integer")),
                                      fn.COUNT(ChecklistItem.id))
                 .where(ChecklistItem.activity.in_(batch))
                 .group_by(ChecklistItem.activity))
        for aid, done, total in tuples(query):
            out[aid] = (int(done or 0), int(total))
    return out


def overdue_count_many(activity_ids: list[int], today: dt.date) -> dict[int, int]:
    out: dict[int, int] = {}
    for batch in chunks(activity_ids):
        query = (ChecklistItem.select(ChecklistItem.activity, fn.COUNT(ChecklistItem.id))
                 .where(ChecklistItem.activity.in_(batch) & (ChecklistItem.done == False)  # noqa: E712
                        & (ChecklistItem.due_on < today))
                 .group_by(ChecklistItem.activity))
        out.update(dict(tuples(query)))
    return out
