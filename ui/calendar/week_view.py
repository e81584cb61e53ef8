"""The week: seven day columns (Monday first) with an all-day strip and an hour grid.

Custom-painted like the month grid. Timed entries are blocks as long as their duration
(at least half an hour, and tall enough for a line of text); entries that overlap share
the column side by side, as many as stay readable (MIN_LANE): a busy hour shows the rest
as "还有 N 项…" in the last lane, like the all-day strip and the month grid, and a click
there opens the day's full list. Dropping on the hour grid sets date and time (15-minute
steps), on the all-day strip date only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from html import escape

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from models.calendar.entries import CalendarEntry
from models.calendar.holidays import DayInfo, day_info
from models.members.birthdays import Birthday
from ui import dates
from ui.calendar.birthday_layer import paint_birthday_chip
from ui.calendar.common import (
    entry_key,
    fitting_name,
    holiday_mark,
    holiday_tooltip,
    ref_from_mime,
    time_text,
    today_fill,
    tr,
)
from ui.calendar.month_view import MonthView, paint_badge, paint_chip, tooltip_text
from ui.colors import HOLIDAY_RED, WORKDAY_BLUE, readable

GUTTER = 48  # hour labels
HEAD = 40  # weekday + date
MIN_HOUR = 16  # pixels per hour at the least; the grid fits the widget's height
STEP_MINUTES = 15
MIN_BLOCK = 30
ALLDAY_ROW = 20
MIN_LANE = 56  # pixels: side-by-side blocks narrower than this show no more than "07…"
READABLE_LANE = 90  # pixels: beside a "more" marker, blocks keep room for time and title
TIP_TITLES = 12  # hidden entries listed in a "more" marker's tooltip


class WeekView(MonthView):
    """Reuses the month view's selection, drag start, tooltips and signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.first_hour = 6
        self.allday_rows = 1
        self._entry_rows = 1  # the all-day strip's rows for entries (the layer adds one)
        self._drop_slot: tuple[dt.date, dt.time | None] | None = None
        # The "还有 N 项…" markers: where, the entries they stand for (tooltip), their text.
        self._hidden: list[tuple[QRect, list[CalendarEntry], str]] = []
        self.setMinimumSize(448, 400)  # fits the smallest window beside the backlog

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
        self._entry_rows = max([1] + [min(3, sum(1 for e in v if e.start_time is None))
                                      for v in by_day.values()])
        self.allday_rows = self._entry_rows + (1 if self.birthdays else 0)
        self.update()

    def set_birthdays(self, birthdays: dict[dt.date, list[Birthday]]) -> None:
        """The birthday layer takes the all-day strip's top row (the whole week's)."""
        self.birthdays = birthdays
        self.allday_rows = self._entry_rows + (1 if birthdays else 0)
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
        self._hits, self._more, self._hidden, self._birthday_hits = [], [], [], []
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
                self._paint_holiday(p, rect, info, cell)
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

    def _paint_holiday(self, p: QPainter, rect: QRect, info: DayInfo, cell: QColor) -> None:
        """Badge and name under the date, centred, the name cut to the column."""
        metrics = p.fontMetrics()
        badge_w = max(16, metrics.horizontalAdvance(holiday_mark(info)) + 8)
        room = rect.width() - badge_w - 10
        name = fitting_name(info, metrics, room)
        width = badge_w + (3 + metrics.horizontalAdvance(name) if name else 0)
        x = rect.x() + max(4, (rect.width() - width) // 2)
        badge = paint_badge(p, x, 21, info, cell)
        if name:
            p.setPen(readable(HOLIDAY_RED if info.holiday else WORKDAY_BLUE, cell))
            p.drawText(QRect(badge.right() + 4, 20, room + 2, 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)

    def holiday_tip(self, pos: QPoint) -> str:
        """The holiday of the day header under `pos`, in words."""
        if pos.y() >= HEAD or pos.x() < GUTTER or not self.rect().contains(pos):
            return ""
        col = min(6, int((pos.x() - GUTTER) / ((self.width() - GUTTER) / 7)))
        return holiday_tooltip(day_info(self.monday + dt.timedelta(days=col)))

    def _paint_day(self, p: QPainter, rect: QRect, day: dt.date, cell: QColor) -> None:
        entries = self.by_day.get(day, [])
        allday = [e for e in entries if e.start_time is None]
        timed = [(e, e.start_time) for e in entries if e.start_time is not None]
        y = HEAD
        if self.birthdays:  # the layer's row, empty on days without a birthday
            if day in self.birthdays:
                chip = QRect(rect.x() + 2, y, rect.width() - 4, ALLDAY_ROW)
                paint_birthday_chip(p, chip, self.birthdays[day], cell)
                self._birthday_hits.append((chip, day))
            y += ALLDAY_ROW + 2
        rows = self._entry_rows
        shown = allday if len(allday) <= rows else allday[:rows - 1]
        for e in shown:
            chip = QRect(rect.x() + 2, y, rect.width() - 4, ALLDAY_ROW)
            paint_chip(p, chip, e, entry_key(e) == self.selected, self.palette(), cell)
            self._hits.append((chip, e))
            y += ALLDAY_ROW + 2
        if len(shown) < len(allday):
            more = QRect(rect.x() + 2, y, rect.width() - 4, ALLDAY_ROW)
            self._paint_more(p, more, day, cell, allday[len(shown):])
        self._paint_timed(p, rect, day, cell, timed)

    def _paint_timed(self, p: QPainter, rect: QRect, day: dt.date, cell: QColor,
                     timed: list[tuple[CalendarEntry, dt.time]]) -> None:
        """The day's blocks. Two overlapping entries always share the column; a cluster
        needing more lanes than fit (MIN_LANE) keeps readable blocks (READABLE_LANE) and
        a marker column on the right with one "还有 N 项…" per busy hour."""
        width = rect.width() - 4
        fits = max(2, width // MIN_LANE)
        # A block is at least a line of text tall: lanes are packed by what is drawn.
        least = max(MIN_BLOCK, math.ceil((ALLDAY_ROW + 2) * 60 / self.hour_px))
        placed = _lanes(timed, least)
        marker_w, lanes_kept = self._marker_column(width) if any(
            lanes > fits for *_rest, lanes in placed) else (0, fits)
        hidden: dict[int, list[CalendarEntry]] = defaultdict(list)  # start hour -> entries
        for e, start, lane, lanes in placed:
            room = width
            if lanes > fits:
                if lane >= lanes_kept:
                    hidden[start.hour].append(e)
                    continue
                lanes, room = lanes_kept, width - marker_w
            top = self.y_of(start)
            minutes = max(least, e.duration_minutes or 0)
            height = max(ALLDAY_ROW, int(minutes * self.hour_px / 60) - 2)
            lane_width = room / lanes
            block = QRect(int(rect.x() + 2 + lane * lane_width), top, int(lane_width) - 1,
                          height)
            paint_chip(p, block, e, entry_key(e) == self.selected, self.palette(), cell)
            self._hits.append((block, e))
        markers: list[tuple[QRect, list[CalendarEntry]]] = []
        for hour in sorted(hidden):
            y = self.y_of(dt.time(hour))
            if markers and y < markers[-1][0].bottom() + 2:  # hours too close: one marker
                markers[-1][1].extend(hidden[hour])
                continue
            markers.append((QRect(rect.x() + rect.width() - 2 - marker_w, y + 1, marker_w,
                                  ALLDAY_ROW), list(hidden[hour])))
        for marker, entries in markers:
            self._paint_more(p, marker, day, cell, entries)

    def _marker_column(self, width: int) -> tuple[int, int]:
        """(marker width, lanes of blocks beside it) for a column of `width` pixels: the
        words "还有 N 项…" where the blocks stay readable, else "+N"."""
        metrics = QFontMetrics(self._font)
        words = metrics.horizontalAdvance(tr("还有 %1 项…").replace("%1", "99")) + 8
        short = metrics.horizontalAdvance("+999") + 8
        marker_w = words if width - words >= READABLE_LANE else min(short, width // 3)
        return marker_w, max(1, (width - marker_w) // READABLE_LANE)

    def _paint_more(self, p: QPainter, rect: QRect, day: dt.date, cell: QColor,
                    entries: list[CalendarEntry]) -> None:
        """A "还有 N 项…" marker (a click shows the whole day); "+N" where that is too wide."""
        link = readable(self.palette().color(QPalette.ColorRole.Link), cell)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(link, 1))
        p.setBrush(cell)
        p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        p.setFont(self._font)
        text = tr("还有 %1 项…").replace("%1", str(len(entries)))
        inner = rect.adjusted(4, 0, -2, 0)
        if p.fontMetrics().horizontalAdvance(text) > inner.width():  # a narrow column
            text = f"+{len(entries)}"
        p.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        p.restore()
        self._more.append((rect, day))
        self._hidden.append((rect, entries, text))

    def more_tooltip(self, pos: QPoint) -> str:
        """What a "more" marker under `pos` stands for: its entries and what a click does."""
        for rect, entries, _text in self._hidden:
            if rect.contains(pos):
                lines = [f"{time_text(e)} {escape(e.title)}" for e in entries[:TIP_TITLES]]
                if len(entries) > TIP_TITLES:
                    lines.append("…")
                lines.append(f"<i>{escape(tr('点击查看这一天的全部内容'))}</i>")
                return "<br>".join(lines)
        return ""

    # ------------------------------------------------------------ drag & drop
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if any(rect.contains(pos) for rect, _day in self._more):
            return  # the press already opened the day
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
            text = tooltip_text(entry) if entry is not None else \
                self.more_tooltip(event.pos()) or self.birthday_tip(event.pos()) \
                or self.holiday_tip(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return QWidget.event(self, event)


def _lanes(timed: list[tuple[CalendarEntry, dt.time]], least: int = MIN_BLOCK
           ) -> list[tuple[CalendarEntry, dt.time, int, int]]:
    """Greedy side-by-side columns for overlapping blocks within one day: each timed entry
    (with its start time) and its lane out of how many. A block lasts at least `least`
    minutes (what it takes on screen)."""
    out: list[tuple[CalendarEntry, dt.time, int, int]] = []
    cluster: list[tuple[CalendarEntry, dt.time, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1

    def flush() -> None:
        lanes = max(1, len(lane_ends))
        out.extend((e, time, lane, lanes) for e, time, lane in cluster)

    for e, time in sorted(timed, key=lambda pair: pair[1]):
        start = time.hour * 60 + time.minute
        end = start + max(least, e.duration_minutes or 0)
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

