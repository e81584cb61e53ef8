"""The log file in the user's data folder, and the scrubbing that keeps personal data out.

Logs and crash reports are meant to be sent to a developer, so they must never carry
member names, phone numbers, file contents or full paths: `redact()` is applied to every
free-text part (exception messages, Qt messages) before it is written.
"""

from __future__ import annotations

import logging
import os
import platform
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from models.store import paths

LOG_NAME = "qundesk.log"
_handler: RotatingFileHandler | None = None

_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|\"[^\"\n]*\"|'[^'\n]*'")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PATH = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?(?:[\\/][^\\/\s:;,\"'“”]+)+[\\/]?")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_DIGITS = re.compile(r"\d{4,}")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")


def redact(text: str) -> str:
    """Free text with everything that could identify a person replaced by placeholders.

    Quoted values, e-mail addresses, paths (reduced to their last part's extension),
    Chinese text (names, notes) and runs of 4+ digits (phones, IDs) are removed; what is
    left (exception types, English programmer messages, small numbers) still says what
    went wrong.
    """
    text = _QUOTED.sub("“…”", text)
    text = _EMAIL.sub("<email>", text)
    text = _PATH.sub(_path_placeholder, text)
    text = _CJK.sub("…", text)
    return _DIGITS.sub("#", text)


def _path_placeholder(match: re.Match[str]) -> str:
    suffix = Path(match.group(0).rstrip("\\/")).suffix
    if not _SUFFIX.fullmatch(suffix):
        suffix = ""
    return f"<path{suffix}>"


def short_path(path: Path | str) -> str:
    """Source paths in tracebacks without the user's home or the install location."""
    text = str(path)
    for root in (getattr(sys, "_MEIPASS", None), str(Path(__file__).resolve().parent.parent),
                 sys.prefix, os.path.expanduser("~")):
        if root and text.startswith(root):
            return "…" + text[len(root):]
    return Path(text).name


def system_summary() -> list[str]:
    """Versions and platform, for the top of a report (nothing about the user)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from models.version import __version__

    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    return [
        f"QunDesk {__version__} ({frozen})",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"OS {platform.system()} {platform.release()} ({platform.machine()}), "
        f"{platform.platform(terse=True)}",
    ]


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the data folder's logs/ (1 MB x 4); return its path."""
    global _handler
    path = paths.log_dir() / LOG_NAME
    root = logging.getLogger()
    if _handler is not None and Path(_handler.baseFilename) == path:
        return path
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8",
                                   delay=True)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # A full disk must not turn every log line into a traceback on stderr: a line that
    # can't be written is dropped (the log is a help, never a condition for working).
    logging.raiseExceptions = False
    root.addHandler(_handler)
    root.setLevel(min(root.level or level, level))
    logging.getLogger("qundesk").info("started: %s", "; ".join(system_summary()))
    return path


def close_logging() -> None:
    """Detach the file handler (tests, switching data folders)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
