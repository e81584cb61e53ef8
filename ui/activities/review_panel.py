"""The review tab (复盘): figures counted for you plus what you fill in after the event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.activities import activity as activities
from ui.colors import OVERDUE_RED, text_style
from ui.i18n import number
from ui.operations import Op
from ui.workspace import Changed, workspace_of


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class ReviewPanel(QWidget):
    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activity_id: int | None = None
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        counted = QGroupBox(self.tr("自动统计"))
        QVBoxLayout(counted).addWidget(self.figures)
        self.new_members = QSpinBox()
        self.new_members.setRange(0, 100000)
        self.conversions = QSpinBox()
        self.conversions.setRange(0, 100000)
        self.income = QDoubleSpinBox()
        self.income.setRange(0, 100_000_000)
        self.income.setDecimals(2)
        self.income.setPrefix("¥ ")
        self.reviewed_on = QDateEdit()
        self.reviewed_on.setCalendarPopup(True)
        self.reviewed_on.setDisplayFormat("yyyy-MM-dd")
        self.keep = QPlainTextEdit()
        self.keep.setPlaceholderText(self.tr("这次做得好、下次继续的"))
        self.change = QPlainTextEdit()
        self.change.setPlaceholderText(self.tr("下次要改进的"))
        form_box = QGroupBox(self.tr("复盘"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("新增成员"), self.new_members)
        form.addRow(self.tr("转化人数"), self.conversions)
        form.addRow(self.tr("收入"), self.income)
        form.addRow(self.tr("复盘日期"), self.reviewed_on)
        form.addRow(self.tr("保持"), self.keep)
        form.addRow(self.tr("改进"), self.change)
        self.error = QLabel()
        self.error.setStyleSheet(text_style(OVERDUE_RED))
        self.save_button = QPushButton(self.tr("保存复盘(&A)"))
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(counted)
        layout.addWidget(form_box, 1)
        layout.addLayout(bottom)

    def load(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.setEnabled(activity_id is not None)
        self.error.clear()
        if activity_id is None:
            self.figures.clear()
            return
        activity = activities.require_activity(activity_id)
        self.new_members.setValue(activity.new_members)
        self.conversions.setValue(activity.conversions)
        self.income.setValue(float(activity.income or 0))
        day = activity.reviewed_on or max(dt.date.today(), activity.end_or_start.date())
        self.reviewed_on.setDate(QDate(day.year, day.month, day.day))
        self.keep.setPlainText(activity.review_keep)
        self.change.setPlainText(activity.review_change)
        self.refresh_figures()

    def refresh_figures(self) -> None:
        if self.activity_id is None:
            return
        f = activities.review_figures([self.activity_id])[0]
        parts = [
            self.tr("报名 %1 人").replace("%1", number(f["signed_up"])),
            self.tr("签到 %1 人").replace("%1", number(f["attended"])),
            self.tr("到场率 %1").replace("%1", percent(f["attendance_rate"])),
            self.tr("转化率 %1").replace("%1", percent(f["conversion_rate"])),
            self.tr("清单完成 %1/%2").replace("%1", str(f["steps_done"]))
            .replace("%2", str(f["steps_total"])),
            self.tr("预算 ¥%1").replace("%1", f"{f['budget']:,.2f}"),
        ]
        self.figures.setText("　·　".join(parts))

    @Slot()
    def save(self) -> None:
        if self.activity_id is None:
            return
        activity_id = self.activity_id
        data = {
            "new_members": self.new_members.value(),
            "conversions": self.conversions.value(),
            "income": f"{self.income.value():.2f}",
            "reviewed_on": dt.date.fromisoformat(self.reviewed_on.date().toString("yyyy-MM-dd")),
            "review_keep": self.keep.toPlainText(),
            "review_change": self.change.toPlainText(),
        }

        def done(_activity: object) -> None:
            self.error.setText(self.tr("已保存"))
            self.refresh_figures()
            self.saved.emit()

        Op(self, workspace_of(self), lambda: activities.save_activity(data, activity_id),
           Changed.ACTIVITIES).success(done).failure(lambda exc: self.error.setText(str(exc))).run()
