"""ui.week.page.WeekPage: navigation, remembered sections, notes, PDF, preview and print."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from weekplan_data import MONDAY, build_week, d

from models.week import plan as weekly_plan
from ui.workspace import Changed


@pytest.fixture
def page(qtbot, workspace):
    from ui.week.page import WeekPage

    build_week()
    widget = WeekPage(workspace)
    qtbot.addWidget(widget)
    widget.go_to(d(18))
    return widget


def view_text(page) -> str:
    return page.view.toPlainText()


def test_shows_the_week(page):
    assert page.week_start == MONDAY
    assert page.date_edit.date() == QDate(2026, 11, 16)
    assert "11月16日" in page.range_label.text() and "11月22日" in page.range_label.text()
    text = view_text(page)
    for expected in ("AI 工具早报", "上海线下面基", "发布活动提醒", "张晓燕", "本周备注"):
        assert expected in text
    assert page.notes.toPlainText() == "本周重点：筹备线下面基"


def test_navigation(page, qtbot):
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.week_start == d(23)
    assert page.date_edit.date() == QDate(2026, 11, 23)
    assert "AI 工具早报" not in view_text(page)
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert page.week_start == d(9)
    page.date_edit.setDate(QDate(2026, 12, 3))  # any day picks its week
    assert page.week_start == dt.date(2026, 11, 30)
    qtbot.mouseClick(page.this_button, Qt.MouseButton.LeftButton)
    assert page.week_start == weekly_plan.week_start(dt.date.today())


def test_section_toggles_are_remembered(page, workspace, qtbot):
    from ui.week.page import WeekPage

    page.section_boxes["content"].setChecked(False)
    page.section_boxes["contributors"].setChecked(False)
    assert "AI 工具早报" not in view_text(page) and "贡献榜" not in view_text(page)
    assert "上海线下面基" in view_text(page)
    page.orientation.setCurrentIndex(1)
    again = WeekPage(workspace)
    qtbot.addWidget(again)
    assert not again.section_boxes["content"].isChecked()
    assert not again.section_boxes["contributors"].isChecked()
    assert again.section_boxes["activities"].isChecked()
    assert again.landscape() is True
    assert again.sections() == set(weekly_plan.SECTIONS) - {"content", "contributors"}
    for box in again.section_boxes.values():
        box.setChecked(False)
    third = WeekPage(workspace)
    qtbot.addWidget(third)
    assert third.sections() == set()


def test_notes_saved_per_week(page, qtbot):
    page.notes.setPlainText("周五前发海报")
    qtbot.waitUntil(lambda: weekly_plan.get_note(MONDAY) == "周五前发海报")
    page.go_to(d(25))
    assert page.notes.toPlainText() == ""
    page.notes.setPlainText("下周的事")
    page.go_to(d(18))  # leaving the week saves at once
    assert weekly_plan.get_note(d(25)) == "下周的事"
    assert page.notes.toPlainText() == "周五前发海报"
    assert "周五前发海报" in view_text(page)


def test_save_pdf(page, tmp_path, monkeypatch, no_dialogs, qtbot):
    from ui import dialogs

    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "plan")
    with qtbot.waitSignal(page.workspace.status_message) as blocker:
        pages = page.save_pdf()
    assert pages >= 1 and (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert "plan.pdf" in blocker.args[0]
    monkeypatch.setattr(dialogs, "save_file", lambda *args: None)
    assert page.save_pdf() == 0
    assert no_dialogs == []


def test_save_pdf_error_is_shown(page, tmp_path, monkeypatch, no_dialogs):
    from ui import dialogs

    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "missing" / "x.pdf")
    assert page.save_pdf() == 0
    assert no_dialogs[0][0] == "error" and "missing" in no_dialogs[0][1]


def test_no_chinese_font_warns_before_printing(page, monkeypatch, no_dialogs):
    from ui import dialogs
    from ui.print import document

    monkeypatch.setattr(document, "cjk_family", lambda: None)
    monkeypatch.setattr(dialogs, "save_file", lambda *args: pytest.fail("no file picker"))
    assert page.save_pdf() == 0
    assert page.preview() is None and page.print_page() is None
    assert [kind for kind, _ in no_dialogs] == ["warn"] * 3


def test_preview_and_print_dialogs_open(page, qtbot):
    preview = page.preview()
    assert preview is not None and preview.isVisible()
    preview.close()
    dialog = page.print_page()
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_reloads_after_data_changes(page, workspace):
    from models.calendar.edit import ItemFields, save_item

    save_item(ItemFields(title="临时加的答疑", kind="答疑", date=d(19)), [])
    workspace.data_changed.emit(Changed.CALENDAR)  # hidden page: rebuilt when next shown
    assert "临时加的答疑" not in view_text(page)
    page.activated()
    assert "临时加的答疑" in view_text(page)


def test_print_dialog_prints_on_accept(page, tmp_path, no_dialogs):
    from PySide6.QtPrintSupport import QPrinter

    dialog = page.print_page()
    printer = dialog.printer_ref
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.accepted.emit(printer)  # what Print emits (without the dialog rewriting the printer)
    dialog.close()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")


@pytest.mark.qt_log_ignore("QPainter::begin")  # the failure this test provokes
def test_print_failure_is_reported(page, no_dialogs):
    from PySide6.QtPrintSupport import QPrinter

    dialog = page.print_page()
    dialog.printer_ref.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer_ref.setOutputFileName("/nonexistent-dir/x.pdf")
    dialog.accepted.emit(dialog.printer_ref)
    dialog.close()
    assert no_dialogs and no_dialogs[0][0] == "error"
