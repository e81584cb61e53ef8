"""Write failures: a full disk (SQLite's and the file system's), a vanished folder.

Each ends in one clear message, exit code 1 for the CLI, nothing half-written, and every
transaction committed before still there.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from models import demo
from models.members.cards import Member, save_member
from models.store import backup, inspect, schema
from models.store.db import close_database, current, open_database
from models.store.problems import WorkspaceGoneError, WriteFailedError, from_sqlite
from tests.store_helpers import ROOT


def test_a_full_database_rolls_back_cleanly_and_says_so(db, db_path):
    save_member({"name": "之前保存的"})
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 3}")  # SQLITE_FULL a few pages on
    with pytest.raises(Exception) as caught:
        demo.build(members=5000, seed=1)
    problem = from_sqlite(caught.value, db_path)
    assert isinstance(problem, WriteFailedError) and "磁盘空间已满" in str(problem)
    chain = [caught.value, caught.value.__context__, caught.value.__cause__]
    assert not any("cannot rollback" in str(e) for e in chain if e is not None)
    db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert [m.name for m in Member.select()] == ["之前保存的"]  # all of the demo, or none
    save_member({"name": "之后"})  # the connection is fine afterwards
    close_database()
    assert inspect.examine(db_path, inspect.FULL).version == schema.SCHEMA_VERSION


def test_a_vanished_folder_is_noticed_before_the_next_write(tmp_path):
    folder = tmp_path / "usb"
    path = folder / "club.sqlite3"
    open_database(path)
    save_member({"name": "张三"})
    shutil.rmtree(folder)  # the folder deleted, or the USB drive pulled
    with pytest.raises(WorkspaceGoneError, match="不见了"):
        save_member({"name": "李四"})
    assert not folder.exists()  # nothing was written into a new, empty file either
    # the data is still open: a copy can be saved elsewhere
    rescue = tmp_path / "rescue.sqlite3"
    backup.create(current(), path, reason="copy", to=rescue)
    close_database()
    open_database(rescue)
    assert [m.name for m in Member.select()] == ["张三"]


def test_a_replaced_file_is_noticed_too(tmp_path):
    path = tmp_path / "club.sqlite3"
    open_database(path)
    save_member({"name": "张三"})
    moved = tmp_path / "moved.sqlite3"
    path.rename(moved)
    shutil.copy(moved, path)  # another file under the same name: not the one we hold
    with pytest.raises(WorkspaceGoneError):
        save_member({"name": "李四"})


_SMALL_DISK = r"""
import json, os, subprocess, sys
mount, root, data = sys.argv[1], sys.argv[2], sys.argv[3]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount], check=True)
db = os.path.join(mount, "w.sqlite3")
def cli(*args):
    r = subprocess.run([sys.executable, os.path.join(root, "main.py"), "--db", db, *args],
                       capture_output=True, text=True, env={**os.environ,
                       "QUNDESK_DATA_DIR": data, "QT_QPA_PLATFORM": "offscreen"})
    return {"args": list(args), "code": r.returncode, "err": r.stderr}
def listing():
    out = []
    for base, dirs, files in os.walk(mount):
        out += [os.path.relpath(os.path.join(base, f), mount) for f in files]
    return sorted(out)
steps = [cli("demo", "--members", "200")]
old = os.path.join(mount, "out.xlsx")
open(old, "wb").write(b"an older export")
with open(os.path.join(mount, "filler"), "wb") as fh:  # fill the disk to the last byte
    try:
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    except OSError:
        pass
try:
    with open(os.path.join(mount, "filler"), "ab") as fh:
        while True:
            fh.write(b"\0")
            fh.flush()
except OSError:
    pass
files_full = listing()
steps += [cli("demo", "--members", "20000"), cli("print-week", "--pdf",
          os.path.join(mount, "w.pdf")), cli("export-roster", old),
          cli("export-roster", os.path.join(mount, "new.csv")),
          cli("export-calendar", os.path.join(mount, "c.ics")), cli("backup"),
          cli("backup", "--to", os.path.join(mount, "b.sqlite3")),
          cli("import-roster", sys.argv[4]),
          cli("import-roster", sys.argv[4], "--dry-run", "--report",
              os.path.join(mount, "r.json"))]
after_full = listing()
os.remove(os.path.join(mount, "filler"))
steps += [cli("check"), cli("stats")]
result = {"steps": steps, "full": files_full, "after": after_full,
          "old": open(old, "rb").read().decode(),
          "members": __import__("sqlite3").connect(db).execute(
              "SELECT COUNT(*) FROM member").fetchone()[0]}
print(json.dumps(result, ensure_ascii=False))
"""


def _namespace_runner() -> list[str] | None:
    """How to get a private mount namespace here (unshare as any user; plain as root)."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--user", "--map-root-user", "--mount", "true"],
                                  capture_output=True).returncode == 0:
        return [unshare, "--user", "--map-root-user", "--mount"]
    if unshare and subprocess.run([unshare, "--mount", "true"],
                                  capture_output=True).returncode == 0:
        return [unshare, "--mount"]
    return None


@pytest.mark.slow  # nine commands on a 4 MB tmpfs; CI runs it
def test_a_full_disk_gives_clear_messages_and_leaves_nothing_half_written(tmp_path):
    runner = _namespace_runner()
    if runner is None:
        pytest.skip("no mount namespace here (needs unshare); the in-process tests cover it")
    mount = tmp_path / "small"
    mount.mkdir()
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,手机号\n" + "".join(f"成员{i},139{i:08d}\n" for i in range(3000)),
                      encoding="utf-8")
    done = subprocess.run([*runner, sys.executable, "-c", _SMALL_DISK, str(mount), str(ROOT),
                           str(tmp_path / "data"), str(roster)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    first, *failing = result["steps"][:-2]
    assert first["code"] == 0, first["err"]
    for step in failing:
        assert step["code"] == 1, step
        assert "Traceback" not in step["err"] and "cannot rollback" not in step["err"], step
        assert "磁盘空间已满" in step["err"], step
    def outputs(names: list[str]) -> list[str]:  # SQLite's own -wal/-shm are not outputs
        return [n for n in names if not n.endswith(("-wal", "-shm"))]

    assert outputs(result["after"]) == outputs(result["full"])  # no .part, no half file
    assert result["old"] == "an older export"
    assert result["members"] == 200  # nothing committed was lost, nothing half-added
    check, stats = result["steps"][-2:]
    assert check["code"] == 0 and stats["code"] == 0, (check, stats)


def test_a_locked_database_file_message_is_plain(db, db_path):
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # a foreign writer holding SQLite's own lock
    db.execute_sql("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(Exception) as caught:
            save_member({"name": "张三"})
        assert "正忙" in str(from_sqlite(caught.value))
    finally:
        other.rollback()
        other.close()
