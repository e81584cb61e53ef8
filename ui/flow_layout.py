"""A row of buttons that wraps onto the next line when the window is narrow.

Button bars laid out in a QHBoxLayout either push the window wider than its minimum size
or get squeezed until their text is cut ("列" / "Columns", "Save as Template…"). A
FlowLayout keeps every item at its size hint and moves what does not fit to a new line;
an item added with `stretch=True` (a search box) takes the rest of its line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of items that take the rest of their line
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget, stretch: bool = False, minimum: int = 0) -> None:
        """Add `widget`; a stretching one is at least `minimum` wide and fills its line."""
        self.addWidget(widget)
        if stretch:
            self._stretch.add(id(self._items[-1]))
            widget.setMinimumWidth(minimum)

    # ---------------------------------------------------------------- QLayout API
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        width = sum(self._hint(item).width() for item in self._visible())
        width += self.gap() * max(0, len(self._visible()) - 1)
        height = max((self._hint(item).height() for item in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(self._hint(item))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # ---------------------------------------------------------------- layout
    def gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return max(style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing), 6)

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _hint(self, item: QLayoutItem) -> QSize:
        if id(item) in self._stretch:
            widget = item.widget()
            return QSize(widget.minimumWidth() if widget else 0, item.sizeHint().height())
        return item.sizeHint().expandedTo(item.minimumSize())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self.gap()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = self._hint(item).width()
            if lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(self._hint(item).height() for item in line)
            spare = area.width() - sum(self._hint(i).width() for i in line) - gap * (len(line) - 1)
            stretchers = [i for i in line if id(i) in self._stretch]
            x = area.x()
            for item in line:
                width = self._hint(item).width()
                if stretchers and item in stretchers:
                    width += max(0, spare) // len(stretchers)
                if move:
                    top = y + (height - self._hint(item).height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, self._hint(item).height())))
                x += width + gap
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0
