"""First start: begin with an empty workspace or explore the demo community."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import demo
from models.store import settings
from ui import dialogs
from ui.worker import Task
from ui.workspace import Changed, Workspace


class FirstStartDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.task: Task | None = None
        self.setWindowTitle(self.tr("欢迎使用群主台"))
        intro = QLabel(self.tr("群主台帮你记住每一位成员、排好每周内容和活动，并打印周计划。\n"
                               "先给你的社群起个名字，然后选择开始方式："))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(settings.get("community_name"))
        self.name_edit.setPlaceholderText(self.tr("社群名称"))
        self.empty_button = QPushButton(self.tr("从空白开始(&S)"))
        self.demo_button = QPushButton(self.tr("先看看示例社群（300 位示例成员）(&E)"))
        self.empty_button.setDefault(True)
        self.empty_button.clicked.connect(self.start_empty)
        self.demo_button.clicked.connect(self.start_demo)
        buttons = QDialogButtonBox()
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name_edit)
        layout.addWidget(buttons)

    def _save_name(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            settings.put("community_name", name)

    @Slot()
    def start_empty(self) -> None:
        self._save_name()
        self.workspace.announce(Changed.ALL)  # a new workspace: every screen starts over
        self.accept()

    @Slot()
    def start_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.empty_button.setEnabled(False)
        self.task = Task(self, self.tr("正在生成示例社群…"),
                         lambda progress, cancelled: demo.build(300, progress=progress))
        self.task.succeeded.connect(self._demo_done)
        self.task.failed.connect(self._demo_failed)
        self.task.start()

    @Slot(object)
    def _demo_done(self, _counts: object) -> None:
        self.workspace.announce(Changed.ALL)  # a new workspace: every screen starts over
        self.accept()

    @Slot(object)
    def _demo_failed(self, exc: object) -> None:
        dialogs.error(self, self.tr("示例数据生成失败"), str(exc))
        self.reject()
