"""Qt's print preview and print dialogs, each keeping its printer (Qt's only point to it),
and keeping the paper the pages were laid out for unless the owner picks another.

Imported when a dialog opens: QtPrintSupport stays out of start-up and of the CLI.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import (
    QPageSetupDialog,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QComboBox, QDialog, QWidget


def page_size_combos(widget: QWidget) -> list[QComboBox]:
    """The paper lists of a Qt page-setup widget (their items hold QPageSize values)."""
    out = []
    for combo in widget.findChildren(QComboBox):
        try:
            if combo.count() and isinstance(combo.itemData(0), QPageSize):
                out.append(combo)
        except RuntimeError:  # an item value PySide cannot convert (a CUPS job option)
            continue
    return out


class PaperGuard(QObject):
    """Keeps `printer` on its paper (A4: what the preview showed) through a print or page
    setup dialog, unless the owner picks another paper in it.

    Qt's dialogs start from the printer's own default paper and printable margins (a CUPS
    queue set to US Letter) and write them to the printer when accepted, even untouched.
    The guard shows the printer's paper in the dialog's paper list when it opens, notes
    when the owner picks one (QComboBox.activated: a user's choice only) and, on accept,
    puts the paper back unless the owner picked it, and the app's margins in any case. A
    native dialog (Windows, macOS) shows no such list: there a paper that is neither the
    app's nor the printer's default counts as picked.
    """

    def __init__(self, dialog: QDialog, printer: QPrinter) -> None:
        super().__init__(dialog)
        self.printer = printer
        self.layout = QPageLayout(printer.pageLayout())  # what the pages are laid out for
        self.picked = False
        self._watched: set[int] = set()
        dialog.installEventFilter(self)
        dialog.accepted.connect(self.settle)  # before the slots that then print

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QDialog) and id(child) not in self._watched:
                self._watched.add(id(child))  # the Properties dialog, made when first opened
                child.installEventFilter(self)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched is self.parent() and not self.picked:
                self.layout = QPageLayout(self.printer.pageLayout())
            self._show_paper(watched)
        return False

    def _show_paper(self, widget: QWidget) -> None:
        for combo in page_size_combos(widget):
            if id(combo) not in self._watched:
                self._watched.add(id(combo))
                combo.activated.connect(self._owner_picked)
            if self.picked:
                continue
            size = self.layout.pageSize()
            for index in range(combo.count()):
                if combo.itemData(index).isEquivalentTo(size):
                    combo.setCurrentIndex(index)
                    break

    def _owner_picked(self, _index: int) -> None:
        self.picked = True

    def settle(self) -> None:
        """After the dialog wrote its settings to the printer: the paper the pages were laid
        out for (or the owner's pick), the dialog's orientation, the app's margins."""
        chosen = self.printer.pageLayout()
        own = QPrinterInfo(self.printer)
        picked = self.picked or (  # a paper neither ours nor the printer's own: picked
            not own.isNull()
            and not chosen.pageSize().isEquivalentTo(self.layout.pageSize())
            and not chosen.pageSize().isEquivalentTo(own.defaultPageSize()))
        size = chosen.pageSize() if picked else self.layout.pageSize()
        units = self.layout.units()
        layout = QPageLayout(size, chosen.orientation(), self.layout.margins(units), units)
        if not self.printer.setPageLayout(layout):  # a paper this printer cannot take
            self.printer.setPageLayout(chosen)


class PreviewDialog(QPrintPreviewDialog):
    """The preview; its Print and Page setup dialogs keep the paper (PaperGuard)."""

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.printer_ref = printer  # alive as long as the dialog
        self._guarded: set[int] = set()
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QPrintDialog | QPageSetupDialog) and id(child) not in self._guarded:
                self._guarded.add(id(child))
                guard = PaperGuard(child, self.printer_ref)
                guard.layout = QPageLayout(self.printer_ref.pageLayout())
        return super().eventFilter(watched, event)


class PrintDialog(QPrintDialog):
    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.printer_ref = printer  # alive as long as the dialog
        self.paper_guard = PaperGuard(self, printer)
