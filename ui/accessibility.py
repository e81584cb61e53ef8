"""Names for screen readers: every control a user can reach says what it is.

Screens name their searches, filters and tables explicitly (`self.tr(...)`); `name_unnamed`
then fills in what is left from what a sighted user reads next to the control: its form
label (QFormLayout), a label whose buddy it is, its tooltip, or its placeholder text.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
            QAbstractItemView, QAbstractButton)


def _plain(text: str) -> str:
    return text.replace("&", "").strip().rstrip("：:").split("\n")[0].strip()


def _only(container: QWidget) -> bool:
    """Whether `container` is a plain widget holding a single control (an editor and its
    error line, say)."""
    return not isinstance(container, CONTROLS) and len(
        [w for w in container.findChildren(QWidget) if isinstance(w, CONTROLS)
         and not _inside_control(w, container)]) == 1


def _inside_control(widget: QWidget, container: QWidget) -> bool:
    """Whether `widget` is a part of another control (a combo box's list, a spin box's edit)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not container:
        if isinstance(parent, CONTROLS):
            return True
        parent = parent.parentWidget()
    return False


def _holds(layout: QLayout, widget: QWidget) -> bool:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        nested = item.layout()
        if item.widget() is widget or (nested is not None and _holds(nested, widget)):
            return True
        inner = item.widget()
        if inner is not None and inner.isAncestorOf(widget) and _only(inner):
            return True  # a plain container holding just this control
    return False


def _form_label(widget: QWidget) -> str:
    """The label of the QFormLayout row that holds `widget` (directly or in a nested row)."""
    parent = widget.parentWidget()
    while parent is not None:
        layout = parent.layout()
        forms = [layout] if isinstance(layout, QFormLayout) else []
        forms += parent.findChildren(QFormLayout) if layout is not None else []
        for form in forms:
            label = form.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return _plain(label.text())
            for row in range(form.rowCount()):
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if field is None or label_item is None:
                    continue
                nested, holder = field.layout(), field.widget()
                if (nested is not None and _holds(nested, widget)) or (
                        holder is not None and holder.isAncestorOf(widget) and _only(holder)):
                    return _text_of(label_item)
        parent = parent.parentWidget()
    return ""


def _layout_of(widget: QWidget) -> QLayout | None:
    """The layout (possibly nested) that holds `widget` directly."""
    parent = widget.parentWidget()
    top = parent.layout() if parent is not None else None
    stack: list[QLayout] = [top] if top is not None else []
    while stack:
        layout = stack.pop()
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            if item.widget() is widget:
                return layout
            nested = item.layout()
            if nested is not None:
                stack.append(nested)
    return None


def _text_of(item: QLayoutItem | None) -> str:
    label = item.widget() if item is not None else None
    return _plain(label.text()) if isinstance(label, QLabel) and label.text() else ""


def _neighbour_label(widget: QWidget) -> str:
    """The text of a label just before `widget` in its layout: to its left in a grid (or
    above it), or the previous item of a row or column."""
    layout = _layout_of(widget)
    if layout is None:
        return ""
    index = layout.indexOf(widget)
    if isinstance(layout, QGridLayout):
        position: tuple[int, int, int, int] = layout.getItemPosition(index)  # type: ignore[assignment]
        row, column = position[0], position[1]
        return (_text_of(layout.itemAtPosition(row, column - 1)) if column > 0 else "") or (
            _text_of(layout.itemAtPosition(row - 1, column)) if row > 0 else "")
    if isinstance(layout, QBoxLayout) and index > 0:
        return _text_of(layout.itemAt(index - 1))
    return ""


def _group_title(widget: QWidget) -> str:
    parent = widget.parentWidget()
    if isinstance(parent, QGroupBox) and parent.title():
        controls = [w for w in parent.findChildren(QWidget) if isinstance(w, CONTROLS)
                    and not isinstance(w.parentWidget(), CONTROLS)]
        if controls == [widget]:
            return _plain(parent.title())
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
        # A wrapper PySide still holds for a widget Qt has already deleted (seen for the
        # tool buttons inside a date edit's calendar): touching it raises, and an exception
        # in an event filter takes the whole app down
        if not shiboken6.isValid(widget):
            continue
        if not isinstance(widget, CONTROLS) or spoken_name(widget):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
            continue  # an editable combo box's own line edit: the combo box carries the name
        placeholder = widget.placeholderText() if isinstance(
            widget, (QLineEdit, QPlainTextEdit, QTextEdit)) else ""
        name = (buddies.get(widget) or _form_label(widget) or _neighbour_label(widget)
                or _group_title(widget) or _plain(widget.toolTip()) or _plain(placeholder))
        if name:
            widget.setAccessibleName(name)


class NamesOnShow(QObject):
    """An application event filter: each dialog, when first shown, names its unnamed
    controls the same way (dialogs are built in many places; this catches them all)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            name_unnamed(watched)
        return False


_filters: list[NamesOnShow] = []  # kept: a filter without a Python owner stops filtering


def name_every_dialog() -> None:
    """Install NamesOnShow on the application (once)."""
    app = QCoreApplication.instance()
    if app is not None and not any(f.parent() is app for f in _filters):
        _filters.append(NamesOnShow(app))
        app.installEventFilter(_filters[-1])
