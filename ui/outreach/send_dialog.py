"""复制给下一位: work through a list of members with one template, one keystroke each.

Enter (or Ctrl+Enter, Ctrl+Shift+C) copies the current member's filled-in text to the
clipboard, logs the follow-up (微信, the template's name; models.outreach.contact.log_sent)
and moves on; Ctrl+Shift+S skips without logging. The owner pastes in WeChat (Ctrl+V)
and comes back: two keystrokes a person. Someone who is not yet a friend needs a friend
add, and the day's limit of new friends holds: beyond it they are skipped with a word. A
text still holding a placeholder without a value is never copied: the owner edits it in
the box (or skips).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.members.cards import ValidationError
from models.outreach import contact, templates
from models.outreach.placeholders import still_unfilled
from ui.accessibility import name_unnamed
from ui.colors import OVERDUE_RED, text_style
from ui.i18n import aside, join, number
from ui.operations import Op, refusal_text
from ui.outreach.common import PlaceholderHighlighter, missing_text, titled
from ui.workspace import Changed, Workspace

COPY_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+Shift+C")
SKIP_KEYS = ("Ctrl+Shift+S",)


class SendDialog(QDialog):
    """`member_ids` in the order to work through; `notes` an aside per member (the queue's
    reason); `activity_id` fills 活动/日期/时间/地点; `kind` picks the first template."""

    def __init__(self, workspace: Workspace, member_ids: Sequence[int],
                 parent: QWidget | None = None, kind: str = "followup",
                 activity_id: int | None = None, notes: dict[int, str] | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.activity_id = activity_id
        self.people = contact.people(member_ids)
        self.notes = notes or {}
        self.state: dict[int, str] = {}  # member id -> "sent" | "skipped" | "limit"
        self.index = 0
        self.setWindowTitle(self.tr("复制给下一位"))
        self.setSizeGripEnabled(True)

        self.kind = kind
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("模板"))
        self._fill_templates(None)
        self.template.currentIndexChanged.connect(lambda _i: self.show_current())
        self.manage = QPushButton(self.tr("编辑模板(&E)…"))
        self.manage.setAutoDefault(False)
        self.manage.clicked.connect(self.open_templates)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("要联系的成员"))
        self.list.itemActivated.connect(lambda item: self.go_to(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self.go_to(self.list.row(item)))
        self.who = QLabel()
        self.who.setStyleSheet("font-weight: 600")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("要发送的文本"))
        self.text.setTabChangesFocus(True)
        self.highlighter = PlaceholderHighlighter(self.text.document(), problems=True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(text_style(OVERDUE_RED))
        self.copy_button = QPushButton(self.tr("复制给下一位(&C)"))
        self.copy_button.setDefault(True)
        self.copy_button.setToolTip(self.tr("复制这段文字、记一条微信跟进，然后换下一位"
                                            "（Enter 或 Ctrl+Enter）"))
        self.skip_button = QPushButton(self.tr("跳过(&S)"))
        self.skip_button.setAutoDefault(False)
        self.skip_button.setToolTip(self.tr("不复制、不记跟进，换下一位（Ctrl+Shift+S）"))
        self.close_button = QPushButton(self.tr("关闭(&L)"))
        self.close_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_next)
        self.skip_button.clicked.connect(self.skip)
        self.close_button.clicked.connect(self.accept)
        for keys, slot in ((COPY_KEYS, self.copy_next), (SKIP_KEYS, self.skip)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("结果"))
        self.hint = QLabel(self.tr("Enter 复制并换下一位，到微信里 Ctrl+V 粘贴；Ctrl+Shift+S 跳过。"))
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        label = QLabel(self.tr("模板(&M)："))
        label.setBuddy(self.template)
        top.addWidget(label)
        top.addWidget(self.template, 1)
        top.addWidget(self.manage)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.who)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        self.resize(780, 520)
        self._fill_list()
        self.show_current()
        self.copy_button.setFocus()
        name_unnamed(self)  # screen readers: every control says what it is

    # ------------------------------------------------------------------ the list
    def _fill_list(self) -> None:
        self.list.clear()
        for person in self.people:
            self.list.addItem(QListWidgetItem(self._line(person)))

    def _line(self, person: contact.Person) -> str:
        text = person.name
        note = self.notes.get(person.member_id) or ("" if person.is_friend
                                                    else self.tr("加好友"))
        if note:
            text += aside(note)
        mark = {"sent": self.tr("✓ 已复制"), "skipped": self.tr("– 跳过"),
                "limit": self.tr("– 超出加好友上限")}.get(self.state.get(person.member_id, ""))
        return f"{text}  {mark}" if mark else text

    def _refresh_line(self, index: int) -> None:
        item = self.list.item(index)
        if item is not None:
            item.setText(self._line(self.people[index]))

    def current(self) -> contact.Person | None:
        return self.people[self.index] if 0 <= self.index < len(self.people) else None

    def template_id(self) -> int | None:
        data = self.template.currentData()
        return int(data) if data is not None else None

    # ------------------------------------------------------------------ showing
    def show_current(self) -> None:
        """Show the current person's text; someone beyond the friend-add limit is skipped."""
        while (person := self.current()) is not None and not person.is_friend and \
                self.state.get(person.member_id) is None and contact.friend_room(self.today) <= 0:
            self._mark(self.index, "limit")
            self._say(self.tr("%1 还不是好友，今天加好友已到上限，跳过").replace("%1", person.name))
            self.index += 1
        person = self.current()
        done = person is None
        for widget in (self.copy_button, self.skip_button, self.text):
            widget.setEnabled(not done and self.template_id() is not None)
        self.copy_button.setEnabled(not done and self.template_id() is not None
                                    and not self.workspace.read_only)
        if person is None:
            self._finished()
            return
        self.list.setCurrentRow(self.index)
        self.who.setText(self.tr("第 %1/%2 位：%3").replace("%1", number(self.index + 1))
                         .replace("%2", number(len(self.people))).replace("%3", person.name))
        template_id = self.template_id()
        if template_id is None:
            self.text.setPlainText("")
            self.problems.setText(self.tr("还没有模板：先在“编辑模板…”里新建一个。"))
            return
        filled = contact.render(template_id, person.member_id, self.activity_id, self.today)
        self.text.setPlainText(filled.text)
        words = missing_text(filled.missing, filled.unknown)
        self.problems.setText(self.tr("%1。改好文本再复制，或跳过。").replace("%1", words)
                              if words else "")

    def _finished(self) -> None:
        sent = sum(1 for s in self.state.values() if s == "sent")
        skipped = sum(1 for s in self.state.values() if s != "sent")
        self.who.setText(self.tr("全部处理完"))
        self.text.setPlainText("")
        self.problems.setText("")
        self.status.setText(self.tr("已复制 %1 位，跳过 %2 位。").replace("%1", number(sent))
                            .replace("%2", number(skipped)))
        self.close_button.setFocus()

    def _mark(self, index: int, state: str) -> None:
        self.state[self.people[index].member_id] = state
        self._refresh_line(index)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.workspace.status_message.emit(text)

    # ------------------------------------------------------------------ the keys
    def go_to(self, index: int) -> None:
        if 0 <= index < len(self.people) and index != self.index:
            self.index = index
            self.show_current()

    @Slot()
    def skip(self) -> None:
        person = self.current()
        if person is None:
            return
        self._mark(self.index, "skipped")
        self._say(self.tr("已跳过 %1").replace("%1", person.name))
        self.index += 1
        self.show_current()

    @Slot()
    def copy_next(self) -> None:
        person, template_id = self.current(), self.template_id()
        if person is None or template_id is None or not self.copy_button.isEnabled():
            return
        text = self.text.toPlainText().strip()
        left = still_unfilled(text)
        if left or not text:
            self.problems.setText(self.tr("还有没填好的占位符：%1。改好文本再复制，或跳过。")
                                  .replace("%1", join(left)) if left
                                  else self.tr("没有要复制的文本。"))
            self.text.setFocus()
            return
        index, today = self.index, self.today

        def done(_added: bool) -> None:
            QGuiApplication.clipboard().setText(text)
            self._mark(index, "sent")
            self._say(self.tr("已复制给 %1，已记跟进").replace("%1", person.name))
            if index == self.index:
                self.index += 1
            self.show_current()

        def refused(exc: Exception) -> None:
            if isinstance(exc, ValidationError) and "limit" in exc.errors:
                self._mark(index, "limit")
                self._say(refusal_text(exc))
                self.index = index + 1
                self.show_current()
            else:
                self.problems.setText(refusal_text(exc))

        Op(self, self.workspace, lambda: contact.log_sent(person.member_id, template_id, today),
           Changed.MEMBERS).success(done).failure(refused).run()

    @Slot()
    def open_templates(self) -> None:
        from ui.outreach.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.workspace, self, select=self.template_id())
        dialog.finished.connect(lambda _r: self._templates_changed())
        dialog.open()

    def _fill_templates(self, keep: int | None) -> None:
        """The templates, those of this dialog's kind first."""
        self.template.blockSignals(True)
        self.template.clear()
        for template in templates.templates(self.kind):
            self.template.addItem(titled(template.name, template.kind),
                                  template.id)
        self.template.setCurrentIndex(max(0, self.template.findData(keep)))
        self.template.blockSignals(False)

    def _templates_changed(self) -> None:
        self._fill_templates(self.template_id())
        self.show_current()
