"""About QunDesk: version, where the data lives, where the backups are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from models.store import backup, paths
from ui.icons import icon
from ui.workspace import Workspace


class AboutDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from models.version import __version__

        self.setWindowTitle(self.tr("关于群主台"))
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(64, 64))
        text = QLabel(
            "<h2>{}</h2><p>{}</p><p><b>{}</b><br>{}</p><p><b>{}</b><br>{}</p><p><b>{}</b><br>{}</p>"
            .format(self.tr("群主台 QunDesk"), self.tr("版本 %1").replace("%1", __version__),
                    self.tr("当前数据库"), workspace.db_path,
                    self.tr("数据文件夹"), paths.data_dir(),
                    self.tr("备份文件夹"), backup.backup_folder(workspace.db_path)))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(logo, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text)
        layout.addWidget(buttons)
