"""Private follow-up (私聊) log and the daily "to contact" queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import (
    SQL,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    NodeList,
    TextField,
    fn,
)

from models.members.birthdays import birthdays_between
from models.members.cards import Member, clean_text
from models.store import settings
from models.store.db import BaseModel, database, tuples

CHANNELS = ("wechat", "phone", "meet", "other")


class FollowUp(BaseModel):
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="followups")
    member_id: int  # the key alone (peewee's accessor; no query)
    date = DateField(index=True)
    channel = CharField(default="wechat")
    note = TextField(default="")
    created_at = DateTimeField(default=dt.datetime.now)


def log_followup(member_id: int, date: dt.date, channel: str, note: str,
                 next_contact_on: dt.date | None = None) -> FollowUp:
    """Record a conversation; the card's last/next contact dates follow in the same write."""
    with database.atomic():
        entry = FollowUp.create(member=member_id, date=date, channel=channel,
                                note=clean_text(note))
        _refresh_last_contact(member_id)
        Member.update(next_contact_on=next_contact_on).where(Member.id == member_id).execute()
    return entry


def delete_followup(entry_id: int) -> None:
    with database.atomic():
        entry = FollowUp.get_or_none(FollowUp.id == entry_id)
        if entry is not None:
            entry.delete_instance()
            _refresh_last_contact(entry.member_id)


def delete_followups(entry_ids: Iterable[int]) -> None:
    """Delete several log entries at once, in one transaction."""
    with database.atomic():
        for entry_id in entry_ids:
            delete_followup(entry_id)


def _refresh_last_contact(member_id: int) -> None:
    last = FollowUp.select(fn.MAX(FollowUp.date)).where(FollowUp.member == member_id).scalar()
    Member.update(last_contact_on=last).where(Member.id == member_id).execute()


def history(member_id: int) -> list[FollowUp]:
    return list(FollowUp.select().where(FollowUp.member == member_id)
                .order_by(FollowUp.date.desc(), FollowUp.id.desc()))


def friends_added_on(day: dt.date) -> int:
    return Member.select().where(Member.friend_added_on == day).count()


def mark_friend(member_ids: list[int], today: dt.date | None = None) -> None:
    Member.update(is_friend=True, friend_added_on=today or dt.date.today()).where(
        Member.id.in_(member_ids) & ~Member.is_friend
    ).execute()


@dataclass(frozen=True)
class QueueEntry:
    member_id: int
    name: str
    # "birthday": today is their birthday (solar, or lunar on this year's day);
    # "due": a follow-up is due; "add_friend": not yet a personal friend
    reason: str
    due: dt.date | None


def birthdays_on(day: dt.date) -> list[tuple[int, str]]:
    """Current members whose birthday falls on `day` (models.members.birthdays), by name."""
    return [(b.member_id, b.name) for b in birthdays_between(day, day)]


def contact_queue(today: dt.date | None = None, limit: int | None = None,
                  birthdays: bool = False) -> list[QueueEntry]:
    """Who to contact today: with `birthdays`, today's birthdays first (a greeting that
    can't wait); then due follow-ups (oldest due first), then new friend adds.

    WeChat restricts accounts that add too many friends a day, so friend adds are capped
    at the daily limit minus the adds already made today.
    """
    today = today or dt.date.today()
    greet = [QueueEntry(mid, name, "birthday", today) for mid, name in birthdays_on(today)] \
        if birthdays else []
    daily = int(settings.get("daily_friend_limit") if limit is None else limit)
    # "+left_on" keeps SQLite off the left_on index (almost everyone is active, so it
    # matches nearly all rows) and on next_contact_on / joined_on: ~10x faster at 100k.
    active = NodeList((SQL("+"), Member.left_on)).is_null()
    due = (Member.select(Member.id, Member.name, Member.next_contact_on)
           .where(active & (Member.next_contact_on <= today))
           .order_by(Member.next_contact_on, Member.sort_name))
    queue = greet + [QueueEntry(mid, name, "due", when) for mid, name, when in tuples(due)]
    added_today = Member.select().where(Member.friend_added_on == today).count()
    room = max(0, daily - added_today)
    if room:
        strangers = Member.select(Member.id, Member.name).where(active & ~Member.is_friend)
        # Longest-waiting first: dated joins through the joined_on index, undated last.
        new = list(tuples(strangers.where(Member.joined_on.is_null(False))
                          .order_by(Member.joined_on, Member.id).limit(room)))
        if len(new) < room:
            new += list(tuples(strangers.where(Member.joined_on.is_null()).order_by(Member.id)
                               .limit(room - len(new))))
        queue += [QueueEntry(mid, name, "add_friend", None) for mid, name in new]
    return queue
