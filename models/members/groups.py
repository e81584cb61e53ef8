"""Groups (WeChat / QQ / 知识星球 / other) and each member's role in them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField, fn

from models.members.cards import Member, ValidationError, clean_text
from models.messages import MESSAGES, msg
from models.store.db import BaseModel, chunks, database, tuples

PLATFORMS = ("wechat", "qq", "zsxq", "other")
# Default capacity per platform; 0 means no limit (知识星球 circles have none).
PLATFORM_CAPACITY = {"wechat": 500, "qq": 2000, "zsxq": 0, "other": 0}
ROLES = ("owner", "admin", "kol", "seed", "speaker", "volunteer", "member")
ROLE_LABELS_ZH = {
    "owner": "群主", "admin": "管理员", "kol": "KOL", "seed": "种子用户",
    "speaker": "分享者", "volunteer": "志愿者", "member": "成员",
}
# What the platform itself allows: a WeChat group holds at most 500 people; a QQ group's
# limit depends on its level (and the owner's membership), 3000 at the top.
PLATFORM_LIMIT = {"wechat": 500, "qq": 3000}
QQ_LEVELS = (200, 500, 1000, 2000, 3000)
NEAR_CAPACITY = 0.9  # warn from 90 % full

MESSAGES.update({
    "group_over_platform_limit": ("微信群最多 {limit} 人，容量不能更大",
                                  "A WeChat group holds at most {limit} people"),
    "group_over_qq_limit": ("QQ 群按群等级最多 200、500、1000、2000 或 3000 人，容量不能超过 {limit}",
                            "A QQ group holds 200, 500, 1,000, 2,000 or 3,000 people by its "
                            "level; the capacity cannot be over {limit}"),
})


class Group(BaseModel):
    name = CharField(unique=True)
    platform = CharField(default="wechat")
    capacity = IntegerField(default=500)
    rules = TextField(default="")
    welcome = TextField(default="")
    notes = TextField(default="")
    position = IntegerField(default=0)


class Membership(BaseModel):
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="memberships")
    group = ForeignKeyField(Group, on_delete="CASCADE", backref="memberships")
    member_id: int  # the key alone (peewee's accessor; no query)
    group_id: int
    role = CharField(default="member")
    joined_on = DateField(null=True)

    class Meta:
        indexes = ((("member", "group"), True), (("group",), False))


def save_group(data: dict[str, Any], group_id: int | None = None) -> Group:
    name = clean_text(data.get("name", ""))
    if not name:
        raise ValidationError({"name": msg("required", field="name")})
    clash = Group.select().where(Group.name == name)
    if group_id is not None:
        clash = clash.where(Group.id != group_id)
    if clash.exists():
        raise ValidationError({"name": msg("name_exists", name=name)})
    platform = data.get("platform", "wechat")
    if platform not in PLATFORMS:
        platform = "other"
    capacity = data.get("capacity")
    if capacity is None:
        capacity = PLATFORM_CAPACITY[platform]
    limit = PLATFORM_LIMIT.get(platform)
    if limit is not None and int(capacity) > limit:
        code = "group_over_qq_limit" if platform == "qq" else "group_over_platform_limit"
        raise ValidationError({"capacity": msg(code, limit=limit)})
    with database.atomic():
        group = Group() if group_id is None else Group.get_by_id(group_id)
        group.name, group.platform, group.capacity = name, platform, max(0, int(capacity))
        for key in ("rules", "welcome", "notes"):
            if key in data:
                setattr(group, key, data[key] or "")
        if group_id is None:
            group.position = Group.select().count()
        group.save()
    return group


def add_to_group(member_ids: Iterable[int], group_id: int, role: str = "member",
                 joined_on: dt.date | None = None) -> None:
    joined_on = joined_on or dt.date.today()
    with database.atomic():
        for batch in chunks(member_ids, 200):
            Membership.insert_many(
                [{"member": m, "group": group_id, "role": role, "joined_on": joined_on}
                 for m in batch]
            ).on_conflict_ignore().execute()


def remove_from_group(member_ids: Iterable[int], group_id: int) -> None:
    with database.atomic():
        for batch in chunks(member_ids):
            Membership.delete().where(
                Membership.member.in_(batch) & (Membership.group == group_id)
            ).execute()


def set_role(member_id: int, group_id: int, role: str) -> None:
    Membership.update(role=role).where(
        (Membership.member == member_id) & (Membership.group == group_id)
    ).execute()


def all_groups() -> list[Group]:
    """Every group in the owner's order (ties by name, so the order is stable)."""
    return list(Group.select().order_by(Group.position, Group.name, Group.id))


def get_group(group_id: int) -> Group | None:
    return Group.get_or_none(Group.id == group_id)


def group_names() -> set[str]:
    return {name for (name,) in tuples(Group.select(Group.name))}


def member_counts(active_only: bool = True) -> dict[int, int]:
    """{group id: its members} (those who left not counted, unless `active_only` is off):
    every membership counted on the group index, less those of the members who left
    (the few, found by their index). Joining every membership to its member instead
    took ~3x as long (38 ms at 100,000 members; each member card asks)."""
    counts = dict(tuples(Membership.select(Membership.group, fn.COUNT(Membership.id))
                         .group_by(Membership.group)))
    if active_only:
        for group_id, gone in database.execute_sql(
                f'SELECT m.group_id, COUNT(*) FROM "{Member._meta.table_name}" AS l '
                f'CROSS JOIN "{Membership._meta.table_name}" AS m ON m.member_id = l.id '
                "WHERE l.left_on IS NOT NULL GROUP BY m.group_id"):
            counts[group_id] -= gone
            if not counts[group_id]:
                del counts[group_id]
    return counts


def fill_ratio(group: Group, count: int) -> float | None:
    return count / group.capacity if group.capacity else None


def groups_near_capacity() -> list[tuple[Group, int]]:
    counts = member_counts()
    out = []
    for group in all_groups():
        ratio = fill_ratio(group, counts.get(group.id, 0))
        if ratio is not None and ratio >= NEAR_CAPACITY:
            out.append((group, counts.get(group.id, 0)))
    return out


def memberships_of(member_id: int) -> list[Membership]:
    return list(Membership.select(Membership, Group).join(Group)
                .where(Membership.member == member_id).order_by(Group.position))


def delete_group(group_id: int) -> int:
    """Delete a group and its memberships (the members stay); returns how many it held."""
    with database.atomic():
        count = Membership.select().where(Membership.group == group_id).count()
        Group.delete().where(Group.id == group_id).execute()
    return count


def set_memberships(member_id: int, roles: dict[int, str],
                    joined_on: dt.date | None = None) -> None:
    """Make the member's groups exactly `roles` ({group id: role}); keeps join dates."""
    with database.atomic():
        Membership.delete().where(
            (Membership.member == member_id) & Membership.group.not_in(list(roles) or [0])
        ).execute()
        current = {m.group_id: m for m in Membership.select().where(Membership.member == member_id)}
        for group_id, role in roles.items():
            role = role if role in ROLES else "member"
            if group_id in current:
                if current[group_id].role != role:
                    set_role(member_id, group_id, role)
            else:
                Membership.create(member=member_id, group=group_id, role=role,
                                  joined_on=joined_on or dt.date.today())
