"""Contribution points (贡献值): entries that roll up to a member's points and level."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Any

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField, fn

from models.members.cards import Member, ValidationError, clean_text
from models.messages import msg
from models.store import settings, undo
from models.store.db import BaseModel, chunks, database, tuples

KINDS = ("best_share", "answer", "invite", "attend", "custom")
KIND_LABELS_ZH = {
    "best_share": "最佳分享", "answer": "解答问题", "invite": "邀请新人",
    "attend": "参加活动", "custom": "其他",
}


class Contribution(BaseModel):
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="contributions")
    member_id: int  # the key alone (peewee's accessor; no query)
    date = DateField(index=True)
    kind = CharField(default="custom")
    points = IntegerField(default=0)
    note = TextField(default="")
    activity_id = IntegerField(null=True, index=True)  # set when earned at an activity


def default_points(kind: str) -> int:
    return int(settings.get("points_per_kind").get(kind, 0))


def add_contribution(member_id: int, kind: str, points: int | None = None,
                     date: dt.date | None = None, note: str = "",
                     activity_id: int | None = None) -> Contribution:
    with database.atomic():
        entry = Contribution.create(
            member=member_id, kind=kind if kind in KINDS else "custom",
            points=default_points(kind) if points is None else int(points),
            date=date or dt.date.today(), note=clean_text(note), activity_id=activity_id,
        )
        refresh_points([member_id])
    return entry


def delete_contribution(entry_id: int) -> None:
    with database.atomic():
        entry = Contribution.get_or_none(Contribution.id == entry_id)
        if entry is not None:
            entry.delete_instance()
            refresh_points([entry.member_id])


def delete_contributions(entry_ids: Iterable[int]) -> None:
    """Delete several entries at once, in one transaction."""
    with database.atomic():
        for entry_id in entry_ids:
            delete_contribution(entry_id)


def refresh_points(member_ids: list[int]) -> None:
    """Recompute the cached total on each card from the log (the log is the truth)."""
    for batch in chunks(member_ids):
        total = (Contribution.select(fn.COALESCE(fn.SUM(Contribution.points), 0))
                 .where(Contribution.member == Member.id))
        Member.update(points=total).where(Member.id.in_(batch)).execute()


def history(member_id: int) -> list[Contribution]:
    return list(Contribution.select().where(Contribution.member == member_id)
                .order_by(Contribution.date.desc(), Contribution.id.desc()))


def thresholds() -> list[tuple[int, str]]:
    return sorted((int(p), str(n)) for p, n in settings.get("level_thresholds"))


def level_for(points: int, table: list[tuple[int, str]] | None = None) -> str:
    table = table or thresholds()
    index = bisect.bisect_right([p for p, _ in table], points) - 1
    return table[max(index, 0)][1]


def save_level_rules(table: list[tuple[int, str]], points_per_kind: dict[str, int]) -> None:
    """The levels (start points, name) and the points each kind of contribution earns, in
    one transaction; ValidationError({"levels": ...}) names every problem at once."""
    problems = []
    named = [(int(p), clean_text(n)) for p, n in table if clean_text(n)]
    if not named:
        problems.append(msg("levels_none"))
    if len(named) < len(table):
        problems.append(msg("levels_unnamed"))
    if len({p for p, _ in named}) != len(named):
        problems.append(msg("levels_same_points"))
    if len({n for _, n in named}) != len(named):
        problems.append(msg("levels_same_name"))
    if problems:
        raise ValidationError({"levels": msg("problem_separator").join(problems)})
    with database.atomic():
        set_thresholds(named)
        settings.put("points_per_kind", {k: int(v) for k, v in points_per_kind.items()})


def set_thresholds(table: list[tuple[int, str]]) -> None:
    cleaned = sorted({int(p): clean_text(n) for p, n in table if clean_text(n)}.items())
    if not cleaned or cleaned[0][0] > 0:
        cleaned.insert(0, (0, thresholds()[0][1]))
    settings.put("level_thresholds", [list(x) for x in cleaned])


def leaderboard(since: dt.date | None = None, limit: int = 10) -> list[tuple[int, str, int]]:
    """Top contributors by points earned since a date (all time when None)."""
    query = (Contribution.select(Member.id, Member.name, fn.SUM(Contribution.points).alias("p"))
             .join(Member).group_by(Member.id).order_by(fn.SUM(Contribution.points).desc(),
                                                         Member.sort_name).limit(limit))
    if since is not None:
        query = query.where(Contribution.date >= since)
    return list(tuples(query))


def _recount_after_undo(tables: list[dict[str, Any]]) -> None:
    """Points follow the contribution entries an undo brought back or took away."""
    members: set[int] = set()
    for t in tables:
        if t["table"] == "contribution" and t["rows"]:
            at = t["cols"].index("member_id")
            members.update(row[at] for row in t["rows"])
    if members:
        refresh_points(sorted(members))


undo.AFTER_UNDO.append(_recount_after_undo)
