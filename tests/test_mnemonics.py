"""Keyboard only: every button and menu item has a mnemonic ("新建成员(&N)", "&New member")
or a shortcut, on every screen (empty and demo workspace; each tab, each calendar view, the
member filters open) and in every dialog (each tab), in both languages; and no two
mnemonics clash where Qt would have to guess (within one window's visible controls, and
within one menu). One button repeated in cards of one kind (保存图片 on every chart) may
share its letter: Alt+letter then walks from one to the next (test_mnemonic_keys.py).

What is not checked, and why:
- buttons without a word (icon buttons and the arrows "‹" "›": they have a tooltip and a
  name for screen readers and are reached by Tab);
- a QDialogButtonBox's Ok / Cancel / Close with Qt's own text (Qt gives them no mnemonic):
  Enter presses the default Ok, Esc rejects the dialog as Cancel / Close do; a QWizard's
  Cancel likewise (Esc); the other wizard buttons have Qt's mnemonics (&Next, &Back…);
- the parts of a QCalendarWidget (its month and year buttons are Qt's own);
- menu items and check boxes that list data: tag, group and column names, placeholders, the
  two languages (named in their own language) — these are picked with the arrow keys or
  reached by Tab.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QToolButton,
    QWidget,
    QWizard,
)

from models import demo
from tests.screen_views import views
from tests.test_dialogs_usable import _dialogs, _opened
from ui import i18n
from ui.workspace import Changed


def _check(problems: list[str]) -> None:
    assert not problems, "\n".join(problems)


_KEY = re.compile(r"&(\S)")


def mnemonic(text: str) -> str | None:
    """The mnemonic letter of a Qt text ("新建成员(&N)" -> "N"; "&&" is a plain "&")."""
    found = _KEY.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _qt_text(button: QDialogButtonBox.StandardButton) -> str:
    box = QDialogButtonBox(button)
    text = box.button(button).text()
    box.deleteLater()
    return text


def _skipped_button(button: QAbstractButton) -> bool:
    if button.property("lists_data"):  # a button named after data (a group's name)
        return True
    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget):
            return True
        parent = parent.parentWidget()
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        standard = box.standardButton(button)
        Std = QDialogButtonBox.StandardButton
        if standard in (Std.Ok, Std.Cancel, Std.Close) and button.text() == _qt_text(standard):
            if standard == Std.Ok:
                return isinstance(button, QPushButton) and button.isDefault()
            return box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
    window = button.window()
    if isinstance(window, QWizard) and button is window.button(QWizard.WizardButton.CancelButton):
        return True
    return False


def _has_shortcut(button: QAbstractButton) -> bool:
    if not button.shortcut().isEmpty():
        return True
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    return action is not None and not action.shortcut().isEmpty()


def _worded(text: str) -> bool:
    """Text with a word in it (not a bare "‹" or "›", which are drawn as arrows)."""
    return any(ch.isalnum() for ch in text)


def _buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton)
            if b.window() is root.window() and b.isVisibleTo(root) and _worded(b.text())
            and not _skipped_button(b)]


def _button_problems(root: QWidget) -> list[str]:
    return [f"{type(b).__name__} {b.text()!r}: no mnemonic or shortcut"
            for b in _buttons(root) if mnemonic(b.text()) is None and not _has_shortcut(b)]


def _owner(button: QAbstractButton) -> QWidget | None:
    """The nearest of the app's own widgets holding `button` (a chart card, a list panel,
    a screen), not Qt's plain containers."""
    parent = button.parentWidget()
    while parent is not None and not type(parent).__module__.startswith("ui."):
        parent = parent.parentWidget()
    return parent


def _kind(owner: QWidget) -> type:
    """The app's own class at the root of `owner`'s (ChartPanel for FlowChart)."""
    return [c for c in type(owner).__mro__ if c.__module__.startswith("ui.")][-1]


# What offers a mnemonic: its text, and for a button the widget of the app holding it
Key = tuple[str, "QWidget | None"]


def _keys(root: QWidget) -> dict[str, list[Key]]:
    """The mnemonics one window offers at once: buttons, labels' buddies, tabs, group
    boxes, and the menu bar's menus."""
    keys: dict[str, list[Key]] = defaultdict(list)

    def add(text: str, owner: QWidget | None = None) -> None:
        key = mnemonic(text)
        if key is not None:
            keys[key].append((text, owner))

    for button in _buttons(root):
        add(button.text(), _owner(button))
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window() or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None \
                and widget.buddy().isVisibleTo(root):
            add(widget.text())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i))
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title())
    menu_bar = getattr(root, "menuBar", None)
    if callable(menu_bar) and root.window() is root:
        for action in menu_bar().actions():
            add(action.text())
    return keys


def _repeated(users: list[Key]) -> bool:
    """One button repeated, e.g. 保存图片 on every chart card: the same text, each in its
    own card of one kind. Alt+letter then moves the focus from one to the next (Qt's
    ambiguous shortcut) and Space presses it, so they may share their letter."""
    owners = [owner for _text, owner in users]
    return (len({text for text, _owner in users}) == 1
            and all(owner is not None for owner in owners)
            and len({_kind(owner) for owner in owners if owner is not None}) == 1
            and len({id(owner) for owner in owners}) == len(owners))


def _clashes(root: QWidget) -> list[str]:
    """Each text (and where it is) once: how many of a repeated button show can depend on
    the data."""
    def where(user: Key) -> str:
        text, owner = user
        return repr(text) if owner is None else f"{text!r} in {type(owner).__name__}"

    return [f"mnemonic {key} used by {' / '.join(sorted({where(u) for u in users}))}"
            for key, users in sorted(_keys(root).items())
            if len(users) > 1 and not _repeated(users)]


def _menu_problems(menu: QMenu, where: str, data: set[QMenu]) -> list[str]:
    """Every item with text has a mnemonic or a shortcut; mnemonics unique in the menu;
    submenus too (menus filled when shown are filled first)."""
    menu.aboutToShow.emit()
    problems: list[str] = []
    seen: dict[str, str] = {}
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or not text.strip() or not action.isVisible():
            continue
        sub = action.menu()
        lists_data = menu in data or bool(menu.property("lists_data"))
        if not lists_data:
            key = mnemonic(text)
            if key is None and action.shortcut().isEmpty():
                problems.append(f"{where} > {text!r}: no mnemonic or shortcut")
            elif key is not None and key in seen:
                problems.append(f"{where}: mnemonic {key} in {seen[key]!r} and {text!r}")
            elif key is not None:
                seen[key] = text
        if isinstance(sub, QMenu):
            problems += _menu_problems(sub, f"{where} > {text}", data)
    return problems


def _button_menus(root: QWidget, data: set[QMenu]) -> list[str]:
    problems = []
    for button in _buttons(root):
        menu = button.menu() if isinstance(button, (QPushButton, QToolButton)) else None
        if menu is not None:
            problems += _menu_problems(menu, f"menu of {button.text()!r}", data)
    return problems


def _data_menus(window: QWidget) -> set[QMenu]:
    """Menus whose items are data (tag, group, column names, placeholders, languages)."""
    from ui.members.filter_panel import TagMenuButton

    menus: set[QMenu] = set()
    for button in window.findChildren(TagMenuButton):
        menus.add(button.menu())
    for menu in window.findChildren(QMenu):
        if menu.property("lists_data"):
            menus.add(menu)
    return menus


@pytest.fixture
def opened(controller, tmp_path, qtbot):
    """The main window on a new workspace; `fill()` puts the demo community in it."""
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _fill(window) -> None:
    demo.build(members=60, seed=2)
    window.workspace.announce(Changed.ALL)


def _window_problems(window: QWidget, root: QWidget, where: str) -> list[str]:
    problems: list[str] = []
    for view in views(root):
        here = where + view
        problems += [f"{here}: {p}" for p in _button_problems(window)]
        problems += [f"{here}: {p}" for p in _clashes(window)]
        problems += [f"{here}: {p}" for p in _button_menus(root, _data_menus(window))]
    return sorted(set(problems), key=problems.index)


def _screen_problems(window, qtbot) -> list[str]:
    problems: list[str] = []
    for row in range(5):
        window.nav.setCurrentRow(row)
        page = window.current_page()
        for _ in range(3):
            QApplication.processEvents()
        problems += _window_problems(window, page, type(page).__name__)
    for action in window.menuBar().actions():
        problems += _menu_problems(action.menu(), action.text(), _data_menus(window))
    return problems


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "demo"])
def test_every_button_and_menu_item_on_every_screen_has_a_mnemonic(opened, qtbot, language,
                                                                    filled):
    i18n.install(language)
    if filled:
        _fill(opened)
    problems = _screen_problems(opened, qtbot)
    _check(problems)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_context_menu_item_has_a_mnemonic(opened, qtbot, monkeypatch, language):
    i18n.install(language)
    _fill(opened)
    shown: list[QMenu] = []

    class Shown(QMenu):  # records the menu instead of showing it (exec would wait)
        def exec(self, *_args: object) -> None:
            shown.append(self)

        def popup(self, *_args: object) -> None:
            shown.append(self)

    monkeypatch.setattr("ui.members.page.QMenu", Shown)
    monkeypatch.setattr("ui.activities.page.QMenu", Shown)
    members = opened.page("members")
    opened.show_page("members")
    members.table.selectRow(0)
    members.table.customContextMenuRequested.emit(
        members.table.visualRect(members.model.index(0, 0)).center())
    activities = opened.page("activities")
    opened.show_page("activities")
    activities.view.selectRow(0)
    activities.view.customContextMenuRequested.emit(QPoint(5, 5))
    calendar = opened.page("calendar")
    opened.show_page("calendar")
    from models.calendar import entries as C

    today = dt.date.today()
    found = C.entries_between(today - dt.timedelta(days=60), today + dt.timedelta(days=60))
    assert found, "the demo should plan some content"
    series = [e for e in found if e.series_id is not None]
    shown += [calendar.context_menu(None, today), calendar.context_menu(found[0], today)]
    if series:
        shown.append(calendar.context_menu(series[0], today))
    assert len(shown) >= 5
    problems: list[str] = []
    data = _data_menus(opened)
    for menu in shown:
        problems += _menu_problems(menu, f"context menu in {type(menu.parentWidget()).__name__}",
                                   data)
    _check(problems)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_button_in_every_dialog_has_a_mnemonic(controller, tmp_path, qtbot, language):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    demo.build(members=60, seed=2)
    window.workspace.announce(Changed.ALL)
    window.show()
    qtbot.waitExposed(window)
    i18n.install(language)
    problems: list[str] = []
    for name in _dialogs():
        dialog: QDialog = _opened(window, qtbot, name)
        try:
            problems += _window_problems(dialog, dialog, name)
        finally:
            dialog.reject()
            dialog.deleteLater()
    _check(problems)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_page_of_the_import_wizard_has_its_mnemonics(qtbot, workspace, no_dialogs,
                                                           monkeypatch, tmp_path, language):
    """The dialogs test sees the wizard's first page; these are the others, a file read
    through to the result (Back / Next / 开始导入 / 完成 beside each page's own buttons)."""
    import roster_samples as S

    from ui import dialogs
    from ui.roster.import_wizard import ImportWizard

    i18n.install(language)
    wizard = ImportWizard(workspace, None)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: S.titled_xlsx(tmp_path))
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    problems = _window_problems(wizard, wizard, "file page")
    wizard.next()
    problems += _window_problems(wizard, wizard, "mapping page")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.ready, timeout=10000)
    problems += _window_problems(wizard, wizard, "preview page")
    assert {"B", "I"} <= _keys(wizard).keys()  # 上一步(&B), 开始导入(&I)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=10000)
    problems += _window_problems(wizard, wizard, "result page")
    assert {"F", "S", "U"} <= _keys(wizard).keys()  # 完成, 保存问题清单…, 撤销这次导入
    _check(problems)
