"""Backups with SQLite's online backup API: rolling on start-up, and before risky work.

Backups live in `backups/` beside the database. Each is written to a 0600 temporary
and renamed into place complete (models.store.files), so a kill or a full disk never
leaves a half backup under a real name; temporaries a killed process left behind are
swept at start-up.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from models.store import inspect, paths
from models.store.files import FileProblem, glob_escape, replace_atomically, sweep_folder
from models.store.problems import DatabaseProblem, NewerSchemaError, NotOursError

KEEP_DAYS = 14
KEEP_AT_LEAST = 5
_STAMP = "%Y%m%d-%H%M%S"


def backup_folder(db_path: Path) -> Path:
    """Where this database's backups go: `backups/` in the data folder for a database
    there, `<name>.backups/` beside a database anywhere else (a folder of the user's that
    happens to be called "backups" is never taken over)."""
    db_path = Path(db_path)
    try:
        ours = db_path.parent.resolve() == paths.data_dir().resolve()
    except OSError:
        ours = False
    return db_path.parent / ("backups" if ours else f"{db_path.stem}.backups")


def folder_for(db_path: Path) -> Path:
    """The backup folder, created (0700) if needed."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _name(db_path: Path, reason: str, stamp: str, n: int = 0) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", reason)[:40]
    return f"{Path(db_path).stem}-{stamp}-{safe}{f'-{n}' if n else ''}.sqlite3"


def create(db: SqliteDatabase, db_path: Path, reason: str = "manual",
           to: Path | None = None) -> Path:
    """Copy the live database consistently (even while in use) to a backup file.

    `to`: a file to write (replaced only if it is itself a QunDesk database), or a folder
    to put a backup into. Raises FileProblem with the user's words when it can't be written.
    """
    stamp = dt.datetime.now().strftime(_STAMP)
    if to is not None and Path(to).is_dir():
        folder, target = Path(to), None
    elif to is not None:
        folder, target = Path(to).parent, Path(to)
        _refuse_foreign_target(target)
    else:
        try:
            folder, target = folder_for(db_path), None
        except OSError as exc:
            raise FileProblem(Path(db_path).parent / "backups", "io_no_permission") from exc
    if target is None:
        n = 0
        target = folder / _name(db_path, reason, stamp)
        while target.exists():
            n += 1
            target = folder / _name(db_path, reason, stamp, n)
    with replace_atomically(target, private=True, database=True) as tmp:
        dest = sqlite3.connect(tmp)
        try:
            dest.execute("PRAGMA journal_mode = OFF")  # a temporary: no journal beside it
            db.connection().backup(dest)
        except sqlite3.Error as exc:
            full = "full" in str(exc).lower()
            raise FileProblem(target, "io_no_space") if full else FileProblem(
                target, "io_failed", detail=str(exc)) from exc
        finally:
            dest.close()
    return target


def _refuse_foreign_target(target: Path) -> None:
    if not target.exists():
        return
    try:
        inspect.examine(target)
    except (NotOursError, FileProblem):
        raise FileProblem(target, "backup_target_exists") from None
    except DatabaseProblem:
        pass  # damaged or newer, but a QunDesk backup: replacing it is what was asked


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first (beside it; older releases kept those of
    every database in the data folder's backups/)."""
    stem = Path(db_path).stem
    found: dict[Path, Path] = {}
    for folder in (backup_folder(db_path), paths.data_dir() / "backups"):
        try:
            for candidate in folder.glob(f"{glob_escape(stem)}-*.sqlite3"):
                found.setdefault(candidate.resolve(), candidate)
        except OSError:
            continue
    return sorted(found.values(), key=lambda p: p.name, reverse=True)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: dt.datetime | None  # from the name the backup was given
    reason: str  # startup, manual, before-import, before-restore, before-migration, ...
    size: int  # bytes


_NAMED = re.compile(r"-(\d{8}-\d{6})-([A-Za-z0-9_-]+?)(?:-\d+)?\.sqlite3$")


def describe(path: Path) -> BackupInfo:
    """When and why a backup was taken, read from its name (and its size)."""
    found = _NAMED.search(path.name)
    taken = reason = None
    if found:
        try:
            taken = dt.datetime.strptime(found.group(1), _STAMP)
        except ValueError:
            taken = None
        reason = found.group(2)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    reason = reason or ""
    if reason.startswith("before-migration"):
        reason = "before-migration"
    return BackupInfo(path, taken, reason, size)


def latest_good(db_path: Path) -> Path | None:
    for candidate in list_backups(db_path):
        try:
            inspect.examine(candidate, inspect.PAGES)
        except (DatabaseProblem, FileProblem):
            continue
        return candidate
    return None


def sweep(db_path: Path) -> int:
    """Remove backup temporaries a killed process left behind; returns how many."""
    return sweep_folder(backup_folder(db_path))


def rolling(db: SqliteDatabase, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """The start-up backup: at most one a day; prune those older than KEEP_DAYS."""
    now = now or dt.datetime.now()
    sweep(db_path)
    existing = list_backups(db_path)
    today = now.strftime("%Y%m%d")
    made = None
    if not any(f"-{today}-" in p.name and p.name.endswith("-startup.sqlite3") for p in existing):
        made = create(db, db_path, reason="startup")
        existing = list_backups(db_path)
    cutoff = (now - dt.timedelta(days=KEEP_DAYS)).strftime(_STAMP)
    for old in existing[KEEP_AT_LEAST:]:
        stamp = old.name[len(Path(db_path).stem) + 1:][:15]
        if stamp < cutoff:
            old.unlink(missing_ok=True)
    return made


def restore(db: SqliteDatabase, db_path: Path, source: Path) -> Path:
    """Replace the live database's content with a backup; returns the safety copy made first.

    The backup is checked before anything is touched; the current content is itself
    backed up, so a restore can be undone by restoring that copy. The content arrives
    in one transaction; an older backup is then upgraded like any older file.
    """
    from models.store import schema

    source = Path(source)
    header = inspect.read_header(source) if source.is_file() else b""
    state = inspect.examine(source, inspect.PAGES)
    if state.blank or state.new:
        raise NotOursError(source, "why_empty")
    safety = create(db, db_path, reason="before-restore")
    trusted = inspect.header_marks(header)[0] == schema.APPLICATION_ID
    inspect.read_with(source, trusted, lambda con: con.backup(db.connection()))
    version = int(db.pragma("user_version"))
    if version > schema.SCHEMA_VERSION:  # examine() refused it: cannot happen
        raise NewerSchemaError(source, version, schema.SCHEMA_VERSION)
    if version < schema.SCHEMA_VERSION:
        schema.upgrade(db, version)
    return safety


def set_aside_damaged(db_path: Path) -> Path:
    """Move a damaged file out of the way (renamed, bytes untouched) so a backup can go in."""
    stamp = dt.datetime.now().strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    db_path.rename(aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    return aside


def recover_from(backup_path: Path, db_path: Path) -> Path:
    """Put a good backup in place of a damaged database; returns where the damaged file went."""
    aside = set_aside_damaged(db_path)
    with replace_atomically(db_path, private=True, database=True) as tmp:
        shutil.copyfile(backup_path, tmp)
    return aside
