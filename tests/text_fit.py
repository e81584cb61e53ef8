"""Finds text that is cut off: labels, buttons, check boxes, combo boxes, tabs and headers
narrower than the text they show (a sound check: the widget's own size hint or the font's
advance of the text, against the room the widget was given)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionHeader,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # pixels of rounding


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.window() is root.window()


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.wordWrap() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        needed = int(document.idealWidth())
        if needed > room + SLACK:
            return f"QLabel {text[:60]!r}: {room} < {needed}"
        return None
    metrics = label.fontMetrics()
    if label.buddy() is not None:  # the mnemonic's "&" is drawn as an underline
        text = _plain(text)
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room + SLACK:
        return f"QLabel {text[:60]!r}: {room} < {widest}"
    return None


def _button(button: QAbstractButton) -> str | None:
    """Room for the text: the button minus its frame, margins, icon and menu arrow (not
    the style's minimum width, which a narrower button with short text does not need)."""
    text = _plain(button.text())
    if not text:
        return None
    style = button.style()
    metrics = button.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    if isinstance(button, (QCheckBox, QRadioButton)):
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, button)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
        needed = widest + icon + indicator + spacing
    else:
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
        needed = widest + icon + margin + 2 * frame
        has_menu = (isinstance(button, QPushButton) and button.menu() is not None) or (
            isinstance(button, QToolButton) and button.popupMode()
            == QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        if has_menu:
            needed += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    if button.width() + SLACK < needed:
        return f"{type(button).__name__} {text!r}: {button.width()} < {needed}"
    return None


def _combo(combo: QComboBox) -> str | None:
    if combo.isEditable() or combo.count() == 0:
        return None
    text = combo.currentText()
    metrics = combo.fontMetrics()
    # The room for the current item's text: the style's edit field.
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    needed = metrics.horizontalAdvance(text) + icon
    if needed > field.width() + SLACK:
        return f"QComboBox {text!r}: {field.width()} < {needed}"
    return None


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        need = bar.tabSizeHint(i).width() if bar.shape() in (
            QTabBar.Shape.RoundedNorth, QTabBar.Shape.RoundedSouth) else 0
        if bar.elideMode() == Qt.TextElideMode.ElideNone and bar.usesScrollButtons():
            continue  # scrolls instead of cutting
        if need and bar.tabRect(i).width() + SLACK < need:
            found.append(f"tab {_plain(bar.tabText(i))!r}: {bar.tabRect(i).width()} < {need}")
    return found


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    found = []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    if not horizontal:
        return []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        option = QStyleOptionHeader()
        header.initStyleOptionForIndex(option, section) if hasattr(
            header, "initStyleOptionForIndex") else header.initStyleOption(option)
        option.section = section
        option.text = str(text)
        option.textAlignment = header.defaultAlignment()
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        need = header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option,
                                               header.fontMetrics().size(0, str(text)), header)
        width = header.fontMetrics().horizontalAdvance(str(text).split("\n")[0])
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        needed = width + 2 * margin
        if header.sectionSize(section) + SLACK < needed:
            found.append(f"header {str(text)!r}: {header.sectionSize(section)} < {needed}"
                         f" (hint {need.width()})")
    return found


def cut_off(root: QWidget) -> list[str]:
    """Every piece of text under `root` (shown) that does not fit in its widget."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root):
            continue
        where = ""
        layout = widget.layout()
        if layout is not None and not isinstance(widget, QScrollArea) and (
                layout.minimumSize().width() > widget.width() + SLACK):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} squeezes its layout:"
                         f" {widget.width()} < {layout.minimumSize().width()}")
        if isinstance(widget, QLabel):
            problem = _label(widget)
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
            problem = _button(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo(widget)
        elif isinstance(widget, QTabBar):
            found.extend(_tabs(widget))
            continue
        elif isinstance(widget, QHeaderView):
            found.extend(_header(widget))
            continue
        else:
            continue
        if problem:
            found.append(problem + where)
    return found
