"""MemberTableModel: the member list over 100,000 members without loading them all.

It keeps member ids in sort order plus their search text; the rows on screen are
fetched in blocks and cached. Search narrows as you type; structural filters
(tags, group, dates...) come from SQL once per change, as a set of allowed ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import not_
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from models.members import rows as member_rows
from models.members.contributions import level_for, thresholds
from models.members.lunar import list_text
from models.members.rows import COL, narrows
from models.members.segments import MemberFilter, matching_ids
from ui.members.columns import DEFAULT_COLUMNS, header
from ui.table_model import Column, ColumnHeaderModel
from ui.worker import Task

Index = QModelIndex | QPersistentModelIndex
# A member's list row as models.members.rows.fetch_rows reads it: SQLite values in COL order.
Row = tuple[Any, ...]
BLOCK = 200  # rows fetched per database round trip
CACHE_LIMIT = 20000
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole + 1,
                    Qt.ItemDataRole.UserRole + 2})


# The base gives the columns and headers only: data() below is the hot path (every
# painted cell), so it reads the row cache directly instead of going through column specs.
class MemberTableModel(ColumnHeaderModel[Row]):
    IdRole = Qt.ItemDataRole.UserRole + 1
    TagsRole = Qt.ItemDataRole.UserRole + 2  # [(name, colour)] for the chip delegate
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(DEFAULT_COLUMNS)
        self._order: list[int] = []  # every member id, in sort order
        self._hay: list[str] | None = None  # search text by position in _order, once loaded
        self._left: set[int] = set()  # ids of members who have left
        self._base: list[int] | None = None  # positions the structural filter allows
        self._allowed: set[int] | None = None
        self._excluded: set[int] = set()
        self._visible: list[int] = []  # positions shown, in order
        self._results: dict[str, list[int]] = {}  # recent searches over the current base
        self._text = ""
        self._filter = MemberFilter()
        self._sort_key, self._descending = "name", False
        self._loaded = False
        self._index_task: Task | None = None  # the latest scan (kept alive until replaced)
        self._rows: dict[int, Row] = {}
        self._tags: dict[int, list[int]] = {}
        self._groups: dict[int, list[int]] = {}
        self._tag_info: dict[int, tuple[str, str]] = {}
        self._group_names: dict[int, str] = {}
        self._levels: list[tuple[int, str]] = []

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        """Re-read everything (after any write); keeps search, filter and sort.

        Only ids (sorted by an index) and the few left members are read here, so the
        list paints at once; the search texts follow from a background scan.
        """
        self.beginResetModel()
        self._loaded = True
        self._order = member_rows.sorted_ids(self._sort_key, self._descending)
        self._left = member_rows.left_ids()
        self._hay = None
        self._load_lookups()
        self._rows.clear()
        self._tags.clear()
        self._groups.clear()
        self._allowed, self._excluded = self._structural_ids(self._filter)
        self._rebase()
        self._visible = self._search(self._text)
        self.endResetModel()
        self._emit_counts()
        if self._hay is None:  # not already read for a search typed in the box
            self._load_search_index()

    def _load_search_index(self) -> None:
        """Read the search texts off the GUI thread (~0.5 s at 100,000 members)."""
        order, key, descending = self._order, self._sort_key, self._descending
        self._index_task = Task(None, "", lambda *_: member_rows.ordered_texts(key, descending),
                                show_dialog=False)
        self._index_task.succeeded.connect(lambda result: self._adopt_index(order, *result))
        self._index_task.start()

    def _adopt_index(self, order: list[int], ids: list[int], hay: list[str]) -> None:
        if order is self._order and ids == order:  # still the list it was read for
            self._hay = hay

    def search_ready(self) -> bool:
        return self._hay is not None

    def _haystacks(self) -> list[str]:
        """The search texts; read now if a search comes before the background scan."""
        if self._hay is None:
            self._hay = member_rows.texts_in_order(self._order)
        return self._hay

    def _load_lookups(self) -> None:
        self._tag_info = member_rows.tag_looks()
        self._group_names = member_rows.group_names()
        self._levels = thresholds()

    def _structural_ids(self, spec: MemberFilter) -> tuple[set[int] | None, set[int]]:
        """(ids the non-text part of the filter allows or None for everyone, ids it excludes)."""
        structural = MemberFilter(**{**spec.__dict__, "text": ""})
        if structural == MemberFilter(status="all"):
            return None, set()
        if structural == MemberFilter():  # the default view: everyone but the few who left
            return None, self._left
        ids = structural.member_ids
        if ids is not None and structural == MemberFilter(status=spec.status, member_ids=ids,
                                                          label=spec.label):
            # An explicit set (Overview click-through, maybe 70,000 ids): no SQL needed.
            chosen = set(ids)
            if spec.status == "active":
                return chosen - self._left, set()
            return (chosen if spec.status == "all" else chosen & self._left), set()
        return set(matching_ids(structural, with_text=False)), set()

    def _rebase(self) -> None:
        self._results.clear()
        order = self._order
        if self._allowed is not None:
            allowed = self._allowed
            self._base = [p for p, mid in enumerate(order) if mid in allowed]
        elif self._excluded:
            left = map(self._excluded.__contains__, order)
            self._base = list(compress(range(len(order)), map(not_, left)))
        else:
            self._base = None

    def _search(self, text: str) -> list[int]:
        """Positions matching `text` within the base, reusing the narrowest earlier result."""
        if not text:
            return list(range(len(self._order)) if self._base is None else self._base)
        cached = self._results.get(text)
        if cached is not None:
            return cached
        within = self._base
        for old, found in self._results.items():
            if narrows(old, text) and (within is None or len(found) < len(within)):
                within = found
        found = member_rows.search(self._haystacks(), text, within)
        if len(self._results) >= 16:
            self._results.pop(next(iter(self._results)))
        self._results[text] = found
        return found

    def _emit_counts(self) -> None:
        self.counts_changed.emit(len(self._visible), len(self._order))

    def total(self) -> int:
        return len(self._order)

    def left_total(self) -> int:
        """How many of `total()` have left their groups (the counts line says so)."""
        return len(self._left)

    # ------------------------------------------------------------ search and filter
    def set_search_text(self, text: str) -> None:
        text = text.strip()
        if text == self._text:
            return
        self.beginResetModel()
        self._visible = self._search(text)
        self._text = text
        self.endResetModel()
        self._emit_counts()

    def set_filter(self, spec: MemberFilter) -> None:
        self._filter = spec
        self.beginResetModel()
        self._allowed, self._excluded = self._structural_ids(spec)
        self._rebase()
        self._visible = self._search(self._text)
        self.endResetModel()
        self._emit_counts()

    def current_filter(self) -> MemberFilter:
        return MemberFilter(**{**self._filter.__dict__, "text": self._text})

    def set_columns(self, columns: Sequence[str]) -> None:
        self.set_column_specs(Column(key, header(key)) for key in columns)

    def columns(self) -> list[str]:
        return self.column_keys()

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

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

    def _row(self, row: int) -> Row:
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
        # Qt asks each painted cell for ~8 roles: turn the unused ones away first.
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._visible):
            return None
        if role == self.IdRole:
            return self._order[self._visible[index.row()]]
        row = self._row(index.row())
        key = self._columns[index.column()].key
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#94a3b8")) if row[COL["left_on"]] else None
        if role == self.TagsRole:
            return [self._tag_info[t] for t in self._tags.get(row[0], []) if t in self._tag_info]
        value = self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return value if key in ("notes", "tags", "groups", "nickname",
                                                 "wechat_name") and value else None
        return value

    def _display(self, row: Row, key: str) -> str:
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
        if key == "birthday" and value:
            return list_text(str(value))  # a lunar birthday in the owner's words
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key, descending = self._columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return  # Qt re-requests the current order when sorting is switched on: free
        self._sort_key, self._descending = key, descending
        if not self._loaded:
            return  # reload() reads the list in this order
        self.layoutAboutToBeChanged.emit()
        old_order, old_hay = self._order, self._hay
        self._order = member_rows.sorted_ids(self._sort_key, self._descending)
        if old_hay is not None:  # usable now; a copy laid out in the new order follows
            texts = dict(zip(old_order, old_hay, strict=True))
            self._hay = [texts.get(i, "") for i in self._order]
        self._rebase()
        self._load_search_index()
        self._visible = self._search(self._text)
        self.changePersistentIndexList(self.persistentIndexList(),
                                       [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()
