"""After start-up, off the GUI thread: a check of every page, then the daily backup.

The check reads every page (seconds on a large file), so it does not delay the window.
Only a healthy file is backed up: a damaged one must not push good backups out of
the rolling window. A read-only workspace is checked but not backed up (it can't change).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from models.store import inspect
from models.store.db import rolling_backup, thread_connection
from models.store.problems import DamagedDatabaseError

log = logging.getLogger(__name__)


class StartupCheck(QObject):
    damaged = Signal(str)  # what SQLite reported
    finished = Signal()

    def __init__(self, db_path: Path, backup_after: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.backup_after = backup_after

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Job(self))


class _Job(QRunnable):
    def __init__(self, owner: StartupCheck) -> None:
        super().__init__()
        self.owner = owner
        self.db_path = owner.db_path
        self.backup_after = owner.backup_after

    def run(self) -> None:
        try:
            inspect.examine(self.db_path, inspect.PAGES)  # reads the WAL too, changes nothing
            if self.backup_after:
                with thread_connection():
                    rolling_backup()
        except DamagedDatabaseError as exc:
            self._send(self.owner.damaged, exc.detail)
        except Exception:  # a failed backup must never stop the app; next start retries
            log.exception("start-up check or backup failed")
        self._send(self.owner.finished)

    @staticmethod
    def _send(signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed meanwhile
            pass
