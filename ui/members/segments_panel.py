"""Saved filters (segments) with live member counts, beside the member list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.members import segments
from models.members.segments import MemberFilter
from ui import dialogs
from ui.operations import Op
from ui.workspace import Changed, workspace_of

ALL_ROW = -1


class SegmentsPanel(QWidget):
    segment_chosen = Signal(object)  # MemberFilter
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("分组筛选"))
        title.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("分组筛选"))
        self.list.itemClicked.connect(self._on_clicked)
        self.save_button = QPushButton(self.tr("保存当前筛选(&U)…"))
        self.save_button.clicked.connect(self.save_requested)
        self.delete_button = QPushButton(self.tr("删除(&D)"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Refill with live counts (a COUNT query per segment; cheap even at 100,000)."""
        selected = self.list.currentItem().data(Qt.ItemDataRole.UserRole) \
            if self.list.currentItem() else ALL_ROW
        self.list.clear()
        everyone = segments.count(MemberFilter())
        self._add(self.tr("全部在群成员"), everyone, ALL_ROW)
        for saved, count in segments.saved_with_counts():
            self._add(saved.name, count, saved.id)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == selected:
                self.list.setCurrentRow(row)

    def _add(self, name: str, count: int, key: int) -> None:
        item = QListWidgetItem(f"{name}  ({count})")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(name)
        self.list.addItem(item)

    @Slot(QListWidgetItem)
    def _on_clicked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == ALL_ROW:
            self.segment_chosen.emit(MemberFilter())
            return
        saved = segments.get_saved(key)
        if saved is not None:
            self.segment_chosen.emit(saved.filter)

    def ask_name(self, suggestion: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, self.tr("保存筛选"), self.tr("名称："),
                                        text=suggestion)
        name = name.strip()
        return name if ok and name else None

    @Slot()
    def delete_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) == ALL_ROW:
            return
        saved = segments.get_saved(item.data(Qt.ItemDataRole.UserRole))
        if saved and dialogs.confirm(self, self.tr("删除筛选"),
                                     self.tr("删除保存的筛选“%1”？成员不会被删除。")
                                     .replace("%1", saved.name)):
            filter_id = saved.id
            Op(self, workspace_of(self), lambda: segments.delete_saved(filter_id), Changed.MEMBERS) \
                .success(lambda _r: self.reload()).run()
