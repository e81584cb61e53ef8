"""Export the content calendar to iCalendar (.ics) so the owner's phone reminds them.

Times are written with TZID=Asia/Shanghai plus its VTIMEZONE, not as floating times:
the communities run on Beijing time, so a 20:00 talk must ring at 20:00 Beijing time
even when the owner's phone is abroad (a floating time would follow the phone's zone).
All-day entries are plain dates, as iCalendar wants.

A series is one VEVENT with an RRULE. A deleted occurrence becomes an EXDATE; an edited
or moved one is a second VEVENT with the same UID and a RECURRENCE-ID naming the date
the rule gave it. "Working days" (Mon–Fri adjusted for Chinese holidays) is exported as
Mon–Fri plus EXDATEs for holidays and RDATEs for adjusted working days. UIDs are stable
(`<kind>-<row id>-<workspace uuid>@qundesk`) so re-importing updates instead of duplicating.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vRecur
from peewee import fn

from models.calendar.entries import (
    ContentItem,
    ContentSeries,
    ItemGroup,
    SeriesGroup,
    entries_between,
)
from models.calendar.holidays import day_info
from models.calendar.recurrence import Rule, occurrences
from models.messages import msg
from models.store import settings
from models.store.files import check_writable_target, write_bytes

TZ = ZoneInfo("Asia/Shanghai")
DEFAULT_MINUTES = 30  # an entry without a duration still needs an end on a phone
REMIND_MINUTES = 15
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FAR = 730  # days to look ahead for the last date of a long-running series


def _namespace() -> str:
    """This workspace's part of every UID (set when the file is created or upgraded, so
    a calendar app updates its events on a new export instead of duplicating them)."""
    return str(settings.get(settings.UID_NAMESPACE) or uuid.uuid4().hex[:12])


def _when(day: dt.date, time: dt.time | None) -> dt.date | dt.datetime:
    return day if time is None else dt.datetime.combine(day, time, TZ)


def _timing(event: Event, day: dt.date, time: dt.time | None, minutes: int) -> None:
    event.add("dtstart", _when(day, time))
    if time is None:
        event.add("dtend", day + dt.timedelta(days=1))
    else:
        event.add("dtend", _when(day, time) + dt.timedelta(minutes=minutes or DEFAULT_MINUTES))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", msg("ics_reminder"))
        alarm.add("trigger", dt.timedelta(minutes=-REMIND_MINUTES))
        event.add_component(alarm)


def _describe(event: Event, row: ContentItem | ContentSeries, groups: list[str]) -> None:
    event.add("summary", f"【{row.kind.name}】{row.title}")
    event.add("categories", [row.kind.name])
    lines = []
    if groups:
        lines.append(msg("ics_groups", groups=msg("list_join").join(groups)))
    if row.presenter_id is not None and row.presenter is not None:
        lines.append(msg("ics_presenter", name=row.presenter.name))
    if row.body:
        lines += ["", row.body]
    if lines:
        event.add("description", "\n".join(lines))
    if row.status == "skipped":
        event.add("status", "CANCELLED")
    elif row.status in ("ready", "published"):
        event.add("status", "CONFIRMED")
    else:
        event.add("status", "TENTATIVE")
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("last-modified", row.updated_at.astimezone(dt.UTC))  # naive = this machine


def _groups(link: type[ItemGroup] | type[SeriesGroup], column: str, owner: int) -> list[str]:
    return [g.group.name for g in link.select().where(getattr(link, column) == owner)]


def _item_event(item: ContentItem, uid: str) -> Event:
    assert item.date is not None, "only dated items are exported"  # as every caller selects
    event = Event()
    event.add("uid", uid)
    _timing(event, item.date, item.start_time, item.duration_minutes)
    _describe(event, item, _groups(ItemGroup, "item", item.id))
    return event


def _recur(series: ContentSeries, rule: Rule, until: dt.date | None) -> vRecur:
    recur: dict[str, object] = {}
    if rule.freq == "daily":
        recur["freq"] = "daily"
    elif rule.freq in ("weekdays", "workdays"):
        recur.update(freq="weekly", byday=list(_BYDAY[:5]))
    elif rule.freq == "weekly":
        recur.update(freq="weekly", byday=[_BYDAY[d] for d in rule.weekdays or
                                           (series.start_date.weekday(),)], wkst="MO")
    elif rule.freq == "monthly_date":
        recur.update(freq="monthly", bymonthday=series.start_date.day)
    else:
        from models.calendar.recurrence import nth_of

        nth = rule.nth or nth_of(series.start_date)
        recur.update(freq="monthly", byday=f"{nth}{_BYDAY[series.start_date.weekday()]}")
    if rule.interval > 1 and rule.freq not in ("weekdays", "workdays"):
        recur["interval"] = rule.interval
    if until is not None:
        # With a TZID start, RFC 5545 wants UNTIL in UTC; for all-day series, a date.
        recur["until"] = (until if series.start_time is None else
                          dt.datetime.combine(until, series.start_time, TZ).astimezone(dt.UTC))
    elif rule.count is not None:
        recur["count"] = rule.count
    return vRecur(recur)


def _in_range(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether an entry's day is in [start, end] (either open); an undated one never is."""
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _series_events(series: ContentSeries, ns: str, start: dt.date | None,
                   end: dt.date | None) -> list[Event]:
    rule = series.rule
    frm = max(start or series.start_date, series.start_date)
    upcoming = occurrences(rule, series.start_date, frm, frm + dt.timedelta(days=_FAR))
    if not upcoming or (end is not None and upcoming[0] > end):
        # Nothing of the rule is exported, but occurrences moved into the range still are.
        return [_item_event(o, f"item-{o.id}-{ns}@qundesk") for o in ContentItem.select().where(
                    (ContentItem.series == series.id) & ~ContentItem.removed
                    & ContentItem.date.is_null(False)) if _in_range(o.date, start, end)]
    first = upcoming[0]
    limited = rule.until is not None or rule.count is not None or end is not None
    last = None
    if limited:
        to = end if end is not None else rule.until
        dates = occurrences(rule, series.start_date, first, to)
        last = dates[-1] if dates else first
    keep_count = (rule.count is not None and rule.freq != "workdays" and end is None
                  and first == occurrences(rule, series.start_date)[0])
    uid = f"series-{series.id}-{ns}@qundesk"
    event = Event()
    event.add("uid", uid)
    _timing(event, first, series.start_time, series.duration_minutes)
    _describe(event, series, _groups(SeriesGroup, "series", series.id))
    event.add("rrule", _recur(series, rule, None if keep_count else last))
    events = [event]

    def in_window(day: dt.date) -> bool:
        return day >= first and (last is None or day <= last)

    valid = set(occurrences(rule, series.start_date, first,
                            last or first + dt.timedelta(days=_FAR)))
    overrides: list[tuple[dt.date, ContentItem]] = []  # (the date the rule gave it, item)
    for o in ContentItem.select().where(ContentItem.series == series.id):
        if o.original_date is not None and in_window(o.original_date) \
                and o.original_date in valid:
            overrides.append((o.original_date, o))
        elif not o.removed and _in_range(o.date, start, end):
            # Its occurrence is outside the exported rule (range, or the series was
            # re-ruled since): this edited entry stands on its own.
            events.append(_item_event(o, f"item-{o.id}-{ns}@qundesk"))
    exdates = [original for original, o in overrides if o.removed]
    rdates: list[dt.date] = []
    if rule.freq == "workdays":
        # Every day the rule can reach: official, computed (待公布) and the owner's 休/班 days.
        horizon = last or (first + dt.timedelta(days=_FAR))
        for n in range((horizon - first).days + 1):
            day = first + dt.timedelta(days=n)
            if in_window(day):
                info = day_info(day)
                if info.holiday and day.weekday() < 5:
                    exdates.append(day)
                elif info.adjusted_workday:
                    rdates.append(day)
    if exdates:
        event.add("exdate", [_when(d, series.start_time) for d in sorted(set(exdates))])
    if rdates:
        event.add("rdate", [_when(d, series.start_time) for d in sorted(set(rdates))])
    for original, o in overrides:
        if o.removed or o.date is None:
            continue
        child = _item_event(o, uid)
        child.add("recurrence-id", _when(original, series.start_time))
        events.append(child)
    return events


def build_calendar(start: dt.date | None = None, end: dt.date | None = None,
                   birthdays: bool = False) -> Calendar:
    """The calendar's entries in [start, end]; with `birthdays`, members' birthdays too
    (models/calendar/birthday_ics.py: lunar ones one event a year)."""
    ns = _namespace()
    cal = Calendar()
    cal.add("prodid", "-//QunDesk//群主台 内容日历//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", msg("ics_calendar_name", community=settings.get("community_name")))
    cal.add("x-wr-timezone", "Asia/Shanghai")
    query = ContentItem.select().where(ContentItem.date.is_null(False) & ~ContentItem.removed
                                       & ContentItem.series.is_null())
    if start is not None:
        query = query.where(ContentItem.date >= start)
    if end is not None:
        query = query.where(ContentItem.date <= end)
    for item in query.order_by(ContentItem.date, ContentItem.id):
        cal.add_component(_item_event(item, f"item-{item.id}-{ns}@qundesk"))
    for series in ContentSeries.select().order_by(ContentSeries.id):
        for event in _series_events(series, ns, start, end):
            cal.add_component(event)
    if birthdays:
        from models.calendar.birthday_ics import birthday_events

        for event in birthday_events(ns, start, end):
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def export_ics(out: Path, start: dt.date | None = None, end: dt.date | None = None,
               birthdays: bool = False) -> int:
    """Write the calendar to `out` (atomically: temp file, then rename); returns the number
    of VEVENTs written (one per one-off item, per series and per edited occurrence, and
    with `birthdays` per member's birthday, a lunar one per year)."""
    out = Path(out)
    check_writable_target(out)
    cal = build_calendar(start, end, birthdays)
    write_bytes(out, cal.to_ical())
    return len(cal.walk("VEVENT"))


@dataclass(frozen=True)
class EntryCount:
    entries: int  # what the calendar shows in the range: one-offs and every occurrence
    series: int  # repeating series with an occurrence in the range
    through: dt.date | None  # the last day counted; None if nothing is dated
    open_ended: bool  # a series repeats past `through` (the .ics keeps it repeating)


def count_entries(start: dt.date | None = None, end: dt.date | None = None,
                  today: dt.date | None = None) -> EntryCount:
    """What an export of [start, end] holds, as the calendar counts it (occurrences, not
    .ics events). Without an end, repeating series are counted up to a year from today."""
    today = today or dt.date.today()
    dated = ContentItem.select(fn.MIN(ContentItem.date), fn.MAX(ContentItem.date)).where(
        ContentItem.date.is_null(False) & ~ContentItem.removed).tuples().first() or (None, None)
    first_series = ContentSeries.select(fn.MIN(ContentSeries.start_date)).scalar()
    firsts = [d for d in (dated[0], first_series) if d is not None]
    if not firsts:
        return EntryCount(0, 0, None, False)
    frm = start or min(firsts)
    through = end or max([d for d in (dated[1], today + dt.timedelta(days=365)) if d is not None])
    entries = entries_between(frm, through, today=today)
    series = {e.series_id for e in entries if e.series_id is not None}
    open_ended = any(
        s.id in series and (rule := s.rule).until is None and rule.count is None
        for s in ContentSeries.select())
    return EntryCount(len(entries), len(series), through, open_ended and end is None)
