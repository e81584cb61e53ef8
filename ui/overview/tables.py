"""Small read-only lists on the Overview: leaderboard, follow-up queue, birthdays, at risk.

RowsModel shows a list of dicts (from models.stats.overview) column by column; ListPanel puts a
title, a "show all" link and the table together. Clicking a row opens that member.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
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

from ui.table_model import Column, ColumnTableModel

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole

# (header, how to show a row, alignment)
RowColumn = tuple[str, Callable[[dict[str, Any]], str], Qt.AlignmentFlag]


class RowsModel(ColumnTableModel[dict[str, Any]]):
    def __init__(self, columns: list[RowColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The text is its own tooltip (cut-off names); keys are not needed here.
        self.set_column_specs(Column(str(n), header, display=show, tooltip=show,
                                     align=align | Qt.AlignmentFlag.AlignVCenter)
                              for n, (header, show, align) in enumerate(columns))

    def row_role(self, row: dict[str, Any], role: int) -> object:
        return row.get("member_id") if role == MEMBER_ID_ROLE else None

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]


class ListPanel(QFrame):
    """A titled list; `member_clicked(id, name)` on a row, `show_all` on the link."""

    member_clicked = Signal(int, str)
    show_all = Signal()

    def __init__(self, title: str, columns: list[RowColumn], parent: QWidget | None = None,
                 stretch: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(title)
        self.heading.setObjectName("panelTitle")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("查看全部(&A)"))
        self.all_button.setToolTip(self.tr("在成员列表中查看全部"))
        self.all_button.clicked.connect(self.show_all)
        self.header = QHBoxLayout()
        self.header.addWidget(self.heading)
        self.header.addStretch(1)
        self.header.addWidget(self.all_button)
        self.model = RowsModel(columns, self)
        self.table = QTableView()
        self.table.setAccessibleName(title)  # the panel's heading names its table
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
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
        # Room for every column's cells and the stretching one's title ("Name" is never
        # cut off). From the cells, not the sections: the last section is stretched to the
        # panel's width, which would make today's width the least it may ever have.
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSizeHint(i) if header.sectionResizeMode(i)
                     == QHeaderView.ResizeMode.Stretch
                     else max(self.table.sizeHintForColumn(i), header.sectionSizeHint(i))
                     for i in range(header.count()))
        self.table.setMinimumWidth(needed + 2 * self.table.frameWidth()
                                   + self.table.verticalScrollBar().sizeHint().width())
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.empty.setText(empty)
        self.empty.setVisible(not rows and bool(empty))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.row_data(index.row())
            if row.get("member_id") is not None:
                self.member_clicked.emit(int(row["member_id"]), str(row.get("name", "")))
