"""The week: seven day columns (Monday first) with an all-day strip and an hour grid.

Custom-painted like the month grid. Timed entries are blocks as long as their duration
(at least half an hour so a title fits); entries that overlap share the column. Dropping
on the hour grid sets date and time (15-minute steps), on the all-day strip date only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from models.calendar.entries import CalendarEntry
from models.calendar.holidays import day_info
from ui import dates
from ui.calendar.common import entry_key, holiday_mark, holiday_name, ref_from_mime, today_fill, tr
from ui.calendar.month_view import MonthView, paint_chip, tooltip_text
from ui.colors import HOLIDAY_RED, WORKDAY_BLUE, readable

GUTTER = 48  # hour labels
HEAD = 40  # weekday + date
MIN_HOUR = 16  # pixels per hour at the least; the grid fits the widget's height
STEP_MINUTES = 15
MIN_BLOCK = 30
ALLDAY_ROW = 20


class WeekView(MonthView):
    """Reuses the month view's selection, drag start, tooltips and signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.first_hour = 6
        self.allday_rows = 1
        self._drop_slot: tuple[dt.date, dt.time | None] | None = None
        self.setMinimumSize(560, 400)

    # ------------------------------------------------------------------ data
    @property
    def grid_start(self) -> dt.date:
        return self.monday

    def period(self) -> tuple[dt.date, dt.date]:
        return self.monday, self.monday + dt.timedelta(days=6)

    def set_week(self, day: dt.date, today: dt.date) -> None:
        self.monday = day - dt.timedelta(days=day.weekday())
        self.today = today
        self.first = self.monday

    def set_entries(self, entries: list[CalendarEntry]) -> None:
        by_day: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
        first_hour = 6
        for e in entries:
            by_day[e.date].append(e)
            if e.start_time is not None:
                first_hour = min(first_hour, e.start_time.hour)
        self.by_day = by_day
        self.first_hour = first_hour
        self.allday_rows = max([1] + [min(3, sum(1 for e in v if e.start_time is None))
                                      for v in by_day.values()])
        self.update()

    @property
    def hour_px(self) -> float:
        return max(MIN_HOUR, (self.height() - self._grid_top() - 4) / (24 - self.first_hour))

    def _grid_top(self) -> int:
        return HEAD + self.allday_rows * (ALLDAY_ROW + 2) + 6

    # ---------------------------------------------------------------- geometry
    def _col_x(self, col: int) -> int:
        return GUTTER + int(col * (self.width() - GUTTER) / 7)

    def column_rect(self, col: int) -> QRect:
        return QRect(self._col_x(col), 0, self._col_x(col + 1) - self._col_x(col), self.height())

    def y_of(self, time: dt.time) -> int:
        minutes = (time.hour - self.first_hour) * 60 + time.minute
        return self._grid_top() + int(minutes * self.hour_px / 60)

    def slot_at(self, pos: QPoint) -> tuple[dt.date, dt.time | None] | None:
        """(date, time) under a point; time None on the all-day strip."""
        if pos.x() < GUTTER or pos.y() < HEAD or not self.rect().contains(pos):
            return None
        col = min(6, int((pos.x() - GUTTER) / ((self.width() - GUTTER) / 7)))
        day = self.monday + dt.timedelta(days=col)
        if pos.y() < self._grid_top():
            return day, None
        minutes = int((pos.y() - self._grid_top()) * 60 / self.hour_px) + self.first_hour * 60
        minutes = min(24 * 60 - STEP_MINUTES, minutes // STEP_MINUTES * STEP_MINUTES)
        return day, dt.time(minutes // 60, minutes % 60)

    def day_at(self, pos: QPoint) -> dt.date | None:
        slot = self.slot_at(pos)
        return slot[0] if slot else None

    def slot_point(self, day: dt.date, time: dt.time | None) -> QPoint:
        """Centre of the slot for a date/time (tests drop there)."""
        col = (day - self.monday).days
        x = (self._col_x(col) + self._col_x(col + 1)) // 2
        y = HEAD + 8 if time is None else self.y_of(time) + 4
        return QPoint(x, y)

    # ------------------------------------------------------------------ paint
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        p.fillRect(self.rect(), base)
        self._hits, self._more = [], []
        top = self._grid_top()
        p.setFont(self._font)
        for hour in range(self.first_hour, 24):
            y = top + int((hour - self.first_hour) * self.hour_px)
            p.setPen(QColor("#9AA5B1"))
            p.drawText(QRect(0, y - 7, GUTTER - 6, 14),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{hour:02d}:00")
            p.setPen(QPen(pal.mid().color(), 0.5))
            p.drawLine(GUTTER, y, self.width(), y)
        for col in range(7):
            day = self.monday + dt.timedelta(days=col)
            rect = self.column_rect(col)
            info = day_info(day)
            cell = today_fill(pal) if day == self.today else base
            if cell != base:
                p.fillRect(rect, cell)
            if self._drop_slot and self._drop_slot[0] == day:
                slot_day, slot_time = self._drop_slot
                y = HEAD if slot_time is None else self.y_of(slot_time)
                h = top - HEAD - 6 if slot_time is None else int(self.hour_px / 4)
                p.fillRect(QRect(rect.x(), y, rect.width(), h), QColor(62, 124, 177, 70))
            p.setPen(QPen(pal.mid().color()))
            p.drawLine(rect.x(), 0, rect.x(), self.height())
            weekend = day.weekday() >= 5 and not info.adjusted_workday
            p.setPen(readable(HOLIDAY_RED, cell) if info.holiday or weekend
                     else pal.text().color())
            p.setFont(self._bold)
            label = dates.weekday_date(day)
            p.drawText(QRect(rect.x(), 2, rect.width(), 18), Qt.AlignmentFlag.AlignCenter, label)
            p.setFont(self._font)
            if info.holiday or info.adjusted_workday:
                mark = holiday_mark(info) + " " + holiday_name(info)
                p.setPen(readable(HOLIDAY_RED if info.holiday else WORKDAY_BLUE, cell))
                p.drawText(QRect(rect.x(), 20, rect.width(), 16), Qt.AlignmentFlag.AlignCenter,
                           mark)
            self._paint_day(p, rect, day, cell)
        p.setPen(QPen(pal.mid().color()))
        p.drawLine(GUTTER, top - 3, self.width(), top - 3)
        p.drawLine(0, HEAD - 2, self.width(), HEAD - 2)
        if self.today in self.by_day or self.monday <= self.today <= self.monday + dt.timedelta(6):
            now = dt.datetime.now().time()
            if now.hour >= self.first_hour:
                col = (self.today - self.monday).days
                y = self.y_of(now)
                p.setPen(QPen(QColor("#E8590C"), 2))
                p.drawLine(self._col_x(col), y, self._col_x(col + 1), y)
        p.end()

    def _paint_day(self, p: QPainter, rect: QRect, day: dt.date, cell: QColor) -> None:
        entries = self.by_day.get(day, [])
        allday = [e for e in entries if e.start_time is None]
        timed = [(e, e.start_time) for e in entries if e.start_time is not None]
        y = HEAD
        shown = allday if len(allday) <= self.allday_rows else allday[:self.allday_rows - 1]
        for e in shown:
            chip = QRect(rect.x() + 2, y, rect.width() - 4, ALLDAY_ROW)
            paint_chip(p, chip, e, entry_key(e) == self.selected, self.palette(), cell)
            self._hits.append((chip, e))
            y += ALLDAY_ROW + 2
        if len(shown) < len(allday):
            more = QRect(rect.x() + 4, y, rect.width() - 8, ALLDAY_ROW)
            p.setPen(readable(self.palette().color(QPalette.ColorRole.Link), cell))
            p.drawText(more, Qt.AlignmentFlag.AlignVCenter,
                       tr("还有 %1 项…").replace("%1", str(len(allday) - len(shown))))
            self._more.append((more, day))
        for e, start, lane, lanes in _lanes(timed):
            top = self.y_of(start)
            minutes = max(MIN_BLOCK, e.duration_minutes or 0)
            height = max(ALLDAY_ROW, int(minutes * self.hour_px / 60) - 2)
            width = (rect.width() - 4) / lanes
            block = QRect(int(rect.x() + 2 + lane * width), top, int(width) - 1, height)
            paint_chip(p, block, e, entry_key(e) == self.selected, self.palette(), cell)
            self._hits.append((block, e))

    # ------------------------------------------------------------ drag & drop
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        entry = self.entry_at(pos)
        if entry is not None:
            self.entry_activated.emit(entry)
        elif (slot := self.slot_at(pos)) is not None:
            self.day_activated.emit(*slot)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        slot = self.slot_at(event.position().toPoint())
        if slot is None:
            event.ignore()
            return
        if slot != self._drop_slot:
            self._drop_slot = slot
            self.update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._drop_slot = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._drop_slot = None
        self.update()
        ref = ref_from_mime(event.mimeData())
        slot = self.slot_at(event.position().toPoint())
        if ref is None or slot is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(ref, slot[0], slot[1], False)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(event.pos())
            if entry is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(entry), self)
                return True
        return QWidget.event(self, event)


def _lanes(timed: list[tuple[CalendarEntry, dt.time]]
           ) -> list[tuple[CalendarEntry, dt.time, int, int]]:
    """Greedy side-by-side columns for overlapping blocks within one day: each timed entry
    (with its start time) and its lane out of how many."""
    out: list[tuple[CalendarEntry, dt.time, int, int]] = []
    cluster: list[tuple[CalendarEntry, dt.time, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1

    def flush() -> None:
        lanes = max(1, len(lane_ends))
        out.extend((e, time, lane, lanes) for e, time, lane in cluster)

    for e, time in sorted(timed, key=lambda pair: pair[1]):
        start = time.hour * 60 + time.minute
        end = start + max(MIN_BLOCK, e.duration_minutes or 0)
        if start >= cluster_end and cluster:
            flush()
            cluster, lane_ends = [], []
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        cluster.append((e, time, lane))
        cluster_end = max(cluster_end, end) if cluster_end > start else end
    if cluster:
        flush()
    return out

