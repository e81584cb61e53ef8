"""The parts of a screen or dialog that show one at a time: each tab, each page of a stacked
widget (the calendar's month / week / list), and what a button reveals (the member
filters). The checks that look at "everything visible" (mnemonics, text fit) walk them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

# Buttons that show a part of their screen that is hidden at first (筛选 opens the filters)
REVEALING = ("filter_button",)


def views(root: QWidget) -> Iterator[str]:
    """Shows each tab of every tab widget in `root`, each page of its stacked widgets (the
    calendar's month / week / list), and what its REVEALING buttons show, one at a time,
    naming it ("" first: as it is); back as it was after."""
    yield ""
    switches: list[tuple[QWidget, int, list[str]]] = []
    for tabs in root.findChildren(QTabWidget):
        if tabs.window() is root.window() and tabs.isVisibleTo(root):
            switches.append((tabs, tabs.currentIndex(),
                             [tabs.tabText(i) for i in range(tabs.count())]))
    for stack in root.findChildren(QStackedWidget):
        if stack.window() is root.window() and stack.isVisibleTo(root) \
                and not isinstance(stack.parentWidget(), QTabWidget):
            switches.append((stack, stack.currentIndex(),
                             [type(stack.widget(i)).__name__ for i in range(stack.count())]))
    for widget, was, names in switches:
        for i, name in enumerate(names):
            if i == was:
                continue
            widget.setCurrentIndex(i)  # type: ignore[attr-defined]
            for _ in range(2):
                QApplication.processEvents()
            yield f" ({name})"
        widget.setCurrentIndex(was)  # type: ignore[attr-defined]
        QApplication.processEvents()
    for name in REVEALING:
        button = getattr(root, name, None)
        if isinstance(button, QAbstractButton) and button.isCheckable() \
                and not button.isChecked():
            button.setChecked(True)  # the part it shows, with the rest of the screen
            for _ in range(2):
                QApplication.processEvents()
            yield f" ({name})"
            button.setChecked(False)
            QApplication.processEvents()
