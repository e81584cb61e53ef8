"""Activities domain: relative due dates, templates, sign-ups and points, the read API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.activities import activity as A
from models.activities import checklists as C
from models.activities import signups as S
from models.activities import templates as T
from models.members.cards import Member, ValidationError

START = dt.datetime(2026, 12, 5, 14, 0)


def _member(name: str) -> int:
    member = Member(name=name)
    member.refresh_keys()
    member.save()
    return member.id


def _activity(**extra) -> A.Activity:
    return A.save_activity({"title": "上海面基", "kind": "offline", "start": START, **extra})


def test_relative_steps_follow_a_moved_activity_and_fixed_ones_stay(db):
    activity = _activity(end=START + dt.timedelta(hours=3))
    rel = C.add_step(activity.id, {"title": "发预告", "due_offset": -7})
    after = C.add_step(activity.id, {"title": "发回顾", "due_offset": 1})
    fixed = C.add_step(activity.id, {"title": "付场地定金", "due_on": dt.date(2026, 11, 20)})
    assert rel.due_on == dt.date(2026, 11, 28) and after.due_on == dt.date(2026, 12, 6)
    moved = A.move_activity(activity.id, START + dt.timedelta(days=10, hours=2))
    assert moved.end == dt.datetime(2026, 12, 15, 19, 0)  # end moves by the same amount
    by_title = {i.title: i for i in C.steps(activity.id)}
    assert by_title["发预告"].due_on == dt.date(2026, 12, 8)
    assert by_title["发回顾"].due_on == dt.date(2026, 12, 16)
    assert by_title["付场地定金"].due_on == dt.date(2026, 11, 20)
    assert C.offset_label(-7) == "T-7" and C.offset_label(0) == "T" and C.offset_label(1) == "T+1"
    assert fixed.relative is False and rel.relative is True
    # Editing the start through the ordinary save moves them too.
    A.save_activity({"start": START}, activity.id)
    assert C.ChecklistItem.get_by_id(rel.id).due_on == dt.date(2026, 11, 28)


def test_switching_a_step_between_fixed_and_relative(db):
    activity = _activity()
    step = C.add_step(activity.id, {"title": "订场地", "due_offset": -14})
    C.update_step(step.id, {"due_offset": None, "due_on": dt.date(2026, 11, 1)})
    assert C.ChecklistItem.get_by_id(step.id).due_offset is None
    A.move_activity(activity.id, START + dt.timedelta(days=3))
    assert C.ChecklistItem.get_by_id(step.id).due_on == dt.date(2026, 11, 1)
    with pytest.raises(ValidationError):
        C.update_step(step.id, {"title": "  "})


def test_validation_keeps_bad_input_out(db):
    with pytest.raises(ValidationError) as err:
        A.save_activity({"title": "", "start": START, "fee": "abc",
                         "end": START - dt.timedelta(hours=1)})
    assert set(err.value.errors) == {"title", "fee", "end"}
    assert A.Activity.select().count() == 0


def test_done_reorder_and_progress(db):
    activity = _activity()
    ids = [C.add_step(activity.id, {"title": f"步骤{i}", "due_offset": -i}).id for i in range(4)]
    C.set_done(ids[1], True, on=dt.date(2026, 11, 30))
    assert C.progress(activity.id) == (1, 4)
    item = C.ChecklistItem.get_by_id(ids[1])
    assert item.done and item.done_on == dt.date(2026, 11, 30)
    C.set_done(ids[1], False)
    assert C.ChecklistItem.get_by_id(ids[1]).done_on is None
    C.move_step(ids[3], 0)
    assert [i.id for i in C.steps(activity.id)] == [ids[3], ids[0], ids[1], ids[2]]
    C.reorder(activity.id, [ids[2], ids[1]])
    assert [i.id for i in C.steps(activity.id)] == [ids[2], ids[1], ids[3], ids[0]]


def test_builtin_templates_are_seeded_once(db):
    names = [t.name for t in T.list_templates()]
    for name in ("课程发售/开营", "线下聚会", "每周答疑", "裂变活动", "新成员欢迎流程"):
        assert name in names
    for template in T.list_templates():
        assert len(template.step_list()) >= 6
    T.delete_template(T.get_by_name("裂变活动").id)
    assert T.ensure_builtin_templates() == 0  # a deleted built-in does not come back
    assert T.get_by_name("裂变活动") is None


def test_create_from_template_computes_every_due_date(db):
    template = T.get_by_name("线下聚会")
    activity = T.create_from_template(template.id, {"title": "杭州面基", "start": START})
    items = C.steps(activity.id)
    assert len(items) == len(template.step_list())
    for item, step in zip(items, template.step_list(), strict=True):
        assert item.due_offset == step["offset"]
        assert item.due_on == START.date() + dt.timedelta(days=step["offset"])
        assert item.assignee_role == step["role"]
    assert activity.kind == "offline" and activity.template_name == "线下聚会"
    assert activity.end == START + dt.timedelta(minutes=template.duration_minutes)
    assert [d for d, _, _ in T.preview(template.id, START.date())] == [i.due_on for i in items]


def test_template_round_trip(db):
    activity = _activity(end=START + dt.timedelta(hours=2))
    helper = _member("李四")
    C.add_step(activity.id, {"title": "订场地", "due_on": dt.date(2026, 11, 21),
                             "assignee_role": "logistics"})
    C.add_step(activity.id, {"title": "签到", "due_offset": 0, "assignee_role": "checkin",
                             "assignee_member": helper, "notes": "带签到表"})
    C.add_step(activity.id, {"title": "发合影", "due_offset": 1, "assignee_role": "photo"})
    template = T.save_as_template(activity.id, "我的面基模板")
    assert [s["offset"] for s in template.step_list()] == [-14, 0, 1]  # fixed -> relative
    assert template.role_list() == ["logistics", "checkin", "photo"]
    assert template.duration_minutes == 120
    with pytest.raises(ValidationError):
        T.save_as_template(activity.id, "我的面基模板")
    new_start = dt.datetime(2027, 1, 9, 15, 0)
    copy = T.create_from_template(template.id, {"title": "新一次面基", "start": new_start})
    got = [(i.title, i.due_on, i.assignee_role, i.notes, i.assignee_member_id)
           for i in C.steps(copy.id)]
    assert got == [("订场地", dt.date(2026, 12, 26), "logistics", "", None),
                   ("签到", dt.date(2027, 1, 9), "checkin", "带签到表", None),
                   ("发合影", dt.date(2027, 1, 10), "photo", "", None)]
    assert copy.end == new_start + dt.timedelta(hours=2)


def test_attendance_points_added_and_removed(db):
    activity = _activity()
    ann, bob = _member("张三"), _member("王五")
    assert S.sign_up(activity.id, [ann, bob]) == 2
    assert S.sign_up(activity.id, [ann]) == 0  # already signed up
    assert S.check_in(activity.id, ann, dt.datetime(2026, 12, 5, 13, 55))
    assert not S.check_in(activity.id, ann)  # twice does not pay twice
    assert Member.get_by_id(ann).points == 5
    row = [s for s in S.signups(activity.id) if s.member_id == ann][0]
    assert row.attended and row.checked_in_at == dt.datetime(2026, 12, 5, 13, 55)
    assert S.undo_check_in(activity.id, ann)
    assert Member.get_by_id(ann).points == 0
    walk_in = _member("赵六")
    S.check_in(activity.id, walk_in)
    assert S.signup_counts([activity.id]) == {activity.id: (3, 1)}
    S.remove(activity.id, [walk_in])
    assert Member.get_by_id(walk_in).points == 0
    S.check_in(activity.id, bob)
    A.delete_activity(activity.id)
    assert Member.get_by_id(bob).points == 0


def test_read_api_for_week_and_overview(db):
    helper = _member("钱七")
    a = _activity(end=START + dt.timedelta(days=1))  # two days: Dec 5-6
    b = A.save_activity({"title": "答疑", "start": dt.datetime(2026, 12, 9, 20, 0)})
    gone = A.save_activity({"title": "取消的", "start": dt.datetime(2026, 12, 8, 20, 0),
                            "status": "cancelled"})
    S.sign_up(a.id, [helper])
    entries = A.activities_between(dt.date(2026, 12, 6), dt.date(2026, 12, 12))
    assert [e.activity_id for e in entries] == [a.id, gone.id, b.id]
    assert entries[0].signed_up == 1 and entries[0].kind == "offline"
    assert A.activities_between(dt.date(2026, 12, 10), dt.date(2026, 12, 12)) == []
    s1 = C.add_step(a.id, {"title": "订场地", "due_offset": -3, "assignee_role": "logistics"})
    s2 = C.add_step(b.id, {"title": "收集问题", "due_offset": -2, "assignee_member": helper})
    C.add_step(b.id, {"title": "整理", "due_offset": 0})
    C.add_step(gone.id, {"title": "取消的步骤", "due_offset": -1})
    C.set_done(s2.id, True)
    today = dt.date(2026, 12, 4)
    due = A.steps_due_between(dt.date(2026, 12, 1), dt.date(2026, 12, 7), today)
    assert [(d.step_id, d.member, d.role, d.overdue, d.done) for d in due] == [
        (s1.id, None, "logistics", True, False), (s2.id, "钱七", "owner", False, True)]
    assert due[0].activity_title == "上海面基"
    over = A.overdue_steps(dt.date(2026, 12, 9))
    assert [d.step_id for d in over] == [s1.id]  # done and cancelled ones are not overdue


def test_participation_counts_past_activities(db):
    people = [_member(n) for n in ("甲", "乙", "丙")]
    past = A.save_activity({"title": "十一月答疑", "start": dt.datetime(2026, 11, 4, 20, 0)})
    older = A.save_activity({"title": "十月答疑", "start": dt.datetime(2026, 10, 4, 20, 0)})
    A.save_activity({"title": "下周", "start": dt.datetime(2026, 12, 4, 20, 0)})
    A.save_activity({"title": "取消", "start": dt.datetime(2026, 11, 5, 20, 0),
                     "status": "cancelled"})
    S.sign_up(past.id, people)
    S.check_in(past.id, people[0])
    S.check_in(past.id, people[2])
    today = dt.date(2026, 11, 20)
    assert A.participation(today=today) == [
        (older.id, "十月答疑", dt.date(2026, 10, 4), 0, 0),
        (past.id, "十一月答疑", dt.date(2026, 11, 4), 3, 2)]
    assert A.participation(dt.date(2026, 11, 1), today=today) == [
        (past.id, "十一月答疑", dt.date(2026, 11, 4), 3, 2)]


def test_review_figures_and_list_scopes(db):
    a = _activity(status="done", new_members=4, conversions=2, income="1,200")
    figures = A.review_figures([a.id])[0]
    assert figures["income"] == Decimal("1200") and figures["conversion_rate"] is None
    assert [x.id for x in A.list_activities("past", today=dt.date(2027, 1, 1))] == [a.id]
    assert A.list_activities("upcoming", today=dt.date(2027, 1, 1)) == []
    assert [x.id for x in A.list_activities("done", search="上海")] == [a.id]


def test_promotion_goes_on_the_calendar(db):
    from models.activities import promotion as P
    from models.calendar.entries import ContentItem

    template = T.get_by_name("线下聚会")
    activity = T.create_from_template(template.id, {"title": "年末聚餐", "start": START})
    ids = P.schedule_promotion(activity.id, today=dt.date(2026, 11, 1)).created
    items = list(ContentItem.select().where(ContentItem.id.in_(ids)).order_by(ContentItem.date))
    assert [i.date for i in items] == [dt.date(2026, 11, 28), dt.date(2026, 12, 4),
                                       dt.date(2026, 12, 6)]
    assert all(i.activity_id == activity.id and "年末聚餐" in i.title for i in items)
    assert sorted(P.scheduled_ids(activity.id)) == sorted(ids)
    # Planned again: brought up to date, never added twice.
    again = P.schedule_promotion(activity.id, today=dt.date(2026, 12, 5))
    assert again.created == [] and sorted(again.updated) == sorted(ids)
    assert sorted(P.scheduled_ids(activity.id)) == sorted(ids)


def test_demo_has_past_current_and_upcoming_activities(demo_db):
    today = dt.date(2026, 11, 18)
    statuses = {a.status for a in A.Activity.select()}
    assert {"done", "planning", "cancelled"} <= statuses
    assert A.list_activities("past", today=today) and A.list_activities("upcoming", today=today)
    part = A.participation(today=today)
    assert part and all(attended <= signed for *_, signed, attended in part)
    assert any(attended for *_, attended in part)
    assert A.overdue_steps(today)
    assert not S.SignUp.select().where(S.SignUp.signed_up_on > today).exists()
    assert all(s.attended == (s.checked_in_at is not None) for s in S.SignUp.select())
