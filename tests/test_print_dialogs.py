"""The print and preview dialogs: jobs carry their title, the paper stays A4 unless the
owner picks another (PaperGuard), and Print to file writes the app's own kind of PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize


def _letter_as_qt_writes_it() -> QPageLayout:
    """What Qt's dialogs write to the printer for a CUPS queue whose default is Letter."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait,
                       QMarginsF(6.35, 6.35, 6.35, 6.35), QPageLayout.Unit.Millimeter)


def test_every_print_job_carries_its_title(db, qapp, qtbot):
    from test_activities_print import _activity_with_people

    from ui.activities import printables
    from ui.print import document

    activity = _activity_with_people()
    for dialog, title in (
            (printables.preview_checklist(None, activity), printables.checklist_title(activity)),
            (printables.preview_signin(None, activity), printables.signin_title(activity)),
            (document.print_dialog(None, "<p>周计划</p>", title="周计划 11月16日"), "周计划 11月16日"),
            (document.preview(None, "<p>周计划</p>", title="周计划 11月16日"), "周计划 11月16日")):
        assert dialog is not None
        assert dialog.printer_ref.docName() == title
        dialog.close()


def test_the_dialogs_default_paper_does_not_win_silently(qapp, qtbot):
    from ui.print import document

    dialog = document.print_dialog(None, "<p>周计划</p>", title="t")
    printer = dialog.printer_ref
    printer.setPageLayout(_letter_as_qt_writes_it())  # the dialog's setupPrinter on accept
    dialog.paper_guard.settle()
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.margins(QPageLayout.Unit.Millimeter) == document.MARGINS_MM
    dialog.close()


def test_a_paper_the_owner_picks_is_kept_with_the_apps_margins(qapp, qtbot):
    from ui.print import document

    dialog = document.print_dialog(None, "<p>周计划</p>", title="t", landscape=True)
    dialog.paper_guard._owner_picked(0)  # the paper list's `activated`: a user's choice
    printer = dialog.printer_ref
    picked = _letter_as_qt_writes_it()
    picked.setOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageLayout(picked)
    dialog.paper_guard.settle()
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.Letter
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.margins(QPageLayout.Unit.Millimeter) == document.MARGINS_MM
    dialog.close()


def test_a_paper_neither_ours_nor_the_printers_counts_as_picked(qapp, qtbot, monkeypatch):
    """A native dialog (Windows, macOS) shows the guard no paper list."""
    from PySide6.QtPrintSupport import QPrinterInfo

    from ui.print import document, print_dialogs

    class LetterPrinter:  # a printer whose own default is Letter
        def __init__(self, _printer):
            pass

        def isNull(self):
            return False

        def defaultPageSize(self):
            return QPageSize(QPageSize.PageSizeId.Letter)

    monkeypatch.setattr(print_dialogs, "QPrinterInfo", LetterPrinter)
    assert QPrinterInfo is not LetterPrinter

    dialog = document.print_dialog(None, "<p>周计划</p>", title="t")
    printer = dialog.printer_ref
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5),
                                      QPageLayout.Orientation.Portrait, QMarginsF(5, 5, 5, 5),
                                      QPageLayout.Unit.Millimeter))
    dialog.paper_guard.settle()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    dialog.close()


def test_print_to_file_writes_the_apps_pdf(qapp, tmp_path, no_dialogs, monkeypatch):
    """Print to file (PDF) in the dialog: written whole, its text layer put right."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtPrintSupport import QPrinter

    from ui.print import document

    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (pdftotext)")
    if "Noto Sans CJK SC" in QFontDatabase.families():  # the font that names ⽉ for 月
        monkeypatch.setattr(document, "cjk_family", lambda: "Noto Sans CJK SC")
    dialog = document.print_dialog(None, "<p>十一月十六日 周一</p>", title="周计划")
    printer = dialog.printer_ref
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.accepted.emit(printer)
    dialog.close()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "十一月十六日 周一" in text and "周计划" in text
    assert not list(tmp_path.glob(".*.tmp")) and no_dialogs == []
