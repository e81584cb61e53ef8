"""No text is cut off at the smallest window size, in either language, empty or full:
every label, button, check box, combo box, tab and header of every screen (each of its tabs
and views, the member filters open) and dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from models import demo
from tests.screen_views import views
from tests.text_fit import cut_off
from ui import i18n
from ui.workspace import Changed


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "demo"])
def test_no_text_is_cut_off_on_any_screen_at_the_minimum_size(controller, tmp_path, qtbot,
                                                              language, filled):
    i18n.install(language)
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    if filled:
        demo.build(members=80, seed=2)
        window.workspace.announce(Changed.ALL)
    window.resize(window.minimumSize())
    window.show()
    qtbot.waitExposed(window)
    problems = []
    for row in range(5):
        window.nav.setCurrentRow(row)
        page = window.current_page()
        refresh = getattr(page, "refresh_button", None)
        if refresh is not None:  # the Overview computes on a worker: wait for its figures
            qtbot.waitUntil(refresh.isEnabled, timeout=30_000)
        for _ in range(5):  # layouts settle (posted LayoutRequest events)
            QApplication.processEvents()
        for view in views(page):  # each tab and calendar view, the member filters open
            problems += [f"{type(page).__name__}{view}: {p}" for p in cut_off(page)]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_text_is_cut_off_at_150_percent_scaling():
    """The same checks (screens and dialogs) with QT_SCALE_FACTOR=1.5, in a fresh process
    (the factor is read when the application starts)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-m", "not slow",
         "tests/test_text_fits.py", "tests/test_dialogs_usable.py"],
        cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:]
