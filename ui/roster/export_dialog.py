"""Export the member list (all, filtered or selected) to .xlsx / .csv, as a full roster
or as a shareable directory with masked phones; also saves the blank import template."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.members.cards import member_count
from models.progress import CancelFn, ProgressFn
from models.roster.exporter import (
    DEFAULT_SHARED,
    SHAREABLE,
    all_columns,
    export_roster,
)
from models.roster.mapping import target_label
from ui import dialogs
from ui.roster.template import save_import_template
from ui.worker import Task
from ui.workspace import Workspace


class ExportDialog(QDialog):
    """`member_ids`: the list as shown (filter, search, left or current), in its order.
    With `offer_all`, the owner may choose every member instead (File > 导出名单)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 member_ids: Sequence[int] | None = None, offer_all: bool = False) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.member_ids = list(member_ids) if member_ids is not None else None
        self.task: Task | None = None
        self.last_path: Path | None = None
        self.setWindowTitle(self.tr("导出名单"))
        self.resize(520, 560)
        everyone = self._member_count()
        self.scope = QLabel()
        shown = len(self.member_ids or [])
        self.shown_scope = QRadioButton(
            self.tr("当前列表中的 %Ln 位成员（和成员页上的筛选、搜索一致）(&T)", "", shown))
        self.all_scope = QRadioButton(self.tr("全部 %Ln 位成员（包括已退群的）(&M)", "", everyone))
        self.shown_scope.setChecked(True)
        scopes = QButtonGroup(self)
        scopes.addButton(self.shown_scope)
        scopes.addButton(self.all_scope)
        choose = offer_all and self.member_ids is not None
        self.shown_scope.setVisible(choose)
        self.all_scope.setVisible(choose)
        self.all_scope.toggled.connect(self._show_scope)
        self._everyone = everyone
        self._show_scope()
        self.xlsx = QRadioButton(self.tr("Excel 表格 (.xlsx)(&E)"))
        self.csv = QRadioButton(self.tr("CSV（UTF-8，Excel 可直接打开）(&C)"))
        self.xlsx.setChecked(True)
        formats = QButtonGroup(self)
        formats.addButton(self.xlsx)
        formats.addButton(self.csv)
        fmt_row = QHBoxLayout()
        fmt_row.addWidget(self.xlsx)
        fmt_row.addWidget(self.csv)
        fmt_row.addStretch(1)
        # What Excel, WPS and LibreOffice do to a CSV they open: said before, not found out.
        self.csv_warning = QLabel(self.tr(
            "注意：Excel、WPS 和 LibreOffice 打开 CSV 时会去掉开头的 0（00123456 变成 123456）、"
            "把很长的数字改成科学计数法并丢掉后几位、把 3/4 这样的文字当成日期。要发给别人看或"
            "在表格软件里编辑，请选 .xlsx；CSV 适合导入到别的程序。"), wordWrap=True)
        self.csv_warning.setStyleSheet("color: #b45309")
        self.csv_warning.setVisible(False)
        self.csv.toggled.connect(self.csv_warning.setVisible)
        self.shared = QCheckBox(self.tr("分享版通讯录（只含勾选的项，手机号打码为 138****8000）(&H)"))
        self.shared.toggled.connect(self._fill_columns)
        self.columns = QListWidget()
        self.columns.setAccessibleName(self.tr("导出的列"))
        all_on = QPushButton(self.tr("全选(&L)"))
        all_on.clicked.connect(lambda: self._check_all(True))
        all_off = QPushButton(self.tr("全不选(&S)"))
        all_off.clicked.connect(lambda: self._check_all(False))
        col_buttons = QHBoxLayout()
        col_buttons.addWidget(QLabel(self.tr("导出哪些列：")))
        col_buttons.addStretch(1)
        col_buttons.addWidget(all_on)
        col_buttons.addWidget(all_off)
        self.template = QPushButton(self.tr("导出空白导入模板(&P)…"))
        self.template.clicked.connect(self.save_template)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.tr("取消(&A)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button = self.buttons.addButton(self.tr("导出(&X)…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(self.shown_scope)
        layout.addWidget(self.all_scope)
        layout.addLayout(fmt_row)
        layout.addWidget(self.csv_warning)
        layout.addWidget(self.shared)
        layout.addLayout(col_buttons)
        layout.addWidget(self.columns, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.template)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._fill_columns()

    def _member_count(self) -> int:
        return member_count()

    def chosen_ids(self) -> list[int] | None:
        """The members to export; None for everyone."""
        return None if self.all_scope.isChecked() else self.member_ids

    @Slot()
    def _show_scope(self) -> None:
        ids = self.chosen_ids()
        self.scope.setText(self.tr("将导出当前列表中的 %Ln 位成员", "", len(ids)) if ids is not None
                           else self.tr("将导出全部 %Ln 位成员", "", self._everyone))

    @Slot()
    def _fill_columns(self) -> None:
        self.columns.clear()
        masked = self.shared.isChecked()
        choices = SHAREABLE if masked else all_columns()
        for column in choices:
            label = target_label(column)
            if masked and column == "phone":
                label += self.tr("（打码）")
            elif masked and column == "wechat_id":
                label += self.tr("（打码）")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = column in DEFAULT_SHARED if masked else True
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.columns.count()):
            self.columns.item(i).setCheckState(state)

    def chosen_columns(self) -> list[str]:
        return [self.columns.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.columns.count())
                if self.columns.item(i).checkState() == Qt.CheckState.Checked]

    def set_columns(self, columns: Sequence[str]) -> None:
        for i in range(self.columns.count()):
            item = self.columns.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in columns
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    @Slot()
    def export(self) -> None:
        columns = self.chosen_columns()
        if not columns:
            dialogs.warn(self, self.tr("导出名单"), self.tr("请至少勾选一列。"))
            return
        csv = self.csv.isChecked()
        default = self.tr("通讯录") if self.shared.isChecked() else self.tr("成员名单")
        path = dialogs.save_file(
            self, self.tr("导出到"),
            self.tr("CSV 文件 (*.csv)") if csv else self.tr("Excel 文件 (*.xlsx)"),
            default + (".csv" if csv else ".xlsx"))
        if path is None:
            return
        suffix = ".csv" if csv else ".xlsx"
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        masked, ids = self.shared.isChecked(), self.chosen_ids()

        def work(progress: ProgressFn, cancelled: CancelFn) -> int:
            return export_roster(path, masked=masked, member_ids=ids,
                                 columns=None if masked else columns,
                                 shared_fields=columns if masked else None,
                                 progress=progress, cancelled=cancelled)

        self.last_path = path
        self.export_button.setEnabled(False)
        self.task = Task(self, self.tr("正在导出名单"), work)
        self.task.succeeded.connect(self._exported)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self.export_button.setEnabled(True))
        self.task.start()

    @Slot(object)
    def _exported(self, count: int) -> None:
        self.export_button.setEnabled(True)
        self.workspace.status_message.emit(
            self.tr("已导出 %Ln 位成员到 %1", "", int(count)).replace("%1", str(self.last_path)))
        self.accept()

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self.export_button.setEnabled(True)
        dialogs.error(self, self.tr("导出失败"), str(exc))

    @Slot()
    def save_template(self) -> None:
        done = save_import_template(self)
        if done is not None:
            self.workspace.status_message.emit(done)
