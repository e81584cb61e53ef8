"""A second launch of an open workspace brings its window forward (ui/single_instance.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui.single_instance import WindowServer, server_name

ROOT = Path(__file__).resolve().parent.parent
ASK = ("import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication; "
       "from ui.single_instance import ask_to_raise; app = QCoreApplication([]); "
       "sys.exit(0 if ask_to_raise(Path(sys.argv[1])) else 3)")


def _second_launch(qtbot, path: Path) -> subprocess.Popen[bytes]:
    # Another process, as a real second launch is: it blocks while this one answers.
    return subprocess.Popen([sys.executable, "-c", ASK, str(path)], cwd=ROOT)


def test_a_second_launch_of_the_same_workspace_brings_the_window_forward(qtbot, tmp_path):
    path = tmp_path / "club.sqlite3"
    raised: list[bool] = []
    server = WindowServer(path, lambda: raised.append(True))
    try:
        other = _second_launch(qtbot, path)
        qtbot.waitUntil(lambda: other.poll() is not None, timeout=15000)
        assert other.returncode == 0 and raised == [True]
        # Another workspace is not this window's business.
        other = _second_launch(qtbot, tmp_path / "another.sqlite3")
        qtbot.waitUntil(lambda: other.poll() is not None, timeout=15000)
        assert other.returncode == 3 and raised == [True]
    finally:
        server.close()


def test_a_socket_left_by_a_killed_window_is_taken_over(qtbot, tmp_path):
    path = tmp_path / "club.sqlite3"
    stale = Path("/tmp") / server_name(path)
    stale.write_text("")  # what a killed window leaves on Linux
    raised: list[bool] = []
    server = WindowServer(path, lambda: raised.append(True))
    try:
        assert server.server.isListening()
        other = _second_launch(qtbot, path)
        qtbot.waitUntil(lambda: other.poll() is not None, timeout=15000)
        assert other.returncode == 0 and raised == [True]
    finally:
        server.close()


def test_nobody_listening_means_the_launch_goes_on(qtbot, tmp_path):
    other = _second_launch(qtbot, tmp_path / "nobody.sqlite3")
    qtbot.waitUntil(lambda: other.poll() is not None, timeout=15000)
    assert other.returncode == 3


def test_the_apps_window_answers_for_its_workspace(controller, qtbot, tmp_path):
    from models.store.db import close_database

    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    controller.window.showMinimized()
    other = _second_launch(qtbot, path)
    qtbot.waitUntil(lambda: other.poll() is not None, timeout=15000)
    assert other.returncode == 0
    assert not controller.window.isMinimized()
    controller._close_current()
    close_database()
    other = _second_launch(qtbot, path)  # the window is gone: nobody answers any more
    qtbot.waitUntil(lambda: other.poll() is not None, timeout=15000)
    assert other.returncode == 3
