"""Qt's print preview and print dialogs, each keeping its printer (Qt's only point to it).

Imported when a dialog opens: QtPrintSupport stays out of start-up and of the CLI.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


class PreviewDialog(QPrintPreviewDialog):
    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.printer_ref = printer  # alive as long as the dialog


class PrintDialog(QPrintDialog):
    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.printer_ref = printer  # alive as long as the dialog
