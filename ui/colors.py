"""Colours that read in light and dark: contrast maths and palette-aware accents (issue #8).

One set of accent colours serves both appearances: `readable()` keeps an accent's hue and
lightens it on dark backgrounds (darkens it on light ones) just enough to reach a contrast
ratio; `tint()` is an opaque wash of an accent over the palette's base. The calendar's chips,
the activities screen and the Overview use these instead of fixed hex colours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

OVERDUE_RED = QColor("#B91C1C")
HOLIDAY_RED = QColor("#D64545")
WORKDAY_BLUE = QColor("#3E7CB1")
MUTED_GREY = QColor("#7B8794")


def luminance(colour: QColor) -> float:
    """WCAG relative luminance (0 black … 1 white)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(under: QColor, over: QColor, amount: float) -> QColor:
    """`over` laid on `under` at `amount` opacity (0…1), as one opaque colour."""
    return QColor(*(round(u + (o - u) * amount) for u, o in (
        (under.red(), over.red()), (under.green(), over.green()), (under.blue(), over.blue()))))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def readable(colour: QColor, background: QColor, ratio: float = 4.5) -> QColor:
    """`colour` with its hue kept, lightened (on dark) or darkened (on light) just enough to
    read on `background`: one set of accent colours serves both appearances."""
    hsl = QColor(colour)  # (getHslF() gives the same four, but its stub says `object`)
    hue, sat, light, alpha = hsl.hslHueF(), hsl.hslSaturationF(), hsl.lightnessF(), hsl.alphaF()
    towards = 1.0 if luminance(background) < 0.18 else 0.0
    out = QColor(colour)
    for _ in range(25):
        if contrast(out, background) >= ratio:
            break
        light += (towards - light) * 0.2 + (0.01 if towards else -0.01)
        light = min(1.0, max(0.0, light))
        out = QColor.fromHslF(hue, sat, light, alpha)
    return out


def tint(colour: QColor, palette: QPalette | None = None,
         role: QPalette.ColorRole = QPalette.ColorRole.Base) -> QColor:
    """An opaque wash of `colour` over the palette's `role` (a pale pink on light, a dark
    wine on dark for red), for row and cell backgrounds whose text must stay readable."""
    palette = palette or QGuiApplication.palette()
    return mix(palette.color(role), colour, 0.22 if is_dark(palette) else 0.1)


def on_palette(colour: QColor, palette: QPalette | None = None,
               role: QPalette.ColorRole = QPalette.ColorRole.Window,
               ratio: float = 4.5) -> QColor:
    """`colour` made readable on the palette's `role` (default the window background)."""
    palette = palette or QGuiApplication.palette()
    return readable(colour, palette.color(role), ratio)


def text_style(colour: QColor, extra: str = "") -> str:
    """A label's style sheet with `colour` made readable on the window (error and hint
    labels in dialogs, created after the appearance is set)."""
    return f"color: {on_palette(colour).name()};{extra}"
