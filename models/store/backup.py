"""Backups with SQLite's online backup API: rolling on start-up, and before risky work."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from models.store import paths
from models.store.db import DamagedDatabaseError, NewerSchemaError, inspect_file

KEEP_DAYS = 14
KEEP_AT_LEAST = 5
_STAMP = "%Y%m%d-%H%M%S"


def _folder(db_path: Path) -> Path:
    return paths.backup_dir()


def create(db: SqliteDatabase, db_path: Path, reason: str = "manual",
           to: Path | None = None) -> Path:
    """Copy the live database consistently (even while in use) to a backup file."""
    stamp = dt.datetime.now().strftime(_STAMP)
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", reason)[:40]
    target = Path(to) if to else _folder(db_path) / f"{Path(db_path).stem}-{stamp}-{safe}.sqlite3"
    n = 1
    while target.exists() and to is None:
        target = target.with_name(f"{Path(db_path).stem}-{stamp}-{safe}-{n}.sqlite3")
        n += 1
    tmp = target.with_name(target.name + ".part")
    dest = sqlite3.connect(tmp)
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    tmp.replace(target)  # never leave a half-written backup under the real name
    paths.make_private(target)
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = _folder(db_path)
    return sorted(folder.glob(f"{Path(db_path).stem}-*.sqlite3"), reverse=True)


def latest_good(db_path: Path) -> Path | None:
    for candidate in list_backups(db_path):
        try:
            inspect_file(candidate, thorough=True)
        except (DamagedDatabaseError, NewerSchemaError):
            continue
        return candidate
    return None


def rolling(db: SqliteDatabase, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """The start-up backup: at most one a day; prune those older than KEEP_DAYS."""
    now = now or dt.datetime.now()
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
    backed up, so a restore can be undone by restoring that copy.
    """
    from models.store.schema import SCHEMA_VERSION

    source = Path(source)
    version = inspect_file(source, thorough=True)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(source, version, SCHEMA_VERSION)
    safety = create(db, db_path, reason="before-restore")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        src.backup(db.connection())
    finally:
        src.close()
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
    shutil.copyfile(backup_path, db_path)
    paths.make_private(db_path)
    return aside
