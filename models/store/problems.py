"""Why a workspace can't be opened or written, in the user's words.

Every exception here is a `DatabaseProblem`: the CLI prints it and exits 1, the app shows
it in a message box. `from_sqlite()` turns SQLite's own errors (disk full, read-only,
I/O error, ...) into one of these, so no caller has to parse SQLite's English.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from models.messages import msg


class DatabaseProblem(Exception):
    """A workspace that must not be opened for writing, or a write that failed; the
    message is for users."""


class NewerSchemaError(DatabaseProblem):
    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path, self.found, self.known = path, found, known
        super().__init__(msg("db_newer", path=path, found=found, known=known))


class DamagedDatabaseError(DatabaseProblem):
    def __init__(self, path: Path, detail: str) -> None:
        self.path, self.detail = path, detail
        super().__init__(msg("db_damaged", path=path, detail=detail))


class NotOursError(DatabaseProblem):
    """An existing file that is not a QunDesk workspace: never written, never chmodded."""

    def __init__(self, path: Path, why: str) -> None:
        self.path, self.why = path, why
        super().__init__(msg("db_not_ours", file=path, why=msg(why)))


class StructureError(DatabaseProblem):
    """Ours by its marks, but tables, columns or indexes are missing, or someone added
    triggers or views that would run on every change."""

    def __init__(self, path: Path, details: list[str]) -> None:
        self.path, self.details = path, details
        shown = "; ".join(details[:6]) + ("; …" if len(details) > 6 else "")
        super().__init__(msg("db_structure", file=path, detail=shown))


class LockedError(DatabaseProblem):
    """Another writer (a window or a command) holds the workspace."""

    def __init__(self, path: Path, holder: str) -> None:
        self.path, self.holder = path, holder
        super().__init__(msg("db_locked", file=path, holder=holder))


class ReadOnlyError(DatabaseProblem):
    """A write was attempted on a workspace opened read-only."""

    def __init__(self, path: Path, why: str) -> None:
        self.path, self.why = path, why
        super().__init__(msg("db_read_only", file=path, why=msg(why)))


class WorkspaceGoneError(DatabaseProblem):
    """The database file (or its folder) disappeared while the workspace was open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg("db_gone", file=path))


class WriteFailedError(DatabaseProblem):
    """SQLite could not write (disk full, I/O error); the transaction was rolled back."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        super().__init__(msg(code, **params))


def from_sqlite(exc: BaseException, path: Path | None = None) -> DatabaseProblem | None:
    """The DatabaseProblem an sqlite3/peewee error stands for, or None if it is a bug."""
    if isinstance(exc, DatabaseProblem):
        return exc
    cause = exc
    # peewee re-raises sqlite3's errors as its own classes of the same names
    if not isinstance(exc, sqlite3.Error):
        inner = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
        if isinstance(inner, sqlite3.Error):
            cause = inner
        elif type(exc).__module__ != "peewee":
            return None
    text = str(cause).lower()
    name = getattr(cause, "sqlite_errorname", "") or ""
    where = path or Path("?")
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return WriteFailedError("db_full")
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReadOnlyError(where, "why_file_read_only")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text or "not a database" in text:
        return DamagedDatabaseError(where, str(cause))
    if name.startswith("SQLITE_BUSY") or "database is locked" in text:
        return WriteFailedError("db_busy")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        # In WAL mode a full disk reaches us as an I/O error: look at the disk itself.
        if path is not None and _nearly_full(path):
            return WriteFailedError("db_full")
        return WriteFailedError("db_io_error", detail=str(cause))
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return WorkspaceGoneError(where)
    return None


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False
