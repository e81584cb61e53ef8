"""Paints the member list's tag column as coloured chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.members.table_model import MemberTableModel
from ui.members.tag_chips import paint_chips


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
        if tags:
            painter.save()
            painter.setFont(option.font)
            paint_chips(painter, option.rect.adjusted(3, 2, -3, -2), tags)
            painter.restore()
