"""Add or edit one checklist step: due date relative (T±n) or fixed, assignee, notes."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from models.activities import checklists
from models.activities.activity import require_activity
from models.members.cards import member_name
from ui.activities.labels import role_label
from ui.activities.member_search import MemberSearchList
from ui.colors import OVERDUE_RED, text_style
from ui.operations import Op
from ui.workspace import Changed, workspace_of

if TYPE_CHECKING:
    from models.activities.tables import ChecklistItem


class OffsetSpinBox(QSpinBox):
    """Days relative to the activity, written the way owners say it: T-7, T, T+1."""

    def textFromValue(self, value: int) -> str:  # noqa: N802
        return checklists.offset_label(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802
        digits = text.strip().upper().removeprefix("T").replace(" ", "")
        try:
            return int(digits) if digits not in ("", "+", "-") else 0
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        ok = re.fullmatch(r"\s*[Tt]?\s*[+-]?\d{0,3}\s*", text) is not None
        return (QValidator.State.Acceptable if ok else QValidator.State.Invalid, text, pos)


class StepDialog(QDialog):
    saved = Signal(int)  # step id

    def __init__(self, activity_id: int, step_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activity_id, self.step_id = activity_id, step_id
        self.start = require_activity(activity_id).start.date()
        self.setWindowTitle(self.tr("编辑步骤") if step_id else self.tr("添加步骤"))
        self.title = QLineEdit()
        self.relative = QRadioButton(self.tr("相对活动日期(&R)"))
        self.fixed = QRadioButton(self.tr("固定日期(&F)"))
        modes = QButtonGroup(self)
        modes.addButton(self.relative)
        modes.addButton(self.fixed)
        self.offset = OffsetSpinBox()
        self.offset.setRange(-365, 365)
        self.computed = QLabel()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate(self.start.year, self.start.month, self.start.day))
        due = QGridLayout()
        due.addWidget(self.relative, 0, 0)
        due.addWidget(self.offset, 0, 1)
        due.addWidget(self.computed, 0, 2)
        due.addWidget(self.fixed, 1, 0)
        due.addWidget(self.date, 1, 1)
        due.setColumnStretch(2, 1)
        self.role = QComboBox()
        self.role.setEditable(True)  # a role of the user's own ("茶歇", "场地对接", ...)
        for key in checklists.ROLES:
            self.role.addItem(role_label(key), key)
        self.member_label = QLabel()
        self.clear_member = QPushButton(self.tr("不指定成员(&N)"))
        self.members = MemberSearchList(multi=False, limit=50)
        self.members.setMaximumHeight(150)
        self._member_id: int | None = None
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        form = QFormLayout(self)
        form.addRow(self.tr("步骤"), self.title)
        form.addRow(self.tr("截止"), due)
        form.addRow(self.tr("负责角色"), self.role)
        who = QGridLayout()
        who.addWidget(self.member_label, 0, 0)
        who.addWidget(self.clear_member, 0, 1)
        who.addWidget(self.members, 1, 0, 1, 2)
        form.addRow(self.tr("负责成员"), who)
        form.addRow(self.tr("备注"), self.notes)
        self.error = QLabel()
        self.error.setStyleSheet(text_style(OVERDUE_RED))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.offset.valueChanged.connect(self._update_due)
        self.relative.toggled.connect(self._update_due)
        self.members.selection_changed.connect(self._member_picked)
        self.clear_member.clicked.connect(lambda: self.set_member(None))
        self._load()
        self.members.refresh()
        self.resize(520, 520)

    def _load(self) -> None:
        if self.step_id is None:
            self.relative.setChecked(True)
            self.offset.setValue(-1)
            self.set_member(None)
            return
        item = checklists.get_step(self.step_id)
        self.title.setText(item.title)
        if item.due_offset is not None:
            self.relative.setChecked(True)
            self.offset.setValue(item.due_offset)
        else:
            self.fixed.setChecked(True)
            if (due := item.due_on) is not None:
                self.date.setDate(QDate(due.year, due.month, due.day))
        index = self.role.findData(item.assignee_role)
        if index >= 0:
            self.role.setCurrentIndex(index)
        else:
            self.role.setEditText(item.assignee_role)
        self.notes.setPlainText(item.notes)
        self.set_member(item.assignee_member_id)
        self._update_due()

    @Slot()
    def _update_due(self) -> None:
        relative = self.relative.isChecked()
        self.offset.setEnabled(relative)
        self.date.setEnabled(not relative)
        day = checklists.due_for(self.start, self.offset.value())
        self.computed.setText(self.tr("= %1").replace("%1", day.isoformat()))

    def set_member(self, member_id: int | None) -> None:
        self._member_id = member_id
        name = member_name(member_id) if member_id else None
        self.member_label.setText(name or self.tr("（不指定，按角色）"))

    @Slot()
    def _member_picked(self) -> None:
        ids = self.members.selected_ids()
        if ids:
            self.set_member(ids[0])

    def role_key(self) -> str:
        text = self.role.currentText().strip()
        index = self.role.findText(text, Qt.MatchFlag.MatchExactly)
        return self.role.itemData(index) if index >= 0 else text

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title.text(), "assignee_role": self.role_key(),
                                "assignee_member": self._member_id,
                                "notes": self.notes.toPlainText()}
        if self.relative.isChecked():
            data["due_offset"] = self.offset.value()
        else:
            data["due_offset"] = None
            data["due_on"] = dt.date.fromisoformat(self.date.date().toString("yyyy-MM-dd"))
        return data

    @Slot()
    def save(self) -> None:
        data, activity_id, step_id = self.collect(), self.activity_id, self.step_id

        def done(item: ChecklistItem) -> None:
            self.step_id = item.id
            self.saved.emit(item.id)
            self.accept()

        def refused(exc: Exception) -> None:
            self.error.setText(str(exc))
            self.title.setFocus()

        Op(self, workspace_of(self), lambda: checklists.add_step(activity_id, data)
           if step_id is None else checklists.update_step(step_id, data),
           Changed.ACTIVITIES).success(done).failure(refused).run()
