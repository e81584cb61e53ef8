"""Member domain without Qt: validation, normalisation, custom fields, referrals, tags,
groups, follow-ups and the contact queue, points and levels, undo of tag changes."""

from __future__ import annotations

import datetime as dt

import pytest

from models.members import contributions, followups, groups, tags
from models.members.cards import (
    CustomValue,
    Member,
    ValidationError,
    add_custom_field,
    custom_values,
    find_members,
    invitees_tree,
    inviter_chain,
    normalize_phone,
    save_member,
)
from models.store import settings, undo

TODAY = dt.date.today()


def make(name: str, **extra) -> Member:
    return save_member({"name": name, **extra})


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(("data", "field"), [
    ({"name": "  "}, "name"),
    ({"name": "张三", "phone": "12345"}, "phone"),
    ({"name": "张三", "phone": "2380013800"}, "phone"),
    ({"name": "张三", "wechat_id": "ab"}, "wechat_id"),
    ({"name": "张三", "wechat_id": "张三的微信"}, "wechat_id"),
    ({"name": "张三", "birthday": "1990-02-30"}, "birthday"),
    ({"name": "张三", "birthday": "昨天"}, "birthday"),
    ({"name": "张三", "birthday": (TODAY + dt.timedelta(days=3)).isoformat()}, "birthday"),
    ({"name": "张三", "joined_on": "2024-05-01", "left_on": "2024-04-01"}, "left_on"),
    ({"name": "张三", "entry_fee": "两百"}, "entry_fee"),
    ({"name": "张三", "entry_fee": "-5"}, "entry_fee"),
])
def test_bad_input_is_reported_by_field_and_nothing_saved(db, data, field):
    with pytest.raises(ValidationError) as caught:
        save_member(data)
    assert field in caught.value.errors
    assert caught.value.errors[field]  # a message a person can read
    assert Member.select().count() == 0


def test_duplicate_wechat_id_names_the_other_member_and_saves_nothing(db):
    first = make("李四", wechat_id="lisi_2024")
    with pytest.raises(ValidationError) as caught:
        save_member({"name": "王五", "wechat_id": "LISI_2024", "phone": "123"})
    assert "李四" in caught.value.errors["wechat_id"]
    assert "phone" in caught.value.errors  # every problem at once, not one at a time
    assert Member.select().count() == 1
    # Saving the same card again with its own ID is no duplicate.
    save_member({"name": "李四", "wechat_id": "lisi_2024"}, first.id)


def test_update_with_error_leaves_the_card_unchanged(db):
    member = make("赵六", city="杭州", phone="13800138000")
    with pytest.raises(ValidationError):
        save_member({"name": "赵六", "city": "上海", "phone": "bad"}, member.id)
    assert Member.get_by_id(member.id).city == "杭州"


def test_normalisation(db):
    assert normalize_phone("+86 138-0013-8000") == "13800138000"
    assert normalize_phone(13800138000.0) == "13800138000"
    member = make(" 张\u200b三 ", wechat_id="ｚｈａｎｇｓａｎ＿01", phone="0086 13900139000",
                  gender="female", entry_fee="¥199元")
    assert member.name == "张三"
    assert member.wechat_id == "zhangsan_01"
    assert member.phone == "13900139000"
    assert member.gender == "女"
    assert str(member.entry_fee) == "199"
    assert member.joined_on == TODAY  # a new card joins today unless told otherwise
    assert "zhangsan" in member.pinyin and "zs" in member.initials


def test_find_members_by_pinyin_and_initials(db):
    zhang = make("张三", nickname="清风")
    make("李四")
    assert [r[0] for r in find_members("zs")] == [zhang.id]
    assert [r[0] for r in find_members("zhangsan")] == [zhang.id]
    assert [r[0] for r in find_members("清风")] == [zhang.id]
    assert find_members("zs", exclude=zhang.id) == []
    assert find_members("") == []
    wx = make("王五", wechat_id="wang_5x", notes="认识张三")
    assert [r[0] for r in find_members("wang_5")] == [wx.id]  # "_" is literal, not a wildcard
    assert [r[0] for r in find_members("wang%")] == []
    assert [r[0] for r in find_members("张三")] == [zhang.id]  # a notes-only match is no pick


# ---------------------------------------------------------------- custom fields


def test_custom_fields(db):
    size = add_custom_field("T恤尺码")
    kids = add_custom_field("孩子年龄")
    with pytest.raises(ValidationError):
        add_custom_field("T恤尺码")
    with pytest.raises(ValidationError):
        add_custom_field("  ")
    member = save_member({"name": "孙七"}, custom={size.id: "XL", kids.id: "5"})
    assert custom_values(member.id) == {size.id: "XL", kids.id: "5"}
    save_member({"name": "孙七"}, member.id, custom={size.id: "L", kids.id: ""})
    assert custom_values(member.id) == {size.id: "L"}
    with pytest.raises(ValidationError):
        save_member({"name": "孙七", "phone": "x"}, member.id, custom={size.id: "S"})
    assert custom_values(member.id) == {size.id: "L"}  # nothing saved half-way
    assert CustomValue.select().count() == 1


# ---------------------------------------------------------------- referrals


def test_invitee_tree_depth_and_inviter_chain(db):
    a = make("甲")
    b = make("乙", inviter=a.id)
    c = make("丙", inviter=b.id)
    d = make("丁", inviter=c.id)
    e = make("戊", inviter=d.id)
    b2 = make("己", inviter=a.id)
    tree = invitees_tree(a.id, depth=3)
    # depth-first, siblings by pinyin (己 ji before 乙 yi)
    assert [(level, mid) for level, mid, _ in tree] == [(1, b2.id), (1, b.id), (2, c.id),
                                                        (3, d.id)]
    assert e.id not in {mid for _, mid, _ in tree}  # level 4 is beyond depth 3
    assert [mid for mid, _ in inviter_chain(e.id)] == [d.id, c.id, b.id, a.id]
    with pytest.raises(ValidationError) as caught:
        save_member({"name": "甲", "inviter": e.id}, a.id)  # would loop back to 甲
    assert "inviter" in caught.value.errors
    with pytest.raises(ValidationError):
        save_member({"name": "甲", "inviter": a.id}, a.id)


# ---------------------------------------------------------------- tags


def test_tag_rename_merge_delete_counts(db):
    tags.ensure_default_categories()
    members = [make(f"成员{i}").id for i in range(6)]
    ai = tags.get_or_create_tag("AI")
    ml = tags.get_or_create_tag("机器学习")
    tags.add_tags(members[:4], [ai.id])
    tags.add_tags(members[2:], [ml.id])
    assert tags.usage_counts() == {ai.id: 4, ml.id: 4}
    with pytest.raises(ValidationError):
        tags.rename_tag(ml.id, "ai")  # clash (names ignore case): offer a merge instead
    tags.rename_tag(ml.id, "深度学习")
    assert tags.Tag.get_by_id(ml.id).name == "深度学习"
    moved = tags.merge_tags(ml.id, ai.id)
    assert moved == 4
    assert tags.tag_usage(ai.id) == 6  # 2 overlapped, no duplicates
    assert tags.Tag.get_or_none(tags.Tag.id == ml.id) is None
    assert tags.delete_tag(ai.id) == 6
    assert tags.MemberTag.select().count() == 0


def test_tag_categories(db):
    tags.ensure_default_categories()
    field = tags.TagCategory.get(tags.TagCategory.name == "领域")
    tag = tags.get_or_create_tag("设计", field.id)
    hobby = tags.save_category("兴趣", "#ff0000")
    with pytest.raises(ValidationError):
        tags.save_category("领域")
    tags.save_category("专业领域", "#000000", field.id)
    assert tags.TagCategory.get_by_id(field.id).color == "#000000"
    tags.move_tag(tag.id, hobby.id)
    assert tags.Tag.get_by_id(tag.id).category_id == hobby.id
    assert tags.Tag.get_by_id(tag.id).color == "#ff0000"
    ids = [c.id for c in tags.categories()]
    tags.reorder_categories([hobby.id] + [i for i in ids if i != hobby.id])
    assert tags.categories()[0].id == hobby.id
    assert tags.delete_category(hobby.id) == 1
    assert tags.Tag.get_by_id(tag.id).category_id is None  # the tag stays
    assert [t.name for t in tags.all_tags()] == ["设计"]


def test_undo_restores_merged_and_deleted_tags(db):
    members = [make(f"成员{i}").id for i in range(5)]
    a = tags.get_or_create_tag("运营")
    b = tags.get_or_create_tag("私域运营")
    tags.add_tags(members[:3], [a.id])
    tags.add_tags(members[2:], [b.id])
    snapshot = undo.capture(tags.Tag, [b.id, a.id])
    tags.merge_tags(b.id, a.id)
    undo.record("合并", snapshot)
    assert tags.tag_usage(a.id) == 5
    assert undo.undo() == "合并"
    assert tags.tag_usage(a.id) == 3 and tags.tag_usage(b.id) == 3
    assert tags.Tag.get_by_id(b.id).name == "私域运营"

    snapshot = undo.capture(tags.Tag, [a.id])
    assert tags.delete_tag(a.id) == 3
    undo.record("删除", snapshot)
    undo.undo()
    assert sorted(m.member_id for m in tags.MemberTag.select().where(
        tags.MemberTag.tag == a.id)) == sorted(members[:3])


# ---------------------------------------------------------------- groups


def test_group_memberships_and_delete(db):
    g1 = groups.save_group({"name": "一群", "platform": "wechat"})
    g2 = groups.save_group({"name": "QQ 群", "platform": "qq"})
    assert (g1.capacity, g2.capacity) == (500, 2000)
    member = make("周八")
    groups.set_memberships(member.id, {g1.id: "admin", g2.id: "kol"})
    assert {m.group_id: m.role for m in groups.memberships_of(member.id)} == \
        {g1.id: "admin", g2.id: "kol"}
    groups.set_memberships(member.id, {g2.id: "bogus"})
    assert {m.group_id: m.role for m in groups.memberships_of(member.id)} == {g2.id: "member"}
    groups.set_memberships(member.id, {})
    assert groups.memberships_of(member.id) == []
    groups.add_to_group([member.id], g1.id)
    assert groups.delete_group(g1.id) == 1
    assert Member.get_by_id(member.id).name == "周八"


def test_near_capacity(db):
    small = groups.save_group({"name": "小群", "platform": "other", "capacity": 10})
    ids = [make(f"人{i}").id for i in range(9)]
    groups.add_to_group(ids, small.id)
    assert [g.id for g, _ in groups.groups_near_capacity()] == [small.id]


# ---------------------------------------------------------------- follow-ups


def test_followup_last_and_next_contact(db):
    member = make("吴九")
    first = followups.log_followup(member.id, dt.date(2026, 3, 1), "wechat", "聊了工作")
    followups.log_followup(member.id, dt.date(2026, 3, 8), "phone", "电话",
                           next_contact_on=dt.date(2026, 4, 1))
    card = Member.get_by_id(member.id)
    assert card.last_contact_on == dt.date(2026, 3, 8)
    assert card.next_contact_on == dt.date(2026, 4, 1)
    assert [f.channel for f in followups.history(member.id)] == ["phone", "wechat"]
    latest = followups.history(member.id)[0]
    followups.delete_followup(latest.id)
    assert Member.get_by_id(member.id).last_contact_on == dt.date(2026, 3, 1)
    followups.delete_followup(first.id)
    assert Member.get_by_id(member.id).last_contact_on is None


def test_contact_queue_due_first_then_capped_friend_adds(db):
    today = dt.date(2026, 11, 18)
    due_late = make("甲", next_contact_on="2026-11-10", is_friend=True)
    due_early = make("乙", next_contact_on="2026-11-01", is_friend=True)
    make("丙", next_contact_on="2026-12-01", is_friend=True)  # not due yet
    strangers = [make(f"新人{i}", joined_on="2026-10-01").id for i in range(30)]
    queue = followups.contact_queue(today)
    assert [q.member_id for q in queue[:2]] == [due_early.id, due_late.id]
    adds = [q for q in queue if q.reason == "add_friend"]
    assert len(adds) == settings.get("daily_friend_limit") == 20
    followups.mark_friend(strangers[:5], today)
    assert len([q for q in followups.contact_queue(today) if q.reason == "add_friend"]) == 15
    settings.put("daily_friend_limit", 8)
    assert len([q for q in followups.contact_queue(today) if q.reason == "add_friend"]) == 3
    followups.mark_friend(strangers[5:10], today)
    assert [q for q in followups.contact_queue(today) if q.reason == "add_friend"] == []


def test_todays_birthdays_come_first_in_the_queue_solar_and_lunar(db):
    from models.members.lunar import LunarDate

    today = dt.date(2026, 4, 21)  # 农历三月初五 (2026 has no 闰三月)
    solar = make("甲", birthday="1990-04-21")
    lunar = make("乙", birthday=LunarDate(3, 5))
    leap = make("庚", birthday=LunarDate(3, 5, True))  # 闰三月初五: on 三月初五 this year
    make("丙", birthday="1990-04-22")
    make("丁", birthday=LunarDate(3, 6))
    make("戊", birthday="1991-04-21", left_on="2026-01-01")  # left: no greeting
    due = make("辛", next_contact_on="2026-04-01", is_friend=True)
    assert {m for m, _ in followups.birthdays_on(today)} == {solar.id, lunar.id, leap.id}
    queue = followups.contact_queue(today, birthdays=True)
    assert [q.reason for q in queue[:4]] == ["birthday"] * 3 + ["due"]
    assert {q.member_id for q in queue[:3]} == {solar.id, lunar.id, leap.id}
    assert queue[3].member_id == due.id
    assert all(q.reason != "birthday" for q in followups.contact_queue(today))  # the default
    feb29 = make("壬", birthday="2000-02-29")  # kept on 28 Feb in a common year
    assert feb29.id in {m for m, _ in followups.birthdays_on(dt.date(2027, 2, 28))}
    assert feb29.id not in {m for m, _ in followups.birthdays_on(dt.date(2028, 2, 28))}
    assert feb29.id in {m for m, _ in followups.birthdays_on(dt.date(2028, 2, 29))}


# ---------------------------------------------------------------- points and levels


def test_points_and_levels(db):
    member = make("郑十")
    assert contributions.level_for(0) == "新人"
    contributions.add_contribution(member.id, "best_share")  # default 50
    contributions.add_contribution(member.id, "answer", points=60, note="解答")
    assert Member.get_by_id(member.id).points == 110
    assert contributions.level_for(110) == "活跃成员"
    settings.put("points_per_kind", {**settings.get("points_per_kind"), "best_share": 80})
    entry = contributions.add_contribution(member.id, "best_share")
    assert entry.points == 80 and Member.get_by_id(member.id).points == 190
    contributions.set_thresholds([(50, "铜牌"), (150, "银牌"), (500, "金牌")])
    assert contributions.thresholds()[0][0] == 0  # a floor level is always kept
    assert contributions.level_for(190) == "银牌"
    contributions.delete_contribution(entry.id)
    assert Member.get_by_id(member.id).points == 110
    assert contributions.level_for(110) == "铜牌"


def test_a_card_is_saved_whole_with_its_tags_groups_and_friend_date(db):
    import datetime as dt

    from models.members.editing import save_card
    from models.members.groups import Membership, save_group

    group = save_group({"name": "一群", "platform": "wechat", "capacity": 500})
    tag = tags.get_or_create_tag("讲师")
    member = save_card({"name": "张三", "is_friend": True}, tag_ids=[tag.id],
                       roles={group.id: "admin"})
    assert member.friend_added_on == dt.date.today()
    assert [t.name for t in tags.tags_of(member.id)] == ["讲师"]
    assert Membership.get(Membership.member == member.id).role == "admin"
    from peewee import IntegrityError

    with pytest.raises(IntegrityError):  # a tag that does not exist: the whole card is refused
        save_card({"name": "李四"}, tag_ids=[999_999])
    assert Member.select().where(Member.name == "李四").count() == 0


def test_level_rules_are_checked_and_saved_together(db):
    from models.members import contributions

    with pytest.raises(ValidationError) as caught:
        contributions.save_level_rules([(0, "新人"), (0, "老人"), (10, "")], {"answer": 5})
    assert "起始积分相同" in caught.value.errors["levels"]
    assert "名称" in caught.value.errors["levels"]
    contributions.save_level_rules([(0, "新人"), (50, "骨干")], {"answer": 7})
    assert contributions.thresholds() == [(0, "新人"), (50, "骨干")]


def test_a_wechat_group_holds_at_most_500(db):
    from models.members.groups import save_group

    with pytest.raises(ValidationError) as caught:
        save_group({"name": "大群", "platform": "wechat", "capacity": 800})
    assert "500" in caught.value.errors["capacity"]
    assert save_group({"name": "QQ 大群", "platform": "qq", "capacity": 2000}).capacity == 2000
    assert save_group({"name": "满员群", "platform": "wechat", "capacity": 500}).capacity == 500


def test_group_member_counts_leave_out_who_left(db):
    """member_counts() counts each group's members less those who left; the same figures
    as joining every membership to its member (the definition)."""
    import random

    from models.store.db import database

    groups_model = groups

    rng = random.Random(5)
    made = [groups_model.save_group({"name": f"群{i}"}) for i in range(4)]
    for i in range(60):
        member = save_member({"name": f"成员{i}"})
        chosen = [g.id for g in made if rng.random() < 0.5]
        for group_id in chosen:
            groups_model.add_to_group([member.id], group_id)
        if rng.random() < 0.3:
            save_member({"name": f"成员{i}", "left_on": dt.date(2026, 11, 1)}, member_id=member.id)
    everyone = groups_model.save_group({"name": "都走了的群"})
    gone = save_member({"name": "走了", "left_on": dt.date(2026, 11, 2)})
    groups_model.add_to_group([gone.id], everyone.id)
    expected = dict(database.execute_sql(
        "SELECT ms.group_id, COUNT(*) FROM membership ms JOIN member m ON m.id = ms.member_id "
        "WHERE m.left_on IS NULL GROUP BY ms.group_id").fetchall())
    assert groups_model.member_counts() == expected and everyone.id not in expected
    assert groups_model.member_counts(active_only=False)[everyone.id] == 1
