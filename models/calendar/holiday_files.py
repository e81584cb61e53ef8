"""Holidays from an .ics file: the calendars people subscribe to for China's 放假/调休
schedule (one event per day off, or a range, with 班 / 补班 / 上班 on working days).

Each day becomes one of the owner's entries (models.calendar.holidays.set_days), so the
file's word wins over the computed days until the official schedule is packaged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar

from models.calendar.holidays import FESTIVALS, OwnerDay, set_days
from models.messages import MESSAGES, msg
from models.store.files import FileProblem, problem_from, regular_input

MAX_BYTES = 5 * 1024 * 1024  # a holiday calendar is a few kilobytes; refuse anything huge
MAX_SPAN = 31  # days one event may cover (a "holiday" of a whole year is not one)

MESSAGES.update({
    "holiday_file_bad": ("{file}：不是有效的日历文件（.ics）", "{file}: not a valid calendar file (.ics)"),
    "holiday_file_big": ("{file}：文件太大，不像节假日日历", "{file}: too large for a holiday calendar"),
    "holiday_imported": ("已导入 {off} 个放假日、{work} 个调休上班日",
                         "Imported {off} {off|day|days} off and {work} working {work|day|days}"),
    "holiday_file_empty": ("{file}：没有找到任何放假或调休日期",
                           "{file}: no days off or working days found"),
})

# Words that mark a working day (调休上班) in the calendars people use; else a day off.
_WORK_WORDS = ("补班", "上班", "调班", "班", "工作日", "work")
_FESTIVAL_WORDS = {
    "元旦": "new_year", "春节": "spring_festival", "除夕": "spring_festival",
    "清明": "qingming", "劳动": "labour_day", "五一": "labour_day", "端午": "dragon_boat",
    "中秋": "mid_autumn", "国庆": "national_day",
}


@dataclass(frozen=True)
class Imported:
    off: int
    work: int
    skipped: int  # events that were not whole days (a meeting in the same calendar)


def _kind(summary: str) -> str:
    text = summary.lower()
    return "work" if any(w in text for w in _WORK_WORDS) else "off"


def _name(summary: str) -> str:
    for word, code in _FESTIVAL_WORDS.items():
        if word in summary:
            return code
    return summary.strip()


def read_days(path: Path | str) -> tuple[list[OwnerDay], int]:
    """The days of a holiday .ics file (nothing is written); (days, events skipped)."""
    path = regular_input(path)
    if path.stat().st_size > MAX_BYTES:
        raise FileProblem(path, "holiday_file_big")
    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except OSError as exc:
        raise problem_from(exc, path) from exc
    except (ValueError, IndexError, KeyError) as exc:
        raise FileProblem(path, "holiday_file_bad") from exc
    days: dict[dt.date, OwnerDay] = {}
    skipped = 0
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart", None)
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            skipped += 1  # a timed event is not a holiday
            continue
        end = event.decoded("dtend", None)
        last = end - dt.timedelta(days=1) if isinstance(end, dt.date) and not \
            isinstance(end, dt.datetime) and end > start else start
        if (last - start).days >= MAX_SPAN:
            skipped += 1
            continue
        summary = str(event.get("summary", ""))
        kind, name = _kind(summary), _name(summary)
        day = start
        while day <= last:
            days[day] = OwnerDay(day, kind, name if name in FESTIVALS else name[:40])
            day += dt.timedelta(days=1)
    if not days:
        raise FileProblem(path, "holiday_file_empty")
    return sorted(days.values(), key=lambda d: d.date), skipped


def import_ics(path: Path | str) -> Imported:
    """Take a holiday calendar's days as the owner's entries (one transaction, undoable)."""
    days, skipped = read_days(path)
    set_days(days)
    return Imported(sum(d.kind == "off" for d in days), sum(d.kind == "work" for d in days),
                    skipped)


def summary(result: Imported) -> str:
    return msg("holiday_imported", off=result.off, work=result.work)
