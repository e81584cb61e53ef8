"""Start the GUI: Qt application, language, fonts, the database (with its safety checks)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from models.store import backup, inspect, lock, paths
from models.store.db import APP, close_database, current, open_database
from models.store.files import FileProblem
from models.store.problems import (
    DamagedDatabaseError,
    DatabaseProblem,
    NotOursError,
    WorkspaceGoneError,
)
from ui import appearance, crash, dialogs, i18n, smoke
from ui.fonts import cjk_family, ui_font
from ui.icons import icon
from ui.logs import setup_logging
from ui.main_window import MainWindow
from ui.single_instance import WindowServer, ask_to_raise
from ui.startup_check import StartupCheck
from ui.workspace import Workspace

LOCK_WAIT = 0.5  # seconds a starting window waits for another writer to finish
WATCH_MS = 5000  # how often the open file is checked to be still there


class QunDeskApp:
    """Owns the open workspace (its database and lock) and its main window."""

    def __init__(self, app: QApplication, language: str) -> None:
        self.app = app
        self.language = language
        self.window: MainWindow | None = None
        self.check: StartupCheck | None = None
        self.server: WindowServer | None = None
        self.watch = QTimer()
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._watch_file)

    def open(self, db_path: Path) -> bool:
        """Open `db_path` in a new main window (closing the current one); False if refused."""
        tr = QApplication.translate
        default = db_path == paths.default_db_path()
        try:
            state = inspect.examine(db_path)  # refusals first, while the old window stays
        except DamagedDatabaseError as exc:
            return self._offer_recovery(db_path, exc)
        except NotOursError as exc:
            if default and exc.why != "why_not_regular" and backup.latest_good(db_path):
                # Our own file at our own place, no longer recognisable: treat as damage.
                return self._offer_recovery(db_path, DamagedDatabaseError(db_path, str(exc)))
            dialogs.error(self.window, tr("App", "无法打开数据库"), str(exc))
            return False
        except (DatabaseProblem, FileProblem) as exc:
            dialogs.error(self.window, tr("App", "无法打开数据库"), str(exc))
            return False
        self._close_current()
        try:
            open_database(db_path, access=APP, holder=lock.WINDOW, wait=LOCK_WAIT,
                          blank_is_new=default)
        except DamagedDatabaseError as exc:
            return self._offer_recovery(db_path, exc)
        except (DatabaseProblem, FileProblem) as exc:
            dialogs.error(self.window, tr("App", "无法打开数据库"), str(exc))
            return False
        db = current()
        read_only = db.read_only if db is not None else None
        workspace = Workspace(db_path, read_only=read_only)
        self.window = MainWindow(workspace)
        self.window.language_requested.connect(self.switch_language)
        self.window.open_database_requested.connect(self.switch_database)
        self.window.damaged_found.connect(self._damaged_after_start)
        self.window.recovery_requested.connect(
            lambda path, detail: self._offer_recovery(path, DamagedDatabaseError(path, detail)))
        self.window.show()
        self.server = WindowServer(db_path, self._bring_forward)
        crash.set_storage_handler(self.window.storage_problem)
        self.check = StartupCheck(db_path, backup_after=read_only is None, parent=self.window)
        self.check.damaged.connect(self._damaged_after_start)
        self.check.start()
        if read_only is None:
            self.watch.start()
        if state.new or state.blank:
            QTimer.singleShot(0, self._first_start)
        if cjk_family() is None:
            QTimer.singleShot(0, lambda: dialogs.warn(
                self.window, tr("App", "缺少中文字体"),
                tr("App", "没有找到能显示中文的字体，中文可能显示为方框，"
                          "打印时也会缺字。请安装“微软雅黑”、“苹方”或"
                          "“Noto Sans CJK SC”等中文字体。")))
        return True

    def _bring_forward(self) -> None:
        """Another launch asked for this workspace: show this window instead."""
        if self.window is not None:
            if self.window.isMinimized():
                self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def _close_current(self) -> None:
        self.watch.stop()
        if self.server is not None:
            self.server.close()
            self.server = None
        crash.set_storage_handler(None)
        if self.window is not None:
            self.window.close()  # pages save their state into this workspace first
            self.window.deleteLater()
            self.window = None
        close_database()  # and lets go of the writer lock

    def _watch_file(self) -> None:
        """The folder deleted or the USB drive pulled: say so now, not at the next save."""
        db = current()
        if db is None or self.window is None or db.read_only is not None:
            return
        try:
            db.check_writable()
        except WorkspaceGoneError as exc:
            self.watch.stop()
            self.window.storage_problem(exc)

    def _offer_recovery(self, db_path: Path, exc: DamagedDatabaseError,
                        while_open: bool = False) -> bool:
        """Offer the latest good backup in place of a damaged file (kept, renamed).

        `while_open`: the damage was found after start-up; the window closes only if
        the user agrees, and is otherwise left as it is.
        """
        good = backup.latest_good(db_path)
        tr = QApplication.translate
        if good is None:
            advice = (tr("App", "没有找到可用的备份。请尽快导出名单，不要继续修改数据。")
                      if while_open else tr("App", "没有找到可用的备份。文件没有被改动。"))
            dialogs.error(self.window, tr("App", "数据库已损坏"), str(exc) + "\n\n" + advice)
            return False
        question = tr("App", "%1\n\n最近一次完好的备份是“%2”。要用它恢复吗？"
                      "损坏的文件会被改名保留，不会被覆盖。").replace("%1", str(exc)) \
            .replace("%2", good.name)
        if not dialogs.confirm(self.window, tr("App", "数据库已损坏"), question):
            return False
        self._close_current()
        try:
            backup.recover_from(good, db_path)
        except (OSError, FileProblem) as err:
            dialogs.error(None, tr("App", "无法恢复"), str(err))
            return False
        return self.open(db_path)

    def _damaged_after_start(self, detail: str) -> None:
        """The background check (or a query) found damage: offer the latest good backup."""
        if self.window is not None:
            path = self.window.workspace.db_path
            self._offer_recovery(path, DamagedDatabaseError(path, detail), while_open=True)

    def _first_start(self) -> None:
        from ui.first_start import FirstStartDialog

        if self.window is not None and not self.window.workspace.read_only:
            FirstStartDialog(self.window.workspace, self.window).open()

    def switch_language(self, language: str) -> None:
        i18n.remember(language)
        if language == self.language or self.window is None:
            return
        self.language = language
        i18n.install(language)
        path = self.window.workspace.db_path
        self._close_current()
        self.open(path)

    def switch_database(self, path: object) -> None:
        current_path = self.window.workspace.db_path if self.window else None
        target = Path(str(path))
        if current_path is not None and target.resolve() == current_path.resolve():
            return
        if not self.open(target) and self.window is None and current_path is not None:
            self.open(current_path)  # the new one was refused after the old one closed


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("QunDesk")
    app.setApplicationName("QunDesk")
    app.setApplicationDisplayName("群主台")
    app.setDesktopFileName("qundesk")  # Wayland app id = resources/packaging/qundesk.desktop
    app.setWindowIcon(icon("app"))
    app.setFont(ui_font())
    return app


def run_gui(db_path: Path | None, language: str | None = None) -> int:
    app = create_application()
    setup_logging()
    crash.install()  # from here on an escaping error shows a report dialog, never vanishes
    appearance.apply(appearance.chosen())
    lang = i18n.chosen_language(language)
    i18n.install(lang)
    target = Path(db_path) if db_path else paths.default_db_path()
    if ask_to_raise(target):  # already open in a window: that window comes forward
        return 0
    controller = QunDeskApp(app, lang)
    try:
        opened = controller.open(target)
    except Exception as exc:  # start-up: no event loop yet, so report it right here
        crash.report_exception(exc)
        return 1
    if not opened:
        return 1
    if smoke.requested():  # packaged-build self-check (tests/test_bundle.py)
        smoke.start(controller.window)
    code = app.exec()
    controller._close_current()
    return code
