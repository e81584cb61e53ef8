"""Shared fixtures: every test gets its own data folder and database file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "zh_CN.UTF-8")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# pypinyin as the app loads it (with the phrases each text needs: models.members.
# pinyin_phrases), before a test module imports pypinyin itself.
import models.members.pinyin_phrases  # noqa: E402, F401


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("QUNDESK_DATA_DIR", str(folder))
    from models import messages

    messages.set_language("zh")
    yield folder
    # A test that switched to English must not leave its translator on the shared qapp.
    i18n = sys.modules.get("ui.i18n")
    if i18n is not None:
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is not None:
            i18n.install("zh")
    messages.set_language("zh")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "community.sqlite3"


@pytest.fixture
def db(db_path: Path):
    """An open, empty workspace database bound to every model."""
    from models.store.db import close_database, open_database

    database = open_database(db_path)
    yield database
    close_database()


@pytest.fixture
def demo_db(db):
    """A small demo community (deterministic seed)."""
    import datetime as dt

    from models import demo

    demo.build(members=120, seed=3, today=dt.date(2026, 11, 18))
    return db


@pytest.fixture(params=["light", "dark"])
def palette_mode(request, qapp):
    """Run the test once with the light and once with the dark application palette."""
    from tests.colour_checks import palette_for

    before = qapp.palette()
    qapp.setPalette(palette_for(request.param))
    yield request.param
    qapp.setPalette(before)


@pytest.fixture
def qsettings(tmp_path: Path, qapp):
    """Keep QSettings (window state, language) out of the user's real settings."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    qapp.setOrganizationName("QunDeskTest")
    qapp.setApplicationName("QunDeskTest")
    QSettings().clear()
    return QSettings()


@pytest.fixture
def workspace(db, db_path, qsettings):
    from ui.workspace import Workspace

    return Workspace(db_path)


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replace message boxes; records (kind, text) and answers confirm() with yes."""
    from ui import dialogs

    shown: list[tuple[str, str]] = []
    for kind in ("inform", "warn", "error"):
        monkeypatch.setattr(dialogs, kind,
                            lambda parent, title, text, k=kind: shown.append((k, text)))
    monkeypatch.setattr(dialogs, "confirm",
                        lambda parent, title, text, danger=False: shown.append(("confirm", text))
                        or True)
    return shown


@pytest.fixture
def controller(qapp, qsettings, monkeypatch):
    """The app's controller (ui.app.QunDeskApp) with no first-start dialog; closed after."""
    import ui.app as app_module

    monkeypatch.setattr(app_module.QTimer, "singleShot", lambda *a, **k: None)
    ctl = app_module.QunDeskApp(qapp, "zh")
    yield ctl
    ctl._close_current()


@pytest.fixture
def demo_window(controller, tmp_path):
    """The main window on a 60-member demo workspace, 1280×800, not shown yet."""
    from models import demo
    from ui.workspace import Changed

    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    demo.build(members=60, seed=2)
    controller.window.workspace.announce(Changed.ALL)
    controller.window.resize(1280, 800)
    return controller.window
