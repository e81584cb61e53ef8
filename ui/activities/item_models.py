"""Qt item models of the activities screen: the activity list, a checklist, sign-ups.

Each model holds plain rows read from models/ and re-reads them after a write; the
checklist model also carries drag-and-drop reordering (row ids in a private MIME type).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from models.activities import activity as activities
from models.activities import checklists, signups
from ui import dates, i18n
from ui.activities.labels import kind_label, role_label, status_label
from ui.colors import OVERDUE_RED, readable, tint

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STEP_MIME = "application/x-qundesk-step-ids"
MUTED = QColor("#8a949e")
STATUS_COLORS = {"planning": "#b26a00", "ready": "#1565c0", "done": "#2e7d32",
                 "cancelled": "#8a949e"}


def _ink(colour: QColor | str, background: QColor | None = None) -> QBrush:
    """An accent as a text brush that reads on `background` (default the views' base) in
    the current palette, light or dark."""
    if background is None:
        background = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return QBrush(readable(QColor(colour), background))


def _fmt_start(start: dt.datetime, this_year: int) -> str:
    """'周三 12月9日 18:00' / 'Wed 9 Dec 18:00'; the year only when it is not this year's."""
    return f"{dates.weekday_date(start.date(), year=start.year != this_year)} {start:%H:%M}"


def _fmt_span(start: dt.datetime, end: dt.datetime | None) -> str:
    text = start.strftime("%Y-%m-%d %H:%M")
    if end is not None:
        text += " – " + (end.strftime("%H:%M") if end.date() == start.date()
                         else end.strftime("%Y-%m-%d %H:%M"))
    return text


class ActivityListModel(QAbstractTableModel):
    """Activities with their status, checklist progress and sign-up count."""

    COLUMNS = ("start", "title", "status", "progress", "signed_up")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.scope, self.search = "upcoming", ""
        self.today: dt.date | None = None

    def reload(self) -> None:
        today = self.today or dt.date.today()
        rows = activities.list_activities(self.scope, today, self.search)
        ids = [a.id for a in rows]
        progress = checklists.progress_many(ids)
        overdue = checklists.overdue_count_many(ids, today)
        counts = signups.signup_counts(ids)
        self.beginResetModel()
        self._rows = [{
            "id": a.id, "title": a.title, "start": a.start, "end": a.end, "kind": a.kind,
            "status": a.status, "progress": progress.get(a.id, (0, 0)),
            "overdue": overdue.get(a.id, 0) if a.status != "cancelled" else 0,
            "signed_up": counts.get(a.id, (0, 0)), "capacity": a.capacity,
        } for a in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("时间"), self.tr("活动"), self.tr("状态"), self.tr("清单"),
                    self.tr("报名"))[section]
        return None

    def activity_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, activity_id: int) -> int:
        for row, data in enumerate(self._rows):
            if data["id"] == activity_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "start":
                return _fmt_start(row["start"], (self.today or dt.date.today()).year)
            if column == "title":
                return row["title"] + i18n.aside(kind_label(row["kind"]))
            if column == "status":
                return status_label(row["status"])
            if column == "progress":
                done, total = row["progress"]
                text = f"{done}/{total}"
                if row["overdue"]:
                    text += self.tr("（%n 项逾期）", "", row["overdue"])  # " (1 overdue)" in English
                return text
            signed, attended = row["signed_up"]
            if row["capacity"]:
                return f"{signed}/{row['capacity']}"
            return str(signed)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status":
                colour = STATUS_COLORS.get(row["status"])
                return _ink(colour) if colour else None
            if column == "progress" and row["overdue"]:
                return _ink(OVERDUE_RED)
            if row["status"] == "cancelled":
                return _ink(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("start", "title"):
            return f"{row['title']}\n{_fmt_span(row['start'], row['end'])}"
        if role == Qt.ItemDataRole.ToolTipRole and column == "signed_up":
            return self.tr("报名 %1 人，签到 %2 人").replace("%1", str(row["signed_up"][0])) \
                .replace("%2", str(row["signed_up"][1]))
        return None


class ChecklistModel(QAbstractTableModel):
    read_only = False  # set by the page on a read-only workspace
    """One activity's steps; column 0 is the done tick; rows drag to reorder."""

    COLUMNS = ("done", "title", "due", "offset", "assignee", "notes")
    changed = Signal()  # something was written: the page refreshes progress and lists

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.activity_id: int | None = None
        self._items: list[checklists.ChecklistItem] = []
        self.today: dt.date | None = None

    def load(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._items = checklists.steps(self.activity_id) if self.activity_id else []
        self.endResetModel()

    def step_id(self, row: int) -> int | None:
        return self._items[row].id if 0 <= row < len(self._items) else None

    def progress(self) -> tuple[int, int]:
        return sum(1 for i in self._items if i.done), len(self._items)

    def overdue(self, item: checklists.ChecklistItem) -> bool:
        today = self.today or dt.date.today()
        return not item.done and item.due_on is not None and item.due_on < today

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("完成"), self.tr("步骤"), self.tr("截止日期"), self.tr("相对"),
                    self.tr("负责人"), self.tr("备注"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item, column = self._items[index.row()], self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.CheckStateRole and column == "done":
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "done":
                return dates.day_month(item.done_on) if item.done and item.done_on else ""
            if column == "title":
                return item.title
            if column == "due":
                if item.due_on is None:
                    return ""
                text = item.due_on.strftime("%Y-%m-%d")
                return text + " " + self.tr("逾期") if self.overdue(item) else text
            if column == "offset":
                return checklists.offset_label(item.due_offset) or self.tr("固定")
            if column == "assignee":
                role_text = role_label(item.assignee_role)
                if item.assignee_member_id is not None:
                    name = item.assignee_member.name
                    return name if item.assignee_role == "owner" else name + i18n.aside(role_text)
                return role_text
            return item.notes.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "done" and item.done and item.done_on:
                return self.tr("完成于 %1").replace("%1", item.done_on.isoformat())
            if column == "notes" and item.notes:
                return item.notes
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.overdue(item):
                return _ink(OVERDUE_RED, tint(OVERDUE_RED))
            if item.done:
                return _ink(MUTED)
        if role == Qt.ItemDataRole.FontRole and self.overdue(item) and column in ("title", "due"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.overdue(item):
            return QBrush(tint(OVERDUE_RED))  # pale pink on light, dark wine on dark
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled  # drop between rows (invalid index)
        if not index.isValid():
            return base
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:  # shown, not ticked or dragged (a read-only workspace)
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if self.COLUMNS[index.column()] == "done":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.CheckStateRole
                or self.COLUMNS[index.column()] != "done"):
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) \
            else value
        self.set_done(index.row(), done)
        return True

    def set_done(self, row: int, done: bool) -> None:
        item = self._items[row]
        checklists.set_done(item.id, done, self.today if done else None)
        self._items[row] = checklists.get_step(item.id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.changed.emit()

    # ------------------------------------------------------------ drag and drop
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [STEP_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(STEP_MIME, QByteArray(",".join(str(self._items[r].id) for r in rows)
                                           .encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return data.hasFormat(STEP_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or not self.activity_id:
            return False
        moving = [int(x) for x in bytes(data.data(STEP_MIME).data()).decode().split(",") if x]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        ids = [i.id for i in self._items]
        before = [i for i in ids[:row] if i not in moving]
        after = [i for i in ids[row:] if i not in moving]
        checklists.reorder(self.activity_id, before + moving + after)
        self.reload()
        self.changed.emit()
        return False  # the model is already rearranged: the view must not remove rows

    def move(self, row: int, to_row: int) -> None:
        """Keyboard/button reorder: the same result as dragging one row."""
        if 0 <= row < len(self._items) and 0 <= to_row < len(self._items):
            checklists.move_step(self._items[row].id, to_row)
            self.reload()
            self.changed.emit()


class SignUpModel(QAbstractTableModel):
    read_only = False  # set by the page on a read-only workspace
    """Who signed up; column 0 ticks attendance (check-in)."""

    COLUMNS = ("attended", "name", "nickname", "city", "signed_up_on", "checked_in_at")
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.activity_id: int | None = None
        self._rows: list[signups.SignUp] = []

    def load(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = signups.signups(self.activity_id) if self.activity_id else []
        self.endResetModel()

    def member_id(self, row: int) -> int | None:
        return self._rows[row].member_id if 0 <= row < len(self._rows) else None

    def counts(self) -> tuple[int, int]:
        return len(self._rows), sum(1 for r in self._rows if r.attended)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("签到"), self.tr("姓名"), self.tr("群昵称"), self.tr("地区"),
                    self.tr("报名日期"), self.tr("签到时间"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.member_id
        if role == Qt.ItemDataRole.CheckStateRole and column == "attended":
            return Qt.CheckState.Checked if row.attended else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "attended":
                return self.tr("已到") if row.attended else ""
            if column in ("name", "nickname", "city"):
                return getattr(row.member, column)
            if column == "signed_up_on":
                return row.signed_up_on.isoformat() if row.signed_up_on else ""
            return row.checked_in_at.strftime("%m-%d %H:%M") if row.checked_in_at else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()] == "attended" and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.CheckStateRole
                or self.COLUMNS[index.column()] != "attended" or self.activity_id is None):
            return False
        checked = value if isinstance(value, bool) else \
            Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_attended(index.row(), checked)
        return True

    def set_attended(self, row: int, attended: bool) -> None:
        member_id = self._rows[row].member_id
        if attended:
            signups.check_in(self.activity_id, member_id)
        else:
            signups.undo_check_in(self.activity_id, member_id)
        self._rows[row] = signups.get_signup(self._rows[row].id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.changed.emit()
