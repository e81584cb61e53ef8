"""The main window: a navigation bar on the left, one screen at a time on the right."""

from __future__ import annotations

import importlib
from collections.abc import Callable

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
    QWidget,
)

from models import messages
from models.store import backup, undo
from ui import dialogs
from ui.i18n import LANGUAGES
from ui.icons import icon
from ui.placeholder import PlaceholderPage
from ui.workspace import Workspace

# (key, icon, "module:Class"); a module that does not exist yet shows a placeholder.
PAGES = (
    ("members", "members", "ui.members.page:MembersPage"),
    ("calendar", "calendar", "ui.calendar.page:CalendarPage"),
    ("activities", "activities", "ui.activities.page:ActivitiesPage"),
    ("week", "week", "ui.week.page:WeekPage"),
    ("overview", "overview", "ui.overview.page:OverviewPage"),
)


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    open_database_requested = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(900, 600))
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
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_menus()
        self.nav.currentRowChanged.connect(self._on_nav)
        workspace.show_members.connect(self._show_members)
        workspace.show_page.connect(self.show_page)
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
            target = PAGES[index][2]
            module_name, class_name = target.split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name is None or not module_name.startswith(exc.name):
                    raise
                widget: QWidget = PlaceholderPage(self.page_title(key))
            else:
                widget = getattr(module, class_name)(self.workspace)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
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
        if hasattr(widget, "activated"):
            widget.activated()
        self._update_actions()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    @Slot(object)
    def _show_members(self, member_filter: object) -> None:
        self.show_page("members")
        page = self.page("members")
        if hasattr(page, "apply_filter"):
            page.apply_filter(member_filter)

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot: Callable[[], None],
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
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        lang_menu = view_menu.addMenu(self.tr("语言 / Language"))
        languages = QActionGroup(self)
        for code, label in LANGUAGES.items():
            action = lang_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == messages.language())  # i18n.install keeps it current
            languages.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
        self._build_appearance_menu(view_menu.addMenu(self.tr("外观")))
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
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

    def _page_call(self, name: str) -> None:
        method = getattr(self.current_page(), name, None)
        if callable(method):
            method()

    def _update_actions(self) -> None:
        page = self.current_page()
        for action, name in ((self.act_new, "new_item"), (self.act_find, "focus_search"),
                             (self.act_delete, "delete_selected"),
                             (self.act_print, "print_page")):
            action.setEnabled(callable(getattr(page, name, None)))

    @Slot()
    def undo_last(self) -> None:
        label = undo.undo()
        if label is None:
            self.statusBar().showMessage(self.tr("没有可以撤销的操作"), 4000)
            return
        self.statusBar().showMessage(self.tr("已撤销：%1").replace("%1", label), 5000)
        self.workspace.data_changed.emit("*")

    @Slot()
    def import_roster(self) -> None:
        self._open_roster_dialog("ui.roster.import_wizard", "ImportWizard")

    @Slot()
    def export_roster(self) -> None:
        self._open_roster_dialog("ui.roster.export_dialog", "ExportDialog")

    def _open_roster_dialog(self, module_name: str, class_name: str) -> None:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            dialogs.inform(self, self.tr("群主台"), self.tr("名单导入导出还在开发中。"))
            return
        dialog = getattr(module, class_name)(self.workspace, self)
        dialog.open()

    @Slot()
    def backup_now(self) -> None:
        from models.store.db import database

        path = backup.create(database.obj, self.workspace.db_path, reason="manual")
        self.statusBar().showMessage(self.tr("已备份到 %1").replace("%1", str(path)), 8000)

    @Slot()
    def restore_backup(self) -> None:
        from models.store import paths, schema
        from models.store.db import DatabaseProblem, database

        source = dialogs.open_file(self, self.tr("选择备份文件"),
                                   self.tr("SQLite 数据库 (*.sqlite3 *.db)"),
                                   str(paths.backup_dir()))
        if source is None:
            return
        if not dialogs.confirm(self, self.tr("从备份恢复"),
                               self.tr("用备份“%1”替换当前数据？当前数据会先自动备份。")
                               .replace("%1", source.name), danger=True):
            return
        try:
            safety = backup.restore(database.obj, self.workspace.db_path, source)
            schema.migrate(database.obj, self.workspace.db_path)
        except DatabaseProblem as exc:
            dialogs.error(self, self.tr("无法恢复"), str(exc))
            return
        self.workspace.data_changed.emit("*")
        self.statusBar().showMessage(
            self.tr("已恢复。恢复前的数据保存在 %1").replace("%1", str(safety)), 10000)

    @Slot()
    def open_database(self) -> None:
        path = dialogs.open_file(self, self.tr("打开数据库"),
                                 self.tr("群主台数据库 (*.sqlite3 *.db)"))
        if path is not None:
            self.open_database_requested.emit(path)

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
            if hasattr(page, "save_state"):
                page.save_state()
        super().closeEvent(event)
