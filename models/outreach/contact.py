"""Filling templates for real members and logging each message sent ("复制给下一位").

The values come from the member's card (称呼, 群昵称, 姓名, 微信昵称, 城市), the activity in
hand (活动, 日期, 时间, 地点) and a group (群名: the activity's group the member is in, else
the activity's first group, else the member's first group, else the community's name if
the owner has set one).

Logging a message is one undoable write: a follow-up on the card (channel 微信, the
template's name as the note: models.members.followups.log_followup) and, for someone who
is not yet a personal friend, today's friend add, which the daily limit counts; a friend
add beyond that limit is refused with a word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.activities.tables import Activity, ActivityGroup, SignUp
from models.members import followups
from models.members.cards import Member, ValidationError
from models.members.groups import Group, Membership
from models.messages import msg
from models.outreach import templates
from models.outreach.placeholders import (
    MEMBER_KEYS,
    Filled,
    fill,
    format_date,
    format_time,
    salutation,
)
from models.store import settings, undo
from models.store.db import chunks, database, tuples


@dataclass(frozen=True)
class Person:
    """Who a message goes to, with what the limit needs to know."""

    member_id: int
    name: str
    nickname: str
    is_friend: bool


def people(member_ids: Sequence[int]) -> list[Person]:
    """The members, in the order given (those deleted meanwhile left out)."""
    found: dict[int, Person] = {}
    for batch in chunks(list(member_ids)):
        query = Member.select(Member.id, Member.name, Member.nickname, Member.is_friend).where(
            Member.id.in_(batch))
        for mid, name, nickname, friend in tuples(query):
            found[mid] = Person(mid, name, nickname, bool(friend))
    return [found[m] for m in dict.fromkeys(member_ids) if m in found]


def community_name() -> str:
    """The community's name when the owner has given one (never the worded default)."""
    row = settings.Setting.get_or_none(settings.Setting.key == "community_name")
    return str(settings.get("community_name") or "") if row is not None else ""


def activity_values(activity_id: int, language: str,
                    today: dt.date | None = None) -> dict[str, str]:
    activity = Activity.get_or_none(Activity.id == activity_id)
    if activity is None:
        return {}
    return {"activity": activity.title, "date": format_date(activity.start.date(), language, today),
            "time": format_time(activity.start, activity.end), "place": activity.place}


def _groups_of(member_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = {}
    for batch in chunks(member_ids):
        query = (Membership.select(Membership.member, Group.id, Group.name).join(Group)
                 .where(Membership.member.in_(batch)).order_by(Group.position, Group.id))
        for mid, gid, name in tuples(query):
            out.setdefault(mid, []).append((gid, name))
    return out


def member_values(member_ids: Sequence[int], activity_id: int | None = None,
                  language: str = "zh", today: dt.date | None = None) -> dict[int, dict[str, str]]:
    """{member id: {placeholder key: value}} for these members (and that activity)."""
    ids = list(dict.fromkeys(member_ids))
    shared = activity_values(activity_id, language, today) if activity_id else {}
    activity_groups = ([(g.id, g.name) for g in Group.select().join(ActivityGroup).where(
        ActivityGroup.activity == activity_id).order_by(Group.position, Group.id)]
        if activity_id else [])
    groups = _groups_of(ids)
    fallback = community_name()
    out: dict[int, dict[str, str]] = {}
    for batch in chunks(ids):
        query = Member.select(Member.id, Member.name, Member.nickname, Member.wechat_name,
                              Member.city).where(Member.id.in_(batch))
        for mid, name, nickname, wechat_name, city in tuples(query):
            own = groups.get(mid, [])
            mine = {gid for gid, _ in own}
            both = [n for gid, n in activity_groups if gid in mine]
            group = (both or [n for _, n in activity_groups] or [n for _, n in own]
                     or [fallback])[0]
            out[mid] = {**shared, "salutation": salutation(nickname, name), "nickname": nickname,
                        "name": name, "wechat_name": wechat_name, "city": city, "group": group}
    return out


def render(template_id: int, member_id: int, activity_id: int | None = None,
           today: dt.date | None = None) -> Filled:
    """One member's message, filled in (what is missing left as written, and listed)."""
    template = templates.get(template_id)
    values = member_values([member_id], activity_id, template.language, today).get(member_id, {})
    return fill(template.body, values)


def group_message(template_id: int, activity_id: int,
                  today: dt.date | None = None) -> tuple[Filled, list[str]]:
    """The message for the whole group, with an @ list of everyone signed up (their group
    nickname, else WeChat name, else name) on its last line; also the names @-ed."""
    template = templates.get(template_id)
    values = activity_values(activity_id, template.language, today)
    groups = [g.name for g in Group.select().join(ActivityGroup).where(
        ActivityGroup.activity == activity_id).order_by(Group.position, Group.id)]
    values["group"] = (groups or [community_name()])[0]
    everyone = _everyone(template.language)
    values.update({key: everyone for key in MEMBER_KEYS})
    filled = fill(template.body, values)
    names = [nickname or wechat or name for _mid, name, nickname, wechat in _signed_up(activity_id)]
    if names:
        mentions = " ".join(f"@{n}" for n in names)
        filled = Filled(f"{filled.text}\n\n{mentions}", filled.parts, filled.missing,
                        filled.unknown)
    return filled, names


def _everyone(language: str) -> str:
    return "大家" if language == "zh" else "everyone"


def _signed_up(activity_id: int) -> list[tuple[int, str, str, str]]:
    query = (Member.select(Member.id, Member.name, Member.nickname, Member.wechat_name)
             .join(SignUp).where((SignUp.activity == activity_id) & Member.left_on.is_null())
             .order_by(Member.sort_name, Member.id))
    return list(tuples(query))


def signed_up_ids(activity_id: int) -> list[int]:
    """Everyone signed up for the activity (still in the community), in name order."""
    return [mid for mid, *_ in _signed_up(activity_id)]


def friend_room(today: dt.date | None = None) -> int:
    """How many more new friends may be added today (the daily limit less today's adds)."""
    today = today or dt.date.today()
    return max(0, int(settings.get("daily_friend_limit")) - followups.friends_added_on(today))


def log_sent(member_id: int, template_id: int, today: dt.date | None = None) -> bool:
    """Record that this member was sent the template: a follow-up (微信, the template's
    name), and, if not yet a friend, today's friend add (refused beyond the daily limit).
    A next contact date still ahead is kept; one that was due is done. Returns whether a
    friend add was counted. One transaction, one undo entry."""
    today = today or dt.date.today()
    template = templates.get(template_id)
    with database.atomic():
        member = Member.get_or_none(Member.id == member_id)
        if member is None:
            raise ValidationError({"member": msg("member_gone")})
        adds = not member.is_friend
        if adds and friend_room(today) <= 0:
            raise ValidationError({"limit": msg(
                "friend_limit_reached", added=followups.friends_added_on(today),
                limit=int(settings.get("daily_friend_limit")), name=member.name)})
        snapshot = undo.capture(Member, [member_id])
        upcoming = member.next_contact_on if member.next_contact_on and \
            member.next_contact_on > today else None
        followups.log_followup(member_id, today, "wechat", template.name, upcoming)
        if adds:
            followups.mark_friend([member_id], today)
        undo.record(undo.coded("undo_template_contact", name=member.name,
                               template=template.name), snapshot)
    return adds


def blocked_by_limit(people_: Iterable[Person], today: dt.date | None = None) -> set[int]:
    """Of these people, who could not be written to today if worked through in order:
    non-friends beyond the room left for friend adds."""
    room = friend_room(today)
    out = set()
    for person in people_:
        if not person.is_friend:
            if room > 0:
                room -= 1
            else:
                out.add(person.member_id)
    return out


def first_member_id() -> int | None:
    """Someone to preview a template on: the first active member in name order."""
    found = (Member.select(Member.id).where(Member.left_on.is_null())
             .order_by(Member.sort_name, Member.id).limit(1).scalar())
    return int(found) if found is not None else None


def preview_activities(today: dt.date | None = None, limit: int = 20) -> list[tuple[int, str,
                                                                                  dt.datetime]]:
    """Activities to preview a reminder with: the coming ones (soonest first), then the
    most recent past ones: (id, title, start)."""
    since = dt.datetime.combine(today or dt.date.today(), dt.time())
    coming = tuples(Activity.select(Activity.id, Activity.title, Activity.start)
                    .where(Activity.start >= since).order_by(Activity.start).limit(limit))
    past = tuples(Activity.select(Activity.id, Activity.title, Activity.start)
                  .where(Activity.start < since).order_by(Activity.start.desc()).limit(limit))
    return [*coming, *past][:limit]
