"""Run long domain work off the GUI thread, behind a progress dialog with Cancel.

The work function gets `progress(done, total)` and `cancelled() -> bool`; models/ code
checks `cancelled()` between chunks and raises Cancelled, rolling its transaction back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.progress import Cancelled
from models.store.db import current, thread_connection
from models.store.problems import DamagedDatabaseError, WorkspaceGoneError, from_sqlite
from ui import crash

R = TypeVar("R")
# work(progress(done, total), cancelled()) -> its result
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], R]


def current_path() -> Path | None:
    db = current()
    return db.workspace if db is not None else None


def _same_path(a: Path | None, b: Path | None) -> bool:
    """Whether a problem is about the open workspace (not a file being looked at)."""
    try:
        return a is not None and b is not None and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Work[object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            # peewee keeps one connection per thread: this worker opens and closes its own.
            with thread_connection():
                result = self.work(self._progress, self.stop.is_set)
        except Cancelled:
            self._send(self.signals.cancelled)
        except Exception as exc:  # handed to the GUI thread, shown there
            # SQLite's English (disk full, file gone) becomes the user's words.
            problem = from_sqlite(exc, current_path())
            self._send(self.signals.failed, problem if problem is not None else exc)
            if isinstance(problem, (WorkspaceGoneError, DamagedDatabaseError)) \
                    and _same_path(problem.path, current_path()):
                crash.report_storage_problem(problem)  # the window says it once, plainly
        else:
            self._send(self.signals.finished, result)

    def _progress(self, done: int, total: int) -> None:
        self._send(self.signals.progress, done, total)

    def _send(self, signal: SignalInstance, *args: object) -> None:
        # The window that started the job may have closed meanwhile: nobody to tell.
        try:
            signal.emit(*args)
        except RuntimeError:
            self.stop.set()


class Task(QObject):
    """One background job with its progress dialog; keep a reference until it ends."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, title: str, work: Work[object],
                 show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._job = _Job(work)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self._job.stop.set)
        sig = self._job.signals
        sig.progress.connect(self._on_progress)
        sig.finished.connect(self._on_finished)
        sig.failed.connect(self._on_failed)
        sig.cancelled.connect(self._on_cancelled)

    def start(self) -> Task:
        self._job.setAutoDelete(False)
        QThreadPool.globalInstance().start(self._job)
        return self

    def cancel(self) -> None:
        self._job.stop.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1) - 1) if done < total else done)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._close()
        self.succeeded.emit(result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._close()
        self.failed.emit(exc)

    @Slot()
    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()
