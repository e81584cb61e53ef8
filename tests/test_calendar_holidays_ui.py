"""The holidays editor (节假日…): a year's 休/班 days and where they come from, the owner's
own entries (typed in, corrected, taken back, imported from an .ics file), and how the
calendar shows them in both languages (issue #15, item 11)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton

from models.calendar import holidays as H
from models.store import undo
from tests.test_holidays import ICS
from ui.workspace import Changed

D = dt.date
TODAY = D(2026, 11, 18)


@pytest.fixture
def page(workspace, qtbot):
    from ui.calendar.page import CalendarPage

    page = CalendarPage(workspace)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.today = TODAY
    page.go_to(D(2027, 2, 1))
    page.show()
    qtbot.waitExposed(page)
    return page


def _open(page, qtbot, day: dt.date | None = None):
    from ui.calendar.holidays_dialog import HolidaysDialog

    page.manage_holidays(day)
    dialog = page._editor
    assert isinstance(dialog, HolidaysDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def _row(dialog, day: dt.date) -> dict[str, str]:
    model = dialog.model
    row = model.row_of(day)
    assert row >= 0, day
    return {key: model.index(row, col).data() for col, key in enumerate(model.COLUMNS)}


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def _notices(workspace) -> list[Changed]:
    seen: list[Changed] = []
    workspace.data_changed.connect(seen.append)
    return seen


def test_the_page_opens_the_editor_from_its_button(db, page, qtbot):
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == "节假日(&L)…"]
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable with the keyboard
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = page._editor
    assert dialog.isVisible() and dialog.year.value() == 2027
    assert dialog.chosen_day() == D(2027, 2, 1)  # the month shown


def test_2027_lists_the_computed_days_as_provisional(db, page, qtbot):
    dialog = _open(page, qtbot)
    assert "2027" in dialog.hint.text() and "待公布" in dialog.hint.text()
    assert [d.date for d in dialog.model.days] == sorted(H.computed_festivals(2027))
    assert _row(dialog, D(2027, 2, 6)) == {"date": "周六 2月6日", "kind": "休（放假）",
                                            "name": "春节", "source": "推算（待公布）"}
    dialog.year.setValue(2026)  # a year with the official schedule: 调休 days too
    assert "国务院" in dialog.hint.text()
    assert _row(dialog, D(2026, 10, 10))["kind"] == "班（调休上班）"
    assert _row(dialog, D(2026, 10, 10))["source"] == "官方安排"


def test_entering_a_working_day_writes_once_and_the_calendar_shows_it(db, page, qtbot,
                                                                       workspace, no_dialogs):
    dialog = _open(page, qtbot, D(2027, 2, 20))
    seen = _notices(workspace)
    assert dialog.kind.currentData() == "work"  # a plain Saturday: 班 is the likely word
    assert not dialog.remove_button.isEnabled()
    dialog.name.setEditText("春节")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen == [Changed.CALENDAR] and not no_dialogs
    assert H.owner_days(2027) == [H.OwnerDay(D(2027, 2, 20), "work", "spring_festival")]
    assert _row(dialog, D(2027, 2, 20))["source"] == "我填的"
    assert "推算" not in _row(dialog, D(2027, 2, 20))["source"]
    assert dialog.remove_button.isEnabled() and "你填写的 1 天" in dialog.hint.text()
    # The page reloaded on the notice: the month paints the badge.
    page.month.repaint()
    assert page.month.holiday_tip(page.month.day_rect(D(2027, 2, 20)).topLeft()
                                  + QPoint(30, 8)).startswith("班 · 春节")
    # One undo step takes it back; the open editor follows the notice.
    assert undo.undo() is not None
    workspace.announce(Changed.ALL)
    assert dialog.model.row_of(D(2027, 2, 20)) < 0


def test_correcting_a_computed_day_and_taking_the_entry_back(db, page, qtbot, no_dialogs):
    dialog = _open(page, qtbot, D(2027, 2, 8))
    assert dialog.kind.currentData() == "off" and dialog.name.currentText() == "春节"
    assert "待公布" in dialog.state.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("normal"))
    dialog.save_day()
    assert not H.day_info(D(2027, 2, 8)).holiday and H.is_workday(D(2027, 2, 8))
    row = _row(dialog, D(2027, 2, 8))  # still listed, so it can be taken back
    assert row["kind"] == "普通日（不放假也不调休）" and row["source"] == "我填的"
    assert row["name"] == "" and H.owner_days(2027)[0].name == ""  # an ordinary day has none
    tip = dialog.model.index(dialog.model.row_of(D(2027, 2, 8)), 3).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "推算" in tip and "春节" in tip
    # Own words for another day, then take both back at once (Delete in the list).
    dialog.date.setDate(D(2027, 2, 9))
    dialog.kind.setCurrentIndex(dialog.kind.findData("off"))
    dialog.name.setEditText("公司年会调休")
    dialog.save_day()
    assert H.day_info(D(2027, 2, 9)).note == "公司年会调休"
    dialog.table.selectAll()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert H.owner_days(2027) == []
    assert H.day_info(D(2027, 2, 8)).provisional and not no_dialogs


def test_importing_a_holiday_calendar(db, page, qtbot, tmp_path, monkeypatch, no_dialogs,
                                      workspace):
    from ui import dialogs

    path = tmp_path / "中国节假日.ics"
    path.write_text(ICS.replace("\n", "\r\n"), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    dialog = _open(page, qtbot, D(2026, 12, 1))
    seen = _notices(workspace)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert seen == [Changed.CALENDAR]
    [(kind, text)] = no_dialogs
    assert kind == "inform" and "已导入 10 个放假日、1 个调休上班日" in text
    assert "另有 1 个不是全天的事件" in text
    assert dialog.year.value() == 2027  # it shows what came in
    assert _row(dialog, D(2027, 1, 31))["kind"] == "班（调休上班）"
    assert _row(dialog, D(2027, 2, 11))["source"] == "我填的"
    assert undo.undo() is not None and H.owner_days(2027) == []  # one step


@pytest.mark.parametrize("content, words", [
    (b"not a calendar at all", "不是有效的日历文件"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "没有找到任何放假或调休日期"),
])
def test_a_bad_file_says_what_is_wrong_and_writes_nothing(db, page, qtbot, tmp_path,
                                                          monkeypatch, no_dialogs, workspace,
                                                          content, words):
    from ui import dialogs

    path = tmp_path / "bad.ics"
    path.write_bytes(content)
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    dialog = _open(page, qtbot)
    seen = _notices(workspace)
    dialog.import_file()
    [(kind, text)] = no_dialogs
    assert kind == "warn" and words in text and "bad.ics" in text
    assert seen == [] and H.owner_days(2027) == [] and undo.latest() is None


def test_a_read_only_workspace_shows_the_days_but_cannot_change_them(db, page, qtbot,
                                                                     workspace, no_dialogs):
    workspace.set_read_only("why_file_read_only")
    dialog = _open(page, qtbot, D(2027, 2, 6))
    assert dialog.model.rowCount() > 0
    for control in (dialog.save_button, dialog.remove_button, dialog.import_button,
                    dialog.kind, dialog.name):
        assert not control.isEnabled()
        assert "只读" in control.toolTip()
    dialog.save_day()  # and the operation path refuses anyway
    assert H.owner_days(2027) == [] and no_dialogs[-1][0] == "inform"


def test_a_days_menu_opens_the_editor_at_that_day(db, page, qtbot):
    menu = page.context_menu(None, D(2027, 4, 5))
    [action] = [a for a in menu.actions() if a.text() == "节假日（休/班）(&H)…"]
    action.trigger()
    dialog = page._editor
    assert dialog.chosen_day() == D(2027, 4, 5) and dialog.name.currentText() == "清明节"
    dialog.close()  # closed dialogs are deleted
    qtbot.waitUntil(lambda: page._editor is None or not _alive(page._editor))


def test_english_says_off_and_work_in_full_with_english_names(db, page, qtbot):
    from ui import i18n
    from ui.calendar.common import fitting_name, holiday_mark, holiday_name

    i18n.install("en")
    H.set_days([H.OwnerDay(D(2027, 2, 20), "work", "spring_festival")])
    provisional, work = H.day_info(D(2027, 2, 6)), H.day_info(D(2027, 2, 20))
    assert (holiday_mark(provisional), holiday_mark(work)) == ("Off", "Work")
    assert holiday_name(provisional) == "Spring Festival (provisional)"
    assert holiday_name(work) == "Spring Festival"
    # Where the words don't fit, "(provisional)" goes first (the badge still says it).
    metrics = QFontMetrics(page.font())
    narrow = metrics.horizontalAdvance("Spring Festival") + 2
    assert fitting_name(provisional, metrics, narrow) == "Spring Festival"
    assert fitting_name(provisional, metrics, 1000) == "Spring Festival (provisional)"
    page.set_view("week")
    page.go_to(D(2027, 2, 8))
    page.week.repaint()
    tip = page.week.holiday_tip(QPoint(page.week.column_rect(0).center().x(), 25))
    assert tip.startswith("Off · Spring Festival (provisional)") and "lunar" in tip
    dialog = _open(page, qtbot, D(2027, 2, 20))
    assert _row(dialog, D(2027, 2, 6)) == {"date": "Sat 6 Feb", "kind": "Off (holiday)",
                                            "name": "Spring Festival",
                                            "source": "Computed (provisional)"}
    assert _row(dialog, D(2027, 2, 20))["kind"] == "Work (working day)"
    assert dialog.name.currentText() == "Spring Festival"
    dialog.save_day()  # the English name is stored as the festival, not as words
    assert H.owner_days(2027)[0].name == "spring_festival"


def test_badges_are_as_wide_as_their_word_and_provisional_ones_look_it(qtbot):
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui import i18n
    from ui.calendar.month_view import paint_badge

    i18n.install("en")
    image = QImage(200, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    official = paint_badge(p, 2, 2, H.day_info(D(2026, 10, 10)), QColor("white"))
    computed = paint_badge(p, 2, 20, H.day_info(D(2027, 2, 6)), QColor("white"))
    metrics = p.fontMetrics()
    p.end()
    assert official.width() > metrics.horizontalAdvance("Work")
    assert computed.width() > metrics.horizontalAdvance("Off")
    # Official: a filled badge; computed: a pale one (its outline and word in colour).
    assert image.pixelColor(official.left() + 1, official.center().y()) != QColor("white")
    pale = image.pixelColor(computed.left() + 2, computed.top() + 2)
    assert pale.lightness() > 200 and pale != QColor("white")


def test_an_entry_says_what_it_overrides(db, page, qtbot):
    H.set_days([H.OwnerDay(D(2027, 2, 20), "work", ""), H.OwnerDay(D(2026, 10, 10), "off", "")])
    dialog = _open(page, qtbot, D(2027, 2, 20))
    assert dialog.state.text().endswith("推算：普通日")  # no official schedule for 2027
    dialog.year.setValue(2026)
    dialog.date.setDate(D(2026, 10, 10))
    assert dialog.state.text().endswith("官方安排：班 · 国庆节")
