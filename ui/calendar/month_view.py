"""The month grid: six custom-painted weeks (Monday first), entries as coloured chips.

Painting instead of one widget per entry keeps month switching fast with thousands of
entries: only the chips that fit are drawn, the rest become "+N".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html import escape

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from models.calendar.edit import ref_of
from models.calendar.entries import CalendarEntry
from models.calendar.holidays import DayInfo, day_info
from models.members.birthdays import Birthday
from ui import dates, i18n
from ui.calendar.birthday_layer import paint_birthday_chip
from ui.calendar.birthday_layer import tooltip_text as birthday_tooltip
from ui.calendar.common import (
    MIME_REF,
    EntryKey,
    chip_colors,
    entry_key,
    fitting_name,
    holiday_mark,
    holiday_tooltip,
    ref_from_mime,
    ref_mime,
    status_label,
    time_text,
    today_fill,
    tr,
    weekday_names,
)
from ui.colors import HOLIDAY_RED, OVERDUE_RED, WORKDAY_BLUE, mix, readable
from ui.fonts import ui_font

HEADER = 24
DAY_HEAD = 22  # a day cell's number, badge and holiday name, above its chips
CHIP = 18
GAP = 2


def tooltip_text(e: CalendarEntry) -> str:
    parts = [f"<b>{escape(e.title)}</b>", f"{dates.weekday_date(e.date, year=True)} {time_text(e)}",
             f"{escape(e.kind)} · {status_label(e.status)}"]
    if e.groups:
        parts.append(escape(i18n.join(e.groups)))
    if e.presenter:
        parts.append(tr("主讲：") + escape(e.presenter))
    if e.overdue:
        red = readable(OVERDUE_RED, QToolTip.palette().color(QPalette.ColorRole.ToolTipBase))
        parts.append(f"<span style='color:{red.name()}'>{tr('已过期，尚未发布')}</span>")
    return "<br>".join(parts)


class MonthView(QWidget):
    entry_selected = Signal(object)  # CalendarEntry | None
    entry_activated = Signal(object)  # CalendarEntry: open the editor
    day_activated = Signal(object, object)  # date, time | None: new item there
    context_requested = Signal(object, object, QPoint)  # entry | None, date, global pos
    dropped = Signal(object, object, object, bool)  # Ref, date, time, keep_time
    more_requested = Signal(object)  # date: show that day in the week view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(448, 420)  # 7 days of 64 px: fits the smallest window
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.first = dt.date.today().replace(day=1)
        self.today = dt.date.today()
        self.by_day: dict[dt.date, list[CalendarEntry]] = {}
        self.birthdays: dict[dt.date, list[Birthday]] = {}  # the birthday layer, when shown
        self._birthday_hits: list[tuple[QRect, dt.date]] = []
        self.selected: EntryKey | None = None
        self._hits: list[tuple[QRect, CalendarEntry]] = []
        self._more: list[tuple[QRect, dt.date]] = []
        self._press: tuple[QPoint, CalendarEntry | None] | None = None
        self._drop_day: dt.date | None = None
        self._font = ui_font(9)
        self._bold = ui_font(9)
        self._bold.setBold(True)

    # ------------------------------------------------------------------ data
    @property
    def grid_start(self) -> dt.date:
        return self.first - dt.timedelta(days=self.first.weekday())

    def period(self) -> tuple[dt.date, dt.date]:
        return self.grid_start, self.grid_start + dt.timedelta(days=41)

    def set_month(self, first: dt.date, today: dt.date) -> None:
        self.first, self.today = first.replace(day=1), today

    def set_entries(self, entries: list[CalendarEntry]) -> None:
        by_day: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
        for e in entries:
            by_day[e.date].append(e)
        self.by_day = by_day
        self.update()

    def set_birthdays(self, birthdays: dict[dt.date, list[Birthday]]) -> None:
        """The birthday layer: one read-only chip a day ({} hides the layer)."""
        self.birthdays = birthdays
        self.update()

    # ---------------------------------------------------------------- geometry
    def cell_rect(self, index: int) -> QRect:
        w, h = self.width() / 7, (self.height() - HEADER) / 6
        col, row = index % 7, index // 7
        return QRect(int(col * w), int(HEADER + row * h), int((col + 1) * w) - int(col * w),
                     int(HEADER + (row + 1) * h) - int(HEADER + row * h))

    def day_at(self, pos: QPoint) -> dt.date | None:
        if pos.y() < HEADER or not self.rect().contains(pos):
            return None
        col = min(6, int(pos.x() / (self.width() / 7)))
        row = min(5, int((pos.y() - HEADER) / ((self.height() - HEADER) / 6)))
        return self.grid_start + dt.timedelta(days=row * 7 + col)

    def day_rect(self, day: dt.date) -> QRect:
        return self.cell_rect((day - self.grid_start).days)

    def entry_at(self, pos: QPoint) -> CalendarEntry | None:
        for rect, entry in self._hits:
            if rect.contains(pos):
                return entry
        return None

    def entry_rect(self, entry: CalendarEntry) -> QRect | None:
        key = entry_key(entry)
        for rect, e in self._hits:
            if entry_key(e) == key:
                return rect
        return None

    # ------------------------------------------------------------------ paint
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        p.fillRect(self.rect(), base)
        p.setFont(self._bold)
        w = self.width() / 7
        for col, name in enumerate(weekday_names()):
            rect = QRect(int(col * w), 0, int(w), HEADER)
            p.setPen(readable(HOLIDAY_RED, base) if col >= 5 else pal.text().color())
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        self._hits, self._more, self._birthday_hits = [], [], []
        grid_pen = QPen(pal.mid().color())
        for index in range(42):
            day = self.grid_start + dt.timedelta(days=index)
            rect = self.cell_rect(index)
            cell = base
            if day == self.today:
                cell = today_fill(pal)
            elif day.month != self.first.month:
                cell = pal.color(QPalette.ColorRole.AlternateBase)
            if cell != base:
                p.fillRect(rect, cell)
            if day == self._drop_day:
                p.fillRect(rect, QColor(62, 124, 177, 60))
            p.setPen(grid_pen)
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            self._paint_day_header(p, rect, day, cell)
            self._paint_chips(p, rect, day, cell)
        p.end()

    def _paint_day_header(self, p: QPainter, rect: QRect, day: dt.date, cell: QColor) -> None:
        info = day_info(day)
        number = QRect(rect.x() + 4, rect.y() + 2, 26, 18)
        faded = day.month != self.first.month
        if day == self.today:
            p.setBrush(QColor("#E8590C"))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(number.adjusted(2, 0, -2, 0).center(), 9, 9)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("white"))
        elif info.holiday or day.weekday() >= 5 and not info.adjusted_workday:
            red = readable(HOLIDAY_RED, cell)
            p.setPen(readable(HOLIDAY_RED, cell, 2.5) if faded else red)
        else:
            p.setPen(QColor("#9AA5B1") if faded else self.palette().text().color())
        p.setFont(self._bold)
        p.drawText(number, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if info.holiday or info.adjusted_workday:
            p.setFont(self._font)
            badge = paint_badge(p, number.right() + 2, rect.y() + 4, info, cell)
            p.setPen(readable(HOLIDAY_RED if info.holiday else WORKDAY_BLUE, cell))
            name = QRect(badge.right() + 3, rect.y() + 2, rect.right() - badge.right() - 6, 18)
            p.drawText(name, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       fitting_name(info, p.fontMetrics(), name.width()))

    def _paint_chips(self, p: QPainter, rect: QRect, day: dt.date, cell: QColor) -> None:
        entries = self.by_day.get(day, ())
        top = rect.y() + DAY_HEAD
        if day in self.birthdays and rect.bottom() - top > CHIP:
            p.setFont(self._font)
            chip = QRect(rect.x() + 3, top, rect.width() - 6, CHIP)
            paint_birthday_chip(p, chip, self.birthdays[day], cell)
            self._birthday_hits.append((chip, day))
            top += CHIP + GAP
        if not entries:
            return
        slots = max(0, (rect.bottom() - top - 1) // (CHIP + GAP))
        shown = entries if len(entries) <= slots else entries[:max(0, slots - 1)]
        p.setFont(self._font)
        for e in shown:
            chip = QRect(rect.x() + 3, top, rect.width() - 6, CHIP)
            paint_chip(p, chip, e, entry_key(e) == self.selected, self.palette(), cell)
            self._hits.append((chip, e))
            top += CHIP + GAP
        hidden = len(entries) - len(shown)
        if hidden:
            more = QRect(rect.x() + 3, top, rect.width() - 6, CHIP)
            p.setPen(readable(self.palette().color(QPalette.ColorRole.Link), cell))
            p.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       tr("还有 %1 项…").replace("%1", str(hidden)))
            self._more.append((more, day))

    # ----------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        entry = self.entry_at(pos)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = (pos, entry)
            for rect, day in self._more:
                if rect.contains(pos):
                    self.more_requested.emit(day)
                    return
        self.select_entry(entry)

    def select_entry(self, entry: CalendarEntry | None) -> None:
        self.selected = entry_key(entry) if entry else None
        self.entry_selected.emit(entry)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self._press or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        start, entry = self._press
        if entry is None:
            return
        if (event.position().toPoint() - start).manhattanLength() < \
                QApplication.startDragDistance():
            return
        self._press = None
        self.start_drag(entry)

    def start_drag(self, entry: CalendarEntry) -> None:
        drag = QDrag(self)
        drag.setMimeData(ref_mime(ref_of(entry)))
        rect = self.entry_rect(entry)
        if rect is not None:
            pixmap = QPixmap(rect.size())
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setFont(self._font)
            paint_chip(painter, QRect(QPoint(0, 0), rect.size()), entry, True, self.palette())
            painter.end()
            drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            found = [e for v in self.by_day.values() for e in v if entry_key(e) == self.selected]
            if found:
                self.entry_activated.emit(found[0])
                return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        entry = self.entry_at(pos)
        if entry is not None:
            self.entry_activated.emit(entry)
        elif (day := self.day_at(pos)) is not None:
            self.day_activated.emit(day, None)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        entry = self.entry_at(event.pos())
        day = self.day_at(event.pos())
        if entry is not None:
            self.select_entry(entry)
        if day is not None:
            self.context_requested.emit(entry, day, event.globalPos())

    def birthday_tip(self, pos: QPoint) -> str:
        """Whose birthday the chip under `pos` is (lunar ones say so), in words."""
        for rect, day in self._birthday_hits:
            if rect.contains(pos):
                return birthday_tooltip(day, self.birthdays[day])
        return ""

    def holiday_tip(self, pos: QPoint) -> str:
        """The holiday under `pos` (a day's number, badge and name), in words."""
        day = self.day_at(pos)
        if day is None or pos.y() - self.day_rect(day).y() > DAY_HEAD:
            return ""
        return holiday_tooltip(day_info(day))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(event.pos())
            text = tooltip_text(entry) if entry is not None else (
                self.birthday_tip(event.pos()) or self.holiday_tip(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # ------------------------------------------------------------ drag & drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_REF):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is None:
            event.ignore()
            return
        if day != self._drop_day:
            self._drop_day = day
            self.update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._drop_day = None
        self.update()
        ref = ref_from_mime(event.mimeData())
        day = self.day_at(event.position().toPoint())
        if ref is None or day is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(ref, day, None, True)


def paint_badge(p: QPainter, x: int, y: int, info: DayInfo, cell: QColor) -> QRect:
    """The 休/班 badge at (x, y) in the painter's font, as wide as the word ("Work" in
    full): filled for the official schedule and the owner's word, outlined for a day
    computed before the official schedule is out (待公布)."""
    mark = holiday_mark(info)
    colour = HOLIDAY_RED if info.holiday else WORKDAY_BLUE
    badge = QRect(x, y, max(16, p.fontMetrics().horizontalAdvance(mark) + 8), 14)
    if info.provisional:
        fill = mix(cell, colour, 0.14)
        ink = readable(colour, fill)
        p.save()
        p.setPen(QPen(ink, 1, Qt.PenStyle.DotLine))
        p.setBrush(fill)
        p.drawRect(badge.adjusted(0, 0, -1, -1))
        p.restore()
        p.setPen(ink)
    else:
        p.fillRect(badge, colour)
        p.setPen(QColor("white"))
    p.drawText(badge, Qt.AlignmentFlag.AlignCenter, mark)
    return badge


def paint_chip(p: QPainter, rect: QRect, e: CalendarEntry, selected: bool,
               palette: QPalette | None = None, background: QColor | None = None) -> None:
    """One entry as a rounded tinted bar: kind colour stripe, time, title; overdue red.

    `background` is what the chip sits on (default the palette's base): the fill is a tint
    of it and the text is picked to contrast with the fill, in light and dark alike."""
    fill, bar, text = chip_colors(e, palette, background)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(text, 1.5) if e.overdue else
             QPen(readable(bar, fill, 3.0), 1.5) if selected else Qt.PenStyle.NoPen)
    p.setBrush(fill)
    p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.fillRect(QRect(rect.x(), rect.y(), 3, rect.height()), bar)
    p.setPen(text)
    font = QFont(p.font())
    font.setStrikeOut(e.status == "skipped")
    font.setBold(e.overdue or selected)
    p.setFont(font)
    label = e.title
    if e.start_time is not None:
        label = f"{e.start_time.strftime('%H:%M')} {label}"
    if e.status == "published":
        label = "✓ " + label
    elif e.overdue:
        label = "! " + label
    inner = rect.adjusted(6, 0, -3, 0)
    p.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
               p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, inner.width()))
    p.restore()
