"""New activity from a template (every due date computed from the chosen start),
and saving an activity as a template of its own."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.activities import templates
from ui import dialogs
from ui.activities.editor import (
    checked_groups,
    datetime_edit,
    from_qdatetime,
    group_list,
    to_qdatetime,
)
from ui.activities.labels import role_label
from ui.colors import MUTED_GREY, OVERDUE_RED, text_style
from ui.operations import Op
from ui.workspace import Changed, workspace_of

if TYPE_CHECKING:
    from models.activities.tables import Activity
    from models.activities.templates import ActivityTemplate


class NewFromTemplateDialog(QDialog):
    created = Signal(int)  # activity id

    def __init__(self, parent: QWidget | None = None, start: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从模板新建活动"))
        self.templates = QListWidget()
        self.templates.setAccessibleName(self.tr("活动模板"))
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet(text_style(MUTED_GREY))
        self.delete_button = QPushButton(self.tr("删除模板(&D)"))
        self.delete_button.clicked.connect(self.delete_template)
        self.title = QLineEdit()
        self.start = datetime_edit()
        self.start.setDateTime(to_qdatetime(start or dt.datetime.combine(
            dt.date.today() + dt.timedelta(days=14), dt.time(20, 0))))
        self.place = QLineEdit()
        self.groups = group_list()
        self.preview = QTableWidget(0, 4)
        self.preview.setAccessibleName(self.tr("清单预览"))
        self.preview.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.preview.setHorizontalHeaderLabels([self.tr("截止日期"), self.tr("相对"),
                                                self.tr("步骤"), self.tr("负责")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.error = QLabel()
        self.error.setStyleSheet(text_style(OVERDUE_RED))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("模板")))
        left_layout.addWidget(self.templates, 1)
        left_layout.addWidget(self.delete_button)
        right = QWidget()
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.description)
        form.addRow(self.tr("活动名称"), self.title)
        form.addRow(self.tr("开始时间"), self.start)
        form.addRow(self.tr("地点/链接"), self.place)
        form.addRow(self.tr("面向的群"), self.groups)
        form.addRow(QLabel(self.tr("清单（按开始时间自动算出日期）")))
        form.addRow(self.preview)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("创建活动(&C)"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.create_activity)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.templates.currentRowChanged.connect(self._template_changed)
        self.start.dateTimeChanged.connect(self._update_preview)
        self.reload_templates()
        self.resize(900, 620)

    def reload_templates(self) -> None:
        self.templates.clear()
        for template in templates.list_templates():
            item = QListWidgetItem(template.name)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            if not template.builtin_key:
                item.setToolTip(self.tr("自己保存的模板"))
            self.templates.addItem(item)
        if self.templates.count():
            self.templates.setCurrentRow(0)

    def template_id(self) -> int | None:
        item = self.templates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_template(self, name: str) -> None:
        for row in range(self.templates.count()):
            if self.templates.item(row).text() == name:
                self.templates.setCurrentRow(row)

    @Slot(int)
    def _template_changed(self, _row: int) -> None:
        template_id = self.template_id()
        self.create_button.setEnabled(template_id is not None)
        if template_id is None:
            self.description.clear()
            self.preview.setRowCount(0)
            return
        template = templates.get_template(template_id)
        if template is None:
            return
        self.description.setText(template.description)
        self.title.setPlaceholderText(template.name)
        self._update_preview()

    @Slot()
    def _update_preview(self) -> None:
        template_id = self.template_id()
        if template_id is None:
            return
        template = templates.get_template(template_id)
        if template is None:
            return
        start = from_qdatetime(self.start.dateTime()).date()
        rows = templates.preview(template_id, start)
        self.preview.setRowCount(len(rows))
        for row, ((day, label, title), step) in enumerate(zip(rows, template.step_list(),
                                                               strict=True)):
            for column, text in enumerate((day.isoformat(), label, title,
                                           role_label(step.get("role", "owner")))):
                self.preview.setItem(row, column, QTableWidgetItem(text))

    @Slot()
    def create_activity(self) -> None:
        template_id = self.template_id()
        if template_id is None:
            return
        template = templates.get_template(template_id)
        if template is None:
            return
        data = {"title": self.title.text().strip() or template.name,
                "start": from_qdatetime(self.start.dateTime()), "place": self.place.text(),
                "group_ids": checked_groups(self.groups)}
        def done(activity: Activity) -> None:
            self.created.emit(activity.id)
            self.accept()

        Op(self, workspace_of(self), lambda: templates.create_from_template(template_id, data),
           Changed.ACTIVITIES).success(done).failure(lambda exc: self.error.setText(str(exc))).run()

    @Slot()
    def delete_template(self) -> None:
        template_id = self.template_id()
        if template_id is None:
            return
        name = self.templates.currentItem().text()
        if dialogs.confirm(self, self.tr("删除模板"),
                           self.tr("删除模板“%1”？用它建的活动不受影响。").replace("%1", name),
                           danger=True):
            Op(self, workspace_of(self), lambda: templates.delete_template(template_id),
               Changed.ACTIVITIES).success(lambda _r: self.reload_templates()).run()


class SaveTemplateDialog(QDialog):
    saved = Signal(int)  # template id

    def __init__(self, activity_id: int, default_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activity_id = activity_id
        self.setWindowTitle(self.tr("另存为模板"))
        self.name = QLineEdit(default_name)
        self.description = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet(text_style(OVERDUE_RED))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("清单里的每一步都按距开始日的天数保存（固定日期也会换算），"
                                   "下次建活动时自动算出日期。")))
        form.addRow(self.tr("模板名称"), self.name)
        form.addRow(self.tr("说明"), self.description)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 180)

    @Slot()
    def save(self) -> None:
        activity_id, name, description = self.activity_id, self.name.text(), self.description.text()

        def done(template: ActivityTemplate) -> None:
            self.saved.emit(template.id)
            self.accept()

        def refused(exc: Exception) -> None:
            self.error.setText(str(exc))
            self.name.setFocus()

        Op(self, workspace_of(self), lambda: templates.save_as_template(activity_id, name, description),
           Changed.ACTIVITIES).success(done).failure(refused).run()
