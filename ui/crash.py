"""Errors that escape: a friendly dialog with a copyable report, and a report in the log.

Installed once by ui/app.run_gui. It catches what would otherwise end or silently break
the app: uncaught exceptions on the GUI thread (including inside Qt slots and virtual
methods), on Python threads and thread-pool workers, and Qt's fatal messages (which abort
right after, so they are only written down). Hard crashes in native code are written by
faulthandler to logs/fatal.log. The report names versions and the code location, never the
user's data: exception messages go through ui.logs.redact and the database is named only
by its folder's name.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.store import files, paths
from models.store.files import FileProblem
from models.store.problems import DatabaseProblem, from_sqlite
from ui.logs import redact, short_path, system_summary

log = logging.getLogger("qundesk.crash")


def build_report(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None, where: str = "GUI thread") -> str:
    """A plain-text report: when, versions, where the error happened, no personal data."""
    lines = ["QunDesk error report", f"Time: {dt.datetime.now().isoformat(timespec='seconds')}",
             *system_summary(), f"Thread: {where}", f"Database folder: {_database_folder()}",
             "", "Traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{short_path(frame.filename)}", line {frame.lineno}, '
                     f"in {frame.name}")
        if frame.line and _is_own_code(frame.filename):
            lines.append(f"    {frame.line.strip()}")
    lines.append(f"{exc_type.__module__}.{exc_type.__qualname__}: {redact(str(exc))}"
                 .removeprefix("builtins."))
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        lines.append(f"  caused by {type(cause).__qualname__}: {redact(str(cause))}")
    return "\n".join(lines) + "\n"


def _is_own_code(filename: str) -> bool:
    # Only QunDesk's own source lines are quoted: library lines add nothing and a line of
    # ours is code, not data.
    return any(part in filename.replace("\\", "/") for part in ("/ui/", "/models/", "main.py"))


def _database_folder() -> str:
    try:
        from models.store.db import current

        db = current()
        if db is None:
            return "(none open)"
        return db.workspace.parent.name or "(unknown)"
    except Exception:  # the report must be written even if the database layer is broken
        return "(unknown)"


def write_report(report: str) -> Path:
    """Save the report as logs/error-<time>.txt and note it in the main log."""
    folder = paths.log_dir()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"error-{stamp}.txt"
    files.write_text(path, report, private=True)
    log.error("unhandled error, report saved as %s\n%s", path.name, report)
    return path


class CrashDialog(QDialog):
    """Says sorry in plain words, shows the report read-only, lets the user copy it."""

    def __init__(self, report: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setWindowTitle(self.tr("群主台遇到了问题"))
        intro = QLabel(self.tr(
            "很抱歉，群主台出了一个意外错误，刚才的操作可能没有完成。已经保存的数据不受影响。"
            "\n\n你可以继续使用。如果问题反复出现，请把下面的报告复制给开发者。"
            "报告里没有成员姓名、电话等个人信息。"))
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setMinimumSize(560, 220)
        saved = QLabel(self.tr("报告已保存到：%1").replace("%1", str(log_path)))
        saved.setWordWrap(True)
        saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("复制报告(&C)"))
        self.folder_button = QPushButton(self.tr("打开日志文件夹(&O)"))
        self.quit_button = QPushButton(self.tr("退出群主台(&Q)"))
        self.continue_button = QPushButton(self.tr("继续使用(&N)"))
        self.continue_button.setDefault(True)
        role = QDialogButtonBox.ButtonRole
        buttons.addButton(self.copy_button, role.ActionRole)
        buttons.addButton(self.folder_button, role.ActionRole)
        buttons.addButton(self.quit_button, role.DestructiveRole)
        buttons.addButton(self.continue_button, role.AcceptRole)
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button.clicked.connect(self.open_folder)
        self.quit_button.clicked.connect(self.quit_app)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(saved)
        layout.addWidget(buttons)
        self.continue_button.setFocus()

    def add_report(self, report: str) -> None:
        """Another error while this dialog is open: append instead of opening a second one."""
        self.report.appendPlainText("\n" + "-" * 40 + "\n" + report)

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("已复制"))

    @Slot()
    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))

    @Slot()
    def quit_app(self) -> None:
        self.accept()
        QCoreApplication.exit(1)


def show_crash_dialog(report: str, log_path: Path) -> None:
    """Show the dialog modally (the app may be in a bad state; nothing else should run)."""
    dialog = CrashDialog(report, log_path, QApplication.activeWindow())
    _handler_state.dialog = dialog
    try:
        dialog.exec()
    finally:
        _handler_state.dialog = None


class _HandlerState:
    dialog: CrashDialog | None = None


_handler_state = _HandlerState()


class CrashHandler(QObject):
    """Receives errors from any thread and shows them on the GUI thread."""

    report_ready = Signal(str, str)  # report, saved path; queued to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report_ready.connect(self._show)
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        self._previous_qt_handler: Callable[[QtMsgType, QMessageLogContext, str], object] \
            | None = None
        self._fatal_file: IO[str] | None = None
        self._seen: dict[tuple[str, object], int] = {}
        self.installed = False

    def install(self, fatal_log: bool = True) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook
        self._previous_qt_handler = qInstallMessageHandler(self.qt_message)
        if fatal_log:
            # Segfaults in native code cannot be caught; at least leave a trace behind.
            self._fatal_file = open(paths.log_dir() / "fatal.log", "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(self._fatal_file)
        self.installed = True

    def uninstall(self) -> None:
        if not self.installed:
            return
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_threading_hook
        qInstallMessageHandler(self._previous_qt_handler)
        if self._fatal_file is not None:
            faulthandler.disable()
            self._fatal_file.close()
            self._fatal_file = None
        self.installed = False

    # ------------------------------------------------------------------ hooks
    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb, threading.current_thread().name)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "thread"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, where: str = "GUI thread") -> None:
        problem = storage_problem_of(exc)
        if problem is not None and report_storage_problem(problem):
            return  # disk full, read-only, file gone...: words for the user, not a bug report
        # The same error again and again (a paint handler that keeps failing) is reported
        # once: one file, one dialog, then only a count in the main log.
        frames = traceback.extract_tb(tb)
        signature = (exc_type.__qualname__,
                     (frames[-1].filename, frames[-1].lineno) if frames else None)
        self._seen[signature] = self._seen.get(signature, 0) + 1
        if self._seen[signature] > 1:
            if self._seen[signature] in (2, 10, 100, 1000):
                log.error("the same %s happened %d times", exc_type.__qualname__,
                          self._seen[signature])
            return
        try:
            report = build_report(exc_type, exc, tb, where)
            path = write_report(report)
        except Exception:  # never raise from the hook itself: fall back to stderr
            if sys.stderr is not None:
                traceback.print_exception(exc_type, exc, tb)
            return
        if sys.stderr is not None:  # developers running from a terminal still see it
            sys.stderr.write(report)
        self.report_ready.emit(report, str(path))

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            # Qt aborts as soon as this returns: write the report first, no dialog possible.
            stack = "".join(traceback.format_stack()[:-1])
            write_report("\n".join(["QunDesk fatal Qt error", *system_summary(),
                                    f"Qt: {redact(message)}", "", stack]))
        elif kind == QtMsgType.QtCriticalMsg:
            log.warning("Qt: %s", redact(message))
        if self._previous_qt_handler is not None:
            self._previous_qt_handler(kind, context, message)
        elif sys.stderr is not None:
            sys.stderr.write(message + "\n")

    @Slot(str, str)
    def _show(self, report: str, path: str) -> None:
        if _handler_state.dialog is not None:
            _handler_state.dialog.add_report(report)
            return
        if QApplication.instance() is None:
            return
        try:
            show_crash_dialog(report, Path(path))
        except Exception:  # the dialog itself failed: the report is already on disk
            log.exception("could not show the error dialog")


_handler: CrashHandler | None = None


class _StorageRelay(QObject):
    """Carries storage problems from any thread to the window's handler (GUI thread)."""

    problem = Signal(object)


_relay: _StorageRelay | None = None


def set_storage_handler(handler: Callable[[object], None] | None) -> None:
    """Who shows storage problems (the main window), or None; call on the GUI thread."""
    global _relay
    if _relay is not None:
        _relay.problem.disconnect()
        _relay.deleteLater()
        _relay = None
    if handler is not None:
        _relay = _StorageRelay()
        _relay.problem.connect(handler)


def storage_problem_of(exc: BaseException) -> DatabaseProblem | FileProblem | None:
    if isinstance(exc, (DatabaseProblem, FileProblem)):
        return exc
    return from_sqlite(exc)


def report_storage_problem(problem: object) -> bool:
    """Hand a storage problem to the window; False when no window listens."""
    relay = _relay
    if relay is None:
        return False
    try:
        relay.problem.emit(problem)
    except RuntimeError:  # the window went away meanwhile
        return False
    return True


def install(fatal_log: bool = True) -> CrashHandler:
    """Install the hooks once for the running QApplication; returns the handler."""
    global _handler
    if _handler is None:
        _handler = CrashHandler(QCoreApplication.instance())
    if not _handler.installed:
        _handler.install(fatal_log)
    return _handler


def uninstall() -> None:
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None


def report_exception(exc: BaseException) -> None:
    """Report an exception the caller caught itself (start-up), synchronously."""
    report = build_report(type(exc), exc, exc.__traceback__, "GUI thread (start-up)")
    path = write_report(report)
    if sys.stderr is not None:
        sys.stderr.write(report)
    show_crash_dialog(report, path)
