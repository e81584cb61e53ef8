"""Start-up self-check for packaged builds: QUNDESK_SMOKE_TEST=1 qundesk --db FILE.

Opens every page of the main window once, then quits with exit code 0; any error (an
exception, a page that cannot be built) prints its report and exits with code 3 instead of
showing the error dialog, so the check runs unattended (tests/test_bundle.py runs it
offscreen on the built bundle to prove the bundle has its plugins, resources and modules).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ENV = "QUNDESK_SMOKE_TEST"


def requested() -> bool:
    return bool(os.environ.get(ENV))


def _fail(report: str, log_path: Path | None = None) -> None:
    sys.stderr.write(report)
    QCoreApplication.exit(3)


def start(window: MainWindow | None) -> None:
    """Run the check once the event loop is running."""
    from ui import crash

    crash.show_crash_dialog = _fail  # unattended: report and exit, never wait for a click
    QTimer.singleShot(0, lambda: _visit_pages(window))


def _visit_pages(window: MainWindow | None) -> None:
    from ui.screens import PAGES

    try:
        if window is None:
            raise RuntimeError("no main window")
        for row, (key, _, _) in enumerate(PAGES):
            window.show_page(key)
            QCoreApplication.processEvents()
            item = window.nav.item(row)
            title = item.text() if item is not None else ""  # shows the catalogue loaded
            print(f"page ok: {key} ({type(window.page(key)).__name__}) {title}")
        QThreadPool.globalInstance().waitForDone(10_000)
    except Exception:  # report exactly what broke, then fail the check
        _fail(traceback.format_exc())
        return
    print("smoke test ok")
    QCoreApplication.exit(0)
