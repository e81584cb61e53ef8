"""Calendar domain: entries, series exceptions, moves, statuses, kinds, sources, demo."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from models.calendar import edit as E
from models.calendar import entries as C
from models.calendar import lists as L
from models.calendar.recurrence import Rule
from models.members.cards import Member
from models.members.groups import Group

D = dt.date
T = dt.time
TODAY = D(2026, 11, 18)


@pytest.fixture
def groups(db):
    return [Group.create(name="一群").id, Group.create(name="二群", position=1).id]


def _weekly_wed(groups, **kw) -> int:
    fields = E.ItemFields("周三读书", "分享", D(2026, 12, 2), T(20, 0), 60, "ready",
                          group_ids=tuple(groups), **kw)
    return E.save_series(fields, Rule("weekly", weekdays=(2,)))


def test_schedule_item_contract(groups):
    mid = Member.create(name="张三").id
    iid = E.schedule_item("年末聚餐宣传", "新品类", D(2026, 11, 20), T(19, 30), groups,
                          status="ready", presenter_id=mid, body="快来报名", activity_id=7)
    [entry] = C.entries_between(D(2026, 11, 20), D(2026, 11, 20), today=TODAY)
    assert entry == C.CalendarEntry(iid, None, D(2026, 11, 20), T(19, 30), "年末聚餐宣传",
                                    "新品类", entry.color, ("一群", "二群"), mid, "张三",
                                    "ready", False, 0)
    assert entry.color.startswith("#") and len(entry.color) == 7
    assert C.ContentItem.get_by_id(iid).activity_id == 7
    assert C.ContentKind.get(C.ContentKind.name == "早报")  # defaults exist too


def test_entries_are_sorted_all_day_first_and_overdue_marked(groups):
    E.schedule_item("晚上", "分享", D(2026, 11, 17), T(20, 0))
    E.schedule_item("全天", "公告", D(2026, 11, 17))
    E.schedule_item("早上", "早报", D(2026, 11, 17), T(8, 0), status="published")
    E.schedule_item("明天", "早报", D(2026, 11, 19), T(8, 0))
    entries = C.entries_between(D(2026, 11, 1), D(2026, 11, 30), today=TODAY)
    assert [e.title for e in entries] == ["全天", "早上", "晚上", "明天"]
    assert [e.overdue for e in entries] == [True, False, True, False]
    assert [e.title for e in C.overdue_entries(TODAY)] == ["全天", "晚上"]


def test_series_expands_across_year_end_with_groups(groups):
    sid = _weekly_wed(groups)
    entries = C.entries_between(D(2026, 12, 20), D(2027, 1, 10), today=TODAY)
    assert [e.date for e in entries] == [D(2026, 12, 23), D(2026, 12, 30), D(2027, 1, 6)]
    assert all(e.item_id is None and e.series_id == sid and e.groups == ("一群", "二群")
               for e in entries)


def test_edit_one_occurrence_leaves_the_others(groups):
    sid = _weekly_wed(groups)
    ref = E.Ref(None, sid, D(2026, 12, 30))
    fields = E.fields_of(ref)
    assert fields.date == D(2026, 12, 30) and fields.title == "周三读书"
    iid = E.edit_occurrence(ref, E.ItemFields(**{**fields.__dict__, "title": "跨年特别场",
                                                 "start_time": T(21, 0)}))
    entries = C.entries_between(D(2026, 12, 23), D(2027, 1, 6), today=TODAY)
    assert [(e.date, e.title, e.item_id) for e in entries] == [
        (D(2026, 12, 23), "周三读书", None), (D(2026, 12, 30), "跨年特别场", iid),
        (D(2027, 1, 6), "周三读书", None)]
    assert entries[1].series_id == sid and entries[1].start_time == T(21, 0)


def test_move_one_occurrence_across_month_and_year(groups):
    sid = _weekly_wed(groups)
    iid = E.move(E.Ref(None, sid, D(2026, 12, 30)), D(2027, 1, 2), T(10, 0))
    dec = C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY)
    jan = C.entries_between(D(2027, 1, 1), D(2027, 1, 31), today=TODAY)
    assert D(2026, 12, 30) not in [e.date for e in dec]
    assert (jan[0].date, jan[0].start_time, jan[0].item_id) == (D(2027, 1, 2), T(10, 0), iid)
    assert [e.date for e in jan[1:]] == [D(2027, 1, 6), D(2027, 1, 13), D(2027, 1, 20),
                                         D(2027, 1, 27)]
    # Moving the same item again moves the item, not a second copy.
    assert E.move(E.Ref(iid, sid, D(2027, 1, 2)), D(2027, 1, 3)) == iid
    assert C.ContentItem.get_by_id(iid).start_time == T(10, 0)


def test_mark_one_occurrence_done_and_delete_another(groups):
    sid = _weekly_wed(groups)
    E.set_status(E.Ref(None, sid, D(2026, 12, 9)), "published")
    E.delete(E.Ref(None, sid, D(2026, 12, 16)))
    entries = C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=D(2027, 1, 1))
    assert [(e.date, e.status) for e in entries] == [
        (D(2026, 12, 2), "ready"), (D(2026, 12, 9), "published"), (D(2026, 12, 23), "ready"),
        (D(2026, 12, 30), "ready")]
    # Series created "now" (2026): past occurrences after creation are overdue work.
    created = C.ContentSeries.get_by_id(sid).created_at.date()
    assert all(e.overdue == (e.status == "ready" and e.date >= created) for e in entries)
    # Deleting the materialised item again keeps the gap.
    [done] = [e for e in entries if e.item_id]
    E.delete(E.ref_of(done))
    left = C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY)
    assert [e.date.day for e in left] == [2, 23, 30]


def test_whole_series_edit_keeps_single_edits(groups):
    sid = _weekly_wed(groups)
    E.edit_occurrence(E.Ref(None, sid, D(2026, 12, 9)),
                      E.ItemFields("单次改名", "分享", D(2026, 12, 9), T(20, 0), status="ready"))
    fields, rule = E.series_fields(sid)
    fields.title, fields.start_time, fields.group_ids = "读书会", T(19, 0), (groups[0],)
    E.save_series(fields, Rule("weekly", weekdays=(2,), until=D(2026, 12, 31)), sid)
    entries = C.entries_between(D(2026, 12, 1), D(2027, 1, 31), today=TODAY)
    assert [(e.date.day, e.title) for e in entries] == [
        (2, "读书会"), (9, "单次改名"), (16, "读书会"), (23, "读书会"), (30, "读书会")]
    assert entries[0].start_time == T(19, 0) and entries[0].groups == ("一群",)


def test_delete_series_removes_its_exceptions(groups):
    sid = _weekly_wed(groups)
    E.set_status(E.Ref(None, sid, D(2026, 12, 9)), "published")
    E.delete_series(sid)
    assert C.entries_between(D(2026, 12, 1), D(2026, 12, 31)) == []
    assert C.ContentItem.select().count() == 0


def test_sessions_of_member_newest_first_and_presenter_set_null(groups):
    mid = Member.create(name="李四").id
    _weekly_wed(groups, presenter_id=mid)
    E.schedule_item("一次分享", "分享", D(2026, 11, 10), T(20, 0), presenter_id=mid)
    sessions = C.sessions_of(mid, limit=3, today=TODAY)
    assert len(sessions) == 3
    assert sessions == sorted(sessions, key=lambda e: e.date, reverse=True)
    assert all(s.presenter == "李四" for s in sessions)
    assert C.sessions_of(mid, limit=500, today=TODAY)[-1].title == "一次分享"
    Member.delete_by_id(mid)
    assert C.sessions_of(mid, today=TODAY) == []
    assert C.entries_between(D(2026, 11, 10), D(2026, 11, 10))[0].presenter_id is None


def test_duplicate_backlog_and_schedule_idea(groups):
    idea = E.save_item(E.ItemFields("征集书单", "话题讨论", None, status="idea"))
    assert [i[0] for i in E.ideas()] == [idea]
    assert C.entries_between(D(2000, 1, 1), D(2100, 1, 1)) == []
    E.move(E.Ref(idea, None, None), D(2026, 11, 25))
    assert E.ideas() == []
    entry = C.entries_between(D(2026, 11, 25), D(2026, 11, 25))[0]
    assert entry.status == "draft" and entry.start_time is None
    copy = E.duplicate(E.ref_of(entry), D(2026, 11, 26))
    assert E.item_fields(copy).title == "征集书单" and E.item_fields(copy).date == D(2026, 11, 26)
    E.unschedule(copy)
    assert [i[0] for i in E.ideas()] == [copy]


def test_validation_messages(groups):
    with pytest.raises(E.CalendarError, match="标题不能为空"):
        E.save_item(E.ItemFields(" ", "分享", D(2026, 1, 1)))
    with pytest.raises(E.CalendarError):
        E.save_item(E.ItemFields("x", "分享", D(2026, 1, 1), status="done"))
    with pytest.raises(E.CalendarError):
        E.save_series(E.ItemFields("x", "分享", None), Rule("daily"))
    with pytest.raises(E.CalendarError):
        E.save_series(E.ItemFields("x", "分享", D(2026, 2, 1)), Rule("daily", until=D(2026, 1, 1)))
    assert C.ContentItem.select().count() == 0


def test_kinds_and_sources(groups):
    kinds = L.kinds()
    assert [k.name for k in kinds][:3] == ["早报", "话题讨论", "分享"]
    kid = L.save_kind("读书会", "#123abc")
    E.schedule_item("共读", "读书会", D(2026, 11, 20))
    assert {k.name: k.uses for k in L.kinds()}["读书会"] == 1
    L.save_kind("共读会", "#654321", kid)
    assert C.entries_between(D(2026, 11, 20), D(2026, 11, 20))[0].color == "#654321"
    with pytest.raises(ValueError):
        L.save_kind("早报", "#000000", kid)
    L.delete_kind(kid)
    assert C.entries_between(D(2026, 11, 20), D(2026, 11, 20))[0].kind == "其他"
    sid = L.save_source("36氪", "https://36kr.com", "早报来源")
    L.save_source("少数派", source_id=None)
    L.save_source("36氪快讯", "https://36kr.com/newsflashes", "", sid)
    assert [s.name for s in L.sources()] == ["36氪快讯", "少数派"]
    L.delete_source(sid)
    assert [s.name for s in L.sources()] == ["少数派"]


def test_demo_calendar(demo_db):
    entries = C.entries_between(D(2026, 11, 1), D(2026, 11, 30), today=TODAY)
    titles = {e.title for e in entries}
    assert {"每日资讯早报", "每周三读书 · 一小时共读", "周五 KTV 比赛（20 分钟）", "每周答疑"} <= titles
    assert any(e.presenter for e in entries if e.title.startswith("KOL"))
    assert len(C.overdue_entries(TODAY)) == 2
    assert len(E.ideas()) >= 5 and len(L.sources()) >= 5
    ktv = [e for e in entries if e.title.startswith("周五 KTV")]
    assert any(e.date.weekday() == 5 and e.status == "published" for e in ktv)


def test_deletes_can_be_undone(groups):
    from models.store import undo

    sid = _weekly_wed(groups)
    E.edit_occurrence(E.Ref(None, sid, D(2026, 12, 9)),
                      E.ItemFields("单次改名", "分享", D(2026, 12, 9), T(20, 0), status="ready",
                                   group_ids=(groups[1],)))
    before = C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY)
    E.delete_series(sid, undoable=True)
    assert C.entries_between(D(2026, 12, 1), D(2026, 12, 31)) == []
    assert undo.undo() == "删除系列“周三读书”"
    assert C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY) == before
    one = E.schedule_item("海报", "海报", D(2026, 12, 3), group_ids=groups)
    E.delete(E.Ref(one, None, D(2026, 12, 3)), undoable=True)
    E.delete(E.Ref(None, sid, D(2026, 12, 16)), undoable=True)
    assert len(C.entries_between(D(2026, 12, 1), D(2026, 12, 31))) == 4
    undo.undo()
    undo.undo()
    after = C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY)
    assert len(after) == 6 and [e for e in after if e.title == "海报"][0].groups == ("一群", "二群")


def test_a_series_edit_reaches_occurrences_only_marked_or_moved(groups):
    sid = _weekly_wed(groups)
    E.set_status(E.Ref(None, sid, D(2026, 12, 9)), "published")  # only marked 已发布
    E.move(E.Ref(None, sid, D(2026, 12, 16)), D(2026, 12, 17))  # only moved a day
    E.edit_occurrence(E.Ref(None, sid, D(2026, 12, 23)),
                      E.ItemFields("圣诞特别场", "分享", D(2026, 12, 23), T(20, 0), 60, "ready",
                                   group_ids=tuple(groups)))  # renamed by hand
    fields, rule = E.series_fields(sid)
    E.save_series(replace(fields, title="读书会", start_time=T(22, 0)), rule, sid)
    by_day = {e.date: e for e in C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY)}
    assert (by_day[D(2026, 12, 9)].title, by_day[D(2026, 12, 9)].start_time,
            by_day[D(2026, 12, 9)].status) == ("读书会", T(22, 0), "published")
    assert (by_day[D(2026, 12, 17)].title, by_day[D(2026, 12, 17)].start_time) == ("读书会", T(22, 0))
    assert (by_day[D(2026, 12, 23)].title, by_day[D(2026, 12, 23)].start_time) == ("圣诞特别场",
                                                                                  T(22, 0))
    assert by_day[D(2026, 12, 2)].title == "读书会" and by_day[D(2026, 12, 30)].start_time == T(22, 0)


def test_a_long_series_keeps_its_count_through_an_edit(groups):
    fields = E.ItemFields("每日早报", "分享", D(2026, 12, 1), T(8, 0), status="ready")
    sid = E.save_series(fields, Rule("daily", count=10000))
    again, rule = E.series_fields(sid)
    E.save_series(again, rule, sid)  # saved without touching anything
    assert E.series_fields(sid)[1].count == 10000
    last = C.entries_between(D(2054, 4, 1), D(2054, 4, 30), today=TODAY)
    assert [e.date for e in last][-1] == D(2054, 4, 17)  # the 10,000th day
