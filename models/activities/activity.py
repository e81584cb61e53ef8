"""Activities (活动): what happens when and where, for which groups, and how it went.

Checklist steps live in models.activities.checklists, templates in models.activities.templates,
sign-ups in models.activities.signups. This module also holds the read API that the weekly plan
and overview screens use (activities_between, steps_due_between, overdue_steps,
participation): plain dataclasses, no peewee rows leak out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from peewee import JOIN, ColumnBase, Expression, Ordering, fn

from models.activities.checklists import progress, recompute_due_dates
from models.activities.signups import signup_counts
from models.activities.tables import Activity, ActivityGroup, ChecklistItem, SignUp
from models.calendar.entries import ContentItem, ItemGroup
from models.members.cards import ValidationError, clean_text
from models.members.groups import Group
from models.messages import FIELD_LABELS, MESSAGES, msg
from models.store.db import chunks, database, tuples

# Codes only: ui.activities.labels puts them into words.
KINDS = ("online", "offline")
STATUSES = ("planning", "ready", "done", "cancelled")


# This domain's messages, registered here rather than edited into the shared table.
MESSAGES.update({
    "end_before_start": ("结束时间早于开始时间", "The end is before the start"),
    "template_exists": ("模板“{name}”已存在", "A template named “{name}” already exists"),
    "already_signed_up": ("{name} 已经报名", "{name} has already signed up"),
    "activity_full": ("活动已满（名额 {capacity}）", "The activity is full ({capacity} places)"),
    "activity_gone": ("这个活动已不存在（可能已被删除）", "This activity no longer exists (deleted?)"),
})
FIELD_LABELS.update({
    "activity_title": ("活动名称", "Title"), "activity_start": ("开始时间", "Start"),
    "capacity": ("名额", "Capacity"), "fee": ("费用", "Fee"), "budget": ("预算", "Budget"),
    "income": ("收入", "Income"), "new_members": ("新增成员", "New members"),
    "conversions": ("转化人数", "Conversions"), "step_title": ("步骤", "Step"),
    "template_name": ("模板名称", "Template name"),
})


# ---------------------------------------------------------------- read API (week, overview)


@dataclass(frozen=True)
class ActivityEntry:
    activity_id: int
    title: str
    kind: str  # "online" | "offline"
    start: dt.datetime
    end: dt.datetime | None
    place: str
    status: str
    signed_up: int


@dataclass(frozen=True)
class StepDue:
    activity_id: int
    activity_title: str
    step_id: int
    title: str
    due: dt.date
    member: str | None  # the assigned member's name, if someone is
    role: str  # else who does it: a checklists.ROLES key or the user's own role text
    done: bool
    overdue: bool


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min)


def activities_between(start: dt.date, end: dt.date) -> list[ActivityEntry]:
    """Activities overlapping the days [start, end] (cancelled ones included), by start."""

    after_end = _day_start(end + dt.timedelta(days=1))
    query = (Activity.select()
             .where((Activity.start < after_end)
                    & (fn.COALESCE(Activity.end, Activity.start) >= _day_start(start)))
             .order_by(Activity.start, Activity.id))
    rows = list(query)
    counts = signup_counts([a.id for a in rows])
    return [ActivityEntry(a.id, a.title, a.kind, a.start, a.end, a.place, a.status,
                          counts.get(a.id, (0, 0))[0]) for a in rows]


def steps_due_between(start: dt.date, end: dt.date,
                      today: dt.date | None = None) -> list[StepDue]:
    """Checklist steps due in [start, end] of activities that are not cancelled, by due date."""

    return _step_dues(
        (ChecklistItem.due_on >= start) & (ChecklistItem.due_on <= end), today or dt.date.today())


def overdue_steps(today: dt.date | None = None) -> list[StepDue]:
    """Steps not done, due before today, of activities not cancelled; oldest first."""

    today = today or dt.date.today()
    return _step_dues((ChecklistItem.due_on < today) & (ChecklistItem.done == False),  # noqa: E712
                      today)


def _step_dues(where: Expression, today: dt.date) -> list[StepDue]:
    from models.members.cards import Member

    # Plain tuples, not model instances: an overdue list can run to thousands of rows.
    query = (ChecklistItem.select(ChecklistItem.activity, Activity.title, ChecklistItem.id,
                                  ChecklistItem.title, ChecklistItem.due_on, Member.name,
                                  ChecklistItem.assignee_role, ChecklistItem.done)
             .join(Activity).switch(ChecklistItem)
             .join(Member, join_type=JOIN.LEFT_OUTER,
                   on=(ChecklistItem.assignee_member == Member.id))
             .where(where & (Activity.status != "cancelled")
                    & ChecklistItem.due_on.is_null(False))
             .order_by(ChecklistItem.due_on, Activity.start, ChecklistItem.position))
    return [StepDue(aid, atitle, sid, title, due, member, role, bool(done),
                    (not done) and due < today)
            for aid, atitle, sid, title, due, member, role, done in tuples(query)]


def participation(since: dt.date | None = None,
                  today: dt.date | None = None) -> list[tuple[int, str, dt.date, int, int]]:
    """(activity_id, title, start date, signed up, attended) for past, not cancelled
    activities; people, so a member's companions (张三 +1) count too."""

    today = today or dt.date.today()
    heads = 1 + SignUp.companions
    query = (Activity.select(Activity.id, Activity.title, Activity.start,
                             fn.COALESCE(fn.SUM(heads), 0),
                             fn.COALESCE(fn.SUM(SignUp.attended.cast("integer") * heads), 0))
             .join(SignUp, join_type=JOIN.LEFT_OUTER, on=(SignUp.activity == Activity.id))
             .where((Activity.start < _day_start(today)) & (Activity.status != "cancelled")))
    if since is not None:
        query = query.where(Activity.start >= _day_start(since))
    query = query.group_by(Activity.id).order_by(Activity.start, Activity.id)
    return [(aid, title, start.date(), int(signed), int(attended))
            for aid, title, start, signed, attended in tuples(query)]


# ---------------------------------------------------------------- editing


def _money(value: object, field: str, errors: dict[str, str]) -> Decimal:
    if value in (None, ""):
        return Decimal(0)
    try:
        amount = Decimal(str(value).replace(",", "").replace("¥", "").strip())
    except InvalidOperation:
        errors[field] = msg("bad_number", field=field, value=value)
        return Decimal(0)
    if amount < 0:
        errors[field] = msg("negative", field=field)
    return amount


def save_activity(data: dict[str, Any], activity_id: int | None = None) -> Activity:
    """Create or update an activity from a dict of field values (plus "group_ids").

    Moving the start moves every step whose due date is relative to it.
    """

    errors: dict[str, str] = {}
    activity = Activity() if activity_id is None else Activity.get_by_id(activity_id)
    if "title" in data or activity_id is None:
        activity.title = clean_text(data.get("title", ""))[:200]
        if not activity.title:
            errors["title"] = msg("required", field="activity_title")
    if "kind" in data:
        activity.kind = data["kind"] if data["kind"] in KINDS else "online"
    if "start" in data or activity_id is None:
        start = data.get("start")
        if not isinstance(start, dt.datetime):
            errors["start"] = msg("required", field="activity_start")
        else:
            activity.start = start.replace(second=0, microsecond=0)
    if "end" in data:
        end = data["end"]
        activity.end = end.replace(second=0, microsecond=0) if end else None
        if end and isinstance(activity.start, dt.datetime) and end < activity.start:
            errors["end"] = msg("end_before_start")
    for key in ("place", "goal", "notes", "template_name", "review_keep", "review_change"):
        if key in data:
            setattr(activity, key, clean_text(data[key] or ""))
    for key in ("capacity", "new_members", "conversions"):
        if key in data:
            try:
                number = int(data[key] or 0)
            except (TypeError, ValueError):
                errors[key] = msg("bad_number", field=key, value=data[key])
                continue
            if number < 0:
                errors[key] = msg("negative", field=key)
            setattr(activity, key, number)
    for key in ("fee", "budget", "income"):
        if key in data:
            setattr(activity, key, _money(data[key], key, errors))
    if "status" in data:
        activity.status = data["status"] if data["status"] in STATUSES else "planning"
    if "reviewed_on" in data:
        activity.reviewed_on = data["reviewed_on"]
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        activity.save()
        if "group_ids" in data:
            set_groups(activity.id, data["group_ids"])
        recompute_due_dates(activity.id)
    return activity


def set_groups(activity_id: int, group_ids: Iterable[int]) -> None:
    with database.atomic():
        ActivityGroup.delete().where(ActivityGroup.activity == activity_id).execute()
        rows = [{"activity": activity_id, "group": g} for g in dict.fromkeys(group_ids)]
        if rows:
            ActivityGroup.insert_many(rows).execute()


def group_ids(activity_id: int) -> list[int]:
    return [g for (g,) in tuples(ActivityGroup.select(ActivityGroup.group)
                                 .where(ActivityGroup.activity == activity_id))]


def group_names(activity_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for batch in chunks(activity_ids):
        query = (ActivityGroup.select(ActivityGroup.activity, Group.name).join(Group)
                 .where(ActivityGroup.activity.in_(batch)).order_by(Group.position))
        for aid, name in tuples(query):
            out.setdefault(aid, []).append(name)
    return out


def move_activity(activity_id: int, new_start: dt.datetime) -> Activity:
    """Shift start (and end by the same amount); relative steps follow, fixed ones stay."""
    activity = Activity.get_by_id(activity_id)
    delta = new_start - activity.start
    data: dict[str, Any] = {"start": new_start}
    if activity.end is not None:
        data["end"] = activity.end + delta
    return save_activity(data, activity_id)


def set_status(activity_id: int, status: str) -> None:
    if status not in STATUSES:
        raise ValueError(status)
    Activity.update(status=status).where(Activity.id == activity_id).execute()


def delete_activity(activity_id: int, posts: Sequence[int] = ()) -> int:
    """Delete an activity with its steps and sign-ups; attendance points go too, and the
    calendar items `posts` (its promotion posts) with their group links.
    Returns the undo entry (Edit > Undo brings all of it back)."""
    from models.members.contributions import Contribution, refresh_points
    from models.store import undo

    with database.atomic():
        title = Activity.get_by_id(activity_id).title
        snapshot = undo.capture(Activity, [activity_id], also=[(Contribution, "activity_id")],
                                rows=[(ContentItem, "id", list(posts)),
                                      (ItemGroup, "item_id", list(posts))] if posts else [])
        if posts:
            ContentItem.delete().where(ContentItem.id.in_(list(posts))).execute()
        members = [m for (m,) in tuples(Contribution.select(Contribution.member)
                                        .where(Contribution.activity_id == activity_id))]
        Contribution.delete().where(Contribution.activity_id == activity_id).execute()
        Activity.delete().where(Activity.id == activity_id).execute()
        refresh_points(members)
        return undo.record(undo.coded("undo_delete_activity", title=title), snapshot,
                           deleted=[activity_id])


def get_activity(activity_id: int) -> Activity | None:
    return Activity.get_or_none(Activity.id == activity_id)


class ActivityGone(LookupError):
    """The activity was deleted meanwhile (another screen, an undo)."""

    def __init__(self, activity_id: int) -> None:
        super().__init__(msg("activity_gone"))
        self.activity_id = activity_id


def require_activity(activity_id: int) -> Activity:
    found = get_activity(activity_id)
    if found is None:
        raise ActivityGone(activity_id)
    return found


def recent_activities(limit: int = 200) -> list[Activity]:
    """The latest activities first (what a content item can be linked to)."""
    return list(Activity.select().order_by(Activity.start.desc(), Activity.id.desc()).limit(limit))


def list_activities(scope: str = "all", today: dt.date | None = None,
                    search: str = "") -> list[Activity]:
    """scope: all / upcoming (not ended yet) / past / one of STATUSES."""
    today = today or dt.date.today()
    query = Activity.select()
    midnight = _day_start(today)
    order: tuple[ColumnBase | Ordering, ...]
    if scope == "upcoming":
        query = query.where((fn.COALESCE(Activity.end, Activity.start) >= midnight)
                            & (Activity.status != "cancelled"))
        order = (Activity.start, Activity.id)
    elif scope == "past":
        query = query.where(fn.COALESCE(Activity.end, Activity.start) < midnight)
        order = (Activity.start.desc(), Activity.id.desc())
    else:
        if scope in STATUSES:
            query = query.where(Activity.status == scope)
        order = (Activity.start.desc(), Activity.id.desc())
    text = clean_text(search)
    if text:
        query = query.where(Activity.title.contains(text) | Activity.place.contains(text))
    return list(query.order_by(*order))


class ReviewFigures(TypedDict):
    """One activity's column in the side-by-side comparison (and the review panel)."""

    id: int
    title: str
    start: dt.datetime
    kind: str
    status: str
    signed_up: int
    attended: int
    attendance_rate: float | None  # None: nobody signed up
    new_members: int
    conversions: int
    conversion_rate: float | None  # None: nobody attended
    income: Decimal
    budget: Decimal
    fee: Decimal
    steps_done: int
    steps_total: int
    keep: str
    change: str


def review_figures(activity_ids: list[int]) -> list[ReviewFigures]:
    """What the side-by-side comparison shows, one dict per activity, in the given order."""

    counts = signup_counts(activity_ids)
    by_id = {a.id: a for a in Activity.select().where(Activity.id.in_(activity_ids))}
    out: list[ReviewFigures] = []
    for aid in activity_ids:
        a = by_id.get(aid)
        if a is None:
            continue
        signed, attended = counts.get(aid, (0, 0))
        done, total = progress(aid)
        out.append({
            "id": aid, "title": a.title, "start": a.start, "kind": a.kind, "status": a.status,
            "signed_up": signed, "attended": attended,
            "attendance_rate": attended / signed if signed else None,
            "new_members": a.new_members, "conversions": a.conversions,
            "conversion_rate": a.conversions / attended if attended else None,
            "income": a.income, "budget": a.budget, "fee": a.fee,
            "steps_done": done, "steps_total": total,
            "keep": a.review_keep, "change": a.review_change,
        })
    return out
