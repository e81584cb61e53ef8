"""Paints the member list's tag column as coloured chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap, QPixmapCache
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.members.table_model import MemberTableModel
from ui.members.tag_chips import paint_chips


def _chips(size: QSize, tags: list[tuple[str, str]], font: QFont, ratio: float) -> QPixmap:
    """The chips of one cell, painted once per look and kept in Qt's pixmap cache: drawing
    them afresh took a third of each search keystroke's repaint."""
    key = (f"qundesk-chips|{size.width()}x{size.height()}@{ratio}|{font.key()}|"
           + "\x1f".join(f"{name}\x1e{colour}" for name, colour in tags))
    pixmap = QPixmap()
    if QPixmapCache.find(key, pixmap):
        return pixmap
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setFont(font)
    paint_chips(painter, QRect(QPoint(0, 0), size), tags)
    painter.end()
    QPixmapCache.insert(key, pixmap)
    return pixmap


class TagChipDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # Background and selection from the style; chips instead of the text.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        tags = index.data(MemberTableModel.TagsRole) or []
        rect = option.rect.adjusted(3, 2, -3, -2)
        if tags and rect.isValid():
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            painter.drawPixmap(rect.topLeft(), _chips(rect.size(), tags, option.font, ratio))
