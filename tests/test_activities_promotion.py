"""Promotion posts belong to their activity: they move with it, go with it, and planning
them twice updates instead of adding a second set."""

from __future__ import annotations

import datetime as dt

from models.activities import activity as A
from models.activities import promotion as P
from models.calendar import edit as E
from models.calendar.entries import ContentItem, ItemGroup
from models.members.groups import save_group
from models.store import undo

START = dt.datetime(2026, 12, 27, 14, 0)
BEFORE = dt.date(2026, 12, 1)


def _planned() -> tuple[A.Activity, list[int]]:
    group = save_group({"name": "上海群"})
    activity = A.save_activity({"title": "年末聚会", "kind": "offline", "start": START,
                                "group_ids": [group.id]})
    return activity, P.schedule_promotion(activity.id, today=BEFORE).created


def _days(ids: list[int]) -> list[dt.date]:
    return [i.date for i in ContentItem.select().where(ContentItem.id.in_(ids)).order_by(ContentItem.date)]


def test_posts_move_with_their_activity_keeping_their_offsets(db):
    activity, ids = _planned()
    assert _days(ids) == [dt.date(2026, 12, 20), dt.date(2026, 12, 26), dt.date(2026, 12, 28)]
    P.save_with_posts({"start": dt.datetime(2027, 1, 10, 14, 0)}, activity.id)
    assert _days(ids) == [dt.date(2027, 1, 3), dt.date(2027, 1, 9), dt.date(2027, 1, 11)]
    recap = ContentItem.get(ContentItem.promo_offset == 1)
    assert "2027-01-10 14:00" in recap.body  # the body says the new time too


def test_a_post_edited_by_hand_stays_unless_the_owner_moves_it_too(db):
    activity, ids = _planned()
    reminder = ContentItem.get(ContentItem.promo_offset == -1)
    E.edit_occurrence(E.Ref(reminder.id, None, None), E.ItemFields(
        "明天见！带上好心情", "活动推广", reminder.date, dt.time(21, 0), status="draft",
        activity_id=activity.id))
    assert [p.id for p in P.hand_edited_posts(activity.id)] == [reminder.id]
    P.save_with_posts({"start": dt.datetime(2027, 1, 10, 14, 0)}, activity.id)
    assert ContentItem.get_by_id(reminder.id).date == dt.date(2026, 12, 26)  # kept
    P.save_with_posts({"start": dt.datetime(2027, 1, 17, 14, 0)}, activity.id, move_edited=True)
    moved = ContentItem.get_by_id(reminder.id)
    assert moved.date == dt.date(2027, 1, 16) and moved.title == "明天见！带上好心情"
    assert _days(ids) == [dt.date(2027, 1, 10), dt.date(2027, 1, 16), dt.date(2027, 1, 18)]


def test_planning_twice_updates_and_keeps_hand_edits(db):
    activity, ids = _planned()
    recap = ContentItem.get(ContentItem.promo_offset == 1)
    ContentItem.update(title="我自己写的回顾").where(ContentItem.id == recap.id).execute()
    A.save_activity({"title": "年末聚会（改名）"}, activity.id)
    again = P.schedule_promotion(activity.id, today=BEFORE)
    assert again.created == [] and again.kept == [recap.id] and len(again.updated) == 2
    titles = {i.promo_offset: i.title for i in ContentItem.select()}
    assert "年末聚会（改名）" in titles[-7] and titles[1] == "我自己写的回顾"
    assert ContentItem.select().count() == 3


def test_deleting_the_activity_takes_its_posts_and_undo_brings_all_back(db):
    activity, ids = _planned()
    other = E.schedule_item("和活动无关的内容", "分享", dt.date(2026, 12, 20))
    links = ItemGroup.select().where(ItemGroup.item.in_(ids)).count()
    assert links == 3
    P.delete_with_posts(activity.id)
    assert ContentItem.select().where(ContentItem.id.in_(ids)).count() == 0
    assert ContentItem.get_or_none(ContentItem.id == other) is not None
    assert undo.undo() is not None
    assert A.get_activity(activity.id) is not None
    assert sorted(P.scheduled_ids(activity.id)) == sorted(ids)
    assert ItemGroup.select().where(ItemGroup.item.in_(ids)).count() == links


def test_deleting_the_activity_can_leave_its_posts_unlinked(db):
    activity, ids = _planned()
    P.delete_with_posts(activity.id, with_posts=False)
    kept = list(ContentItem.select().where(ContentItem.id.in_(ids)))
    assert len(kept) == 3 and all(i.activity_id is None and i.promo_offset is None for i in kept)
