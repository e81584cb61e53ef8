"""Names for screen readers: every control a user can reach says what it is.

Screens name their searches, filters and tables explicitly (`self.tr(...)`); `name_unnamed`
then fills in what is left from what a sighted user reads next to the control: its form
label (QFormLayout), a label whose buddy it is, its tooltip, or its placeholder text.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
            QAbstractItemView, QAbstractButton)


def _plain(text: str) -> str:
    return text.replace("&", "").strip().rstrip("：:").split("\n")[0].strip()


def _form_label(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        layout = parent.layout()
        if isinstance(layout, QFormLayout):
            label = layout.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return _plain(label.text())
        parent = parent.parentWidget()
    return ""


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for `widget`: its accessible name, else a button's text."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return _plain(widget.text()) or _plain(widget.toolTip())
    return ""


def name_unnamed(root: QWidget) -> None:
    """Give every unnamed control under `root` a name from what is written beside it."""
    buddies = {label.buddy(): _plain(label.text()) for label in root.findChildren(QLabel)
               if label.buddy() is not None and label.text()}
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or spoken_name(widget):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
            continue  # an editable combo box's own line edit: the combo box carries the name
        placeholder = widget.placeholderText() if isinstance(
            widget, (QLineEdit, QPlainTextEdit, QTextEdit)) else ""
        name = (buddies.get(widget) or _form_label(widget) or _plain(widget.toolTip())
                or _plain(placeholder))
        if name:
            widget.setAccessibleName(name)
