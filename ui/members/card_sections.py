"""Parts of the member card edited together with the card and saved with it: tags and
group memberships (nothing reaches the database until the card is saved)."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.members import groups as groups_model
from models.members import tags as tags_model
from ui.i18n import aside
from ui.members.form_helpers import error_style, platform_labels, role_labels
from ui.members.tag_chips import TagChips


class EnterCatcher(QObject):
    """Enter in a sub-form (add tag, add follow-up, ...) runs that form's action instead
    of reaching the dialog, where it would press the default Save button."""

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        # A weak reference: a strong one would tie the dialog and this child into a
        # reference cycle, and when Python's GC breaks such a cycle it deletes the Qt
        # objects in an arbitrary order (a crash seen when a card was garbage-collected).
        self.action = weakref.WeakMethod(action) if hasattr(action, "__self__") else \
            (lambda: action)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            action = self.action()
            if action is not None:
                action()
            return True
        return False


class TagsSection(QWidget):
    """The card's tags as removable chips, plus a box to add an existing or new tag."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: dict[int, tuple[str, str]] = {}
        # Tags typed on the card that do not exist yet, by a negative stand-in id: created
        # with the card when it is saved, never if the card is cancelled.
        self._pending: dict[int, tuple[str, int | None]] = {}
        self.chips = TagChips(self, removable=True)
        self.chips.remove_requested.connect(self.remove_tag)
        self.chips.placeholder = self.tr("还没有标签")
        self.name = QComboBox()
        self.name.setAccessibleName(self.tr("标签名（可新建）"))
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line, completer = self.name.lineEdit(), self.name.completer()
        if line is None or completer is None:  # an editable box always has both
            raise RuntimeError("an editable QComboBox without its line edit")
        line.setPlaceholderText(self.tr("标签名（可新建）"))
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.name.setMinimumWidth(160)
        self.category = QComboBox()
        self.category.setToolTip(self.tr("新标签放入的分类"))
        self.add_button = QPushButton(self.tr("添加标签(&A)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed)
        EnterCatcher(line, self.add_typed)
        line.installEventFilter(self)  # Backspace on empty: drop last chip
        self.chips.setToolTip(self.tr("点 × 移除标签；在标签输入框为空时按退格键移除最后一个"))
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(QLabel(self.tr("新标签分类")))
        row.addWidget(self.category, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chips)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.reload_choices()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() == Qt.Key.Key_Backspace and not self.name.currentText() and \
                self._tags:
            last = self.chips.tags()[-1][0]
            self.remove_tag(last)
            return True
        return super().eventFilter(watched, event)

    def reload_choices(self) -> None:
        typed, category = self.name.currentText(), self.category.currentData()
        self.name.clear()
        for tag in tags_model.all_tags():
            self.name.addItem(tag.name, tag.id)
        self.name.setCurrentIndex(-1)
        self.name.setEditText(typed)  # a reload from elsewhere keeps what is being typed
        self.category.clear()
        for item in tags_model.categories():
            self.category.addItem(item.name, item.id)
        self.category.addItem(self.tr("未分类"), None)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))

    def set_tags(self, tags: list[tuple[int, str, str]]) -> None:
        """Show these stored tags (and keep the new ones typed on the card)."""
        pending = {i: self._tags[i] for i in self._pending if i in self._tags}
        self._tags = {tag_id: (name, colour) for tag_id, name, colour in tags} | pending
        self._refresh()

    def tag_ids(self) -> list[int]:
        """The stored tags on the card (new ones are in `new_tags`)."""
        return [tag_id for tag_id in self._tags if tag_id > 0]

    def new_tags(self) -> list[tuple[str, int | None]]:
        """Tags typed on the card that do not exist yet: (name, category id)."""
        return list(self._pending.values())

    def _refresh(self) -> None:
        ordered = sorted(self._tags.items(), key=lambda kv: kv[1][0])
        self.chips.set_tags([(tag_id, name, colour) for tag_id, (name, colour) in ordered])

    @Slot()
    def add_typed(self) -> None:
        self.add_tag(self.name.currentText(), self.category.currentData())

    def add_tag(self, name: str, category_id: int | None = None) -> int | None:
        """Add a tag by name; a name not yet known creates the tag in `category_id`."""
        if not name.strip():
            self.error.setText(self.tr("请输入标签名"))
            self.error.show()
            return None
        self.error.hide()
        tag = tags_model.find_tag(name)
        if tag is not None:
            tag_id, shown, colour = tag.id, tag.name, tag.color  # its category's colour
        else:  # created when the card is saved, in the category chosen now
            shown = name.strip()
            same = next((i for i, (n, _c) in self._pending.items() if n == shown), None)
            tag_id = same if same is not None else min([0, *self._pending]) - 1
            self._pending[tag_id] = (shown, category_id)
            colour = next((c.color for c in tags_model.categories() if c.id == category_id),
                          tags_model.UNCATEGORISED_COLOUR)
        self._tags[tag_id] = (shown, colour)
        self.name.setCurrentIndex(-1)
        self.name.setEditText("")
        self._refresh()
        self.changed.emit()
        return tag_id

    @Slot(int)
    def remove_tag(self, tag_id: int) -> None:
        self._pending.pop(tag_id, None)
        if self._tags.pop(tag_id, None) is not None:
            self._refresh()
            self.changed.emit()


class GroupsSection(QWidget):
    """One row per group: in the group or not, and the member's role there."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, tuple[QCheckBox, QComboBox]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        counts = groups_model.member_counts()
        groups = groups_model.all_groups()
        if not groups:
            grid.addWidget(QLabel(self.tr("还没有群，可在“群管理”中添加")), 0, 0)
        platforms = platform_labels()
        for row, group in enumerate(groups):
            count = counts.get(group.id, 0)
            check = QCheckBox(group.name.replace("&", "&&")
                              + aside(platforms.get(group.platform, "")))
            check.setProperty("lists_data", True)  # a group's name: no letter, reached by Tab
            if group.capacity:
                ratio = count / group.capacity
                check.setToolTip(self.tr("%1 / %2 人").replace("%1", str(count))
                                 .replace("%2", str(group.capacity)))
                if ratio >= groups_model.NEAR_CAPACITY:
                    check.setText(check.text() + self.tr(" · 接近满员"))
            role = QComboBox()
            for key, label in role_labels().items():
                role.addItem(label, key)
            role.setCurrentIndex(role.findData("member"))
            role.setEnabled(False)
            check.toggled.connect(role.setEnabled)
            check.toggled.connect(self.changed)
            role.currentIndexChanged.connect(self.changed)
            grid.addWidget(check, row, 0)
            grid.addWidget(role, row, 1)
            self._rows[group.id] = (check, role)

    def set_memberships(self, roles: dict[int, str]) -> None:
        for group_id, (check, combo) in self._rows.items():
            check.setChecked(group_id in roles)
            index = combo.findData(roles.get(group_id, "member"))
            combo.setCurrentIndex(max(index, 0))

    def roles(self) -> dict[int, str]:
        return {group_id: combo.currentData() for group_id, (check, combo) in self._rows.items()
                if check.isChecked()}

    def row(self, group_id: int) -> tuple[QCheckBox, QComboBox]:
        return self._rows[group_id]
