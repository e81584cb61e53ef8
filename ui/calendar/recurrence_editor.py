"""Editing a recurrence rule: kind, every-N, weekdays, nth weekday, and the end.

What a rule says survives the editor: the spin boxes offer a generous range for typing,
and a stored value beyond it (a series of 10,000 days made elsewhere) widens the box
instead of being cut to its maximum (`show_value`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.calendar.recurrence import Rule, nth_of
from ui.calendar.common import py_date, qdate, weekday_names

INTERVAL_MAX = 999  # every 999 days, weeks or months: more than anyone types
COUNT_MAX = 99_999  # occurrences; a stored rule may say more (the box then widens)
_INT_MAX = 2**31 - 1  # what a QSpinBox holds


def show_value(box: QSpinBox, value: int) -> None:
    """Show `value` in `box`, widening its range if the value lies outside (a value
    loaded from the file must come back unchanged when the form is saved)."""
    value = max(-_INT_MAX, min(_INT_MAX, value))
    if value > box.maximum():
        box.setMaximum(value)
    if value < box.minimum():
        box.setMinimum(value)
    box.setValue(value)


def days_later(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, kept within the calendar (no overflow near year 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


class RecurrenceEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = dt.date.today()
        self.freq = QComboBox()
        self.freq.setAccessibleName(self.tr("重复"))
        for key, label in (
            ("", self.tr("不重复")), ("daily", self.tr("每天")),
            ("weekdays", self.tr("每个工作日（周一至周五）")),
            ("workdays", self.tr("法定工作日（节假日休息、调休上班）")),
            ("weekly", self.tr("每周")), ("monthly_date", self.tr("每月（按日期）")),
            ("monthly_weekday", self.tr("每月（按星期）")),
        ):
            self.freq.addItem(label, key)
        self.interval = QSpinBox()
        self.interval.setRange(1, INTERVAL_MAX)
        self.unit = QLabel()
        self.days = [QCheckBox(name) for name in weekday_names()]
        self.nth = QComboBox()
        for value, label in ((1, self.tr("第一个")), (2, self.tr("第二个")),
                             (3, self.tr("第三个")), (4, self.tr("第四个")),
                             (-1, self.tr("最后一个"))):
            self.nth.addItem(label, value)
        self.end = QComboBox()
        self.end.setAccessibleName(self.tr("结束"))
        self.end.addItem(self.tr("一直重复"), "never")
        self.end.addItem(self.tr("截止到"), "until")
        self.end.addItem(self.tr("共几次"), "count")
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.count = QSpinBox()
        self.count.setRange(1, COUNT_MAX)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" 次"))

        every = QHBoxLayout()
        self.every_label = QLabel(self.tr("每"))
        every.addWidget(self.every_label)
        every.addWidget(self.interval)
        every.addWidget(self.unit)
        self.nth_label = QLabel(self.tr("当月的"))
        every.addWidget(self.nth_label)
        every.addWidget(self.nth)
        self.nth_weekday = QLabel()
        every.addWidget(self.nth_weekday)
        every.addStretch(1)
        self.day_row = QHBoxLayout()
        for box in self.days:
            self.day_row.addWidget(box)
        self.day_row.addStretch(1)
        ends = QHBoxLayout()
        self.end_label = QLabel(self.tr("结束："))
        ends.addWidget(self.end_label)
        ends.addWidget(self.end)
        ends.addWidget(self.until)
        ends.addWidget(self.count)
        ends.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.freq)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(every)
        layout.addLayout(self.day_row)
        layout.addLayout(ends)
        for signal in (self.freq.currentIndexChanged, self.end.currentIndexChanged,
                       self.interval.valueChanged, self.nth.currentIndexChanged):
            signal.connect(self._refresh)
        for box in self.days:
            box.toggled.connect(self._refresh)
        self._refresh()

    def set_start(self, start: dt.date) -> None:
        """The series start decides the default weekday, day of month and nth weekday."""
        self.start = start
        if not any(b.isChecked() for b in self.days):
            self.days[start.weekday()].setChecked(True)
        if py_date(self.until.date()) < start:
            self.until.setDate(qdate(days_later(start, 90)))
        self._refresh()

    def set_rule(self, rule: Rule | None, start: dt.date) -> None:
        self.start = start
        self.freq.setCurrentIndex(self.freq.findData(rule.freq if rule else ""))
        for n, box in enumerate(self.days):
            box.setChecked(bool(rule and n in (rule.weekdays or (start.weekday(),))))
        show_value(self.interval, rule.interval if rule else 1)
        nth = (rule.nth if rule and rule.nth else nth_of(start))
        self.nth.setCurrentIndex(max(0, self.nth.findData(nth)))
        if rule and rule.until:
            self.end.setCurrentIndex(1)
            self.until.setDate(qdate(rule.until))
        elif rule and rule.count:
            self.end.setCurrentIndex(2)
            show_value(self.count, rule.count)
        else:
            self.end.setCurrentIndex(0)
            self.until.setDate(qdate(days_later(start, 90)))
        self.set_start(start)

    def rule(self) -> Rule | None:
        freq = self.freq.currentData()
        if not freq:
            return None
        weekdays = tuple(n for n, b in enumerate(self.days) if b.isChecked()) \
            if freq == "weekly" else ()
        end = self.end.currentData()
        return Rule(freq, self.interval.value() if freq not in ("weekdays", "workdays") else 1,
                    weekdays, py_date(self.until.date()) if end == "until" else None,
                    self.count.value() if end == "count" else None,
                    self.nth.currentData() if freq == "monthly_weekday" else 0)

    @Slot()
    def _refresh(self) -> None:
        freq = self.freq.currentData()
        repeating = bool(freq)
        has_interval = freq in ("daily", "weekly", "monthly_date", "monthly_weekday")
        for w in (self.every_label, self.interval, self.unit):
            w.setVisible(has_interval)
        self.unit.setText({"daily": self.tr("天"), "weekly": self.tr("周"),
                           "monthly_date": self.tr("个月"),
                           "monthly_weekday": self.tr("个月")}.get(freq, ""))
        for box in self.days:
            box.setVisible(freq == "weekly")
        monthly_weekday = freq == "monthly_weekday"
        self.nth_label.setVisible(monthly_weekday)
        self.nth.setVisible(monthly_weekday)
        self.nth_weekday.setVisible(monthly_weekday)
        self.nth_weekday.setText(self.tr("（%1）").replace(
            "%1", weekday_names()[self.start.weekday()]))
        if freq == "monthly_date":
            self.unit.setText(self.tr("个月的 %1 号").replace("%1", str(self.start.day)))
        self.end.setVisible(repeating)
        self.end_label.setVisible(repeating)
        self.until.setVisible(repeating and self.end.currentData() == "until")
        self.count.setVisible(repeating and self.end.currentData() == "count")
        self.changed.emit()
