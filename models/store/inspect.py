"""Look at a file before opening it for writing, without changing it.

`examine()` answers: is this a new path, a QunDesk workspace (and of which schema), or
something else; is it healthy; may we write to it. It never writes, never chmods and
never runs SQLite's WAL recovery on the file itself:

- a file marked as ours with a `-wal` beside it is read through SQLite's read-only
  mode, which honours the WAL like any reader (committed work that a crash left in
  the WAL is seen) and takes part in its locking;
- one without a `-wal` (nobody has it open) is read as immutable, which creates no
  file, and the result counts only if the file is unchanged afterwards;
- where SQLite can't open it read-only (a read-only folder), and for anything not
  marked as ours (another program's file, or one from before schema 2), a private copy
  of the file and its WAL is read.

`immutable=1` is never used while a `-wal` exists: SQLite would ignore it and read a
half-checkpointed file, calling a healthy database damaged after a crash.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from models.store import blank, schema
from models.store.files import FileProblem, is_writable, problem_from
from models.store.problems import (
    DamagedDatabaseError,
    NewerSchemaError,
    NotOursError,
    StructureError,
    from_sqlite,
)

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

QUICK, PAGES, FULL = "quick", "pages", "full"  # how deep examine() looks


@dataclass(frozen=True)
class FileState:
    path: Path
    new: bool  # nothing there yet: a workspace will be created
    version: int = 0  # PRAGMA user_version as the file (with its WAL) says
    read_only: str | None = None  # message code: why we may not write, or None
    blank: bool = False  # exists but holds nothing (0 bytes, or SQLite with no tables)
    notes: tuple[str, ...] = ()  # harmless additions (a table or an index of the user's)


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def write_block(path: Path) -> str | None:
    """Why this (existing or new) database can't be written, as a message code."""
    folder = path.parent
    try:
        if path.exists() and not is_writable(path):
            return "why_file_read_only"
        if folder.exists() and not is_writable(folder):
            return "why_folder_read_only"
    except OSError:
        return "why_folder_read_only"
    return None


def read_header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(HEADER_SIZE)


def valid_header(header: bytes) -> bool:
    """The fixed parts of SQLite's header: a power-of-two page size and the payload
    fractions every SQLite file has. Garbage after the magic string is damage, not
    another program's database."""
    size = int.from_bytes(header[16:18], "big")
    size = 65536 if size == 1 else size
    return 512 <= size <= 65536 and size & (size - 1) == 0 and header[21:24] == b"\x40\x20\x20"


def header_marks(header: bytes) -> tuple[int, int]:
    """(application_id, user_version) as the main file's header holds them."""
    return int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big")


def examine(path: Path, depth: str = QUICK) -> FileState:
    """What `path` is; raises NotOursError, DamagedDatabaseError, NewerSchemaError,
    StructureError, or FileProblem (a path that can't even be looked at)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return FileState(path, new=True, read_only=write_block(path))
    except OSError as exc:
        raise problem_from(exc, path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(path, "io_is_folder")
    if not stat.S_ISREG(info.st_mode):
        raise NotOursError(path, "why_not_regular")
    block = write_block(path)
    if info.st_size == 0:
        if sidecar(path, "-wal").exists():
            # A 0-byte file whose first transaction sits in the WAL: only a real reader
            # can tell, and only through a copy.
            return _examine_open(path, depth, trusted=False, read_only=block)
        return FileState(path, new=False, read_only=block, blank=True)
    try:
        header = read_header(path)
    except OSError as exc:
        raise problem_from(exc, path) from exc
    if not header.startswith(MAGIC):
        raise NotOursError(path, "why_not_sqlite")
    if len(header) < HEADER_SIZE or not valid_header(header):
        raise DamagedDatabaseError(path, "invalid header")
    app_id, _ = header_marks(header)
    if app_id not in (0, schema.APPLICATION_ID):
        raise NotOursError(path, "why_other_app")
    return _examine_open(path, depth, trusted=app_id == schema.APPLICATION_ID, read_only=block)


def _examine_open(path: Path, depth: str, trusted: bool, read_only: str | None) -> FileState:
    try:
        return read_with(path, trusted, lambda con: _judge(path, con, depth, read_only))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):  # the disk, not the file: full, unplugged, no permission
            problem = from_sqlite(exc, path)
            if problem is not None:
                raise problem from exc
        raise DamagedDatabaseError(path, str(exc)) from exc


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return (name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text
            or "not a database" in text or not isinstance(exc, sqlite3.OperationalError))


def _judge(path: Path, con: sqlite3.Connection, depth: str, read_only: str | None) -> FileState:
    tables = {row[0] for row in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
    version = int(con.execute("PRAGMA user_version").fetchone()[0])
    if app_id != schema.APPLICATION_ID:
        if app_id != 0:
            raise NotOursError(path, "why_other_app")
        if not tables and version == 0:
            return FileState(path, new=False, read_only=read_only, blank=True)
        if version != 1 or not schema.SCHEMA_1_TABLES <= tables:
            raise NotOursError(path, "why_tables")
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(path, version, schema.SCHEMA_VERSION)
    notes: tuple[str, ...] = ()
    if version == schema.SCHEMA_VERSION:
        report = schema.compare(schema.read_structure(con), blank.expected_structure())
        if not report.ok:
            raise StructureError(path, report.problems + [
                f"{item} (not made by QunDesk)" for item in report.foreign])
        notes = tuple(report.extra)
    if depth in (PAGES, FULL):
        verify(con, path, full=depth == FULL)
    return FileState(path, new=False, version=version, read_only=read_only, notes=notes)


def verify(con: sqlite3.Connection, path: Path, full: bool = False) -> None:
    """SQLite's quick_check over every page (`full`: integrity_check, which also compares
    every index with its table, and the foreign key check); raises DamagedDatabaseError."""
    try:
        result = con.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}").fetchone()[0]
        if result == "ok" and full:
            broken = con.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                result = f"{len(broken)} broken references in {', '.join(tables)}"
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, str(exc)) from exc
    if result != "ok":
        raise DamagedDatabaseError(path, str(result))


# ------------------------------------------------------------------ read-only access
T = TypeVar("T")


def uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{path.resolve().as_uri()}?{query}"


def _probe(con: sqlite3.Connection) -> None:
    con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What changes when anyone writes the main file (or starts a WAL beside it)."""
    if sidecar(path, "-wal").exists():
        return None
    info = path.stat()
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def read_with(path: Path, trusted: bool, work: Callable[[sqlite3.Connection], T]) -> T:
    """Run `work` on a read-only connection to `path` that sees every committed
    transaction and creates no file.

    No -wal beside the file means no connection has it open: the file is read as
    immutable (nothing created, no locks), and the result counts only if the file is
    still unchanged and WAL-less afterwards. Otherwise SQLite's own read-only mode
    reads it with the WAL (touching only the existing -shm index); where even that is
    impossible (a read-only folder), or for a file not marked as ours, a private copy of
    the file and its WAL is read instead.
    """
    if trusted:
        before = _stamp(path)
        if before is not None:
            try:
                result = _run(uri(path, mode="ro", immutable="1"), work)
            except sqlite3.OperationalError as exc:
                if _stamp(path) == before and not _cannot_open_read_only(exc):
                    raise  # a real finding, not a read torn by a writer
            except Exception:
                if _stamp(path) == before:
                    raise
            else:
                if _stamp(path) == before:
                    return result
        try:
            return _run(uri(path, mode="ro"), work)
        except sqlite3.OperationalError as exc:
            if not _cannot_open_read_only(exc):
                raise
    with tempfile.TemporaryDirectory(prefix="qundesk-inspect-") as folder:
        copy = copy_with_wal(path, Path(folder))
        return _run(uri(copy, mode="ro"), work)


def _run(target: str, work: Callable[[sqlite3.Connection], T]) -> T:
    con = sqlite3.connect(target, uri=True)
    try:
        return work(con)
    finally:
        con.close()


def _cannot_open_read_only(exc: sqlite3.OperationalError) -> bool:
    """SQLite can't read the file where it is (a read-only folder, a full disk for its
    -shm index, an I/O error): a private copy elsewhere still can."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return (name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR",
                             "SQLITE_FULL"))
            or "unable to open" in text or "readonly" in text or "disk i/o error" in text
            or "disk is full" in text)


def reader_target(path: Path) -> str | None:
    """How a long-lived read-only connection should open a file of ours: a plain path
    (a writable file: an ordinary connection, made query-only, that cleans up after
    itself), a URI (a read-only file), or None when only a private copy will do."""
    if is_writable(path) and is_writable(path.parent):
        try:  # an ordinary connection needs room for its -wal and -shm files
            con = sqlite3.connect(uri(path, mode="rw"), uri=True)
            try:
                _probe(con)
            finally:
                con.close()
        except sqlite3.OperationalError as exc:
            if not _cannot_open_read_only(exc):
                raise
            return None
        return uri(path, mode="rw")
    if sidecar(path, "-wal").exists():
        target = uri(path, mode="ro")
        try:
            _run(target, _probe)
        except sqlite3.OperationalError as exc:
            if not _cannot_open_read_only(exc):
                raise
            return None
        return target
    return uri(path, mode="ro", immutable="1")  # nobody can be writing a read-only file


def copy_with_wal(path: Path, folder: Path) -> Path:
    """A private copy of the database and its WAL (not the -shm: SQLite rebuilds it)."""
    copy = folder / "workspace.sqlite3"
    try:
        shutil.copyfile(path, copy)
        wal = sidecar(path, "-wal")
        if wal.exists():
            shutil.copyfile(wal, sidecar(copy, "-wal"))
    except OSError as exc:
        raise problem_from(exc, folder) from exc
    # Opening the copy normally replays its WAL into it (the copy is ours to change).
    con = sqlite3.connect(copy)
    try:
        _probe(con)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return copy


def ensure_folder(path: Path) -> None:
    """The folder for a new workspace (created, private); FileProblem if impossible."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise problem_from(exc, path.parent) from exc
    if not path.parent.is_dir():
        raise FileProblem(path, "io_no_folder")


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
