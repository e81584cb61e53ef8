"""Where QunDesk keeps its files: the user's data folder, never the program folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "QunDesk"
DB_FILENAME = "qundesk.sqlite3"


def data_dir() -> Path:
    """The user's data folder; QUNDESK_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("QUNDESK_DATA_DIR")
    if override:
        return private_folder(Path(override))
    import platformdirs  # here: a command given its workspace (--db) never needs it

    return private_folder(Path(platformdirs.user_data_dir(APP_NAME, False)))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def log_dir() -> Path:
    return private_folder(data_dir() / "logs")


def private_folder(path: Path) -> Path:
    """A folder for member data, created readable by the user only (0700; a no-op on
    Windows). An existing folder keeps the mode its owner gave it."""
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """resources/ beside the source, or inside a PyInstaller bundle (sys._MEIPASS)."""
    import sys

    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[2]
    return root / "resources"
