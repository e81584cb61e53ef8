"""Whose birthday falls on which day: solar birthdays on their month and day (29 Feb on
28 Feb in a common year), lunar ones on this year's day (models.members.lunar). The week
plan, the calendar's birthday layer and 今日待联系 all ask here."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass

from peewee import SQL, NodeList, fn

from models.members.cards import Member
from models.store.db import tuples


@dataclass(frozen=True)
class Birthday:
    member_id: int
    name: str
    date: dt.date  # the birthday's date in this week
    age: int | None  # the age reached that day (None when the birth year is unknown)
    lunar: str | None = None  # a lunar birthday's key ("03-05", models.members.lunar)



def _month_days(start: dt.date, end: dt.date) -> dict[str, dt.date]:
    """'MM-DD' -> date in [start, end]; 02-29 birthdays fall on 02-28 in common years."""
    out: dict[str, dt.date] = {}
    day = start
    while day <= end:
        out[day.strftime("%m-%d")] = day
        if day.month == 2 and day.day == 28 and not _calendar.isleap(day.year):
            out["02-29"] = day
        day += dt.timedelta(days=1)
    return out


def birthdays_between(start: dt.date, end: dt.date) -> list[Birthday]:
    """Active members whose birthday falls in [start, end] (any birth year), by date, name."""
    from models.members import lunar

    keys = _month_days(start, end)
    rows = (Member.select(Member.id, Member.name, Member.birthday, Member.sort_name)
            .where(Member.left_on.is_null() & Member.birthday.is_null(False)
                   & Member.lunar_birthday.is_null()
                   & fn.strftime("%m-%d", Member.birthday).in_(list(keys))))
    found = []
    for mid, name, born, sort_name in tuples(rows):
        when = keys[born.strftime("%m-%d")]
        found.append((when, sort_name, Birthday(
            mid, name, when, when.year - born.year if born.year > 1900 else None)))
    # Lunar birthdays: the keys falling on the window's days this year (models.members.lunar).
    lunar_keys = lunar.keys_between(start, end)
    rows = (Member.select(Member.id, Member.name, Member.birthday, Member.lunar_birthday,
                          Member.sort_name)
            .where(Member.lunar_birthday.in_(list(lunar_keys))
                   & NodeList((SQL("+"), Member.left_on)).is_null()))  # by the key's index
    for mid, name, born, key, sort_name in tuples(rows):
        when, year = lunar_keys[key]
        birth = lunar.stored(key, born)
        found.append((when, sort_name, Birthday(
            mid, name, when, lunar.age_at(birth, year) if birth else None, key)))
    found.sort(key=lambda f: (f[0], f[1], f[2].member_id))
    return [b for _, _, b in found]
