"""The item editor: every field of a content item, recurrence, and for a series
occurrence the choice between changing only this one or the whole series."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, QTime, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models.activities.activity import recent_activities
from models.calendar import edit as E
from models.calendar import lists as L
from models.calendar.entries import STATUSES
from models.calendar.recurrence import Rule
from models.calendar.text import wechat_text
from models.members.groups import all_groups
from ui import dialogs
from ui.calendar.common import (
    minute_time,
    py_date,
    qdate,
    qtime,
    status_label,
    weekday_names,
)
from ui.calendar.recurrence_editor import RecurrenceEditor, show_value
from ui.clipboard import copy_text
from ui.members.member_picker import MemberPicker
from ui.operations import Op
from ui.workspace import Changed, workspace_of


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ItemEditor(QDialog):
    """Opened with open(); emits saved(message) after writing (the page reloads)."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None, ref: E.Ref | None = None,
                 day: dt.date | None = None, time: dt.time | None = None,
                 series_scope: bool = False, idea: bool = False) -> None:
        super().__init__(parent)
        self.ref = ref
        self.setWindowTitle(self.tr("编辑内容") if ref else self.tr("新建内容"))
        self.setMinimumWidth(620)
        self._build()
        self.is_occurrence = ref is not None and ref.series_id is not None
        self.scope_box.setVisible(self.is_occurrence)
        if ref is None:
            fields = E.ItemFields(kind="分享", date=None if idea else
                                  (day or dt.date.today()), start_time=time,
                                  status="idea" if idea else "draft")
            self._load(fields, None)
        elif self.is_occurrence and series_scope:
            self.series_radio.setChecked(True)
        else:
            self._scope_changed()
        self.delete_button.setVisible(ref is not None)

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        self.only_radio = QRadioButton(self.tr("仅此一次"))
        self.series_radio = QRadioButton(self.tr("整个系列"))
        self.only_radio.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.only_radio)
        scope.addButton(self.series_radio)
        self.series_radio.toggled.connect(self._scope_changed)
        self.scope_box = QWidget()
        row = QHBoxLayout(self.scope_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("修改范围：")))
        row.addWidget(self.only_radio)
        row.addWidget(self.series_radio)
        row.addStretch(1)

        self.title = QLineEdit()
        self.title.setMaxLength(E.TITLE_LIMIT)
        self.title.setPlaceholderText(self.tr("例如：每日资讯早报、周三读书会"))
        self.kind = QComboBox()
        self._fill_kinds()
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(status_label(status), status)
        self.unscheduled = QCheckBox(self.tr("暂不排期（放入点子库）(&N)"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.weekday = QLabel()
        self.all_day = QCheckBox(self.tr("全天(&A)"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(10)
        self.duration.setSuffix(self.tr(" 分钟"))
        self.duration.setSpecialValueText(self.tr("不设时长"))
        when = QHBoxLayout()
        for w in (self.date, self.weekday, self.all_day, self.time, self.duration):
            when.addWidget(w)
        when.addStretch(1)
        self.unscheduled.toggled.connect(self._sync_enabled)
        self.all_day.toggled.connect(self._sync_enabled)
        self.date.dateChanged.connect(self._date_changed)

        self.recurrence = RecurrenceEditor()
        self.rule_note = QLabel()
        self.rule_note.setStyleSheet("color: #6b7280;")
        self.groups = QListWidget()
        self.groups.setMaximumHeight(96)
        for group in all_groups():
            item = QListWidgetItem(group.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            self.groups.addItem(item)
        self.presenter = MemberPicker()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("要发到群里的正文（可一键复制，直接粘贴到微信）"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.activity = QComboBox()
        self._fill_activities()

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        manage = QPushButton(self.tr("管理类型(&M)…"))
        manage.clicked.connect(self._manage_kinds)
        kind_row.addWidget(manage)
        kind_row.addWidget(QLabel(self.tr("状态")))
        kind_row.addWidget(self.status, 1)

        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("类型"), kind_row)
        form.addRow(self.tr("时间"), when)
        form.addRow("", self.unscheduled)
        form.addRow(self.tr("重复"), self.recurrence)
        form.addRow("", self.rule_note)
        form.addRow(self.tr("目标群"), self.groups)
        form.addRow(self.tr("主讲/负责人"), self.presenter)
        form.addRow(self.tr("正文"), self.body)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.tr("关联活动"), self.activity)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button = buttons.addButton(self.tr("删除(&D)"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.clicked.connect(self._delete)
        copy = buttons.addButton(self.tr("复制正文(&C)"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy_body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_box)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill_kinds(self, select: str = "") -> None:
        self.kind.clear()
        for kind in L.kinds():
            self.kind.addItem(swatch(kind.color), kind.name, kind.name)
        if select:
            self.kind.setCurrentIndex(max(0, self.kind.findData(select)))

    def _fill_activities(self) -> None:
        self.activity.addItem(self.tr("（无）"), None)
        for a in recent_activities():
            self.activity.addItem(f"{a.start:%Y-%m-%d} {a.title}", a.id)

    # ------------------------------------------------------------------- load
    @Slot()
    def _scope_changed(self) -> None:
        ref = self.ref
        if ref is None:
            return
        series_id = ref.series_id if self.is_occurrence else None
        if series_id is not None and self.series_radio.isChecked():
            fields, rule = E.series_fields(series_id)
            self._load(fields, rule)
            self.rule_note.setText(self.tr("修改会用于整个系列；单独改过的那几次保持不变。"))
            self.delete_button.setText(self.tr("删除整个系列"))
        else:
            fields = E.fields_of(ref)
            self._load(fields, None)
            if series_id is not None:
                series, rule = E.series_fields(series_id)
                day = ref.date or fields.date
                # A series always starts on a day, and its occurrences fall on days.
                assert series.date is not None and day is not None
                self.recurrence.set_rule(rule, series.date)  # shown, read-only
                self.rule_note.setText(self.tr("只修改这一次（%1），系列的其他日期不变。")
                                       .replace("%1", day.isoformat()))
                self.delete_button.setText(self.tr("删除这一次"))
        self.recurrence.setEnabled(not self.is_occurrence or self.series_radio.isChecked())
        self.unscheduled.setEnabled(not self.is_occurrence)

    def _load(self, f: E.ItemFields, rule: Rule | None) -> None:
        self.title.setText(f.title)
        if self.kind.findData(f.kind) < 0:
            self._fill_kinds()
        self.kind.setCurrentIndex(max(0, self.kind.findData(f.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(f.status)))
        self.unscheduled.setChecked(f.date is None)
        day = f.date or dt.date.today()
        self.date.setDate(qdate(day))
        self._date_changed(qdate(day))
        self.all_day.setChecked(f.start_time is None)
        self.time.setTime(qtime(f.start_time) if f.start_time else QTime(20, 0))
        show_value(self.duration, f.duration_minutes)  # a longer one stays as it is
        self.recurrence.set_rule(rule, day)
        for row in range(self.groups.count()):
            item = self.groups.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in f.group_ids else Qt.CheckState.Unchecked)
        self.presenter.set_member(f.presenter_id)
        self.body.setPlainText(f.body)
        self.notes.setPlainText(f.notes)
        index = self.activity.findData(f.activity_id) if f.activity_id else 0
        if index < 0:
            self.activity.addItem(f"#{f.activity_id}", f.activity_id)
            index = self.activity.count() - 1
        self.activity.setCurrentIndex(index)
        self._sync_enabled()

    @Slot(QDate)
    def _date_changed(self, date: QDate) -> None:
        day = py_date(date)
        self.weekday.setText(self.tr("（%1）").replace("%1", weekday_names()[day.weekday()]))
        self.recurrence.set_start(day)

    @Slot()
    def _sync_enabled(self) -> None:
        unscheduled = self.unscheduled.isChecked()
        self.date.setEnabled(not unscheduled)
        self.all_day.setEnabled(not unscheduled)
        self.time.setEnabled(not unscheduled and not self.all_day.isChecked())
        self.duration.setEnabled(not unscheduled and not self.all_day.isChecked())
        if unscheduled:
            self.recurrence.freq.setCurrentIndex(0)
        self.recurrence.setEnabled(not unscheduled and (
            not getattr(self, "is_occurrence", False) or self.series_radio.isChecked()))

    # ------------------------------------------------------------------- save
    def fields(self) -> E.ItemFields:
        groups = tuple(self.groups.item(r).data(Qt.ItemDataRole.UserRole)
                       for r in range(self.groups.count())
                       if self.groups.item(r).checkState() == Qt.CheckState.Checked)
        unscheduled = self.unscheduled.isChecked()
        timed = not unscheduled and not self.all_day.isChecked()
        return E.ItemFields(
            title=self.title.text(), kind=self.kind.currentData() or "其他",
            date=None if unscheduled else py_date(self.date.date()),
            start_time=minute_time(self.time.time()) if timed else None,
            duration_minutes=self.duration.value() if timed else 0,
            status=self.status.currentData(), presenter_id=self.presenter.member_id(),
            body=self.body.toPlainText(), notes=self.notes.toPlainText(),
            activity_id=self.activity.currentData(), group_ids=groups)

    @Slot()
    def save(self) -> None:
        fields = self.fields()
        rule = self.recurrence.rule() if self.recurrence.isEnabled() else None
        ref = self.ref
        change: Callable[[], object]
        if ref is not None and ref.series_id is not None and self.series_radio.isChecked():
            if rule is None:
                dialogs.warn(self, self.windowTitle(), self.tr("整个系列需要一个重复规则。"))
                return
            series_id, whole = ref.series_id, rule
            change, message = (lambda: E.save_series(fields, whole, series_id)), \
                self.tr("已更新整个系列")
        elif ref is not None and ref.series_id is not None:
            change, message = (lambda: E.edit_occurrence(ref, fields)), self.tr("已更新这一次")
        elif rule is not None:
            first = replace(fields, status="ready") if fields.status == "idea" else fields
            new_rule = rule
            if ref is not None and ref.item_id is not None:  # the one-off becomes a series
                item_id = ref.item_id
                change = lambda: E.series_from_item(item_id, first, new_rule)  # noqa: E731
            else:
                change = lambda: E.save_series(first, new_rule)  # noqa: E731
            message = self.tr("已创建重复内容")
        else:
            item = replace(fields, status="idea") if fields.date is None else fields
            change, message = (lambda: E.save_item(item, item_id=ref.item_id if ref else None)), \
                self.tr("已保存")
        self._run(change, message)

    def _run(self, change: Callable[[], object], message: str) -> None:
        def done(_result: object) -> None:
            self.saved.emit(message)
            self.accept()

        def refused(exc: Exception) -> None:
            dialogs.warn(self, self.windowTitle(), str(exc))

        Op(self, workspace_of(self.parent()), change, Changed.CALENDAR) \
            .success(done).failure(refused).run()

    @Slot()
    def _delete(self) -> None:
        ref = self.ref
        if ref is None:
            return
        whole = self.is_occurrence and self.series_radio.isChecked()
        text = (self.tr("删除整个系列“%1”？已单独修改的各次也会一起删除。") if whole
                else self.tr("删除“%1”？")).replace("%1", self.title.text())
        if not dialogs.confirm(self, self.tr("删除内容"), text, danger=True):
            return
        series_id = ref.series_id
        if whole and series_id is not None:
            self._run(lambda: E.delete_series(series_id, undoable=True), self.tr("已删除"))
        else:
            self._run(lambda: E.delete(ref, undoable=True), self.tr("已删除"))

    @Slot()
    def _copy_body(self) -> None:
        copy_text(self, wechat_text(self.title.text(), self.body.toPlainText()),
                  self.tr("正文已复制，可直接粘贴到微信"))

    @Slot()
    def _manage_kinds(self) -> None:
        from ui.calendar.kinds_dialog import KindsDialog

        current = self.kind.currentData()
        dialog = KindsDialog(self)
        dialog.finished.connect(lambda _r: self._fill_kinds(current))
        dialog.open()
