"""Past activities side by side: sign-ups, attendance, conversions, income, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.activities import activity as activities
from ui import dates
from ui.activities.labels import kind_label
from ui.activities.review_panel import percent
from ui.colors import tint

BEST_GREEN = QColor("#2e7d32")  # washed over the base: pale on light, deep on dark

# The figures compared across activities: the best in each of these rows stands out.
Compared = Literal["signed_up", "attended", "attendance_rate", "new_members", "conversions",
                   "conversion_rate", "income"]
FigureRow = tuple[str, Callable[[activities.ReviewFigures], str], Compared | None]


class CompareDialog(QDialog):
    """Tick activities on the left; each becomes a column on the right."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None,
                 preselect: int = 4) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("活动对比"))
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("要对比的活动"))
        for a in activities.list_activities("past", today):
            if a.status == "cancelled":
                continue
            item = QListWidgetItem(f"{dates.short_date(a.start.date())} {a.title}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.choices.count() < preselect
                               else Qt.CheckState.Unchecked)
            self.choices.addItem(item)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("活动对比表"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("勾选要对比的活动")))
        left_layout.addWidget(self.choices)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 700])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.choices.itemChanged.connect(lambda _item: self.refresh())
        self.refresh()
        self.resize(1100, 560)

    def selected_ids(self) -> list[int]:
        ids = [self.choices.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(self.choices.count())
               if self.choices.item(i).checkState() == Qt.CheckState.Checked]
        return list(reversed(ids))  # oldest on the left, like a timeline

    @Slot()
    def refresh(self) -> None:
        figures = activities.review_figures(self.selected_ids())
        rows: list[FigureRow] = [
            (self.tr("日期"), lambda f: dates.short_date(f['start'].date()), None),
            (self.tr("形式"), lambda f: kind_label(f["kind"]), None),
            (self.tr("报名"), lambda f: str(f["signed_up"]), "signed_up"),
            (self.tr("签到"), lambda f: str(f["attended"]), "attended"),
            (self.tr("到场率"), lambda f: percent(f["attendance_rate"]), "attendance_rate"),
            (self.tr("新增成员"), lambda f: str(f["new_members"]), "new_members"),
            (self.tr("转化人数"), lambda f: str(f["conversions"]), "conversions"),
            (self.tr("转化率"), lambda f: percent(f["conversion_rate"]), "conversion_rate"),
            (self.tr("收入"), lambda f: f"¥{f['income']:,.2f}", "income"),
            (self.tr("预算"), lambda f: f"¥{f['budget']:,.2f}", None),
            (self.tr("清单完成"), lambda f: f"{f['steps_done']}/{f['steps_total']}", None),
            (self.tr("保持"), lambda f: f["keep"], None),
            (self.tr("改进"), lambda f: f["change"], None),
        ]
        self.table.clear()
        self.table.setColumnCount(len(figures))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([f["title"] for f in figures])
        self.table.setVerticalHeaderLabels([label for label, _, _ in rows])
        for r, (_label, text_of, key) in enumerate(rows):
            best = None
            if key and len(figures) > 1:
                values = [value for f in figures if (value := f[key]) is not None]
                best = max(values) if values else None
            for c, f in enumerate(figures):
                item = QTableWidgetItem(text_of(f))
                if key and best is not None and best and f[key] == best:
                    item.setBackground(QBrush(tint(BEST_GREEN)))  # the best in each row stands out
                self.table.setItem(r, c, item)
