"""Editing the list of content kinds and their colours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.calendar import lists as L
from models.calendar.entries import FALLBACK_KIND
from ui import dialogs
from ui.operations import Op
from ui.workspace import Changed, workspace_of


class KindsDialog(QDialog):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("内容类型"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("内容类型"))
        self.list.setIconSize(QSize(14, 14))
        self.list.currentItemChanged.connect(self._selected)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("类型名称"))
        self.color = "#3498DB"
        self.color_button = QPushButton(self.tr("颜色(&C)…"))
        self.color_button.clicked.connect(self._pick_color)
        add = QPushButton(self.tr("新增(&A)"))
        add.clicked.connect(lambda: self._save(None))
        save = QPushButton(self.tr("保存修改(&S)"))
        save.clicked.connect(lambda: self._save(self._current_id()))
        remove = QPushButton(self.tr("删除(&D)"))
        remove.clicked.connect(self._remove)
        edit = QHBoxLayout()
        edit.addWidget(self.name, 1)
        edit.addWidget(self.color_button)
        edit.addWidget(add)
        edit.addWidget(save)
        edit.addWidget(remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(edit)
        layout.addWidget(close)
        self.resize(520, 420)
        self.reload()

    def reload(self) -> None:
        current = self._current_id()
        self.list.clear()
        for kind in L.kinds():
            item = QListWidgetItem(self.tr("%1（%2 项）").replace("%1", kind.name)
                                   .replace("%2", str(kind.uses)))
            item.setData(Qt.ItemDataRole.UserRole, (kind.id, kind.name, kind.color))
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(kind.color))
            self.list.addItem(item)
            if kind.id == current:
                self.list.setCurrentItem(item)

    def _current_id(self) -> int | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return item.data(Qt.ItemDataRole.UserRole)[0] if item else None

    @Slot()
    def _selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        _kid, name, color = item.data(Qt.ItemDataRole.UserRole)
        self.name.setText(name)
        self._set_color(color)

    def _set_color(self, color: str) -> None:
        self.color = color
        self.color_button.setStyleSheet(f"background: {color}; color: white;")

    @Slot()
    def _pick_color(self) -> None:
        dialog = QColorDialog(QColor(self.color), self)
        dialog.colorSelected.connect(lambda c: self._set_color(c.name().upper()))
        dialog.open()

    def _save(self, kind_id: int | None) -> None:
        self._change(lambda: L.save_kind(self.name.text(), self.color, kind_id))

    def _change(self, change: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.reload()
            self.changed.emit()

        Op(self, workspace_of(self.parent()), change, Changed.CALENDAR).success(done) \
            .failure(lambda exc: dialogs.warn(self, self.windowTitle(), str(exc))).run()

    @Slot()
    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kid, name, _color = item.data(Qt.ItemDataRole.UserRole)
        if name == FALLBACK_KIND:
            dialogs.inform(self, self.windowTitle(), self.tr("“其他”是兜底类型，不能删除。"))
            return
        if dialogs.confirm(self, self.windowTitle(),
                           self.tr("删除类型“%1”？用到它的内容会归入“其他”。").replace("%1", name),
                           danger=True):
            self._change(lambda: L.delete_kind(kid))
