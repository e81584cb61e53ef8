"""Chinese public holidays and adjusted working days (调休上班), via `chinese_calendar`.

The package only knows the years the State Council has published (it raises
NotImplementedError outside them). Here an unknown year simply means "no holiday data":
weekends are rest days and every other day is a working day, so a calendar far in the
future or past still works, it just shows no 休/班 marks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar

# chinese_calendar stores English names; these are what a Chinese user expects to read.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


@dataclass(frozen=True)
class DayInfo:
    holiday: bool  # statutory day off (法定节假日)
    adjusted_workday: bool  # a weekend day that is a working day (调休上班)
    name: str  # Chinese festival name for either of the above, else ""


_PLAIN = DayInfo(False, False, "")


@lru_cache(maxsize=1)
def known_years() -> range:
    years = [d.year for d in chinese_calendar.holidays]
    return range(min(years), max(years) + 1)


@lru_cache(maxsize=4096)
def day_info(day: dt.date) -> DayInfo:
    if day.year not in known_years():
        return _PLAIN
    if day in chinese_calendar.holidays:
        name = chinese_calendar.holidays[day]
        return DayInfo(True, False, HOLIDAY_NAMES.get(str(name), str(name)))
    if day in chinese_calendar.workdays:
        name = chinese_calendar.workdays[day]
        return DayInfo(False, True, HOLIDAY_NAMES.get(str(name), str(name)))
    return _PLAIN


def is_workday(day: dt.date) -> bool:
    """Working day under the official schedule; plain Mon–Fri for years without data."""
    info = day_info(day)
    if info.holiday:
        return False
    if info.adjusted_workday:
        return True
    return day.weekday() < 5
