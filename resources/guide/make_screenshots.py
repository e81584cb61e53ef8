"""Render the guide's screenshots (resources/guide/<lang>/*.png) from the app itself, with
the demo community, in both languages (run after changing a screen):

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python resources/guide/make_screenshots.py

Each picture is 800 px wide with a 256-colour palette, so the guide stays small.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
SHOTS = (("members", 0), ("calendar", 1), ("activities", 2), ("week", 3), ("overview", 4))


def main() -> None:
    import datetime as dt

    tmp = Path(tempfile.mkdtemp())
    os.environ["QUNDESK_DATA_DIR"] = str(tmp / "data")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "ini"))
    app = QApplication(sys.argv)
    app.setOrganizationName("QunDeskScreenshots")
    import ui.app as app_module
    from models import demo
    from ui import appearance, i18n
    from ui.workspace import Changed

    app_module.QTimer.singleShot = lambda *a, **k: None  # no first-start dialog
    appearance.apply("light")
    for language in ("zh", "en"):
        i18n.install(language)
        controller = app_module.QunDeskApp(app, language)
        path = tmp / language / "club.sqlite3"
        path.parent.mkdir(parents=True)
        assert controller.open(path)
        demo.build(members=300, seed=7, today=dt.date.today())
        window = controller.window
        window.workspace.announce(Changed.ALL)
        window.resize(1200, 750)
        window.show()
        out = HERE / language
        out.mkdir(exist_ok=True)
        for name, row in SHOTS:
            window.nav.setCurrentRow(row)
            for _ in range(40):
                app.processEvents()
            image = window.grab().toImage().scaledToWidth(
                800, Qt.TransformationMode.SmoothTransformation)
            image = image.convertToFormat(QImage.Format.Format_Indexed8)
            image.save(str(out / f"{name}.png"), "PNG", 0)
        controller._close_current()


if __name__ == "__main__":
    main()
