"""Member cards: the Member table, custom fields, saving a card (its checks: models.members.checks)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import (
    SQL,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

# The card's fields and their checks (models.members.checks), re-exported: callers
# know them as the cards' own.
from models.members.checks import CARD_FIELDS as CARD_FIELDS
from models.members.checks import DATE_FIELDS as DATE_FIELDS
from models.members.checks import FOLDED_FIELDS as FOLDED_FIELDS
from models.members.checks import TEXT_FIELDS as TEXT_FIELDS
from models.members.checks import TEXT_LIMITS as TEXT_LIMITS
from models.members.checks import ValidationError as ValidationError
from models.members.checks import normalize as normalize
from models.members.checks import normalize_phone as normalize_phone
from models.members.pinyin_keys import combined_keys, sort_key
from models.members.text import (
    clean_text as clean_text,  # re-exported: every domain cleans text with it
)
from models.messages import msg
from models.store.db import BaseModel, chunks, database, tuples

_now = dt.datetime.now


class Member(BaseModel):
    name = CharField()
    nickname = CharField(default="")  # 群昵称: the name shown inside the group
    # 微信昵称: the WeChat account's own name (a DEFAULT in SQL too: older writers omit it)
    wechat_name = CharField(default="", constraints=[SQL("DEFAULT ''")])
    wechat_id = CharField(null=True, unique=True, collation="NOCASE")
    phone = CharField(default="", index=True)
    qq = CharField(default="")
    email = CharField(default="")
    gender = CharField(default="")
    city = CharField(default="")
    birthday = DateField(null=True)  # a lunar birthday with a year: its solar date of birth
    # 农历生日: "03-05", "04L-08" (闰四月初八); NULL for a solar birthday (models.members.lunar)
    # (indexed: the birthday lists look up a few keys among 100,000 members, most NULL)
    lunar_birthday = CharField(null=True, index=True, constraints=[SQL("DEFAULT NULL")])
    job_title = CharField(default="")
    industry = CharField(default="")
    company = CharField(default="")
    expertise = TextField(default="")
    needs = TextField(default="")
    hobbies = TextField(default="")
    family = TextField(default="")
    source = CharField(default="")
    inviter = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="invitees")
    inviter_id: int | None  # the key alone (peewee's accessor; no query)
    joined_on = DateField(null=True, index=True)
    left_on = DateField(null=True, index=True)
    entry_fee = DecimalField(null=True, decimal_places=2, auto_round=True)
    notes = TextField(default="")
    is_friend = BooleanField(default=False)
    friend_added_on = DateField(null=True, index=True)  # the daily friend-add cap counts by day
    next_contact_on = DateField(null=True, index=True)
    last_contact_on = DateField(null=True)  # kept in step with the follow-up log
    points = IntegerField(default=0)  # kept in step with the contribution log
    pinyin = TextField(default="")  # every full reading of name + nickname
    initials = CharField(default="")  # every initials reading
    sort_name = CharField(default="")
    # Lowercase text that search scans; kept by SQLite triggers (schema.SEARCH_TRIGGERS)
    # so every writer, bulk import included, keeps it right.
    search_text = TextField(default="", constraints=[SQL("DEFAULT ''")])
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("sort_name", "id"), False),)

    @property
    def active(self) -> bool:
        return self.left_on is None

    def refresh_keys(self) -> None:
        self.pinyin, self.initials = combined_keys(self.name, self.nickname)
        self.sort_name = sort_key(self.name)


class CustomField(BaseModel):
    """A user-defined card field ("T恤尺码", "孩子年龄", ...)."""

    name = CharField(unique=True)
    position = IntegerField(default=0)


class CustomValue(BaseModel):
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="custom_values")
    field = ForeignKeyField(CustomField, on_delete="CASCADE", backref="values")
    member_id: int  # the key alone (peewee's accessor; no query)
    field_id: int
    value = TextField(default="")

    class Meta:
        indexes = ((("member", "field"), True),)


# ---------------------------------------------------------------- normalisation

def _check_inviter(member_id: int | None, inviter_id: int | None) -> str | None:
    if inviter_id is None or member_id is None:
        return None
    if inviter_id == member_id:
        return msg("self_inviter")
    seen = {member_id}
    current: int | None = inviter_id
    while current is not None:  # walk up the chain: it must never reach this member
        if current in seen:
            return msg("inviter_loop")
        seen.add(current)
        row = Member.select(Member.inviter).where(Member.id == current).tuples().first()
        current = row[0] if row else None
    return None


class MemberGone(LookupError):
    """The card was deleted meanwhile (a bulk delete, an undo); nothing was saved."""


def get_member(member_id: int) -> Member | None:
    return Member.get_or_none(Member.id == member_id)


def member_name(member_id: int) -> str | None:
    name = Member.select(Member.name).where(Member.id == member_id).scalar()
    return str(name) if name is not None else None


def member_points(member_id: int) -> int:
    return Member.select(Member.points).where(Member.id == member_id).scalar() or 0


def member_count() -> int:
    """Every card, including members who have left."""
    return Member.select().count()


def active_points() -> list[int]:
    """The points of every member still in the community, ascending."""
    return sorted(p for (p,) in tuples(Member.select(Member.points).where(Member.left_on.is_null())))


def wechat_ids(member_ids: list[int]) -> dict[int, str]:
    if not member_ids:
        return {}
    return {mid: wid or "" for chunk in chunks(member_ids) for mid, wid in
            tuples(Member.select(Member.id, Member.wechat_id).where(Member.id.in_(chunk)))}


def custom_fields() -> list[CustomField]:
    return list(CustomField.select().order_by(CustomField.position, CustomField.id))


def save_member(data: dict[str, Any], member_id: int | None = None,
                custom: dict[int, str] | None = None) -> Member:
    """Create or update a card in one transaction; raises ValidationError, saving nothing."""
    clean, errors = normalize(data)
    inviter = clean.get("inviter")
    inviter_id = inviter.id if isinstance(inviter, Member) else inviter
    if "inviter" in clean and (problem := _check_inviter(member_id, inviter_id)):
        errors["inviter"] = problem
    wid = clean.get("wechat_id")
    if wid and "wechat_id" not in errors:
        other = Member.select(Member.id, Member.name).where(Member.wechat_id == wid)
        if member_id is not None:
            other = other.where(Member.id != member_id)
        if (found := other.first()) is not None:
            errors["wechat_id"] = msg("dup_wechat", value=wid, other=found.name)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        found = Member() if member_id is None else get_member(member_id)
        if found is None:
            raise MemberGone(member_id)
        member = found
        for field, value in clean.items():
            setattr(member, field, value)
        if member_id is None and member.joined_on is None:
            member.joined_on = dt.date.today()
        member.refresh_keys()
        member.updated_at = _now()
        member.save()
        if custom is not None:
            set_custom_values(member.id, custom)
    return member


def set_custom_values(member_id: int, values: dict[int, str]) -> None:
    for field_id, value in values.items():
        value = clean_text(value)
        if value:
            CustomValue.insert(member=member_id, field=field_id, value=value).on_conflict(
                conflict_target=[CustomValue.member, CustomValue.field],
                update={CustomValue.value: value},
            ).execute()
        else:
            CustomValue.delete().where(
                (CustomValue.member == member_id) & (CustomValue.field == field_id)
            ).execute()


def custom_values(member_id: int) -> dict[int, str]:
    rows = CustomValue.select(CustomValue.field, CustomValue.value).where(
        CustomValue.member == member_id
    )
    return {field: value for field, value in tuples(rows)}


def add_custom_field(name: str) -> CustomField:
    name = clean_text(name)
    if not name:
        raise ValidationError({"name": msg("required", field="name")})
    if CustomField.select().where(CustomField.name == name).exists():
        raise ValidationError({"name": msg("name_exists", name=name)})
    position = CustomField.select().count()
    return CustomField.create(name=name, position=position)


# ---------------------------------------------------------------- referral chain


def invitees_tree(member_id: int, depth: int = 3) -> list[tuple[int, int, str]]:
    """Who this member invited, and whom they invited, up to `depth` levels.

    Returns (level, member id, name) in display order (depth-first).
    """
    out: list[tuple[int, int, str]] = []

    def walk(parent: int, level: int, seen: set[int]) -> None:
        if level > depth:
            return
        rows = (Member.select(Member.id, Member.name).where(Member.inviter == parent)
                .order_by(Member.sort_name))
        for mid, name in tuples(rows):
            if mid in seen:
                continue
            out.append((level, mid, name))
            walk(mid, level + 1, seen | {mid})

    walk(member_id, 1, {member_id})
    return out


def inviter_chain(member_id: int, depth: int = 5) -> list[tuple[int, str]]:
    """Who invited this member, who invited them, ... (nearest first)."""
    chain: list[tuple[int, str]] = []
    seen = {member_id}
    row = Member.select(Member.inviter).where(Member.id == member_id).tuples().first()
    current = row[0] if row else None
    while current is not None and current not in seen and len(chain) < depth:
        seen.add(current)
        found = Member.select(Member.name, Member.inviter).where(Member.id == current).tuples().first()
        if not found:
            break
        chain.append((current, found[0]))
        current = found[1]
    return chain


def find_members(text: str, limit: int = 20,
                 exclude: int | None = None) -> list[tuple[int, str, str]]:
    """Members whose name, nickname, WeChat ID, pinyin or initials contain `text`.

    For pickers (the inviter field): (id, name, nickname); exact and prefix matches
    first, then active before left, then by pinyin. One LIKE over the trigger-kept
    `search_text` column without ORDER BY stops early (~2 ms at 100,000 members, where
    sorting every match in SQL took ~110 ms); ranking the first few hundred in Python
    is enough for a picker.
    """
    text = clean_text(text, fold=True).lower()
    if not text:
        return []
    query = (Member.select(Member.id, Member.name, Member.nickname, Member.wechat_id,
                           Member.pinyin, Member.initials, Member.left_on, Member.sort_name,
                           Member.wechat_name)
             .where(Member.search_text.contains(text))  # peewee escapes % and _
             .limit(max(limit * 20, 200)))
    if exclude is not None:
        query = query.where(Member.id != exclude)
    ranked = []
    for mid, name, nickname, wechat_id, pinyin, initials, left_on, sort_name, wechat_name \
            in tuples(query):
        fields = [name.lower(), (nickname or "").lower(), (wechat_id or "").lower(),
                  (wechat_name or "").lower(),
                  *(pinyin or "").split(), *(initials or "").split()]
        if not any(text in f for f in fields):
            continue  # matched only the notes or phone: not what a name picker means
        exact = text in fields  # "张三", "zhangsan" or "zs" as a whole
        prefix = any(f.startswith(text) for f in fields)
        ranked.append(((not exact, not prefix, left_on is not None, sort_name),
                       (mid, name, nickname)))
    ranked.sort(key=lambda r: r[0])
    return [row for _, row in ranked[:limit]]
