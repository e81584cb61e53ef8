"""Changing the content calendar: items, series, single occurrences, moves, backlog.

An entry is addressed by a Ref = (item_id, series_id, date), as in CalendarEntry: an
untouched series occurrence has no item yet and is "materialised" (copied into a
ContentItem that remembers its original date) the first time it is changed on its own.
Every public function here is one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from models.calendar.entries import (
    STATUSES,
    CalendarEntry,
    ContentItem,
    ContentKind,
    ContentSeries,
    ItemGroup,
    SeriesGroup,
    kind_by_name,
)
from models.calendar.recurrence import Rule, is_occurrence, weekdays_text
from models.members.cards import clean_text
from models.messages import MESSAGES, msg
from models.store.db import database, tuples

TITLE_LIMIT = 200
# CalendarError's codes, registered in the shared catalogue like every domain's messages.
MESSAGES.update({
    "title_required": ("标题不能为空", "The title is required"),
    "title_long": ("标题太长（最多 200 个字）", "The title is too long (at most 200 characters)"),
    "bad_status": ("未知状态“{value}”", "Unknown status “{value}”"),
    "no_date": ("系列需要开始日期", "A series needs a start date"),
    "bad_duration": ("时长不能为负数", "The duration cannot be negative"),
    "not_found": ("内容已不存在（可能已被删除）", "This item no longer exists (deleted?)"),
    "kind_exists": ("类型“{name}”已存在", "Kind “{name}” already exists"),
    "until_before": ("结束日期早于开始日期", "The end date is before the start date"),
})


class CalendarError(ValueError):
    """Bad input for a calendar edit; str() is a message for the user."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(msg(code, **params))
        self.code = code


class Ref(NamedTuple):
    item_id: int | None
    series_id: int | None
    date: dt.date | None


def ref_of(entry: CalendarEntry) -> Ref:
    return Ref(entry.item_id, entry.series_id, entry.date)


@dataclass
class ItemFields:
    """What the editor edits, for an item or (with a rule) a whole series."""

    title: str = ""
    kind: str = "其他"
    date: dt.date | None = None  # None = backlog idea (items only)
    start_time: dt.time | None = None
    duration_minutes: int = 0
    status: str = "draft"
    presenter_id: int | None = None
    body: str = ""
    notes: str = ""
    activity_id: int | None = None
    group_ids: tuple[int, ...] = field(default=())


def _checked(fields: ItemFields) -> ItemFields:
    title = clean_text(fields.title)
    if not title:
        raise CalendarError("title_required")
    if len(title) > TITLE_LIMIT:
        raise CalendarError("title_long")
    if fields.status not in STATUSES:
        raise CalendarError("bad_status", value=fields.status)
    if fields.duration_minutes < 0:
        raise CalendarError("bad_duration")
    return replace(fields, title=title)


def _columns(fields: ItemFields) -> dict[str, object]:
    return {
        "title": fields.title, "kind": kind_by_name(fields.kind), "start_time": fields.start_time,
        "duration_minutes": fields.duration_minutes, "status": fields.status,
        "presenter": fields.presenter_id, "body": fields.body or "", "notes": fields.notes or "",
        "activity_id": fields.activity_id, "updated_at": dt.datetime.now(),
    }


def _set_groups(link: type[ItemGroup] | type[SeriesGroup], owner_col: str, owner_id: int,
                group_ids: Sequence[int]) -> None:
    link.delete().where(getattr(link, owner_col) == owner_id).execute()
    rows = [{owner_col: owner_id, "group": gid} for gid in dict.fromkeys(group_ids)]
    if rows:
        link.insert_many(rows).execute()


def save_item(fields: ItemFields, group_ids: Sequence[int] | None = None,
              item_id: int | None = None) -> int:
    """Create or update a one-off item / backlog idea / single occurrence."""
    fields = _checked(fields)
    groups = fields.group_ids if group_ids is None else tuple(group_ids)
    with database.atomic():
        values = _columns(fields)
        values["date"] = fields.date
        if item_id is None:
            item_id = ContentItem.insert(**values).execute()
        else:
            if ContentItem.update(**values).where(ContentItem.id == item_id).execute() == 0:
                raise CalendarError("not_found")
        _set_groups(ItemGroup, "item", item_id, groups)
    return item_id


def save_series(fields: ItemFields, rule: Rule, series_id: int | None = None) -> int:
    """Create or update a whole series; edited occurrences keep their own changes."""
    fields = _checked(fields)
    if fields.date is None:
        raise CalendarError("no_date")
    if rule.until is not None and rule.until < fields.date:
        raise CalendarError("until_before")
    values = _columns(fields)
    values.update(start_date=fields.date, freq=rule.freq, interval=rule.interval,
                  weekdays=weekdays_text(rule.weekdays), nth=rule.nth, until=rule.until,
                  count=rule.count)
    with database.atomic():
        if series_id is None:
            series_id = ContentSeries.insert(**values).execute()
        else:
            old = series_fields(series_id)[0]
            ContentSeries.update(**values).where(ContentSeries.id == series_id).execute()
            _follow_series(series_id, old, fields)
        _set_groups(SeriesGroup, "series", series_id, fields.group_ids)
    return series_id


# What an occurrence takes from its series unless the owner changed it on that occurrence.
_FOLLOWED = ("title", "kind", "start_time", "duration_minutes", "status", "presenter_id",
             "body", "notes", "activity_id")


def _follow_series(series_id: int, old: ItemFields, new: ItemFields) -> None:
    """Bring the series' edited fields to its stored occurrences (those that were moved,
    marked published, ...), field by field: an occurrence keeps a value that differs from
    the series' old one, because that was changed by hand on that day."""
    before = {**_columns(old), "presenter_id": old.presenter_id}
    after = {**_columns(new), "presenter_id": new.presenter_id}
    changed = [f for f in _FOLLOWED if _plain(before[f]) != _plain(after[f])]
    old_groups, new_groups = set(old.group_ids), set(new.group_ids)
    if not changed and old_groups == new_groups:
        return
    for item in ContentItem.select().where((ContentItem.series == series_id)
                                           & ~ContentItem.removed):
        updates = {f: after[f] for f in changed
                   if _plain(getattr(item, "kind_id" if f == "kind" else f)) == _plain(before[f])}
        if updates:
            updates["presenter"] = updates.pop("presenter_id", item.presenter_id)
            ContentItem.update(**updates, updated_at=dt.datetime.now()).where(
                ContentItem.id == item.id).execute()
        if old_groups != new_groups:
            mine = {g.group_id for g in ItemGroup.select().where(ItemGroup.item == item.id)}
            if mine == old_groups:
                _set_groups(ItemGroup, "item", item.id, new.group_ids)


def _plain(value: object) -> object:
    """Compare a kind row by its id, and None like an empty text."""
    if isinstance(value, ContentKind):
        return value.id
    return "" if value is None else value



def series_fields(series_id: int) -> tuple[ItemFields, Rule]:
    s = ContentSeries.get_or_none(ContentSeries.id == series_id)
    if s is None:
        raise CalendarError("not_found")
    groups = tuple(g.group_id for g in SeriesGroup.select().where(SeriesGroup.series == s))
    return ItemFields(s.title, s.kind.name, s.start_date, s.start_time, s.duration_minutes,
                      s.status, s.presenter_id, s.body, s.notes, s.activity_id, groups), s.rule


def item_fields(item_id: int) -> ItemFields:
    i = ContentItem.get_or_none(ContentItem.id == item_id)
    if i is None:
        raise CalendarError("not_found")
    groups = tuple(g.group_id for g in ItemGroup.select().where(ItemGroup.item == i))
    return ItemFields(i.title, i.kind.name, i.date, i.start_time, i.duration_minutes,
                      i.status, i.presenter_id, i.body, i.notes, i.activity_id, groups)


def fields_of(ref: Ref) -> ItemFields:
    """The editable fields of any entry (an untouched occurrence shows its series' values)."""
    if ref.item_id is not None:
        return item_fields(ref.item_id)
    assert ref.series_id is not None  # a Ref names an item, or a series occurrence
    fields, _rule = series_fields(ref.series_id)
    return replace(fields, date=ref.date)


def materialize(series_id: int, day: dt.date) -> int:
    """The item standing for this occurrence, created from the series if needed."""
    with database.atomic():
        found = ContentItem.get_or_none((ContentItem.series == series_id)
                                        & (ContentItem.original_date == day))
        if found is not None:
            return found.id
        fields, rule = series_fields(series_id)
        item_id: int = ContentItem.insert(
            **_columns(replace(fields, date=day)), date=day, series=series_id,
            original_date=day).execute()
        _set_groups(ItemGroup, "item", item_id, fields.group_ids)
    return item_id


def item_of(ref: Ref) -> int:
    if ref.item_id is not None:
        return ref.item_id
    assert ref.series_id is not None and ref.date is not None
    return materialize(ref.series_id, ref.date)


def edit_occurrence(ref: Ref, fields: ItemFields) -> int:
    """Change one entry only; for a series occurrence the rest of the series is untouched."""
    with database.atomic():
        item_id = item_of(ref)
        return save_item(fields, item_id=item_id)


_KEEP = object()


def move(ref: Ref, day: dt.date, start_time: dt.time | None | object = _KEEP) -> int:
    """Reschedule one entry (drag and drop); start_time=None makes it all-day."""
    with database.atomic():
        item_id = item_of(ref)
        values: dict[str, object] = {"date": day, "updated_at": dt.datetime.now()}
        if start_time is not _KEEP:
            values["start_time"] = start_time
        item = ContentItem.get_by_id(item_id)
        if item.status == "idea":
            values["status"] = "draft"  # an idea given a date becomes planned work
        ContentItem.update(**values).where(ContentItem.id == item_id).execute()
    return item_id


def set_status(ref: Ref, status: str) -> int:
    if status not in STATUSES:
        raise CalendarError("bad_status", value=status)
    with database.atomic():
        item_id = item_of(ref)
        ContentItem.update(status=status, updated_at=dt.datetime.now()).where(
            ContentItem.id == item_id).execute()
    return item_id


def delete(ref: Ref, undoable: bool = False) -> None:
    """Delete one entry. A series occurrence is kept as a 'removed' marker so the rule
    does not bring it back (and the .ics gets an EXDATE). With `undoable`, the main
    window's Undo can bring it back."""
    from models.store import undo

    with database.atomic():
        item_id = item_of(ref)
        item = ContentItem.get_or_none(ContentItem.id == item_id)
        if item is None:
            return
        snapshot = _snapshot(ContentItem, [item_id]) if undoable else None
        deleted: list[int] = []
        if item.series_id is not None and item.original_date is not None:
            item.removed = True
            item.save()
        else:
            item.delete_instance(recursive=True)
            deleted.append(item_id)
        if snapshot is not None:
            undo.record(undo.coded("undo_delete_content", title=item.title), snapshot,
                        deleted=deleted)


def delete_series(series_id: int, undoable: bool = False) -> None:
    from models.store import undo

    with database.atomic():
        snapshot = _snapshot(ContentSeries, [series_id]) if undoable else None
        series = ContentSeries.get_or_none(ContentSeries.id == series_id)
        ContentSeries.delete().where(ContentSeries.id == series_id).execute()
        if snapshot is not None:
            undo.record(undo.coded("undo_delete_series", title=series.title if series else ""),
                        snapshot, deleted=[series_id])


def _snapshot(root: type[ContentItem] | type[ContentSeries], ids: list[int]) -> dict[str, Any]:
    """models.store.undo's snapshot, plus the group links of the items it holds (undo captures
    direct dependents only; an item's groups hang one level further down)."""
    from models.store import undo

    snapshot = undo.capture(root, ids)
    item_ids = list(ids) if root is ContentItem else [
        row[0] for t in snapshot["tables"] if t["table"] == "content_item" for row in
        ([r[t["cols"].index("id")]] for r in t["rows"])]
    if root is not ContentItem and item_ids:
        cursor = database.execute_sql(
            f"SELECT * FROM item_group WHERE item_id IN ({','.join('?' * len(item_ids))})",
            item_ids)
        snapshot["tables"].append({
            "table": "item_group", "column": "item_id", "refs": "content_item",
            "scope": item_ids, "pk": "id",
            "cols": [d[0] for d in cursor.description],
            "rows": [list(r) for r in cursor.fetchall()]})
    return snapshot


def duplicate(ref: Ref, day: dt.date | None = None) -> int:
    """A one-off copy of any entry (same date unless `day` is given), status draft."""
    fields = fields_of(ref)
    status = "idea" if fields.date is None and day is None else "draft"
    return save_item(replace(fields, date=day or fields.date, status=status))


def unschedule(item_id: int) -> None:
    """Put a one-off back into the backlog as an idea (series occurrences cannot be)."""
    ContentItem.update(date=None, status="idea", updated_at=dt.datetime.now()).where(
        (ContentItem.id == item_id) & ContentItem.series.is_null()).execute()


def ideas() -> list[tuple[int, str, str, str]]:
    """Backlog: (id, title, kind name, kind colour), newest first."""
    rows = (ContentItem.select(ContentItem.id, ContentItem.title, ContentKind.name,
                               ContentKind.color)
            .join(ContentKind).where(ContentItem.date.is_null() & ~ContentItem.removed)
            .order_by(ContentItem.created_at.desc(), ContentItem.id.desc()))
    return list(tuples(rows))


def occurrence_still_valid(series_id: int, day: dt.date) -> bool:
    s = ContentSeries.get_by_id(series_id)
    return is_occurrence(s.rule, s.start_date, day)


def schedule_item(title: str, kind: str, date: dt.date, time: dt.time | None = None,
                  group_ids: Sequence[int] = (), status: str = "draft",
                  presenter_id: int | None = None, body: str = "",
                  activity_id: int | None = None) -> int:
    """Create a one-off item (e.g. an activity's promotion post); returns its id."""
    fields = ItemFields(title=title, kind=kind, date=date, start_time=time, status=status,
                        presenter_id=presenter_id, body=body, activity_id=activity_id)
    return save_item(fields, group_ids)


def series_from_item(item_id: int, fields: ItemFields, rule: Rule) -> int:
    """A one-off that becomes the first of a series: the series replaces it, in one step."""
    with database.atomic():
        series_id = save_series(fields, rule)
        delete(Ref(item_id, None, None))
    return series_id
