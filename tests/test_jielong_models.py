"""群接龙 -> sign-ups and check-ins: matching lines to members, the plan, the write, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from jielong_samples import ISSUE_EXAMPLE as ISSUE

from models.activities import activity as A
from models.activities import jielong as J
from models.activities import signups as S
from models.activities.jielong_match import (
    AMBIGUOUS,
    MATCHED,
    MAYBE,
    UNKNOWN,
    MemberIndex,
    decide,
    loose,
)
from models.members.cards import Member, ValidationError, save_member
from models.store import undo

START = dt.datetime(2026, 12, 13, 14, 0)
WHEN = dt.datetime(2026, 12, 13, 13, 50)


def member(name: str, **extra) -> int:
    return int(save_member({"name": name, **extra}).id)


def activity(**extra) -> int:
    return int(A.save_activity({"title": "周六读书会", "kind": "offline", "start": START,
                                **extra}).id)


def match(text: str) -> tuple[str, int | None, int]:
    found = MemberIndex([text]).candidates(text)
    code, proposed = decide(found)
    score = next((c.score for c in found if c.member_id == proposed), 0)
    return code, proposed, score


# ------------------------------------------------------------------ matching
def test_loose_keys():
    assert loose("🌸小红🌸") == "小红" and loose("Ｌｉｌｙ ") == "lily" and loose("小明-杭州") == "小明杭州"


def test_each_field_finds_the_member(db):
    ming = member("李明", nickname="小明-杭州-设计", wechat_name="Sunny晴", wechat_id="liming_88")
    assert match("李明") == (MATCHED, ming, 95)
    assert match("小明-杭州-设计") == (MATCHED, ming, 95)
    assert match("Sunny晴") == (MATCHED, ming, 90)
    assert match("liming_88") == (MATCHED, ming, 100)
    assert match("LIMING_88") == (MATCHED, ming, 100)
    assert match("小明") == (MATCHED, ming, 80)  # the first part of the 群昵称
    assert match("李明-杭州") == (MATCHED, ming, 80)  # the line's first part is the name
    assert match("🌟李明🌟") == (MATCHED, ming, 95)
    assert match("王五") == (UNKNOWN, None, 0)


def test_the_whole_nickname_wins_over_another_members_first_part(db):
    whole = member("张晓明", nickname="小明-杭州-设计")
    member("小明")  # a member whose name is the line's first part
    assert match("小明-杭州-设计") == (MATCHED, whole, 95)
    assert match("小明")[0] == MATCHED  # 小明's own name (95) beats the nickname's part (80)


def test_two_members_of_the_same_name_are_ambiguous(db):
    a, b = member("张伟", city="杭州"), member("张伟", city="上海")
    found = MemberIndex(["张伟"]).candidates("张伟")
    assert decide(found) == (AMBIGUOUS, None) and {c.member_id for c in found} == {a, b}


def test_two_first_parts_are_ambiguous(db):
    member("陈一", nickname="阿杰-北京"), member("陈二", nickname="阿杰-上海")
    assert match("阿杰")[0] == AMBIGUOUS


def test_pinyin_and_homophones_are_only_maybe(db):
    ming = member("小明")
    lei = member("王磊")
    assert match("xiaoming") == (MAYBE, ming, 70)
    assert match("Xiao Ming") == (MAYBE, ming, 70)
    assert match("王蕾") == (MAYBE, lei, 60)


def test_a_member_who_left_is_a_maybe_and_an_active_namesake_wins(db):
    gone = member("孙八", left_on=dt.date(2026, 1, 1))
    assert match("孙八") == (MAYBE, gone, 95)
    here = member("孙八")
    assert match("孙八") == (MATCHED, here, 95)


def test_latin_names_ignore_case(db):
    lily = member("Lily")
    assert match("lily") == (MATCHED, lily, 95) and match("LILY ") == (MATCHED, lily, 95)


# ------------------------------------------------------------------ plan and apply


def test_the_issue_example_signs_up_and_undo_takes_it_back(db):
    aid = activity(capacity=10)
    ming = member("李明", nickname="小明-杭州-设计")
    lily = member("Lily")
    p = J.plan(aid, ISSUE)
    assert [(r.entry.name, r.match, r.choice) for r in p.rows] == [
        ("小明-杭州-设计", MATCHED, ming), ("Lily", MATCHED, lily), ("王磊", UNKNOWN, None)]
    assert p.rows[2].add_new and J.effects(p) == [J.SIGN_UP, J.SIGN_UP, J.NEW_MEMBER]
    assert J.heads_after(p) == 1 + 3 + 1
    result = J.apply(p, when=WHEN)
    assert (result.signed_up, result.new_members) == (3, 1)
    rows = {s.member.name: s for s in S.signups(aid)}
    assert rows["Lily"].companions == 2 and rows["王磊"].note == "第一次来"
    assert rows["王磊"].member.source == J.SOURCE
    assert S.signup_counts([aid]) == {aid: (5, 0)}
    assert undo.label_of(undo.latest()) == "粘贴接龙：3 人报名"
    undo.undo()
    assert S.signups(aid) == [] and not Member.select().where(Member.name == "王磊").exists()
    assert Member.select().count() == 2


def test_repaste_adds_only_new_lines_and_lists_vanished_ones(db):
    aid = activity()
    a, b, c = member("张三"), member("李四"), member("王五")
    J.apply(J.plan(aid, "#接龙\n读书会\n1. 张三\n2. 李四 +1\n3. 王五"))
    S.sign_up(aid, [member("赵六")])  # signed up by hand: never "vanished"
    again = J.plan(aid, "#接龙\n读书会\n1. 张三\n2. 李四 +2(已改)\n3. 钱七")
    assert [r.match for r in again.rows] == [J.KNOWN, MATCHED, UNKNOWN]
    assert J.effects(again) == [J.NONE, J.UPDATE, J.NEW_MEMBER]
    assert [(v.member_id, v.name) for v in again.vanished] == [(c, "王五")]
    result = J.apply(again)  # vanished kept by default
    assert (result.signed_up, result.updated, result.removed) == (1, 1, 0)
    assert {s.member.name: s.companions for s in S.signups(aid)} == {
        "张三": 0, "李四": 2, "王五": 0, "赵六": 0, "钱七": 0}
    third = J.plan(aid, "#接龙\n读书会\n1. 张三\n2. 李四 +2(已改)\n3. 钱七")
    assert [r.match for r in third.rows] == [J.KNOWN] * 3
    assert J.apply(third, remove=[third.vanished[0].signup_id]).removed == 1
    left = {s.member_id for s in S.signups(aid)}
    assert c not in left and {a, b} <= left and len(left) == 4


def test_the_same_member_on_two_lines_is_signed_up_once(db):
    aid = activity()
    ming = member("李明", nickname="小明-杭州")
    p = J.plan(aid, "#接龙\nt\n1. 小明-杭州\n2. 李明 +1")
    assert J.effects(p) == [J.SIGN_UP, J.DUPLICATE]
    J.apply(p)
    assert [(s.member_id, s.companions) for s in S.signups(aid)] == [(ming, 0)]


def test_ambiguous_lines_are_skipped_until_a_member_is_picked(db):
    aid = activity()
    a, _b = member("张伟", city="杭州"), member("张伟", city="上海")
    p = J.plan(aid, "#接龙\nt\n1. 张伟")
    assert p.rows[0].match == AMBIGUOUS and J.effects(p) == [J.SKIP]
    p.rows[0].choice = a
    assert J.effects(p) == [J.SIGN_UP]
    J.apply(p)
    assert [s.member_id for s in S.signups(aid)] == [a]


def test_an_unknown_line_can_be_skipped(db):
    aid = activity()
    p = J.plan(aid, "#接龙\nt\n1. 陌生人")
    p.rows[0].add_new = False
    assert J.effects(p) == [J.SKIP]
    result = J.apply(p)
    assert result.undo_id is None and Member.select().count() == 0


def test_a_new_card_from_a_city_job_nickname(db):
    aid = activity()
    J.apply(J.plan(aid, "#接龙\nt\n1. 阿花-成都-摄影\n2. Lily Chen\n3. 老周 已付"))
    cards = {m.name: m.nickname for m in Member.select()}
    assert cards == {"阿花": "阿花-成都-摄影", "Lily Chen": "", "老周": "老周 已付"}


def test_over_capacity_is_counted_with_companions(db):
    aid = activity(capacity=3)
    member("张三")
    p = J.plan(aid, "#接龙\nt\n1. 张三 +2\n2. 李四")
    assert p.capacity == 3 and J.heads_after(p) == 4
    J.apply(p)  # the owner decided: over capacity is allowed
    assert S.signup_counts([aid]) == {aid: (4, 0)}


def test_a_member_deleted_meanwhile_is_refused_with_the_line(db):
    aid = activity()
    gone = member("张三")
    p = J.plan(aid, "#接龙\nt\n\n1. 张三")
    Member.delete_by_id(gone)
    with pytest.raises(ValidationError, match="第 4 行"):
        J.apply(p)
    assert S.signups(aid) == []


def test_a_deleted_activity(db):
    aid = activity()
    p = J.plan(aid, "#接龙\nt\n1. 张三")
    A.delete_activity(aid)
    with pytest.raises(A.ActivityGone):
        J.apply(p)
    with pytest.raises(A.ActivityGone):
        J.plan(aid, "1. 张三")


# ------------------------------------------------------------------ check-in
def test_checkin_paste_marks_attendance_and_points(db):
    aid = activity()
    a, b = member("张三"), member("李四")
    J.apply(J.plan(aid, "#接龙\nt\n1. 张三 +1\n2. 李四"))
    p = J.plan(aid, "#接龙\n读书会签到\n1. 张三+2\n2. 王五", mode="checkin")
    assert J.effects(p) == [J.CHECK_IN, J.NEW_MEMBER]
    assert J.attended_after(p) == 3 + 1 and J.heads_after(p) == 3 + 1 + 1
    result = J.apply(p, when=WHEN)
    assert (result.checked_in, result.new_members) == (2, 1)
    rows = {s.member.name: s for s in S.signups(aid)}
    assert rows["张三"].attended and rows["张三"].checked_in_at == WHEN
    assert rows["张三"].companions == 2  # who really came
    assert rows["王五"].attended and not rows["李四"].attended  # a walk-in, and a no-show
    assert Member.get_by_id(a).points == 5 and Member.get_by_id(b).points == 0
    assert S.signup_counts([aid]) == {aid: (5, 4)}
    assert undo.label_of(undo.latest()) == "粘贴签到接龙：2 人签到"
    undo.undo()
    rows = {s.member.name: s for s in S.signups(aid)}
    assert set(rows) == {"张三", "李四"} and not rows["张三"].attended
    assert rows["张三"].companions == 1 and Member.get_by_id(a).points == 0


def test_checkin_repaste_and_vanished_check_ins(db):
    aid = activity()
    a, b = member("张三"), member("李四")
    J.apply(J.plan(aid, "#接龙\nt\n1. 张三\n2. 李四", mode="checkin"))
    again = J.plan(aid, "#接龙\nt\n1. 张三", mode="checkin")
    assert [r.match for r in again.rows] == [J.KNOWN]
    assert [v.member_id for v in again.vanished] == [b]
    J.apply(again, remove=[again.vanished[0].signup_id])
    rows = {s.member_id: s for s in S.signups(aid)}
    assert rows[a].attended and not rows[b].attended  # still signed up, no longer checked in
    assert Member.get_by_id(b).points == 0
    assert J.effects(J.plan(aid, "1. 张三\n2. 李四", mode="checkin")) == [J.NONE, J.CHECK_IN]


def test_head_counts_include_companions_where_people_are_counted(db):
    """The activity list, the weekly plan, the review and the Overview's participation
    count people (companions too); the lists behind the Overview's bars are members."""
    from models.stats.members import signup_ids

    aid = activity(capacity=5)
    a = member("张三")
    member("李四")
    J.apply(J.plan(aid, "#接龙\nt\n1. 张三 +2\n2. 李四"))
    S.check_in(aid, a)
    assert S.signup_counts([aid]) == {aid: (4, 3)} and S.companion_counts([aid]) == {aid: 2}
    week = A.activities_between(START.date(), START.date())
    assert [(e.activity_id, e.signed_up) for e in week] == [(aid, 4)]
    review = A.review_figures([aid])[0]
    assert (review["signed_up"], review["attended"]) == (4, 3)
    assert len(signup_ids(aid)) == 2
    past = A.participation(today=START.date() + dt.timedelta(days=1))
    assert [(r[0], r[3], r[4]) for r in past] == [(aid, 4, 3)]
