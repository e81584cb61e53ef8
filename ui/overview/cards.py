"""Headline cards (a figure, its change since last week, a sparkline) and group fill bars.

Every card and bar is a click target: it emits `clicked` and the page turns that into
the member list filtered to the members behind the figure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.i18n import number

GOOD, BAD = QColor("#16a34a"), QColor("#dc2626")
GOOD_ON_DARK, BAD_ON_DARK = QColor("#4ade80"), QColor("#f87171")  # readable on dark panels


class Sparkline(QWidget):
    """A small line of the last weeks' values (from the snapshots)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[int] = []
        self.colour = QColor("#3b82f6")
        self.setMinimumHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(120, 26)

    def set_values(self, values: list[int], colour: QColor) -> None:
        self.values, self.colour = values, colour
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self.values) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(2, 3, -2, -3)
        low, high = min(self.values), max(self.values)
        span = (high - low) or 1
        step = area.width() / (len(self.values) - 1)
        path = QPainterPath()
        for i, value in enumerate(self.values):
            point = QPointF(area.left() + i * step,
                            area.bottom() - (value - low) / span * area.height())
            path.moveTo(point) if i == 0 else path.lineTo(point)
        painter.setPen(QPen(self.colour, 1.8))
        painter.drawPath(path)
        painter.setBrush(self.colour)
        painter.drawEllipse(path.currentPosition(), 2.5, 2.5)


class FigureCard(QFrame):
    """One headline figure; click (or Enter) opens the members behind it."""

    clicked = Signal()

    def __init__(self, title: str, colour: str, up_is_good: bool | None = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.colour = QColor(colour)
        self.up_is_good = up_is_good
        self.title = QLabel(title)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("")
        self.delta = QLabel("")
        self.spark = Sparkline()
        for label in (self.title, self.detail, self.delta):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addWidget(self.delta)
        layout.addWidget(self.spark)
        layout.addStretch(1)  # cards side by side start their lines at the same height
        self.setStyleSheet(f"#figureCard {{ border-top: 3px solid {self.colour.name()}; }}")
        # At least as wide as the title and a five-digit figure need: a row too narrow
        # for every card then wraps the cards instead of squeezing their words apart.
        margins = layout.contentsMargins()
        self.setMinimumWidth(max(self.title.fontMetrics().horizontalAdvance(title),
                                 self.value.fontMetrics().horizontalAdvance("00,000"))
                             + margins.left() + margins.right() + 2 * self.frameWidth())

    def set_figure(self, value: str, detail: str = "", change: int | None = None,
                   change_text: str = "", history: list[int] | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.delta.setText(change_text)
        if change and self.up_is_good is not None:
            good = (change > 0) == self.up_is_good
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            colour = (GOOD_ON_DARK if good else BAD_ON_DARK) if dark else (GOOD if good else BAD)
            self.delta.setStyleSheet(f"color: {colour.name()};")
        else:
            self.delta.setStyleSheet("")
        self.spark.set_values(history or [], self.colour)
        self.setAccessibleName(f"{self.title.text()} {value}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class GroupsPanel(QFrame):
    """Members per group against its capacity; a group's name opens its member list."""

    group_clicked = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self.tr("各群人数与容量"))
        self.heading.setObjectName("panelTitle")
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        self.buttons: list[QPushButton] = []

    def show_data(self, groups: list[dict[str, Any]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        for row, group in enumerate(groups):
            button = QPushButton(group["name"].replace("&", "&&"))  # data, not a mnemonic
            button.setProperty("lists_data", True)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(
                lambda _=False, g=group: self.group_clicked.emit(g["id"], g["name"]))
            self.buttons.append(button)
            bar = QProgressBar()
            bar.setTextVisible(True)
            if group["capacity"]:
                bar.setRange(0, group["capacity"])
                bar.setValue(min(group["members"], group["capacity"]))
                bar.setFormat(f"{group['members']} / {group['capacity']}"
                              + i18n.aside(f"{group['fill'] * 100:.0f}%"))
                if group["fill"] >= 0.9:  # near capacity: time to open a new group
                    bar.setStyleSheet("QProgressBar::chunk { background: #f59e0b; }")
            else:
                bar.setRange(0, 1)
                bar.setValue(0)
                bar.setFormat(self.tr("%1 人（不限人数）").replace("%1", number(group["members"])))
            self.grid.addWidget(button, row, 0)
            self.grid.addWidget(bar, row, 1)
        full = [g["name"] for g in groups if g["capacity"] and g["fill"] >= 0.9]
        self.note.setText(self.tr("接近满员：%1").replace("%1", i18n.join(full)) if full
                          else ("" if groups else self.tr("还没有建群。")))
        palette = self.palette()
        self.note.setStyleSheet(
            f"color: {palette.color(QPalette.ColorRole.PlaceholderText).name()};")
