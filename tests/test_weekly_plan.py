"""models.week.plan: the assembled plan of a known week (no Qt)."""

from __future__ import annotations

import datetime as dt

from weekplan_data import MONDAY, TODAY, build_week, d

from models.week import plan as weekly_plan
from models.week.plan import SECTIONS, assemble, save_note, week_start


def test_week_start_is_monday():
    assert week_start(d(16)) == MONDAY
    assert week_start(d(22)) == MONDAY
    assert week_start(d(23)) == d(23)


def test_days_run_monday_to_sunday(db):
    plan = assemble(d(19), today=TODAY)
    assert [day.date for day in plan.days] == [MONDAY + dt.timedelta(days=i) for i in range(7)]
    assert (plan.start, plan.end) == (MONDAY, d(22))
    assert all(day.is_empty for day in plan.days)
    assert plan.sections == frozenset(SECTIONS)


def test_known_week(db):
    ids = build_week()
    plan = assemble(d(20), today=TODAY)
    by_day = {day.date: day for day in plan.days}

    monday = by_day[d(16)]
    assert [(e.title, e.start_time, e.groups) for e in monday.content] == [
        ("AI 工具早报", dt.time(8, 0), ("AI 实战派 1 群",))]
    wednesday = by_day[d(18)]
    titles = [e.title for e in wednesday.content]
    assert titles == ["Prompt 写作分享", "每周三读书会"]  # sorted by time
    assert wednesday.content[0].presenter == "刘佳琪"
    assert [e.title for e in by_day[d(25 - 7)].content] == titles

    saturday = by_day[d(21)]
    assert [a.title for a in saturday.activities] == ["上海线下面基"]
    assert saturday.activities[0].place == "静安寺咖啡馆"
    assert [(s.title, s.due) for s in by_day[d(20)].steps] == [("发布活动提醒", d(20))]
    assert [s.title for s in by_day[d(22)].steps] == ["整理活动照片"]

    # Birthdays: any birth year, active members only (赵雨桐 left on 11-12).
    assert [(b.name, b.date, b.age) for b in by_day[d(19)].birthdays] == [
        ("张晓燕", d(19), 36)]
    assert not by_day[d(17)].birthdays
    assert [(f.name, f.due) for f in by_day[d(20)].followups] == [("张晓燕", d(20))]

    # Overdue before the week: the draft announcement, the poster step, 陈博文's follow-up.
    assert [e.title for e in plan.overdue_content] == ["群规更新公告"]
    assert [s.title for s in plan.overdue_steps] == ["制作宣传海报"]
    assert [f.name for f in plan.overdue_followups] == ["陈博文"]
    assert plan.overdue_counts == {"content": 1, "steps": 1, "followups": 1}

    assert [(g.name, g.count, g.capacity) for g in plan.near_capacity] == [
        ("AI 实战派 1 群", 3, 3)]
    assert plan.previous_week == (d(9), d(15))
    assert [m.name for m in plan.joined] == ["王思远"] and plan.joined_total == 1
    assert [m.name for m in plan.left] == ["赵雨桐"] and plan.left_total == 1
    assert [(c.name, c.points) for c in plan.contributors] == [("张晓燕", 50), ("王思远", 10)]
    assert plan.note == "本周重点：筹备线下面基"
    assert ids["activity"] == saturday.activities[0].activity_id


def test_sections_limit_what_is_assembled(db):
    build_week()
    plan = assemble(d(18), today=TODAY, sections={"birthdays", "notes", "bogus"})
    assert plan.sections == frozenset({"birthdays", "notes"})
    assert all(not day.content and not day.steps and not day.activities for day in plan.days)
    assert sum(len(day.birthdays) for day in plan.days) == 1
    assert not plan.contributors and not plan.overdue_content and plan.note


def test_past_week_overdue_only_before_the_week(db):
    build_week()
    plan = assemble(d(9), today=TODAY)  # the week before: 群规更新公告 is on its own day
    tuesday = plan.days[1]
    assert [(e.title, e.overdue) for e in tuesday.content] == [("群规更新公告", True)]
    assert plan.overdue_content == []


def test_leap_day_birthday_in_common_year(db):
    from models.members.cards import Member

    Member.create(name="闰日", birthday=dt.date(2000, 2, 29))
    plan = assemble(dt.date(2027, 2, 24), today=TODAY, sections={"birthdays"})
    assert [(b.name, b.date) for b in plan.days[6].birthdays] == [("闰日", dt.date(2027, 2, 28))]


def test_followups_capped_per_day(db, monkeypatch):
    from models.members.cards import Member

    monkeypatch.setattr(weekly_plan, "FOLLOWUPS_PER_DAY", 2)
    for n in range(5):
        Member.create(name=f"成员{n}", next_contact_on=d(17))
    day = assemble(d(17), today=TODAY, sections={"followups"}).days[1]
    assert len(day.followups) == 2 and day.followups_more == 3


def test_notes_save_update_and_clear(db):
    assert weekly_plan.get_note(d(20)) == ""
    save_note(d(17), "  第一版  ")
    save_note(d(22), "第二版\n两行")
    assert weekly_plan.get_note(MONDAY) == "第二版\n两行"
    assert weekly_plan.WeekNote.select().count() == 1
    save_note(d(16), "")
    assert weekly_plan.WeekNote.select().count() == 0
