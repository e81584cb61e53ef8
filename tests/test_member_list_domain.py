"""Member list data: pinyin search, sort, structural filters, segments, bulk + undo."""

from __future__ import annotations

import datetime as dt

import pytest

from models.members import bulk, segments
from models.members import rows as member_rows
from models.members.cards import Member, save_member
from models.members.contributions import add_contribution
from models.members.followups import FollowUp, log_followup
from models.members.groups import Membership, add_to_group, save_group
from models.members.segments import MemberFilter
from models.members.tags import MemberTag, add_tags, get_or_create_tag
from models.store import undo

TODAY = dt.date(2026, 11, 18)  # a Wednesday


def names(ids: list[int]) -> list[str]:
    by_id = {m.id: m.name for m in Member.select()}
    return [by_id[i] for i in ids]


def search(text: str) -> list[str]:
    ids = member_rows.sorted_ids()
    texts = member_rows.search_texts()
    hay = [texts[i] for i in ids]
    return [names([ids[p]])[0] for p in member_rows.search(hay, text)]


@pytest.fixture
def people(db):
    zs = save_member({"name": "张三", "nickname": "小张🌸", "wechat_id": "zhangsan88",
                      "phone": "13800138000", "notes": "擅长短视频"})
    ls = save_member({"name": "李四", "wechat_id": "lisi_2024", "inviter": zs.id})
    dan = save_member({"name": "单雄信", "nickname": "Shan"})
    zeng = save_member({"name": "曾小贤"})
    wang = save_member({"name": "王五", "joined_on": dt.date(2026, 1, 5),
                        "left_on": dt.date(2026, 6, 1)})
    return {"zs": zs, "ls": ls, "dan": dan, "zeng": zeng, "wang": wang}


def test_search_by_name_pinyin_initials_ids_phone_notes(people):
    assert search("张三") == ["张三"]
    assert search("zhangsan") == ["张三"]
    assert search("zs") == ["张三"]
    assert search("ZHANG") == ["张三"]
    assert search("zhangsan88") == ["张三"]
    assert search("0013") == ["张三"]
    assert search("短视频") == ["张三"]
    assert search("小张") == ["张三"]
    assert search("li s") == ["李四"]  # every word must match


def test_polyphonic_surnames_found_by_every_reading(people):
    assert search("shanxiongxin") == ["单雄信"]
    assert search("danxiongxin") == ["单雄信"]
    assert search("zengxiaoxian") == ["曾小贤"]
    assert search("zxx") == ["曾小贤"]


def test_search_text_follows_edits_and_narrowing_search(people):
    save_member({"name": "赵六"}, member_id=people["ls"].id)
    assert search("lisi") == ["赵六"]  # renamed, but the WeChat ID still says lisi
    assert search("zhaoliu") == ["赵六"]
    hay = [member_rows.search_texts()[i] for i in member_rows.sorted_ids()]
    first = member_rows.search(hay, "z")
    assert member_rows.search(hay, "zh", within=first) == member_rows.search(hay, "zh")


def test_narrowing_rule_and_multi_word_search(people):
    hay = member_rows.ordered_texts()[1]
    assert member_rows.narrows("zh", "zhang")  # one more letter
    assert member_rows.narrows("li", "li s")  # one more word
    assert member_rows.narrows("", "li")
    assert not member_rows.narrows("zhang", "zh")  # backspace widens
    assert not member_rows.narrows("li s", "li")
    every = member_rows.search(hay, "l")
    assert member_rows.search(hay, "l s", within=every) == member_rows.search(hay, "l s")
    both = member_rows.search(hay, "lisi 2024")
    assert both and all("lisi" in hay[i] and "2024" in hay[i] for i in both)


def test_ordered_texts_match_the_list_order(people):
    for key, descending in (("name", False), ("joined_on", True)):
        ids, texts = member_rows.ordered_texts(key, descending)
        assert ids == member_rows.sorted_ids(key, descending)
        assert texts == member_rows.texts_in_order(ids)
    add_tags([people["dan"].id], [get_or_create_tag("摄影KOL").id])  # search finds tag names
    ids, texts = member_rows.ordered_texts()
    assert [ids[p] for p in member_rows.search(texts, "摄影kol")] == [people["dan"].id]
    assert member_rows.left_ids() == {m.id for m in Member.select()
                                      if m.left_on is not None}


def test_sorted_by_pinyin_and_by_column(people):
    # Pinyin order li < wang < zhang, not code-point order (张 U+5F20 < 李 < 王).
    order = names(member_rows.sorted_ids())
    assert order.index("李四") < order.index("王五") < order.index("张三")
    assert names(member_rows.sorted_ids("joined_on", descending=True))[-1] == "王五"


def test_the_name_order_breaks_ties_by_id_straight_from_the_name_index(people):
    from models.store.db import database

    twins = [save_member({"name": "张三"}).id for _ in range(3)]  # the same sort name
    everyone = [(m.sort_name, m.id) for m in Member.select()]
    assert member_rows.sorted_ids() == [i for _, i in sorted(everyone)]
    by_id = sorted(everyone, key=lambda pair: pair[1])
    by_id.sort(key=lambda pair: pair[0], reverse=True)  # stable: equal names keep id order
    assert member_rows.sorted_ids(descending=True) == [i for _, i in by_id]
    assert [i for i in member_rows.sorted_ids() if i in twins] == sorted(twins)
    plan = database.execute_sql("EXPLAIN QUERY PLAN SELECT m.id FROM member m "
                                + member_rows._order_by("name", False)).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "member_sort_name_id" in details and "TEMP B-TREE" not in details


def test_fetch_rows_and_links(people):
    tag = get_or_create_tag("KOL")
    add_tags([people["zs"].id], [tag.id])
    rows = member_rows.fetch_rows([people["ls"].id])
    row = rows[people["ls"].id]
    assert row[member_rows.COL["inviter"]] == "张三"
    tags, _groups = member_rows.fetch_links([people["zs"].id])
    assert tags[people["zs"].id] == [tag.id]


def test_structural_filters(people):
    kol, ai = get_or_create_tag("KOL"), get_or_create_tag("AI")
    add_tags([people["zs"].id, people["ls"].id], [kol.id])
    add_tags([people["zs"].id], [ai.id])
    group = save_group({"name": "一群", "platform": "wechat"})
    add_to_group([people["ls"].id], group.id, role="admin")

    def ids(**kw):
        found = segments.matching_ids(MemberFilter(**kw), today=TODAY)
        assert segments.matching_set(MemberFilter(**kw), today=TODAY) == set(found)
        return names(found)

    assert ids(tags_all=[kol.id, ai.id]) == ["张三"]
    assert ids(tags_any=[kol.id, ai.id]) == ["李四", "张三"]
    assert "张三" not in ids(tags_none=[ai.id]) and "李四" in ids(tags_none=[ai.id])
    assert ids(group_id=group.id) == ["李四"]
    assert ids(role="admin") == ["李四"]
    # A tag's members are found from the tag's index, not by probing every member's links.
    from models.store.db import database

    for spec in (MemberFilter(tags_any=[kol.id]), MemberFilter(tags_all=[kol.id, ai.id]),
                 MemberFilter(tags_none=[ai.id])):
        clause, params = segments.build_sql(spec, TODAY)
        plan = " ".join(str(row[-1]) for row in database.execute_sql(
            f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM member m WHERE {clause}", params))
        assert "member_tag_tag_id" in plan and "CORRELATED" not in plan, plan
    assert ids(status="left") == ["王五"]
    assert "王五" not in ids()
    assert ids(status="all", joined_from=dt.date(2026, 1, 1), joined_to=dt.date(2026, 1, 31)) \
        == ["王五"]


def test_level_contact_and_birthday_filters(people):
    add_contribution(people["zs"].id, "best_share", points=150, date=TODAY)
    assert names(segments.matching_ids(MemberFilter(level="活跃成员"))) == ["张三"]
    log_followup(people["ls"].id, TODAY - dt.timedelta(days=3), "wechat", "聊过")
    stale = names(segments.matching_ids(MemberFilter(no_contact_days=30), today=TODAY))
    assert "李四" not in stale and "张三" in stale
    save_member({"birthday": dt.date(1990, 11, 20)}, member_id=people["zeng"].id)  # Friday
    save_member({"birthday": dt.date(1988, 11, 2)}, member_id=people["dan"].id)
    week = names(segments.matching_ids(MemberFilter(birthday="week"), today=TODAY))
    month = names(segments.matching_ids(MemberFilter(birthday="month"), today=TODAY))
    assert week == ["曾小贤"]
    assert sorted(month) == sorted(["曾小贤", "单雄信"])


def test_saved_filters_with_live_counts(people):
    tag = get_or_create_tag("AI")
    segments.save("AI 爱好者", MemberFilter(tags_any=[tag.id]))
    assert [(s.name, n) for s, n in segments.saved_with_counts()] == [("AI 爱好者", 0)]
    add_tags([people["dan"].id], [tag.id])
    assert [n for _, n in segments.saved_with_counts()] == [1]
    saved = segments.SavedFilter.get()
    assert saved.filter == MemberFilter(tags_any=[tag.id])


def test_bulk_delete_is_backed_up_and_undone_completely(people, db_path):
    zs = people["zs"].id
    tag = get_or_create_tag("KOL")
    add_tags([zs], [tag.id])
    group = save_group({"name": "一群"})
    add_to_group([zs], group.id)
    log_followup(zs, TODAY, "phone", "电话聊过")
    add_contribution(zs, "answer", date=TODAY)
    bulk.delete([zs], db_path)
    assert Member.get_or_none(Member.id == zs) is None
    assert Member.get_by_id(people["ls"].id).inviter_id is None
    from models.store import backup

    assert any("before-delete" in p.name for p in backup.list_backups(db_path))
    assert undo.undo() == "删除 1 位成员"
    restored = Member.get_by_id(zs)
    assert restored.name == "张三" and restored.points == 10
    assert MemberTag.select().where(MemberTag.member == zs).count() == 1
    assert Membership.select().where(Membership.member == zs).count() == 1
    assert FollowUp.select().where(FollowUp.member == zs).count() == 1
    assert Member.get_by_id(people["ls"].id).inviter_id == zs
    assert search("zs") == ["张三"]
    assert undo.undo() is None  # nothing left to undo


def test_bulk_tags_group_and_left_are_undoable(people):
    ids = [people["zs"].id, people["ls"].id]
    tag = get_or_create_tag("种子用户")
    bulk.add_tags(ids, [tag.id])
    assert MemberTag.select().where(MemberTag.tag == tag.id).count() == 2
    undo.undo()
    assert MemberTag.select().where(MemberTag.tag == tag.id).count() == 0
    bulk.mark_left(ids, TODAY)
    assert Member.select().where(Member.left_on == TODAY).count() == 2
    undo.undo()
    assert Member.select().where(Member.left_on.is_null()).count() == 4
    group = save_group({"name": "二群"})
    bulk.add_to_group(ids, group.id)
    bulk.remove_tags(ids, [tag.id])
    assert undo.label_of(undo.latest()) == "移除 2 位成员的标签"


def test_a_saved_filter_searches_exactly_like_the_list(db):
    from models.members import rows, segments, tags
    from models.members.segments import MemberFilter

    a = save_member({"name": "李雷", "city": "上海", "notes": "喜欢摄影"})
    b = save_member({"name": "韩梅梅", "notes": "上海人"})
    tags.set_member_tags(b.id, [tags.get_or_create_tag("摄影").id])
    save_member({"name": "王五"})
    ids, texts = rows.ordered_texts()
    for text in ("摄影", "li 摄影", "上海 摄影", "hmm", "lilei", "没有这个人"):
        in_list = {ids[i] for i in rows.search(texts, text)}
        assert set(segments.matching_ids(MemberFilter(text=text))) == in_list, text
    assert set(segments.matching_ids(MemberFilter(text="上海 摄影"))) == {b.id}  # tag + note
    assert a.id in segments.matching_ids(MemberFilter(text="摄影"))
