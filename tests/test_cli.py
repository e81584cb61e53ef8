"""The CLI contract from DESIGN.md: names, exit codes, one clear message, no tracebacks."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.store import lock
from models.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUNDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=120)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(data_dir):
    result = run("--version", data_dir=data_dir)
    assert result.returncode == 0
    assert result.stdout.strip() == f"QunDesk {main.__version__}"


def test_demo_backup_check_restore(tmp_path, data_dir):
    db = tmp_path / "c.sqlite3"
    result = run("--db", str(db), "demo", "--members", "50", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "50 members" in result.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM member").fetchone()[0] == 50
    con.close()
    assert run("--db", str(db), "check", data_dir=data_dir).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    result = run("--db", str(db), "backup", "--to", str(copy), data_dir=data_dir)
    assert result.returncode == 0 and copy.exists()
    run("--db", str(db), "demo", "--members", "10", data_dir=data_dir)
    result = run("--db", str(db), "restore", str(copy), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM member").fetchone()[0] == 50


def test_check_refuses_newer_and_damaged_files_untouched(tmp_path, data_dir):
    newer = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(newer)
    con.execute("CREATE TABLE t(x)")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    con.commit()
    con.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    for path in (newer, damaged):
        before = sha(path)
        for command in (["check"], ["demo", "--members", "1"], ["backup"]):
            result = run("--db", str(path), *command, data_dir=data_dir)
            assert result.returncode == 1, (command, result.stdout)
            assert "Traceback" not in result.stderr
            assert str(path) in result.stderr
            assert sha(path) == before
        assert not Path(str(path) + "-wal").exists()


@pytest.mark.parametrize("args", [
    ["check"],  # no database there
    ["restore", "/nonexistent/backup.sqlite3"],
    ["print-week", "--week", "2026-13-01", "--pdf", "x.pdf"],
    ["demo", "--members", "-3"],
    ["demo", "--members", "many"],
    ["no-such-command"],
])
def test_user_errors_exit_1_without_traceback(tmp_path, data_dir, args):
    result = run("--db", str(tmp_path / "none.sqlite3"), *args, data_dir=data_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_a_command_ends_with_its_work_saved_and_the_workspace_let_go(tmp_path, data_dir):
    """main.exit_now ends a command without the interpreter's teardown: the workspace is
    closed (WAL checkpointed, lock released), all output is out, the exit code stays."""
    db = tmp_path / "w.sqlite3"
    demo = run("--db", str(db), "demo", "--members", "300", data_dir=data_dir)
    assert demo.returncode == 0 and demo.stdout.startswith("demo community: 300 members")
    assert not (tmp_path / "w.sqlite3-wal").exists()
    report = run("--db", str(db), "stats", "--json", data_dir=data_dir)
    figures = json.loads(report.stdout)  # the whole of a long output
    assert report.returncode == 0 and 200 < figures["headline"]["members"] <= 300  # who stayed
    lock.acquire(db, "test", wait=0)  # nobody holds it any more
    lock.release(db)
    missing = run("--db", str(db), "import-roster", str(tmp_path / "none.xlsx"),
                      data_dir=data_dir)
    assert missing.returncode == 1 and "none.xlsx" in missing.stderr
    assert "Traceback" not in missing.stderr
