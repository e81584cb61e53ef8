"""Levels and points: the thresholds that turn points into a level, and the default
points each kind of contribution earns."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.members import contributions
from models.members.cards import ValidationError, active_points
from models.members.contributions import KINDS
from models.store import settings
from ui.members.form_helpers import error_style, kind_labels, section_title
from ui.operations import Op
from ui.workspace import Changed, Workspace


class LevelsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("等级与积分规则"))
        # Every active member's points, once: the table shows how many would land at each
        # level while the thresholds are edited.
        self._all_points = active_points()
        self.table = QTableWidget(0, 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("起始积分"), self.tr("等级名称"),
                                              self.tr("在群人数")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 120)
        self.add_button = QPushButton(self.tr("添加等级(&A)"))
        self.remove_button = QPushButton(self.tr("删除所选等级(&D)"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row(self._next_points(), ""))
        self.remove_button.clicked.connect(self.remove_selected)
        self.points: dict[str, QSpinBox] = {}
        kinds = QWidget()
        form = QFormLayout(kinds)
        form.setContentsMargins(0, 0, 0, 0)
        labels = kind_labels()
        per_kind = settings.get("points_per_kind")
        for kind in KINDS:
            spin = QSpinBox()
            spin.setRange(-1000, 10_000)
            spin.setSuffix(self.tr(" 分"))
            spin.setValue(int(per_kind.get(kind, 0)))
            self.points[kind] = spin
            form.addRow(labels[kind], spin)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        hint = QLabel(self.tr("积分达到“起始积分”即升到该等级；最低一级从 0 开始。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7280;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消(&C)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(section_title(self.tr("会员等级")))
        left.addWidget(hint)
        left.addWidget(self.table, 1)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(section_title(self.tr("每类贡献的默认积分")))
        right.addWidget(kinds)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for points, name in contributions.thresholds():
            self.add_row(points, name)
        self.resize(640, 400)

    def add_row(self, points: int, name: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        spin = QSpinBox()
        spin.setAccessibleName(self.tr("起始积分"))
        spin.setRange(0, 10_000_000)
        spin.setValue(points)
        spin.valueChanged.connect(self.update_counts)
        self.table.setCellWidget(row, 0, spin)
        self.table.setItem(row, 1, QTableWidgetItem(name))
        count = QTableWidgetItem()
        count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, count)
        self.update_counts()
        name_item = self.table.item(row, 1)
        if not name and name_item is not None:
            self.table.setCurrentCell(row, 1)
            self.table.editItem(name_item)

    @Slot()
    def update_counts(self) -> None:
        """Members per level under the thresholds as they stand in the table."""
        starts = sorted({spin.value() for spin in self._spins() if spin is not None})
        for row in range(self.table.rowCount()):
            spin, item = self._spin(row), self.table.item(row, 2)
            if spin is None or item is None:
                continue
            start = spin.value()
            higher = [p for p in starts if p > start]
            low = 0 if start == starts[0] else start  # the lowest level takes everyone below
            low_index = bisect.bisect_left(self._all_points, low) if low else 0
            high_index = bisect.bisect_left(self._all_points, higher[0]) if higher \
                else len(self._all_points)
            item.setText(str(max(0, high_index - low_index)))

    def _spin(self, row: int) -> QSpinBox | None:
        """The points box of `row` (add_row gives every row one)."""
        widget = self.table.cellWidget(row, 0)
        return widget if isinstance(widget, QSpinBox) else None

    def _spins(self) -> list[QSpinBox | None]:
        return [self._spin(row) for row in range(self.table.rowCount())]

    def _next_points(self) -> int:
        values = [spin.value() for spin in self._spins() if spin is not None]
        return max(values, default=0) + 100

    @Slot()
    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.update_counts()

    def table_values(self) -> list[tuple[int, str]]:
        out = []
        for row, spin in enumerate(self._spins()):
            item = self.table.item(row, 1)
            if spin is not None:
                out.append((spin.value(), item.text().strip() if item else ""))
        return out

    @Slot()
    def save(self) -> bool:
        points = {k: s.value() for k, s in self.points.items()}
        table = self.table_values()

        def refused(exc: Exception) -> None:
            self.error.setText(exc.errors.get("levels", "") if isinstance(exc, ValidationError)
                               else str(exc))

        return Op(self, self.workspace, lambda: contributions.save_level_rules(table, points),
                  Changed.MEMBERS).success(lambda _r: self.accept()).failure(refused).run()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Enter while editing a level name commits the cell, not the whole dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            return
        super().keyPressEvent(event)
