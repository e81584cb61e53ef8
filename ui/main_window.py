"""The main window: a navigation bar on the left, one screen at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models import messages
from models.store import backup, undo
from models.store.db import backup_workspace, current, restore_workspace
from models.store.files import FileProblem
from models.store.problems import (
    DamagedDatabaseError,
    DatabaseProblem,
    ReadOnlyError,
    WorkspaceGoneError,
)
from ui import dialogs
from ui.accessibility import name_every_dialog, name_unnamed
from ui.help import GuideDialog, shortcuts_text
from ui.i18n import LANGUAGES
from ui.icons import icon
from ui.notice_bar import ERROR, INFO, NoticeBar
from ui.operations import Op
from ui.outreach import open_templates
from ui.screens import PAGES, Activated, FiltersMembers, SavesState, Verb, verb_of
from ui.workspace import Changed, Workspace


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    open_database_requested = Signal(object)
    damaged_found = Signal(str)  # SQLite's words: the app offers the latest good backup
    recovery_requested = Signal(object, str)  # another file, found damaged: path, detail

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(900, 600))
        name_every_dialog()  # screen readers: every dialog's controls say what they are
        self._pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        for key, icon_name, _ in PAGES:
            item = QListWidgetItem(icon(icon_name), self.page_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(140, 44))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # real page built on first visit (fast start)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.notice = NoticeBar()
        column.addWidget(self.notice)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_menus()
        workspace.read_only_changed.connect(self._show_read_only)
        workspace.data_changed.connect(lambda _changed: self._refresh_undo())
        self._show_read_only()
        self.nav.currentRowChanged.connect(self._on_nav)
        workspace.show_members.connect(self._show_members)
        workspace.show_page.connect(self.show_page)
        workspace.import_requested.connect(self.import_roster)
        workspace.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._restore_state()
        self._update_title()

    # ------------------------------------------------------------------ pages
    def page_title(self, key: str) -> str:
        return {
            "members": self.tr("成员"),
            "calendar": self.tr("内容日历"),
            "activities": self.tr("活动"),
            "week": self.tr("周计划"),
            "overview": self.tr("概览"),
        }[key]

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            index = [k for k, _, _ in PAGES].index(key)
            widget = PAGES[index][2](self.workspace)
            name_unnamed(widget)  # screen readers: every control says what it is
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._pages[key] = widget
        return self._pages[key]

    @Slot(str)
    def show_page(self, key: str) -> None:
        keys = [k for k, _, _ in PAGES]
        self.nav.setCurrentRow(keys.index(key))

    @Slot(int)
    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        if isinstance(widget, Activated):
            widget.activated()
        self._update_actions()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    @Slot(object)
    def _show_members(self, member_filter: object) -> None:
        self.show_page("members")
        page = self.page("members")
        if isinstance(page, FiltersMembers):
            page.apply_filter(member_filter)

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        Key = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("新建(&N)"), lambda: self._page_call("new_item"),
                                    Key.New)
        self.act_find = self._action(self.tr("查找(&F)"), lambda: self._page_call("focus_search"),
                                     Key.Find)
        self.act_delete = self._action(self.tr("删除(&D)"),
                                       lambda: self._page_call("delete_selected"), Key.Delete)
        self.act_print = self._action(self.tr("打印(&P)…"), lambda: self._page_call("print_page"),
                                      Key.Print)
        self.act_undo = self._action(self.tr("撤销(&U)"), self.undo_last, Key.Undo)
        self.act_import = self._action(self.tr("导入名单(&I)…"), self.import_roster, "Ctrl+I")
        self.act_export = self._action(self.tr("导出名单(&E)…"), self.export_roster, "Ctrl+E")
        self.act_backup = self._action(self.tr("立即备份(&B)"), self.backup_now)
        self.act_restore = self._action(self.tr("从备份恢复(&R)…"), self.restore_backup)
        self.act_open = self._action(self.tr("打开数据库(&O)…"), self.open_database, Key.Open)
        self.act_quit = self._action(self.tr("退出(&Q)"), self.close, Key.Quit)
        self.act_about = self._action(self.tr("关于群主台(&A)"), self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        for act in (self.act_new, None, self.act_import, self.act_export, None, self.act_print,
                    None, self.act_backup, self.act_restore, self.act_open, None, self.act_quit):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        for act in (self.act_undo, None, self.act_find, self.act_delete):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        edit_menu.addAction(self.tr("消息模板(&M)…"), lambda: open_templates(self))
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for n, (key, _icon, _build) in enumerate(PAGES, start=1):  # Ctrl+1 ... Ctrl+5
            go = view_menu.addAction(self.page_title(key))
            go.setShortcut(QKeySequence(f"Ctrl+{n}"))
            go.triggered.connect(lambda _=False, row=n - 1: self.nav.setCurrentRow(row))
        view_menu.addSeparator()
        lang_menu = view_menu.addMenu(self.tr("语言 / Language(&L)"))
        lang_menu.setProperty("lists_data", True)  # each language named in its own words
        languages = QActionGroup(self)
        for code, label in LANGUAGES.items():
            action = lang_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == messages.language())  # i18n.install keeps it current
            languages.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
        self._build_appearance_menu(view_menu.addMenu(self.tr("外观(&C)")))
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.tr("使用指南(&G)"), self.show_guide)
        help_menu.addAction(self.tr("键盘快捷键(&K)"), self.show_shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def _build_appearance_menu(self, menu: QMenu) -> None:
        from ui import appearance

        group = QActionGroup(self)
        for mode, label in appearance.mode_labels().items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(mode == appearance.current())
            action.setData(mode)
            group.addAction(action)
        group.triggered.connect(lambda action: appearance.choose(str(action.data())))

    def _page_call(self, name: Verb) -> None:
        method = verb_of(self.current_page(), name)
        if method is not None:
            method()

    def _update_actions(self) -> None:
        page = self.current_page()
        editable = not self.workspace.read_only
        verbs: tuple[tuple[QAction, Verb, bool], ...] = (
            (self.act_new, "new_item", True), (self.act_find, "focus_search", False),
            (self.act_delete, "delete_selected", True), (self.act_print, "print_page", False))
        for action, name, writes in verbs:
            action.setEnabled(verb_of(page, name) is not None and (editable or not writes))
        for action in (self.act_import, self.act_restore):
            action.setEnabled(editable)
        self._refresh_undo()

    @Slot()
    def _refresh_undo(self) -> None:
        """Edit > Undo names what it will undo, and is off when there is nothing."""
        entry = undo.latest() if not self.workspace.read_only else None
        if entry is None:
            self.act_undo.setText(self.tr("撤销(&U)"))
            self.act_undo.setEnabled(False)
        else:
            self.act_undo.setText(self.tr("撤销：%1(&U)").replace("%1", undo.label_of(entry)))
            self.act_undo.setEnabled(True)

    # ------------------------------------------------------------------ storage
    @Slot()
    def _show_read_only(self) -> None:
        """Editing off, and a note at the top saying why (read-only file or folder, a
        file from a newer QunDesk, or the file gone while open)."""
        self._update_actions()
        if not self.workspace.read_only:
            self.notice.hide()
            return
        if self.workspace.read_only == "why_gone":
            self.notice.show_notice(
                self.tr("数据库文件“%1”不见了（文件夹被删除、移动，或 U 盘已拔出），之后的修改无法保存。"
                        "群主台仍打开着这份数据，请另存一份副本。").replace(
                    "%1", str(self.workspace.db_path)),
                ERROR, self.tr("另存副本(&S)…"), self.save_copy)
            return
        self.notice.show_notice(self.tr("只读：%1。可以浏览、搜索、导出和打印，但不能修改。")
                                .replace("%1", self.workspace.read_only_reason()), INFO)

    @Slot(object)
    def storage_problem(self, problem: object) -> None:
        """A write (or read) failed for a reason the user must hear about, from any screen
        or worker (ui.crash routes these here instead of showing an error report)."""
        if isinstance(problem, WorkspaceGoneError):
            db = current()
            if db is not None:
                db.read_only = "why_gone"  # every later write says so instead of failing
            self.workspace.set_read_only("why_gone")
        elif isinstance(problem, DamagedDatabaseError):
            self.damaged_found.emit(problem.detail)
        elif isinstance(problem, ReadOnlyError):
            dialogs.inform(self, self.tr("只读"), str(problem))
        elif isinstance(problem, (DatabaseProblem, FileProblem)):
            dialogs.warn(self, self.tr("没有保存"), str(problem))

    @Slot()
    def save_copy(self) -> None:
        """Write what the app still has open to a new file (the original is gone)."""
        target = dialogs.save_file(self, self.tr("另存数据库副本"),
                                   self.tr("群主台数据库 (*.sqlite3)"),
                                   self.workspace.db_path.name)
        if target is None:
            return
        if target.suffix.lower() not in (".sqlite3", ".db", ".sqlite"):
            target = target.with_name(target.name + ".sqlite3")
        try:
            saved = backup_workspace(reason="copy", to=target)
        except (FileProblem, DatabaseProblem, OSError) as exc:
            dialogs.error(self, self.tr("无法另存"), str(exc))
            return
        if dialogs.confirm(self, self.tr("已另存"),
                           self.tr("已保存到“%1”。现在打开这份副本继续工作吗？")
                           .replace("%1", str(saved))):
            self.open_database_requested.emit(saved)

    @Slot()
    def undo_last(self) -> None:
        def done(label: str | None) -> None:
            if label is None:
                self.statusBar().showMessage(self.tr("没有可以撤销的操作"), 4000)
            else:
                self.statusBar().showMessage(self.tr("已撤销：%1").replace("%1", label), 5000)

        Op(self, self.workspace, undo.undo, Changed.ALL).success(done).run()

    @Slot()
    def import_roster(self) -> None:
        from ui.roster.import_wizard import ImportWizard

        ImportWizard(self.workspace, self).open()

    @Slot()
    def export_roster(self) -> None:
        """The list as the member page shows it (its filter and search, left or current),
        with "every member" as the other choice."""
        from ui.roster.export_dialog import ExportDialog

        ExportDialog(self.workspace, self, member_ids=self.shown_member_ids(), offer_all=True).open()

    def shown_member_ids(self) -> list[int]:
        from models.members import rows as member_rows
        from ui.members.table_model import MemberTableModel

        model = getattr(self._pages.get("members"), "model", None)
        if isinstance(model, MemberTableModel):
            return model.visible_ids()
        left = member_rows.left_ids()  # not opened yet: its first view, current members
        return [i for i in member_rows.sorted_ids() if i not in left]

    @Slot()
    def backup_now(self) -> None:
        try:
            path = backup_workspace(reason="manual")
        except (FileProblem, DatabaseProblem) as exc:
            dialogs.error(self, self.tr("无法备份"), str(exc))
            return
        self.statusBar().showMessage(self.tr("已备份到 %1").replace("%1", str(path)), 8000)

    @Slot()
    def restore_backup(self) -> None:
        """Pick one of the workspace's backups (or any file), then restore it."""
        from ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.workspace.db_path, self)
        dialog.chosen.connect(self.restore_from)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def restore_from(self, source: Path) -> None:
        if not dialogs.confirm(self, self.tr("从备份恢复"),
                               self.tr("用备份“%1”替换当前数据？当前数据会先自动备份。")
                               .replace("%1", source.name), danger=True):
            return

        def done(safety: Path) -> None:
            self.statusBar().showMessage(
                self.tr("已恢复。恢复前的数据保存在 %1").replace("%1", str(safety)), 10000)

        Op(self, self.workspace, lambda: restore_workspace(source), Changed.ALL).success(done) \
            .failure(lambda exc: dialogs.error(self, self.tr("无法恢复"), str(exc)), storage=True).run()

    @Slot()
    def open_database(self) -> None:
        """Pick a file, then check every page of it (off the GUI thread) before switching:
        a file with a good header but damaged pages is refused here, not mid-use."""
        from models.store import inspect
        from ui.worker import Task

        path = dialogs.open_file(self, self.tr("打开数据库"),
                                 self.tr("群主台数据库 (*.sqlite3 *.db)"))
        if path is None:
            return
        if path.resolve() == self.workspace.db_path.resolve():
            return
        task = Task(self, self.tr("正在检查数据库…"),
                    lambda progress, cancelled: inspect.examine(path, inspect.PAGES))
        task.succeeded.connect(lambda _state: self.open_database_requested.emit(path))
        task.failed.connect(lambda exc: self._refuse_open(path, exc))
        self._open_check = task.start()

    def _refuse_open(self, path: object, exc: object) -> None:
        if isinstance(exc, DamagedDatabaseError) and backup.latest_good(exc.path):
            self.recovery_requested.emit(exc.path, exc.detail)  # offers the latest backup
            return
        dialogs.error(self, self.tr("无法打开数据库"), str(exc))

    @Slot()
    def show_guide(self) -> None:
        GuideDialog.open_for(self)

    @Slot()
    def show_shortcuts(self) -> None:
        dialogs.inform(self, self.tr("键盘快捷键"), shortcuts_text())

    @Slot()
    def show_about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog(self.workspace, self).open()

    # ------------------------------------------------------------------ state
    def _update_title(self) -> None:
        from models.store import settings

        name = settings.get("community_name") or ""
        self.setWindowTitle(f"{name} - {self.tr('群主台')}" if name else self.tr("群主台"))

    def _restore_state(self) -> None:
        store = QSettings()
        geometry = store.value("main/geometry", QByteArray())
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            size = screen.availableSize() if screen else QSize(1280, 800)
            self.resize(min(1280, size.width()), min(800, size.height()))
        keys = [k for k, _, _ in PAGES]
        last = store.value("main/page", "members", str)
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        store = QSettings()
        store.setValue("main/geometry", self.saveGeometry())
        row = self.nav.currentRow()
        if row >= 0:
            store.setValue("main/page", PAGES[row][0])
        for page in self._pages.values():
            if isinstance(page, SavesState):
                page.save_state()
        super().closeEvent(event)
