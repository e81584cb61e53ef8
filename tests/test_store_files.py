"""Every file QunDesk writes is written whole or not at all (models.store.files)."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from models.store import files
from models.store.files import FileProblem


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(files.TEMP_SUFFIX))


def test_replaces_the_target_only_when_complete(tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    files.write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "磁盘空间已满"), (errno.EACCES, "没有写入权限"), (errno.EROFS, "只读"),
    (errno.EIO, "磁盘读写出错"),
])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, code, words):
    target = tmp_path / "roster.xlsx"
    target.write_bytes(b"the old export")

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)  # the data never reaches the disk
    with pytest.raises(FileProblem) as caught:
        files.write_bytes(target, b"x" * 100_000)
    assert words in str(caught.value) and str(target) in str(caught.value)
    assert target.read_bytes() == b"the old export"
    assert leftovers(tmp_path) == []


def test_an_error_inside_the_block_keeps_the_old_file(tmp_path):
    target = tmp_path / "week.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), files.replace_atomically(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("cancelled")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_private_files_are_0600_from_the_first_byte(tmp_path):
    seen: list[int] = []
    with files.replace_atomically(tmp_path / "report.json", private=True) as tmp:
        seen.append(stat.S_IMODE(tmp.stat().st_mode))
        tmp.write_text("{}")
    assert seen == [0o600]
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o600


def test_refuses_targets_it_must_not_replace(tmp_path):
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    read_only = tmp_path / "frozen.csv"
    read_only.write_text("keep me")
    read_only.chmod(0o444)
    cases = {folder: "文件夹", read_only: "只读", tmp_path / "missing" / "x.pdf": "不存在",
             tmp_path / ("长" * 100 + ".pdf"): "文件名太长"}
    for target, words in cases.items():
        with pytest.raises(FileProblem, match=words):
            files.write_bytes(target, b"data")
    assert read_only.read_text() == "keep me" and stat.S_IMODE(read_only.stat().st_mode) == 0o444


def test_a_long_but_legal_name_still_gets_a_temporary(tmp_path):
    target = tmp_path / ("名" * 80 + ".xlsx")  # 245 bytes: the temporary name is hashed
    files.write_bytes(target, b"ok")
    assert target.read_bytes() == b"ok" and leftovers(tmp_path) == []


def test_stale_temporaries_of_a_killed_writer_are_swept(tmp_path):
    target = tmp_path / "export.xlsx"
    stale = tmp_path / f".export.xlsx.dead{files.TEMP_SUFFIX}"
    stale.write_bytes(b"half")
    old = time.time() - files.STALE_AFTER - 60
    os.utime(stale, (old, old))
    fresh = tmp_path / f".export.xlsx.busy{files.TEMP_SUFFIX}"  # another writer, still going
    fresh.write_bytes(b"busy")
    files.write_bytes(target, b"done")
    assert not stale.exists() and fresh.exists()


def test_inputs_must_be_regular_files(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path, words in ((fifo, "不是普通文件"), (Path("/dev/zero"), "不是普通文件"),
                        (tmp_path, "文件夹"), (tmp_path / "none.xlsx", "不存在")):
        with pytest.raises(FileProblem, match=words):
            files.regular_input(path)


def test_backup_temporaries_are_private_and_swept_when_a_writer_opens(tmp_path):
    from models.store import backup
    from models.store.db import close_database, open_database

    db_path = tmp_path / "w.sqlite3"
    open_database(db_path)
    close_database()
    folder = backup.folder_for(db_path)
    left = folder / f".w-20261201-000000-startup.sqlite3.dead{files.TEMP_SUFFIX}"
    left.write_bytes(b"half a backup")
    old = time.time() - files.STALE_AFTER - 1
    os.utime(left, (old, old))
    open_database(db_path)
    close_database()
    assert not left.exists()


def test_a_killed_writers_temporary_is_swept_at_once(tmp_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)  # a process that has ended
    left = tmp_path / f".w.sqlite3.{pid}-abcd1234{files.TEMP_SUFFIX}"
    left.write_bytes(b"half")
    mine = tmp_path / f".w.sqlite3.{os.getpid()}-abcd1234{files.TEMP_SUFFIX}"  # still alive
    mine.write_bytes(b"busy")
    assert files.sweep_folder(tmp_path) == 1
    assert not left.exists() and mine.exists()
