"""Recurrence rules for content series, expanded to dates (pure functions, no database).

The semantics follow RFC 5545 so that what the calendar shows is what a phone shows after
an .ics export: COUNT counts occurrences from the series start, a monthly rule on the 31st
skips months without one, weekly rules with an interval count whole weeks starting Monday.
"workdays" is the one rule iCalendar cannot say alone: Monday to Friday, minus Chinese
public holidays, plus adjusted working days (exported as RRULE + EXDATE + RDATE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from models.calendar.holidays import is_workday

FREQS = ("daily", "weekdays", "workdays", "weekly", "monthly_date", "monthly_weekday")
_DAY = dt.timedelta(days=1)
# A series that never ends is still expanded only this far past its start when asked
# for "everything" (ICS helpers, sanity limits).
SAFETY_LIMIT = 20000


@dataclass(frozen=True)
class Rule:
    freq: str
    interval: int = 1
    weekdays: tuple[int, ...] = field(default=())  # weekly: 0 = Monday ... 6 = Sunday
    until: dt.date | None = None  # last possible date, inclusive
    count: int | None = None  # number of occurrences from the start
    nth: int = 0  # monthly_weekday: 1..4, -1 = last; 0 = as on the start date

    def __post_init__(self) -> None:
        if self.freq not in FREQS:
            raise ValueError(f"unknown recurrence {self.freq!r}")
        if self.interval < 1:
            raise ValueError("interval must be at least 1")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1")
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise ValueError("weekday out of range")


def weekdays_text(days: tuple[int, ...]) -> str:
    return ",".join(str(d) for d in sorted(set(days)))


def parse_weekdays(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(p) for p in text.split(",") if p.strip()}))


def nth_of(day: dt.date) -> int:
    """Which occurrence of its weekday `day` is in its month: 1..4, or -1 for a fifth."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    first = dt.date(year, month, 1)
    if nth > 0:
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    last = _add_months(first, 1) - _DAY
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _add_months(day: dt.date, months: int) -> dt.date:
    """First of the month `months` after day's month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _candidates(rule: Rule, start: dt.date, frm: dt.date) -> Iterator[dt.date]:
    """Rule dates from `start` on, in order; may jump ahead to `frm` when no COUNT needs
    the skipped occurrences counted."""
    jump = rule.count is None and frm > start
    if rule.freq == "daily":
        day = start
        if jump:
            steps = -(-(frm - start).days // rule.interval)
            day = start + dt.timedelta(days=steps * rule.interval)
        while True:
            yield day
            day += dt.timedelta(days=rule.interval)
    elif rule.freq in ("weekdays", "workdays"):
        day = max(start, frm) if jump else start
        check = is_workday if rule.freq == "workdays" else (lambda d: d.weekday() < 5)
        while True:
            if check(day):
                yield day
            day += _DAY
    elif rule.freq == "weekly":
        days = rule.weekdays or (start.weekday(),)
        week = start - dt.timedelta(days=start.weekday())
        if jump:
            weeks = (frm - week).days // 7
            week += dt.timedelta(weeks=weeks // rule.interval * rule.interval)
        while True:
            for wd in days:
                day = week + dt.timedelta(days=wd)
                if day >= start:
                    yield day
            week += dt.timedelta(weeks=rule.interval)
    else:
        month = dt.date(start.year, start.month, 1)
        if jump:
            gap = (frm.year - month.year) * 12 + frm.month - month.month
            month = _add_months(month, max(0, gap) // rule.interval * rule.interval)
        nth = rule.nth or nth_of(start)
        while True:
            if rule.freq == "monthly_date":
                try:
                    day = month.replace(day=start.day)
                except ValueError:  # no 31st (or 30th, 29th) this month: skipped, as in RFC 5545
                    day = None
            else:
                day = nth_weekday(month.year, month.month, start.weekday(), nth)
            if day is not None and day >= start:
                yield day
            month = _add_months(month, rule.interval)


def occurrences(rule: Rule, start: dt.date, frm: dt.date | None = None,
                to: dt.date | None = None) -> list[dt.date]:
    """Dates of the series starting `start` that fall in [frm, to] (both inclusive).

    With neither `to` nor an end in the rule, expansion stops after SAFETY_LIMIT dates.
    """
    frm = frm or start
    last = rule.until
    if to is not None:
        last = to if last is None else min(last, to)
    out: list[dt.date] = []
    produced = 0
    for day in _candidates(rule, start, frm):
        if last is not None and day > last:
            break
        produced += 1
        if rule.count is not None and produced > rule.count:
            break
        if day >= frm:
            out.append(day)
        if produced > SAFETY_LIMIT and last is None:
            break
    return out


def is_occurrence(rule: Rule, start: dt.date, day: dt.date) -> bool:
    return day in occurrences(rule, start, day, day)


def last_occurrence(rule: Rule, start: dt.date) -> dt.date | None:
    """The final date of a series with an end (None for an endless one)."""
    if rule.until is None and rule.count is None:
        return None
    dates = occurrences(rule, start)
    return dates[-1] if dates else None
