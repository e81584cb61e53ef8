"""The activity editor: what, when, where, for which groups, goal and money."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from models.activities import activity as activities
from models.activities import promotion
from models.members.cards import ValidationError
from models.members.groups import all_groups
from ui import dialogs
from ui.activities.labels import kind_label, status_label
from ui.colors import MUTED_GREY, OVERDUE_RED, text_style
from ui.operations import Op
from ui.workspace import Changed, workspace_of

ERROR_STYLE = "border: 1px solid #b3261e"

if TYPE_CHECKING:
    from models.activities.tables import Activity


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime.fromString(value.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.strptime(value.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit(calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def group_list() -> QListWidget:
    """A checkable list of the workspace's groups."""
    widget = QListWidget()
    for group in all_groups():
        item = QListWidgetItem(group.name)
        item.setData(Qt.ItemDataRole.UserRole, group.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def checked_groups(widget: QListWidget) -> list[int]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def check_groups(widget: QListWidget, ids: list[int]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                           else Qt.CheckState.Unchecked)


class ActivityEditor(QDialog):
    saved = Signal(int)

    def __init__(self, activity_id: int | None = None, parent: QWidget | None = None,
                 start: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.activity_id = activity_id
        self.setWindowTitle(self.tr("编辑活动") if activity_id else self.tr("新建活动"))
        self.title = QLineEdit()
        self.kind = QComboBox()
        for key in activities.KINDS:
            self.kind.addItem(kind_label(key), key)
        self.status = QComboBox()
        for key in activities.STATUSES:
            self.status.addItem(status_label(key), key)
        self.start = datetime_edit()
        self.has_end = QCheckBox(self.tr("结束(&E)"))
        self.end = datetime_edit()
        self.place = QLineEdit()
        self.groups = group_list()
        self.goal = QPlainTextEdit()
        self.goal.setMaximumHeight(60)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100000)
        self.capacity.setSpecialValueText(self.tr("不限"))
        self.fee = self._money()
        self.budget = self._money()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.move_hint = QLabel()
        self.move_hint.setStyleSheet(text_style(MUTED_GREY))
        self.error = QLabel()
        self.error.setStyleSheet(text_style(OVERDUE_RED))
        self.error.setWordWrap(True)
        when = QHBoxLayout()
        when.addWidget(self.start)
        when.addWidget(self.has_end)
        when.addWidget(self.end)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addWidget(QLabel(self.tr("状态")))
        kind_row.addWidget(self.status)
        kind_row.addStretch(1)
        money = QHBoxLayout()
        money.addWidget(QLabel(self.tr("名额")))
        money.addWidget(self.capacity)
        money.addWidget(QLabel(self.tr("费用")))
        money.addWidget(self.fee)
        money.addWidget(QLabel(self.tr("预算")))
        money.addWidget(self.budget)
        form = QFormLayout(self)
        form.addRow(self.tr("活动名称"), self.title)
        form.addRow(self.tr("形式"), kind_row)
        form.addRow(self.tr("时间"), when)
        form.addRow("", self.move_hint)
        self.place_label = QLabel()
        form.addRow(self.place_label, self.place)
        form.addRow(self.tr("面向的群"), self.groups)
        form.addRow(self.tr("目标"), self.goal)
        form.addRow("", money)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.start.dateTimeChanged.connect(self._start_changed)
        self._original_start: dt.datetime | None = None
        self._last_start: dt.datetime | None = None
        self._load(start)
        self._last_start = from_qdatetime(self.start.dateTime())
        self.resize(620, 600)

    def _money(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0, 10_000_000)
        box.setDecimals(2)
        box.setPrefix("¥ ")
        return box

    def _load(self, start: dt.datetime | None) -> None:
        if self.activity_id is None:
            default = start or dt.datetime.combine(dt.date.today() + dt.timedelta(days=7),
                                                   dt.time(20, 0))
            self.start.setDateTime(to_qdatetime(default))
            self.end.setDateTime(to_qdatetime(default + dt.timedelta(hours=1)))
            self.has_end.setChecked(True)
            self._kind_changed()
            return
        a = activities.require_activity(self.activity_id)
        self._original_start = a.start
        self.title.setText(a.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(a.status)))
        self.start.setDateTime(to_qdatetime(a.start))
        self.has_end.setChecked(a.end is not None)
        self.end.setDateTime(to_qdatetime(a.end or a.start + dt.timedelta(hours=1)))
        self.end.setEnabled(a.end is not None)
        self.place.setText(a.place)
        check_groups(self.groups, activities.group_ids(self.activity_id))
        self.goal.setPlainText(a.goal)
        self.capacity.setValue(a.capacity)
        self.fee.setValue(float(a.fee or 0))
        self.budget.setValue(float(a.budget or 0))
        self.notes.setPlainText(a.notes)
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        online = self.kind.currentData() == "online"
        self.place_label.setText(self.tr("链接") if online else self.tr("地点"))
        self.place.setPlaceholderText(self.tr("会议或直播链接") if online
                                      else self.tr("详细地址"))

    @Slot()
    def _start_changed(self) -> None:
        start = from_qdatetime(self.start.dateTime())
        if self._last_start is not None and self.has_end.isChecked():
            # The end moves with the start, so the duration stays what it was.
            self.end.setDateTime(to_qdatetime(from_qdatetime(self.end.dateTime())
                                              + (start - self._last_start)))
        self._last_start = start
        if self._original_start is None:
            return
        days = (start.date() - self._original_start.date()).days
        self.move_hint.setText(
            self.tr("活动日期改动 %1 天：相对日期的步骤会一起移动，固定日期的不变。")
            .replace("%1", f"{days:+d}") if days else "")

    def collect(self) -> dict[str, Any]:
        return {
            "title": self.title.text(), "kind": self.kind.currentData(),
            "status": self.status.currentData(),
            "start": from_qdatetime(self.start.dateTime()),
            "end": from_qdatetime(self.end.dateTime()) if self.has_end.isChecked() else None,
            "place": self.place.text(), "group_ids": checked_groups(self.groups),
            "goal": self.goal.toPlainText(), "capacity": self.capacity.value(),
            "fee": f"{self.fee.value():.2f}", "budget": f"{self.budget.value():.2f}",
            "notes": self.notes.toPlainText(),
        }

    @Slot()
    def save(self) -> None:
        for widget in (self.title, self.end):
            widget.setStyleSheet("")
        data, activity_id = self.collect(), self.activity_id
        if activity_id is None:
            Op(self, workspace_of(self), lambda: activities.save_activity(data, None),
               Changed.ACTIVITIES).success(self._saved).failure(self._refused).run()
            return
        # Its promotion posts come along; ask before moving those edited by hand.
        edited = len(promotion.hand_edited_posts(activity_id))
        move_edited = edited > 0 and data.get("start") != self._original_start and dialogs.confirm(
            self, self.tr("活动改期"),
            self.tr("这个活动有 %Ln 条宣传在内容日历上被手动改过。也按新日期一起挪动吗？"
                    "（选“否”则留在原来的日期）", "", edited))
        Op(self, workspace_of(self), lambda: promotion.save_with_posts(data, activity_id, move_edited),
           Changed.ACTIVITIES | Changed.CALENDAR).success(self._saved).failure(self._refused).run()

    def _saved(self, activity: Activity) -> None:
        self.activity_id = activity.id
        self.saved.emit(activity.id)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.error.setText(str(exc))
        errors = exc.errors if isinstance(exc, ValidationError) else {}
        if "title" in errors:
            self.title.setStyleSheet(ERROR_STYLE)
            self.title.setFocus()
        if "end" in errors:
            self.end.setStyleSheet(ERROR_STYLE)
