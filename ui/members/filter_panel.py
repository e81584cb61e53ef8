"""The member filter bar: tags (all / any / none), group, role, level, status, dates.

The panel shows a filter; it never makes one up: `set_filter(spec)` then `current()` gives
`spec` back for every filter (an Overview figure, a saved segment), so what the list applies
and what the panel shows stay the same when the user then changes one field. Each end of
the join-date range has its own tick (an open end is a filter of its own: "joined on or
before the cut-off"), and a group, role or level that is not among the choices (deleted
meanwhile) is kept as a choice of its own instead of falling back to "all".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSpinBox,
    QWidget,
)

from models.members.contributions import thresholds
from models.members.groups import ROLES, all_groups
from models.members.segments import MemberFilter
from models.members.tags import all_tags
from ui.dates import from_qdate, to_qdate
from ui.flow_layout import FlowLayout
from ui.members.form_helpers import role_labels

EXTRA_ROLE = Qt.ItemDataRole.UserRole + 1  # a choice added for a value not on the list
CHINESE_MNEMONIC = re.compile(r"\(&\w\)$")  # "(&A)" at the end of a Chinese text


class TagMenuButton(QPushButton):
    """A button with a checkable menu of every tag, grouped by category."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setMenu(QMenu(self))  # a push button leaves room for the arrow (a tool button not)
        self._selected: list[int] = []
        self._refresh_text()

    def load(self) -> None:
        menu = self.menu()
        menu.clear()
        category = object()
        for tag in all_tags():
            name = tag.category.name if tag.category is not None else self.tr("未分类")
            if name != category:
                menu.addSection(name)
                category = name
            action = menu.addAction(tag.name.replace("&", "&&"))  # a name, not a letter
            action.setCheckable(True)
            action.setChecked(tag.id in self._selected)
            action.setData(tag.id)
            action.toggled.connect(self._on_toggled)

    def selected(self) -> list[int]:
        return list(self._selected)

    def set_selected(self, tag_ids: list[int]) -> None:
        self._selected = list(tag_ids)
        for action in self.menu().actions():
            if action.isCheckable():
                action.blockSignals(True)
                action.setChecked(action.data() in self._selected)
                action.blockSignals(False)
        self._refresh_text()

    @Slot(bool)
    def _on_toggled(self, _checked: bool) -> None:
        self._selected = [a.data() for a in self.menu().actions() if a.isCheckable()
                          and a.isChecked()]
        self._refresh_text()
        self.changed.emit()

    def _refresh_text(self) -> None:
        """The title, and how many tags are picked before its letter: "含全部标签 (2)(&A)"."""
        count = len(self._selected)
        letter = CHINESE_MNEMONIC.search(self.title)
        base, key = (self.title[:letter.start()], letter.group()) if letter else (self.title, "")
        self.setText(f"{base} ({count}){key}" if count else self.title)


DEFAULT_CONTACT_DAYS = 30


class FilterPanel(QWidget):
    filter_changed = Signal(object)  # MemberFilter without the search text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._member_ids: list[int] | None = None
        self._label = ""
        self.status = QComboBox()
        for text, value in ((self.tr("在群成员"), "active"), (self.tr("已退群"), "left"),
                            (self.tr("全部"), "all")):
            self.status.addItem(text, value)
        self.group = QComboBox()
        self.role = QComboBox()
        self.level = QComboBox()
        self.tags_all = TagMenuButton(self.tr("含全部标签(&A)"))
        self.tags_any = TagMenuButton(self.tr("含任一标签(&G)"))
        self.tags_none = TagMenuButton(self.tr("排除标签(&X)"))
        self.joined_from_check = QCheckBox(self.tr("入群不早于(&J)"))
        self.joined_to_check = QCheckBox(self.tr("不晚于(&P)"))
        self.joined_from = QDateEdit()
        self.joined_to = QDateEdit()
        for edit in (self.joined_from, self.joined_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(100, 1, 1), QDate(9999, 12, 31))  # Qt's widest
        self.joined_from.setDate(QDate.currentDate().addMonths(-1))
        self.joined_to.setDate(QDate.currentDate())
        self.contact_check = QCheckBox(self.tr("超过(&O)"))
        self.contact_days = QSpinBox()
        self.contact_days.setRange(0, 36500)  # any window the settings may hold
        self.contact_days.setValue(DEFAULT_CONTACT_DAYS)
        self.contact_days.setSuffix(self.tr(" 天未联系"))
        self.birthday = QComboBox()
        birthdays: tuple[tuple[str, str | None], ...] = (
            (self.tr("生日：不限"), None), (self.tr("本周生日"), "week"), (self.tr("本月生日"), "month"))
        for text, birthday in birthdays:
            self.birthday.addItem(text, birthday)
        self.reset_button = QPushButton(self.tr("清除筛选(&S)"))
        self.reset_button.clicked.connect(self.reset)

        ticked: tuple[tuple[QCheckBox, QWidget], ...] = (
            (self.joined_from_check, self.joined_from), (self.joined_to_check, self.joined_to),
            (self.contact_check, self.contact_days))
        # Wraps in a narrow window instead of squeezing the texts; a tick stays beside its value
        flow = FlowLayout(self)
        flow.setContentsMargins(0, 0, 0, 0)
        for control in (self.status, self.group, self.role, self.level, self.birthday,
                        self.tags_all, self.tags_any, self.tags_none):
            flow.add(control)
        for tick, field in ticked:
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(tick)
            row.addWidget(field)
            flow.add(pair)
        flow.add(self.reset_button)

        for combo in (self.status, self.group, self.role, self.level, self.birthday):
            combo.currentIndexChanged.connect(self._emit)
        for button in (self.tags_all, self.tags_any, self.tags_none):
            button.changed.connect(self._emit)
        for box, widget in ticked:
            # An unticked value is not part of the filter: greyed, so it does not read as one.
            widget.setEnabled(False)
            box.toggled.connect(widget.setEnabled)
            box.toggled.connect(self._emit)
        self.joined_from.dateChanged.connect(self._emit_if(self.joined_from_check))
        self.joined_to.dateChanged.connect(self._emit_if(self.joined_to_check))
        self.contact_days.valueChanged.connect(self._emit_if(self.contact_check))
        self.load_choices()

    def _emit_if(self, box: QCheckBox) -> Callable[..., None]:
        """A slot that passes the change on only while `box` is ticked."""
        def emit(*_: object) -> None:
            if box.isChecked():
                self._emit()
        return emit

    def load_choices(self) -> None:
        """(Re)fill the group, role, level and tag choices from the database."""
        self._loading = True
        current = self.current()
        self.group.clear()
        self.group.addItem(self.tr("所有群"), None)
        for group in all_groups():
            self.group.addItem(group.name, group.id)
        self.role.clear()
        self.role.addItem(self.tr("所有角色"), None)
        labels = role_labels()
        for role in ROLES:
            self.role.addItem(labels[role], role)
        self.level.clear()
        self.level.addItem(self.tr("所有等级"), None)
        for _points, name in thresholds():
            self.level.addItem(name, name)
        for button in (self.tags_all, self.tags_any, self.tags_none):
            button.load()
        self.set_filter(current)
        self._loading = False

    def current(self) -> MemberFilter:
        return MemberFilter(
            status=self.status.currentData() or "active",
            group_id=self.group.currentData(),
            role=self.role.currentData(),
            level=self.level.currentData(),
            tags_all=self.tags_all.selected(),
            tags_any=self.tags_any.selected(),
            tags_none=self.tags_none.selected(),
            joined_from=from_qdate(self.joined_from.date())
            if self.joined_from_check.isChecked() else None,
            joined_to=from_qdate(self.joined_to.date()) if self.joined_to_check.isChecked()
            else None,
            no_contact_days=self.contact_days.value() if self.contact_check.isChecked() else None,
            birthday=self.birthday.currentData(),
            member_ids=self._member_ids,
            label=self._label,
        )

    def set_filter(self, spec: MemberFilter) -> None:
        was = self._loading
        self._loading = True
        self._select(self.status, spec.status)
        self._select(self.group, spec.group_id, self.tr("已删除的群"))
        self._select(self.role, spec.role, str(spec.role))
        self._select(self.level, spec.level, str(spec.level))
        self._select(self.birthday, spec.birthday)
        self.tags_all.set_selected(spec.tags_all)
        self.tags_any.set_selected(spec.tags_any)
        self.tags_none.set_selected(spec.tags_none)
        self.joined_from_check.setChecked(spec.joined_from is not None)
        self.joined_to_check.setChecked(spec.joined_to is not None)
        if spec.joined_from:
            self.joined_from.setDate(to_qdate(spec.joined_from))
        if spec.joined_to:
            self.joined_to.setDate(to_qdate(spec.joined_to))
        self.contact_check.setChecked(spec.no_contact_days is not None)
        if spec.no_contact_days is not None:
            self.contact_days.setValue(spec.no_contact_days)
        self._member_ids = spec.member_ids
        self._label = spec.label
        self._loading = was

    @staticmethod
    def _select(combo: QComboBox, value: object, missing: str = "") -> None:
        """Choose `value`; one that is not among the choices (a group deleted meanwhile)
        is offered as `missing` while a filter holds it."""
        for i in reversed(range(combo.count())):
            if combo.itemData(i, EXTRA_ROLE) and combo.itemData(i) != value:
                combo.removeItem(i)
        index = combo.findData(value)
        if index < 0 and value is not None and missing:
            combo.addItem(missing, value)
            index = combo.count() - 1
            combo.setItemData(index, True, EXTRA_ROLE)
        combo.setCurrentIndex(max(index, 0))

    @Slot()
    def reset(self) -> None:
        """Everything back as it first was, the dates and the day count too."""
        self.set_filter(MemberFilter())
        self._loading, was = True, self._loading
        self.joined_from.setDate(QDate.currentDate().addMonths(-1))
        self.joined_to.setDate(QDate.currentDate())
        self.contact_days.setValue(DEFAULT_CONTACT_DAYS)
        self._loading = was
        self._emit()

    def clear_explicit(self) -> None:
        """Drop an explicit member set (from the Overview) but keep the other choices."""
        self._member_ids, self._label = None, ""
        self._emit()

    @Slot()
    def _emit(self) -> None:
        if not self._loading:
            if self._member_ids is None:
                self._label = ""  # changed by hand: no longer the figure the label named
            self.filter_changed.emit(self.current())


