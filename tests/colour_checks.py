"""Shared by the dark-mode tests: a WCAG contrast ratio computed here, independently of
the app's own helper (ui.colors), and the palette of each appearance (the
`palette_mode` fixture in conftest.py switches the application to it)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio (1 … 21)."""
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def palette_for(mode: str) -> QPalette:
    from PySide6.QtWidgets import QApplication

    from ui.appearance import dark_palette

    return dark_palette() if mode == "dark" else QApplication.style().standardPalette()
