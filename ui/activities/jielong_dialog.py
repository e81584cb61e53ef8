"""粘贴接龙 / 粘贴签到接龙: paste the WeChat 接龙, check the preview, sign up or check in.

The text box starts with the clipboard's text; the preview follows every edit. Each line
shows its match; the owner picks a member for an ambiguous line (the 处理 column, F2 or a
double click, or the combo box below the table for the selected row), and says whether
the lines not found become new cards. Sign-ups from an earlier paste whose line is gone
are listed, unticked: ticking one removes that sign-up (or check-in) too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.activities import jielong
from models.activities.activity import ActivityGone, get_activity
from models.activities.jielong_match import AMBIGUOUS, MATCHED, MAYBE, UNKNOWN
from models.progress import CancelFn, ProgressFn
from ui import dialogs
from ui.activities.jielong_model import CHOICE_COLUMN, ChoiceDelegate, JielongPreviewModel
from ui.colors import OVERDUE_RED, text_style
from ui.i18n import number
from ui.operations import Op
from ui.worker import Task
from ui.workspace import Changed, workspace_of

SIGNUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EXAMPLE = ("#接龙\n周六读书会 12月13日 14:00\n例 张三 +1\n\n"
           "1. 小明-杭州-设计\n2. Lily 带家属2人\n3. 王磊（第一次来）")


class JielongDialog(QDialog):
    """mode "signup" (报名接龙) or "checkin" (签到接龙) for one activity."""

    applied = Signal(object, str)  # the jielong.Result, and what it did in words
    planned = Signal()  # the preview shows the text as it is now

    def __init__(self, activity_id: int, mode: jielong.Mode = "signup",
                 parent: QWidget | None = None, text: str | None = None) -> None:
        super().__init__(parent)
        self.activity_id, self.mode = activity_id, mode
        shown = get_activity(activity_id)
        title = shown.title if shown is not None else ""
        self.setWindowTitle((self.tr("粘贴接龙 · %1") if mode == "signup"
                             else self.tr("粘贴签到接龙 · %1")).replace("%1", title))
        self.planning = False
        self._task: Task | None = None
        self._pending = False
        self.model = JielongPreviewModel(self)
        self.model.changed.connect(self._update)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.replan)
        self.text.textChanged.connect(self._timer.start)
        if text is None:
            text = QGuiApplication.clipboard().text()
        self.text.setPlainText(text)
        self.replan()
        self.resize(980, 680)

    def _build(self) -> None:
        intro = QLabel(self.tr("在微信里长按接龙消息，复制，然后粘贴到这里（可以直接修改）：")
                       if self.mode == "signup" else
                       self.tr("粘贴当天的签到接龙：接龙里的人会被签到并获得参加活动积分。"))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("接龙文字"))
        self.text.setPlaceholderText(EXAMPLE)
        self.text.setTabChangesFocus(True)
        intro.setBuddy(self.text)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("预览概况"))
        self.summary.setWordWrap(True)
        self.capacity = QLabel()
        self.capacity.setWordWrap(True)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("接龙预览"))
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(CHOICE_COLUMN, ChoiceDelegate(self.view))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        header.setStretchLastSection(True)  # 处理: the member's name and what happens
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.current_label = QLabel()
        self.current = QComboBox()
        self.current.setPlaceholderText(self.tr("选择成员…"))
        self.current.setAccessibleName(self.tr("所选行的处理方式"))
        self.current.activated.connect(self._current_chosen)
        self.current_label.setBuddy(self.current)
        self.new_cards = QCheckBox(self.tr("为未找到的人新建成员卡片（来源：群接龙）(&M)"))
        self.new_cards.setChecked(True)
        self.new_cards.toggled.connect(self.model.set_unknown_new)
        self.vanished_label = QLabel()
        self.vanished_label.setWordWrap(True)
        self.vanished = QListWidget()
        self.vanished.setAccessibleName(self.tr("已不在接龙里的人"))
        self.vanished.setMaximumHeight(84)
        self.vanished.itemChanged.connect(lambda _i: self._update())
        self.vanished_label.setBuddy(self.vanished)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("报名(&S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(intro)
        top_layout.addWidget(self.text)
        bottom = QWidget()
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.summary)
        lower.addWidget(self.capacity)
        lower.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.current_label)
        row.addWidget(self.current, 1)
        lower.addLayout(row)
        lower.addWidget(self.new_cards)  # on its own line: the row above keeps its label whole
        lower.addWidget(self.vanished_label)
        lower.addWidget(self.vanished)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 480])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

    # ------------------------------------------------------------ the preview
    @Slot()
    def replan(self) -> None:
        """Read the text again, on a worker (matching reads every member's names)."""
        self._timer.stop()
        if self._task is not None:
            self._pending = True  # once more when this run ends: the text changed
            return
        activity_id, text, mode = self.activity_id, self.text.toPlainText(), self.mode

        def work(_progress: ProgressFn, _cancelled: CancelFn) -> jielong.Plan:
            return jielong.plan(activity_id, text, mode)

        self.planning = True
        self.ok.setEnabled(False)
        self._task = Task(self, self.tr("匹配成员"), work, show_dialog=False)
        self._task.succeeded.connect(self._planned)
        self._task.failed.connect(self._plan_failed)
        self._task.cancelled.connect(self._plan_ended)
        self._task.start()

    @Slot(object)
    def _plan_failed(self, problem: object) -> None:
        self._plan_ended()
        if isinstance(problem, ActivityGone):
            dialogs.warn(self, self.windowTitle(), str(problem))
            self.reject()
        else:
            self.summary.setText(self.tr("读取失败：%1").replace("%1", str(problem)))

    def _plan_ended(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        self.planning = self._pending
        if self._pending:
            self._pending = False
            self.replan()
        else:
            self._update()
            self.planned.emit()

    @Slot(object)
    def _planned(self, plan: jielong.Plan) -> None:
        if self._pending:  # the text changed meanwhile: this plan is stale
            self._plan_ended()
            return
        for row in plan.rows:
            if row.match == UNKNOWN:
                row.add_new = self.new_cards.isChecked()
        self.model.set_plan(plan)
        self.vanished.blockSignals(True)
        self.vanished.clear()
        for old in plan.vanished:
            item = QListWidgetItem(f"{old.name} — {old.line}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(SIGNUP_ID_ROLE, old.signup_id)
            self.vanished.addItem(item)
        self.vanished.blockSignals(False)
        has_vanished = bool(plan.vanished)
        self.vanished_label.setVisible(has_vanished)
        self.vanished.setVisible(has_vanished)
        n = len(plan.vanished)
        self.vanished_label.setText(
            self.tr("%Ln 位上次接龙里的人已不在这次的接龙里。勾选的将取消报名（默认保留）：", "", n)
            if self.mode == "signup" else
            self.tr("%Ln 位上次签到的人已不在这次的签到接龙里。勾选的将取消签到（默认保留）：", "", n))
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self._plan_ended()

    def removed(self) -> list[int]:
        """The vanished sign-ups the owner ticked for removal."""
        return [int(self.vanished.item(i).data(SIGNUP_ID_ROLE)) for i in range(self.vanished.count())
                if self.vanished.item(i).checkState() == Qt.CheckState.Checked]

    def _will_write(self) -> int:
        """How many people the confirm button signs up (or checks in)."""
        verbs = (jielong.SIGN_UP, jielong.NEW_MEMBER) if self.mode == "signup" else (
            jielong.CHECK_IN, jielong.WALK_IN, jielong.NEW_MEMBER)
        return sum(1 for e in self.model.effects() if e in verbs)

    @Slot()
    def _update(self) -> None:
        plan = self.model.plan
        if plan is None:
            return
        counts = jielong.counts(plan)
        parts = [self.tr("%Ln 行", "", len(plan.rows)),
                 self.tr("匹配 %1").replace("%1", number(counts[MATCHED]))]
        for code, label in ((MAYBE, self.tr("可能 %1")), (AMBIGUOUS, self.tr("待选择 %1")),
                            (UNKNOWN, self.tr("未找到 %1")), (jielong.KNOWN, self.tr("已登记 %1"))):
            if counts[code]:
                parts.append(label.replace("%1", number(counts[code])))
        if plan.parsed.repeated:
            parts.append(self.tr("重复 %Ln 行已忽略", "", len(plan.parsed.repeated)))
        if plan.parsed.title:
            parts.insert(0, self.tr("“%1”").replace("%1", plan.parsed.title))
        if not plan.rows:
            parts = [self.tr("没有读到接龙的编号行。请粘贴整条接龙消息。")]
        self.summary.setText(" · ".join(parts))
        self._show_capacity(plan)
        self._show_current()
        n = self._will_write()
        updates = sum(1 for e in self.model.effects() if e == jielong.UPDATE)
        self.ok.setText(self.tr("报名 %Ln 人(&S)", "", n) if self.mode == "signup"
                        else self.tr("签到 %Ln 人(&C)", "", n))
        self.ok.setEnabled(not self.planning and bool(n or updates or self.removed()))

    def _show_capacity(self, plan: jielong.Plan) -> None:
        after = jielong.heads_after(plan, self.removed())
        if self.mode == "checkin":
            came = jielong.attended_after(plan, self.removed())
            self.capacity.setText(self.tr("签到后到场 %1 人，报名共 %2 人（都含同伴）")
                                  .replace("%1", number(came)).replace("%2", number(after)))
            self.capacity.setStyleSheet("")
            return
        if not plan.capacity:
            self.capacity.setText(self.tr("现有报名 %1 人，确认后共 %2 人（含同伴）")
                                  .replace("%1", number(plan.heads_before))
                                  .replace("%2", number(after)))
            self.capacity.setStyleSheet("")
            return
        text = (self.tr("名额 %1 人：现有报名 %2 人，确认后共 %3 人（含同伴）")
                .replace("%1", number(plan.capacity)).replace("%2", number(plan.heads_before))
                .replace("%3", number(after)))
        over = after - plan.capacity
        if over > 0:
            text += self.tr("，超出名额 %1 人").replace("%1", number(over))
        self.capacity.setText(text)
        self.capacity.setStyleSheet(text_style(OVERDUE_RED, "font-weight: 600") if over > 0 else "")

    # ------------------------------------------------------------ the row's choice
    def _current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    @Slot()
    def _show_current(self) -> None:
        row = self._current_row()
        self.current.clear()
        options = self.model.options(row) if row >= 0 else []
        for label, value in options:
            self.current.addItem(label, value)
        plan = self.model.plan
        if row >= 0 and options and plan is not None:
            line = plan.rows[row]
            unpicked = line.match == AMBIGUOUS and line.choice is None and not line.add_new
            self.current.setCurrentIndex(-1 if unpicked else
                                         max(self.current.findData(self.model.choice(row)), 0))
            entry = plan.rows[row].entry
            self.current_label.setText(self.tr("第 %1 行“%2”：").replace("%1", str(entry.line))
                                       .replace("%2", entry.name))
        else:
            self.current_label.setText(self.tr("所选行："))
        self.current.setEnabled(bool(options))

    @Slot(int)
    def _current_chosen(self, at: int) -> None:
        row = self._current_row()
        if row >= 0 and at >= 0:
            self.model.set_choice(row, self.current.itemData(at))

    def result_text(self, result: jielong.Result) -> str:
        """What a paste did, in a sentence or two (said once the dialog has closed)."""
        parts = []
        if result.signed_up:
            parts.append(self.tr("%Ln 人报名", "", result.signed_up))
        if result.checked_in:
            parts.append(self.tr("%Ln 人签到", "", result.checked_in))
        if result.updated:
            parts.append(self.tr("更新 %Ln 人的同伴人数", "", result.updated))
        if result.new_members:
            parts.append(self.tr("新建成员 %Ln 位", "", result.new_members))
        if result.removed:
            parts.append(self.tr("取消 %Ln 人", "", result.removed))
        if not parts:
            return self.tr("没有需要更改的。")
        return self.tr("已完成：%1。可用“编辑 > 撤销”撤回。").replace(
            "%1", self.tr("，").join(parts))

    # ------------------------------------------------------------ confirm
    @Slot()
    def confirm(self) -> None:
        plan = self.model.plan
        if plan is None or self.planning:
            return
        remove = self.removed()
        after = jielong.heads_after(plan, remove)
        if self.mode == "signup" and plan.capacity and after > plan.capacity:
            text = (self.tr("名额 %1 人，确认后报名共 %2 人（含同伴），超出 %3 人。\n\n"
                            "仍然全部报名吗？选“取消”回到预览，可以把部分行改为跳过。")
                    .replace("%1", number(plan.capacity)).replace("%2", number(after))
                    .replace("%3", number(after - plan.capacity)))
            if not dialogs.confirm(self, self.tr("超出名额"), text):
                return
        if remove and not dialogs.confirm(
                self, self.tr("取消报名") if self.mode == "signup" else self.tr("取消签到"),
                (self.tr("将取消 %Ln 人的报名，已签到的活动积分也会扣回。", "", len(remove))
                 if self.mode == "signup" else
                 self.tr("将取消 %Ln 人的签到，活动积分会扣回。", "", len(remove))), danger=True):
            return

        def done(result: jielong.Result) -> None:
            self.applied.emit(result, self.result_text(result))
            self.accept()

        # New cards, sign-ups and attendance points: members change as well.
        Op(self, workspace_of(self), lambda: jielong.apply(plan, remove),
           Changed.ACTIVITIES | Changed.MEMBERS).success(done).run()
