"""The agenda: the period's entries as a sortable list (a plain table model over them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
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
from ui.calendar.common import MIME_REF, ref_mime, status_label, time_text, tr
from ui.colors import MUTED_GREY, OVERDUE_RED, readable

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class AgendaModel(QAbstractTableModel):
    COLUMNS = ("date", "time", "title", "kind", "groups", "presenter", "status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[CalendarEntry] = []
        self.today = dt.date.today()

    def set_entries(self, entries: list[CalendarEntry], today: dt.date) -> None:
        self.beginResetModel()
        self.entries, self.today = list(entries), today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (tr("日期"), tr("时间"), tr("标题"), tr("类型"), tr("目标群"), tr("主讲"),
                tr("状态"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "date":
                info = day_info(e.date)
                mark = f" {tr('休')}" if info.holiday else f" {tr('班')}" if info.adjusted_workday \
                    else ""
                return dates.weekday_date(e.date) + mark
            return {
                "time": time_text(e), "title": e.title, "kind": e.kind,
                "groups": i18n.join(e.groups), "presenter": e.presenter,
                "status": status_label(e.status) + (f" · {tr('过期')}" if e.overdue else ""),
            }[col]
        if role == Qt.ItemDataRole.DecorationRole and col == "kind":
            return QColor(e.color)
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
        if role == Qt.ItemDataRole.ToolTipRole and col == "title":
            return e.title
        if role == ENTRY_ROLE:
            return e
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_REF]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if not rows:
            return QMimeData()
        return ref_mime(ref_of(self.entries[rows[0]]))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def row_of(self, key_entry: CalendarEntry) -> int:
        for row, e in enumerate(self.entries):
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
