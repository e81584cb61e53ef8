"""The database connection: one SQLite file per community workspace.

`database` is a proxy that every peewee model is bound to; `open_database()` points it
at a file after `models.store.inspect` has checked, without changing anything, that the
file is a healthy QunDesk workspace of a schema this build knows. Then:

- a writer (the app, or a command that writes) takes the workspace's lock
  (models.store.lock), upgrades an older file after a backup, and writes;
- a reader (export, print, stats, check) needs no lock and opens read-only;
- a read-only file or folder opens read-only for everyone: reading works, every write
  is refused with the reason.

Before each write transaction `WorkspaceDatabase` checks that the file is still the one
it opened (a deleted folder or a pulled USB drive otherwise "saves" into a deleted file).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import BaseQuery, SqliteDatabase

from models.store import inspect, lock
from models.store.base import BaseModel, database
from models.store.files import FileProblem, new_temp, problem_from
from models.store.problems import (
    DamagedDatabaseError,
    DatabaseProblem,
    NewerSchemaError,
    NotOursError,
    ReadOnlyError,
    StructureError,
    WorkspaceGoneError,
    WriteFailedError,
    from_sqlite,
)

__all__ = ["database", "BaseModel", "open_database", "close_database", "chunks", "tuples",
           "DatabaseProblem", "DamagedDatabaseError", "NewerSchemaError", "NotOursError",
           "ReadOnlyError", "StructureError", "WorkspaceGoneError", "WriteFailedError",
           "WorkspaceDatabase", "current"]

PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,  # NORMAL: safe with WAL, much faster than FULL
    "busy_timeout": 5000,
    "cache_size": -32000,
}
READ_PRAGMAS: dict[str, Any] = {
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32000,
    "query_only": 1,
}

WRITE, READ, APP = "write", "read", "app"  # open_database(access=...)

# How a date and a date-time are written: the text sqlite3's own default adapters write
# (and peewee reads back), registered explicitly as Python 3.12 asks (its defaults are
# deprecated). The date one is date.isoformat itself, called from C: the default is a
# Python function around it, ~0.5 µs per date bound (an import of 10,000 members binds
# 30,000 dates).
sqlite3.register_adapter(dt.date, dt.date.isoformat)
sqlite3.register_adapter(dt.datetime, lambda value: value.isoformat(" "))

# Statements that change the file (connection settings such as mmap_size do not).
_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM|REINDEX"
                     r"|PRAGMA\s+(user_version|application_id|journal_mode|page_size"
                     r"|auto_vacuum)\s*=)", re.I)
_SAVEPOINT_END = re.compile(r"\s*(ROLLBACK\s+TO|RELEASE)\b", re.I)


class WorkspaceDatabase(SqliteDatabase):
    """peewee's SqliteDatabase for one workspace file, guarded for writing."""

    def __init__(self, target: str, *, workspace: Path, read_only: str | None,
                 snapshot: Path | None = None, locked: bool = False, **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        self.workspace = workspace
        self.read_only = read_only  # message code (why) when writes are refused
        self.snapshot = snapshot  # private copy we read from, removed on close
        self.locked = locked  # we hold the workspace's writer lock
        self.identity: os.stat_result | None = None

    def remember_identity(self) -> None:
        self.identity = os.stat(self.workspace)

    def check_writable(self) -> None:
        """Raise before a write that could not be saved where the user expects it."""
        if self.read_only is not None:
            raise ReadOnlyError(self.workspace, self.read_only)
        if self.identity is None:
            return
        try:
            now = os.stat(self.workspace)
        except OSError:
            raise WorkspaceGoneError(self.workspace) from None
        if not inspect.same_file(now, self.identity):
            raise WorkspaceGoneError(self.workspace)

    def begin(self, lock_type: str | None = None) -> None:
        self.check_writable()
        super().begin(lock_type)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if self.transaction_depth() == 0 and _WRITES.match(sql):
            self.check_writable()  # a write outside any transaction
        elif _SAVEPOINT_END.match(sql) and not self.is_closed() \
                and not self.connection().in_transaction:
            return self.cursor()  # SQLite already rolled everything back (disk full)
        return super().execute_sql(sql, params)

    def rollback(self) -> None:
        # After SQLITE_FULL or an I/O error SQLite rolls the transaction back itself; a
        # second ROLLBACK would replace the real error with "no transaction is active".
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()


def current() -> WorkspaceDatabase | None:
    obj = database.obj
    return obj if isinstance(obj, WorkspaceDatabase) else None


def open_database(path: Path, *, access: str = WRITE, holder: str = "qundesk",
                  migrate: bool = True, wait: float | None = None,
                  blank_is_new: bool = False) -> WorkspaceDatabase:
    """Open the workspace at `path` (creating it if it does not exist) and bind every model.

    access=WRITE: a command that writes; a read-only file raises ReadOnlyError.
    access=APP:   the app; a read-only file opens read-only instead.
    access=READ:  a command that only reads; no lock unless an upgrade is due.
    `blank_is_new`: a blank file (0 bytes, no tables) is an interrupted first start in
    our own data folder: it is set aside and a new workspace created.
    """
    from models.store import schema

    path = Path(path)
    state = inspect.examine(path)  # refuses what is not ours before anything is touched
    close_database()  # one workspace per process: let go of the previous one (and its lock)
    if state.blank:
        if not blank_is_new:
            raise NotOursError(path, "why_empty")
        _set_aside_blank(path)
        state = inspect.examine(path)
    if state.new and access == READ:
        raise FileProblem(path, "io_no_such_file")
    writing = access in (WRITE, APP) or (state.version < schema.SCHEMA_VERSION and not state.new)
    if state.read_only is not None:
        if access == WRITE:
            raise ReadOnlyError(path, state.read_only)
        if state.new:
            raise FileProblem(path, "io_no_permission")
        return _open_read_only(path, state)
    if not writing:
        return _open_reader(path)
    lock.acquire(path, holder, wait)
    try:
        db = _open_writer(path, migrate)
    except BaseException:
        lock.release(path)
        raise
    if access == READ:  # the reader's upgrade is done: read on without the lock
        db.close()
        lock.release(path)
        return _open_reader(path)
    return db


def _open_writer(path: Path, migrate: bool) -> WorkspaceDatabase:
    from models.store import blank, schema

    state = inspect.examine(path)  # again, now that nobody else can be changing it
    if state.new:
        _create(path)
    else:
        from models.store import backup

        backup.sweep(path)  # backup temporaries a killed process left behind
    # mode=rw: a connection (a worker's, later) never creates an empty file in place of
    # one that was deleted meanwhile; it fails, and says the file is gone.
    db = WorkspaceDatabase(inspect.uri(path, mode="rw"), workspace=path, read_only=None,
                           locked=True, uri=True, pragmas=PRAGMAS, check_same_thread=False)
    _bind(db)
    try:
        if migrate and not state.new and state.version < schema.SCHEMA_VERSION:
            _upgrade(db, path, state.version)
        db.remember_identity()
        if migrate:
            with db.atomic():
                blank.ensure_defaults()  # the seeders only when the stamp is not current
    except BaseException:
        db.close()
        raise
    return db


_opened = 0  # how many times a workspace was bound: caches of its rows key on this


def opened() -> int:
    """Changes whenever another workspace (or the same one again) is opened, so a cache
    of rows read from the workspace can tell that it must read again."""
    return _opened


def _bind(db: WorkspaceDatabase) -> None:
    global _opened
    _opened += 1
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except Exception as exc:
        problem = from_sqlite(exc, db.workspace)
        if problem is not None:
            raise problem from exc
        raise


def _create(path: Path) -> None:
    """A new workspace, built under a temporary name and linked into place complete, so
    a crash during the first start never leaves a half-made file at `path`: a copy of
    the blank template (models.store.blank) with a UID namespace of its own, or, without
    a usable template, every table made from the models."""
    from models.store import blank, schema, settings

    inspect.ensure_folder(path)
    tmp = new_temp(path, private=True)
    try:
        template = blank.usable_template()
        if template is not None:
            shutil.copyfile(template, tmp)  # into the private temporary: keeps its 0600
        db = SqliteDatabase(str(tmp), pragmas=PRAGMAS)
        database.initialize(db)
        db.connect()
        try:
            if template is None:
                schema.create(db)
            else:
                with db.atomic():
                    settings.ensure_uid_namespace()
        finally:
            db.close()  # checkpoints the WAL into the file and removes it
            database.initialize(None)
        try:
            os.link(tmp, path)  # never replaces a file someone created meanwhile
        except FileExistsError:
            pass  # lost the race: examine() of the caller's next open judges that file
        except OSError:
            if path.exists():
                raise
            os.replace(tmp, path)  # a file system without hard links
    except OSError as exc:
        raise problem_from(exc, path) from exc
    finally:
        for leftover in (tmp, inspect.sidecar(tmp, "-wal"), inspect.sidecar(tmp, "-shm")):
            try:
                leftover.unlink()
            except OSError:
                pass


def _upgrade(db: WorkspaceDatabase, path: Path, version: int) -> None:
    from models.messages import msg
    from models.store import backup, schema

    copy = backup.create(db, path, reason=f"before-migration-v{version}")
    try:
        schema.upgrade(db, version)
    except Exception as exc:
        raise DatabaseProblem(msg("db_upgrade_failed", file=path, version=schema.SCHEMA_VERSION,
                                  detail=exc, backup=copy)) from exc
    inspect.examine(path)  # the upgraded file has exactly the current structure


def _set_aside_blank(path: Path) -> None:
    import datetime as dt

    aside = path.with_name(f"{path.name}.blank-{dt.datetime.now():%Y%m%d-%H%M%S}")
    try:
        path.rename(aside)
    except OSError as exc:
        raise problem_from(exc, path) from exc


def _open_reader(path: Path, why: str = "why_opened_for_reading") -> WorkspaceDatabase:
    target = inspect.reader_target(path)
    if target is None:
        return _open_snapshot(path, why)
    db = WorkspaceDatabase(target, workspace=path, read_only=why, uri=target.startswith("file:"),
                           pragmas=READ_PRAGMAS, check_same_thread=False)
    _bind(db)
    return db


def _open_read_only(path: Path, state: inspect.FileState) -> WorkspaceDatabase:
    """A read-only file or folder: read it where it is when SQLite can; else (a WAL to
    honour that SQLite can't map, or an older schema to upgrade) read a private copy."""
    from models.store import schema

    if state.version == schema.SCHEMA_VERSION:
        return _open_reader(path, state.read_only or "why_opened_for_reading")
    return _open_snapshot(path, state.read_only, upgrade_from=state.version)


def _open_snapshot(path: Path, why: str | None, upgrade_from: int | None = None
                   ) -> WorkspaceDatabase:
    folder = Path(tempfile.mkdtemp(prefix="qundesk-readonly-"))
    try:
        copy = _upgraded_copy(path, folder, upgrade_from)
        db = WorkspaceDatabase(inspect.uri(copy, mode="ro"), workspace=path,
                               read_only=why or "why_opened_for_reading", snapshot=folder,
                               uri=True, pragmas=READ_PRAGMAS, check_same_thread=False)
        _bind(db)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return db


def _upgraded_copy(path: Path, folder: Path, version: int | None) -> Path:
    """A private copy of `path` (with its WAL) in `folder`, upgraded from `version`."""
    from models.store import blank, schema

    copy = inspect.copy_with_wal(path, folder)
    if version is None or version >= schema.SCHEMA_VERSION:
        return copy
    previous = database.obj
    scratch = SqliteDatabase(str(copy), pragmas=PRAGMAS)
    database.initialize(scratch)
    scratch.connect()
    try:
        schema.upgrade(scratch, version)
        with scratch.atomic():
            blank.refresh()
    finally:
        scratch.close()
        database.initialize(previous)
    return copy


def check_upgrade(path: Path, version: int) -> None:
    """Prove that an older file upgrades to exactly the current structure, on a copy."""
    with tempfile.TemporaryDirectory(prefix="qundesk-check-") as folder:
        copy = _upgraded_copy(Path(path), Path(folder), version)
        inspect.examine(copy, inspect.FULL)


def close_database() -> None:
    db = database.obj
    if db is None:
        return
    if not db.is_closed():
        db.close()
    if isinstance(db, WorkspaceDatabase):
        if db.locked:
            db.locked = False
            lock.release(db.workspace)
        if db.snapshot is not None:
            shutil.rmtree(db.snapshot, ignore_errors=True)
            db.snapshot = None


def chunks(items: Iterable[Any], size: int = 500) -> Iterator[list[Any]]:
    """Split an id list so `IN (...)` stays under SQLite's variable limit."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def thread_connection() -> Iterator[None]:
    """A connection of this thread's own for the duration (peewee keeps one per thread):
    a worker thread opens the open workspace's file and closes it when its job ends."""
    database.connect(reuse_if_open=True)
    try:
        yield
    finally:
        if database.obj is not None and not database.is_closed():
            database.close()


def backup_workspace(reason: str = "manual", to: Path | None = None) -> Path:
    """A backup of the open workspace (into its backup folder, or to `to`)."""
    from models.store import backup

    db = _open_workspace()
    return backup.create(db, db.workspace, reason=reason, to=to)


def rolling_backup() -> Path | None:
    """The daily backup of the open workspace, if today's is not taken yet."""
    from models.store import backup

    db = _open_workspace()
    return backup.rolling(db, db.workspace)


def restore_workspace(source: Path) -> Path:
    """Replace the open workspace's data with a backup's; returns the safety copy."""
    from models.store import backup

    db = _open_workspace()
    return backup.restore(db, db.workspace, source)


def _open_workspace() -> WorkspaceDatabase:
    db = current()
    if db is None:
        raise RuntimeError("no workspace is open")
    return db


def tuples(query: BaseQuery) -> Iterator[tuple[Any, ...]]:
    """The rows of `query` as tuples of column values (`query.tuples()`).

    peewee's stubs have `.tuples()` return the query unchanged, which type checkers then
    take to yield model instances; this says what it yields.
    """
    return iter(query.tuples())
