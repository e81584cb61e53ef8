"""Where QunDesk keeps its files: the user's data folder, never the program folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "QunDesk"
DB_FILENAME = "qundesk.sqlite3"


def data_dir() -> Path:
    """The user's data folder; QUNDESK_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("QUNDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    _owner_only(path, 0o700)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    _owner_only(path, 0o700)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _owner_only(path: Path, mode: int) -> None:
    # Member data is personal data: keep it readable by the user only (no-op on Windows).
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def make_private(path: Path) -> None:
    """Restrict a data file (database, backup, export) to its owner."""
    _owner_only(path, 0o600)


def resources_dir() -> Path:
    """resources/ beside the source, or inside a PyInstaller bundle (sys._MEIPASS)."""
    import sys

    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[2]
    return root / "resources"
