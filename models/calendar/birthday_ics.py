"""Members' birthdays in the .ics export (when the owner asks for them).

A solar birthday is one all-day VEVENT repeating every year (RRULE:FREQ=YEARLY; 29 Feb
as the last day of February, so common years keep it on the 28th as the app does). A
lunar birthday moves against the solar calendar, and RRULE cannot say "三月初五": it is
one VEVENT per year for the next YEARS years, each on that year's day (the rules of
models/members/lunar.py). UIDs are stable, so a later export updates the same events.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Event, vRecur

from models.members import lunar
from models.members.cards import Member
from models.messages import MESSAGES, msg
from models.store.db import tuples

YEARS = 5  # lunar birthdays: this year's and the next four

MESSAGES.update({
    "ics_birthday": ("{name} 生日", "{name}'s birthday"),
    "ics_birthday_age": ("{name} {age} 岁生日", "{name}'s birthday ({age})"),
    "ics_birthday_category": ("生日", "Birthday"),
})


def _event(uid: str, day: dt.date, summary: str, description: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("categories", [msg("ics_birthday_category")])
    event.add("transp", "TRANSPARENT")  # a birthday does not make the owner busy
    if description:
        event.add("description", description)
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    return event


def _first_solar(born: dt.date, start: dt.date) -> dt.date:
    """The first birthday on or after `start` (29 Feb on the 28th in common years)."""
    for year in (start.year, start.year + 1):
        try:
            day = born.replace(year=year)
        except ValueError:  # 29 Feb
            day = dt.date(year, 2, 28)
        if day >= start:
            return day
    raise AssertionError("a birthday comes within a year")


def birthday_events(ns: str, start: dt.date | None = None, end: dt.date | None = None,
                    today: dt.date | None = None) -> list[Event]:
    """The VEVENTs of every current member's birthday in [start, end] (default: from the
    first of this year; lunar ones for YEARS years)."""
    today = today or dt.date.today()
    first = start or today.replace(month=1, day=1)
    last = end or dt.date(first.year + YEARS - 1, 12, 31)
    events: list[Event] = []
    rows = (Member.select(Member.id, Member.name, Member.birthday, Member.lunar_birthday)
            .where(Member.left_on.is_null()
                   & (Member.birthday.is_null(False) | Member.lunar_birthday.is_null(False)))
            .order_by(Member.sort_name, Member.id))
    for mid, name, born, key in tuples(rows):
        if key:
            birth = lunar.stored(key, born)
            if birth is None:
                continue
            words = lunar.describe(birth.without_year())
            for day, year in lunar.occurrences(birth, first, last):
                age = lunar.age_at(birth, year)
                summary = (msg("ics_birthday_age", name=name, age=age) if age
                           else msg("ics_birthday", name=name))
                events.append(_event(f"birthday-{mid}-{year}-{ns}@qundesk", day, summary, words))
            continue
        day = _first_solar(born, first)
        if day > last:
            continue
        event = _event(f"birthday-{mid}-{ns}@qundesk", day, msg("ics_birthday", name=name))
        recur: dict[str, object] = {"freq": "yearly"}
        if (born.month, born.day) == (2, 29):
            recur.update(bymonth=2, bymonthday=-1)
        if end is not None:
            recur["until"] = end
        event.add("rrule", vRecur(recur))
        events.append(event)
    return events
