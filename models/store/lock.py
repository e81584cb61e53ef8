"""One writer per workspace file, shared by the app and every command that writes.

The lock is an OS file lock (filelock: flock on POSIX, LockFileEx on Windows) on
`<database>.lock`, so the system releases it when the holder dies: a crashed window or
a killed import never blocks the next start. The holder writes who it is into the
lock file; a refused writer reads that to say who holds the workspace.

Inside one process the lock is shared (counted): the app's worker threads, and tests
that run commands in-process, write under the lock their process already holds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from models.messages import msg
from models.store.problems import LockedError

WAIT_SECONDS = 3.0  # a second writer waits this long for the first to finish
WINDOW = "window"


@dataclass
class _Held:
    lock: FileLock
    count: int


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def lock_path(db_path: Path) -> Path:
    """Beside the real file: a symbolic link to the database shares its lock."""
    real = db_path.resolve()
    return real.with_name(real.name + ".lock")


def _key(db_path: Path) -> str:
    return os.path.normcase(str(db_path.resolve()))


def acquire(db_path: Path, holder: str, wait: float | None = None) -> None:
    """Become the workspace's writer (`holder`: WINDOW or a command name), or raise
    LockedError naming who is. Raises OSError if the lock file can't be created."""
    key = _key(db_path)
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return
        info = json.dumps({"pid": os.getpid(), "holder": holder,
                           "since": dt.datetime.now().isoformat(timespec="seconds")})

        def announce(fd: int) -> None:  # runs once the lock is ours
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, info.encode())

        lock = FileLock(lock_path(db_path), timeout=WAIT_SECONDS if wait is None else wait,
                        mode=0o600, thread_local=False, on_acquired=announce)
        try:
            lock.acquire()
        except Timeout:
            raise LockedError(db_path, describe_holder(db_path)) from None
        _held[key] = _Held(lock, 1)


def release(db_path: Path) -> None:
    key = _key(db_path)
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count <= 0:
            del _held[key]
            held.lock.release()


def holds(db_path: Path) -> bool:
    with _guard:
        return _key(db_path) in _held


def describe_holder(db_path: Path) -> str:
    """Who holds the lock, in words ("群主台窗口（进程 123，10:42 起）")."""
    try:
        data = json.loads(lock_path(db_path).read_text("utf-8"))
        pid, holder = int(data["pid"]), str(data["holder"])
        since = dt.datetime.fromisoformat(str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return msg("holder_unknown")  # unreadable (Windows locks the bytes) or old format
    when = since.strftime("%H:%M") if since.date() == dt.date.today() else since.strftime(
        "%Y-%m-%d %H:%M")
    if holder == WINDOW:
        return msg("holder_window", pid=pid, since=when)
    return msg("holder_command", command=holder, pid=pid, since=when)
