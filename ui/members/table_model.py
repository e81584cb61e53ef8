"""MemberTableModel: the member list over 300,000 members without loading them all.

It keeps member ids in sort order plus a search index (models.members.search_index);
the rows on screen are fetched in blocks and cached. Search narrows as you type; a long
scan goes a slice at a time between other events (the newest keystroke wins); structural filters
(tags, group, dates...) come from SQL once per change, as a set of allowed ids. Sorting
reads the new order on a worker while the list stays usable in the old one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import not_
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from models.members import rows as member_rows
from models.members import search_index
from models.members.contributions import level_for, thresholds
from models.members.lunar import list_text
from models.members.rows import COL, narrows
from models.members.search_index import Members, SearchIndex
from models.members.segments import MemberFilter, matching_set
from ui.members.columns import DEFAULT_COLUMNS, header
from ui.members.list_jobs import SearchJobs
from ui.table_model import Column, ColumnHeaderModel
from ui.worker import Task

Index = QModelIndex | QPersistentModelIndex
# A member's list row as models.members.rows.fetch_rows reads it: SQLite values in COL order.
Row = tuple[Any, ...]
BLOCK = 200  # rows fetched per database round trip
CACHE_LIMIT = 20000
# A list longer than this does not wait for its search index before showing: a search
# typed meanwhile runs when the index arrives (the smaller one reads it at once).
WAIT_FOR_INDEX = 5_000
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole + 1,
                    Qt.ItemDataRole.UserRole + 2})


# The base gives the columns and headers only: data() below is the hot path (every
# painted cell), so it reads the row cache directly instead of going through column specs.
class MemberTableModel(ColumnHeaderModel[Row]):
    IdRole = Qt.ItemDataRole.UserRole + 1
    TagsRole = Qt.ItemDataRole.UserRole + 2  # [(name, colour)] for the chip delegate
    counts_changed = Signal(int, int)  # shown, total
    settled = Signal()  # the rows shown match the search typed and the order asked for

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(DEFAULT_COLUMNS)
        self._order: list[int] = []  # every member id, in sort order
        self._index: SearchIndex | None = None  # search texts by position in _order
        self._left: set[int] = set()  # ids of members who have left
        self._base: list[int] | None = None  # positions the structural filter allows
        self._allowed: set[int] | None = None
        self._excluded: set[int] = set()
        self._visible: list[int] = []  # positions shown, in order
        self._results: dict[str, list[int]] = {}  # recent searches over the current base
        self._text = ""  # what the rows shown match
        self._wanted = ""  # what was typed (differs while its scan runs)
        self._stale = False  # rows of the search before a reload, until the index is in
        self._filter = MemberFilter()
        self._sort_key, self._descending = "name", False
        self._loaded = False
        self._index_task: Task | None = None  # the latest index read (kept until replaced)
        self._sort_task: Task | None = None
        self._members_task: Task | None = None
        self._tag_members: Members | None = None  # {tag id: member ids}
        self._generation = 0  # of the data read: one more at each reload
        self._scans = SearchJobs(self)
        self._scans.finished.connect(self._scanned)
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
        list paints at once; the search index follows from a background read. A search
        that is on keeps showing the members it showed (those still there) until the
        index is in and the search runs again; a small list reads its index at once.
        """
        shown = set(self.visible_ids_now()) if self._wanted else set()
        self._cancel_jobs()
        self.beginResetModel()
        self._loaded = True
        self._index = None
        if self._wanted and len(self._order) <= WAIT_FOR_INDEX:
            self._index = search_index.load(self._sort_key, self._descending)
            self._order = self._index.ids
        else:
            self._order = member_rows.sorted_ids(self._sort_key, self._descending)
        self._left = member_rows.left_ids()
        self._load_lookups()
        self._rows.clear()
        self._tags.clear()
        self._groups.clear()
        self._allowed, self._excluded = self._structural_ids(self._filter)
        self._rebase()
        if self._wanted and self._index is None:
            order = self._order
            allowed = (range(len(order)) if self._base is None else self._base)
            self._visible = [p for p in allowed if order[p] in shown]
            self._text, self._stale = self._wanted, True
        else:
            self._text, self._stale = self._wanted, False
            self._visible = self._search(self._text)
        self.endResetModel()
        self._emit_counts()
        if self._index is None:  # once the list has painted: the read competes with it
            QTimer.singleShot(0, self._load_search_index)
        if self.is_settled():
            self.settled.emit()

    def _cancel_jobs(self) -> None:
        self._scans.cancel()
        for task in (self._index_task, self._sort_task, self._members_task):
            if task is not None:
                task.cancel()
        self._index_task = self._sort_task = self._members_task = None
        self._tag_members = None
        self._generation += 1

    def _load_search_index(self) -> None:
        """Read the search index off the GUI thread (~0.3 s at 100,000 members)."""
        if self._index is not None or self._index_task is not None:
            return  # read meanwhile (a search could not wait), or on its way
        order, key, descending = self._order, self._sort_key, self._descending
        # The texts and the tags' members at once, on two workers: SQLite reads them
        # side by side (it lets go of the interpreter while it reads).
        task = Task(None, "", lambda _p, cancelled: search_index.load(key, descending,
                                                                       cancelled, {}),
                    show_dialog=False)
        task.succeeded.connect(lambda index: self._adopt_index(order, index))
        self._index_task = task.start()
        if self._tag_members is None and self._members_task is None:
            generation = self._generation
            members = Task(None, "", lambda *_: search_index.tag_members(
                list(search_index.tag_words())), show_dialog=False)
            members.succeeded.connect(lambda found: self._adopt_members(generation, found))
            self._members_task = members.start()

    def _adopt_members(self, generation: int, found: object) -> None:
        assert isinstance(found, dict)
        if generation == self._generation:  # the same data (any order)
            self._members_task = None
            self._tag_members = found
            if self._index is not None:
                self._index.adopt_members(found)

    def _adopt_index(self, order: list[int], index: object) -> None:
        assert isinstance(index, SearchIndex)
        if order is self._order and index.ids == order:  # still the list it was read for
            self._index_task = None
            self._index = index
            if self._tag_members is not None:
                index.adopt_members(self._tag_members)
            if self._wanted != self._text or self._stale:  # typed before it was there
                self._start_search(self._wanted)

    def search_ready(self) -> bool:
        """Whether the search texts and the tags' members are loaded (no search needs
        the database, and nothing is read in the background any more)."""
        return self._index is not None and self._members_task is None

    def is_settled(self) -> bool:
        """Whether the rows shown match what was typed, in the order asked for."""
        return self._wanted == self._text and not self._stale and self._sort_task is None

    def _ensure_index(self) -> SearchIndex:
        """The search index; read now if a search needs it before the background read."""
        if self._index is None:
            if self._index_task is not None:
                self._index_task.cancel()
                self._index_task = None
            index = search_index.load(self._sort_key, self._descending)
            if index.ids != self._order:  # changed meanwhile (another program): follow
                self.beginResetModel()
                self._order = index.ids
                self._rebase()
                self._visible = list(range(len(self._order)) if self._base is None
                                     else self._base)
                self._text = ""
                self.endResetModel()
            self._index = index
        return self._index

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
        return matching_set(structural, with_text=False), set()

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

    def _plan(self, text: str) -> tuple[list[int] | None, Sequence[int] | None]:
        """(the cached result, or None and the narrowest earlier result to scan within)."""
        if not text:
            return (list(range(len(self._order))) if self._base is None
                    else self._base), None
        cached = self._results.get(text)
        if cached is not None:
            return cached, None
        within = self._base
        for old, found in self._results.items():
            if narrows(old, text) and (within is None or len(found) < len(within)):
                within = found
        return None, within

    def _remember(self, text: str, found: list[int]) -> None:
        if len(self._results) >= 16:
            self._results.pop(next(iter(self._results)))
        self._results[text] = found

    def _search(self, text: str) -> list[int]:
        """Positions matching `text` within the base, now (reusing earlier results)."""
        cached, within = self._plan(text)
        if cached is not None:
            return cached
        found = self._ensure_index().search(text, within)
        self._remember(text, found)
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
        if text == self._wanted:
            return
        self._wanted = text
        self._scans.cancel()
        if (text and self._index is None and self._index_task is not None
                and len(self._order) > WAIT_FOR_INDEX):
            return  # the background read is on its way: the search runs when it lands
        self._start_search(text)

    def _start_search(self, text: str) -> None:
        cached, within = self._plan(text)
        if cached is not None:
            self._show(text, cached)
            return
        self._scans.start(self._ensure_index(), text, within)  # now, or a slice at a time

    def _scanned(self, text: str, found: object) -> None:
        assert isinstance(found, list)
        if text == self._wanted:
            self._remember(text, found)
            self._show(text, found)

    def _show(self, text: str, found: list[int]) -> None:
        self.beginResetModel()
        self._visible = found
        self._text, self._stale = text, False
        self.endResetModel()
        self._emit_counts()
        if self.is_settled():
            self.settled.emit()

    def settle(self) -> None:
        """Finish a search still running now (for callers that need its rows at once)."""
        if self._wanted != self._text or self._stale:
            self._scans.cancel()
            self._show(self._wanted, self._search(self._wanted))

    def set_filter(self, spec: MemberFilter) -> None:
        self._filter = spec
        self._scans.cancel()
        self.beginResetModel()
        self._allowed, self._excluded = self._structural_ids(spec)
        self._rebase()
        self._text, self._stale = self._wanted, False
        self._visible = self._search(self._text)
        self.endResetModel()
        self._emit_counts()
        if self.is_settled():
            self.settled.emit()

    def current_filter(self) -> MemberFilter:
        return MemberFilter(**{**self._filter.__dict__, "text": self._wanted})

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
        """The members the list shows for what was typed (a search still running is
        finished first)."""
        self.settle()
        return self.visible_ids_now()

    def visible_ids_now(self) -> list[int]:
        """The members the rows show at this moment."""
        order = self._order
        return [order[p] for p in self._visible]

    def rows_of(self, member_ids: Sequence[int]) -> dict[int, int]:
        """{member id: row} for those of these members the list shows (one pass)."""
        wanted, order, out = set(member_ids), self._order, {}
        if wanted:
            for row, pos in enumerate(self._visible):
                if order[pos] in wanted:
                    out[order[pos]] = row
        return out

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
        """Sort by a column: the new order is read on a worker (~0.2-0.4 s at 100,000
        members) while the list stays usable in the old one; the newest sort wins."""
        if not 0 <= column < len(self._columns):
            return
        key, descending = self._columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return  # Qt re-requests the current order when sorting is switched on: free
        self._sort_key, self._descending = key, descending
        if not self._loaded:
            return  # reload() reads the list in this order
        for task in (self._sort_task, self._index_task):
            if task is not None:
                task.cancel()
        self._index_task = None
        current = self._order
        members = (self._tag_members if self._tag_members is not None
                   else self._index.members() if self._index is not None else None)
        task = Task(None, "", lambda _p, cancelled: search_index.load(
            key, descending, cancelled, members), show_dialog=False)
        task.succeeded.connect(lambda index: self._sorted(task, current, index))
        self._sort_task = task.start()

    def _sorted(self, task: Task, before: list[int], index: object) -> None:
        """Lay the list out in the order read (on the GUI thread: one scan at most)."""
        assert isinstance(index, SearchIndex)
        if task is not self._sort_task or before is not self._order:
            return  # a newer sort, or a reload (which read the new order itself)
        self._sort_task = None
        self._scans.cancel()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [self._order[self._visible[i.row()]] if 0 <= i.row() < len(self._visible)
                 else None for i in persistent]
        self._order, self._index = index.ids, index
        self._rebase()
        self._text, self._stale = self._wanted, False
        self._visible = self._search(self._text)
        if persistent:  # keep the selection and current row on the same members
            row_of = {self._order[p]: row for row, p in enumerate(self._visible)}
            new = [QModelIndex() if mid is None or mid not in row_of
                   else self.index(row_of[mid], old.column())
                   for old, mid in zip(persistent, moved, strict=True)]
            self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()
        self._emit_counts()
        if self.is_settled():
            self.settled.emit()
