"""Member filters (tags, group, role, level, status, dates) and saved filters (segments)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from peewee import CharField, IntegerField, TextField

from models.members.contributions import thresholds
from models.members.rows import text_condition
from models.store import undo
from models.store.db import BaseModel, database
from models.windows import window_start


@dataclass
class MemberFilter:
    text: str = ""
    tags_all: list[int] = field(default_factory=list)
    tags_any: list[int] = field(default_factory=list)
    tags_none: list[int] = field(default_factory=list)
    group_id: int | None = None
    role: str | None = None
    level: str | None = None
    status: str = "active"  # active | left | all
    joined_from: dt.date | None = None
    joined_to: dt.date | None = None
    no_contact_days: int | None = None
    birthday: str | None = None  # week | month
    member_ids: list[int] | None = None  # an explicit set (Overview click-through)
    label: str = ""  # what the explicit set is, shown above the list

    def to_json(self) -> str:
        data = asdict(self)
        for key in ("joined_from", "joined_to"):
            if data[key]:
                data[key] = data[key].isoformat()
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> MemberFilter:
        raw = json.loads(text)
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in raw.items() if k in known}
        for key in ("joined_from", "joined_to"):
            if data.get(key):
                data[key] = dt.date.fromisoformat(data[key])
        return cls(**data)


class SavedFilter(BaseModel):
    name = CharField(unique=True)
    spec = TextField()
    position = IntegerField(default=0)

    # Shadows peewee's Model.filter() query builder, which nothing calls on this table.
    @property
    def filter(self) -> MemberFilter:  # type: ignore[override]
        return MemberFilter.from_json(self.spec)


def _week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    start = today - dt.timedelta(days=today.weekday())
    return start, start + dt.timedelta(days=6)


def _birthday_days(kind: str, today: dt.date) -> list[str]:
    """'MM-DD' strings for the birthday window (the year of birth does not matter)."""
    if kind == "month":
        return [f"{today.month:02d}-{d:02d}" for d in range(1, 32)]
    start, _ = _week_bounds(today)
    return [(start + dt.timedelta(days=i)).strftime("%m-%d") for i in range(7)]


def _lunar_keys(kind: str, today: dt.date) -> list[str]:
    """The lunar birthday keys falling on the window's solar days this year."""
    from models.members.lunar import keys_between

    if kind == "month":
        first = today.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    else:
        first, last = _week_bounds(today)
    return list(keys_between(first, last))


def build_sql(spec: MemberFilter, today: dt.date | None = None,
              with_text: bool = True) -> tuple[str, list[Any]]:
    """A WHERE clause over `member m` and its parameters."""
    today = today or dt.date.today()
    where: list[str] = []
    params: list[Any] = []
    if spec.status == "active":
        where.append("m.left_on IS NULL")
    elif spec.status == "left":
        where.append("m.left_on IS NOT NULL")
    # Tags as "m.id IN (the tag's members)": SQLite then starts from the tag's index and
    # looks its members up by id; "EXISTS (... t.member_id = m.id ...)" made it probe the
    # links once for every member (counting one tag's at 100,000 members: 25 -> 6 ms).
    # member_id is never NULL, so NOT IN means what NOT EXISTS meant.
    for tag in spec.tags_all:
        where.append("m.id IN (SELECT t.member_id FROM member_tag t WHERE t.tag_id=?)")
        params.append(tag)
    if spec.tags_any:
        marks = ",".join("?" * len(spec.tags_any))
        where.append(f"m.id IN (SELECT t.member_id FROM member_tag t WHERE t.tag_id IN ({marks}))")
        params += spec.tags_any
    if spec.tags_none:
        marks = ",".join("?" * len(spec.tags_none))
        where.append(f"m.id NOT IN (SELECT t.member_id FROM member_tag t "
                     f"WHERE t.tag_id IN ({marks}))")
        params += spec.tags_none
    if spec.group_id is not None or spec.role:
        # (Per member: a group often holds most of the members, which an IN list of
        # them made slower, 24 -> 48 ms at 100,000.)
        clause = "EXISTS (SELECT 1 FROM membership g WHERE g.member_id=m.id"
        if spec.group_id is not None:
            clause += " AND g.group_id=?"
            params.append(spec.group_id)
        if spec.role:
            clause += " AND g.role=?"
            params.append(spec.role)
        where.append(clause + ")")
    if spec.level:
        table = thresholds()
        for i, (low, name) in enumerate(table):
            if name == spec.level:
                where.append("m.points >= ?")
                params.append(low)
                if i + 1 < len(table):
                    where.append("m.points < ?")
                    params.append(table[i + 1][0])
                break
        else:
            where.append("0")
    if spec.joined_from:
        where.append("m.joined_on >= ?")
        params.append(spec.joined_from.isoformat())
    if spec.joined_to:
        where.append("m.joined_on <= ?")
        params.append(spec.joined_to.isoformat())
    if spec.no_contact_days is not None:
        cutoff = window_start(today, spec.no_contact_days)  # no contact within the window
        where.append("(m.last_contact_on IS NULL OR m.last_contact_on < ?)")
        params.append(cutoff.isoformat())
    if spec.birthday in ("week", "month"):
        days = _birthday_days(spec.birthday, today)
        keys = _lunar_keys(spec.birthday, today)
        where.append(f"((m.lunar_birthday IS NULL AND substr(m.birthday, 6, 5) IN "
                     f"({','.join('?' * len(days))})) OR m.lunar_birthday IN "
                     f"({','.join('?' * len(keys))}))")
        params += days + keys
    if spec.member_ids is not None:
        if spec.member_ids:
            where.append(f"m.id IN ({','.join(str(int(i)) for i in spec.member_ids)})")
        else:
            where.append("0")
    if with_text and spec.text.strip():
        condition, words = text_condition(spec.text)  # the list's own search rule
        where.append(f"({condition})")
        params += words
    return (" AND ".join(where) or "1"), params


def _matching(spec: MemberFilter, today: dt.date | None, with_text: bool,
              order: str = "") -> Iterable[tuple[int]]:
    clause, params = build_sql(spec, today, with_text)
    cursor: Iterable[tuple[int]] = database.execute_sql(
        f"SELECT m.id FROM member m WHERE {clause}{order}", params)
    return cursor


def matching_ids(spec: MemberFilter, today: dt.date | None = None,
                 with_text: bool = True) -> list[int]:
    """The matching members' ids in list order (by pinyin name)."""
    return [row[0] for row in _matching(spec, today, with_text, " ORDER BY m.sort_name, m.id")]


def matching_set(spec: MemberFilter, today: dt.date | None = None,
                 with_text: bool = True) -> set[int]:
    """The same ids as a set: unsorted, which spares SQLite the sort."""
    return {row[0] for row in _matching(spec, today, with_text)}


def count(spec: MemberFilter, today: dt.date | None = None) -> int:
    clause, params = build_sql(spec, today)
    return int(database.execute_sql(
        f"SELECT COUNT(*) FROM member m WHERE {clause}", params).fetchone()[0])


def save(name: str, spec: MemberFilter) -> SavedFilter:
    row = SavedFilter.get_or_none(SavedFilter.name == name)
    if row is None:
        return SavedFilter.create(name=name, spec=spec.to_json(),
                                  position=SavedFilter.select().count())
    row.spec = spec.to_json()
    row.save()
    return row


def saved_with_counts(today: dt.date | None = None) -> list[tuple[SavedFilter, int]]:
    return [(s, count(s.filter, today)) for s in SavedFilter.select().order_by(SavedFilter.position)]


def get_saved(filter_id: int) -> SavedFilter | None:
    return SavedFilter.get_or_none(SavedFilter.id == filter_id)


def delete_saved(filter_id: int) -> None:
    """Forget a saved filter (its members stay); one transaction, undoable."""
    with database.atomic():
        saved = get_saved(filter_id)
        if saved is None:
            return
        snapshot = undo.capture(SavedFilter, [filter_id])
        saved.delete_instance()
        undo.record(undo.coded("undo_delete_filter", name=saved.name), snapshot,
                    deleted=[filter_id])
