"""Message templates on screen: the manager, 复制给下一位 from a selection, the queue and
an activity, with the clipboard, the follow-up log, the friend limit and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from models.activities import signups
from models.activities.activity import save_activity
from models.members import followups
from models.members.cards import Member, save_member
from models.members.groups import add_to_group, save_group
from models.outreach import templates
from models.store import settings, undo
from ui.accessibility import CONTROLS, spoken_name

TODAY = dt.date(2026, 12, 1)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _builtin(key: str) -> templates.Template:
    return next(t for t in templates.templates() if t.builtin_key == key)


def _unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(root) and not spoken_name(w)
            and not isinstance(w.parentWidget(), CONTROLS)]


@pytest.fixture
def club(workspace):
    group = save_group({"name": "杭州读书群"})
    ids = []
    for name, nickname in (("王小明", "小明-杭州-设计"), ("陈丽", "Lily"), ("张三", ""),
                           ("李四", "阿四-上海")):
        member = save_member({"name": name, "nickname": nickname, "is_friend": True})
        ids.append(member.id)
    add_to_group(ids, group.id)
    activity = save_activity({"title": "周六读书会", "start": dt.datetime(2026, 12, 12, 14, 0),
                              "place": "西湖文化广场", "group_ids": [group.id]})
    signups.sign_up(activity.id, ids[:3])
    return {"ids": ids, "activity": activity.id, "workspace": workspace}


def _send(qtbot, workspace, ids, **kw):
    from ui.outreach.send_dialog import SendDialog

    dialog = SendDialog(workspace, ids, today=TODAY, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # window shortcuts need the active window
    QApplication.processEvents()
    return dialog


def test_copy_for_next_copies_logs_and_moves_on(qtbot, club):
    workspace, ids = club["workspace"], club["ids"]
    said: list[str] = []
    workspace.status_message.connect(said.append)
    dialog = _send(qtbot, workspace, ids[:3], kind="birthday")
    birthday = _builtin("birthday")
    assert dialog.template_id() == birthday.id
    assert dialog.who.text() == "第 1/3 位：王小明"
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Return)  # Enter: the default button
    assert QGuiApplication.clipboard().text().startswith("小明，生日快乐！")
    assert [(f.channel, f.note, f.date) for f in followups.history(ids[0])] == [
        ("wechat", "生日祝福", TODAY)]
    assert said[-1] == "已复制给 王小明，已记跟进"
    assert dialog.who.text() == "第 2/3 位：陈丽"
    assert "✓" in dialog.list.item(0).text()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_S, CTRL_SHIFT)  # skip: nothing logged
    assert followups.history(ids[1]) == []
    assert dialog.who.text() == "第 3/3 位：张三"
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter works in the text too
    assert QGuiApplication.clipboard().text().startswith("张三，生日快乐！")
    assert dialog.who.text() == "全部处理完"
    assert dialog.status.text() == "已复制 2 位，跳过 1 位。"
    assert not dialog.copy_button.isEnabled()
    assert len(followups.history(ids[2])) == 1
    # Edit > Undo takes the logged follow-ups back, one message at a time.
    assert undo.undo() and followups.history(ids[2]) == []
    assert undo.undo() and followups.history(ids[0]) == []
    assert Member.get_by_id(ids[0]).last_contact_on is None


def test_a_text_with_a_placeholder_left_is_not_copied(qtbot, club):
    workspace, ids = club["workspace"], club["ids"]
    own = templates.create("昵称问候", "followup", "{群昵称}，你好")
    dialog = _send(qtbot, workspace, [ids[2], ids[0]])
    dialog.template.setCurrentIndex(dialog.template.findData(own))
    assert dialog.text.toPlainText() == "{群昵称}，你好"  # 张三 has no group nickname
    assert "群昵称" in dialog.problems.text()
    QGuiApplication.clipboard().setText("before")
    dialog.copy_next()
    assert QGuiApplication.clipboard().text() == "before"
    assert followups.history(ids[2]) == [] and dialog.index == 0
    assert "{群昵称}" in dialog.problems.text()
    dialog.text.setPlainText("三哥，你好")  # the owner fixes the text
    dialog.copy_next()
    assert QGuiApplication.clipboard().text() == "三哥，你好"
    assert dialog.index == 1 and dialog.text.toPlainText() == "小明-杭州-设计，你好"


def test_the_friend_limit_holds_from_a_selection(qtbot, workspace):
    settings.put("daily_friend_limit", 2)
    settings.put("community_name", "AI 实战派")  # {群名} for members in no group
    strangers = [save_member({"name": f"新人{i}"}).id for i in range(4)]
    followups.mark_friend([strangers[3]], TODAY)  # one add made today already
    said: list[str] = []
    workspace.status_message.connect(said.append)
    dialog = _send(qtbot, workspace, strangers, kind="welcome")
    assert "加好友" in dialog.list.item(0).text()
    dialog.copy_next()  # the one add left today
    assert Member.get_by_id(strangers[0]).friend_added_on == TODAY
    # 新人1 and 新人2 would be friend adds beyond the limit: skipped with a word
    assert followups.history(strangers[1]) == [] and followups.history(strangers[2]) == []
    assert any("新人2 还不是好友，今天加好友已到上限，跳过" == s for s in said)
    assert "超出加好友上限" in dialog.list.item(1).text()
    assert dialog.who.text() == "第 4/4 位：新人3"  # a friend already: no limit
    dialog.copy_next()
    assert len(followups.history(strangers[3])) == 1
    assert dialog.status.text() == "已复制 2 位，跳过 2 位。"


def test_from_the_contact_queue(qtbot, workspace):
    from ui.members.contact_queue import ContactQueueDialog

    settings.put("daily_friend_limit", 1)
    settings.put("community_name", "AI 实战派")
    due = save_member({"name": "甲", "next_contact_on": "2026-11-20", "is_friend": True})
    new = [save_member({"name": f"新人{i}", "joined_on": "2026-10-01"}).id for i in range(3)]
    queue = ContactQueueDialog(workspace, today=TODAY)
    qtbot.addWidget(queue)
    assert queue.table.rowCount() == 2  # one due, one friend add (the limit)
    dialog = queue.send_with_template()
    qtbot.addWidget(dialog)
    assert [p.member_id for p in dialog.people] == [due.id, new[0]]
    assert "跟进逾期" in dialog.list.item(0).text()
    dialog.copy_next()
    dialog.copy_next()
    assert Member.get_by_id(due.id).next_contact_on is None  # done
    assert Member.get_by_id(new[0]).friend_added_on == TODAY
    assert [f.note for f in followups.history(new[0])] == ["跟进开场"]
    dialog.close()
    assert queue.table.rowCount() == 0  # nobody due; no friend add left today


def test_todays_birthdays_lead_the_queue_with_the_birthday_greeting(qtbot, workspace):
    from models.members.lunar import from_solar
    from ui.members.contact_queue import ContactQueueDialog

    settings.put("daily_friend_limit", 0)
    settings.put("community_name", "AI 实战派")  # the greeting names the community
    lunar = from_solar(TODAY)  # a lunar birthday that falls today
    born = save_member({"name": "寿星", "birthday": type(lunar)(lunar.month, lunar.day,
                                                                lunar.leap), "is_friend": True})
    due = save_member({"name": "甲", "next_contact_on": "2026-11-20", "is_friend": True})
    queue = ContactQueueDialog(workspace, today=TODAY)
    qtbot.addWidget(queue)
    assert queue.table.rowCount() == 2
    assert [queue.table.item(r, 1).text() for r in range(2)][0] == "今天生日"
    assert queue.summary.text().startswith("今天 1 人生日；")
    queue.table.selectRow(0)
    dialog = queue.send_with_template()
    qtbot.addWidget(dialog)
    assert [p.member_id for p in dialog.people] == [born.id, due.id]
    assert dialog.template_id() == _builtin("birthday").id
    dialog.copy_next()
    assert [f.note for f in followups.history(born.id)][0].startswith("生日祝福")


def test_from_the_member_list_selection(qtbot, club):
    from ui.members.page import MembersPage

    page = MembersPage(club["workspace"])
    qtbot.addWidget(page)
    page.table.selectAll()
    dialog = page.send_to_selected()
    qtbot.addWidget(dialog)
    assert sorted(p.member_id for p in dialog.people) == sorted(club["ids"])
    assert dialog.template_id() == _builtin("followup").id


def test_an_activity_reminder_for_the_group_and_one_by_one(qtbot, club):
    from ui.outreach.activity_reminder import ReminderButton

    holder = QWidget()
    holder.workspace = club["workspace"]  # what a screen holds
    qtbot.addWidget(holder)
    button = ReminderButton(lambda: club["activity"], holder)
    group = button.group_message()
    assert group.text.toPlainText().endswith("@Lily @小明-杭州-设计 @张三")
    assert group.text.toPlainText().startswith("【活动提醒】「周六读书会」12月12日（周六）14:00开始")
    assert group.count.text() == "@ 3 位已报名成员"
    group.copy()
    assert QGuiApplication.clipboard().text() == group.text.toPlainText()
    assert not any(followups.history(m) for m in club["ids"])  # a group message logs nothing
    person = button.one_by_one()
    assert len(person.people) == 3
    assert person.template_id() == _builtin("reminder").id
    assert "「周六读书会」将在12月12日（周六）14:00开始" in person.text.toPlainText()
    assert not _unnamed(group) and not _unnamed(person)


def test_the_templates_manager(qtbot, club, no_dialogs):
    from ui.outreach.templates_dialog import TemplatesDialog

    dialog = TemplatesDialog(club["workspace"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == len(templates.templates())
    assert not _unnamed(dialog)
    dialog.new_template()
    own = dialog.current_id()
    assert templates.get(own).name == "新模板"
    dialog.name.setText("读书会邀请")
    dialog.body.setPlainText("{称呼}，{活动}见！{生日}")
    assert "{生日}" in dialog.problems.text() and dialog.problems.isVisibleTo(dialog)
    assert dialog.preview.toPlainText() == "Lily，周六读书会见！{生日}"  # the first member (陈丽)
    assert "不认识：{生日}" in dialog.preview_problems.text()
    dialog.save()
    assert templates.get(own).body == "{称呼}，{活动}见！{生日}"
    # a built-in, edited then restored
    welcome = _builtin("welcome").id
    dialog.reload(welcome)
    assert not dialog.restore_button.isVisibleTo(dialog)
    dialog.body.setPlainText("欢迎{称呼}！")
    dialog.save()
    assert templates.get(welcome).edited and dialog.restore_button.isVisibleTo(dialog)
    dialog.restore_builtin()
    assert templates.get(welcome).body.startswith("{称呼}你好，欢迎加入{群名}")
    # delete a built-in and bring it back
    dialog.reload(welcome)
    dialog.delete()
    assert welcome not in {t.id for t in templates.templates()}
    assert dialog.bring_back.isVisibleTo(dialog)
    dialog.restore_hidden()
    assert welcome in {t.id for t in templates.templates()}
    # unsaved edits are offered for saving when moving to another template
    dialog.reload(own)
    dialog.name.setText("改过的名字")
    dialog._edited()
    dialog.list.setCurrentRow(0)
    assert templates.get(own).name == "改过的名字"
    assert any(kind == "confirm" for kind, _ in no_dialogs)


def test_the_main_window_offers_the_templates(controller, tmp_path, qtbot):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    edit = next(a.menu() for a in window.menuBar().actions() if "编辑" in a.text())
    entry = next(a for a in edit.actions() if a.text() == "消息模板(&M)…")
    entry.trigger()
    from ui.outreach.templates_dialog import TemplatesDialog

    shown = [w for w in window.findChildren(TemplatesDialog) if w.isVisible()]
    assert shown
    shown[0].close()


def test_a_read_only_workspace_previews_but_logs_nothing(qtbot, club):
    workspace, ids = club["workspace"], club["ids"]
    workspace.set_read_only("why_opened_for_reading")
    dialog = _send(qtbot, workspace, ids[:2], kind="birthday")
    assert dialog.text.toPlainText().startswith("小明，生日快乐")
    assert not dialog.copy_button.isEnabled()
    dialog.copy_next()
    assert followups.history(ids[0]) == [] and dialog.index == 0
    from ui.outreach.templates_dialog import TemplatesDialog

    manager = TemplatesDialog(workspace)
    qtbot.addWidget(manager)
    assert not manager.new_button.isEnabled() and manager.body.isReadOnly()
