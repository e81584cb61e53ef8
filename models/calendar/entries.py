"""Content calendar (内容日历): tables and the read API other screens build on.

A ContentItem is one concrete post/session: a one-off, a backlog idea (no date), or a
series occurrence that was edited, moved, marked done or removed on its own (it then
carries `series` + `original_date`, the date the rule put it on). A ContentSeries holds
a recurrence rule; its untouched occurrences are never stored, they are expanded on
demand, so a daily series costs one row however long it runs.

Edits (series, occurrences, moves, kinds, sources) live in models/calendar_edit.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    TimeField,
)

from models.calendar.recurrence import Rule, occurrences, parse_weekdays
from models.members.cards import Member
from models.members.groups import Group
from models.store import schema
from models.store.db import BaseModel, chunks, database

STATUSES = ("idea", "draft", "ready", "published", "skipped")
DONE_STATUSES = ("published", "skipped")
DEFAULT_KINDS = (
    ("早报", "#E67E22"), ("话题讨论", "#2E86DE"), ("分享", "#8E44AD"), ("答疑", "#16A085"),
    ("公告", "#C0392B"), ("海报", "#D35400"), ("课程", "#27AE60"), ("活动推广", "#F39C12"),
    ("其他", "#7F8C8D"),
)
FALLBACK_KIND = "其他"
# Colours handed to kinds created on the fly (schedule_item with a new kind name).
PALETTE = ("#1ABC9C", "#3498DB", "#9B59B6", "#E84393", "#6C5CE7", "#00B894", "#FDCB6E",
           "#E17055", "#0984E3", "#636E72")
_now = dt.datetime.now


class ContentKind(BaseModel):
    name = CharField(unique=True)
    color = CharField(default="#7F8C8D")
    position = IntegerField(default=0)


class ContentSeries(BaseModel):
    title = CharField()
    kind = ForeignKeyField(ContentKind, backref="series", on_delete="RESTRICT")
    start_date = DateField()
    start_time = TimeField(null=True)  # None = all-day
    duration_minutes = IntegerField(default=0)
    freq = CharField()  # see models.calendar.recurrence.FREQS
    interval = IntegerField(default=1)
    weekdays = CharField(default="")  # "0,2" = Monday and Wednesday
    nth = IntegerField(default=0)
    until = DateField(null=True)
    count = IntegerField(null=True)
    status = CharField(default="ready")  # status of occurrences nobody touched yet
    presenter = ForeignKeyField(Member, null=True, on_delete="SET NULL", backref="series")
    body = TextField(default="")
    notes = TextField(default="")
    activity_id = IntegerField(null=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    kind_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    presenter_id: int | None

    @property
    def rule(self) -> Rule:
        return Rule(self.freq, self.interval, parse_weekdays(self.weekdays), self.until,
                    self.count, self.nth)


class ContentItem(BaseModel):
    title = CharField()
    kind = ForeignKeyField(ContentKind, backref="items", on_delete="RESTRICT")
    date = DateField(null=True, index=True)  # None = backlog idea
    start_time = TimeField(null=True)  # None = all-day
    duration_minutes = IntegerField(default=0)
    status = CharField(default="draft", index=True)
    presenter = ForeignKeyField(Member, null=True, on_delete="SET NULL", backref="content")
    body = TextField(default="")
    notes = TextField(default="")
    activity_id = IntegerField(null=True, index=True)
    series = ForeignKeyField(ContentSeries, null=True, on_delete="CASCADE", backref="overrides")
    original_date = DateField(null=True)  # the occurrence this item replaces
    removed = BooleanField(default=False)  # a deleted occurrence (keeps the rule from re-adding it)
    # An activity's promotion post: its day relative to the activity's start, and a digest
    # of what was generated, so a post edited by hand is told apart from an untouched one.
    promo_offset = IntegerField(null=True)
    promo_digest = CharField(null=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    kind_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    presenter_id: int | None
    series_id: int | None

    class Meta:
        indexes = ((("series", "original_date"), True),)


class ItemGroup(BaseModel):
    item = ForeignKeyField(ContentItem, on_delete="CASCADE", backref="group_links")
    group = ForeignKeyField(Group, on_delete="CASCADE", backref="content_links")
    item_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    group_id: int

    class Meta:
        indexes = ((("item", "group"), True),)


class SeriesGroup(BaseModel):
    series = ForeignKeyField(ContentSeries, on_delete="CASCADE", backref="group_links")
    group = ForeignKeyField(Group, on_delete="CASCADE", backref="series_links")
    series_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    group_id: int

    class Meta:
        indexes = ((("series", "group"), True),)


class ContentSource(BaseModel):
    """内容来源: where content comes from (a site, an account, a newsletter)."""

    name = CharField()
    link = CharField(default="")
    notes = TextField(default="")
    position = IntegerField(default=0)
    created_at = DateTimeField(default=_now)


@dataclass(frozen=True)
class CalendarEntry:
    item_id: int | None  # concrete ContentItem id; None for a not-yet-materialised occurrence
    series_id: int | None
    date: dt.date
    start_time: dt.time | None  # None = all-day
    title: str
    kind: str
    color: str
    groups: tuple[str, ...]
    presenter_id: int | None
    presenter: str
    status: str
    overdue: bool
    duration_minutes: int = 0  # extra, defaulted: the week view and .ics need an end


@lru_cache(maxsize=8192)
def _parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


@lru_cache(maxsize=2048)
def _parse_time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _day(value: object) -> dt.date:
    """A date column's value as read by raw SQL (ISO text), or a date already."""
    if isinstance(value, dt.date):
        return value
    return _parse_date(str(value))


def _date(value: object) -> dt.date | None:
    """_day() of a column that may be NULL."""
    return None if value is None else _day(value)


def _time(value: object) -> dt.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value
    return _parse_time(str(value))


def _sort_key(entry: CalendarEntry) -> tuple[dt.date, bool, dt.time, str, int]:
    return (entry.date, entry.start_time is not None, entry.start_time or dt.time(0),
            entry.title, entry.item_id or 0)


def _group_names(table: str, column: str, ids: Sequence[int],
                 span: tuple[str, str] | None = None) -> dict[int, tuple[str, ...]]:
    """Target group names per owner id. With `span` (item dates), one join over the date
    range replaces the chunked IN lists: the month-switch path."""
    out: dict[int, list[str]] = {}
    head = (f'SELECT l.{column}, g.name FROM {table} l JOIN "group" g ON g.id = l.group_id ')
    if span is not None:
        queries = [(head + "JOIN content_item i ON i.id = l.item_id WHERE i.date BETWEEN ? AND ?"
                    " AND i.removed = 0 ORDER BY g.position, g.name", list(span))]
    else:
        queries = [(head + f"WHERE l.{column} IN ({','.join('?' * len(batch))}) "
                    "ORDER BY g.position, g.name", batch) for batch in chunks(ids)]
    for sql, params in queries:
        for owner, name in database.execute_sql(sql, params):
            out.setdefault(owner, []).append(name)
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct set
    return {k: shared.setdefault(tuple(v), tuple(v)) for k, v in out.items()}


# Plain columns, no joins: kinds and presenter names are looked up in small dicts
# afterwards (a month holds thousands of items but only a handful of kinds and
# presenters), which roughly halves the month-switch query.
_ITEM_SQL = (
    "SELECT i.id, i.series_id, i.date, i.start_time, i.title, i.kind_id, i.presenter_id, "
    "i.status, i.duration_minutes FROM content_item i WHERE i.removed = 0 AND ")
_SERIES_SQL = (
    "SELECT s.id, s.start_date, s.start_time, s.title, k.name, k.color, s.presenter_id, "
    "COALESCE(m.name, ''), s.status, s.duration_minutes, s.freq, s.interval, s.weekdays, "
    "s.until, s.count, s.nth, s.created_at "
    "FROM content_series s JOIN content_kind k ON k.id = s.kind_id "
    "LEFT JOIN member m ON m.id = s.presenter_id WHERE ")


def _is_overdue(day: dt.date, status: str, today: dt.date) -> bool:
    return day < today and status not in DONE_STATUSES


def _item_entries(where: str, params: Sequence[object], today: dt.date,
                  span: tuple[str, str] | None = None) -> list[CalendarEntry]:
    rows = list(database.execute_sql(_ITEM_SQL + where, params))
    if not rows:
        return []
    groups = _group_names("item_group", "item_id", [r[0] for r in rows], span)
    kinds = {kid: (name, color) for kid, name, color in
             database.execute_sql("SELECT id, name, color FROM content_kind")}
    names = _member_names({r[6] for r in rows if r[6] is not None})
    out = []
    for (iid, sid, date, time, title, kind_id, pid, status, dur) in rows:
        day = _day(date)  # every caller's condition on i.date excludes backlog ideas
        kind, color = kinds[kind_id]
        out.append(CalendarEntry(iid, sid, day, _time(time), title, kind, color,
                                 groups.get(iid, ()), pid, names.get(pid, ""), status,
                                 _is_overdue(day, status, today), dur or 0))
    return out


def _member_names(ids: set[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for batch in chunks(sorted(ids)):
        out.update(database.execute_sql(
            f"SELECT id, name FROM member WHERE id IN ({','.join('?' * len(batch))})", batch))
    return out


def _series_entries(where: str, params: Sequence[object], start: dt.date, end: dt.date,
                    today: dt.date) -> list[CalendarEntry]:
    rows = list(database.execute_sql(_SERIES_SQL + where, params))
    if not rows:
        return []
    ids = [r[0] for r in rows]
    groups = _group_names("series_group", "series_id", ids)
    taken: set[tuple[int, dt.date]] = set()
    for batch in chunks(ids):
        for sid, orig in database.execute_sql(
                "SELECT series_id, original_date FROM content_item WHERE original_date "
                f"BETWEEN ? AND ? AND series_id IN ({','.join('?' * len(batch))})",
                [start.isoformat(), end.isoformat(), *batch]):
            taken.add((sid, _day(orig)))
    out = []
    for (sid, first, time, title, kind, color, pid, pname, status, dur, freq, interval,
         weekdays, until, count, nth, created) in rows:
        rule = Rule(freq, interval, parse_weekdays(weekdays), _date(until), count, nth)
        # Occurrences before the series was created are history, not forgotten work.
        tracked_from = _date(created) or dt.date.min
        for day in occurrences(rule, _day(first), start, end):
            if (sid, day) in taken:
                continue
            overdue = day >= tracked_from and _is_overdue(day, status, today)
            out.append(CalendarEntry(None, sid, day, _time(time), title, kind, color,
                                     groups.get(sid, ()), pid, pname, status, overdue, dur or 0))
    return out


def entries_between(start: dt.date, end: dt.date, today: dt.date | None = None
                    ) -> list[CalendarEntry]:
    """Every scheduled entry from `start` to `end` (inclusive): one-offs, edited
    occurrences and expanded series occurrences; sorted by date, then time, all-day first."""
    today = today or dt.date.today()
    if end < start:
        return []
    span = [start.isoformat(), end.isoformat()]
    entries = _item_entries("i.date BETWEEN ? AND ?", span, today, (span[0], span[1]))
    entries += _series_entries(
        "s.start_date <= ? AND (s.until IS NULL OR s.until >= ?)",
        [end.isoformat(), start.isoformat()], start, end, today)
    entries.sort(key=_sort_key)
    return entries


OVERDUE_LOOKBACK_DAYS = 60  # series occurrences older than this are not chased any more


def overdue_entries(today: dt.date | None = None) -> list[CalendarEntry]:
    """Past entries not yet published or skipped, oldest first."""
    today = today or dt.date.today()
    yesterday = today - dt.timedelta(days=1)
    entries = _item_entries(
        "i.date < ? AND i.status NOT IN ('published', 'skipped')", [today.isoformat()], today)
    since = today - dt.timedelta(days=OVERDUE_LOOKBACK_DAYS)
    entries += [e for e in _series_entries(
        "s.start_date <= ? AND (s.until IS NULL OR s.until >= ?) AND s.status NOT IN "
        "('published', 'skipped')", [yesterday.isoformat(), since.isoformat()],
        since, yesterday, today) if e.overdue]
    entries.sort(key=_sort_key)
    return entries


SESSIONS_AHEAD_DAYS = 60  # a weekly host's card should not be all future dates


def sessions_of(member_id: int, limit: int = 50, today: dt.date | None = None
                ) -> list[CalendarEntry]:
    """What this member presents (one-offs and series occurrences), newest first."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=SESSIONS_AHEAD_DAYS)
    entries = _item_entries("i.presenter_id = ? AND i.date IS NOT NULL AND i.date <= ? "
                            "ORDER BY i.date DESC LIMIT ?",
                            [member_id, horizon.isoformat(), limit], today)
    series_start = database.execute_sql(
        "SELECT MIN(start_date) FROM content_series WHERE presenter_id = ?",
        [member_id]).fetchone()[0]
    if series_start is not None:
        entries += _series_entries("s.presenter_id = ?", [member_id], _day(series_start),
                                   horizon, today)
    entries.sort(key=_sort_key, reverse=True)
    return entries[:limit]


# ---------------------------------------------------------------- kinds and creation
def ensure_default_kinds() -> None:
    if ContentKind.select().exists():
        return
    with database.atomic():
        for pos, (name, color) in enumerate(DEFAULT_KINDS):
            ContentKind.create(name=name, color=color, position=pos)


def kind_by_name(name: str, create: bool = True) -> ContentKind:
    """The kind called `name`; an unknown name is created with the next palette colour."""
    ensure_default_kinds()
    name = (name or "").strip() or FALLBACK_KIND
    kind = ContentKind.get_or_none(ContentKind.name == name)
    if kind is None:
        if not create:
            raise KeyError(name)
        count = ContentKind.select().count()
        kind = ContentKind.create(name=name, color=PALETTE[count % len(PALETTE)],
                                  position=count)
    return kind


schema.ALWAYS_DEFAULTS.append(ensure_default_kinds)
