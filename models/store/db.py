"""The database connection: one SQLite file per community workspace.

`database` is a proxy that every peewee model is bound to; `open_database()` points it
at a file after checking that the file is healthy and of a schema this build knows.
A damaged or newer file is refused *before* anything could write to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from peewee import DatabaseProxy, Model, SqliteDatabase

from models.messages import msg
from models.store.paths import make_private

database = DatabaseProxy()

PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,  # NORMAL: safe with WAL, much faster than FULL
    "busy_timeout": 5000,
    "cache_size": -32000,
}


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class DatabaseProblem(Exception):
    """A database file that must not be opened for writing; the message is for users."""


class NewerSchemaError(DatabaseProblem):
    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path, self.found, self.known = path, found, known
        super().__init__(msg("db_newer", path=path, found=found, known=known))


class DamagedDatabaseError(DatabaseProblem):
    def __init__(self, path: Path, detail: str) -> None:
        self.path, self.detail = path, detail
        super().__init__(msg("db_damaged", path=path, detail=detail))


def inspect_file(path: Path, thorough: bool = False, full: bool = False) -> int:
    """Check an existing database file without modifying it; return its schema version.

    Uses an immutable read-only connection, so not even a -wal/-shm file is created.
    The quick check reads the header and the schema (catches files that are not
    databases, or whose start is damaged). `thorough` adds SQLite's quick_check over
    every page: seconds on a large file, so the app runs it in the background; `full`
    is the complete integrity_check the `check` command runs. Raises DamagedDatabaseError.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            if thorough or full:
                verify(con, path, full)
            return int(con.execute("PRAGMA user_version").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, str(exc)) from exc


def verify(con: sqlite3.Connection, path: Path, full: bool = False) -> None:
    """SQLite's quick_check over every page (`full`: integrity_check, which also
    compares every index with its table); raises DamagedDatabaseError."""
    try:
        result = con.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, str(exc)) from exc
    if result != "ok":
        raise DamagedDatabaseError(path, str(result))


def open_database(path: Path, *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the workspace at `path` and bind all models to it."""
    from models.store import schema  # late: schema imports every domain module

    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        version = inspect_file(path)
        if version > schema.SCHEMA_VERSION:
            raise NewerSchemaError(path, version, schema.SCHEMA_VERSION)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    make_private(path)
    if migrate:
        schema.migrate(db, path)
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def worker_connection(path: Path) -> SqliteDatabase:
    """A separate connection for a worker thread (peewee: one connection per thread)."""
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect()
    return db


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
