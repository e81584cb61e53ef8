"""Message templates in the workspace: built-ins per language, the owner's edits, undo,
filling for real members and activities, and the copy-for-next log with the friend limit."""

from __future__ import annotations

import datetime as dt

import pytest

from models import messages
from models.activities import signups
from models.activities.activity import save_activity
from models.members import followups
from models.members.cards import Member, ValidationError, save_member
from models.members.groups import add_to_group, save_group
from models.outreach import contact, templates
from models.outreach.builtins import BUILTINS
from models.store import settings, undo

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def english():
    messages.set_language("en")
    yield
    messages.set_language("zh")


def _builtin(key: str) -> templates.Template:
    return next(t for t in templates.templates() if t.builtin_key == key)


def test_a_new_workspace_has_every_builtin_in_the_app_language(db, english):
    shown = templates.templates()
    assert {t.builtin_key for t in shown} == {b.key for b in BUILTINS}
    welcome = _builtin("welcome")
    assert welcome.name == "Welcome" and welcome.body.startswith("Hi {salutation}")
    messages.set_language("zh")
    welcome = _builtin("welcome")
    assert welcome.name == "新人欢迎" and welcome.body.startswith("{称呼}你好")
    assert welcome.language == "zh"
    assert [t.kind for t in shown] == sorted((t.kind for t in shown), key=(
        "welcome", "birthday", "reminder", "followup", "renewal", "other").index)


def test_seeding_is_done_once(db):
    assert templates.ensure_builtins() == 0
    assert len(templates.templates()) == len(BUILTINS)


def test_of_kind_and_the_kind_first(db):
    assert [t.builtin_key for t in templates.of_kind("reminder")] == ["reminder", "group_reminder"]
    assert templates.templates("birthday")[0].kind == "birthday"


def test_an_edited_builtin_keeps_the_owners_words_in_every_language(db, english):
    welcome = _builtin("welcome")
    templates.update(welcome.id, "进群欢迎", "welcome", "欢迎{称呼}！")
    for language in ("en", "zh"):
        messages.set_language(language)
        now = templates.get(welcome.id)
        assert (now.name, now.body, now.edited, now.builtin) == ("进群欢迎", "欢迎{称呼}！", True, True)
    templates.restore_builtin(welcome.id)
    assert templates.get(welcome.id).body.startswith("{称呼}你好")
    messages.set_language("en")
    assert templates.get(welcome.id).name == "Welcome"
    assert not templates.get(welcome.id).edited


def test_create_edit_duplicate_delete_and_undo(db):
    own = templates.create(" 老朋友问候 ", "followup", "{称呼}，最近好吗？\r\n")
    assert templates.get(own).name == "老朋友问候"
    assert templates.get(own).body == "{称呼}，最近好吗？"
    copy = templates.duplicate(own)
    assert templates.get(copy).name == "老朋友问候（副本）"
    templates.update(copy, "问候2", "bogus-kind", "hi")
    assert templates.get(copy).kind == "other"
    templates.delete(copy)
    with pytest.raises(ValidationError):
        templates.get(copy)
    assert undo.latest() is not None and "删除消息模板" in undo.label_of(undo.latest())
    undo.undo()
    assert templates.get(copy).name == "问候2"
    undo.undo()  # the edit
    assert templates.get(copy).name == "老朋友问候（副本）"
    undo.undo()  # the duplicate
    undo.undo()  # the creation
    assert all(t.builtin for t in templates.templates())


def test_deleting_a_builtin_hides_it_and_restore_brings_it_back(db):
    birthday = _builtin("birthday")
    templates.delete(birthday.id)
    assert birthday.id not in {t.id for t in templates.templates()}
    assert [t.id for t in templates.hidden_builtins()] == [birthday.id]
    assert templates.ensure_builtins() == 0  # a hidden one does not come back by itself
    assert templates.restore_hidden() == 1
    assert birthday.id in {t.id for t in templates.templates()}
    undo.undo()
    assert templates.hidden_builtins()
    templates.restore_builtin(birthday.id)  # restoring one shows it too
    assert not templates.hidden_builtins()


@pytest.mark.parametrize("name, body, field", [
    ("", "text", "name"), ("  ", "text", "name"), ("名", "", "body"), ("名", " \n ", "body"),
    ("名", "x" * 5001, "body"),
])
def test_bad_templates_are_refused_with_a_word(db, name, body, field):
    with pytest.raises(ValidationError) as caught:
        templates.create(name, "other", body)
    assert field in caught.value.errors


def test_edits_of_a_template_gone_are_refused(db):
    own = templates.create("a", "other", "b")
    templates.delete(own)
    with pytest.raises(ValidationError):
        templates.update(own, "a", "other", "c")


@pytest.fixture
def club(db):
    group = save_group({"name": "杭州读书群"})
    other = save_group({"name": "设计交流群"})
    ming = save_member({"name": "王小明", "nickname": "小明-杭州-设计", "city": "杭州"})
    lily = save_member({"name": "陈丽", "nickname": "Lily Chen", "wechat_name": "Lily"})
    zhang = save_member({"name": "张三"})
    add_to_group([ming.id, lily.id], group.id)
    add_to_group([zhang.id, ming.id], other.id)
    activity = save_activity({"title": "周六读书会", "start": dt.datetime(2026, 12, 12, 14, 0),
                              "end": dt.datetime(2026, 12, 12, 16, 0), "place": "西湖文化广场",
                              "group_ids": [group.id]})
    signups.sign_up(activity.id, [ming.id, lily.id, zhang.id])
    return {"group": group, "ming": ming.id, "lily": lily.id, "zhang": zhang.id,
            "activity": activity.id}


def test_a_member_reminder_in_chinese(club):
    reminder = _builtin("reminder")
    filled = contact.render(reminder.id, club["ming"], club["activity"], TODAY)
    assert filled.complete
    assert filled.text.startswith("小明，提醒一下：你报名的「周六读书会」将在12月12日（周六）"
                                  "14:00-16:00开始，地点：西湖文化广场。")


def test_a_member_reminder_in_english(club, english):
    reminder = _builtin("reminder")
    filled = contact.render(reminder.id, club["lily"], club["activity"], TODAY)
    assert filled.text.startswith("Hi Lily, a quick reminder: “周六读书会”, which you signed up "
                                  "for, starts on Sat 12 Dec at 14:00-16:00, at 西湖文化广场.")


def test_without_an_activity_its_placeholders_are_missing(club):
    filled = contact.render(_builtin("reminder").id, club["ming"], None, TODAY)
    assert filled.missing == ["activity", "date", "time", "place"]
    assert "{活动}" in filled.text


def test_the_group_placeholder(club):
    welcome = _builtin("welcome").id
    # the activity's group the member is in; else the activity's; else the member's own
    values = contact.member_values([club["ming"], club["zhang"]], club["activity"])
    assert values[club["ming"]]["group"] == "杭州读书群"
    assert values[club["zhang"]]["group"] == "杭州读书群"
    assert contact.render(welcome, club["zhang"]).text.startswith("张三你好，欢迎加入设计交流群！")
    lonely = save_member({"name": "赵六"})
    assert contact.render(welcome, lonely.id).missing == ["group"]
    settings.put("community_name", "AI 实战派")
    assert "欢迎加入AI 实战派" in contact.render(welcome, lonely.id).text


def test_an_empty_nickname_is_missing_but_the_salutation_falls_back(club):
    own = templates.create("昵称", "other", "{称呼}/{群昵称}/{姓名}")
    filled = contact.render(own, club["zhang"])
    assert filled.text == "张三/{群昵称}/张三" and filled.missing == ["nickname"]


def test_the_group_message_ats_everyone_signed_up(club):
    group = _builtin("group_reminder").id
    filled, names = contact.group_message(group, club["activity"], TODAY)
    assert names == ["Lily Chen", "小明-杭州-设计", "张三"]  # 陈 王 张: name order
    assert filled.text == ("【活动提醒】「周六读书会」12月12日（周六）14:00-16:00开始，地点：西湖文化广场。"
                           "已报名的朋友记得准时参加～\n\n@Lily Chen @小明-杭州-设计 @张三")
    personal, _ = contact.group_message(_builtin("reminder").id, club["activity"], TODAY)
    assert personal.text.startswith("大家，提醒一下")


def test_left_members_are_not_reminded(club):
    Member.update(left_on=TODAY).where(Member.id == club["zhang"]).execute()
    assert contact.signed_up_ids(club["activity"]) == [club["lily"], club["ming"]]


def test_logging_a_message_is_one_undoable_follow_up(club):
    Member.update(is_friend=True).execute()
    Member.update(next_contact_on=TODAY).where(Member.id == club["ming"]).execute()
    Member.update(next_contact_on=TODAY + dt.timedelta(days=9)).where(
        Member.id == club["lily"]).execute()
    birthday = _builtin("birthday")
    assert contact.log_sent(club["ming"], birthday.id, TODAY) is False
    contact.log_sent(club["lily"], birthday.id, TODAY)
    logged = followups.history(club["ming"])
    assert [(f.channel, f.note, f.date) for f in logged] == [("wechat", "生日祝福", TODAY)]
    ming = Member.get_by_id(club["ming"])
    assert ming.last_contact_on == TODAY and ming.next_contact_on is None  # the due one: done
    assert Member.get_by_id(club["lily"]).next_contact_on == TODAY + dt.timedelta(days=9)
    assert "给陈丽发“生日祝福”并记跟进" == undo.label_of(undo.latest())
    undo.undo()
    undo.undo()
    assert followups.history(club["ming"]) == [] and followups.history(club["lily"]) == []
    ming = Member.get_by_id(club["ming"])
    assert ming.next_contact_on == TODAY and ming.last_contact_on is None


def test_a_stranger_counts_as_a_friend_add_up_to_the_daily_limit(club):
    settings.put("daily_friend_limit", 2)
    followups.mark_friend([club["zhang"]], TODAY)  # one add already made today
    assert contact.friend_room(TODAY) == 1
    welcome = _builtin("welcome").id
    people = contact.people([club["ming"], club["lily"], club["zhang"]])
    assert contact.blocked_by_limit(people, TODAY) == {club["lily"]}
    assert contact.log_sent(club["ming"], welcome, TODAY) is True
    assert Member.get_by_id(club["ming"]).friend_added_on == TODAY
    with pytest.raises(ValidationError) as caught:
        contact.log_sent(club["lily"], welcome, TODAY)
    assert "陈丽 跳过" in str(caught.value) and "每日上限 2" in str(caught.value)
    assert followups.history(club["lily"]) == []
    contact.log_sent(club["zhang"], welcome, TODAY)  # a friend already: no limit
    undo.undo()
    undo.undo()
    ming = Member.get_by_id(club["ming"])
    assert not ming.is_friend and ming.friend_added_on is None
    assert contact.friend_room(TODAY) == 1


def test_people_keep_the_order_and_drop_the_deleted(club):
    found = contact.people([club["zhang"], 9999, club["ming"], club["zhang"]])
    assert [p.member_id for p in found] == [club["zhang"], club["ming"]]
    with pytest.raises(ValidationError):
        contact.log_sent(9999, _builtin("welcome").id, TODAY)
