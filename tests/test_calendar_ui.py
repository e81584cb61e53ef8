"""The calendar screen: views, drag and drop, editor, filters, quick actions, item models."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from models.calendar import edit as E
from models.calendar import entries as C
from models.calendar.recurrence import Rule
from models.members.groups import Group
from ui.calendar.agenda import AgendaModel
from ui.calendar.backlog import IdeasModel
from ui.calendar.common import ref_from_mime, ref_mime
from ui.workspace import Changed

D = dt.date
T = dt.time
TODAY = D(2026, 11, 18)


@pytest.fixture
def page(workspace, qtbot):
    from ui.calendar.page import CalendarPage

    page = CalendarPage(workspace)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.today = TODAY
    page.refresh_lists()
    page.go_to(TODAY)
    page.show()
    qtbot.waitExposed(page)
    return page


def _drop(widget, pos: QPoint, data: QMimeData) -> None:
    event = QDropEvent(pos.toPointF(), Qt.DropAction.MoveAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # QApplication.notify only delivers drops during a real platform drag, so the
    # handlers are called the way Qt would call them.
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    widget.dropEvent(event)
    assert event.isAccepted()


def _wed_series() -> int:
    return E.save_series(E.ItemFields("周三读书", "分享", D(2026, 11, 4), T(20, 0), 60, "ready"),
                         Rule("weekly", weekdays=(2,)))


def test_models_pass_qtmodeltester(db, qtmodeltester):
    _wed_series()
    E.schedule_item("海报", "海报", D(2026, 11, 20))
    E.save_item(E.ItemFields("点子一", "分享", None, status="idea"))
    E.save_item(E.ItemFields("点子二", "分享", None, status="idea"))
    agenda = AgendaModel()
    agenda.set_entries(C.entries_between(D(2026, 11, 1), D(2026, 11, 30), TODAY), TODAY)
    assert agenda.rowCount() == 5
    qtmodeltester.check(agenda)
    ideas = IdeasModel()
    ideas.reload()
    assert ideas.rowCount() == 2
    qtmodeltester.check(ideas)


def test_month_view_shows_demo_with_holidays_and_overdue(demo_db, page):
    assert page.month.period() == (D(2026, 10, 26), D(2026, 12, 6))
    assert "2026年11月" in page.period_label.text()
    assert page.month.by_day[TODAY]
    page.month.repaint()
    # Every painted chip can be hit at its centre.
    rect, entry = page.month._hits[0]
    assert page.month.entry_at(rect.center()) == entry
    assert page.month.day_at(page.month.day_rect(TODAY).center()) == TODAY
    overdue = [e for v in page.month.by_day.values() for e in v if e.overdue]
    assert len(overdue) == 2
    assert "2" in page.overdue_only.text()
    page.step(-1)  # October: National Day holidays are in the grid
    assert page.month.first == D(2026, 10, 1)
    page.month.repaint()
    page.step(1)
    page.step(1)
    page.step(1)
    assert page.month.first == D(2027, 1, 1)  # across the year end


def test_switch_views(demo_db, page):
    page.set_view("week")
    assert page.week.period() == (D(2026, 11, 16), D(2026, 11, 22))
    page.week.repaint()
    assert page.week._hits
    page.set_view("agenda")
    model = page.agenda.agenda
    assert model.rowCount() > 20
    assert all(e.date.month == 11 for e in model.entries)
    page.step(1)
    assert all(e.date.month == 12 for e in model.entries)


def test_drag_series_occurrence_to_another_day_moves_only_it(db, page):
    sid = _wed_series()
    page.reload()
    data = ref_mime(E.Ref(None, sid, D(2026, 11, 25)))
    _drop(page.month, page.month.day_rect(D(2026, 11, 27)).center(), data)
    entries = C.entries_between(D(2026, 11, 1), D(2026, 11, 30), TODAY)
    assert [(e.date.day, e.item_id is not None) for e in entries] == [
        (4, False), (11, False), (18, False), (27, True)]
    assert entries[-1].start_time == T(20, 0)  # the month view keeps the time
    assert D(2026, 11, 27) in page.month.by_day  # reloaded


def test_drag_in_week_view_sets_time_and_all_day(db, page):
    iid = E.schedule_item("分享", "分享", D(2026, 11, 17), T(20, 0))
    page.set_view("week")
    page.week.repaint()
    _drop(page.week, page.week.slot_point(D(2026, 11, 19), T(10, 0)),
          ref_mime(E.Ref(iid, None, D(2026, 11, 17))))
    item = C.ContentItem.get_by_id(iid)
    assert (item.date, item.start_time) == (D(2026, 11, 19), T(10, 0))
    _drop(page.week, page.week.slot_point(D(2026, 11, 20), None),
          ref_mime(E.Ref(iid, None, D(2026, 11, 19))))
    item = C.ContentItem.get_by_id(iid)
    assert (item.date, item.start_time) == (D(2026, 11, 20), None)


def test_drag_idea_onto_a_day_and_back_to_the_backlog(db, page):
    idea = E.save_item(E.ItemFields("读书会选书", "话题讨论", None, status="idea"))
    page.refresh_lists()
    model = page.backlog.ideas
    assert model.rowCount() == 1
    data = model.mimeData([model.index(0, 0)])
    assert ref_from_mime(data) == E.Ref(idea, None, None)
    _drop(page.month, page.month.day_rect(D(2026, 11, 24)).center(), data)
    assert model.rowCount() == 0
    [entry] = page.month.by_day[D(2026, 11, 24)]
    assert entry.item_id == idea and entry.status == "draft"
    back = ref_mime(E.ref_of(entry))
    assert model.canDropMimeData(back, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    model.dropMimeData(back, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert model.rowCount() == 1 and D(2026, 11, 24) not in page.month.by_day
    # Series occurrences cannot go back to the backlog.
    sid = _wed_series()
    assert not model.canDropMimeData(ref_mime(E.Ref(None, sid, D(2026, 11, 4))),
                                     Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_editor_creates_one_off_and_series(db, page, no_dialogs):
    from ui.calendar.editor import ItemEditor

    gid = Group.create(name="一群").id
    editor = ItemEditor(page, None, D(2026, 11, 26), T(19, 30))
    editor.saved.connect(page._saved)
    editor.title.setText("KTV 比赛")
    editor.kind.setCurrentIndex(editor.kind.findData("活动推广"))
    editor.groups.item(0).setCheckState(Qt.CheckState.Checked)
    editor.duration.setValue(20)
    editor.body.setPlainText("**本周五** KTV 比赛")
    editor.save()
    [entry] = C.entries_between(D(2026, 11, 26), D(2026, 11, 26))
    assert (entry.title, entry.kind, entry.start_time, entry.groups, entry.duration_minutes) == (
        "KTV 比赛", "活动推广", T(19, 30), ("一群",), 20)
    # Now a weekly series on Friday, ending after 3 times.
    editor = ItemEditor(page, None, D(2026, 11, 27), T(21, 0))
    editor.title.setText("周五 KTV")
    editor.recurrence.freq.setCurrentIndex(editor.recurrence.freq.findData("weekly"))
    editor.recurrence.end.setCurrentIndex(2)
    editor.recurrence.count.setValue(3)
    editor.save()
    dates = [e.date for e in C.entries_between(D(2026, 11, 1), D(2027, 1, 31))
             if e.title == "周五 KTV"]
    assert dates == [D(2026, 11, 27), D(2026, 12, 4), D(2026, 12, 11)]
    assert gid and not no_dialogs
    # Empty title: a warning, nothing saved.
    editor = ItemEditor(page, None, D(2026, 11, 27))
    editor.save()
    assert no_dialogs and no_dialogs[-1][0] == "warn"


def test_editor_occurrence_scope_and_whole_series(db, page, no_dialogs):
    from ui.calendar.editor import ItemEditor

    sid = _wed_series()
    ref = E.Ref(None, sid, D(2026, 12, 30))
    editor = ItemEditor(page, ref)
    assert editor.scope_box.isVisibleTo(editor) and editor.only_radio.isChecked()
    assert not editor.recurrence.isEnabled()
    editor.title.setText("跨年特别场")
    editor.save()
    editor = ItemEditor(page, E.Ref(None, sid, D(2026, 12, 23)), series_scope=True)
    assert editor.date.date().toPython() == D(2026, 11, 4)  # the series start
    assert editor.recurrence.rule() == Rule("weekly", weekdays=(2,))
    editor.title.setText("读书会")
    editor.time.setTime(editor.time.time().addSecs(-3600))
    editor.save()
    titles = {e.date: (e.title, e.start_time) for e in
              C.entries_between(D(2026, 12, 20), D(2027, 1, 10))}
    # The 30th's own title stays; its time was never changed by hand, so it follows.
    assert titles == {D(2026, 12, 23): ("读书会", T(19, 0)),
                      D(2026, 12, 30): ("跨年特别场", T(19, 0)),
                      D(2027, 1, 6): ("读书会", T(19, 0))}
    # Delete only one occurrence from its editor.
    editor = ItemEditor(page, E.Ref(None, sid, D(2027, 1, 6)))
    editor._delete()
    assert D(2027, 1, 6) not in {e.date for e in C.entries_between(D(2027, 1, 1),
                                                                     D(2027, 1, 31))}


def test_filters(demo_db, page):
    total = sum(len(v) for v in page.month.by_day.values())
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("早报"))
    shown = [e for v in page.month.by_day.values() for e in v]
    assert shown and all(e.kind == "早报" for e in shown) and len(shown) < total
    page.kind_filter.setCurrentIndex(0)
    page.overdue_only.setChecked(True)
    assert sum(len(v) for v in page.month.by_day.values()) == 2
    page.overdue_only.setChecked(False)
    presenter = page.presenter_filter.itemData(1)
    page.presenter_filter.setCurrentIndex(1)
    shown = [e for v in page.month.by_day.values() for e in v]
    assert all(e.presenter_id == presenter for e in shown)
    page.presenter_filter.setCurrentIndex(0)
    group = page.group_filter.itemData(3)
    page.group_filter.setCurrentIndex(3)
    assert all(group in e.groups for v in page.month.by_day.values() for e in v)
    page.group_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("published"))
    assert all(e.status == "published" for v in page.month.by_day.values() for e in v)
    page.status_filter.setCurrentIndex(0)
    page.search.setText("KTV")
    assert all("KTV" in e.title for v in page.month.by_day.values() for e in v)


def test_quick_actions(db, page, no_dialogs):
    iid = E.schedule_item("早报", "早报", D(2026, 11, 16), T(8, 0),
                          body="# 今日要闻\n\n\n\n- 第一条\n- [链接](https://a.cn)  ")
    page.reload()
    [entry] = page.month.by_day[D(2026, 11, 16)]
    assert entry.overdue
    page.copy_body(entry)
    assert QGuiApplication.clipboard().text() == "今日要闻\n\n• 第一条\n• 链接 https://a.cn"
    page.duplicate(entry)
    assert len(page.month.by_day[D(2026, 11, 16)]) == 2
    page.set_status(entry, "published")
    assert C.ContentItem.get_by_id(iid).status == "published"
    assert not [e for e in page.month.by_day[D(2026, 11, 16)] if e.item_id == iid][0].overdue
    menu = page.context_menu(entry, entry.date)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert "复制正文（粘贴到微信）(&C)" in labels and "复制一份(&U)" in labels
    page.selected = entry
    page.delete_selected()
    assert C.ContentItem.get_or_none(C.ContentItem.id == iid) is None


def test_data_changed_from_elsewhere_reloads(db, page, workspace):
    E.schedule_item("别处写入", "公告", D(2026, 11, 19))
    assert D(2026, 11, 19) not in page.month.by_day
    workspace.data_changed.emit(Changed.ACTIVITIES)
    assert page.month.by_day[D(2026, 11, 19)][0].title == "别处写入"


def test_export_from_page(db, page, tmp_path, monkeypatch):
    from ui import dialogs

    E.schedule_item("海报", "海报", D(2026, 11, 20))
    target = tmp_path / "out"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    page.export_ics()
    assert (tmp_path / "out.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_editor_turns_a_one_off_into_a_series(db, page, no_dialogs):
    from ui.calendar.editor import ItemEditor

    iid = E.schedule_item("答疑", "答疑", D(2026, 11, 19), T(20, 30))
    editor = ItemEditor(page, E.Ref(iid, None, D(2026, 11, 19)))
    assert not editor.scope_box.isVisibleTo(editor) and editor.recurrence.isEnabled()
    editor.recurrence.freq.setCurrentIndex(editor.recurrence.freq.findData("weekly"))
    editor.save()
    entries = C.entries_between(D(2026, 11, 1), D(2026, 12, 10))
    assert [e.date for e in entries] == [D(2026, 11, 19), D(2026, 11, 26), D(2026, 12, 3),
                                         D(2026, 12, 10)]
    assert all(e.series_id and e.item_id is None for e in entries)
    assert C.ContentItem.get_or_none(C.ContentItem.id == iid) is None


def test_enter_opens_the_selected_entry(db, page, qtbot):
    E.schedule_item("海报", "海报", D(2026, 11, 20))
    page.reload()
    page.month.repaint()
    rect, entry = page.month._hits[0]
    qtbot.mouseClick(page.month, Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected == entry
    with qtbot.waitSignal(page.month.entry_activated) as blocker:
        qtbot.keyClick(page.month, Qt.Key.Key_Return)
    assert blocker.args == [entry]
    page._editor = None


def test_mouse_drag_starts_a_drag_with_the_entry(db, page, qtbot, monkeypatch):
    """Press on a chip and move: the view starts a QDrag carrying the entry (the platform
    drag loop itself is replaced, then the drop is delivered as Qt would)."""
    from ui.calendar import month_view

    started: list[QMimeData] = []

    class FakeDrag:
        def __init__(self, source) -> None:
            self.data = None

        def setMimeData(self, data) -> None:  # noqa: N802
            self.data = data

        def setPixmap(self, pixmap) -> None:  # noqa: N802
            assert not pixmap.isNull()

        def exec(self, action) -> Qt.DropAction:
            started.append(self.data)
            return action

    monkeypatch.setattr(month_view, "QDrag", FakeDrag)
    iid = E.schedule_item("分享", "分享", D(2026, 11, 17), T(20, 0))
    page.reload()
    page.month.repaint()
    rect, entry = page.month._hits[0]
    qtbot.mousePress(page.month, Qt.MouseButton.LeftButton, pos=rect.center())
    target = page.month.day_rect(D(2026, 11, 26)).center()
    from PySide6.QtGui import QMouseEvent

    move = QMouseEvent(QMouseEvent.Type.MouseMove, target.toPointF(),
                       page.month.mapToGlobal(target).toPointF(), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.month.mouseMoveEvent(move)
    assert len(started) == 1 and ref_from_mime(started[0]) == E.Ref(iid, None, D(2026, 11, 17))
    _drop(page.month, target, started[0])
    assert C.ContentItem.get_by_id(iid).date == D(2026, 11, 26)


def test_main_window_hosts_the_page_and_new_button_opens_the_editor(db, workspace, qtbot):
    from PySide6.QtWidgets import QPushButton

    from ui.calendar.editor import ItemEditor
    from ui.calendar.page import CalendarPage
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_page("calendar")
    page = window.current_page()
    assert isinstance(page, CalendarPage)
    [new] = [b for b in page.findChildren(QPushButton) if b.text() == "新建内容(&N)"
             and not page.empty_state.isAncestorOf(b)]  # (the empty state offers one too)
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    assert isinstance(page._editor, ItemEditor) and page._editor.isVisible()
    assert page._editor.unscheduled.isChecked() is False
    page._editor.reject()
