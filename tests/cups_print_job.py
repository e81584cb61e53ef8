"""Print an activity's checklist or sign-in sheet to the default CUPS queue, as an owner
would (run by tests/test_print_cups.py in a process of its own, CUPS_SERVER set):

    python tests/cups_print_job.py DB {dialog|preview|pick-letter} {checklist|signin}

dialog: the print dialog, Print pressed untouched; preview: the preview's Print button,
then Print in its dialog; pick-letter: the print dialog, Properties, US Letter picked.
Prints one JSON line: the printer's paper and job name after the dialog.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main(db_path: str, mode: str, kind: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication, QDialog, QPushButton

    from models.store.db import open_database

    app = QApplication(["qundesk"])
    open_database(Path(db_path))
    from test_activities_print import _activity_with_people

    from ui.activities import printables
    from ui.print import document
    from ui.print.print_dialogs import page_size_combos

    activity = _activity_with_people()
    html, title = ((printables.checklist_html(activity), printables.checklist_title(activity))
                   if kind == "checklist" else
                   (printables.signin_sheet_html(activity), printables.signin_title(activity)))
    printed: dict[str, str] = {}

    def note(printer) -> None:
        printed.update(paper=printer.pageLayout().pageSize().key(), job=printer.docName())

    if mode == "preview":
        preview = (printables.preview_checklist(None, activity) if kind == "checklist"
                   else printables.preview_signin(None, activity))
        app.processEvents()

        def press_print() -> None:
            dialog = next(d for d in preview.findChildren(QPrintDialog) if d.isVisible())
            dialog.accept()
            note(dialog.printer())

        QTimer.singleShot(300, press_print)
        action = next(a for a in preview.findChildren(QAction)
                      if a.text().replace("&", "") == "Print")
        action.trigger()  # opens the print dialog, prints when it is accepted
    else:
        dialog = document.print_dialog(None, html, title=title)
        app.processEvents()
        if mode == "pick-letter":
            def pick() -> None:
                properties = next(d for d in dialog.findChildren(QDialog) if d.isVisible())
                combo = page_size_combos(properties)[0]
                index = next(i for i in range(combo.count())
                             if combo.itemData(i).key() == "Letter")
                combo.setCurrentIndex(index)
                combo.activated.emit(index)  # what choosing it with the mouse sends
                properties.accept()

            QTimer.singleShot(300, pick)
            next(b for b in dialog.findChildren(QPushButton)
                 if b.objectName() == "properties").click()
        dialog.accept()
        note(dialog.printer())
    print(json.dumps(printed))


if __name__ == "__main__":
    main(*sys.argv[1:4])
