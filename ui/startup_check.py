"""After start-up, off the GUI thread: a full integrity check, then the daily backup.

The check reads every page (seconds on a large file), so it does not delay the window.
Only a healthy file is backed up: a damaged one must not push good backups out of
the rolling window.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models.store import backup
from models.store.db import DamagedDatabaseError, database, verify

log = logging.getLogger(__name__)


class StartupCheck(QObject):
    damaged = Signal(str)  # what SQLite reported
    finished = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Job(self))


class _Job(QRunnable):
    def __init__(self, owner: StartupCheck) -> None:
        super().__init__()
        self.owner = owner
        self.db_path = owner.db_path

    def run(self) -> None:
        try:
            con = sqlite3.connect(f"{self.db_path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                verify(con, self.db_path)
            finally:
                con.close()
            database.connect(reuse_if_open=True)
            try:
                backup.rolling(database.obj, self.db_path)
            finally:
                database.close()
        except DamagedDatabaseError as exc:
            self._send(self.owner.damaged, exc.detail)
        except Exception:  # a failed backup must never stop the app; next start retries
            log.exception("start-up backup failed")
        self._send(self.owner.finished)

    @staticmethod
    def _send(signal: Signal, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed meanwhile
            pass
