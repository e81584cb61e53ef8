"""Mnemonics pressed for real: Alt+letter on the screens does what test_mnemonics.py says
it may (a shared letter among repeated buttons moves the focus along them; a letter of
its own toggles or presses its control), and the rule itself is checked on small windows."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QPushButton, QVBoxLayout, QWidget

from tests.test_mnemonics import _clashes, mnemonic
from ui import i18n
from ui.activities.labels import status_label, status_labels, status_menu_labels

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(demo_window, qtbot):
    demo_window.show()
    demo_window.activateWindow()  # shortcuts go to the active window
    qtbot.waitActive(demo_window)
    return demo_window


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_alt_and_a_shared_letter_moves_the_focus_along_the_repeated_buttons(window, qtbot,
                                                                           monkeypatch,
                                                                           language):
    """The Overview's 保存图片 buttons (one per chart card) share S: each Alt+S focuses the
    next one and presses none (Space would)."""
    i18n.install(language)
    window.show_page("overview")
    _settle()
    page = window.current_page()
    saves = [chart.save_button for chart in page.charts if chart.save_button.isVisible()]
    assert len(saves) >= 2
    pressed: list[object] = []
    monkeypatch.setattr("ui.overview.chart_panel.dialogs.save_file",
                        lambda *args, **kwargs: pressed.append(args))
    visited = []
    for _ in saves:
        qtbot.keyClick(window, Qt.Key.Key_S, ALT)
        visited.append(QApplication.focusWidget())
    # from one to the next (in Qt's order), each once, then round again
    assert set(map(id, visited)) == set(map(id, saves)) and len(visited) == len(saves)
    qtbot.keyClick(window, Qt.Key.Key_S, ALT)
    assert QApplication.focusWidget() is visited[0]
    assert not pressed, "an ambiguous mnemonic must only move the focus"
    qtbot.keyClick(visited[0], Qt.Key.Key_Space)
    assert len(pressed) == 1  # Space presses the focused one


@pytest.mark.parametrize("language", ["zh", "en"])
def test_alt_and_a_letter_toggles_each_week_check_box(window, qtbot, language):
    i18n.install(language)
    window.show_page("week")
    _settle()
    page = window.current_page()
    assert len(page.section_boxes) == 10
    for key, box in page.section_boxes.items():
        letter = mnemonic(box.text())
        assert letter is not None, key
        before = box.isChecked()
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter}"), ALT)
        # Qt clicks a button for its mnemonic with animateClick(): pressed, then released
        qtbot.waitUntil(lambda b=box, was=before: b.isChecked() is not was)
        assert (key in page.sections()) is not before
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter}"), ALT)
        qtbot.waitUntil(lambda b=box, was=before: b.isChecked() is was)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_alt_and_a_digit_picks_the_flow_charts_period(window, qtbot, language):
    i18n.install(language)
    window.show_page("overview")
    _settle()
    flow = window.current_page().flow
    assert flow.months == 12
    qtbot.keyClick(window, Qt.Key.Key_6, ALT)
    qtbot.waitUntil(lambda: flow.months == 6)  # Qt's animateClick() releases it a bit later
    assert flow.range_buttons[6].isChecked() and len(flow.shown_weeks()) <= 26
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    qtbot.waitUntil(lambda: flow.months == 12)
    assert flow.range_buttons[12].isChecked()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_status_menu_has_letters_and_the_tables_have_none(qapp, language):
    i18n.install(language)
    menu, table = status_menu_labels(), status_labels()
    assert menu.keys() == table.keys()
    assert len({mnemonic(text) for text in menu.values()} - {None}) == len(menu)
    for key in table:
        assert "&" not in table[key] and "&" not in status_label(key)
        # the same word, with its letter
        assert re.sub(r"\(&\w\)", "", menu[key]).replace("&", "") == table[key]


def test_the_first_visit_to_the_overview_keeps_the_keyboard_in_the_main_window(window):
    """The first-steps panel once showed itself before it had a parent: a window of its own
    for a moment, which left the main window inactive and its shortcuts dead."""
    window.show_page("overview")
    _settle()
    assert QApplication.activeWindow() is window


class Card(QFrame):
    """A stand-in for one of the app's cards (its module is ui.*, like ChartPanel)."""


Card.__module__ = "ui.test_card"


class OtherCard(QFrame):
    pass


OtherCard.__module__ = "ui.test_other"


def _window(*cards: tuple[type[QWidget], list[str]]) -> QWidget:
    root = QWidget()
    layout = QVBoxLayout(root)
    for kind, texts in cards:
        card = kind()
        inner = QVBoxLayout(card)
        for text in texts:
            inner.addWidget(QPushButton(text))
        layout.addWidget(card)
    return root


def test_a_letter_may_be_shared_only_by_one_button_repeated_in_cards_of_one_kind(qtbot):
    same = _window((Card, ["保存图片(&S)…"]), (Card, ["保存图片(&S)…"]))
    qtbot.addWidget(same)
    assert _clashes(same) == []
    different = _window((Card, ["保存图片(&S)…"]), (Card, ["查看全部(&S)"]))
    qtbot.addWidget(different)
    assert _clashes(different) == ["mnemonic S used by '保存图片(&S)…' in Card / '查看全部(&S)' in Card"]
    two_in_one = _window((Card, ["删除(&D)", "删除(&D)"]))
    qtbot.addWidget(two_in_one)
    assert len(_clashes(two_in_one)) == 1
    two_kinds = _window((Card, ["删除(&D)"]), (OtherCard, ["删除(&D)"]))
    qtbot.addWidget(two_kinds)
    assert _clashes(two_kinds) == ["mnemonic D used by '删除(&D)' in Card / '删除(&D)' in OtherCard"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_tag_filter_button_counts_its_tags_and_keeps_its_letter(qtbot, language):
    from ui.members.filter_panel import TagMenuButton

    i18n.install(language)
    title = QApplication.translate("FilterPanel", "含全部标签(&A)")
    button = TagMenuButton(title)
    qtbot.addWidget(button)
    button.set_selected([3, 5])
    assert mnemonic(button.text()) == "A"
    assert button.text() == ("含全部标签 (2)(&A)" if language == "zh" else "Has &all tags (2)")
    button.set_selected([])
    assert button.text() == title
