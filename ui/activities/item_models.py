"""Qt item models of the activities screen: the activity list, a checklist, sign-ups.

Each model holds plain rows read from models/ and re-reads them after a write; the
checklist model also carries drag-and-drop reordering (row ids in a private MIME type).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypedDict

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from models.activities import activity as activities
from models.activities import checklists, signups
from ui import dates, i18n
from ui.activities.labels import assignee_name, kind_label, role_label, status_label
from ui.colors import OVERDUE_RED, readable, tint
from ui.operations import Op
from ui.table_model import Column, ColumnTableModel
from ui.workspace import Changed, workspace_of

if TYPE_CHECKING:  # the row types, for annotations only
    from models.activities.tables import ChecklistItem, SignUp

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
    return dates.span(start, end)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class Row(TypedDict):
    """One line of the activity list (see ActivityListModel.reload)."""

    id: int
    title: str
    start: dt.datetime
    end: dt.datetime | None
    kind: str
    status: str
    progress: tuple[int, int]  # steps done, steps in all
    overdue: int  # steps past due (0 for a cancelled activity)
    signed_up: tuple[int, int]  # people signed up, checked in (companions included)
    companions: int  # of those signed up
    capacity: int  # 0: no limit


def _span_tip(row: Row) -> str:
    return f"{row['title']}\n{_fmt_span(row['start'], row['end'])}"


def _cancelled_ink(row: Row) -> QBrush | None:
    return _ink(MUTED) if row["status"] == "cancelled" else None


def _status_ink(row: Row) -> QBrush | None:
    colour = STATUS_COLORS.get(row["status"])
    return _ink(colour) if colour else None


def _signed_up_text(row: Row) -> str:
    signed, _attended = row["signed_up"]
    return f"{signed}/{row['capacity']}" if row["capacity"] else str(signed)


class ActivityListModel(ColumnTableModel[Row]):
    """Activities with their status, checklist progress and sign-up count."""

    COLUMNS = ("start", "title", "status", "progress", "signed_up")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scope, self.search = "upcoming", ""
        self.today: dt.date | None = None
        self.set_column_specs([
            Column("start", self.tr("时间"), display=self._start_text, tooltip=_span_tip,
                   foreground=_cancelled_ink),
            Column("title", self.tr("活动"),
                   display=lambda r: r["title"] + i18n.aside(kind_label(r["kind"])),
                   tooltip=_span_tip, foreground=_cancelled_ink),
            Column("status", self.tr("状态"),
                   display=lambda r: status_label(r["status"]), foreground=_status_ink),
            Column("progress", self.tr("清单"), display=self._progress_text,
                   foreground=lambda r: _ink(OVERDUE_RED) if r["overdue"] else _cancelled_ink(r)),
            Column("signed_up", self.tr("报名"), display=_signed_up_text,
                   tooltip=self._signed_up_tip, foreground=_cancelled_ink),
        ])

    def reload(self) -> None:
        today = self.today or dt.date.today()
        rows = activities.list_activities(self.scope, today, self.search)
        ids = [a.id for a in rows]
        progress = checklists.progress_many(ids)
        overdue = checklists.overdue_count_many(ids, today)
        counts = signups.signup_counts(ids)
        companions = signups.companion_counts(ids)
        self.beginResetModel()
        self._rows = [{
            "id": a.id, "title": a.title, "start": a.start, "end": a.end, "kind": a.kind,
            "status": a.status, "progress": progress.get(a.id, (0, 0)),
            "overdue": overdue.get(a.id, 0) if a.status != "cancelled" else 0,
            "signed_up": counts.get(a.id, (0, 0)), "capacity": a.capacity,
            "companions": companions.get(a.id, 0),
        } for a in rows]
        self.endResetModel()

    def activity_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, activity_id: int) -> int:
        for row, data in enumerate(self._rows):
            if data["id"] == activity_id:
                return row
        return -1

    def row_role(self, row: Row, role: int) -> object:
        return row["id"] if role == ID_ROLE else None

    def _start_text(self, row: Row) -> str:
        return _fmt_start(row["start"], (self.today or dt.date.today()).year)

    def _progress_text(self, row: Row) -> str:
        done, total = row["progress"]
        text = f"{done}/{total}"
        if row["overdue"]:
            text += self.tr("（%Ln 项逾期）", "", row["overdue"])  # " (1 overdue)" in English
        return text

    def _signed_up_tip(self, row: Row) -> str:
        tip = self.tr("报名 %1 人，签到 %2 人").replace("%1", str(row["signed_up"][0])) \
            .replace("%2", str(row["signed_up"][1]))
        if row["companions"]:
            tip += self.tr("（含同伴 %1 人）").replace("%1", str(row["companions"]))
        return tip


class ChecklistModel(ColumnTableModel["ChecklistItem"]):
    """One activity's steps; column 0 is the done tick; rows drag to reorder."""

    COLUMNS = ("done", "title", "due", "offset", "assignee", "notes")
    changed = Signal()  # something was written: the page refreshes progress and lists

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.activity_id: int | None = None
        self.today: dt.date | None = None
        self.set_column_specs([
            Column("done", self.tr("完成"), check=lambda i: i.done, set_check=self._tick,
                   display=lambda i: dates.day_month(i.done_on) if i.done and i.done_on else "",
                   tooltip=self._done_tip),
            Column("title", self.tr("步骤"), display=lambda i: i.title, font=self._overdue_font),
            Column("due", self.tr("截止日期"), display=self._due_text, font=self._overdue_font),
            Column("offset", self.tr("相对"), display=self._offset_text),
            Column("assignee", self.tr("负责人"), display=self._assignee_text),
            Column("notes", self.tr("备注"), display=lambda i: i.notes.replace("\n", " "),
                   tooltip=lambda i: i.notes or None),
        ])

    @property
    def _items(self) -> list[ChecklistItem]:
        """The steps shown (the panel reads them to find the overdue ones)."""
        return self._rows

    def load(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.reload()

    def reload(self) -> None:
        self.set_rows(checklists.steps(self.activity_id) if self.activity_id else [])

    def step_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def progress(self) -> tuple[int, int]:
        return sum(1 for i in self._rows if i.done), len(self._rows)

    def overdue(self, item: ChecklistItem) -> bool:
        today = self.today or dt.date.today()
        return not item.done and item.due_on is not None and item.due_on < today

    def row_role(self, item: ChecklistItem, role: int) -> object:
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.overdue(item):
                return _ink(OVERDUE_RED, tint(OVERDUE_RED))
            if item.done:
                return _ink(MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and self.overdue(item):
            return QBrush(tint(OVERDUE_RED))  # pale pink on light, dark wine on dark
        return None

    def _done_tip(self, item: ChecklistItem) -> str | None:
        if item.done and item.done_on:
            return self.tr("完成于 %1").replace("%1", dates.short_date(item.done_on))
        return None

    def _due_text(self, item: ChecklistItem) -> str:
        if item.due_on is None:
            return ""
        text = dates.short_date(item.due_on)
        return text + " " + self.tr("逾期") if self.overdue(item) else text

    def _offset_text(self, item: ChecklistItem) -> str:
        return checklists.offset_label(item.due_offset) or self.tr("固定")

    def _assignee_text(self, item: ChecklistItem) -> str:
        role_text = role_label(item.assignee_role)
        if (name := assignee_name(item)) is not None:
            return name if item.assignee_role == "owner" else name + i18n.aside(role_text)
        return role_text

    def _overdue_font(self, item: ChecklistItem) -> QFont | None:
        return _bold() if self.overdue(item) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drop between rows
        flags = super().flags(index)  # with the tick unless read-only
        if self.read_only:  # shown, not ticked or dragged (a read-only workspace)
            return flags
        return flags | Qt.ItemFlag.ItemIsDragEnabled

    def _tick(self, row: int, done: bool) -> bool:
        self.set_done(row, done)
        return True

    def set_done(self, row: int, done: bool) -> None:
        item_id, day = self._rows[row].id, self.today if done else None

        def shown(_result: object) -> None:
            self._rows[row] = checklists.get_step(item_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            self.changed.emit()

        self._write(lambda: checklists.set_done(item_id, done, day), shown)

    def _write(self, change: Callable[[], object], shown: Callable[[object], None]) -> None:
        Op(self, workspace_of(self), change, Changed.ACTIVITIES).success(shown).run()

    def _reloaded(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()

    # ------------------------------------------------------------ drag and drop
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [STEP_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(STEP_MIME, QByteArray(",".join(str(self._rows[r].id) for r in rows)
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
            row = parent.row() if parent.isValid() else len(self._rows)
        ids = [i.id for i in self._rows]
        before = [i for i in ids[:row] if i not in moving]
        after = [i for i in ids[row:] if i not in moving]
        activity_id, order = self.activity_id, before + moving + after
        self._write(lambda: checklists.reorder(activity_id, order), self._reloaded)
        return False  # the model is already rearranged: the view must not remove rows

    def move(self, row: int, to_row: int) -> None:
        """Keyboard/button reorder: the same result as dragging one row."""
        if 0 <= row < len(self._rows) and 0 <= to_row < len(self._rows):
            step_id = self._rows[row].id
            self._write(lambda: checklists.move_step(step_id, to_row), self._reloaded)


class SignUpModel(ColumnTableModel["SignUp"]):
    """Who signed up; column 0 ticks attendance (check-in)."""

    COLUMNS = ("attended", "name", "nickname", "city", "signed_up_on", "checked_in_at",
               "companions", "note")
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.activity_id: int | None = None
        self.set_column_specs([
            Column("attended", self.tr("签到"), check=lambda r: r.attended, set_check=self._tick,
                   display=self._attended_text),
            Column("name", self.tr("姓名"), display=lambda r: r.member.name),
            Column("nickname", self.tr("群昵称"), display=lambda r: r.member.nickname),
            Column("city", self.tr("地区"), display=lambda r: r.member.city),
            Column("signed_up_on", self.tr("报名日期"),
                   display=lambda r: dates.short_date(r.signed_up_on) if r.signed_up_on else ""),
            Column("checked_in_at", self.tr("签到时间"), display=lambda r: (
                dates.moment(r.checked_in_at) if r.checked_in_at else "")),
            Column("companions", self.tr("同伴"),
                   display=lambda r: f"+{r.companions}" if r.companions else "",
                   align=Qt.AlignmentFlag.AlignCenter),
            Column("note", self.tr("备注"), display=lambda r: r.note, tooltip=lambda r: r.note),
        ])

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
        """(people signed up, people attended), companions included."""
        return (sum(r.heads for r in self._rows),
                sum(r.heads for r in self._rows if r.attended))

    def companions(self) -> int:
        return sum(int(r.companions) for r in self._rows)

    def row_role(self, row: SignUp, role: int) -> object:
        return row.member_id if role == ID_ROLE else None

    def _attended_text(self, row: SignUp) -> str:
        return self.tr("已到") if row.attended else ""

    def _tick(self, row: int, attended: bool) -> bool:
        if self.activity_id is None:
            return False
        self.set_attended(row, attended)
        return True

    def set_attended(self, row: int, attended: bool) -> None:
        activity_id, member_id, signup_id = self.activity_id, self._rows[row].member_id, \
            self._rows[row].id
        if activity_id is None:
            return

        def shown(_result: object) -> None:
            self._rows[row] = signups.get_signup(signup_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            self.changed.emit()

        # Attendance points come and go with the check-in: members change too.
        Op(self, workspace_of(self), lambda: signups.check_in(activity_id, member_id) if attended
           else signups.undo_check_in(activity_id, member_id),
           Changed.ACTIVITIES | Changed.MEMBERS).success(shown).run()
