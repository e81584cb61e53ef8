"""Sign-ups (报名) and check-in (签到) for activities.

Checking someone in on the day records attendance and earns them the "attend"
contribution points (models.members.contributions); undoing the check-in takes them back, so
the member card's points always match who really came.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peewee import fn

from models.activities.tables import Activity, SignUp
from models.members.cards import Member
from models.members.contributions import Contribution, add_contribution, refresh_points
from models.store.db import chunks, database, tuples


def sign_up(activity_id: int, member_ids: Iterable[int], on: dt.date | None = None) -> int:
    """Sign members up (those already signed up are left as they are); returns how many new."""
    on = on or dt.date.today()
    with database.atomic():
        before = count(activity_id)
        for batch in chunks(member_ids, 200):
            SignUp.insert_many([{"activity": activity_id, "member": m, "signed_up_on": on}
                                for m in batch]).on_conflict_ignore().execute()
        return count(activity_id) - before


def count(activity_id: int) -> int:
    return SignUp.select().where(SignUp.activity == activity_id).count()


def remove(activity_id: int, member_ids: Iterable[int]) -> None:
    """Cancel sign-ups; attendance points earned there are removed with them."""
    ids = list(member_ids)
    with database.atomic():
        for batch in chunks(ids):
            _drop_points(activity_id, batch)
            SignUp.delete().where((SignUp.activity == activity_id)
                                  & SignUp.member.in_(batch)).execute()
        refresh_points(ids)


def _drop_points(activity_id: int, member_ids: list[int]) -> None:
    Contribution.delete().where((Contribution.activity_id == activity_id)
                                & (Contribution.kind == "attend")
                                & Contribution.member.in_(member_ids)).execute()


def check_in(activity_id: int, member_id: int, when: dt.datetime | None = None) -> bool:
    """Mark a member present (walk-ins are signed up on the spot); False if already in."""
    when = (when or dt.datetime.now()).replace(microsecond=0)
    activity = Activity.get_by_id(activity_id)
    with database.atomic():
        row = SignUp.get_or_none((SignUp.activity == activity_id) & (SignUp.member == member_id))
        if row is None:
            row = SignUp.create(activity=activity_id, member=member_id, signed_up_on=when.date())
        if row.attended:
            return False
        row.attended, row.checked_in_at = True, when
        row.save()
        add_contribution(member_id, "attend", date=activity.start.date(),
                         note=activity.title, activity_id=activity_id)
    return True


def undo_check_in(activity_id: int, member_id: int) -> bool:
    """Back to "signed up, not attended"; the attendance points are taken back."""
    with database.atomic():
        row = SignUp.get_or_none((SignUp.activity == activity_id) & (SignUp.member == member_id))
        if row is None or not row.attended:
            return False
        row.attended, row.checked_in_at = False, None
        row.save()
        _drop_points(activity_id, [member_id])
        refresh_points([member_id])
    return True


def signups(activity_id: int) -> list[SignUp]:
    """Sign-ups with their members, in name order (pinyin)."""
    return list(SignUp.select(SignUp, Member).join(Member)
                .where(SignUp.activity == activity_id)
                .order_by(Member.sort_name, Member.id))


def get_signup(signup_id: int) -> SignUp:
    return SignUp.select(SignUp, Member).join(Member).where(SignUp.id == signup_id).get()


def signup_counts(activity_ids: list[int]) -> dict[int, tuple[int, int]]:
    """{activity id: (people signed up, people attended)}: heads, so a member's
    companions (张三 +1) count too, as they do toward the capacity."""
    heads = 1 + SignUp.companions
    out: dict[int, tuple[int, int]] = {}
    for batch in chunks(activity_ids):
        query = (SignUp.select(SignUp.activity, fn.SUM(heads),
                               fn.SUM(SignUp.attended.cast("integer") * heads))
                 .where(SignUp.activity.in_(batch)).group_by(SignUp.activity))
        for aid, signed, attended in tuples(query):
            out[aid] = (int(signed or 0), int(attended or 0))
    return out


def companion_counts(activity_ids: list[int]) -> dict[int, int]:
    """{activity id: companions signed up with the members} (activities with any)."""
    out: dict[int, int] = {}
    for batch in chunks(activity_ids):
        query = (SignUp.select(SignUp.activity, fn.SUM(SignUp.companions))
                 .where(SignUp.activity.in_(batch) & (SignUp.companions > 0))
                 .group_by(SignUp.activity))
        out.update((aid, int(n)) for aid, n in tuples(query))
    return out


def member_activity_ids(activity_id: int) -> set[int]:
    return {m for (m,) in tuples(SignUp.select(SignUp.member)
                                 .where(SignUp.activity == activity_id))}


def search_members(text: str, limit: int = 200) -> list[tuple[int, str, str, str]]:
    """Active members to sign up: (id, name, nickname, city), matched on name, nickname,
    WeChat ID or pinyin / initials (zs, zhangsan); everyone (up to `limit`) for no text."""
    from models.members.cards import clean_text

    query = (Member.select(Member.id, Member.name, Member.nickname, Member.city)
             .where(Member.left_on.is_null()).order_by(Member.sort_name, Member.id).limit(limit))
    text = clean_text(text, fold=True).lower()
    if text:
        like = f"%{text.replace('%', '').replace('_', '')}%"
        query = query.where(Member.name.contains(text) | Member.nickname.contains(text)
                            | (Member.wechat_id ** like) | (Member.pinyin ** like)
                            | (Member.initials ** like))
    return list(tuples(query))
