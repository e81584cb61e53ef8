"""The member card: every field of a member, their tags, groups, follow-ups, points,
referrals and sessions. Card fields, tags and groups are saved together or not at all."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.members import contributions, groups, tags
from models.members.cards import (
    MemberGone,
    ValidationError,
    add_custom_field,
    custom_fields,
    custom_values,
    get_member,
    normalize,
)
from models.members.editing import save_card
from ui import dates, dialogs
from ui.members.birthday_edit import BirthdayEdit
from ui.members.card_logs import (
    ContributionSection,
    FollowUpSection,
    ReferralSection,
    SessionsSection,
)
from ui.members.card_sections import EnterCatcher, GroupsSection, TagsSection
from ui.members.form_helpers import (
    DateEdit,
    ErrorField,
    error_style,
    gender_labels,
    section_title,
)
from ui.members.member_picker import MemberPicker
from ui.operations import Op
from ui.workspace import Changed, Workspace

MULTILINE = ("expertise", "needs", "hobbies", "family", "notes")
DATES = ("birthday", "joined_on", "left_on", "next_contact_on")

if TYPE_CHECKING:
    from models.members.cards import Member

E = TypeVar("E", bound=QWidget)


class MemberCardDialog(QDialog):
    """Open with open(); `saved(member id)` after a successful save."""

    saved = Signal(int)

    def __init__(self, workspace: Workspace, member_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.member_id = member_id
        self.setWindowTitle(self.tr("新建成员") if member_id is None else self.tr("成员卡片"))
        self.setSizeGripEnabled(True)
        self.fields: dict[str, ErrorField] = {}
        self.editors: dict[str, QWidget] = {}
        self._field_tab: dict[str, int] = {}
        self.custom_editors: dict[int, QLineEdit] = {}

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.tags = TagsSection()
        self.tabs = QTabWidget()
        self._build_tabs()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(error_style())
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存(&S)"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消(&C)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)  # calls save when activated

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tags)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._field_editor("name", QLineEdit).textChanged.connect(self._name_changed)
        self._loaded_tags: set[int] = set()
        self._load()
        self._dirty = False
        self._watch_changes()
        workspace.data_changed.connect(self._on_data_changed)
        self.resize(760, 640)
        self.editors["name"].setFocus()
        if workspace.read_only:  # the card can be read, not saved; say why
            self.save_button.setEnabled(False)
            self.general_error.setText(self.tr("只读：%1，不能保存修改。")
                                       .replace("%1", workspace.read_only_reason()))
            self.general_error.show()

    # ------------------------------------------------------------------ building
    def labels(self) -> dict[str, str]:
        return {
            "name": self.tr("姓名 *"), "nickname": self.tr("群昵称"),
            "wechat_name": self.tr("微信昵称"),
            "wechat_id": self.tr("微信号"),
            "phone": self.tr("手机号"), "qq": self.tr("QQ号"), "email": self.tr("邮箱"),
            "gender": self.tr("性别"), "city": self.tr("地区"), "birthday": self.tr("生日"),
            "job_title": self.tr("职位"), "industry": self.tr("行业"), "company": self.tr("公司"),
            "expertise": self.tr("擅长领域"), "needs": self.tr("个人诉求"),
            "hobbies": self.tr("爱好"), "family": self.tr("家人"), "source": self.tr("来源渠道"),
            "inviter": self.tr("邀请人"), "joined_on": self.tr("入群时间"),
            "left_on": self.tr("退群时间"), "entry_fee": self.tr("入群费（元）"),
            "is_friend": self.tr("已加好友"), "next_contact_on": self.tr("下次联系"),
            "notes": self.tr("备注"),
        }

    def _editor(self, field: str) -> QWidget:
        if field == "gender":
            genders = QComboBox()
            for key, label in gender_labels().items():
                genders.addItem(label, key)
            editor: QWidget = genders
        elif field == "birthday":  # 公历 or 农历
            editor = BirthdayEdit()
        elif field in DATES:
            editor = DateEdit()
        elif field in MULTILINE:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)  # Tab moves on, as in the other fields
            editor.setFixedHeight(64 if field != "notes" else 110)
        elif field == "is_friend":
            editor = QCheckBox()
        elif field == "inviter":
            editor = MemberPicker(exclude=self.member_id)
        else:
            editor = QLineEdit()
            if field == "wechat_id":
                editor.setPlaceholderText(self.tr("6–20 位字母、数字、_ 或 -"))
            elif field == "phone":
                editor.setPlaceholderText(self.tr("手机号，或带区号的座机号（如 021-12345678）"))
        editor.setObjectName(field)
        return editor

    def _field_editor(self, field: str, kind: type[E]) -> E:
        """The editor of `field`, of the kind `_editor` made for it."""
        editor = self.editors[field]
        if not isinstance(editor, kind):
            raise TypeError(f"{field!r} is edited in a {type(editor).__name__}")
        return editor

    def _form_tab(self, title: str, fields: tuple[str, ...],
                  extra: list[tuple[str, QWidget]] | None = None,
                  stretch: bool = True) -> QFormLayout:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        if stretch:  # spare height below the fields, not between them
            outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = self.labels()
        index = self.tabs.count()
        for field in fields:
            editor = self._editor(field)
            wrapped = ErrorField(editor)
            self.fields[field], self.editors[field] = wrapped, editor
            self._field_tab[field] = index
            form.addRow(labels[field], wrapped)
        for label, widget in extra or []:
            if label:
                form.addRow(section_title(label))
            form.addRow(widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        return form

    def _build_tabs(self) -> None:
        self.custom_box = QWidget()
        self.custom_form = QFormLayout(self.custom_box)
        self.custom_form.setContentsMargins(0, 0, 0, 0)
        self.new_field = QLineEdit()
        self.new_field.setPlaceholderText(self.tr("字段名，如“T恤尺码”"))
        self.add_field_button = QPushButton(self.tr("添加自定义字段(&U)"))
        self.add_field_button.setAutoDefault(False)
        self.add_field_button.clicked.connect(self.add_custom_field)
        EnterCatcher(self.new_field, self.add_custom_field)
        self.new_field_error = QLabel()
        self.new_field_error.setStyleSheet(error_style())
        self.new_field_error.hide()
        add_row = QWidget()
        row = QHBoxLayout(add_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_field, 1)
        row.addWidget(self.add_field_button)
        self._form_tab(self.tr("基本信息"), ("name", "nickname", "wechat_name", "wechat_id",
                                          "phone", "qq", "email", "gender", "city",
                                          "birthday"),
                       [(self.tr("自定义字段"), self.custom_box), ("", add_row),
                        ("", self.new_field_error)])
        self._form_tab(self.tr("职业与诉求"), ("job_title", "industry", "company", "expertise",
                                            "needs", "hobbies", "family"))
        self.groups = GroupsSection()
        self._form_tab(self.tr("社群"), ("source", "inviter", "joined_on", "left_on",
                                        "entry_fee", "notes"),
                       [(self.tr("所在群与角色"), self.groups)])
        self.followups = FollowUpSection(self.member_id)
        self.last_contact = QLabel()
        self.friend_info = QLabel()
        self.friend_info.setStyleSheet("color: #6b7280;")
        follow_form = self._form_tab(self.tr("跟进"), ("next_contact_on", "is_friend"),
                                     [("", self.last_contact),
                                      (self.tr("跟进记录"), self.followups)], stretch=False)
        follow_form.addRow("", self.friend_info)
        self.followups.logged.connect(self._followup_logged)
        self.contributions = ContributionSection(self.member_id)
        self.contributions.changed.connect(self._update_title)
        self.tabs.addTab(self.contributions, self.tr("积分"))
        self.referrals = ReferralSection(self.member_id)
        self.referrals.open_member.connect(self._open_other)
        self.tabs.addTab(self.referrals, self.tr("邀请关系"))
        self.sessions = SessionsSection(self.member_id)
        self.tabs.addTab(self.sessions, self.tr("分享场次"))
        if self.member_id is None:
            hint = self.tr("保存成员后可记录")
            for index in (4, 5, 6):
                self.tabs.setTabToolTip(index, hint)

    def _add_custom_row(self, field_id: int, name: str, value: str = "") -> None:
        editor = QLineEdit(value)
        editor.setObjectName(f"custom_{field_id}")
        self.custom_editors[field_id] = editor
        self.custom_form.addRow(name, editor)

    # ------------------------------------------------------------------ loading
    def _load(self) -> None:
        member = get_member(self.member_id) if self.member_id else None
        values = custom_values(member.id) if member else {}
        for custom in custom_fields():
            self._add_custom_row(custom.id, custom.name, values.get(custom.id, ""))
        if member is None and self.member_id is not None:
            # Deleted meanwhile (bulk delete, undo of an import): nothing to edit.
            self.general_error.setText(self.tr("这位成员已被删除，卡片无法保存。"))
            self.general_error.show()
            self.save_button.setEnabled(False)
            self.editors["name"].setEnabled(False)
            return
        if member is None:
            self.save_button.setEnabled(False)
            self._field_editor("joined_on", DateEdit).set_date(dt.date.today())  # as saving would
            self._update_title()
            return
        for field, editor in self.editors.items():
            value = getattr(member, field if field != "inviter" else "inviter_id")
            if isinstance(editor, MemberPicker):
                editor.set_member(value)
            elif isinstance(editor, BirthdayEdit):
                editor.set_value(value, member.lunar_birthday)
            elif isinstance(editor, DateEdit):
                editor.set_date(value)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value or ""), 0))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif field == "entry_fee" and isinstance(editor, QLineEdit):
                editor.setText("" if value is None else f"{value:g}")
            elif isinstance(editor, QLineEdit):
                editor.setText(value or "")
        self.tags.set_tags([(t.id, t.name, t.color) for t in tags.tags_of(member.id)])
        self._loaded_tags = set(self.tags.tag_ids())
        self.groups.set_memberships({m.group_id: m.role for m in groups.memberships_of(member.id)})
        self.last_contact.setText(self.tr("最近联系：%1").replace(
            "%1", dates.short_date(member.last_contact_on) if member.last_contact_on
            else self.tr("无")))
        if member.friend_added_on:
            self.friend_info.setText(self.tr("加好友日期：%1").replace(
                "%1", dates.short_date(member.friend_added_on)))
        self._update_title()

    @Slot(object)
    def _on_data_changed(self, changed: Changed) -> None:
        """Tags renamed, recoloured, merged or deleted elsewhere: show them as they are now,
        keeping the tags added or removed on this card but not saved yet."""
        if not changed & Changed.TAGS:
            return
        shown = set(self.tags.tag_ids())
        stored = {t.id for t in tags.tags_of(self.member_id)} if self.member_id else set()
        wanted = (stored - (self._loaded_tags - shown)) | (shown - self._loaded_tags)
        self._loaded_tags = stored
        self.tags.set_tags([(t.id, t.name, t.color) for t in tags.tags_by_id(wanted)])
        self.tags.reload_choices()

    @Slot()
    def _update_title(self) -> None:
        name = self._field_editor("name", QLineEdit).text().strip() or self.tr("新成员")
        if self.member_id is None:
            self.title.setText(name)
            return
        points = self.contributions.total()
        title = self.tr("%1 · %2 · %3 积分").replace("%1", name).replace(
            "%2", contributions.level_for(points)).replace("%3", str(points))
        if self._field_editor("left_on", DateEdit).date() is not None:
            title += self.tr(" · 已退群")
        self.title.setText(title)
        self.setWindowTitle(self.tr("成员卡片 - %1").replace("%1", name))

    def _watch_changes(self) -> None:
        """Note any edit after loading, so Cancel can ask before throwing it away."""
        mark = self._mark_dirty
        for editor in [*self.editors.values(), *self.custom_editors.values()]:
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(mark)
            elif isinstance(editor, QPlainTextEdit):
                editor.textChanged.connect(mark)
            elif isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(mark)
            elif isinstance(editor, QCheckBox):
                editor.toggled.connect(mark)
        self._field_editor("inviter", MemberPicker).member_changed.connect(mark)
        self._field_editor("birthday", BirthdayEdit).changed.connect(mark)
        self.tags.changed.connect(mark)
        self.groups.changed.connect(mark)

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def reject(self) -> None:
        if self._dirty and not dialogs.confirm(
                self, self.tr("放弃修改"),
                self.tr("这张卡片有未保存的修改，确定不保存就关闭吗？"), danger=True):
            return
        super().reject()

    # ------------------------------------------------------------------ saving
    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field, editor in self.editors.items():
            if isinstance(editor, MemberPicker):
                data[field] = editor.member_id()
            elif isinstance(editor, (DateEdit, BirthdayEdit)):
                data[field] = editor.value()
            elif isinstance(editor, QComboBox):
                data[field] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                data[field] = editor.isChecked()
            elif isinstance(editor, QPlainTextEdit):
                data[field] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                data[field] = editor.text()
        return data

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, wrapped in self.fields.items():
            wrapped.set_error(errors.get(field))
        other = [text for field, text in errors.items() if field not in self.fields]
        self.general_error.setText("\n".join(other))
        self.general_error.setVisible(bool(other))
        first = next((f for f in self.fields if f in errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(self._field_tab[first])
            self.editors[first].setFocus()

    @Slot()
    def save(self) -> bool:
        """Validate and write the card, its tags, groups and custom fields in one go."""
        if not self.save_button.isEnabled():
            return False
        data = self.collect()
        if self._field_editor("inviter", MemberPicker).is_unresolved():
            _, errors = normalize(data)
            errors["inviter"] = self.tr("请从下拉列表中选择邀请人（或清空）")
            self.show_errors(errors)
            return False
        custom = {fid: editor.text() for fid, editor in self.custom_editors.items()}
        tag_ids, roles = self.tags.tag_ids(), self.groups.roles()
        new_tags = self.tags.new_tags()  # created with the card, never if it is cancelled
        return Op(self, self.workspace, lambda: save_card(data, self.member_id, custom=custom,
                                                          tag_ids=tag_ids, roles=roles,
                                                          new_tags=new_tags),
                  Changed.MEMBERS).success(self._saved).failure(self._refused, storage=True).run()

    def _saved(self, member: Member) -> None:
        self.show_errors({})
        self.member_id = member.id
        self.saved.emit(member.id)
        self._dirty = False
        self.accept()

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, MemberGone):
            self.show_errors({"member": self.tr("这位成员已被删除，卡片无法保存。")})
        else:  # read-only, disk full, the file gone: nothing saved
            self.show_errors({"member": str(exc)})

    @Slot()
    def add_custom_field(self) -> None:
        try:
            field = add_custom_field(self.new_field.text())
        except ValidationError as exc:
            self.new_field_error.setText(next(iter(exc.errors.values())))
            self.new_field_error.show()
            return
        self.new_field_error.hide()
        self.new_field.clear()
        self._add_custom_row(field.id, field.name)
        self.custom_editors[field.id].textEdited.connect(self._mark_dirty)
        self.custom_editors[field.id].setFocus()

    # ------------------------------------------------------------------ reactions
    @Slot(str)
    def _name_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()) and self.editors["name"].isEnabled()
                                    and not self.workspace.read_only)
        self._update_title()

    @Slot(object)
    def _followup_logged(self, upcoming: dt.date | None) -> None:
        self._field_editor("next_contact_on", DateEdit).set_date(upcoming)
        latest = self.followups.table.item(0, 0) if self.followups.table.rowCount() else None
        self.last_contact.setText(self.tr("最近联系：%1").replace(
            "%1", latest.text() if latest is not None else self.tr("无")))

    @Slot(int)
    def _open_other(self, member_id: int) -> None:
        other = MemberCardDialog(self.workspace, member_id, self.parentWidget())
        other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        other.open()
