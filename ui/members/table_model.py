"""MemberTableModel: the member list over 100,000 members without loading them all.

It keeps member ids in sort order plus their search text; the rows on screen are
fetched in blocks and cached. Search narrows as you type; structural filters
(tags, group, dates...) come from SQL once per change, as a set of allowed ids.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from models import member_rows
from models.contributions import level_for, thresholds
from models.db import database
from models.member_rows import COL
from models.segments import MemberFilter, matching_ids
from ui.members.columns import DEFAULT_COLUMNS, header

Index = QModelIndex | QPersistentModelIndex
BLOCK = 200  # rows fetched per database round trip
CACHE_LIMIT = 20000


class MemberTableModel(QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    TagsRole = Qt.ItemDataRole.UserRole + 2  # [(name, colour)] for the chip delegate
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = list(DEFAULT_COLUMNS)
        self._order: list[int] = []  # every member id, in sort order
        self._hay: list[str] = []  # search text by position in _order
        self._texts: dict[int, str] = {}
        self._active: set[int] = set()
        self._base: list[int] | None = None  # positions the structural filter allows
        self._allowed: set[int] | None = None
        self._visible: list[int] = []  # positions shown, in order
        self._text = ""
        self._filter = MemberFilter()
        self._sort_key, self._descending = "name", False
        self._rows: dict[int, tuple] = {}
        self._tags: dict[int, list[int]] = {}
        self._groups: dict[int, list[int]] = {}
        self._tag_info: dict[int, tuple[str, str]] = {}
        self._group_names: dict[int, str] = {}
        self._levels: list[tuple[int, str]] = []

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        """Re-read everything (after any write); keeps search, filter and sort."""
        self.beginResetModel()
        self._texts, self._active = member_rows.index_scan()
        self._order = member_rows.sorted_ids(self._sort_key, self._descending)
        self._hay = [self._texts[i] for i in self._order]
        self._load_lookups()
        self._rows.clear()
        self._tags.clear()
        self._groups.clear()
        self._allowed = self._structural_ids(self._filter)
        self._rebase()
        self._visible = member_rows.search(self._hay, self._text, self._base)
        self.endResetModel()
        self._emit_counts()

    def _load_lookups(self) -> None:
        cursor = database.execute_sql(
            "SELECT t.id, t.name, COALESCE(c.color, '#64748b') FROM tag t "
            "LEFT JOIN tag_category c ON c.id = t.category_id")
        self._tag_info = {tid: (name, color) for tid, name, color in cursor}
        self._group_names = dict(database.execute_sql('SELECT id, name FROM "group"').fetchall())
        self._levels = thresholds()

    def _structural_ids(self, spec: MemberFilter) -> set[int] | None:
        """Ids the non-text part of the filter allows; None when it allows everyone."""
        structural = MemberFilter(**{**spec.__dict__, "text": ""})
        if structural == MemberFilter(status="all"):
            return None
        if structural == MemberFilter():  # the default view: known from the index scan
            return self._active
        ids = structural.member_ids
        if ids is not None and structural == MemberFilter(status=spec.status, member_ids=ids,
                                                          label=spec.label):
            # An explicit set (Overview click-through, maybe 70,000 ids): no SQL needed.
            chosen = set(ids)
            if spec.status == "active":
                return chosen & self._active
            return chosen if spec.status == "all" else chosen - self._active
        return set(matching_ids(structural, with_text=False))

    def _rebase(self) -> None:
        if self._allowed is None:
            self._base = None
        else:
            allowed = self._allowed
            self._base = [p for p, mid in enumerate(self._order) if mid in allowed]

    def _emit_counts(self) -> None:
        self.counts_changed.emit(len(self._visible), len(self._order))

    # ------------------------------------------------------------ search and filter
    def set_search_text(self, text: str) -> None:
        text = text.strip()
        if text == self._text:
            return
        narrowing = bool(self._text) and text.lower().startswith(self._text.lower()) \
            and len(text.split()) == len(self._text.split())
        within = self._visible if narrowing else self._base
        self.beginResetModel()
        self._visible = member_rows.search(self._hay, text, within)
        self._text = text
        self.endResetModel()
        self._emit_counts()

    def set_filter(self, spec: MemberFilter) -> None:
        self._filter = spec
        self.beginResetModel()
        self._allowed = self._structural_ids(spec)
        self._rebase()
        self._visible = member_rows.search(self._hay, self._text, self._base)
        self.endResetModel()
        self._emit_counts()

    def current_filter(self) -> MemberFilter:
        return MemberFilter(**{**self._filter.__dict__, "text": self._text})

    def set_columns(self, columns: Sequence[str]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def columns(self) -> list[str]:
        return list(self._columns)

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._columns):
                return header(self._columns[section])
        return None

    def member_id(self, row: int) -> int:
        return self._order[self._visible[row]]

    def visible_ids(self) -> list[int]:
        order = self._order
        return [order[p] for p in self._visible]

    def row_of(self, member_id: int) -> int | None:
        for row, pos in enumerate(self._visible):
            if self._order[pos] == member_id:
                return row
        return None

    def _row(self, row: int) -> tuple:
        member_id = self._order[self._visible[row]]
        cached = self._rows.get(member_id)
        if cached is None:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
                self._tags.clear()
                self._groups.clear()
            start = max(0, row - BLOCK // 4)
            ids = [self._order[p] for p in self._visible[start:start + BLOCK]]
            self._rows.update(member_rows.fetch_rows(ids))
            tags, groups = member_rows.fetch_links(ids)
            for mid in ids:
                self._tags[mid] = tags.get(mid, [])
                self._groups[mid] = groups.get(mid, [])
            cached = self._rows.get(member_id, (member_id,) + ("",) * (len(COL) - 1))
        return cached

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        if role == self.IdRole:
            return self._order[self._visible[index.row()]]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, self.TagsRole):
            return None
        row = self._row(index.row())
        key = self._columns[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#94a3b8")) if row[COL["left_on"]] else None
        if role == self.TagsRole:
            return [self._tag_info[t] for t in self._tags.get(row[0], []) if t in self._tag_info]
        value = self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return value if key in ("notes", "tags", "groups", "nickname") and value else None
        return value

    def _display(self, row: tuple, key: str) -> str:
        if key == "tags":
            return "、".join(self._tag_info[t][0] for t in self._tags.get(row[0], [])
                            if t in self._tag_info)
        if key == "groups":
            return "、".join(self._group_names.get(g, "") for g in self._groups.get(row[0], []))
        if key == "level":
            return level_for(int(row[COL["points"]] or 0), self._levels)
        if key == "is_friend":
            return "✓" if row[COL["is_friend"]] else ""
        if key == "points":
            return str(row[COL["points"]] or 0)
        value = row[COL[key]]
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key, descending = self._columns[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return  # Qt re-requests the current order when sorting is switched on: free
        self.layoutAboutToBeChanged.emit()
        self._sort_key, self._descending = key, descending
        self._order = member_rows.sorted_ids(self._sort_key, self._descending)
        self._hay = [self._texts.get(i, "") for i in self._order]
        self._rebase()
        self._visible = member_rows.search(self._hay, self._text, self._base)
        self.changePersistentIndexList(self.persistentIndexList(),
                                       [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()
