"""粘贴接龙 in the activities screen: paste -> preview -> confirm -> undo, re-paste, check-in."""

from __future__ import annotations

import datetime as dt

import pytest
from jielong_samples import ISSUE_EXAMPLE as ISSUE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from models.activities import activity as A
from models.activities import jielong as J
from models.activities import signups as S
from models.members.cards import Member, save_member
from models.store import undo
from ui.workspace import Changed

TODAY = dt.date(2026, 12, 1)
START = dt.datetime(2026, 12, 13, 14, 0)


@pytest.fixture
def page(workspace, qtbot, no_dialogs):
    from ui.activities.page import ActivitiesPage

    widget = ActivitiesPage(workspace)
    widget.today = TODAY
    widget.scope.setCurrentIndex(2)  # all
    qtbot.addWidget(widget)
    widget.reload()
    return widget


def _setup(page, capacity: int = 0) -> int:
    aid = A.save_activity({"title": "周六读书会", "kind": "offline", "start": START,
                           "capacity": capacity}).id
    save_member({"name": "李明", "nickname": "小明-杭州-设计", "city": "杭州"})
    save_member({"name": "Lily"})
    page.reload()
    page.select_activity(aid)
    page.tabs.setCurrentWidget(page.signups)
    return aid


def _paste(page, qtbot, text: str, mode: str = "signup"):
    page.signups.paste_jielong(mode, text=text)
    dialog = page.signups._dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.planning)  # matching runs on a worker
    return dialog


def _column(dialog, key: str, row: int) -> str:
    return dialog.model.index(row, dialog.model.COLUMNS.index(key)).data()


def test_paste_preview_confirm_and_undo(page, qtbot, no_dialogs):
    aid = _setup(page, capacity=10)
    dialog = _paste(page, qtbot, ISSUE)
    assert dialog.model.rowCount() == 3
    assert [_column(dialog, "name", r) for r in range(3)] == ["小明-杭州-设计", "Lily", "王磊"]
    assert [_column(dialog, "companions", r) for r in range(3)] == ["", "+2", ""]
    assert _column(dialog, "remark", 2) == "第一次来"
    assert [_column(dialog, "match", r) for r in range(3)] == ["匹配 95%", "匹配 95%", "未找到"]
    assert _column(dialog, "choice", 0) == "李明（报名）"
    assert _column(dialog, "choice", 2) == "新建成员“王磊”"
    summary = dialog.summary.text()
    assert "3 行" in summary and "匹配 2" in summary and "未找到 1" in summary
    assert "重复 1 行已忽略" in summary
    assert dialog.capacity.text() == "名额 10 人：现有报名 0 人，确认后共 5 人（含同伴）"
    assert dialog.ok.text() == "报名 3 人(&S)" and dialog.ok.isEnabled()
    dialog.confirm()
    assert not dialog.isVisible()
    assert {s.member.name: s.companions for s in S.signups(aid)} == {"李明": 0, "Lily": 2, "王磊": 0}
    panel = page.signups
    assert panel.model.rowCount() == 3
    assert panel.summary.text() == "报名 5 人（含同伴 2 人） · 签到 0 人 · 名额 10"
    assert no_dialogs[-1][1].startswith("已完成：3 人报名，新建成员 1 位")
    list_row = page.model.row_of(aid)
    assert page.model.index(list_row, page.model.COLUMNS.index("signed_up")).data() == "5/10"
    undo.undo()
    page.workspace.announce(Changed.ALL)
    assert S.signups(aid) == [] and panel.model.rowCount() == 0
    assert not Member.select().where(Member.name == "王磊").exists()


def test_repaste_adds_new_lines_and_offers_to_remove_vanished(page, qtbot, no_dialogs):
    aid = _setup(page)
    _paste(page, qtbot, ISSUE).confirm()
    updated = "#接龙\n周六读书会\n1. 小明-杭州-设计\n2. 王磊（第一次来）\n3. 赵六 +1\n"
    dialog = _paste(page, qtbot, updated)
    assert [_column(dialog, "match", r) for r in range(3)] == ["已登记", "已登记", "未找到"]
    assert dialog.vanished.isVisible() and dialog.vanished.count() == 1
    item = dialog.vanished.item(0)
    assert item.text().startswith("Lily") and item.checkState() == Qt.CheckState.Unchecked
    assert "1 位上次接龙里的人已不在这次的接龙里" in dialog.vanished_label.text()
    assert dialog.ok.text() == "报名 1 人(&S)"
    item.setCheckState(Qt.CheckState.Checked)
    assert dialog.removed() == [item.data(Qt.ItemDataRole.UserRole + 1)]
    dialog.confirm()
    assert any("将取消 1 人的报名" in text for _kind, text in no_dialogs)
    assert {s.member.name for s in S.signups(aid)} == {"李明", "王磊", "赵六"}


def test_an_ambiguous_line_is_picked_from_the_combo_below_the_table(page, qtbot):
    aid = _setup(page)
    a = save_member({"name": "张伟", "city": "杭州"}).id
    save_member({"name": "张伟", "city": "上海"})
    dialog = _paste(page, qtbot, "#接龙\nt\n1. 张伟\n2. Lily")
    assert _column(dialog, "match", 0) == "2 位同名"
    assert _column(dialog, "choice", 0) == "选择成员…" and dialog.ok.text() == "报名 1 人(&S)"
    dialog.view.selectRow(0)
    labels = [dialog.current.itemText(i) for i in range(dialog.current.count())]
    assert labels[:2] == ["张伟 · 上海 · 95%", "张伟 · 杭州 · 95%"] or \
        labels[:2] == ["张伟 · 杭州 · 95%", "张伟 · 上海 · 95%"]
    assert labels[2:] == ["新建成员“张伟”", "跳过"]
    at = dialog.current.findData(a)
    dialog.current.setCurrentIndex(at)
    dialog.current.activated.emit(at)
    assert _column(dialog, "choice", 0) == "张伟（报名）" and dialog.ok.text() == "报名 2 人(&S)"
    dialog.confirm()
    assert a in S.member_activity_ids(aid)


def test_the_choice_column_edits_with_a_combo_box(page, qtbot):
    _setup(page)
    dialog = _paste(page, qtbot, "#接龙\nt\n1. 陌生人")
    index = dialog.model.index(0, dialog.model.COLUMNS.index("choice"))
    dialog.view.setFocus()
    dialog.view.setCurrentIndex(index)
    qtbot.keyClick(dialog.view, Qt.Key.Key_F2)  # the keyboard's way into the combo box
    editor = QApplication.focusWidget()
    assert editor.accessibleName() == "第 3 行的处理方式"
    editor.setCurrentIndex(editor.findData("skip"))
    dialog.view.commitData(editor)
    assert _column(dialog, "choice", 0) == "跳过" and not dialog.ok.isEnabled()
    dialog.new_cards.setChecked(False)
    dialog.new_cards.setChecked(True)
    assert _column(dialog, "choice", 0) == "新建成员“陌生人”"


def test_over_capacity_asks_and_cancel_keeps_the_preview(page, qtbot, no_dialogs, monkeypatch):
    from ui import dialogs

    aid = _setup(page, capacity=2)
    dialog = _paste(page, qtbot, ISSUE)
    assert "超出名额 3 人" in dialog.capacity.text()
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, danger=False:
                        asked.append(text) or False)
    dialog.confirm()
    assert "超出 3 人" in asked[0] and dialog.isVisible() and S.signups(aid) == []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    dialog.confirm()
    assert S.signup_counts([aid]) == {aid: (5, 0)}


def test_checkin_paste_marks_attendance_and_points(page, qtbot, no_dialogs):
    aid = _setup(page)
    _paste(page, qtbot, ISSUE).confirm()
    dialog = _paste(page, qtbot, "#接龙\n读书会签到\n1. 李明\n2. Lily +2\n3. 周九", mode="checkin")
    assert dialog.windowTitle() == "粘贴签到接龙 · 周六读书会"
    assert [_column(dialog, "choice", r) for r in range(3)] == [
        "李明（签到）", "Lily（签到）", "新建成员“周九”"]
    assert dialog.ok.text() == "签到 3 人(&C)"
    assert dialog.capacity.text() == "签到后到场 5 人，报名共 6 人（都含同伴）"
    dialog.confirm()
    rows = {s.member.name: s for s in S.signups(aid)}
    assert rows["李明"].attended and rows["Lily"].attended and rows["周九"].attended
    assert not rows["王磊"].attended
    assert Member.get(Member.name == "李明").points == 5
    assert page.signups.summary.text().startswith("报名 6 人（含同伴 2 人） · 签到 5 人")
    assert undo.label_of(undo.latest()) == "粘贴签到接龙：3 人签到"


def test_keyboard_and_screen_reader_names(page, qtbot):
    from ui.accessibility import CONTROLS, spoken_name

    _setup(page)
    dialog = _paste(page, qtbot, ISSUE)
    qtbot.waitExposed(dialog)
    unnamed = [type(w).__name__ for w in dialog.findChildren(QWidget)
               if isinstance(w, CONTROLS) and w.isVisibleTo(dialog) and not spoken_name(w)
               and not isinstance(w.parentWidget(), CONTROLS)]
    assert not unnamed
    for widget in (dialog.text, dialog.view):
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.processEvents()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and focus is not widget and not widget.isAncestorOf(focus)


def test_the_button_is_off_in_a_read_only_workspace_and_the_menu_has_both(page):
    _setup(page)
    button = page.signups.jielong_button
    assert [a.text() for a in button.menu().actions()] == ["粘贴报名接龙(&S)…", "粘贴签到接龙(&C)…"]
    assert button.isEnabled()
    page.workspace.set_read_only("why_file_read_only")
    assert not button.isEnabled()


def test_english(page, qtbot):
    from ui import i18n

    i18n.install("en")
    _setup(page, capacity=4)
    dialog = _paste(page, qtbot, ISSUE)
    assert dialog.windowTitle() == "Paste sign-up list · 周六读书会"
    assert [_column(dialog, "match", r) for r in range(3)] == [
        "Matched 95%", "Matched 95%", "Not found"]
    assert _column(dialog, "choice", 0) == "李明 (sign up)"
    assert dialog.ok.text() == "&Sign up 3 people"
    assert dialog.capacity.text().endswith("over capacity by 1")
    plan = dialog.model.plan
    assert J.heads_after(plan) == 5


def test_editing_the_text_updates_the_preview(page, qtbot):
    _setup(page)
    dialog = _paste(page, qtbot, "#接龙\nt\n1. Lily")
    assert dialog.model.rowCount() == 1
    with qtbot.waitSignal(dialog.planned):
        dialog.text.appendPlainText("2. 李明 +1\n3. 新朋友")
    assert dialog.model.rowCount() == 3 and dialog.ok.text() == "报名 3 人(&S)"
    dialog.text.setPlainText("随便一句话，没有编号。")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0 and not dialog.planning)
    assert dialog.summary.text() == "没有读到接龙的编号行。请粘贴整条接龙消息。"
    assert not dialog.ok.isEnabled()


def test_the_printed_sign_in_sheet_counts_companions_and_shows_remarks(page, qtbot):
    from ui.activities.printables import signin_sheet_html

    aid = _setup(page)
    _paste(page, qtbot, ISSUE).confirm()
    html = signin_sheet_html(aid)
    assert "报名 5 人（含同伴 2 人）" in html
    assert ">+2<" in html and ">第一次来<" in html


def test_the_preview_model_passes_the_model_tester(db, qapp, qtmodeltester):
    from ui.activities.jielong_model import JielongPreviewModel

    aid = A.save_activity({"title": "读书会", "start": START}).id
    save_member({"name": "张伟"}), save_member({"name": "张伟"}), save_member({"name": "Lily"})
    model = JielongPreviewModel()
    model.set_plan(J.plan(aid, ISSUE + "5. 张伟\n6. lily +1"))
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    assert [label for label, _value in model.options(3)][-2:] == ["新建成员“张伟”", "跳过"]
