"""The week's plan (周计划) as plain data: what happens each day, what needs catching up.

`assemble(any_day)` gathers, for the Monday-to-Sunday week holding `any_day`:

- per day: content items (calendar), activities, checklist steps due, birthdays and
  follow-ups due (a member's "next contact" date);
- for the week: overdue items dated before the week (content, steps, follow-ups), groups
  near capacity, members who joined or left in the previous week (Mon-Sun before this
  one), top contributors since the previous Monday, and the owner's own notes (WeekNote).

`sections` limits the work to what will be shown (see SECTIONS). Nothing here knows Qt:
the screen (ui/week) and the printout (ui/print/week_pdf) both render this data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peewee import DateField, DateTimeField, TextField

from models.members.birthdays import Birthday, birthdays_between
from models.members.cards import Member, clean_text
from models.store.db import BaseModel, database, tuples

# In display order. "notes" is the owner's own text for the week.
SECTIONS = ("content", "activities", "steps", "birthdays", "followups",
            "overdue", "capacity", "members", "contributors", "notes")
FOLLOWUPS_PER_DAY = 30  # a printed day stays readable; the rest is counted
OVERDUE_LIMIT = 20  # per kind of overdue item
MEMBER_MOVES_LIMIT = 30
TOP_CONTRIBUTORS = 5


class WeekNote(BaseModel):
    """The owner's free text for one week (keyed by its Monday)."""

    week_start = DateField(unique=True)
    text = TextField(default="")
    updated_at = DateTimeField(default=dt.datetime.now)


# ---------------------------------------------------------------- plain data
@dataclass(frozen=True)
class FollowUpDue:
    member_id: int
    name: str
    due: dt.date
    overdue: bool


@dataclass(frozen=True)
class GroupFill:
    group_id: int
    name: str
    count: int
    capacity: int


@dataclass(frozen=True)
class MemberMove:
    member_id: int
    name: str
    date: dt.date


@dataclass(frozen=True)
class Contributor:
    member_id: int
    name: str
    points: int


@dataclass
class DayPlan:
    date: dt.date
    content: list[Any] = field(default_factory=list)  # models.calendar.entries.CalendarEntry
    activities: list[Any] = field(default_factory=list)  # models.activities.activity.ActivityEntry
    steps: list[Any] = field(default_factory=list)  # models.activities.activity.StepDue
    birthdays: list[Birthday] = field(default_factory=list)
    followups: list[FollowUpDue] = field(default_factory=list)
    followups_more: int = 0  # due that day but beyond FOLLOWUPS_PER_DAY

    @property
    def is_empty(self) -> bool:
        return not (self.content or self.activities or self.steps or self.birthdays
                    or self.followups)


@dataclass
class WeekPlan:
    start: dt.date  # Monday
    end: dt.date  # Sunday
    today: dt.date
    sections: frozenset[str]
    days: list[DayPlan]
    overdue_content: list[Any] = field(default_factory=list)  # CalendarEntry, before start
    overdue_steps: list[Any] = field(default_factory=list)  # StepDue, before start
    overdue_followups: list[FollowUpDue] = field(default_factory=list)
    overdue_counts: dict[str, int] = field(default_factory=dict)  # totals before capping
    near_capacity: list[GroupFill] = field(default_factory=list)
    joined: list[MemberMove] = field(default_factory=list)
    left: list[MemberMove] = field(default_factory=list)
    joined_total: int = 0
    left_total: int = 0
    contributors: list[Contributor] = field(default_factory=list)
    note: str = ""

    @property
    def previous_week(self) -> tuple[dt.date, dt.date]:
        """The span the member moves are counted over."""
        return self.start - dt.timedelta(days=7), self.start - dt.timedelta(days=1)

    def has(self, section: str) -> bool:
        return section in self.sections


# ---------------------------------------------------------------- weeks and notes
def week_start(any_day: dt.date) -> dt.date:
    """The Monday of the week holding `any_day`."""
    return any_day - dt.timedelta(days=any_day.weekday())


def get_note(any_day: dt.date) -> str:
    row = WeekNote.get_or_none(WeekNote.week_start == week_start(any_day))
    return row.text if row else ""


def save_note(any_day: dt.date, text: str) -> None:
    """Store the week's note; an empty note removes the row."""
    monday = week_start(any_day)
    text = clean_text(text)
    with database.atomic():
        if not text:
            WeekNote.delete().where(WeekNote.week_start == monday).execute()
            return
        (WeekNote.insert(week_start=monday, text=text, updated_at=dt.datetime.now())
         .on_conflict(conflict_target=[WeekNote.week_start],
                      update={WeekNote.text: text, WeekNote.updated_at: dt.datetime.now()})
         .execute())


# ---------------------------------------------------------------- assembly
def assemble(any_day: dt.date, today: dt.date | None = None,
             sections: set[str] | frozenset[str] | None = None) -> WeekPlan:
    """The plan for the week holding `any_day`; only `sections` are filled (None: all)."""
    today = today or dt.date.today()
    start = week_start(any_day)
    end = start + dt.timedelta(days=6)
    wanted = frozenset(SECTIONS if sections is None else sections) & frozenset(SECTIONS)
    days = [DayPlan(start + dt.timedelta(days=i)) for i in range(7)]
    by_date = {d.date: d for d in days}
    plan = WeekPlan(start, end, today, wanted, days)

    if "content" in wanted:
        from models.calendar.entries import entries_between

        for entry in entries_between(start, end, today):
            by_date[entry.date].content.append(entry)
    if "activities" in wanted:
        from models.activities.activity import activities_between

        for activity in activities_between(start, end):
            # A multi-day activity (a camp, a 3-day challenge) shows on every day it spans.
            last = (activity.end or activity.start).date()
            for day in days:
                if activity.start.date() <= day.date <= last:
                    day.activities.append(activity)
    if "steps" in wanted:
        from models.activities.activity import steps_due_between

        for step in steps_due_between(start, end, today):
            by_date[step.due].steps.append(step)
    if "birthdays" in wanted:
        for birthday in birthdays_between(start, end):
            by_date[birthday.date].birthdays.append(birthday)
    if "followups" in wanted:
        _fill_followups(days, start, end, today)
    if "overdue" in wanted:
        _fill_overdue(plan)
    if "capacity" in wanted:
        from models.members.groups import groups_near_capacity

        plan.near_capacity = [GroupFill(g.id, g.name, count, g.capacity)
                              for g, count in groups_near_capacity()]
    if "members" in wanted:
        first, last = plan.previous_week
        plan.joined, plan.joined_total = _moves(Member.joined_on, first, last)
        plan.left, plan.left_total = _moves(Member.left_on, first, last)
    if "contributors" in wanted:
        from models.members.contributions import leaderboard

        # Since the previous Monday: last week's effort plus this week's so far.
        plan.contributors = [Contributor(mid, name, int(points or 0)) for mid, name, points
                             in leaderboard(since=plan.previous_week[0],
                                            limit=TOP_CONTRIBUTORS)]
    if "notes" in wanted:
        plan.note = get_note(start)
    return plan


def _fill_followups(days: list[DayPlan], start: dt.date, end: dt.date, today: dt.date) -> None:
    by_date = {d.date: d for d in days}
    rows = (Member.select(Member.id, Member.name, Member.next_contact_on)
            .where(Member.left_on.is_null() & (Member.next_contact_on >= start)
                   & (Member.next_contact_on <= end))
            .order_by(Member.next_contact_on, Member.sort_name))
    for mid, name, due in tuples(rows):
        day = by_date[due]
        if len(day.followups) < FOLLOWUPS_PER_DAY:
            day.followups.append(FollowUpDue(mid, name, due, due < today))
        else:
            day.followups_more += 1


def _fill_overdue(plan: WeekPlan) -> None:
    """What is overdue today and dated before this week (in-week items show on their day)."""
    from models.activities.activity import overdue_steps
    from models.calendar.entries import overdue_entries

    content = [e for e in overdue_entries(plan.today) if e.date < plan.start]
    steps = [s for s in overdue_steps(plan.today) if s.due < plan.start]
    cutoff = min(plan.start, plan.today)
    query = (Member.select(Member.id, Member.name, Member.next_contact_on)
             .where(Member.left_on.is_null() & (Member.next_contact_on < cutoff)))
    plan.overdue_counts = {"content": len(content), "steps": len(steps),
                           "followups": query.count()}
    plan.overdue_content = content[:OVERDUE_LIMIT]
    plan.overdue_steps = steps[:OVERDUE_LIMIT]
    plan.overdue_followups = [
        FollowUpDue(mid, name, due, True) for mid, name, due in
        tuples(query.order_by(Member.next_contact_on, Member.sort_name).limit(OVERDUE_LIMIT))]


def _moves(column: DateField[dt.date | None], first: dt.date, last: dt.date
           ) -> tuple[list[MemberMove], int]:
    query = Member.select(Member.id, Member.name, column).where(column.between(first, last))
    total = query.count()
    rows = query.order_by(column, Member.sort_name).limit(MEMBER_MOVES_LIMIT)
    return [MemberMove(mid, name, when) for mid, name, when in tuples(rows)], total
