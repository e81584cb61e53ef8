"""Files written whole or not at all, and plain words for why a file could not be written.

Every file QunDesk writes (exports, PDFs, calendars, reports, backups) goes through
`replace_atomically`: the content goes to a hidden temporary file in the target's own
folder, is flushed and fsynced, and is renamed over the target only when complete. A
crash, a full disk or a vanished folder therefore leaves either the old file or the new
one, never half of one; the temporary is removed on failure, and one left by a killed
process is swept the next time the same target is written (or, for backups, whenever a
writer opens the workspace).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from models.messages import msg

TEMP_SUFFIX = ".part"
STALE_AFTER = 15 * 60  # seconds without a write: a temporary its writer abandoned
NAME_MAX = 255  # bytes in one path component on every file system we meet

_REASONS = {
    errno.ENOSPC: "io_no_space",
    errno.EDQUOT: "io_no_space",
    errno.EACCES: "io_no_permission",
    errno.EPERM: "io_no_permission",
    errno.EROFS: "io_read_only_fs",
    errno.ENOENT: "io_no_folder",
    errno.ENOTDIR: "io_no_folder",
    errno.ENAMETOOLONG: "io_name_too_long",
    errno.EISDIR: "io_is_folder",
    errno.EIO: "io_device_error",
    errno.EFBIG: "io_too_big",
}


class FileProblem(Exception):
    """A file that cannot be read or written as asked; `str()` is the message for users."""

    def __init__(self, path: Path | str, code: str, **params: object) -> None:
        self.path, self.code, self.params = Path(path), code, params
        super().__init__(msg(code, file=str(path), **params))


def problem_from(exc: OSError, path: Path | str | None = None) -> FileProblem:
    """The user's words for an OSError (disk full, no permission, folder gone, ...)."""
    where = path if path is not None else (exc.filename or "")
    code = _REASONS.get(exc.errno or 0)
    if code is None:
        return FileProblem(where, "io_failed", detail=exc.strerror or str(exc))
    return FileProblem(where, code)


def check_writable_target(target: Path, database: bool = False) -> None:
    """Refuse, before any work is done, a target that can't or mustn't be replaced.

    An existing SQLite database is never replaced by an export (`database`: the caller
    writes a database itself, a backup, and checks the target's owner on its own)."""
    if len(target.name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        raise FileProblem(target, "io_name_too_long")
    parent = target.parent
    try:
        if not parent.is_dir():
            raise FileProblem(target, "io_no_folder")
        info = target.stat()
    except FileNotFoundError:
        info = None  # a new file (or a dangling link: its target gets created)
    except OSError as exc:
        raise problem_from(exc, target) from exc
    if info is None:
        return
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(target, "io_is_folder")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(target, "io_not_regular")
    if not is_writable(target, info):
        raise FileProblem(target, "io_target_read_only")
    if not database and _is_sqlite(target):
        raise FileProblem(target, "io_is_database")


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def is_writable(path: Path, info: os.stat_result | None = None) -> bool:
    """Writable by us *and* not marked read-only: root may write anything, but a file or
    folder the user made read-only is honoured as read-only."""
    info = info or path.stat()
    return os.access(path, os.W_OK) and bool(info.st_mode & 0o222)


def _temp_stem(target: Path) -> str:
    # The temporary name adds ~15 characters; a long target name is hashed so the
    # temporary still fits the file system's name limit.
    name = target.name
    if len(name.encode("utf-8", "surrogateescape")) > NAME_MAX - 40:
        name = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f".{name}."


def sweep_temporaries(target: Path, older_than: float = STALE_AFTER) -> int:
    """Remove temporaries of `target` that a killed writer left behind; returns how many."""
    pattern = f"{glob_escape(_temp_stem(target))}*{TEMP_SUFFIX}"
    return _sweep(lambda: list(target.parent.glob(pattern)), older_than)


def sweep_folder(folder: Path, older_than: float = STALE_AFTER) -> int:
    """Remove every stale temporary of ours in a folder that holds only our files."""
    return _sweep(lambda: [p for p in folder.iterdir()
                           if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)],
                  older_than)


def _sweep(candidates: Callable[[], list[Path]], older_than: float) -> int:
    cutoff = time.time() - older_than
    try:
        leftovers = candidates()
    except OSError:
        return 0
    removed = 0
    for leftover in leftovers:
        try:
            if _abandoned(leftover, cutoff):
                leftover.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _abandoned(leftover: Path, cutoff: float) -> bool:
    """A temporary whose writer is gone: the process named in it has ended (POSIX), or
    nothing has written to it for STALE_AFTER (a reused process id, or Windows)."""
    if leftover.lstat().st_mtime < cutoff:
        return True
    pid = leftover.name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1].split("-", 1)[0]
    if os.name == "nt" or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's): leave it
    return False


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def new_temp(target: Path, private: bool) -> Path:
    """Create an empty temporary beside `target`, 0600 from its first byte if private."""
    mode = 0o600 if private else 0o666
    for _ in range(10):
        # the writer's process id in the name: a sweep can tell a killed writer's leftover
        # (os.urandom, as secrets.token_hex reads it, without importing random and hmac)
        tmp = target.with_name(f"{_temp_stem(target)}{os.getpid()}-{os.urandom(4).hex()}"
                               f"{TEMP_SUFFIX}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         mode)
        except FileExistsError:
            continue
        except OSError as exc:
            raise problem_from(exc, target) from exc
        os.close(fd)
        return tmp
    raise FileProblem(target, "io_failed", detail="no free temporary name")


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename itself is done
    finally:
        os.close(fd)


@contextmanager
def replace_atomically(target: Path | str, *, private: bool = False,
                       database: bool = False) -> Iterator[Path]:
    """Yield a temporary path to fill; on success it becomes `target`, whole.

    Raises FileProblem (with the user's words) for any OSError on the way; the target
    is untouched unless everything succeeded. `private` files (anything holding member
    data we keep for the user: backups, reports) are 0600 from the start.
    """
    target = Path(target)
    check_writable_target(target, database)
    if target.is_symlink():  # replace what the link points at, not the link
        target = target.resolve()
        check_writable_target(target, database)
    sweep_temporaries(target)
    tmp = new_temp(target, private)
    try:
        yield tmp
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except OSError as exc:
        raise problem_from(exc, target) from exc
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # the folder itself is gone or read-only: nothing left to clean


def write_bytes(target: Path | str, data: bytes, *, private: bool = False) -> Path:
    """Write `data` to `target` whole or not at all; returns the path written."""
    target = Path(target)
    with replace_atomically(target, private=private) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
    return target


def write_text(target: Path | str, text: str, *, encoding: str = "utf-8",
               private: bool = False) -> Path:
    return write_bytes(target, text.encode(encoding), private=private)


def regular_input(path: Path | str) -> Path:
    """An input file (a roster, a backup to restore) that is safe to open: a regular file.

    A FIFO would block for ever and /dev/zero never ends; both are refused here.
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise FileProblem(path, "io_no_such_file") from exc
        raise problem_from(exc, path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(path, "io_is_folder")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(path, "io_not_regular")
    return path
