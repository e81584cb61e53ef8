"""The agenda: the period's entries as a sortable list (a plain table model over them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from models.calendar.edit import ref_of
from models.calendar.entries import CalendarEntry
from models.calendar.holidays import day_info
from ui import dates, i18n
from ui.calendar.common import (
    MIME_REF,
    holiday_mark,
    holiday_tooltip,
    ref_mime,
    status_label,
    time_text,
    tr,
)
from ui.colors import MUTED_GREY, OVERDUE_RED, readable
from ui.table_model import Column, ColumnTableModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _date_text(e: CalendarEntry) -> str:
    info = day_info(e.date)
    mark = holiday_mark(info)
    return dates.weekday_date(e.date) + (f" {mark}" if mark else "")


class AgendaModel(ColumnTableModel[CalendarEntry]):
    COLUMNS = ("date", "time", "title", "kind", "groups", "presenter", "status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.set_column_specs([
            Column("date", tr("日期"), display=_date_text,
                   tooltip=lambda e: holiday_tooltip(day_info(e.date)) or None),
            Column("time", tr("时间"), display=time_text),
            Column("title", tr("标题"), display=lambda e: e.title, tooltip=lambda e: e.title),
            Column("kind", tr("类型"), display=lambda e: e.kind,
                   decoration=lambda e: QColor(e.color)),
            Column("groups", tr("目标群"), display=lambda e: i18n.join(e.groups)),
            Column("presenter", tr("主讲"), display=lambda e: e.presenter),
            Column("status", tr("状态"), display=lambda e: (
                status_label(e.status) + (f" · {tr('过期')}" if e.overdue else ""))),
        ])

    @property
    def entries(self) -> list[CalendarEntry]:
        """The period's entries in the order shown."""
        return self._rows

    def set_entries(self, entries: list[CalendarEntry], today: dt.date) -> None:
        self.beginResetModel()
        self._rows, self.today = list(entries), today
        self.endResetModel()

    def row_role(self, e: CalendarEntry, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole:
            base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
            if e.overdue:
                return QBrush(readable(OVERDUE_RED, base))
            if e.status in ("published", "skipped"):
                return QBrush(readable(MUTED_GREY, base, 3.0))
        if role == Qt.ItemDataRole.FontRole and (e.date == self.today or e.overdue):
            font = QFont()
            font.setBold(True)
            return font
        if role == ENTRY_ROLE:
            return e
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_REF]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if not rows:
            return QMimeData()
        return ref_mime(ref_of(self._rows[rows[0]]))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def row_of(self, key_entry: CalendarEntry) -> int:
        for row, e in enumerate(self._rows):
            if (e.item_id, e.series_id, e.date) == (key_entry.item_id, key_entry.series_id,
                                                     key_entry.date):
                return row
        return -1


class AgendaView(QTableView):
    entry_selected = Signal(object)
    entry_activated = Signal(object)
    context_requested = Signal(object, object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = AgendaModel(self)
        self.setModel(self.agenda)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((110, 60, 320, 90, 200, 90, 110)):
            self.setColumnWidth(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.doubleClicked.connect(lambda index: self.entry_activated.emit(
            index.data(ENTRY_ROLE)))
        self.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.entry_selected.emit(cur.data(ENTRY_ROLE)
                                                        if cur.isValid() else None))

    def set_entries(self, entries: list[CalendarEntry], today: dt.date) -> None:
        self.agenda.set_entries(entries, today)

    def show_day(self, day: dt.date) -> None:
        """Bring `day` to the top, its first entry selected (a "还有 N 项…" click)."""
        rows = [row for row, e in enumerate(self.agenda.entries) if e.date >= day]
        if not rows:
            return
        self.selectRow(rows[0])
        self.scrollTo(self.agenda.index(rows[0], 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def current_entry(self) -> CalendarEntry | None:
        index = self.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    @Slot(QPoint)
    def _menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        entry = index.data(ENTRY_ROLE)
        self.selectRow(index.row())
        self.context_requested.emit(entry, entry.date, self.viewport().mapToGlobal(pos))
