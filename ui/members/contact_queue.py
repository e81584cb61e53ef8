"""Today's "to contact" queue: follow-ups that are due, then new friend adds up to the
daily limit (WeChat restricts accounts that add too many friends in a day)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.members import followups
from models.members.cards import wechat_ids
from models.store import settings
from ui import dates
from ui.i18n import join, number
from ui.members.card_sections import EnterCatcher
from ui.members.form_helpers import DateEdit, ErrorField, channel_labels
from ui.operations import Op
from ui.workspace import Changed, Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
REASON_ROLE = Qt.ItemDataRole.UserRole + 1


class ContactQueueDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("今日待联系"))
        self.setSizeGripEnabled(True)
        self.limit = QSpinBox()
        self.limit.setRange(0, 200)
        self.limit.setSuffix(self.tr(" 人/天"))
        self.limit.setValue(int(settings.get("daily_friend_limit")))
        self.limit.setToolTip(self.tr("微信每天加好友过多可能被限制，建议不超过 20 人"))
        self.limit.valueChanged.connect(self._limit_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("事项"), self.tr("应联系日期"),
                                              self.tr("微信号")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.open_card())
        self.open_button = QPushButton(self.tr("打开卡片(&O)"))
        self.friend_button = QPushButton(self.tr("标记已加好友(&M)"))
        self.send_button = QPushButton(self.tr("用模板逐个发送(&T)…"))
        self.send_button.setToolTip(self.tr("复制给下一位：复制填好的消息、记跟进、换下一位"))
        self.send_button.clicked.connect(self.send_with_template)
        for button in (self.open_button, self.friend_button, self.send_button):
            button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_card)
        self.friend_button.clicked.connect(self.mark_friend)
        # Log a follow-up for the selected person without leaving the queue.
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("联系方式"))
        for key, label in channel_labels().items():
            self.channel.addItem(label, key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("聊了什么"))
        self.next_date = DateEdit()
        self.next_field = ErrorField(self.next_date)
        self.log_button = QPushButton(self.tr("记录跟进(&L)"))
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(self.log_followup)
        EnterCatcher(self.note, self.log_followup)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("每日新加好友上限")))
        top.addWidget(self.limit)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.friend_button)
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        log_row = QHBoxLayout()
        log_row.addWidget(self.channel)
        log_row.addWidget(self.note, 1)
        log_row.addWidget(QLabel(self.tr("下次联系")))
        log_row.addWidget(self.next_field)
        log_row.addWidget(self.log_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭(&C)"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(log_row)
        layout.addWidget(close)
        self.resize(760, 560)
        self.reload()
        workspace.data_changed.connect(self._external_change)

    def reload(self) -> None:
        selected = self.current()
        queue = followups.contact_queue(self.today, birthdays=True)
        ids = [entry.member_id for entry in queue]
        wechat = wechat_ids(ids)
        self.table.setRowCount(len(queue))
        due = adds = born = 0
        for row, entry in enumerate(queue):
            name = QTableWidgetItem(entry.name)
            name.setData(ID_ROLE, entry.member_id)
            name.setData(REASON_ROLE, entry.reason)
            if entry.reason == "birthday":
                born += 1
                reason = self.tr("今天生日")
            elif entry.reason == "due":
                due += 1
                overdue = (self.today - entry.due).days if entry.due else 0
                reason = self.tr("跟进到期") if overdue <= 0 else \
                    self.tr("跟进逾期 %1 天").replace("%1", str(overdue))
            else:
                adds += 1
                reason = self.tr("加好友")
            self.table.setItem(row, 0, name)
            reason_item = QTableWidgetItem(reason)
            if entry.reason == "birthday":
                reason_item.setToolTip(self.tr("用“生日祝福”模板逐个发送"))
            self.table.setItem(row, 1, reason_item)
            self.table.setItem(row, 2, QTableWidgetItem(dates.short_date(entry.due) if entry.due
                                                        else ""))
            self.table.setItem(row, 3, QTableWidgetItem(wechat.get(entry.member_id) or ""))
            if (entry.member_id, entry.reason) == selected:
                self.table.selectRow(row)
        added = followups.friends_added_on(self.today)
        text = self.tr("%1 人跟进到期；今天已加好友 %2 人，还可加 %3 人（列出 %4 人）。") \
            .replace("%1", number(due)).replace("%2", number(added)) \
            .replace("%3", number(max(0, self.limit.value() - added))).replace("%4", number(adds))
        if born:
            text = self.tr("今天 %Ln 人生日；", "", born) + text
        self.summary.setText(text)
        if self.table.currentRow() < 0 and queue:
            self.table.selectRow(0)
        self._selection_changed()

    @Slot(object)
    def _external_change(self, changed: Changed) -> None:
        if changed & Changed.MEMBERS and self.isVisible() and self.workspace.origin is not self:
            self.reload()

    def current(self) -> tuple[int, str] | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return (item.data(ID_ROLE), item.data(REASON_ROLE)) if item else None

    @Slot()
    def _selection_changed(self) -> None:
        current = self.current()
        editable = not self.workspace.read_only  # the queue can be read, not worked off
        self.open_button.setEnabled(current is not None)
        for widget in (self.log_button, self.note):
            widget.setEnabled(current is not None and editable)
        self.friend_button.setEnabled(current is not None and current[1] == "add_friend"
                                      and editable)
        self.limit.setEnabled(editable)

    @Slot(int)
    def _limit_changed(self, value: int) -> None:
        settings.put("daily_friend_limit", value)
        self.reload()

    @Slot()
    def open_card(self) -> None:
        current = self.current()
        if current is None:
            return
        from ui.members.card_dialog import MemberCardDialog

        card = MemberCardDialog(self.workspace, current[0], self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.finished.connect(lambda _r: self.reload())
        card.open()

    @Slot()
    def send_with_template(self) -> QDialog:
        """复制给下一位 through the queue as listed, from the selected person on."""
        from ui.outreach.send_dialog import SendDialog

        rows = [self.table.item(row, 0) for row in range(self.table.rowCount())]
        ids = [int(item.data(ID_ROLE)) for item in rows if item is not None]
        notes: dict[int, str] = {}  # someone due who is not a friend yet is listed twice
        for row, item in enumerate(rows):
            if item is not None and (reason := self.table.item(row, 1)) is not None:
                said = notes.get(int(item.data(ID_ROLE)))
                notes[int(item.data(ID_ROLE))] = join([said, reason.text()]) if said \
                    else reason.text()
        start = max(0, self.table.currentRow())
        reasons = {item.data(REASON_ROLE) for item in rows if item}
        chosen = rows[start] if rows else None
        first = chosen.data(REASON_ROLE) if chosen is not None else None
        # The template that suits who comes first: a birthday greeting, a welcome for
        # friend adds only, else a follow-up opener.
        kind = "birthday" if first == "birthday" else \
            "welcome" if reasons == {"add_friend"} else "followup"
        dialog = SendDialog(self.workspace, ids[start:] + ids[:start], self, notes=notes,
                            today=self.today, kind=kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    @Slot()
    def mark_friend(self) -> None:
        current = self.current()
        if current is None or current[1] != "add_friend":
            return
        member_id, today = current[0], self.today
        Op(self, self.workspace, lambda: followups.mark_friend([member_id], today),
           Changed.MEMBERS).success(lambda _r: self.reload()).run()

    @Slot()
    def log_followup(self) -> None:
        current = self.current()
        if current is None:
            return
        upcoming = self.next_date.date()
        if self.next_date.text().strip() and upcoming is None:
            self.next_field.set_error(self.tr("日期无效"))
            return
        self.next_field.set_error(None)
        member_id, today = current[0], self.today
        channel, note = self.channel.currentData(), self.note.text()

        def done(_result: object) -> None:
            self.note.clear()
            self.next_date.clear()
            self.reload()

        Op(self, self.workspace, lambda: followups.log_followup(
            member_id, today, channel, note, upcoming), Changed.MEMBERS).success(done).run()
