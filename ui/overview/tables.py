"""Small read-only lists on the Overview: leaderboard, follow-up queue, birthdays, at risk.

RowsModel shows a list of dicts (from models.stats.overview) column by column; ListPanel puts a
title, a "show all" link and the table together. Clicking a row opens that member.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex

# (header, how to show a row, alignment)
Column = tuple[str, Callable[[dict[str, Any]], str], Qt.AlignmentFlag]


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        _, show, align = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return show(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == MEMBER_ID_ROLE:
            return row.get("member_id")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ListPanel(QFrame):
    """A titled list; `member_clicked(id, name)` on a row, `show_all` on the link."""

    member_clicked = Signal(int, str)
    show_all = Signal()

    def __init__(self, title: str, columns: list[Column], parent: QWidget | None = None,
                 stretch: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(title)
        self.heading.setObjectName("panelTitle")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("查看全部"))
        self.all_button.setToolTip(self.tr("在成员列表中查看全部"))
        self.all_button.clicked.connect(self.show_all)
        self.header = QHBoxLayout()
        self.header.addWidget(self.heading)
        self.header.addStretch(1)
        self.header.addWidget(self.all_button)
        self.model = RowsModel(columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setCursor(Qt.CursorShape.PointingHandCursor)
        header = self.table.horizontalHeader()
        # Sized once per update below: ResizeToContents would ask every cell on every layout.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(230)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.empty = QLabel("")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(self.header)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def set_rows(self, rows: list[dict[str, Any]], summary: str = "", empty: str = "") -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.empty.setText(empty)
        self.empty.setVisible(not rows and bool(empty))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.row_data(index.row())
            if row.get("member_id") is not None:
                self.member_clicked.emit(int(row["member_id"]), str(row.get("name", "")))
