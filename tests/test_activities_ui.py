"""Activities screen flows with pytest-qt: templates, ticking, reordering, sign-up, check-in."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from models.activities import activity as A
from models.activities import checklists as C
from models.activities import signups as S
from models.activities import templates as T
from models.members.cards import Member
from ui.activities.labels import assignee_label
from ui.workspace import Changed

TODAY = dt.date(2026, 11, 18)
START = dt.datetime(2026, 12, 5, 14, 0)


@pytest.fixture
def page(workspace, qtbot, no_dialogs):
    from ui.activities.page import ActivitiesPage

    widget = ActivitiesPage(workspace)
    widget.today = TODAY
    widget.scope.setCurrentIndex(2)  # all
    qtbot.addWidget(widget)
    widget.reload()
    return widget


def _member(name: str) -> int:
    member = Member(name=name)
    member.refresh_keys()
    member.save()
    return member.id


def _meetup() -> A.Activity:
    template = T.get_by_name("线下聚会")
    return T.create_from_template(template.id, {"title": "上海面基", "start": START})


def test_item_models_pass_the_model_tester(demo_db, qtmodeltester, qapp):
    from ui.activities.item_models import ActivityListModel, ChecklistModel, SignUpModel

    lists = ActivityListModel()
    lists.scope, lists.today = "all", TODAY
    lists.reload()
    assert lists.rowCount() >= 10
    qtmodeltester.check(lists)
    aid = lists.activity_id(0)
    steps = ChecklistModel()
    steps.load(aid)
    assert steps.rowCount() > 0
    qtmodeltester.check(steps)
    people = SignUpModel()
    people.load(aid)
    assert people.rowCount() > 0
    qtmodeltester.check(people)


def test_create_from_template_in_the_dialog(page, qtbot):
    from models.members.groups import save_group
    from ui.activities.editor import to_qdatetime

    save_group({"name": "AI 实战派 1 群"})
    page.new_from_template()
    dialog = page._dialog
    dialog.select_template("每周答疑")
    dialog.title.setText("答疑 · 用 AI 写周报")
    dialog.start.setDateTime(to_qdatetime(dt.datetime(2026, 12, 2, 20, 0)))
    assert dialog.preview.item(0, 0).text() == "2026-11-27"  # T-5, computed as you type
    dialog.groups.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    activity = A.Activity.get(A.Activity.title == "答疑 · 用 AI 写周报")
    assert page.current_id() == activity.id
    items = C.steps(activity.id)
    assert [i.due_on for i in items][:2] == [dt.date(2026, 11, 27), dt.date(2026, 11, 29)]
    assert len(A.group_ids(activity.id)) == 1
    assert page.checklist.model.rowCount() == len(items)
    assert page.checklist.progress_label.text() == f"完成 0/{len(items)}"


def test_tick_a_step_records_the_date_and_progress(page):
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    model = page.checklist.model
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    step = C.ChecklistItem.get_by_id(model.step_id(1))
    assert step.done and step.done_on == TODAY
    assert page.checklist.progress_label.text() == f"完成 1/{model.rowCount()}"
    assert page.checklist.bar.value() == 1
    row = page.model.row_of(activity.id)
    assert page.model.index(row, 3).data().startswith("1/")  # the list follows
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert C.ChecklistItem.get_by_id(step.id).done_on is None


def test_overdue_steps_stand_out(page):
    activity = _meetup()  # the T-21 step (Nov 14) is before TODAY
    page.reload()
    page.select_activity(activity.id)
    model = page.checklist.model
    assert "逾期" in model.index(0, 2).data()
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.checklist.overdue_label.text() == "1 项逾期"


def test_reorder_by_drag_and_by_buttons(page):
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    model = page.checklist.model
    before = [model.step_id(r) for r in range(model.rowCount())]
    data = model.mimeData([model.index(3, 1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    expected = [before[3], *before[:3], *before[4:]]
    assert [i.id for i in C.steps(activity.id)] == expected
    assert [model.step_id(r) for r in range(model.rowCount())] == expected
    page.checklist.view.selectRow(0)
    page.checklist.down_button.click()
    assert [i.id for i in C.steps(activity.id)][:2] == [before[0], before[3]]


def test_add_and_edit_a_step(page, qtbot):
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    page.checklist.add_step()
    dialog = page.checklist._dialog
    dialog.title.setText("确认茶歇")
    dialog.offset.setValue(-2)
    assert dialog.offset.text() == "T-2"
    assert dialog.computed.text().endswith("2026-12-03")
    dialog.role.setCurrentIndex(dialog.role.findData("logistics"))
    dialog.save()
    step = C.ChecklistItem.get(C.ChecklistItem.title == "确认茶歇")
    assert step.due_on == dt.date(2026, 12, 3) and step.assignee_role == "logistics"
    helper = _member("周八")
    page.checklist.view.selectRow(page.checklist.model.rowCount() - 1)
    page.checklist.edit_step()
    dialog = page.checklist._dialog
    dialog.fixed.setChecked(True)
    dialog.set_member(helper)
    dialog.save()
    step = C.get_step(step.id)
    assert step.due_offset is None and step.assignee_member_id == helper
    assert assignee_label(step) == "周八"


def test_sign_up_and_check_in(page, qtbot):
    activity = _meetup()
    ids = [_member(n) for n in ("张伟", "张敏", "李娜")]
    page.reload()
    page.select_activity(activity.id)
    page.tabs.setCurrentWidget(page.signups)
    page.signups.add_signups()
    dialog = page.signups._dialog
    dialog.members.search.setText("zh")
    dialog.members.refresh()
    assert dialog.members.results.count() == 2  # 张伟, 张敏 by pinyin
    dialog.members.select_rows([0, 1])
    assert dialog.ok.isEnabled()
    dialog.save()
    assert S.signup_counts([activity.id]) == {activity.id: (2, 0)}
    panel = page.signups
    assert panel.model.rowCount() == 2
    assert panel.summary.text().startswith("报名 2 人")
    # Tick the check-in box: points land on the card, and the list stays as it was
    # (the page does not reload itself from its own change notice).
    panel.view.selectRow(1)
    assert panel.model.setData(panel.model.index(0, 0), Qt.CheckState.Checked.value,
                               Qt.ItemDataRole.CheckStateRole)
    first = panel.model.member_id(0)
    assert Member.get_by_id(first).points == 5
    assert [i.row() for i in panel.view.selectionModel().selectedRows()] == [1]
    # Quick check-in on the day: type a name, press Enter.
    second = panel.model.member_id(1)
    name = Member.get_by_id(second).name
    panel.find.setText(name)
    qtbot.keyClick(panel.find, Qt.Key.Key_Return)
    assert Member.get_by_id(second).points == 5
    assert panel.summary.text().startswith("报名 2 人 · 签到 2 人")
    # Un-check-in takes the points back.
    panel.model.setData(panel.model.index(0, 0), Qt.CheckState.Unchecked.value,
                        Qt.ItemDataRole.CheckStateRole)
    assert Member.get_by_id(first).points == 0
    panel.view.selectRow(0)
    panel.remove_selected()
    assert S.signup_counts([activity.id])[activity.id] == (1, 1)
    assert ids[2] not in S.member_activity_ids(activity.id)


def test_editor_creates_validates_and_moves_steps(page):
    from ui.activities.editor import from_qdatetime, to_qdatetime

    page.new_item()
    editor = page._dialog
    editor.save()
    assert "不能为空" in editor.error.text() and A.Activity.select().count() == 0
    editor.title.setText("读书会")
    editor.kind.setCurrentIndex(editor.kind.findData("offline"))
    editor.start.setDateTime(to_qdatetime(START))
    assert from_qdatetime(editor.end.dateTime()) == START + dt.timedelta(hours=1)
    editor.save()
    activity = A.Activity.get(A.Activity.title == "读书会")
    assert page.current_id() == activity.id and activity.kind == "offline"
    step = C.add_step(activity.id, {"title": "预告", "due_offset": -7})
    page.edit_activity()
    editor = page._dialog
    editor.start.setDateTime(to_qdatetime(START + dt.timedelta(days=7)))
    assert "+7" in editor.move_hint.text()
    editor.save()
    assert C.ChecklistItem.get_by_id(step.id).due_on == dt.date(2026, 12, 5)


def test_save_as_template_and_compare(page, qtbot):
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    page.save_as_template()
    dialog = page._dialog
    dialog.save()
    assert "已存在" in dialog.error.text() or T.get_by_name("上海面基") is not None
    dialog.name.setText("我的面基")
    dialog.save()
    assert len(T.get_by_name("我的面基").step_list()) == len(C.steps(activity.id))
    A.move_activity(activity.id, dt.datetime(2026, 11, 1, 14, 0))
    A.set_status(activity.id, "done")
    page.compare()
    compare = page._dialog
    assert compare.table.columnCount() == 1
    assert compare.table.horizontalHeaderItem(0).text() == "上海面基"


def test_promotion_button_schedules_posts(page, no_dialogs):
    from models.activities.promotion import scheduled_ids

    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    page.promote()
    assert len(scheduled_ids(activity.id)) == 3
    assert no_dialogs[-1][0] == "inform" and "3 条" in no_dialogs[-1][1]
    page.promote()  # asks first (answered yes by the fixture), then adds again
    assert any(kind == "confirm" for kind, _ in no_dialogs)


def test_delete_key_deletes_the_focused_step_or_the_activity(page, qtbot):
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.checklist.view.setFocus()
    qtbot.waitUntil(page.checklist.view.hasFocus)
    page.checklist.view.selectRow(0)
    first = page.checklist.model.step_id(0)
    page.delete_selected()  # focus in the checklist: only that step goes
    assert C.ChecklistItem.get_or_none(C.ChecklistItem.id == first) is None
    assert A.Activity.get_or_none(A.Activity.id == activity.id) is not None
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    page.delete_selected()
    assert A.Activity.get_or_none(A.Activity.id == activity.id) is None
    assert page.current_id() is None and page.empty.isVisibleTo(page)
    from models.store import undo  # Edit > Undo brings it back, and the list shows it
    assert undo.undo()
    page.workspace.data_changed.emit(Changed.ALL)
    assert activity.id in [page.model.activity_id(r) for r in range(page.model.rowCount())]


def test_print_buttons_open_the_preview(page):
    from ui.fonts import cjk_family

    if cjk_family() is None:
        pytest.skip("no CJK font installed")
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    page.print_page()
    assert page._dialog is not None and "清单" in page._dialog.windowTitle()
    page._dialog.close()
    page.print_signin_sheet()
    assert "签到表" in page._dialog.windowTitle()
    page._dialog.close()


def test_changes_from_other_screens_reload_the_list(page, workspace):
    assert page.model.rowCount() == 0
    activity = _meetup()  # e.g. written by another screen
    workspace.data_changed.emit(Changed.ACTIVITIES)
    assert page.model.row_of(activity.id) == 0 and page.current_id() == activity.id


def test_status_from_the_context_menu(page):
    activity = _meetup()
    page.reload()
    page.select_activity(activity.id)
    page._context_menu(page.view.visualRect(page.model.index(0, 0)).center())
    menu = page._dialog
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[:4] == ["筹备中(&P)", "已就绪(&R)", "已结束(&O)", "已取消(&C)"]
    menu.actions()[1].trigger()
    assert A.Activity.get_by_id(activity.id).status == "ready"
    assert page.model.index(0, 2).data() == "已就绪" and "已就绪" in page.meta.text()
    menu.close()
