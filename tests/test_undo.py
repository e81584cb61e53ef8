"""Undo of deletions: SQLite reuses a deleted row's id, and undo must never overwrite
what was created meanwhile under that id."""

from __future__ import annotations

import datetime as dt

from models.activities import activity as activities
from models.activities import signups
from models.calendar import edit as E
from models.calendar.entries import ContentItem, ItemGroup
from models.members import bulk, tags
from models.members.cards import Member, save_member
from models.members.contributions import Contribution
from models.members.groups import save_group
from models.store import undo


def test_undo_delete_member_after_a_new_member_took_its_id(db, db_path):
    first = save_member({"name": "甲"})
    invited = save_member({"name": "丁"})
    gone = save_member({"name": "乙", "inviter": first.id})  # the highest id
    save_member({"name": "丁", "inviter": gone.id}, member_id=invited.id)
    tags.set_member_tags(gone.id, [tags.get_or_create_tag("老会员").id])
    bulk.delete([gone.id], db_path)
    newcomer = save_member({"name": "丙"})
    tags.set_member_tags(newcomer.id, [tags.get_or_create_tag("新人").id])
    assert newcomer.id == gone.id  # SQLite handed the id out again
    assert undo.undo() is not None
    names = {m.name: m for m in Member.select()}
    assert set(names) == {"甲", "乙", "丙", "丁"}
    assert {t.name for t in tags.tags_of(names["丙"].id)} == {"新人"}  # untouched
    assert {t.name for t in tags.tags_of(names["乙"].id)} == {"老会员"}  # back, new id
    assert names["乙"].inviter_id == first.id
    assert Member.get_by_id(invited.id).inviter_id == names["乙"].id  # link follows


def test_undo_delete_tag_after_a_new_tag_took_its_id(db):
    m = save_member({"name": "甲"})
    old = tags.get_or_create_tag("摄影")
    tags.set_member_tags(m.id, [old.id])
    undo.record("删除标签", undo.capture(tags.Tag, [old.id]), deleted=[old.id])
    tags.delete_tag(old.id)
    new = tags.get_or_create_tag("徒步")
    tags.set_member_tags(m.id, [new.id])
    undo.undo()
    assert {t.name for t in tags.all_tags()} >= {"摄影", "徒步"}
    assert {t.name for t in tags.tags_of(m.id)} == {"摄影", "徒步"}


def test_delete_activity_is_undoable_with_steps_signups_and_points(db):
    ann = save_member({"name": "安妮"})
    act = activities.save_activity({"title": "上海面基", "kind": "offline",
                                    "start": dt.datetime(2026, 12, 5, 14, 0)})
    signups.sign_up(act.id, [ann.id])
    assert signups.check_in(act.id, ann.id, dt.datetime(2026, 12, 5, 13, 55))
    points = Member.get_by_id(ann.id).points
    assert points > 0
    activities.delete_activity(act.id)
    assert Member.get_by_id(ann.id).points == 0
    other = activities.save_activity({"title": "读书会", "kind": "online",
                                      "start": dt.datetime(2026, 12, 6, 20, 0)})
    assert undo.undo() == "删除活动“上海面基”"
    titles = {a.title: a for a in activities.Activity.select()}
    assert set(titles) == {"上海面基", "读书会"}
    assert titles["读书会"].id == other.id
    back = titles["上海面基"]
    assert [s.member_id for s in signups.signups(back.id)] == [ann.id]
    assert Contribution.select().where(Contribution.activity_id == back.id).count() == 1
    assert Member.get_by_id(ann.id).points == points


def test_undo_delete_content_item_keeps_items_created_since(db):
    group = save_group({"name": "一群"})
    fields = E.ItemFields("周三读书", "分享", dt.date(2026, 12, 2), dt.time(20, 0), 60, "ready")
    item = E.save_item(fields, [group.id])
    E.delete(E.Ref(item, None, fields.date), undoable=True)
    newer = E.save_item(E.ItemFields("新的早报", "早报", dt.date(2026, 12, 3)))
    assert newer == item
    undo.undo()
    titles = {i.title: i.id for i in ContentItem.select()}
    assert set(titles) == {"周三读书", "新的早报"}
    assert [g.group_id for g in ItemGroup.select().where(
        ItemGroup.item == titles["周三读书"])] == [group.id]
    assert not ItemGroup.select().where(ItemGroup.item == titles["新的早报"]).exists()


# ---------------------------------------------------------------- exactly what was done
def test_undo_bulk_add_tag_keeps_later_edits_to_the_same_members(db):
    a = save_member({"name": "甲", "notes": "旧备注"})
    b = save_member({"name": "乙"})
    vip = tags.get_or_create_tag("付费会员")
    bulk.add_tags([a.id, b.id], [vip.id])
    save_member({"name": "甲", "notes": "之后写的备注", "phone": "13800138000"}, member_id=a.id)
    tags.add_tags([a.id], [tags.get_or_create_tag("讲师").id])  # another tag, added later
    label = undo.undo()
    assert label is not None and "1 条之后改过的内容已保留" in label  # says what it kept
    fresh = Member.get_by_id(a.id)
    assert (fresh.notes, fresh.phone) == ("之后写的备注", "13800138000")
    assert {t.name for t in tags.tags_of(a.id)} == {"讲师"}  # only the bulk tag went
    assert tags.tags_of(b.id) == []


def test_undo_mark_left_clears_only_what_it_set(db):
    a = save_member({"name": "甲"})
    b = save_member({"name": "乙", "left_on": dt.date(2026, 1, 5)})  # had left before
    bulk.mark_left([a.id, b.id], dt.date(2026, 11, 20))
    save_member({"name": "甲", "city": "杭州", "left_on": dt.date(2026, 11, 20)}, member_id=a.id)
    assert undo.undo() is not None
    assert Member.get_by_id(a.id).left_on is None and Member.get_by_id(a.id).city == "杭州"
    assert Member.get_by_id(b.id).left_on == dt.date(2026, 1, 5)


def test_mark_left_keeps_only_the_leave_date_for_undo(db):
    """Marking members as left changes left_on alone: the entry holds each member's key,
    updated_at and left_on, no other column and no table pointing at members."""
    import json

    from models.store.undo import UndoEntry

    a = save_member({"name": "甲", "notes": "很长的备注" * 50})
    tags.add_tags([a.id], [tags.get_or_create_tag("老会员").id])
    bulk.mark_left([a.id], dt.date(2026, 11, 20))
    snapshot = json.loads(UndoEntry.select().order_by(UndoEntry.id.desc()).first().payload)
    assert [t["table"] for t in snapshot["tables"]] == ["member"]
    assert snapshot["tables"][0]["cols"] == ["id", "updated_at", "left_on"]
    assert undo.undo() is not None
    back = Member.get_by_id(a.id)
    assert back.left_on is None and back.notes == "很长的备注" * 50
    assert [t.name for t in tags.tags_of(a.id)] == ["老会员"]


def test_undo_mark_left_keeps_a_leave_date_edited_since(db):
    a = save_member({"name": "甲"})
    bulk.mark_left([a.id], dt.date(2026, 11, 20))
    save_member({"name": "甲", "left_on": dt.date(2026, 11, 1)}, member_id=a.id)  # corrected
    label = undo.undo()
    assert Member.get_by_id(a.id).left_on == dt.date(2026, 11, 1)  # the later edit stays
    assert "保留" in label


def test_undo_tag_merge_from_anywhere_is_one_step(db):
    a = save_member({"name": "甲"})
    b = save_member({"name": "乙"})
    ai, ml = tags.get_or_create_tag("AI"), tags.get_or_create_tag("机器学习")
    tags.set_member_tags(a.id, [ai.id])
    tags.set_member_tags(b.id, [ml.id])
    tags.merge_tags(ml.id, ai.id)  # called by any screen, not only the tags dialog
    assert undo.label_of(undo.latest()) == "合并标签“机器学习”到“AI”"
    undo.undo()
    assert {t.name for t in tags.tags_of(b.id)} == {"机器学习"}
    assert {t.name for t in tags.tags_of(a.id)} == {"AI"}


def test_undo_delete_then_edit_a_neighbour_keeps_the_edit(db, db_path):
    a = save_member({"name": "甲"})
    b = save_member({"name": "乙", "inviter": a.id})
    bulk.delete([a.id], db_path)
    save_member({"name": "乙", "notes": "之后的备注"}, member_id=b.id)
    undo.undo()
    assert Member.get_by_id(b.id).inviter_id == a.id  # the link comes back
    assert Member.get_by_id(b.id).notes == "之后的备注"  # and the later edit stays


def test_undo_labels_follow_the_language_of_the_moment(db):
    from models import messages

    member = save_member({"name": "甲"})
    bulk.mark_left([member.id])  # recorded while the app speaks Chinese
    assert undo.label_of(undo.latest()) == "把 1 位成员标记为已退群"
    messages.set_language("en")
    assert undo.label_of(undo.latest()) == "Mark 1 member as left"
    assert undo.undo() == "Mark 1 member as left"


def test_deleting_a_saved_filter_is_one_undoable_step(db):
    from models.members import segments

    kept = segments.save("新人", segments.MemberFilter(text="张"))
    segments.delete_saved(kept.id)
    assert segments.get_saved(kept.id) is None
    assert undo.label_of(undo.latest()) == "删除保存的筛选“新人”"
    undo.undo()
    restored = segments.get_saved(kept.id)
    assert restored is not None and restored.filter.text == "张"


def test_a_new_tag_under_a_taken_name_is_refused_and_nothing_is_made(db):
    import pytest

    from models.members.cards import ValidationError

    tags.create_tag("摄影")
    with pytest.raises(ValidationError) as caught:
        tags.create_tag(" 摄影 ")
    assert "已存在" in caught.value.errors["name"]
    assert [t.name for t in tags.all_tags()].count("摄影") == 1


def test_english_labels_agree_with_their_number(db):
    from models import messages

    messages.set_language("en")
    try:
        assert messages.msg("undo_mark_left", n=1) == "Mark 1 member as left"
        assert messages.msg("undo_mark_left", n=2) == "Mark 2 members as left"
        assert messages.msg("undo_kept_later_edits", count=1) == \
            " (1 row changed since was kept as it was)"
    finally:
        messages.set_language("zh")
    assert messages.msg("undo_mark_left", n=1) == "把 1 位成员标记为已退群"


def test_bulk_tag_and_group_actions_snapshot_only_what_they_change(db):
    """Tagging or grouping members changes member_tag or membership alone: the undo entry
    holds those rows and each member's key and updated_at, not every member row and every
    table pointing at members (that took 11 of 13 s at 90,000 members)."""
    import json

    from models.members.groups import Membership
    from models.store.undo import UndoEntry

    a = save_member({"name": "甲", "notes": "很长的备注" * 50})
    b = save_member({"name": "乙"})
    old = tags.get_or_create_tag("老会员")
    tags.add_tags([a.id], [old.id])
    vip = tags.get_or_create_tag("付费会员")
    group = save_group({"name": "AI 实战派 1 群"})
    bulk.add_tags([a.id, b.id], [vip.id])
    bulk.add_to_group([a.id, b.id], group.id)
    entries = list(UndoEntry.select().order_by(UndoEntry.id.desc()).limit(2))
    for entry, table in zip(entries, ("membership", "member_tag"), strict=True):
        snapshot = json.loads(entry.payload)
        assert [t["table"] for t in snapshot["tables"]] == ["member", table]
        assert snapshot["tables"][0]["cols"] == ["id", "updated_at"]
        assert "很长的备注" not in entry.payload
    assert undo.undo() is not None  # the group
    assert not Membership.select().where(Membership.group == group.id).exists()
    assert undo.undo() is not None  # the tag: the tag a had before stays
    assert {t.name for t in tags.tags_of(a.id)} == {"老会员"} and tags.tags_of(b.id) == []
    assert Member.get_by_id(a.id).notes == "很长的备注" * 50
