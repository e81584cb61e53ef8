"""农历生日: a birthday kept by the Chinese lunar calendar, and the day it falls on.

A member's lunar birthday is stored as a key, `member.lunar_birthday`: "03-05" for the
fifth day of the third month, "04L-08" for the eighth day of the leap fourth month (闰四月).
When the year of birth is known, `member.birthday` holds the true solar date of birth
(so ages stay right and the key is that day's lunar reading); without a year it is NULL.

Resolution rules (lunar_python's public API does the calendar, no table of our own):

- a birthday on the 30th falls on the 29th in a year whose month has 29 days;
- a 闰月 birthday falls in that leap month when the year has it, else in the regular month
  of the same number; a regular birthday never falls in the leap month;
- a lunar year runs from 春节 to 除夕, so a 腊月 (and a late 冬月) birthday of lunar year Y
  lands in January or February of solar year Y+1.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from models.messages import MESSAGES, language

MONTHS = ("正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
          "冬月", "腊月")
DAYS = ("初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十",
        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
        "廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十")
if TYPE_CHECKING:
    from lunar_python import Solar

# lunar_python is imported where it is used (~16 ms): the member list needs this module
# for its words only, and the window opens without waiting for the calendar.
FIRST_YEAR = 1900  # lunar_python goes further back; birth dates here do not
_KEY = re.compile(r"^(\d\d)(L?)-(\d\d)$")

MESSAGES.update({
    "lunar_bad_month": ("农历没有“{value}”这个月份", "There is no lunar month “{value}”"),
    "lunar_bad_day": ("农历每月只有初一到三十，没有“{value}”",
                      "A lunar month has days 1 to 30 only, not “{value}”"),
    "lunar_no_leap": ("农历{year}年没有闰{month}", "Lunar year {year} has no leap month {n}"),
    "lunar_short_month": ("农历{year}年{month}只有 29 天", "Lunar {year}, month {n} has 29 days only"),
    "lunar_bad_year": ("出生年份 {year} 不在 1900 年到今年之间",
                       "The year of birth {year} is not between 1900 and this year"),
    "lunar_future": ("{value}在今天之后", "{value} is after today"),
})


@dataclass(frozen=True)
class LunarDate:
    """A lunar birthday as the owner gives it: month 1–12, day 1–30, leap month, year."""

    month: int
    day: int
    leap: bool = False
    year: int | None = None  # the lunar year of birth (None: not known)

    @property
    def key(self) -> str:
        return key(self.month, self.day, self.leap)

    def without_year(self) -> LunarDate:
        return LunarDate(self.month, self.day, self.leap)


def key(month: int, day: int, leap: bool = False) -> str:
    """'03-05', '04L-08': what `member.lunar_birthday` stores."""
    return f"{month:02d}{'L' if leap else ''}-{day:02d}"


def parse_key(text: str) -> LunarDate:
    """The stored key back as month, day, leap (no year); ValueError if it is not one."""
    m = _KEY.match(text or "")
    if not m or not 1 <= int(m[1]) <= 12 or not 1 <= int(m[3]) <= 30:
        raise ValueError(f"not a lunar birthday key: {text!r}")
    return LunarDate(int(m[1]), int(m[3]), bool(m[2]))


@lru_cache(maxsize=512)
def leap_month(year: int) -> int:
    """The leap month of lunar year `year` (0 when it has none)."""
    from lunar_python import LunarYear

    return int(LunarYear.fromYear(year).getLeapMonth())


@lru_cache(maxsize=4096)
def month_days(year: int, month: int, leap: bool = False) -> int:
    """29 or 30: the length of that lunar month (the leap one when `leap`)."""
    from lunar_python import LunarMonth

    return int(LunarMonth.fromYm(year, -month if leap else month).getDayCount())


def _date(solar: Solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def in_year(birthday: LunarDate, year: int) -> dt.date:
    """The solar day a lunar birthday falls on in lunar year `year` (rules above)."""
    from lunar_python import Lunar

    leap = birthday.leap and leap_month(year) == birthday.month
    day = min(birthday.day, month_days(year, birthday.month, leap))
    return _date(Lunar.fromYmd(year, -birthday.month if leap else birthday.month, day).getSolar())


def to_solar(birthday: LunarDate) -> dt.date:
    """The exact solar date of a lunar date of birth (with its year); ValueError with a
    message code when that lunar day does not exist (闰 month or 30th the year lacks)."""
    from lunar_python import Lunar

    if birthday.year is None:
        raise ValueError("lunar_bad_year")
    if birthday.leap and leap_month(birthday.year) != birthday.month:
        raise ValueError("lunar_no_leap")
    if birthday.day > month_days(birthday.year, birthday.month, birthday.leap):
        raise ValueError("lunar_short_month")
    month = -birthday.month if birthday.leap else birthday.month
    return _date(Lunar.fromYmd(birthday.year, month, birthday.day).getSolar())


def from_solar(day: dt.date) -> LunarDate:
    """A solar date's lunar reading, with its lunar year."""
    from lunar_python import Solar

    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    month = int(lunar.getMonth())
    return LunarDate(abs(month), int(lunar.getDay()), month < 0, int(lunar.getYear()))


@lru_cache(maxsize=2048)
def keys_on(day: dt.date) -> tuple[tuple[str, int], ...]:
    """The birthday keys that fall on solar `day`, each with the lunar year it counts in
    (for the age): its own lunar day, a 闰 birthday on the regular month when the year has
    no such leap month, and the 30th on the 29th of a short month."""
    lunar = from_solar(day)
    year = lunar.year or 0
    days = [lunar.day]
    if lunar.day == 29 and month_days(year, lunar.month, lunar.leap) == 29:
        days.append(30)
    keys = [key(lunar.month, d, lunar.leap) for d in days]
    if not lunar.leap and leap_month(year) != lunar.month:
        keys += [key(lunar.month, d, True) for d in days]
    return tuple((k, year) for k in keys)


def keys_between(start: dt.date, end: dt.date) -> dict[str, tuple[dt.date, int]]:
    """{key: (solar day, lunar year)} for every birthday key falling in [start, end]
    (a key falling twice, in a window over a lunar year long, keeps its first day)."""
    out: dict[str, tuple[dt.date, int]] = {}
    day = start
    while day <= end:
        for k, year in keys_on(day):
            out.setdefault(k, (day, year))
        day += dt.timedelta(days=1)
    return out


def occurrences(birthday: LunarDate, start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """Every (solar day, lunar year) the birthday falls on in [start, end]."""
    out = []
    for year in range(start.year - 1, end.year + 1):
        day = in_year(birthday, year)
        if start <= day <= end:
            out.append((day, year))
    return out


def age_at(birthday: LunarDate, lunar_year: int) -> int | None:
    """The age reached on the birthday in `lunar_year` (None when the year is unknown)."""
    return lunar_year - birthday.year if birthday.year else None


def stored(lunar_key: str | None, birthday: dt.date | str | None) -> LunarDate | None:
    """A member's lunar birthday from its two columns (None for a solar birthday)."""
    if not lunar_key:
        return None
    found = parse_key(lunar_key)
    if birthday:
        day = birthday if isinstance(birthday, dt.date) else dt.date.fromisoformat(str(birthday)[:10])
        return LunarDate(found.month, found.day, found.leap, lunar_year_of(day))
    return found


@lru_cache(maxsize=512)
def new_year(year: int) -> dt.date:
    """春节: the solar day lunar year `year` begins."""
    from lunar_python import Lunar

    return _date(Lunar.fromYmd(year, 1, 1).getSolar())


def lunar_year_of(day: dt.date) -> int:
    """The lunar year a solar day belongs to (the one before until 春节): what from_solar()
    says, without converting the whole date (~1 ms each: too slow for thousands of rows)."""
    return day.year if day >= new_year(day.year) else day.year - 1


# ---------------------------------------------------------------- words
def lunar_words(lunar_key: str, birthday: dt.date | str | None) -> str:
    """The two columns as the roster export writes them: '农历1990年三月初五' (always
    Chinese: it is data the import reads back, whatever the app's language)."""
    found = stored(lunar_key, birthday)
    return chinese(found) if found else ""


def list_text(cell: str) -> str:
    """The member list's birthday cell ('03-05|1990-03-31', see models.members.rows) in
    the language of the moment; a solar date comes back as it is."""
    if "|" not in cell:
        return cell
    lunar_key, _, born = cell.partition("|")
    found = stored(lunar_key, born or None)
    return describe(found) if found else cell


def chinese(birthday: LunarDate, prefix: bool = True) -> str:
    """'农历三月初五', '农历闰四月初八', '农历1990年三月初五': as owners write it (the roster
    export writes this, the import reads it back)."""
    year = f"{birthday.year}年" if birthday.year else ""
    leap = "闰" if birthday.leap else ""
    return f"{'农历' if prefix else ''}{year}{leap}{MONTHS[birthday.month - 1]}{DAYS[birthday.day - 1]}"


def english(birthday: LunarDate) -> str:
    """'Lunar 3/5', 'Lunar leap 4/8', 'Lunar 3/5, 1990' (month/day)."""
    leap = "leap " if birthday.leap else ""
    text = f"Lunar {leap}{birthday.month}/{birthday.day}"
    return f"{text}, {birthday.year}" if birthday.year else text


def describe(birthday: LunarDate) -> str:
    """The birthday in the language of the moment."""
    return english(birthday) if language() == "en" else chinese(birthday)


def month_name(month: int, leap: bool = False) -> str:
    """'三月' / '闰四月' (Chinese), 'Month 3' / 'Leap month 4' (English)."""
    if language() == "en":
        return f"{'Leap month' if leap else 'Month'} {month}"
    return f"{'闰' if leap else ''}{MONTHS[month - 1]}"


def day_name(day: int) -> str:
    """'初五' (Chinese), 'Day 5' (English)."""
    return f"Day {day}" if language() == "en" else DAYS[day - 1]
