"""The activities screen: the list on the left, the chosen activity on the right
(checklist, sign-ups and check-in, review), with templates, promotion and printing."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QItemSelection, QPoint, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.activities import activity as activities
from models.activities import promotion as activity_promotion
from ui import dates, dialogs, i18n
from ui.activities.checklist_panel import ChecklistPanel
from ui.activities.item_models import ActivityListModel
from ui.activities.labels import kind_label, status_label, status_menu_labels
from ui.activities.review_panel import ReviewPanel
from ui.activities.signups_panel import SignUpsPanel
from ui.empty_state import EmptyState
from ui.flow_layout import FlowLayout
from ui.operations import Op
from ui.outreach.activity_reminder import ReminderButton
from ui.read_only import lock_dialog, set_editing
from ui.workspace import Changed, Workspace

SCOPES = ("upcoming", "past", "all", "planning", "ready", "done", "cancelled")


class ActivitiesPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today: dt.date | None = None  # tests pin "today"; None = the real date
        self._dialog: QWidget | None = None
        self._announcing = False
        self.model = ActivityListModel(self)
        self._build_list()
        self._build_detail()
        split = QSplitter()
        split.addWidget(self.list_box)
        split.addWidget(self.detail_box)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 800])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        workspace.data_changed.connect(self._data_changed)
        workspace.read_only_changed.connect(self._apply_read_only)
        scope = QSettings().value("activities/scope", "upcoming", str)
        self.scope.setCurrentIndex(SCOPES.index(scope) if scope in SCOPES else 0)
        self.reload()
        self._apply_read_only()

    @Slot()
    def _apply_read_only(self) -> None:
        """Read, search, compare and print; nothing that changes an activity."""
        read_only = bool(self.workspace.read_only)
        set_editing(self.workspace, (
            self.new_button, self.template_button, self.edit_button,
            self.save_template_button, self.promote_button, self.delete_button,
            self.checklist.add_button, self.checklist.edit_button,
            self.checklist.delete_button, self.checklist.up_button, self.checklist.down_button,
            self.signups.add_button, self.signups.check_button, self.signups.uncheck_button,
            self.signups.remove_button, self.signups.find, self.signups.jielong_button,
            self.review.save_button))
        self.checklist.model.read_only = self.signups.model.read_only = read_only

    # ------------------------------------------------------------ building
    def _build_list(self) -> None:
        self.list_box = QWidget()
        self.new_button = QPushButton(self.tr("新建活动(&Y)"))
        self.template_button = QPushButton(self.tr("从模板新建(&N)…"))
        self.compare_button = QPushButton(self.tr("活动对比(&C)…"))
        self.new_button.clicked.connect(self.new_item)
        self.template_button.clicked.connect(self.new_from_template)
        self.compare_button.clicked.connect(self.compare)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("显示哪些活动"))
        for key, label in zip(SCOPES, (self.tr("即将进行"), self.tr("已过去"), self.tr("全部"),
                                       self.tr("筹备中"), self.tr("已就绪"), self.tr("已结束"),
                                       self.tr("已取消")), strict=True):
            self.scope.addItem(label, key)
        self.scope.currentIndexChanged.connect(self.reload)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索活动名称或地点"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("活动列表"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _i: self.edit_activity())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        buttons = FlowLayout()  # wraps in a narrow window instead of cutting text off
        for button in (self.new_button, self.template_button, self.compare_button):
            buttons.add(button)
        filters = QHBoxLayout()
        filters.addWidget(self.scope)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self.list_box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty_state = EmptyState(self.tr("还没有活动"), self.tr(
            "线上分享、线下聚会、新人欢迎……从模板新建，清单的每一步会按活动日期排好。"))
        self.empty_state.add_button(self.tr("从模板新建活动(&W)…"), self.new_from_template,
                                    default=True)
        self.empty_state.add_button(self.tr("新建空白活动(&B)"), self.new_item)
        self.empty_state.hide()
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_state, 1)

    def _build_detail(self) -> None:
        self.detail_box = QWidget()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600")
        self.heading.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(self.tr("编辑(&I)"))
        self.save_template_button = QPushButton(self.tr("另存为模板(&S)…"))
        self.promote_button = QPushButton(self.tr("安排宣传(&U)"))
        self.promote_button.setToolTip(self.tr("在内容日历上安排预告（T-7）、提醒（T-1）和回顾（T+1）"))
        self.print_checklist_button = QPushButton(self.tr("打印清单(&P)…"))
        self.print_signin_button = QPushButton(self.tr("打印签到表(&R)…"))
        self.delete_button = QPushButton(self.tr("删除(&D)"))
        self.edit_button.clicked.connect(self.edit_activity)
        self.save_template_button.clicked.connect(self.save_as_template)
        self.promote_button.clicked.connect(self.promote)
        self.print_checklist_button.clicked.connect(self.print_page)
        self.print_signin_button.clicked.connect(self.print_signin_sheet)
        self.delete_button.clicked.connect(self.delete_activity)
        self.remind_button = ReminderButton(self.current_id)  # ui.outreach: message templates
        actions = FlowLayout()
        for button in (self.edit_button, self.save_template_button, self.promote_button,
                       self.remind_button, self.print_checklist_button, self.print_signin_button,
                       self.delete_button):
            actions.add(button)
        self.checklist = ChecklistPanel()
        self.signups = SignUpsPanel()
        self.review = ReviewPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checklist, self.tr("清单"))
        self.tabs.addTab(self.signups, self.tr("报名与签到"))
        self.tabs.addTab(self.review, self.tr("复盘"))
        self.checklist.changed.connect(self._written)
        self.signups.changed.connect(self._written)
        self.review.saved.connect(self._written)
        self.empty = QLabel(self.tr("选择左边的活动，或新建一个。"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.detail_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.meta)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)

    # ------------------------------------------------------------ state
    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.activity_id(rows[0].row()) if rows else None

    @Slot()
    def reload(self) -> None:
        keep = self.current_id()
        self.model.scope = self.scope.currentData() or "upcoming"
        self.model.search = self.search.text()
        self.model.today = self.today
        self.model.reload()
        self.select_activity(keep)
        self._keep_columns_whole()
        from models.guide.first_steps import has_activities

        empty = not has_activities()  # none at all: say how to begin instead of a bare table
        self.empty_state.setVisible(empty)
        self.view.setVisible(not empty)

    def _keep_columns_whole(self) -> None:
        """No column is narrower than its title (in a narrow window the list scrolls
        sideways instead of cutting "Activity" off)."""
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(max(header.sectionSizeHint(i) for i in range(header.count())))

    def select_activity(self, activity_id: int | None, reveal: bool = False) -> None:
        """Select an activity in the list; with `reveal`, widen the filter to show it."""
        row = self.model.row_of(activity_id) if activity_id is not None else -1
        if (row < 0 and reveal and activity_id is not None
                and self.scope.currentData() != "all"):
            # Just created or edited into another scope: show it rather than lose it.
            if activities.get_activity(activity_id) is not None:
                self.scope.setCurrentIndex(SCOPES.index("all"))
                row = self.model.row_of(activity_id)
        if row >= 0:
            self.view.selectRow(row)
        elif self.model.rowCount():
            self.view.selectRow(0)
        self._show(self.current_id())

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: object) -> None:
        self._show(self.current_id())

    def _show(self, activity_id: int | None) -> None:
        has = activity_id is not None
        for widget in (self.heading, self.meta, self.tabs, self.edit_button,
                       self.save_template_button, self.promote_button,
                       self.print_checklist_button, self.print_signin_button,
                       self.delete_button, self.remind_button):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        self.checklist.model.today = self.today
        self.checklist.load(activity_id)
        self.signups.load(activity_id)
        self.review.load(activity_id)
        if activity_id is not None:
            self._show_header(activity_id)

    def _show_header(self, activity_id: int) -> None:
        a = activities.get_activity(activity_id)
        if a is None:  # deleted meanwhile; the list reloads on the change notice
            return
        self.heading.setText(a.title)
        when = dates.span(a.start, a.end)
        parts = [f"<b>{escape(status_label(a.status))}</b>", escape(when),
                 escape(kind_label(a.kind))]
        if a.place:
            parts.append(escape(a.place))
        groups = activities.group_names([a.id]).get(a.id, [])
        if groups:
            parts.append(escape(i18n.join(groups)))
        if a.fee:
            parts.append(self.tr("费用 ¥%1").replace("%1", f"{a.fee:,.2f}"))
        if a.template_name:
            parts.append(escape(self.tr("模板：%1").replace("%1", a.template_name)))
        text = "　·　".join(parts)
        if a.goal:
            text += "<br>" + escape(self.tr("目标：%1").replace("%1", a.goal))
        self.meta.setText(text)

    @Slot(object)
    def _data_changed(self, changed: Changed) -> None:
        if self.workspace.announced_by(self):  # written here: already shown
            return
        if changed & (Changed.MEMBERS | Changed.GROUPS | Changed.ACTIVITIES):
            self.reload()

    def _written(self) -> None:
        """A write inside the detail (announced by its Op): refresh the list row."""
        self._refresh_list_keep_selection()
        self.review.refresh_figures()

    def _refresh_list_keep_selection(self) -> None:
        keep = self.current_id()
        self.view.selectionModel().blockSignals(True)
        self.model.reload()
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.view.selectRow(row)
        self.view.selectionModel().blockSignals(False)

    def save_state(self) -> None:
        QSettings().setValue("activities/scope", self.scope.currentData())

    def activated(self) -> None:
        self.reload()

    # ------------------------------------------------------------ actions
    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        """Right-click: change the status in one go (e.g. mark it done after the day)."""
        activity_id = self.current_id()
        shown = activities.get_activity(activity_id) if activity_id is not None else None
        if shown is None:
            return
        menu = QMenu(self)
        current = shown.status
        labels = status_menu_labels()
        for key in activities.STATUSES:
            action = menu.addAction(labels[key])
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _=False, k=key: self.set_status(k))
        menu.addSeparator()
        menu.addAction(self.edit_button.text(), self.edit_activity)
        menu.addAction(self.delete_button.text(), self.delete_activity)
        self._dialog = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def set_status(self, status: str) -> None:
        activity_id = self.current_id()
        if activity_id is None:
            return
        def done(_result: object) -> None:
            self._refresh_list_keep_selection()
            self._show_header(activity_id)

        Op(self, self.workspace, lambda: activities.set_status(activity_id, status),
           Changed.ACTIVITIES).success(done).run()

    @Slot()
    def new_item(self) -> None:
        from ui.activities.editor import ActivityEditor

        dialog = ActivityEditor(None, self)
        dialog.saved.connect(self._saved)
        self._dialog = dialog
        dialog.open()

    @Slot()
    def new_from_template(self) -> None:
        from ui.activities.template_dialogs import NewFromTemplateDialog

        dialog = NewFromTemplateDialog(self)
        dialog.created.connect(self._saved)
        self._dialog = dialog
        dialog.open()

    @Slot()
    def edit_activity(self) -> None:
        from ui.activities.editor import ActivityEditor

        activity_id = self.current_id()
        if activity_id is None:
            return
        dialog = ActivityEditor(activity_id, self)
        dialog.saved.connect(self._saved)
        self._dialog = dialog
        lock_dialog(dialog, self.workspace)
        dialog.open()

    @Slot(int)
    def _saved(self, activity_id: int) -> None:
        self.model.reload()
        self.select_activity(activity_id, reveal=True)  # its dialog's Op announced it

    @Slot()
    def save_as_template(self) -> None:
        from ui.activities.template_dialogs import SaveTemplateDialog

        activity_id = self.current_id()
        if activity_id is None:
            return
        shown = activities.get_activity(activity_id)
        if shown is None:
            return
        dialog = SaveTemplateDialog(activity_id, shown.title, self)
        dialog.saved.connect(lambda _tid: self.workspace.status_message.emit(
            self.tr("已保存为模板")))
        self._dialog = dialog
        dialog.open()

    @Slot()
    def compare(self) -> None:
        from ui.activities.compare_dialog import CompareDialog

        self._dialog = CompareDialog(self, self.today)
        self._dialog.open()

    @Slot()
    def promote(self) -> None:
        activity_id = self.current_id()
        if activity_id is None:
            return
        existing = activity_promotion.scheduled_ids(activity_id)
        if existing and not dialogs.confirm(
                self, self.tr("安排宣传"),
                self.tr("内容日历上已经有 %Ln 条这个活动的宣传。按活动现在的时间和内容更新它们吗？"
                        "（手动改过的会保留）", "", len(existing))):
            return

        def done(result: activity_promotion.Scheduled) -> None:
            if not (result.created or result.updated or result.kept):
                dialogs.inform(self, self.tr("安排宣传"),
                               self.tr("宣传日期都已经过去，没有安排新的内容。"))
                return
            lines = []
            if result.created:
                lines.append(self.tr("已在内容日历上安排 %Ln 条宣传（草稿），可以在“内容日历”里修改。",
                                     "", len(result.created)))
            if result.updated:
                lines.append(self.tr("已更新 %Ln 条宣传。", "", len(result.updated)))
            if result.kept:
                lines.append(self.tr("%Ln 条手动改过的宣传保持不变。", "", len(result.kept)))
            dialogs.inform(self, self.tr("安排宣传"), "\n".join(lines))

        today = self.today
        Op(self, self.workspace, lambda: activity_promotion.schedule_promotion(activity_id, today=today),
           Changed.CALENDAR).success(done).run()

    @Slot()
    def print_page(self) -> None:
        """Print (preview) the selected activity's checklist."""
        from ui.activities.printables import preview_checklist

        activity_id = self.current_id()
        if activity_id is not None:
            self._dialog = preview_checklist(self, activity_id)

    @Slot()
    def print_signin_sheet(self) -> None:
        from ui.activities.printables import preview_signin

        activity_id = self.current_id()
        if activity_id is not None:
            self._dialog = preview_signin(self, activity_id)

    @Slot()
    def delete_selected(self) -> None:
        """Delete (the Delete key): the focused step or sign-up, else the activity."""
        if self.checklist.view.hasFocus() and self.checklist.selected_row() >= 0:
            self.checklist.delete_step()
            return
        if self.signups.view.hasFocus() and self.signups.view.selectionModel().hasSelection():
            self.signups.remove_selected()
            return
        self.delete_activity()

    @Slot()
    def delete_activity(self) -> None:
        activity_id = self.current_id()
        if activity_id is None:
            return
        shown = activities.get_activity(activity_id)
        if shown is None:
            return
        title = shown.title
        text = self.tr("删除活动“%1”及其清单和报名？已发的签到积分也会扣回。").replace("%1", title)
        posts = len(activity_promotion.scheduled_ids(activity_id))
        if posts:
            text += self.tr("内容日历上它的 %Ln 条宣传也会一起删除。", "", posts)
        text += self.tr("可以用“编辑 > 撤销”(Ctrl+Z) 恢复。")
        if not dialogs.confirm(self, self.tr("删除活动"), text, danger=True):
            return

        def done(_result: object) -> None:
            self.reload()
            self.workspace.status_message.emit(
                self.tr("已删除活动“%1”（可撤销）").replace("%1", title))

        Op(self, self.workspace, lambda: activity_promotion.delete_with_posts(activity_id),
           Changed.ACTIVITIES | Changed.MEMBERS | Changed.CALENDAR).success(done).run()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
