"""The member card and the tag / group / contact-queue / levels dialogs, driven like a user."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from models.members import contributions, followups, groups, tags
from models.members.cards import CustomField, Member, custom_values, save_member
from models.store import settings, undo
from ui.workspace import Changed


@pytest.fixture
def changes(workspace) -> list[str]:
    seen: list[str] = []
    workspace.data_changed.connect(seen.append)
    return seen


def card(qtbot, workspace, member_id=None):
    from ui.members.card_dialog import MemberCardDialog

    dialog = MemberCardDialog(workspace, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_open_card_follows_tag_changes_made_elsewhere(qtbot, workspace, db):
    m = save_member({"name": "张三"})
    a, b, d = (tags.get_or_create_tag(n) for n in ("早鸟", "潜水", "讲师"))
    e = tags.get_or_create_tag("分享嘉宾")
    tags.set_member_tags(m.id, [a.id, b.id, d.id])
    dialog = card(qtbot, workspace, m.id)
    dialog.tags.remove_tag(b.id)  # unsaved edits on the card
    dialog.tags.add_tag("新标签")
    dialog.tags.name.setEditText("正在输")
    tags.rename_tag(a.id, "早鸟会员")  # meanwhile, in the tag manager
    tags.merge_tags(d.id, e.id)
    workspace.data_changed.emit(Changed.TAGS)
    assert [name for _, name, _ in dialog.tags.chips.tags()] == ["分享嘉宾", "新标签", "早鸟会员"]
    assert dialog.tags.name.currentText() == "正在输"
    assert dialog.save()
    assert {t.name for t in tags.tags_of(m.id)} == {"分享嘉宾", "新标签", "早鸟会员"}


def test_create_member_through_the_card(qtbot, workspace, changes):
    dialog = card(qtbot, workspace)
    assert not dialog.save_button.isEnabled()  # no name yet
    dialog.editors["name"].insert("张三")  # typed (QTest cannot key in Chinese)
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.editors["phone"], "+86 138-0013-8000")
    qtbot.keyClicks(dialog.editors["wechat_id"], "zhangsan_88")
    qtbot.keyClicks(dialog.editors["birthday"].solar, "1990/3/5")
    dialog.editors["gender"].setCurrentIndex(dialog.editors["gender"].findData("男"))
    dialog.editors["expertise"].setPlainText("私域运营")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    member = Member.get_by_id(saved.args[0])
    assert (member.name, member.phone, member.wechat_id) == ("张三", "13800138000", "zhangsan_88")
    assert member.birthday == dt.date(1990, 3, 5) and member.gender == "男"
    assert member.expertise == "私域运营"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert Changed.MEMBERS in changes


def test_ctrl_s_saves_and_escape_cancels(qtbot, workspace, no_dialogs):
    dialog = card(qtbot, workspace)
    dialog.editors["name"].insert("李四")  # typed (QTest cannot key in Chinese)
    dialog.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.editors["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    third = card(qtbot, workspace)
    third.editors["name"].insert("赵六")
    with qtbot.waitSignal(third.saved):  # Enter in a one-line field presses Save
        qtbot.keyClick(third.editors["name"], Qt.Key.Key_Return)
    untouched = card(qtbot, workspace)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert untouched.result() == QDialog.DialogCode.Rejected and no_dialogs == []
    other = card(qtbot, workspace)
    qtbot.keyClicks(other.editors["nickname"], "Leo")
    other.editors["name"].insert("王五")  # typed (QTest cannot key in Chinese)
    qtbot.keyClick(other, Qt.Key.Key_Escape)
    assert no_dialogs and no_dialogs[0][0] == "confirm"  # unsaved edits: asks first
    assert other.result() == QDialog.DialogCode.Rejected
    assert sorted(m.name for m in Member.select()) == sorted(["李四", "赵六"])


def test_bad_phone_and_duplicate_wechat_show_inline_and_save_nothing(qtbot, workspace, changes):
    save_member({"name": "李四", "wechat_id": "lisi_2024"})
    dialog = card(qtbot, workspace)
    dialog.editors["name"].insert("王五")  # typed (QTest cannot key in Chinese)
    qtbot.keyClicks(dialog.editors["phone"], "12345")
    qtbot.keyClicks(dialog.editors["wechat_id"], "LISI_2024")
    dialog.tags.add_tag("待审核")  # staged with the card: must not be saved either
    assert dialog.save() is False
    assert dialog.fields["phone"].has_error()
    assert "12345" in dialog.fields["phone"].error.text()
    assert "李四" in dialog.fields["wechat_id"].error.text()
    assert not dialog.fields["name"].has_error()
    assert dialog.isVisible() and Member.select().count() == 1
    assert tags.MemberTag.select().count() == 0
    assert changes == []
    # Fix the values: the messages go away and the card saves.
    dialog.editors["phone"].setText("13900139000")
    dialog.editors["wechat_id"].setText("wangwu_01")
    assert dialog.save() is True
    assert not dialog.fields["phone"].has_error()
    assert [t.name for t in tags.tags_of(dialog.member_id)] == ["待审核"]


def test_invalid_date_and_unchosen_inviter(qtbot, workspace):
    save_member({"name": "张三"})
    dialog = card(qtbot, workspace)
    dialog.editors["name"].setText("赵六")
    dialog.editors["joined_on"].setText("2024-02-30")
    dialog.editors["inviter"].setText("不存在的人")
    assert dialog.save() is False
    assert dialog.fields["joined_on"].has_error() and dialog.fields["inviter"].has_error()
    assert dialog.tabs.currentIndex() == 2  # the tab holding the first problem is shown
    picker = dialog.editors["inviter"]
    picker.clear()
    qtbot.keyClicks(picker, "zs")
    qtbot.waitUntil(lambda: picker.suggestions.rowCount() == 1)  # once typing pauses
    assert picker.pick_first()
    dialog.editors["joined_on"].setText("2024-02-28")
    assert dialog.save()
    assert Member.get_by_id(dialog.member_id).inviter.name == "张三"


def test_member_picker_model(qtbot, qtmodeltester, workspace):
    from ui.members.member_picker import MemberPicker

    for name in ("张三", "张珊", "章山"):
        save_member({"name": name})
    picker = MemberPicker()
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker, "zs")
    qtbot.waitUntil(lambda: picker.suggestions.rowCount() == 3)
    qtmodeltester.check(picker.suggestions)


def test_add_and_remove_tag_chips(qtbot, workspace):
    tags.ensure_default_categories()
    existing = tags.get_or_create_tag("AI")
    member = save_member({"name": "孙七"})
    dialog = card(qtbot, workspace, member.id)
    dialog.tags.name.setEditText("AI")
    qtbot.mouseClick(dialog.tags.add_button, Qt.MouseButton.LeftButton)
    region = tags.TagCategory.get(tags.TagCategory.name == "地区")
    dialog.tags.category.setCurrentIndex(dialog.tags.category.findData(region.id))
    dialog.tags.name.setEditText("杭州")
    qtbot.keyClick(dialog.tags.name.lineEdit(), Qt.Key.Key_Return)  # Enter adds, not saves
    assert dialog.isVisible()
    chips = dialog.tags.chips.tags()
    assert [name for _, name, _ in chips] == ["AI", "杭州"]
    assert chips[1][2] == region.color  # the colour of the category it will be created in
    assert tags.find_tag("杭州") is None  # created with the card, not before
    dialog.tags.chips.resize(400, 60)
    qtbot.mouseClick(dialog.tags.chips, Qt.MouseButton.LeftButton,
                     pos=dialog.tags.chips.close_center(existing.id))
    assert [name for _, name, _ in dialog.tags.chips.tags()] == ["杭州"]
    dialog.tags.add_tag("AI")
    qtbot.keyClick(dialog.tags.name.lineEdit(), Qt.Key.Key_Backspace)  # keyboard removal
    assert [name for _, name, _ in dialog.tags.chips.tags()] == ["AI"]  # the last chip went
    dialog.tags.category.setCurrentIndex(dialog.tags.category.findData(region.id))
    dialog.tags.add_tag("杭州", region.id)
    dialog.tags.remove_tag(existing.id)
    assert dialog.save()
    assert [t.name for t in tags.tags_of(member.id)] == ["杭州"]
    assert tags.find_tag("杭州").category_id == region.id


def test_a_tag_typed_on_a_cancelled_card_is_not_created(qtbot, workspace, no_dialogs):
    member = save_member({"name": "周八"})
    dialog = card(qtbot, workspace, member.id)
    dialog.tags.name.setEditText("一次性标签")
    dialog.tags.add_typed()
    assert [name for _, name, _ in dialog.tags.chips.tags()] == ["一次性标签"]
    dialog.reject()  # "discard the changes?" answered yes
    assert tags.find_tag("一次性标签") is None
    assert tags.tags_of(member.id) == []


def test_add_follow_up_from_the_card(qtbot, workspace, changes):
    member = save_member({"name": "周八"})
    dialog = card(qtbot, workspace, member.id)
    section = dialog.followups
    section.channel.setCurrentIndex(section.channel.findData("phone"))
    section.note.insert("聊了线下聚会")  # typed (QTest cannot key in Chinese)
    section.next_date.setText("2030-01-15")
    qtbot.keyClick(section.note, Qt.Key.Key_Return)
    assert section.table.rowCount() == 1
    assert section.table.item(0, 2).text() == "聊了线下聚会"
    assert dialog.editors["next_contact_on"].text() == "2030-01-15"
    saved = Member.get_by_id(member.id)
    assert saved.last_contact_on == dt.date.today()
    assert saved.next_contact_on == dt.date(2030, 1, 15)
    section.table.selectRow(0)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert followups.history(member.id) == []
    dialog.reject()  # logs were written: the list must refresh even after Cancel
    assert Changed.MEMBERS in changes


def test_add_contribution_updates_points_and_level(qtbot, workspace):
    member = save_member({"name": "吴九"})
    dialog = card(qtbot, workspace, member.id)
    section = dialog.contributions
    assert "新人" in section.summary.text()
    section.kind.setCurrentIndex(section.kind.findData("best_share"))
    assert section.points.value() == contributions.default_points("best_share") == 50
    section.points.setValue(120)
    section.note.insert("最佳分享：私域")  # typed (QTest cannot key in Chinese)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert Member.get_by_id(member.id).points == 120
    assert "活跃成员" in section.summary.text() and "120" in section.summary.text()
    assert "活跃成员" in dialog.title.text()
    assert section.table.rowCount() == 1


def test_groups_roles_and_custom_field_saved_with_card(qtbot, workspace):
    group = groups.save_group({"name": "AI 一群"})
    member = save_member({"name": "郑十"})
    dialog = card(qtbot, workspace, member.id)
    check, role = dialog.groups.row(group.id)
    check.setChecked(True)
    role.setCurrentIndex(role.findData("kol"))
    dialog.new_field.insert("T恤尺码")  # typed (QTest cannot key in Chinese)
    qtbot.mouseClick(dialog.add_field_button, Qt.MouseButton.LeftButton)
    field = CustomField.get(CustomField.name == "T恤尺码")
    dialog.custom_editors[field.id].setText("XL")
    assert dialog.save()
    assert {m.group_id: m.role for m in groups.memberships_of(member.id)} == {group.id: "kol"}
    assert custom_values(member.id) == {field.id: "XL"}


def test_groups_dialog_capacity_warning_and_delete(qtbot, workspace, no_dialogs):
    from ui.members.groups_dialog import GroupsDialog

    group = groups.save_group({"name": "小群", "platform": "other", "capacity": 10})
    groups.save_group({"name": "大群"})
    ids = [save_member({"name": f"成员{i}"}).id for i in range(9)]
    groups.add_to_group(ids, group.id)
    dialog = GroupsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isVisible() and "小群" in dialog.warning.text()
    assert dialog.current_id() == group.id
    dialog.capacity.setValue(100)
    dialog.rules.setPlainText("禁止广告")
    assert dialog.save_group()
    assert not dialog.warning.isVisible()
    assert groups.Group.get_by_id(group.id).rules == "禁止广告"
    dialog.platform.setCurrentIndex(dialog.platform.findData("qq"))
    assert dialog.capacity.value() == 2000  # the platform's usual limit is suggested
    qtbot.mouseClick(dialog.copy_rules, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "禁止广告"
    dialog.delete_group()
    assert no_dialogs and "9" in no_dialogs[-1][1]
    assert groups.Group.get_or_none(groups.Group.id == group.id) is None
    assert dialog.table.rowCount() == 1


def test_tags_dialog_merge_rename_and_undo(qtbot, workspace, no_dialogs):
    from ui.members.tags_dialog import NONE_ID, TagsDialog

    ids = [save_member({"name": f"成员{i}"}).id for i in range(5)]
    a, b = tags.get_or_create_tag("运营"), tags.get_or_create_tag("私域")
    tags.add_tags(ids[:2], [a.id])
    tags.add_tags(ids[1:], [b.id])
    dialog = TagsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload(NONE_ID, b.id)
    assert dialog.current_tag_id() == b.id
    assert dialog.table.item(dialog.table.currentRow(), 1).text() == "4"
    dialog.merge_target.setCurrentIndex(dialog.merge_target.findData(a.id))
    qtbot.mouseClick(dialog.buttons["merge"], Qt.MouseButton.LeftButton)
    assert tags.tag_usage(a.id) == 5 and tags.Tag.get_or_none(tags.Tag.id == b.id) is None
    assert "5" in dialog.status.text()
    assert undo.undo() is not None
    assert tags.tag_usage(b.id) == 4 and tags.tag_usage(a.id) == 2
    # Renaming onto an existing name offers a merge (confirm answers yes in tests).
    dialog.reload(NONE_ID)
    dialog.rename(b.id, "运营")
    assert any(kind == "confirm" and "合并" in text for kind, text in no_dialogs)
    assert tags.tag_usage(a.id) == 5


def test_tags_dialog_categories(qtbot, workspace, no_dialogs):
    from PySide6.QtGui import QColor

    from ui.members.tags_dialog import NONE_ID, TagsDialog

    dialog = TagsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.new_category.setText("兴趣")
    dialog.add_category()
    hobby = tags.TagCategory.get(tags.TagCategory.name == "兴趣")
    assert dialog.current_category_key() == hobby.id
    dialog.new_tag.setText("徒步")
    dialog.add_tag()
    tag = tags.Tag.get(tags.Tag.name == "徒步")
    assert tag.category_id == hobby.id
    dialog.set_colour(hobby.id, QColor("#123456"))
    assert tags.Tag.get_by_id(tag.id).color == "#123456"
    dialog.move_category(-1)
    assert tags.categories()[-2].id == hobby.id
    dialog.reload(hobby.id, tag.id)
    dialog.move_target.setCurrentIndex(dialog.move_target.findData(NONE_ID))
    dialog.move_current()
    assert tags.Tag.get_by_id(tag.id).category_id is None
    dialog.reload(NONE_ID, tag.id)
    dialog.delete_current()
    assert tags.Tag.get_or_none(tags.Tag.name == "徒步") is None
    assert undo.undo() and tags.Tag.get_or_none(tags.Tag.name == "徒步") is not None


def test_contact_queue_respects_the_daily_cap(qtbot, workspace):
    from ui.members.contact_queue import ContactQueueDialog

    today = dt.date(2026, 11, 18)
    due = save_member({"name": "甲", "next_contact_on": "2026-11-10", "is_friend": True})
    for i in range(30):
        save_member({"name": f"新人{i}", "joined_on": "2026-10-01"})
    dialog = ContactQueueDialog(workspace, today=today)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 21  # 1 due + 20 friend adds (the default cap)
    assert dialog.table.item(0, 0).data(Qt.ItemDataRole.UserRole) == due.id
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.friend_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 20  # one added today: 19 more allowed
    dialog.limit.setValue(5)
    assert settings.get("daily_friend_limit") == 5
    assert dialog.table.rowCount() == 1 + 4
    # Log a follow-up for the due member: with no next date they leave the queue.
    dialog.table.selectRow(0)
    dialog.note.insert("问候")  # typed (QTest cannot key in Chinese)
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    assert Member.get_by_id(due.id).last_contact_on == today
    assert dialog.table.rowCount() == 4


def test_levels_dialog(qtbot, workspace):
    from ui.members.levels_dialog import LevelsDialog

    for name, points in (("甲", 0), ("乙", 150), ("丙", 1200)):
        member = save_member({"name": name})
        if points:
            contributions.add_contribution(member.id, "custom", points)
    dialog = LevelsDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(contributions.thresholds())
    counts = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert counts == ["1", "1", "0", "1"]  # 新人 / 活跃成员 / 核心成员 / 元老
    dialog.table.cellWidget(2, 0).setValue(120)  # 核心成员 from 120: 乙 moves up
    assert [dialog.table.item(r, 2).text() for r in range(4)] == ["1", "0", "1", "1"]
    dialog.table.cellWidget(2, 0).setValue(300)
    dialog.add_row(5000, "传奇")
    dialog.points["answer"].setValue(15)
    assert dialog.save()
    assert contributions.level_for(6000) == "传奇"
    assert contributions.default_points("answer") == 15
    again = LevelsDialog(workspace)
    qtbot.addWidget(again)
    again.add_row(100, "重复")
    assert not again.save() and again.error.text()


def test_paint_chips_and_widths(qapp):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    from ui.members.tag_chips import chip_width, paint_chips

    image = QImage(300, 24, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    fm = painter.fontMetrics()
    assert chip_width(fm, "高活跃") > chip_width(fm, "AI") > 0
    many = [(f"标签{i}", "#3b82f6") for i in range(20)]
    rects = paint_chips(painter, QRect(0, 0, 300, 24), many)
    painter.end()
    shown = [r for r in rects if not r.isEmpty()]
    assert 0 < len(shown) < 20  # one line: what does not fit is left out, not squeezed
    assert all(r.right() < 300 for r in shown)
    edge = shown[0].center()
    edge.setX(shown[0].left() + 4)  # in the padding, clear of the text
    assert image.pixelColor(edge).name() == "#3b82f6"  # painted in the tag colour


def test_groups_dialog_keeps_edits_when_switching(qtbot, workspace, no_dialogs):
    from ui.members.groups_dialog import GroupsDialog

    first = groups.save_group({"name": "一群"})
    second = groups.save_group({"name": "二群"})
    dialog = GroupsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog._select(first.id)
    dialog.welcome.setPlainText("欢迎新朋友")
    dialog._select(second.id)  # switching saves what was typed
    assert groups.Group.get_by_id(first.id).welcome == "欢迎新朋友"
    assert dialog.current_id() == second.id and dialog.name.text() == "二群"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "dup")
    dialog.name.setText("一群")
    dialog._mark_dirty()
    dialog._select(first.id)  # a clashing name cannot be saved: stay and show why
    assert dialog.current_id() == second.id and dialog.name_field.has_error()
    assert groups.Group.get_by_id(second.id).name == "二群"
    dialog.reject()  # closing with the bad edit asks before discarding
    assert no_dialogs and no_dialogs[-1][0] == "confirm"


def test_card_of_a_member_deleted_meanwhile(qtbot, workspace):
    member = save_member({"name": "钱十一"})
    dialog = card(qtbot, workspace, member.id)
    Member.delete_by_id(member.id)
    dialog.editors["city"].setText("成都")
    assert dialog.save() is False
    assert "删除" in dialog.general_error.text() and Member.select().count() == 0
    gone = card(qtbot, workspace, member.id)
    assert not gone.save_button.isEnabled() and gone.general_error.isVisible()


def test_dialogs_follow_changes_made_elsewhere(qtbot, workspace):
    from ui.members.contact_queue import ContactQueueDialog
    from ui.members.tags_dialog import NONE_ID, TagsDialog

    ids = [save_member({"name": f"成员{i}", "is_friend": True}).id for i in range(3)]
    tag = tags.get_or_create_tag("新标签")
    dialog = TagsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload(NONE_ID, tag.id)
    queue = ContactQueueDialog(workspace)
    qtbot.addWidget(queue)
    queue.show()
    assert queue.table.rowCount() == 0
    tags.add_tags(ids, [tag.id])  # e.g. a bulk action in the member list
    Member.update(next_contact_on=dt.date.today()).where(Member.id == ids[0]).execute()
    workspace.data_changed.emit(Changed.MEMBERS)
    assert dialog.table.item(dialog.table.currentRow(), 1).text() == "3"
    assert queue.table.rowCount() == 1


def test_groups_dialog_says_a_wechat_group_cannot_hold_800(qtbot, workspace):
    from models.members import groups
    from ui.members.groups_dialog import GroupsDialog

    group = groups.save_group({"name": "微信一群", "platform": "wechat"})
    dialog = GroupsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current_id() == group.id
    dialog.capacity.setValue(800)
    assert not dialog.save_group()
    assert dialog.capacity_field.error.isVisible() and "500" in dialog.capacity_field.error.text()
    assert groups.get_group(group.id).capacity == 500  # nothing saved
    dialog.capacity.setValue(450)
    assert dialog.save_group() and not dialog.capacity_field.error.isVisible()


def test_groups_dialog_names_the_qq_levels_and_refuses_more_than_3000(qtbot, workspace):
    from models.members import groups
    from ui.members.groups_dialog import GroupsDialog

    group = groups.save_group({"name": "QQ 一群", "platform": "qq"})
    dialog = GroupsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current_id() == group.id
    assert "200 / 500 / 1,000 / 2,000 / 3,000" in dialog.fill.text()  # the levels, named
    dialog.capacity.setValue(5000)
    assert not dialog.save_group()
    error = dialog.capacity_field.error.text()
    assert "3000" in error and "200、500、1000、2000" in error
    assert groups.get_group(group.id).capacity == 2000  # nothing saved
    dialog.capacity.setValue(3000)
    assert dialog.save_group() and groups.get_group(group.id).capacity == 3000
