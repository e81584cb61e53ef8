"""消息模板: the owner's templates and the built-ins, edited and previewed per member.

Placeholders show in colour as they are typed (unknown ones on red, and listed under the
text); the preview fills the template in for any member (and an activity, for reminders),
with what has no value left on red.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.members.cards import ValidationError
from models.outreach import contact, templates
from models.outreach.placeholders import PLACEHOLDERS, label, text_language, unknown_words
from ui import dialogs
from ui.accessibility import name_unnamed
from ui.colors import OVERDUE_RED, text_style
from ui.dates import weekday_date
from ui.i18n import join
from ui.members.member_picker import MemberPicker
from ui.operations import Op
from ui.outreach.common import (
    PlaceholderHighlighter,
    kind_labels,
    missing_text,
    placeholder_labels,
    titled,
)
from ui.read_only import set_editing
from ui.workspace import Changed, Workspace

ID_ROLE = Qt.ItemDataRole.UserRole


class TemplatesDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 select: int | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("消息模板"))
        self.setSizeGripEnabled(True)
        self._loading = False
        self._dirty = False

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("模板列表"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.new_button = QPushButton(self.tr("新建(&N)"))
        self.copy_button = QPushButton(self.tr("复制(&U)"))
        self.delete_button = QPushButton(self.tr("删除(&D)"))
        self.new_button.clicked.connect(self.new_template)
        self.copy_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.bring_back = QPushButton(self.tr("找回已删除的内置模板"))
        self.bring_back.clicked.connect(self.restore_hidden)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.delete_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.bring_back)

        self.name = QLineEdit()
        self.name.setMaxLength(templates.MAX_NAME)
        self.kind = QComboBox()
        for key, text in kind_labels().items():
            self.kind.addItem(text, key)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("模板内容"))
        self.body.setTabChangesFocus(True)
        self.highlighter = PlaceholderHighlighter(self.body.document())
        self.insert_button = QToolButton()
        self.insert_button.setText(self.tr("插入占位符(&I)"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.insert_button)
        menu.setProperty("lists_data", True)  # the placeholders, picked with the arrow keys
        described = placeholder_labels()
        for key in PLACEHOLDERS:
            action = menu.addAction(f"{{{label(key, 'zh')}}} {{{label(key, 'en')}}} — "
                                    f"{described[key]}")
            action.triggered.connect(lambda _=False, k=key: self.insert(k))
        self.insert_button.setMenu(menu)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(text_style(OVERDUE_RED))
        self.name_error = QLabel()
        self.name_error.setStyleSheet(text_style(OVERDUE_RED))
        self.name_error.hide()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.clicked.connect(self.save)
        self.restore_button = QPushButton(self.tr("恢复内置文本(&R)"))
        self.restore_button.setToolTip(self.tr("放弃修改，换回群主台自带的文本"))
        self.restore_button.clicked.connect(self.restore_builtin)
        self.origin = QLabel()

        self.member = MemberPicker()
        self.member.setAccessibleName(self.tr("预览成员"))
        self.member.member_changed.connect(lambda _m: self.refresh_preview())
        self.activity = QComboBox()
        self.activity.setAccessibleName(self.tr("预览活动"))
        self.activity.addItem(self.tr("（不选活动）"), None)
        for aid, title, start in contact.preview_activities():
            self.activity.addItem(f"{title} · {weekday_date(start.date())}", aid)
        if self.activity.count() > 1:
            self.activity.setCurrentIndex(1)
        self.activity.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("预览"))
        self.preview_highlighter = PlaceholderHighlighter(self.preview.document(), problems=True)
        self.preview_problems = QLabel()
        self.preview_problems.setWordWrap(True)
        self.preview_problems.setStyleSheet(text_style(OVERDUE_RED))

        form = QFormLayout()
        form.addRow(self.tr("名称(&A)："), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("用途(&K)："), self.kind)
        body_label = QLabel(self.tr("内容(&T)："))
        body_label.setBuddy(self.body)
        tools = QHBoxLayout()
        tools.addWidget(body_label)
        tools.addStretch(1)
        tools.addWidget(self.insert_button)
        saving = QHBoxLayout()
        saving.addWidget(self.origin, 1)
        saving.addWidget(self.restore_button)
        saving.addWidget(self.save_button)
        preview_form = QFormLayout()
        preview_form.addRow(self.tr("预览成员(&P)："), self.member)
        preview_form.addRow(self.tr("活动(&V)："), self.activity)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.body, 2)
        right_layout.addWidget(self.problems)
        right_layout.addLayout(saving)
        right_layout.addLayout(preview_form)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_problems)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 560])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭(&C)"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        for button in (self.new_button, self.copy_button, self.delete_button, self.bring_back,
                       self.save_button, self.restore_button):
            button.setAutoDefault(False)
        self.name.textEdited.connect(self._edited)
        self.kind.activated.connect(self._edited)
        self.body.textChanged.connect(self._body_changed)
        self.resize(880, 640)
        first = contact.first_member_id()
        if first is not None:
            self.member.set_member(first)
        self.reload(select)
        set_editing(workspace, (self.new_button, self.copy_button, self.delete_button,
                                self.bring_back, self.save_button, self.restore_button))
        self.body.setReadOnly(bool(workspace.read_only))
        self.name.setReadOnly(bool(workspace.read_only))
        name_unnamed(self)  # screen readers: every control says what it is

    # ------------------------------------------------------------------ state
    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def reload(self, select: int | None = None) -> None:
        keep = self.current_id() if select is None else select
        self._loading = True
        self.list.clear()
        for template in templates.templates():
            shown = titled(template.name, template.kind)
            item = QListWidgetItem(shown)
            item.setData(ID_ROLE, template.id)
            item.setToolTip(self.tr("内置模板") if template.builtin else self.tr("自己的模板"))
            self.list.addItem(item)
            if template.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._loading = False
        self.bring_back.setVisible(bool(templates.hidden_builtins()))
        self._show(self.current_id())

    @Slot(QListWidgetItem, QListWidgetItem)
    def _current_changed(self, current: QListWidgetItem | None,
                         previous: QListWidgetItem | None) -> None:
        if self._loading:
            return
        if self._dirty and previous is not None and dialogs.confirm(
                self, self.tr("消息模板"), self.tr("保存对“%1”的修改吗？").replace(
                    "%1", previous.text())):
            if not self._save(int(previous.data(ID_ROLE)), reselect=False):
                return
        self._show(self.current_id())

    def _show(self, template_id: int | None) -> None:
        self._loading = True
        has = template_id is not None
        template = templates.get(template_id) if template_id is not None else None
        self.name.setText(template.name if template else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(template.kind if template
                                                            else "other")))
        self.body.setPlainText(template.body if template else "")
        for widget in (self.name, self.kind, self.body, self.copy_button, self.delete_button):
            widget.setEnabled(has)
        if template is None:
            self.origin.setText("")
        elif not template.builtin:
            self.origin.setText(self.tr("自己的模板"))
        elif template.edited:
            self.origin.setText(self.tr("内置模板，已按你的修改保存"))
        else:
            self.origin.setText(self.tr("内置模板，跟随界面语言"))
        self.restore_button.setVisible(bool(template and template.builtin and template.edited))
        self.name_error.hide()
        self._loading = False
        self._dirty = False
        self.save_button.setEnabled(False)
        self._check_body()
        self.refresh_preview()

    @Slot()
    def _edited(self) -> None:
        if not self._loading:
            self._dirty = True
            self.save_button.setEnabled(not self.workspace.read_only)

    @Slot()
    def _body_changed(self) -> None:
        self._edited()
        self._check_body()
        self.refresh_preview()

    def _check_body(self) -> None:
        unknown = unknown_words(self.body.toPlainText())
        self.problems.setVisible(bool(unknown))
        self.problems.setText(self.tr("不认识的占位符：%1。发送前必须改掉（见“插入占位符”）。")
                              .replace("%1", join(f"{{{w}}}" for w in unknown)))

    def insert(self, key: str) -> None:
        language = text_language(self.body.toPlainText() or self.name.text())
        if not self.body.toPlainText().strip():
            from models import messages

            language = messages.language()
        self.body.insertPlainText("{" + label(key, language) + "}")
        self.body.setFocus()

    @Slot()
    def refresh_preview(self) -> None:
        member_id = self.member.member_id()
        text = self.body.toPlainText()
        if member_id is None or not text.strip():
            self.preview.setPlainText("")
            self.preview_problems.setText(self.tr("选一位成员看看填好的样子。") if text.strip()
                                          else "")
            return
        from models.outreach.placeholders import fill

        language = text_language(text)
        values = contact.member_values([member_id], self.activity.currentData(),
                                       language).get(member_id, {})
        filled = fill(text, values)
        self.preview.setPlainText(filled.text)
        self.preview_problems.setText(missing_text(filled.missing, filled.unknown))

    # ------------------------------------------------------------------ writes
    @Slot()
    def save(self) -> None:
        template_id = self.current_id()
        if template_id is not None:
            self._save(template_id)

    def _save(self, template_id: int, reselect: bool = True) -> bool:
        name, kind, body = self.name.text(), self.kind.currentData(), self.body.toPlainText()

        def done(_r: object) -> None:
            self._dirty = False
            self.reload(template_id if reselect else self.current_id())

        def failed(exc: Exception) -> None:
            errors = exc.errors if isinstance(exc, ValidationError) else {"name": str(exc)}
            self.name_error.setText(self.tr("；").join(errors.values()))
            self.name_error.show()

        return Op(self, self.workspace, lambda: templates.update(template_id, name, kind, body),
                  Changed.TEMPLATES).success(done).failure(failed).run()

    @Slot()
    def new_template(self) -> None:
        name, body = self.tr("新模板"), self.tr("{称呼}你好，")
        Op(self, self.workspace, lambda: templates.create(name, "other", body),
           Changed.TEMPLATES).success(self._created).run()

    def _created(self, template_id: int) -> None:
        self.reload(template_id)
        self.name.setFocus()
        self.name.selectAll()

    @Slot()
    def duplicate(self) -> None:
        template_id = self.current_id()
        if template_id is not None:
            Op(self, self.workspace, lambda: templates.duplicate(template_id),
               Changed.TEMPLATES).success(self._created).run()

    @Slot()
    def delete(self) -> None:
        template_id = self.current_id()
        if template_id is None:
            return
        template = templates.get(template_id)
        question = (self.tr("删除内置模板“%1”？以后可以用“找回已删除的内置模板”找回。")
                    if template.builtin else self.tr("删除模板“%1”？（可撤销）"))
        if not dialogs.confirm(self, self.tr("删除模板"), question.replace("%1", template.name),
                               danger=True):
            return
        Op(self, self.workspace, lambda: templates.delete(template_id),
           Changed.TEMPLATES).success(lambda _r: self.reload()).run()

    @Slot()
    def restore_builtin(self) -> None:
        template_id = self.current_id()
        if template_id is not None:
            Op(self, self.workspace, lambda: templates.restore_builtin(template_id),
               Changed.TEMPLATES).success(lambda _r: self.reload(template_id)).run()

    @Slot()
    def restore_hidden(self) -> None:
        Op(self, self.workspace, templates.restore_hidden,
           Changed.TEMPLATES).success(lambda _r: self.reload()).run()

