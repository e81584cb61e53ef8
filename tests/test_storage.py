"""Storage safety: schema version, newer/damaged files refused untouched, backups, restore."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from models.members.cards import Member, save_member
from models.store import backup, inspect, schema
from models.store.db import (
    DamagedDatabaseError,
    NewerSchemaError,
    NotOursError,
    close_database,
    open_database,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_current_version_wal_and_foreign_keys(db, db_path):
    assert db.pragma("user_version") == schema.SCHEMA_VERSION
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("foreign_keys") == 1
    assert "member" in db.get_tables()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_database_file_is_private(db, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_newer_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE x(a)")
    con.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
    con.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError):
        open_database(path)
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_damaged_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = digest(path)
    with pytest.raises(DamagedDatabaseError):
        open_database(path)
    assert digest(path) == before


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("hello, this is not sqlite" * 100)
    with pytest.raises(NotOursError):
        inspect.examine(path)


def test_backup_restore_round_trip(db, db_path):
    save_member({"name": "张三"})
    copy = backup.create(db, db_path, reason="test")
    save_member({"name": "李四"})
    assert Member.select().count() == 2
    safety = backup.restore(db, db_path, copy)
    assert [m.name for m in Member.select()] == ["张三"]
    assert safety.exists() and safety != copy
    assert backup.latest_good(db_path) is not None


def test_rolling_backup_once_a_day_and_prunes_old(db, db_path):
    import datetime as dt

    first = backup.rolling(db, db_path)
    assert first is not None and first.exists()
    assert backup.rolling(db, db_path) is None  # already one today
    folder = first.parent
    for day in range(30, 40):  # ten stale startup backups
        stamp = (dt.datetime.now() - dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (folder / f"{db_path.stem}-{stamp}-startup.sqlite3").write_bytes(first.read_bytes())
    backup.rolling(db, db_path)
    remaining = backup.list_backups(db_path)
    assert len(remaining) == backup.KEEP_AT_LEAST


def test_recover_from_backup_keeps_the_damaged_file(db, db_path):
    save_member({"name": "王五"})
    good = backup.create(db, db_path, reason="good")
    close_database()
    db_path.write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    aside = backup.recover_from(good, db_path)
    assert aside.read_bytes() == b"garbage" * 1000
    open_database(db_path)
    assert Member.get().name == "王五"


def test_backups_describe_when_and_why_they_were_taken(db, db_path):
    import datetime as dt

    from models.store import backup

    made = backup.create(db, db_path, reason="before-import")
    info = backup.describe(made)
    assert info.reason == "before-import" and info.size == made.stat().st_size
    assert info.taken is not None and abs(info.taken - dt.datetime.now()) < dt.timedelta(minutes=1)
    assert backup.describe(made.with_name("qundesk-20260102-030405-before-migration-v2-1.sqlite3")
                           ).reason == "before-migration"
    assert backup.describe(made.with_name("odd.sqlite3")).taken is None
    assert backup.list_backups(db_path)[0] == made
