"""The desktop shell: main window and pages, languages, appearance, About, error reports,
resources in source and bundle layouts."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, QSize, QThreadPool, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from models.store import backup, paths


@pytest.fixture
def window(qtbot, workspace, no_dialogs):
    from ui.main_window import MainWindow

    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def shown_reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """Install the crash handler with the modal dialog replaced by a recorder."""
    from ui import crash

    shown: list[tuple[str, Path]] = []
    monkeypatch.setattr(crash, "show_crash_dialog",
                        lambda report, path: shown.append((report, path)))
    crash.install(fatal_log=False)
    yield shown
    crash.uninstall()


@pytest.fixture
def restore_appearance(qapp):
    style = qapp.style().name()
    yield
    from ui import appearance

    appearance.apply("light")
    qapp.setStyle(style)
    qapp.setPalette(qapp.style().standardPalette())


# ---------------------------------------------------------------------- main window
def test_main_window_opens_with_a_workspace(window, workspace) -> None:
    assert window.workspace is workspace
    assert "群主台" in window.windowTitle()
    assert window.nav.count() == 5
    assert not window.windowIcon().isNull()


def test_every_page_opens(window, qtbot) -> None:
    from ui.screens import PAGES

    for key, _, _ in PAGES:
        window.show_page(key)
        page = window.page(key)
        assert window.current_page() is page
        assert page.isVisible()
    QThreadPool.globalInstance().waitForDone(5000)


def test_language_switch_reloads_in_english(qtbot, db, db_path, qsettings, no_dialogs) -> None:
    from ui import i18n
    from ui.app import QunDeskApp

    app = QApplication.instance()
    controller = QunDeskApp(app, "zh")
    try:
        assert controller.open(db_path)
        assert controller.window.nav.item(0).text() == "成员"
        controller.switch_language("en")
        titles = [controller.window.nav.item(i).text() for i in range(5)]
        assert titles == ["Members", "Content Calendar", "Activities", "Weekly Plan",
                          "Overview"]
        assert controller.window.menuBar().actions()[0].text() == "&File"
        view = next(a.menu() for a in controller.window.menuBar().actions()
                    if a.text() == "&View")
        languages = next(a.menu() for a in view.actions() if a.text() == "&Language / 语言")
        assert [a.text() for a in languages.actions() if a.isChecked()] == ["English"]
        assert QSettings().value("language") == "en"
        controller.switch_language("zh")
        assert controller.window.nav.item(0).text() == "成员"
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        controller._close_current()
        i18n.install("zh")


def test_about_shows_version_data_and_backup_folders(qtbot, workspace) -> None:
    from main import __version__
    from ui.about import AboutDialog

    dialog = AboutDialog(workspace)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text
    assert str(paths.data_dir()) in text
    assert str(backup.backup_folder(workspace.db_path)) in text


# ---------------------------------------------------------------------- appearance
def test_appearance_menu_switches_dark_and_light(window, qapp, restore_appearance) -> None:
    from ui import appearance

    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "视图(&V)")
    menu = next(a.menu() for a in view.actions() if a.text() == "外观(&C)")
    modes = {a.data(): a for a in menu.actions()}
    assert set(modes) == {"system", "light", "dark"}
    modes["dark"].trigger()
    assert QSettings().value("appearance") == "dark"
    assert appearance.is_dark()
    assert isinstance(qapp.style(), appearance.DarkFusion)
    assert qapp.style().baseStyle().name().lower() == "fusion"
    modes["light"].trigger()
    assert not appearance.is_dark()
    assert appearance.chosen() == "light"


def test_unticked_check_boxes_show_on_dark_rows(qapp, restore_appearance) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from ui import appearance

    appearance.apply("dark")
    model = QStandardItemModel(4, 1)
    for row in range(4):
        item = QStandardItem("步骤")
        item.setCheckable(True)
        model.setItem(row, 0, item)
    view = QTableView()
    view.setAlternatingRowColors(True)
    view.setModel(model)
    view.resize(300, 200)
    image = view.viewport().grab().toImage()
    for row in range(4):
        rect = view.visualRect(model.index(row, 0))
        background = image.pixelColor(rect.right() - 2, rect.center().y()).lightness()
        box = [image.pixelColor(x, rect.center().y()).lightness()
               for x in range(rect.left(), rect.left() + 20)]  # the box, not the text
        assert max(box) - background > 60, row  # the box's frame stands out


def test_dialog_error_and_hint_text_reads_in_dark(qapp, qtbot, restore_appearance,
                                                  workspace) -> None:
    import re

    from ui import appearance
    from ui.colors import MUTED_GREY, contrast, text_style
    from ui.members.card_dialog import MemberCardDialog

    appearance.apply("dark")
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    card = MemberCardDialog(workspace, None)
    qtbot.addWidget(card)
    for style in (card.general_error.styleSheet(), text_style(MUTED_GREY)):
        colour = QColor(re.search(r"color: (#[0-9a-f]{6})", style).group(1))
        assert contrast(colour, window) >= 4.5, style


def test_line_icons_follow_the_palette_and_stay_sharp(qapp, restore_appearance) -> None:
    from ui import appearance
    from ui.icons import icon

    def darkest_pixel() -> int:
        image = icon("members").pixmap(QSize(24, 24), 2.0).toImage()
        assert image.width() == 48  # drawn at device pixels for a 200 % screen
        return min(image.pixelColor(x, y).lightness() for x in range(48) for y in range(48)
                   if image.pixelColor(x, y).alpha() > 200)

    appearance.apply("light")
    light = darkest_pixel()
    appearance.apply("dark")
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert darkest_pixel() > light + 60  # light strokes on the dark palette
    assert not icon("app").isNull()


# ---------------------------------------------------------------------- error reports
SECRET_NAME, SECRET_PHONE = "张三丰", "13800138000"


def _raise_with_personal_data() -> None:
    raise ValueError(f"bad member {SECRET_NAME} {SECRET_PHONE} in '/home/alice/名单.xlsx'")


def _assert_clean(text: str) -> None:
    for secret in (SECRET_NAME, SECRET_PHONE, "alice", "名单"):
        assert secret not in text


def test_uncaught_exception_is_logged_without_personal_data(shown_reports, db) -> None:
    from ui import crash

    try:
        _raise_with_personal_data()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(shown_reports) == 1
    report, path = shown_reports[0]
    assert path.parent == paths.log_dir() and path.exists()
    saved = path.read_text("utf-8")
    assert saved == report
    assert "ValueError" in saved and "_raise_with_personal_data" in saved
    assert "QunDesk" in saved and "Python" in saved and "Qt" in saved
    _assert_clean(saved)
    # The database is named by its folder only, never its full path.
    assert f"Database folder: {Path(db.database).parent.name}" in saved
    assert str(Path(db.database)) not in saved
    assert crash._handler is not None and sys.excepthook == crash._handler.excepthook


def test_exception_in_a_qt_slot_shows_the_dialog(shown_reports, qtbot) -> None:
    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    emitter.fired.connect(_raise_with_personal_data)
    emitter.fired.emit()  # PySide6 hands the slot's exception to sys.excepthook
    assert len(shown_reports) == 1
    _assert_clean(shown_reports[0][0])


def test_exception_in_a_thread_reaches_the_gui_thread(shown_reports, qtbot) -> None:
    thread = threading.Thread(target=_raise_with_personal_data, name="worker-x")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown_reports) == 1)
    assert "Thread: worker-x" in shown_reports[0][0]


def test_uninstall_restores_the_previous_hooks(qapp) -> None:
    from ui import crash

    before = sys.excepthook, threading.excepthook
    crash.install(fatal_log=False)
    assert sys.excepthook != before[0]
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_crash_dialog_copies_its_report(qtbot) -> None:
    from ui.crash import CrashDialog

    dialog = CrashDialog("report text", paths.log_dir() / "error-x.txt")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "report text"
    dialog.add_report("second")
    assert "second" in dialog.report.toPlainText()
    assert dialog.continue_button.isDefault()


def test_redact_keeps_the_error_and_drops_the_person() -> None:
    from ui.logs import redact

    assert redact("list index out of range") == "list index out of range"
    assert redact("KeyError: 'Alice Wang'") == "KeyError: “…”"
    cleaned = redact("mail bob@example.com, call 13912345678, file C:\\Users\\bob\\a.xlsx, 王五")
    assert "bob" not in cleaned and "13912345678" not in cleaned and "王五" not in cleaned
    assert "<email>" in cleaned and "<path.xlsx>" in cleaned


def test_logging_goes_to_a_rotating_file_in_the_data_folder() -> None:
    import logging

    from ui.logs import close_logging, setup_logging

    path = setup_logging()
    try:
        logging.getLogger("qundesk.test").warning("hello log")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert path.parent == paths.log_dir()
        assert "hello log" in path.read_text("utf-8")
    finally:
        close_logging()


# ---------------------------------------------------------------------- resources
def test_resources_resolve_from_source() -> None:
    root = paths.resources_dir()
    assert root == Path(__file__).resolve().parent.parent / "resources"
    assert (root / "icons" / "app.svg").is_file()
    assert (root / "translations" / "qundesk_en.qm").is_file()
    assert (root / "packaging" / "qundesk.spec").is_file()


def test_resources_resolve_inside_a_bundle_and_data_stays_outside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "bundle" / "_internal"
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.resources_dir() == bundle / "resources"
    # Without an override the data folder is the user's (platformdirs), never the bundle.
    monkeypatch.delenv("QUNDESK_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    data = paths.data_dir()
    assert bundle not in data.parents and data.is_relative_to(tmp_path / "home")
    assert backup.backup_folder(paths.default_db_path()).is_relative_to(data)
    assert paths.log_dir().is_relative_to(data)


def test_desktop_entry_and_icon_set_are_complete() -> None:
    folder = paths.resources_dir() / "packaging"
    entry = (folder / "qundesk.desktop").read_text("utf-8")
    for line in ("Type=Application", "Exec=qundesk", "Icon=qundesk", "Terminal=false",
                 "Name[zh_CN]=群主台"):
        assert line in entry
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (folder / "icons" / f"qundesk-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == size
    assert (folder / "icons" / "qundesk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (folder / "icons" / "qundesk.icns").read_bytes()[:4] == b"icns"


def test_a_repeating_error_is_reported_once(shown_reports) -> None:
    for _ in range(5):
        try:
            _raise_with_personal_data()
        except ValueError:
            sys.excepthook(*sys.exc_info())
    assert len(shown_reports) == 1
    assert len(list(paths.log_dir().glob("error-*.txt"))) == 1


def test_a_start_up_failure_shows_the_report_instead_of_vanishing(
        qapp, qsettings, db_path, monkeypatch, restore_appearance) -> None:
    from ui import app as app_module
    from ui import crash
    from ui.logs import close_logging

    shown: list[str] = []
    install = crash.install
    monkeypatch.setattr(crash, "install", lambda fatal_log=True: install(fatal_log=False))
    monkeypatch.setattr(crash, "show_crash_dialog", lambda report, path: shown.append(report))

    def broken_open(self, path):
        raise RuntimeError("cannot build the window")

    monkeypatch.setattr(app_module.QunDeskApp, "open", broken_open)
    try:
        assert app_module.run_gui(db_path, "zh") == 1
    finally:
        crash.uninstall()
        close_logging()
        app_module.i18n.install("zh")  # leave no translator behind for other tests
    assert len(shown) == 1 and "RuntimeError: cannot build the window" in shown[0]
    assert "start-up" in shown[0]


def test_help_has_a_guide_and_the_shortcuts(qtbot, workspace, no_dialogs):
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if "帮助" in a.text())
    titles = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert titles[:2] == ["使用指南(&G)", "键盘快捷键(&K)"]
    window.show_shortcuts()
    assert "Ctrl+1" in no_dialogs[-1][1] and "Tab" in no_dialogs[-1][1]


@pytest.mark.parametrize("language, words", [("zh", "导入名单"), ("en", "Import Roster")])
def test_the_guide_opens_in_the_apps_language_with_its_screenshots(qtbot, workspace, language,
                                                                    words):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.help import GuideDialog
    from ui.main_window import MainWindow

    i18n.install(language)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_guide()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, GuideDialog) and w.isVisible())
    text = dialog.browser.toPlainText()
    assert words in text and "Ctrl+I" in text
    html = dialog.browser.toHtml()
    pictures = [part.split('"')[0] for part in html.split('<img src="')[1:]]
    assert len(pictures) == 5
    for picture in pictures:
        assert picture.startswith(f"{language}/")
        image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                                   dialog.browser.source().resolved(picture))
        assert image is not None and not image.isNull(), picture  # shipped and loadable
    dialog.close()
