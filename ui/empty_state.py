"""Empty states that teach: what this screen is for and what to do first, with buttons.

Each screen shows one in place of its bare table or calendar while the workspace holds
nothing for it; the buttons are ordinary push buttons (Tab reaches them, Enter presses
them, a screen reader reads the title and the text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.flow_layout import FlowLayout


class EmptyState(QFrame):
    """A title, a sentence or two, and the buttons that begin."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None,
                 compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel(title)
        self.title.setObjectName("emptyStateTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(560)
        self.buttons: list[QPushButton] = []
        self._row = FlowLayout()
        row_box = QWidget()
        row_box.setLayout(self._row)
        self._row_box = row_box
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(row_box)
        centre.addStretch(1)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text, 10)
        text_row.addStretch(1)
        layout = QVBoxLayout(self)
        if not compact:  # in place of a table: centred in its space
            layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addLayout(text_row)
        layout.addSpacing(8)
        layout.addLayout(centre)
        if not compact:
            layout.addStretch(2)
        else:  # a banner above a calendar or plan that stays usable
            self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)

    def add_button(self, text: str, slot: Callable[[], object], default: bool = False,
                   tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setDefault(default)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _=False: slot())
        self._row.add(button)
        self.buttons.append(button)
        self._row_box.setMaximumWidth(sum(b.sizeHint().width() + 12 for b in self.buttons))
        return button

    def button(self, text: str) -> QPushButton:
        """The button whose text (without its mnemonic, "(&N)" or "&") is `text` (tests,
        the guide)."""
        return next(b for b in self.buttons
                    if re.sub(r"\(&\w\)", "", b.text()).replace("&", "") == text)
