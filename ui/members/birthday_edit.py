"""The card's birthday: 公历 (a typed date) or 农历 (month, day, 闰, year if known), with the
other calendar shown beside it (农历三月初五 ↔ 2026-04-21). The rules are
models/members/lunar.py's; this is only the editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from models.members import lunar
from models.members.lunar import LunarDate
from ui.members.form_helpers import DateEdit

NO_YEAR = 1899  # the year box's lowest value, shown as "年份不详"


class BirthdayEdit(QWidget):
    """`value()` is what the card saves: a LunarDate, or the solar text as typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("公历"), "solar")
        self.kind.addItem(self.tr("农历"), "lunar")
        self.kind.setAccessibleName(self.tr("生日的历法"))
        self.solar = DateEdit()
        self.solar.setAccessibleName(self.tr("公历生日"))
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, self.today.year)
        self.year.setSpecialValueText(self.tr("年份不详"))
        self.year.setValue(NO_YEAR)
        self.year.setAccessibleName(self.tr("农历出生年份"))
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("农历月份"))
        self.day = QComboBox()
        self.day.setAccessibleName(self.tr("农历日子"))
        self.other = QLabel()
        self.other.setObjectName("birthday_other")
        self.other.setStyleSheet("color: #6b7280;")
        lunar_box = QWidget()
        row = QHBoxLayout(lunar_box)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.year, self.month, self.day):
            row.addWidget(w)
        self.lunar_box = lunar_box  # shown instead of the solar date while 农历 is chosen
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.solar)
        layout.addWidget(lunar_box)
        layout.addWidget(self.other, 1)
        self.setFocusProxy(self.kind)
        self._fill_months()
        self._fill_days()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.solar.textChanged.connect(self._edited)
        self.year.valueChanged.connect(self._year_changed)
        self.month.currentIndexChanged.connect(self._month_changed)
        self.day.currentIndexChanged.connect(self._edited)
        self._update_other()

    # ------------------------------------------------------------------ value
    def is_lunar(self) -> bool:
        return bool(self.kind.currentData() == "lunar")

    def lunar_value(self) -> LunarDate:
        month, leap = _month(self.month.currentData())
        year = self.year.value()
        return LunarDate(month, self.day.currentData() or 1, leap,
                         None if year == NO_YEAR else year)

    def value(self) -> LunarDate | str:
        return self.lunar_value() if self.is_lunar() else self.solar.value()

    def set_value(self, birthday: dt.date | None, lunar_key: str | None) -> None:
        """What the card holds: the solar date, and the lunar key when it is lunar."""
        found = lunar.stored(lunar_key, birthday) if lunar_key else None
        self.blockSignals(True)
        try:
            self.solar.set_date(None if found else birthday)
            if found is None:
                self.kind.setCurrentIndex(0)
            else:
                self.kind.setCurrentIndex(1)
                self.set_lunar(found)
        finally:
            self.blockSignals(False)
        self._update_other()

    def set_lunar(self, birthday: LunarDate) -> None:
        self.kind.setCurrentIndex(1)
        self.year.setValue(birthday.year or NO_YEAR)
        self.month.setCurrentIndex(max(0, self.month.findData(
            -birthday.month if birthday.leap else birthday.month)))
        self.day.setCurrentIndex(max(0, self.day.findData(birthday.day)))

    # ------------------------------------------------------------------ choices
    def _fill_months(self) -> None:
        """正月…腊月; a 闰 month after its regular one: the year's own, or every one when
        the year is not known."""
        current = self.month.currentData()
        year = self.year.value()
        leap = lunar.leap_month(year) if year != NO_YEAR else None
        self.month.blockSignals(True)
        self.month.clear()
        for m in range(1, 13):
            self.month.addItem(lunar.month_name(m), m)
            if leap is None or leap == m:
                self.month.addItem(lunar.month_name(m, leap=True), -m)  # 闰: negative
        index = self.month.findData(current) if current else 0
        if index < 0 and current:  # a 闰 month the new year lacks: its regular month
            index = self.month.findData(abs(current))
        self.month.setCurrentIndex(max(0, index))
        self.month.blockSignals(False)

    def _fill_days(self) -> None:
        """初一…三十; 二十九 at most in a 29-day month of a known year."""
        current = self.day.currentData()
        month, leap = _month(self.month.currentData())
        year = self.year.value()
        last = lunar.month_days(year, month, leap) if year != NO_YEAR else 30
        self.day.blockSignals(True)
        self.day.clear()
        for d in range(1, last + 1):
            self.day.addItem(lunar.day_name(d), d)
        self.day.setCurrentIndex(min(int(current or 1), last) - 1)
        self.day.blockSignals(False)

    # ------------------------------------------------------------------ reactions
    @Slot()
    def _kind_changed(self) -> None:
        """Switching keeps the same birthday where it can: a solar date of birth becomes
        its lunar reading, a lunar one with a year its solar date."""
        if self.is_lunar():
            born = self.solar.date()
            if born is not None and lunar.FIRST_YEAR <= born.year:
                self.set_lunar(lunar.from_solar(born))
        else:
            found = self.lunar_value()
            if found.year is not None and not self.solar.text().strip():
                try:
                    self.solar.set_date(lunar.to_solar(found))
                except ValueError:
                    pass
        self._edited()

    @Slot()
    def _year_changed(self) -> None:
        self._fill_months()
        self._fill_days()
        self._edited()

    @Slot()
    def _month_changed(self) -> None:
        self._fill_days()
        self._edited()

    @Slot()
    def _edited(self) -> None:
        self._update_other()
        self.changed.emit()

    def _update_other(self) -> None:
        self.solar.setVisible(not self.is_lunar())
        self.lunar_box.setVisible(self.is_lunar())
        self.other.setText(self.other_text())
        self.setAccessibleDescription(self.other.text())

    def other_text(self) -> str:
        """The birthday in the other calendar: '农历三月初五' beside a solar date of birth;
        '= 2026-04-21（今年）' beside a lunar birthday (its next day from today)."""
        if not self.is_lunar():
            born = self.solar.date()
            if born is None or born.year < lunar.FIRST_YEAR or born > self.today:
                return ""
            return lunar.describe(lunar.from_solar(born))
        found = self.lunar_value()
        upcoming = lunar.occurrences(found, self.today, self.today + dt.timedelta(days=400))
        if not upcoming:
            return ""
        day = upcoming[0][0]
        when = self.tr("今年") if day.year == self.today.year else self.tr("明年")
        text = self.tr("= %1（%2）").replace("%1", day.isoformat()).replace("%2", when)
        if found.year is not None:
            try:
                born = lunar.to_solar(found)
            except ValueError:
                return text
            text += "  " + self.tr("出生于公历 %1").replace("%1", born.isoformat())
        return text


def _month(data: object) -> tuple[int, bool]:
    """A month item's data (3, or -4 for 闰四月) as (month, leap)."""
    number = int(data) if isinstance(data, int) else 1
    return abs(number), number < 0
