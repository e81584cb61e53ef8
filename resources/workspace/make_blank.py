"""Write resources/workspace/blank.sqlite3, the blank workspace a new file is copied from.

    .venv/bin/python resources/workspace/make_blank.py

Run it after any change to a table, an index, a trigger or a default row (a seeder in
schema.NEW_DEFAULTS / ALWAYS_DEFAULTS, a built-in template): tests/test_store_blank.py
fails until the file matches what the code makes. The file is what `schema.create`
makes from the models, without the per-workspace calendar UID namespace, with the
defaults stamp (models.store.blank.fingerprint of the rest) in its setting table;
VACUUMed and in rollback-journal mode, so it reads as immutable and copies as one file.
The same code gives the same file, byte for byte.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("blank.sqlite3")


def build(target: Path) -> None:
    """What `schema.create` makes, in `target` (a new file), without the UID namespace."""
    from peewee import SqliteDatabase

    from models.store import schema, settings
    from models.store.base import database

    previous = database.obj
    db = SqliteDatabase(str(target), pragmas={"journal_mode": "delete", "foreign_keys": 1})
    database.initialize(db)
    db.connect()
    try:
        schema.create(db)
        settings.Setting.delete().where(settings.Setting.key == settings.UID_NAMESPACE).execute()
    finally:
        db.close()
        database.initialize(previous)


def stamp(target: Path) -> str:
    """Write the fingerprint of `target` into it as its stamp; VACUUM; return the stamp."""
    from models.store import blank

    con = sqlite3.connect(target, isolation_level=None)
    try:
        value = blank.fingerprint(con)
        con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                    (blank.STAMP_KEY, f'"{value}"'))
        con.execute("VACUUM")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    return value


def write(out: Path = OUT) -> tuple[Path, str]:
    tmp = out.with_name(out.name + ".tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        leftover.unlink(missing_ok=True)
    build(tmp)
    value = stamp(tmp)
    os.replace(tmp, out)
    return out, value


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    path, value = write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"{path}: {path.stat().st_size / 1e3:.0f} kB, stamp {value}")
