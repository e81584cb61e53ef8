"""A strip across the top of the main window for what the user must know now: the
workspace is read-only and why, or its file has disappeared (with a way out)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.colors import on_palette, tint

INFO, ERROR = "info", "error"
_COLOURS = {INFO: QColor("#b26a00"), ERROR: QColor("#c62828")}


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self._action: Callable[[], None] | None = None
        self.button.clicked.connect(self._clicked)
        self.kind = INFO
        self.hide()

    def show_notice(self, text: str, kind: str = INFO, action: str = "",
                    on_action: Callable[[], None] | None = None) -> None:
        self.kind = kind
        self.label.setText(text)
        self.setAccessibleName(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        self._action = on_action
        self._paint()
        self.show()

    def _paint(self) -> None:
        colour = _COLOURS[self.kind]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, tint(colour, palette,
                                                         QPalette.ColorRole.Window))
        self.setAutoFillBackground(True)
        self.setPalette(palette)
        self.label.setStyleSheet(f"color: {on_palette(colour, palette).name()};"
                                 " font-weight: 600;")

    def _clicked(self) -> None:
        if self._action is not None:
            self._action()
