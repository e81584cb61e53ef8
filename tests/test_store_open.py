"""Opening files: only our own are ever written or chmodded; the WAL is always honoured;
read-only files open read-only; one writer at a time."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.members.cards import Member, save_member
from models.store import inspect, lock, schema
from models.store.db import (
    APP,
    READ,
    DamagedDatabaseError,
    NotOursError,
    ReadOnlyError,
    StructureError,
    close_database,
    current,
    open_database,
)
from models.store.problems import LockedError
from tests.store_helpers import ROOT, fingerprint, held_elsewhere

WRITING = [["demo", "--members", "3"], ["stats"], ["backup"], ["check"],
           ["export-roster", "out.xlsx"], ["export-calendar", "out.ics"],
           ["undo-import"], ["restore", "in.sqlite3"]]


def cli(*args: str) -> int:
    return main.main([str(a) for a in args])


def foreign_sqlite(path: Path, app_id: int = 0) -> Path:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes(text) VALUES ('someone else''s data')")
    if app_id:
        con.execute(f"PRAGMA application_id={app_id}")
    con.commit()
    con.close()
    path.chmod(0o644)
    return path


def hostile_files(folder: Path) -> dict[str, Path]:
    """Files that are not QunDesk workspaces, each alone in its own folder."""
    made: dict[str, Path] = {}
    for name in ("other_app", "other_app_id", "empty", "text", "version0", "garbage"):
        (folder / name).mkdir()
    made["other_app"] = foreign_sqlite(folder / "other_app" / "x.sqlite3")
    made["other_app_id"] = foreign_sqlite(folder / "other_app_id" / "x.sqlite3", 0x47504B47)
    made["empty"] = folder / "empty" / "x.sqlite3"
    made["empty"].write_bytes(b"")
    made["text"] = folder / "text" / "x.sqlite3"
    made["text"].write_text("姓名,手机号\n张三,13800138000\n", encoding="utf-8")
    made["version0"] = foreign_sqlite(folder / "version0" / "x.sqlite3")
    con = sqlite3.connect(made["version0"])
    con.execute("CREATE TABLE member(id INTEGER PRIMARY KEY)")  # one of our names, not ours
    con.commit()
    con.close()
    made["garbage"] = folder / "garbage" / "x.sqlite3"
    made["garbage"].write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    for path in made.values():
        path.chmod(0o644)
    return made


@pytest.mark.parametrize("kind", ["other_app", "other_app_id", "empty", "text", "version0",
                                  "garbage"])
def test_files_that_are_not_ours_are_refused_untouched(tmp_path, kind, capsys):
    path = hostile_files(tmp_path)[kind]
    (path.parent / "in.sqlite3").write_bytes(b"")
    before = fingerprint(path.parent)
    for args in WRITING:
        assert cli("--db", path, *[str(path.parent / a) if a.endswith((".xlsx", ".ics",
               ".sqlite3")) else a for a in args]) == 1, args
        err = capsys.readouterr().err
        assert "Traceback" not in err and str(path) in err or "in.sqlite3" in err, (args, err)
    for access in ("write", "read", APP):
        with pytest.raises((NotOursError, DamagedDatabaseError)):
            open_database(path, access=access)
    assert fingerprint(path.parent) == before  # bytes, modes, and no file added


def test_device_files_are_never_opened_or_chmodded(capsys):
    before = os.stat("/dev/null")
    for args in (["demo", "--members", "1"], ["stats"], ["check"]):
        assert cli("--db", "/dev/null", *args) == 1
        assert "不是普通文件" in capsys.readouterr().err
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)


def test_a_folder_as_database_is_refused(tmp_path, capsys):
    assert cli("--db", tmp_path, "stats") == 1
    assert "文件夹" in capsys.readouterr().err


def workspace_with(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "club" / "club.sqlite3"
    open_database(path)
    for name in names:
        save_member({"name": name})
    close_database()
    return path


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_read_only_file_opens_read_only_and_stays_as_it_was(tmp_path, capsys):
    path = workspace_with(tmp_path, ["张三", "李四"])
    path.chmod(0o444)
    before = fingerprint(path.parent)
    db = open_database(path, access=APP)
    assert db.read_only == "why_file_read_only"
    assert Member.select().count() == 2  # browsing works
    with pytest.raises(ReadOnlyError, match="只读"):
        save_member({"name": "王五"})
    close_database()
    assert cli("--db", path, "export-roster", tmp_path / "out.csv") == 0  # export works
    assert cli("--db", path, "demo", "--members", "2") == 1
    assert "只读" in capsys.readouterr().err
    assert fingerprint(path.parent) == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_database_in_a_read_only_folder_is_read_only_not_locked(tmp_path, capsys):
    path = workspace_with(tmp_path, ["张三"])
    path.parent.chmod(0o555)
    try:
        before = fingerprint(path.parent)
        db = open_database(path, access=APP)
        assert db.read_only == "why_folder_read_only"
        assert Member.get().name == "张三"
        close_database()
        assert cli("--db", path, "demo", "--members", "1") == 1
        err = capsys.readouterr().err
        assert "不可写" in err and "另一个" not in err
        assert cli("--db", path, "stats") == 0
        assert fingerprint(path.parent) == before
    finally:
        path.parent.chmod(0o755)


def make_crash_after_commit(path: Path, rows: int = 3000) -> None:
    """A workspace whose last commit sits only in the WAL, as a kill -9 leaves it."""
    open_database(path)
    save_member({"name": "第一位"})
    close_database()
    code = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
from models.store.db import open_database, database
from models.members.cards import save_member
db = open_database({str(path)!r})
database.execute_sql("PRAGMA wal_autocheckpoint = 0")
from models.members.cards import Member
with database.atomic():
    Member.insert_many([{{"name": f"成员{{i}}"}} for i in range({rows})]).execute()
os._exit(0)  # no close, no checkpoint: the commit is in the WAL only
"""
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(str(path) + "-wal").stat().st_size > 0


def half_checkpointed(path: Path) -> None:
    """The main file as a checkpoint killed half-way leaves it: some pages new, some old;
    the WAL still holds every new page, so a reader that honours it sees the commit."""
    import shutil
    import tempfile

    old = path.read_bytes()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "c.sqlite3"
        shutil.copy(path, copy)
        shutil.copy(str(path) + "-wal", str(copy) + "-wal")
        con = sqlite3.connect(copy)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        new = copy.read_bytes()
    # A checkpoint writes pages in page order: killed half-way, the low pages are new.
    half = (len(new) // 2 // 4096) * 4096
    path.write_bytes(new[:half] + old[half:])


@pytest.mark.parametrize("half", [False, True], ids=["after-commit", "mid-checkpoint"])
def test_committed_work_in_the_wal_is_seen_and_never_called_damaged(tmp_path, half, capsys):
    path = tmp_path / "crash.sqlite3"
    make_crash_after_commit(path)
    if half:
        half_checkpointed(path)
    main_before = path.read_bytes()
    state = inspect.examine(path, inspect.FULL)
    assert state.version == schema.SCHEMA_VERSION
    assert path.read_bytes() == main_before  # looking changed nothing
    assert cli("--db", path, "check") == 0
    assert "ok" in capsys.readouterr().out
    open_database(path, access=APP)
    assert Member.select().count() == 3001
    close_database()


def test_a_writer_waits_then_is_refused_naming_the_holder(tmp_path, monkeypatch, capsys):
    path = workspace_with(tmp_path, ["张三"])
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    with held_elsewhere(path, "window") as other:
        with pytest.raises(LockedError) as caught:
            open_database(path)
        assert str(other.pid) in str(caught.value) and "群主台窗口" in str(caught.value)
        assert cli("--db", path, "import-roster", tmp_path / "none.csv") == 1  # no such file
        for args in (["demo", "--members", "1"], ["undo-import"]):
            assert cli("--db", path, *args) == 1
            assert "群主台窗口" in capsys.readouterr().err
        assert cli("--db", path, "stats") == 0  # reading needs no lock
        assert cli("--db", path, "export-roster", tmp_path / "o.csv") == 0
    open_database(path)  # the holder is gone: its lock went with it
    assert current() is not None and current().locked


def test_a_killed_holder_never_blocks(tmp_path):
    path = workspace_with(tmp_path, ["张三"])
    with held_elsewhere(path, "import-roster") as other:
        other.kill()  # kill -9: no unlock ever runs
        other.wait()
        open_database(path, wait=0.5)
    save_member({"name": "李四"})
    assert Member.select().count() == 2


def test_structure_problems_and_foreign_triggers_are_refused(tmp_path, capsys):
    cases = {
        "member table dropped": "DROP TABLE member_tag; DROP TABLE member",
        "column missing": "ALTER TABLE week_note DROP COLUMN text",
        "foreign trigger": "CREATE TRIGGER leak AFTER INSERT ON member BEGIN "
                           "INSERT INTO setting(key, value) VALUES ('x' || NEW.id, NEW.phone); END",
        "foreign view": "CREATE VIEW phones AS SELECT name, phone FROM member",
        "index dropped": "DROP INDEX member_wechat_id",
    }
    for label, sql in cases.items():
        path = tmp_path / label.replace(" ", "_") / "w.sqlite3"
        open_database(path)
        close_database()
        con = sqlite3.connect(path)
        con.executescript(f"PRAGMA foreign_keys=OFF; {sql};")
        con.close()
        before = fingerprint(path.parent)
        with pytest.raises(StructureError):
            open_database(path)
        assert cli("--db", path, "check") == 1, label
        assert "Traceback" not in capsys.readouterr().err
        assert fingerprint(path.parent) == before, label


def test_harmless_additions_pass_check_with_a_note(tmp_path, capsys):
    path = workspace_with(tmp_path, ["张三"])
    con = sqlite3.connect(path)
    con.execute("CREATE INDEX my_city ON member(city)")
    con.close()
    assert cli("--db", path, "check") == 0
    assert "my_city" in capsys.readouterr().out
    open_database(path)
    assert Member.get().name == "张三"


def test_a_new_workspace_appears_complete_or_not_at_all(tmp_path):
    path = tmp_path / "new" / "w.sqlite3"
    open_database(path)
    assert inspect.read_header(path)[68:72] == schema.APPLICATION_ID.to_bytes(4, "big")
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
    close_database()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_blank_file_in_our_own_data_folder_is_an_interrupted_first_start(data_dir):
    from models.store import paths

    default = paths.default_db_path()
    default.write_bytes(b"")
    db = open_database(default, access=APP, blank_is_new=True)
    assert db.read_only is None and Member.select().count() == 0
    assert list(default.parent.glob(default.name + ".blank-*"))


def test_readers_leave_no_files_behind(tmp_path):
    path = workspace_with(tmp_path, ["张三"])
    before = sorted(p.name for p in path.parent.iterdir())
    inspect.examine(path, inspect.FULL)
    open_database(path, access=READ)
    assert Member.select().count() == 1
    close_database()
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_a_link_to_a_workspace_shares_its_lock(tmp_path, monkeypatch):
    path = workspace_with(tmp_path, ["张三"])
    link = tmp_path / "link.sqlite3"
    link.symlink_to(path)
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    with held_elsewhere(path, "window"):
        with pytest.raises(LockedError):
            open_database(link)


def test_backup_never_replaces_a_file_that_is_not_a_qundesk_database(tmp_path, capsys):
    path = workspace_with(tmp_path, ["张三"])
    other = foreign_sqlite(tmp_path / "someone.sqlite3")
    before = fingerprint(tmp_path)
    assert cli("--db", path, "backup", "--to", other) == 1
    assert "不是群主台的备份" in capsys.readouterr().err
    after = fingerprint(tmp_path)
    assert after["someone.sqlite3"] == before["someone.sqlite3"]
    assert cli("--db", path, "backup", "--to", tmp_path / "mine.sqlite3") == 0
    assert cli("--db", path, "backup", "--to", tmp_path / "mine.sqlite3") == 0  # ours: replaced
