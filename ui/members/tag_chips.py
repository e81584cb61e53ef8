"""Tags drawn as coloured chips: a painting function (shared with the member list
delegate) and a small widget that wraps chips over lines and lets the user remove them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PAD_X = 7  # horizontal padding inside a chip
GAP = 4  # space between chips
CLOSE_W = 14  # room for the "×" of a removable chip


def chip_width(font_metrics: QFontMetrics, name: str, removable: bool = False) -> int:
    # Some glyphs ("AI") paint wider than they advance; Qt then elides the whole word.
    text = max(font_metrics.horizontalAdvance(name), font_metrics.boundingRect(name).width()) + 1
    return text + 2 * PAD_X + (CLOSE_W if removable else 0)


def chip_height(font_metrics: QFontMetrics) -> int:
    return font_metrics.height() + 4


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip's colour."""
    r, g, b = background.red(), background.green(), background.blue()
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return QColor("#111827") if luminance > 160 else QColor("#ffffff")


def layout_chips(font_metrics: QFontMetrics, rect: QRect, names: list[str],
                 wrap: bool = False, removable: bool = False) -> list[QRect]:
    """Where each chip goes inside `rect`; chips that do not fit get an empty QRect."""
    h = chip_height(font_metrics)
    x, y = rect.left(), rect.top() + (0 if wrap else max(0, (rect.height() - h) // 2))
    out: list[QRect] = []
    for name in names:
        w = chip_width(font_metrics, name, removable)
        if x + w > rect.right() + 1 and x > rect.left():
            if not wrap:
                out.append(QRect())
                x = rect.right() + 1  # everything after is hidden too
                continue
            x, y = rect.left(), y + h + GAP
        w = min(w, rect.width())
        out.append(QRect(x, y, w, h))
        x += w + GAP
    return out


def paint_chips(painter: QPainter, rect: QRect, tags: list[tuple[str, str]],
                wrap: bool = False, removable: bool = False) -> list[QRect]:
    """Draw (name, colour) chips in `rect` (one line unless `wrap`); returns their rects.

    The member list delegate calls this with the cell rect; chips that do not fit are
    left out rather than squeezed.
    """
    fm = painter.fontMetrics()
    rects = layout_chips(fm, rect, [name for name, _ in tags], wrap, removable)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for (name, colour), chip in zip(tags, rects, strict=True):
        if chip.isEmpty():
            continue
        background = QColor(colour or "#64748b")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(chip), chip.height() / 2, chip.height() / 2)
        painter.setPen(text_colour(background))
        text_rect = chip.adjusted(PAD_X, 0, -PAD_X - (CLOSE_W if removable else 0), 0)
        text = fm.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         text)
        if removable:
            painter.drawText(close_rect(chip), Qt.AlignmentFlag.AlignCenter, "×")
    painter.restore()
    return rects


def close_rect(chip: QRect) -> QRect:
    return QRect(chip.right() - CLOSE_W - PAD_X // 2 + 1, chip.top(), CLOSE_W, chip.height())


class TagChips(QWidget):
    """Chips over several lines; with `removable`, clicking a chip's × asks to remove it."""

    remove_requested = Signal(int)  # tag id

    def __init__(self, parent: QWidget | None = None, removable: bool = True) -> None:
        super().__init__(parent)
        self.removable = removable
        self.placeholder = ""  # shown in grey while there are no tags
        self._tags: list[tuple[int, str, str]] = []
        self._rects: list[QRect] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    def set_tags(self, tags: list[tuple[int, str, str]]) -> None:
        """(tag id, name, colour) in display order."""
        self._tags = list(tags)
        self.updateGeometry()
        self.update()

    def tags(self) -> list[tuple[int, str, str]]:
        return list(self._tags)

    def _layout(self, width: int) -> list[QRect]:
        names = [name for _, name, _ in self._tags]
        return layout_chips(self.fontMetrics(), QRect(0, 0, max(width, 40), 10_000), names,
                            wrap=True, removable=self.removable)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        rects = self._layout(width)
        return max((r.bottom() + 1 for r in rects), default=chip_height(self.fontMetrics()))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.heightForWidth(300))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, chip_height(self.fontMetrics()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # Heights depend on width: let the layout re-ask after a resize.
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setFont(self.font())
        if not self._tags and self.placeholder:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, self.placeholder)
        self._rects = paint_chips(painter, self.rect(),
                                  [(name, colour) for _, name, colour in self._tags],
                                  wrap=True, removable=self.removable)
        painter.end()

    def chip_at(self, pos: QPoint) -> int | None:
        rects = self._rects or self._layout(self.width())
        for (tag_id, _, _), rect in zip(self._tags, rects, strict=True):
            if rect.contains(pos):
                return tag_id
        return None

    def close_hit(self, pos: QPoint) -> int | None:
        rects = self._rects or self._layout(self.width())
        for (tag_id, _, _), rect in zip(self._tags, rects, strict=True):
            if rect.contains(pos) and close_rect(rect).adjusted(-3, 0, 3, 0).contains(pos):
                return tag_id
        return None

    def close_center(self, tag_id: int) -> QPoint | None:
        """Where the × of a chip is (tests click there)."""
        rects = self._layout(self.width())
        for (tid, _, _), rect in zip(self._tags, rects, strict=True):
            if tid == tag_id:
                return close_rect(rect).center()
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.removable and self.close_hit(event.position().toPoint()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.removable and event.button() == Qt.MouseButton.LeftButton:
            tag_id = self.close_hit(event.position().toPoint())
            if tag_id is not None:
                self.remove_requested.emit(tag_id)
                return
        super().mouseReleaseEvent(event)
