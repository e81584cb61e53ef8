"""Group management: platform and capacity, fill level with a near-capacity warning,
rules and welcome text (with copy to clipboard), add / rename / delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.members import groups
from models.members.cards import ValidationError
from ui import dialogs
from ui.clipboard import copy_text
from ui.i18n import number
from ui.members.form_helpers import ErrorField, error_style, platform_labels
from ui.operations import Op
from ui.workspace import Changed, Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
WARN_BAR = "QProgressBar::chunk { background: #dc2626; }"
OK_BAR = "QProgressBar::chunk { background: #22c55e; }"


class GroupsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("群管理"))
        self.setSizeGripEnabled(True)
        self._loading = False
        self._shown_id: int | None = None  # the group in the editor
        self._dirty = False  # the editor holds changes not yet saved
        self.warning = QLabel()
        self.warning.setStyleSheet("background: #fef2f2; color: #b91c1c; padding: 6px;"
                                   " border: 1px solid #fecaca; border-radius: 4px;")
        self.warning.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("群列表"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("群名"), self.tr("平台"), self.tr("人数"),
                                              self.tr("占用")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(3, 130)
        # Room for every column at the dialog's smallest size: names are not cut to "AI 实…".
        self.table.setMinimumWidth(self.fontMetrics().horizontalAdvance("AI 实战派 1 群  WeChat group"
                                                                        "  1,000 / 3,000") + 150)
        self.table.currentCellChanged.connect(self._show_selected)
        self.add_button = QPushButton(self.tr("新建群(&N)"))
        self.delete_button = QPushButton(self.tr("删除群(&D)"))
        for button in (self.add_button, self.delete_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_group)
        self.delete_button.clicked.connect(self.delete_group)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left_layout.addLayout(row)

        self.name = QLineEdit()
        self.name_field = ErrorField(self.name)
        self.platform = QComboBox()
        for key, label in platform_labels().items():
            self.platform.addItem(label, key)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("不限"))
        self.capacity.setSuffix(self.tr(" 人"))
        self.capacity_field = ErrorField(self.capacity)
        self.fill = QLabel()
        self.rules = QPlainTextEdit()
        self.rules.setPlaceholderText(self.tr("群规：例如 禁止广告、每周五分享日……"))
        self.rules.setTabChangesFocus(True)
        self.welcome = QPlainTextEdit()
        self.welcome.setPlaceholderText(self.tr("新人入群欢迎语"))
        self.welcome.setTabChangesFocus(True)
        self.name.textEdited.connect(self._mark_dirty)
        self.capacity.valueChanged.connect(self._mark_dirty)
        self.rules.textChanged.connect(self._mark_dirty)
        self.welcome.textChanged.connect(self._mark_dirty)
        self.copy_rules = QPushButton(self.tr("复制群规(&P)"))
        self.copy_welcome = QPushButton(self.tr("复制欢迎语(&O)"))
        for button in (self.copy_rules, self.copy_welcome):
            button.setAutoDefault(False)
        self.copy_rules.clicked.connect(lambda: self._copy(self.rules, self.tr("群规")))
        self.copy_welcome.clicked.connect(lambda: self._copy(self.welcome, self.tr("欢迎语")))
        self.save_button = QPushButton(self.tr("保存此群(&S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_group)
        self.status = QLabel()
        self.status.setStyleSheet("color: #15803d;")
        self.error = QLabel()
        self.error.setStyleSheet(error_style())

        editor = QWidget()
        form = QFormLayout(editor)
        form.addRow(self.tr("群名"), self.name_field)
        form.addRow(self.tr("平台"), self.platform)
        form.addRow(self.tr("容量"), self.capacity_field)
        form.addRow("", self.fill)
        form.addRow(self.tr("群规"), self._with_button(self.rules, self.copy_rules))
        form.addRow(self.tr("欢迎语"), self._with_button(self.welcome, self.copy_welcome))
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        self.editor = editor

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭(&C)"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(940, 560)
        self.reload()
        workspace.data_changed.connect(self._external_change)

    @staticmethod
    def _with_button(edit: QPlainTextEdit, button: QPushButton) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    # ------------------------------------------------------------------ list
    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.current_id()
        counts = groups.member_counts()
        labels = platform_labels()
        rows = groups.all_groups()
        self.table.setRowCount(len(rows))
        near: list[str] = []
        for row, group in enumerate(rows):
            count = counts.get(group.id, 0)
            name = QTableWidgetItem(group.name)
            name.setData(ID_ROLE, group.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(labels.get(group.platform, "")))
            capacity = number(group.capacity) if group.capacity else self.tr("不限")
            self.table.setItem(row, 2, QTableWidgetItem(f"{number(count)} / {capacity}"))
            bar = QProgressBar()
            ratio = groups.fill_ratio(group, count)
            bar.setRange(0, 100)
            bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bar.setValue(min(100, round((ratio or 0) * 100)))
            bar.setFormat(f"{round(ratio * 100)}%" if ratio is not None else self.tr("不限"))
            full = ratio is not None and ratio >= groups.NEAR_CAPACITY
            bar.setStyleSheet(WARN_BAR if full else OK_BAR)
            self.table.setCellWidget(row, 3, bar)
            if full and count > group.capacity:
                near.append(self.tr("“%1”%2 人，已超出上限 %3 人").replace("%1", group.name)
                            .replace("%2", number(count)).replace("%3", number(count - group.capacity)))
            elif full:
                near.append(self.tr("“%1”%2 人，还剩 %3 个位置").replace("%1", group.name)
                            .replace("%2", number(count)).replace("%3", number(group.capacity - count)))
        self.warning.setText(self.tr("⚠ 群接近满员，请准备新群或清理不活跃成员：")
                             + "；".join(near))
        self.warning.setVisible(bool(near))
        target = 0
        for row in range(self.table.rowCount()):
            if self._id_at(row) == select_id:
                target = row
        if rows:
            self.table.selectRow(target)
        self.editor.setEnabled(bool(rows))
        self.delete_button.setEnabled(bool(rows))
        self._show_selected()

    @Slot(object)
    def _external_change(self, changed: Changed) -> None:
        # Members added to groups elsewhere change the counts; never drop typed edits.
        if changed & (Changed.MEMBERS | Changed.GROUPS) and self.isVisible() and not self._dirty \
                and self.workspace.origin is not self:
            self.reload()

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self._id_at(row) if row >= 0 else None

    def _id_at(self, row: int) -> int | None:
        item = self.table.item(row, 0)
        return item.data(ID_ROLE) if item else None

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    def _select(self, group_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            if self._id_at(row) == group_id:
                self.table.selectRow(row)

    @Slot()
    def _show_selected(self) -> None:
        new_id = self.current_id()
        if self._dirty and self._shown_id is not None and new_id != self._shown_id:
            # Switching groups keeps what was typed: save it, or stay to fix it.
            if not self.save_group(select_after=new_id):
                self.table.blockSignals(True)
                self._select(self._shown_id)
                self.table.blockSignals(False)
            return
        group = groups.get_group(new_id) if new_id is not None else None
        self._loading = True
        self.name_field.set_error(None)
        self.capacity_field.set_error(None)
        self.status.clear()
        if group is None:
            for edit in (self.name, self.rules, self.welcome):
                edit.clear()
            self.fill.clear()
        else:
            self.name.setText(group.name)
            self.platform.setCurrentIndex(max(self.platform.findData(group.platform), 0))
            self.capacity.setValue(group.capacity)
            self.rules.setPlainText(group.rules)
            self.welcome.setPlainText(group.welcome)
            count = groups.member_counts().get(group.id, 0)
            self.fill.setText(self._fill_text(count))
        self._shown_id = group.id if group else None
        self._dirty = False
        self._loading = False

    def _fill_text(self, count: int) -> str:
        text = self.tr("当前 %1 人").replace("%1", number(count))
        if self.platform.currentData() == "qq":  # the limit a QQ group has depends on its level
            text += self.tr("；QQ 群按等级可容纳 %1 人").replace(
                "%1", " / ".join(number(n) for n in groups.QQ_LEVELS))
        return text

    @Slot()
    def _platform_changed(self) -> None:
        # Picking a platform suggests its usual limit; the owner can still change it.
        if not self._loading:
            self._dirty = True
            self.capacity.setValue(groups.PLATFORM_CAPACITY.get(self.platform.currentData(), 0))
            group_id = self._shown_id
            count = groups.member_counts().get(group_id, 0) if group_id is not None else 0
            self.fill.setText(self._fill_text(count))

    # ------------------------------------------------------------------ actions
    @Slot()
    def save_group(self, select_after: int | None = None) -> bool:
        group_id = self._shown_id
        if group_id is None:
            return False
        data = {"name": self.name.text(), "platform": self.platform.currentData(),
                "capacity": self.capacity.value(), "rules": self.rules.toPlainText(),
                "welcome": self.welcome.toPlainText()}
        def done(_group: object) -> None:
            self.name_field.set_error(None)
            self.capacity_field.set_error(None)
            self._dirty = False
            self.reload(select_after or group_id)
            self.status.setText(self.tr("已保存"))

        def refused(exc: Exception) -> None:
            errors = exc.errors if isinstance(exc, ValidationError) else {"name": str(exc)}
            self.name_field.set_error(errors.get("name"))
            self.capacity_field.set_error(errors.get("capacity"))
            if "capacity" in errors:
                self.capacity.setFocus()

        return Op(self, self.workspace, lambda: groups.save_group(data, group_id),
                  Changed.GROUPS).success(done).failure(refused).run()

    @Slot()
    def add_group(self) -> None:
        if self._dirty and not self.save_group():
            return
        existing = groups.group_names()
        base = self.tr("新群")
        name, n = base, 1
        while name in existing:
            n += 1
            name = f"{base} {n}"
        def done(group: groups.Group) -> None:
            self.reload(group.id)
            self.name.setFocus()
            self.name.selectAll()

        Op(self, self.workspace, lambda: groups.save_group({"name": name, "platform": "wechat"}),
           Changed.GROUPS).success(done).run()

    @Slot()
    def delete_group(self) -> None:
        group_id = self.current_id()
        if group_id is None:
            return
        group = groups.get_group(group_id)
        if group is None:
            return
        count = groups.member_counts(active_only=False).get(group_id, 0)
        text = self.tr("删除群“%1”？其中 %Ln 位成员的群关系和角色会被移除（成员本身保留）。", "",
                       count).replace("%1", group.name)
        if not dialogs.confirm(self, self.tr("删除群"), text, danger=True):
            return
        def done(_count: int) -> None:
            self._dirty = False
            self.reload()

        Op(self, self.workspace, lambda: groups.delete_group(group_id), Changed.GROUPS) \
            .success(done).run()

    def _copy(self, edit: QPlainTextEdit, what: str) -> None:
        self.status.setText(copy_text(self, edit.toPlainText(),
                                      self.tr("%1已复制，可以粘贴到群里").replace("%1", what)))

    def reject(self) -> None:
        """Closing keeps the edits (saved like switching groups); a bad name asks first."""
        if self._dirty and not self.save_group() and not dialogs.confirm(
                self, self.tr("放弃修改"),
                self.tr("群名有问题，无法保存。确定放弃这些修改并关闭吗？"), danger=True):
            return
        super().reject()
