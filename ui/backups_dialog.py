"""File > 从备份恢复: the workspace's backups, newest first, to pick one from (or a file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.store import backup
from ui import dialogs

PATH_ROLE = Qt.ItemDataRole.UserRole


class BackupsDialog(QDialog):
    """chosen(Path): the backup to restore (the window confirms and restores it)."""

    chosen = Signal(object)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(620, 420)
        self.hint = QLabel(self.tr("群主台每天第一次打开时、导入和删除之前都会自动备份。"
                                   "选一份恢复；当前数据会先另存一份，恢复也可以再撤回。"))
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("大小")])
        self.table.setAccessibleName(self.tr("备份列表"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (keyboard users)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._restore_selected)
        self.table.activated.connect(self._restore_selected)  # Enter on a row
        self.empty = QLabel(self.tr("还没有备份。"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("恢复所选(&R)"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button = QPushButton(self.tr("选择其他文件(&F)…"))
        self.file_button.clicked.connect(self._pick_file)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.reload()

    def reasons(self) -> dict[str, str]:
        return {"startup": self.tr("每日自动备份"), "manual": self.tr("手动备份"),
                "before-import": self.tr("导入名单前"), "before-undo-import": self.tr("撤销导入前"),
                "before-delete": self.tr("删除成员前"), "before-restore": self.tr("从备份恢复前"),
                "before-migration": self.tr("升级数据版本前"), "copy": self.tr("另存的副本")}

    def reload(self) -> None:
        found = [backup.describe(p) for p in backup.list_backups(self.db_path)]
        words = self.reasons()
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            when = QTableWidgetItem(info.taken.strftime("%Y-%m-%d %H:%M:%S") if info.taken
                                    else info.path.name)
            when.setData(PATH_ROLE, str(info.path))
            when.setToolTip(str(info.path))
            size = QTableWidgetItem(f"{info.size / 1_048_576:.1f} MB" if info.size >= 1_048_576
                                    else f"{max(1, info.size // 1024)} KB")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, QTableWidgetItem(words.get(info.reason, info.reason)))
            self.table.setItem(row, 2, size)
        self.table.resizeColumnToContents(0)
        self.table.setVisible(bool(found))
        self.empty.setVisible(not found)
        self.restore_button.setEnabled(bool(found))
        if found:
            self.table.selectRow(0)
            self.table.setFocus()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return Path(str(item.data(PATH_ROLE))) if item is not None else None

    @Slot()
    def _restore_selected(self) -> None:
        path = self.selected()
        if path is not None:
            self.accept()
            self.chosen.emit(path)

    @Slot()
    def _pick_file(self) -> None:
        path = dialogs.open_file(self, self.tr("选择备份文件"),
                                 self.tr("SQLite 数据库 (*.sqlite3 *.db)"),
                                 str(backup.backup_folder(self.db_path)))
        if path is not None:
            self.accept()
            self.chosen.emit(path)
