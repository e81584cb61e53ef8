"""What the member card saves: the card, its custom fields, tags and groups, together.

One transaction for all of it (a card is saved whole or not at all), and the rules that
span them live here rather than in the dialog: a member marked as a friend for the first
time gets today's date as the day the friendship began.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from models.members import groups, tags
from models.members.cards import Member, save_member
from models.store.db import database


def save_card(data: dict[str, Any], member_id: int | None = None, *,
              custom: dict[int, str] | None = None, tag_ids: Iterable[int] = (),
              roles: dict[int, str] | None = None,
              new_tags: Iterable[tuple[str, int | None]] = ()) -> Member:
    """Create or update a member from the card; raises ValidationError, saving nothing
    (MemberGone when the member was deleted meanwhile). `new_tags` (name, category id),
    typed on the card, are created here, in the same transaction."""
    with database.atomic():
        member = save_member(data, member_id, custom=custom)
        created = [tags.get_or_create_tag(name, category).id for name, category in new_tags]
        tags.set_member_tags(member.id, [*tag_ids, *created])
        groups.set_memberships(member.id, roles or {})
        if member.is_friend and member.friend_added_on is None:
            member.friend_added_on = dt.date.today()
            Member.update(friend_added_on=member.friend_added_on).where(
                Member.id == member.id).execute()
    return member
