"""Find members by name, nickname, WeChat ID or pinyin, and pick one or several."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.activities import signups
from ui import i18n

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MemberSearchList(QWidget):
    """A search box over a result list; `marked` ids (already signed up) are shown greyed."""

    selection_changed = Signal()

    def __init__(self, multi: bool = True, limit: int = 200,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.marked: set[int] = set()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索姓名、昵称、微信号或拼音（如 zs）"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("找到的成员"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                                      else QAbstractItemView.SelectionMode.SingleSelection)
        self.results.itemSelectionChanged.connect(self.selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        # Typing fast at 100,000 members: query once the user pauses for a moment.
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self._timer.start())

    @Slot()
    def refresh(self) -> None:
        self.results.clear()
        for member_id, name, nickname, city in signups.search_members(self.search.text(),
                                                                      self.limit):
            text = name + (i18n.aside(nickname) if nickname else "") + (f" · {city}" if city else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, member_id)
            if member_id in self.marked:
                item.setText(text + " " + self.tr("[已报名]"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                item.setForeground(Qt.GlobalColor.gray)
            self.results.addItem(item)

    def selected_ids(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self.results.selectedItems()]

    def select_rows(self, rows: list[int]) -> None:
        """Select result rows (keyboard users and tests)."""
        for row in rows:
            item = self.results.item(row)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                item.setSelected(True)
