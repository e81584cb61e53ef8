"""提醒报名者: an activity's reminder for everyone signed up, as one group message with an
@ list, or person by person (the copy-for-next dialog with the activity filled in)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.outreach import contact, templates
from models.outreach.placeholders import still_unfilled
from ui.accessibility import name_unnamed
from ui.colors import OVERDUE_RED, text_style
from ui.i18n import join
from ui.outreach.common import PlaceholderHighlighter, missing_text, titled
from ui.workspace import Workspace, workspace_of


class ReminderButton(QPushButton):
    """"提醒报名者" on an activity: its menu copies the group message or opens the
    person-by-person dialog for whoever `activity_id()` names."""

    def __init__(self, activity_id: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("提醒报名者(&G)"), parent)
        self.activity_id = activity_id
        self.setToolTip(self.tr("用消息模板提醒已报名的成员：群发一条（带 @名单），或逐个私聊"))
        menu = QMenu(self)
        menu.addAction(self.tr("群发提醒（@名单）(&G)…"), self.group_message)
        menu.addAction(self.tr("逐个私聊提醒(&P)…"), self.one_by_one)
        self.setMenu(menu)
        self._dialogs: list[QDialog] = []

    def _keep(self, dialog: QDialog) -> QDialog:
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.open()
        return dialog

    @Slot()
    def group_message(self) -> QDialog | None:
        activity_id = self.activity_id()
        if activity_id is None:
            return None
        return self._keep(GroupMessageDialog(workspace_of(self), activity_id, self.window()))

    @Slot()
    def one_by_one(self) -> QDialog | None:
        activity_id = self.activity_id()
        if activity_id is None:
            return None
        from ui.outreach.send_dialog import SendDialog

        return self._keep(SendDialog(workspace_of(self), contact.signed_up_ids(activity_id),
                                     self.window(), kind="reminder", activity_id=activity_id))


class GroupMessageDialog(QDialog):
    """The reminder for the group chat: the template filled with the activity, the members'
    own placeholders as 大家/everyone, and the signed-up members' nicknames @-ed."""

    def __init__(self, workspace: Workspace, activity_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.activity_id = activity_id
        self.setWindowTitle(self.tr("群发提醒"))
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("模板"))
        choices = templates.templates("reminder")
        group = next((t for t in choices if t.builtin_key == "group_reminder"), None)
        for template in choices:
            self.template.addItem(titled(template.name, template.kind),
                                  template.id)
        if group is not None:
            self.template.setCurrentIndex(self.template.findData(group.id))
        self.template.currentIndexChanged.connect(lambda _i: self.refresh())
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("群发文本"))
        self.text.setTabChangesFocus(True)
        self.highlighter = PlaceholderHighlighter(self.text.document(), problems=True)
        self.count = QLabel()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(text_style(OVERDUE_RED))
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("复制(&C)"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setDefault(True)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        top = QHBoxLayout()
        label = QLabel(self.tr("模板(&M)："))
        label.setBuddy(self.template)
        top.addWidget(label)
        top.addWidget(self.template, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.refresh()
        name_unnamed(self)  # screen readers: every control says what it is

    @Slot()
    def refresh(self) -> None:
        template_id = self.template.currentData()
        if template_id is None:
            self.text.setPlainText("")
            self.problems.setText(self.tr("还没有活动提醒模板：先在“消息模板”里新建一个。"))
            self.copy_button.setEnabled(False)
            return
        filled, names = contact.group_message(int(template_id), self.activity_id)
        self.text.setPlainText(filled.text)
        self.count.setText(self.tr("@ %Ln 位已报名成员", "", len(names)))
        words = missing_text(filled.missing, filled.unknown)
        self.problems.setText(self.tr("%1。改好文本再复制。").replace("%1", words) if words else "")

    @Slot()
    def copy(self) -> None:
        text = self.text.toPlainText().strip()
        left = still_unfilled(text)
        if left:
            self.problems.setText(self.tr("还有没填好的占位符：%1。改好文本再复制。")
                                  .replace("%1", join(left)))
            self.text.setFocus()
            return
        QGuiApplication.clipboard().setText(text)
        self.workspace.status_message.emit(self.tr("已复制群发提醒，到群里粘贴即可"))
        self.accept()
