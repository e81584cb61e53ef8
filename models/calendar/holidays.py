"""Chinese public holidays (放假) and adjusted working days (调休上班), for every year.

Three sources, the first that speaks for a day wins:

1. the owner's own entries (`HolidayDay`): 休, 班 or an ordinary day, typed in or imported
   from an .ics file, for a year whose schedule the packages don't know yet or to correct;
2. the State Council's schedule, from `chinese_calendar` for the years it has published;
3. for any other year, the statutory festival days computed from the lunar calendar and
   the solar terms (`lunar_python`): 元旦, 除夕–初三, 清明, 劳动节 (5-1, 5-2), 端午, 中秋 and
   国庆 (10-1 to 10-3) under the 2025 rules. These are `provisional` (待公布): the official
   schedule adds bridge days and weekend working days that only the State Council decides.

Festival names are codes (FESTIVALS); ui/ words them with tr(), the .ics export through
the message catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from peewee import CharField, DateField

from models.messages import MESSAGES, msg
from models.store import undo
from models.store.db import BaseModel, database, opened

if TYPE_CHECKING:
    from lunar_python import Solar

# chinese_calendar and lunar_python (~0.1 s to import) load on the first date looked up:
# every writer imports this module for its table (models.store.schema), and most
# commands (an import, an export) never ask what a day is.

FESTIVALS = ("new_year", "spring_festival", "qingming", "labour_day", "dragon_boat",
             "mid_autumn", "national_day")
KINDS = ("off", "work", "normal")  # the owner's entries: 休, 班, an ordinary day
NAME_LIMIT = 40

# chinese_calendar names its holidays in English.
_OFFICIAL_CODES = {
    "New Year's Day": "new_year", "Spring Festival": "spring_festival",
    "Tomb-sweeping Day": "qingming", "Labour Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat", "National Day": "national_day",
    "Mid-autumn Festival": "mid_autumn", "Anti-Fascist 70th Day": "victory_day",
}

MESSAGES.update({
    "festival_new_year": ("元旦", "New Year's Day"),
    "festival_spring_festival": ("春节", "Spring Festival"),
    "festival_qingming": ("清明节", "Qingming Festival"),
    "festival_labour_day": ("劳动节", "Labour Day"),
    "festival_dragon_boat": ("端午节", "Dragon Boat Festival"),
    "festival_mid_autumn": ("中秋节", "Mid-Autumn Festival"),
    "festival_national_day": ("国庆节", "National Day"),
    "festival_victory_day": ("抗战胜利纪念日", "Victory Day"),
    "holiday_bad_kind": ("未知的节假日类型“{value}”", "Unknown holiday kind “{value}”"),
    "holiday_bad_date": ("日期“{value}”无效", "The date “{value}” is not valid"),
    "holiday_no_days": ("{path}：没有找到任何日期", "{path}: no dates found"),
    "undo_holidays": ("修改 {n} 个节假日", "Change {n} holiday {n|entry|entries}"),
})


class HolidayDay(BaseModel):
    """The owner's word on one day: off (休), work (班) or normal (neither)."""

    date = DateField(unique=True)
    kind = CharField(max_length=8)
    name = CharField(max_length=NAME_LIMIT, default="")  # a festival code or the owner's words

    class Meta:
        table_name = "holiday_day"


@dataclass(frozen=True)
class DayInfo:
    holiday: bool  # a day off (法定节假日 or its bridge days)
    adjusted_workday: bool  # a weekend day that is a working day (调休上班)
    festival: str = ""  # a FESTIVALS code (or "victory_day"); "" if none or the owner's words
    note: str = ""  # the owner's own name for the day
    provisional: bool = False  # computed, the official schedule is not out yet (待公布)
    source: str = ""  # "owner" | "official" | "computed" | ""


_PLAIN = DayInfo(False, False)


def label(info: DayInfo) -> str:
    """The day's name in the language of the moment (for the .ics export and the CLI)."""
    if info.note:
        return info.note
    return msg(f"festival_{info.festival}") if info.festival else ""


@cache
def known_years() -> range:
    """The years of the official schedule that chinese_calendar has."""
    import chinese_calendar

    years = [d.year for d in chinese_calendar.holidays]
    return range(min(years), max(years) + 1)


@cache
def computed_festivals(year: int) -> dict[dt.date, str]:
    """The statutory festival days of `year` ({date: festival code}) from the lunar
    calendar and the solar terms, for years without an official schedule."""
    from lunar_python import Lunar, Solar

    new_year = Lunar.fromYmd(year, 1, 1).getSolar()
    spring = _date(new_year)
    days: dict[dt.date, str] = {dt.date(year, 1, 1): "new_year"}
    for n in range(-1, 3):  # 除夕 and 初一 to 初三
        days[spring + dt.timedelta(days=n)] = "spring_festival"
    days[_date(Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()["清明"])] = "qingming"
    days[dt.date(year, 5, 1)] = days[dt.date(year, 5, 2)] = "labour_day"
    days[_date(Lunar.fromYmd(year, 5, 5).getSolar())] = "dragon_boat"
    days[_date(Lunar.fromYmd(year, 8, 15).getSolar())] = "mid_autumn"
    for d in (1, 2, 3):  # 中秋 on one of them (2020, 2001) keeps its own name
        days.setdefault(dt.date(year, 10, d), "national_day")
    # 除夕 of the next lunar year can fall in late January: it belongs to that year's list.
    return {day: code for day, code in days.items() if day.year == year}


def _date(solar: Solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _owner_days(year: int) -> dict[dt.date, tuple[str, str]]:
    return _owner_days_of(year, opened(), _edits)


_edits = 0  # bumped by every change to the owner's entries in this process


@lru_cache(maxsize=64)
def _owner_days_of(year: int, _workspace: int, _edit: int) -> dict[dt.date, tuple[str, str]]:
    if database.obj is None:  # no workspace open (a pure date calculation)
        return {}
    query = HolidayDay.select(HolidayDay.date, HolidayDay.kind, HolidayDay.name).where(
        HolidayDay.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return {row.date: (row.kind, row.name) for row in query}


def forget_owner_days() -> None:
    """After the owner's entries change (an edit, an undo, an import)."""
    global _edits
    _edits += 1


def day_info(day: dt.date) -> DayInfo:
    own = _owner_days(day.year).get(day)
    if own is not None:
        kind, name = own
        festival, note = (name, "") if name in FESTIVALS else ("", name)
        if kind == "normal":
            return _PLAIN
        return DayInfo(kind == "off", kind == "work", festival, note, source="owner")
    return _published_or_computed(day)


@cache
def _published_or_computed(day: dt.date) -> DayInfo:
    import chinese_calendar

    if day.year in known_years():
        if day in chinese_calendar.holidays:
            code = _OFFICIAL_CODES.get(str(chinese_calendar.holidays[day]), "")
            return DayInfo(True, False, code, source="official")
        if day in chinese_calendar.workdays:
            code = _OFFICIAL_CODES.get(str(chinese_calendar.workdays[day]), "")
            return DayInfo(False, True, code, source="official")
        return _PLAIN
    festival = computed_festivals(day.year).get(day)
    if festival is not None:
        return DayInfo(True, False, festival, provisional=True, source="computed")
    return _PLAIN


def is_workday(day: dt.date) -> bool:
    """A working day: not a day off, and Mon–Fri or a weekend working day (调休上班)."""
    info = day_info(day)
    if info.holiday:
        return False
    if info.adjusted_workday:
        return True
    return day.weekday() < 5


def is_provisional_year(year: int) -> bool:
    """No official schedule for `year` (neither the package nor the owner's 班 days)."""
    return year not in known_years()


# ---------------------------------------------------------------- the owner's entries


@dataclass(frozen=True)
class OwnerDay:
    date: dt.date
    kind: str
    name: str


def owner_days(year: int) -> list[OwnerDay]:
    return [OwnerDay(d, kind, name) for d, (kind, name) in sorted(_owner_days(year).items())]


@dataclass(frozen=True)
class YearDay:
    """One line of the holidays editor's list."""

    date: dt.date
    info: DayInfo  # what the calendar shows
    own: OwnerDay | None  # the owner's entry, if any
    schedule: DayInfo  # what the packages say beneath it (official or computed)


def year_days(year: int) -> list[YearDay]:
    """The days of `year` that are not ordinary: days off and working days from any
    source, and every entry of the owner's (an "ordinary day" too, so it can be taken
    back)."""
    own = {d.date: d for d in owner_days(year)}
    found: list[YearDay] = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        info, mine = day_info(day), own.get(day)
        if mine is not None or info.holiday or info.adjusted_workday:
            found.append(YearDay(day, info, mine, _published_or_computed(day)))
        if day == dt.date.max:
            break
        day += dt.timedelta(days=1)
    return found


def set_days(days: Iterable[OwnerDay]) -> int:
    """Enter or correct days (one transaction, undoable); returns how many."""
    wanted = list(days)
    for entry in wanted:
        if entry.kind not in KINDS:
            raise ValueError(msg("holiday_bad_kind", value=entry.kind))
    if not wanted:
        return 0
    by_date = {d.date: d for d in wanted}  # the last word on a day counts
    with database.atomic():
        existing = {row.date: row.id for row in HolidayDay.select(HolidayDay.id, HolidayDay.date)
                    .where(HolidayDay.date.in_(list(by_date)))}
        snapshot = undo.capture(HolidayDay, list(existing.values()))
        created: list[int] = []
        for day, entry in by_date.items():
            name = entry.name.strip()[:NAME_LIMIT]
            if day in existing:  # updated in place: undo puts the old word back
                HolidayDay.update(kind=entry.kind, name=name).where(
                    HolidayDay.id == existing[day]).execute()
            else:
                created.append(HolidayDay.create(date=day, kind=entry.kind, name=name).id)
        undo.record(undo.coded("undo_holidays", n=len(by_date)), snapshot, created=created)
    forget_owner_days()
    return len(by_date)


def clear_days(dates: Iterable[dt.date]) -> int:
    """Forget the owner's word on these days (the packages speak again); undoable."""
    chosen = list(dates)
    with database.atomic():
        ids = [row.id for row in HolidayDay.select(HolidayDay.id).where(HolidayDay.date.in_(chosen))]
        if ids:
            snapshot = undo.capture(HolidayDay, ids)
            HolidayDay.delete().where(HolidayDay.id.in_(ids)).execute()
            undo.record(undo.coded("undo_holidays", n=len(ids)), snapshot, deleted=ids)
    forget_owner_days()
    return len(ids)


undo.AFTER_UNDO.append(lambda _tables: forget_owner_days())
