"""The calendar's birthday layer (shown when the owner ticks 显示生日): members' birthdays,
lunar ones on this year's day, as one read-only chip per day in the month grid and the
week's all-day strip. The days come from models.members.birthdays.birthdays_between, the same
list the weekly plan prints."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QRect, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox

from models.members import lunar
from models.members.birthdays import Birthday, birthdays_between
from ui import i18n
from ui.calendar.common import tr
from ui.colors import mix, readable

BIRTHDAY_ROSE = QColor("#D6336C")


class LayerSwitch(QCheckBox):
    """显示生日: the layer on or off, remembered on this computer under `key`."""

    def __init__(self, key: str, changed: Callable[[], object]) -> None:
        super().__init__(self.tr("显示生日(&B)"))
        self.setToolTip(self.tr("在月视图和周视图里显示成员生日（农历生日按今年的日子），"
                                "导出 .ics 时也一并导出"))
        self.setChecked(QSettings().value(key, False, bool) is True)
        self.key, self.changed = key, changed
        self.toggled.connect(self._toggled)

    def _toggled(self, shown: bool) -> None:
        QSettings().setValue(self.key, shown)
        self.changed()


def birthdays_by_day(start: dt.date, end: dt.date) -> dict[dt.date, list[Birthday]]:
    by_day: dict[dt.date, list[Birthday]] = defaultdict(list)
    for birthday in birthdays_between(start, end):
        by_day[birthday.date].append(birthday)
    return dict(by_day)


def chip_text(birthdays: list[Birthday]) -> str:
    """'生日：张三、李四' / 'Birthday: Zhang San, Li Si'."""
    return tr("生日：%1").replace("%1", i18n.join(b.name for b in birthdays))


def describe(b: Birthday) -> str:
    """'张三（农历三月初五 · 36 岁）': the name with what kind of birthday and the age."""
    parts = [lunar.describe(lunar.parse_key(b.lunar))] if b.lunar else []
    if b.age:
        parts.append(tr("%1 岁").replace("%1", str(b.age)))
    return b.name + (i18n.aside(" · ".join(parts)) if parts else "")


def tooltip_text(day: dt.date, birthdays: list[Birthday]) -> str:
    from ui import dates

    lines = [f"<b>{escape(tr('%1 过生日').replace('%1', dates.weekday_date(day)))}</b>"]
    lines += [escape(describe(b)) for b in birthdays]
    return "<br>".join(lines)


def paint_birthday_chip(p: QPainter, rect: QRect, birthdays: list[Birthday],
                        background: QColor) -> None:
    """A rose, outlined bar (an entry chip is filled): this is not content to edit."""
    fill = mix(background, BIRTHDAY_ROSE, 0.12)
    ink = readable(BIRTHDAY_ROSE, fill)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(ink, 1))
    p.setBrush(fill)
    p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.setPen(ink)
    inner = rect.adjusted(6, 0, -3, 0)
    p.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
               p.fontMetrics().elidedText(chip_text(birthdays), Qt.TextElideMode.ElideRight,
                                          inner.width()))
    p.restore()
