"""Keyboard only: Ctrl+1…5 switch screens, and Tab / Shift+Tab leave every table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


@pytest.fixture
def window(demo_window, qtbot):
    qtbot.waitExposed(demo_window)
    return demo_window


def _views(page: QWidget) -> list[QAbstractItemView]:
    return [v for v in page.findChildren(QAbstractItemView)
            if v.isVisibleTo(page) and v.focusPolicy() != Qt.FocusPolicy.NoFocus
            and type(v).__name__ not in ("QListView",)  # combo box pop-ups
            and v.window() is page.window()]


def test_ctrl_and_a_number_switches_screens(window, qtbot):
    for n in range(5):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{n + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == n


@pytest.mark.parametrize("row", range(5))
def test_tab_and_shift_tab_leave_every_table(window, qtbot, row):
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    views = _views(page)
    if row in (0, 2, 4):  # members, activities and the Overview show tables
        assert views, "this screen should have a table to test"
    for view in views:
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.processEvents()
            if not view.hasFocus():
                continue  # not focusable right now (empty, disabled)
            qtbot.keyClick(view, key)
            focus = QApplication.focusWidget()
            assert focus is not None and focus is not view and not view.isAncestorOf(focus), \
                f"{type(view).__name__} in {type(page).__name__} keeps the focus on {key.name}"


@pytest.mark.parametrize("row", range(5))
def test_every_control_on_every_screen_has_a_name_for_screen_readers(window, qtbot, row):
    from ui.accessibility import CONTROLS, spoken_name

    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    unnamed = [f"{type(w).__name__} {w.objectName() or ''} {getattr(w, 'text', lambda: '')()}"
               for w in page.findChildren(QWidget)
               if isinstance(w, CONTROLS) and w.isVisibleTo(page) and not spoken_name(w)
               and not (w.parentWidget() is not None
                        and isinstance(w.parentWidget(), CONTROLS))]  # a combo box's own edit
    assert not unnamed, f"{type(page).__name__}: " + "; ".join(unnamed)
