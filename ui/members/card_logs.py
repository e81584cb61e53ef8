"""Card tabs that are logs written as they happen (follow-ups, contributions) and the
read-only views (referral chain, sessions presented). They need a saved member."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.calendar.entries import sessions_of
from models.members import contributions, followups
from models.members.cards import invitees_tree, inviter_chain, member_points
from ui import dates
from ui.members.card_sections import EnterCatcher
from ui.members.form_helpers import DateEdit, ErrorField, channel_labels, kind_labels, status_labels
from ui.operations import Op
from ui.workspace import Changed, workspace_of

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(text: str, entry_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if entry_id is not None:
        item.setData(ID_ROLE, entry_id)
    return item


def _selected_ids(table: QTableWidget) -> list[int]:
    """The entry ids of the selected rows (_cell keeps each in its first column)."""
    items = [table.item(index.row(), 0) for index in table.selectionModel().selectedRows()]
    return [item.data(ID_ROLE) for item in items if item is not None]


class FollowUpSection(QWidget):
    """The private follow-up log (date, channel, note) with add and delete."""

    logged = Signal(object)  # the next-contact date set with the entry (date | None)
    changed = Signal()

    def __init__(self, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.table = _table([self.tr("日期"), self.tr("方式"), self.tr("内容")])
        self.date = DateEdit()
        self.date.set_date(dt.date.today())
        self.channel = QComboBox()
        for key, label in channel_labels().items():
            self.channel.addItem(label, key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("聊了什么"))
        self.next_date = DateEdit()
        self.next_date.setToolTip(self.tr("下次联系日期（可空）"))
        self.add_button = QPushButton(self.tr("记录跟进(&L)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button = QPushButton(self.tr("删除所选记录(&D)"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_selected)
        EnterCatcher(self.note, self.add_entry)
        self.date_field = ErrorField(self.date)
        self.next_field = ErrorField(self.next_date)
        form = QHBoxLayout()
        form.addWidget(self.date_field)
        form.addWidget(self.channel)
        form.addWidget(self.note, 1)
        form.addWidget(QLabel(self.tr("下次联系")))
        form.addWidget(self.next_field)
        form.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        self.setEnabled(member_id is not None)
        self.reload()

    def reload(self) -> None:
        labels = channel_labels()
        entries = followups.history(self.member_id) if self.member_id else []
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            self.table.setItem(row, 0, _cell(dates.short_date(entry.date), entry.id))
            self.table.setItem(row, 1, _cell(labels.get(entry.channel, entry.channel)))
            self.table.setItem(row, 2, _cell(entry.note))

    @Slot()
    def add_entry(self) -> None:
        if self.member_id is None:
            return
        when, upcoming = self.date.date(), self.next_date.date()
        self.date_field.set_error(None if when else self.tr("请填写有效日期"))
        bad_next = bool(self.next_date.text().strip()) and upcoming is None
        self.next_field.set_error(self.tr("日期无效") if bad_next else None)
        if when is None or bad_next:
            return
        member_id, channel, note = self.member_id, self.channel.currentData(), self.note.text()

        def done(_result: object) -> None:
            self.note.clear()
            self.next_date.clear()
            self.reload()
            self.logged.emit(upcoming)
            self.changed.emit()

        Op(self, workspace_of(self), lambda: followups.log_followup(
            member_id, when, channel, note, upcoming), Changed.MEMBERS).success(done).run()

    @Slot()
    def delete_selected(self) -> None:
        ids = _selected_ids(self.table)
        if ids:
            Op(self, workspace_of(self), lambda: followups.delete_followups(ids),
               Changed.MEMBERS).success(self._written).run()

    def _written(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()


class ContributionSection(QWidget):
    """Points entries with add/delete; the total and level update at once."""

    changed = Signal()

    def __init__(self, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.summary = QLabel()
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary.setFont(font)
        self.table = _table([self.tr("日期"), self.tr("类型"), self.tr("积分"), self.tr("说明")])
        self.kind = QComboBox()
        for key, label in kind_labels().items():
            self.kind.addItem(label, key)
        self.points = QSpinBox()
        self.points.setRange(-10_000, 10_000)
        self.kind.currentIndexChanged.connect(self._default_points)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("说明（如：分享了私域运营经验）"))
        self.add_button = QPushButton(self.tr("添加积分(&P)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_entry)
        EnterCatcher(self.note, self.add_entry)
        self.delete_button = QPushButton(self.tr("删除所选记录(&D)"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_selected)
        form = QHBoxLayout()
        form.addWidget(self.kind)
        form.addWidget(self.points)
        form.addWidget(self.note, 1)
        form.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        self._default_points()
        self.setEnabled(member_id is not None)
        self.reload()

    @Slot()
    def _default_points(self) -> None:
        self.points.setValue(contributions.default_points(self.kind.currentData()))

    def total(self) -> int:
        if self.member_id is None:
            return 0
        return member_points(self.member_id)

    def reload(self) -> None:
        points = self.total()
        self.summary.setText(self.tr("积分 %1 · 等级 %2").replace("%1", str(points))
                             .replace("%2", contributions.level_for(points)))
        labels = kind_labels()
        entries = contributions.history(self.member_id) if self.member_id else []
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            self.table.setItem(row, 0, _cell(dates.short_date(entry.date), entry.id))
            self.table.setItem(row, 1, _cell(labels.get(entry.kind, entry.kind)))
            points_item = _cell(f"{entry.points:+d}")
            points_item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, points_item)
            self.table.setItem(row, 3, _cell(entry.note))

    @Slot()
    def add_entry(self) -> None:
        if self.member_id is None:
            return
        member_id, kind = self.member_id, self.kind.currentData()
        points, note = self.points.value(), self.note.text()

        def done(_result: object) -> None:
            self.note.clear()
            self._written()

        Op(self, workspace_of(self), lambda: contributions.add_contribution(
            member_id, kind, points, note=note), Changed.MEMBERS).success(done).run()

    @Slot()
    def delete_selected(self) -> None:
        ids = _selected_ids(self.table)
        if ids:
            Op(self, workspace_of(self), lambda: contributions.delete_contributions(ids),
               Changed.MEMBERS).success(self._written).run()

    def _written(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()


class ReferralSection(QWidget):
    """Who invited this member (up the chain) and whom they invited (three levels down)."""

    open_member = Signal(int)
    DEPTH = 3

    def __init__(self, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self.chain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("被邀请人"), self.tr("层级")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(
            lambda item, _col: self.open_member.emit(item.data(0, ID_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chain)
        layout.addWidget(self.count)
        layout.addWidget(self.tree, 1)
        hint = QLabel(self.tr("双击打开成员卡片"))
        hint.setStyleSheet("color: #6b7280;")
        layout.addWidget(hint)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        if self.member_id is None:
            self.chain.setText(self.tr("保存后显示邀请关系"))
            self.count.clear()
            return
        chain = inviter_chain(self.member_id)
        if chain:
            names = " ← ".join(name for _, name in chain)
            self.chain.setText(self.tr("邀请链（由近到远）：%1").replace("%1", names))
        else:
            self.chain.setText(self.tr("没有邀请人记录"))
        rows = invitees_tree(self.member_id, depth=self.DEPTH)
        direct = sum(1 for level, _, _ in rows if level == 1)
        self.count.setText(self.tr("直接邀请 %1 人，三层内共 %2 人")
                           .replace("%1", str(direct)).replace("%2", str(len(rows))))
        parents: dict[int, QTreeWidgetItem] = {}
        for level, member_id, name in rows:  # depth-first: a parent always comes first
            parent = parents.get(level - 1)
            item = QTreeWidgetItem([name, str(level)])
            item.setData(0, ID_ROLE, member_id)
            if parent is None or level == 1:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            parents[level] = item
        self.tree.expandAll()


class SessionsSection(QWidget):
    """Content-calendar sessions this member presents (from models.calendar.entries)."""

    def __init__(self, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.info = QLabel()
        self.table = _table([self.tr("日期"), self.tr("时间"), self.tr("标题"),
                             self.tr("类型"), self.tr("状态")])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        entries = sessions_of(self.member_id, limit=50) if self.member_id else []
        if self.member_id is None:
            self.info.setText(self.tr("保存后显示此成员的分享"))
        else:
            self.info.setText(self.tr("%Ln 场分享（最近 50 场，含已排期）", "", len(entries)))
        statuses = status_labels()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            start = entry.start_time
            status = statuses.get(entry.status, entry.status)
            if entry.overdue:
                status = self.tr("%1（已逾期）").replace("%1", status)
            values = [dates.short_date(entry.date) if entry.date else "",
                      start.strftime("%H:%M") if start else self.tr("全天"),
                      entry.title, entry.kind, status]
            for col, value in enumerate(values):
                self.table.setItem(row, col, _cell(value))
