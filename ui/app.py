"""Start the GUI: Qt application, language, fonts, the database (with its safety checks)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication

from models.store import backup, paths
from models.store.db import DamagedDatabaseError, DatabaseProblem, close_database, open_database
from ui import appearance, crash, dialogs, i18n, smoke
from ui.fonts import cjk_family, ui_font
from ui.icons import icon
from ui.logs import setup_logging
from ui.main_window import MainWindow
from ui.startup_check import StartupCheck
from ui.workspace import Workspace


class QunDeskApp:
    """Owns the open workspace: its lock file and its main window."""

    def __init__(self, app: QApplication, language: str) -> None:
        self.app = app
        self.language = language
        self.window: MainWindow | None = None
        self.lock: QLockFile | None = None

    def open(self, db_path: Path) -> bool:
        lock = QLockFile(str(db_path) + ".lock")
        lock.setStaleLockTime(0)
        if not lock.tryLock(100):
            dialogs.warn(self.window, QApplication.translate("App", "群主台"),
                         QApplication.translate("App", "“%1”已经在另一个群主台窗口中打开。")
                         .replace("%1", str(db_path)))
            return False
        is_new = not db_path.exists() or db_path.stat().st_size == 0
        try:
            open_database(db_path)
        except DamagedDatabaseError as exc:
            lock.unlock()
            return self._offer_recovery(db_path, exc)
        except DatabaseProblem as exc:
            lock.unlock()
            dialogs.error(self.window, QApplication.translate("App", "无法打开数据库"), str(exc))
            return False
        self._close_current()
        self.lock = lock
        workspace = Workspace(db_path)
        self.window = MainWindow(workspace)
        self.window.language_requested.connect(self.switch_language)
        self.window.open_database_requested.connect(self.switch_database)
        self.window.show()
        self.check = StartupCheck(db_path, self.window)
        self.check.damaged.connect(self._damaged_after_start)
        self.check.start()
        if is_new:
            QTimer.singleShot(0, self._first_start)
        if cjk_family() is None:
            QTimer.singleShot(0, lambda: dialogs.warn(
                self.window, QApplication.translate("App", "缺少中文字体"),
                QApplication.translate("App", "没有找到能显示中文的字体，中文可能显示为方框，"
                                       "打印时也会缺字。请安装“微软雅黑”、“苹方”或"
                                       "“Noto Sans CJK SC”等中文字体。")))
        return True

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        close_database()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

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
        if while_open:
            self._close_current()
        backup.recover_from(good, db_path)
        return self.open(db_path)

    def _damaged_after_start(self, detail: str) -> None:
        """The background check found damage: offer the latest good backup now."""
        if self.window is not None:
            path = self.window.workspace.db_path
            self._offer_recovery(path, DamagedDatabaseError(path, detail), while_open=True)

    def _first_start(self) -> None:
        from ui.first_start import FirstStartDialog

        if self.window is not None:
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
        current = self.window.workspace.db_path if self.window else None
        if current is not None and Path(str(path)).resolve() == current.resolve():
            return
        previous_window = self.window
        if not self.open(Path(str(path))) and previous_window is None and current is not None:
            self.open(current)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("QunDesk")
    app.setApplicationName("QunDesk")
    app.setApplicationDisplayName("群主台")
    app.setDesktopFileName("qundesk")  # Wayland app id = resources/packaging/qundesk.desktop
    app.setWindowIcon(icon("app"))
    app.setFont(ui_font())
    return app  # type: ignore[return-value]


def run_gui(db_path: Path | None, language: str | None = None) -> int:
    app = create_application()
    setup_logging()
    crash.install()  # from here on an escaping error shows a report dialog, never vanishes
    appearance.apply(appearance.chosen())
    lang = i18n.chosen_language(language)
    i18n.install(lang)
    controller = QunDeskApp(app, lang)
    try:
        opened = controller.open(Path(db_path) if db_path else paths.default_db_path())
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


