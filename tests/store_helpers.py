"""Helpers for the storage tests: other processes that hold a workspace, file digests."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_HOLDER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from models.store import lock
lock.acquire(Path(sys.argv[2]), sys.argv[3], wait=10)
print("held", flush=True)
sys.stdin.read()
"""


@contextmanager
def held_elsewhere(db_path: Path, holder: str = "window") -> Iterator[subprocess.Popen[str]]:
    """Another process holds the workspace's writer lock until the block ends."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(ROOT), str(db_path), holder],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """sha256 and mode of every file in a folder: nothing may change, appear or vanish."""
    out: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(folder))] = (digest, stat.S_IMODE(path.stat().st_mode))
    return out


def run_cli(*args: str, data_dir: Path, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QUNDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen",
                **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=full_env, timeout=timeout)
