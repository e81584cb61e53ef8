"""Light and dark appearance: follow the system's colour scheme, or the user's choice.

The choice ("system" | "light" | "dark") is stored in QSettings under "appearance".
Dark uses the Fusion style with a dark palette on every platform, so all widgets (and
the pages' own colours, which read the palette) look the same everywhere; light keeps the
platform's native style. Icons follow the palette by themselves (ui/icons.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

MODES = ("system", "light", "dark")
_state: dict[str, object] = {"native_style": None, "mode": "system", "connected": False}


def mode_labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {"system": translate("Appearance", "跟随系统(&S)"),
            "light": translate("Appearance", "浅色(&L)"),
            "dark": translate("Appearance", "深色(&D)")}


def chosen() -> str:
    stored = QSettings().value("appearance", "system", str)
    return stored if stored in MODES else "system"


def remember(mode: str) -> None:
    QSettings().setValue("appearance", mode)


def current() -> str:
    return str(_state["mode"])


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark() -> bool:
    """Whether the app is showing its dark palette right now."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


class DarkFusion(QProxyStyle):
    """Fusion, with check boxes that show on a dark palette.

    Fusion frames a check box a shade darker than the window, which on dark table rows
    leaves an unticked box (a checklist's "done") all but invisible.
    """

    _CHECKS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
               QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(self, element: QStyle.PrimitiveElement,  # noqa: N802 (Qt API)
                      option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in self._CHECKS:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.PlaceholderText), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            side = min(option.rect.width(), option.rect.height()) - 1
            box = QRectF(option.rect.x() + 0.5, option.rect.y() + 0.5, side, side)
            box.moveCenter(QRectF(option.rect).center())
            painter.drawRoundedRect(box, 2, 2)
            painter.restore()


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2d31", roles.WindowText: "#e6e7e9", roles.Base: "#1f2023",
        roles.AlternateBase: "#27292d", roles.ToolTipBase: "#3a3c42",
        roles.ToolTipText: "#f0f0f0", roles.PlaceholderText: "#8b8f97",
        roles.Text: "#e6e7e9", roles.Button: "#35373c", roles.ButtonText: "#e6e7e9",
        roles.BrightText: "#ff6b6b", roles.Light: "#4a4d54", roles.Midlight: "#3d4046",
        roles.Mid: "#2f3136", roles.Dark: "#1a1b1e", roles.Shadow: "#101113",
        roles.Highlight: "#3b78d8", roles.HighlightedText: "#ffffff",
        roles.Link: "#78aaff", roles.LinkVisited: "#b48cff", roles.Accent: "#3b78d8",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7b7f87"))
    palette.setColor(disabled, roles.Highlight, QColor("#4a4d54"))
    palette.setColor(disabled, roles.Base, QColor("#27292d"))
    return palette


def apply(mode: str) -> None:
    """Show `mode` now; with "system", keep following the system's changes."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if mode not in MODES:
        mode = "system"
    _state["mode"] = mode
    if _state["native_style"] is None:
        _state["native_style"] = app.style().name()
    hints = app.styleHints()
    # Tell the platform too (window title bars on Windows/macOS follow it); unset first so
    # the system's own scheme can be read for "system".
    hints.unsetColorScheme()
    dark = system_is_dark() if mode == "system" else mode == "dark"
    if mode != "system":
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    if not _state["connected"]:
        hints.colorSchemeChanged.connect(_system_changed)
        _state["connected"] = True
    if dark:
        if not isinstance(app.style(), DarkFusion):
            app.setStyle(DarkFusion())
        app.setPalette(dark_palette())
    else:
        native = str(_state["native_style"])
        if isinstance(app.style(), DarkFusion) or app.style().name().lower() != native.lower():
            app.setStyle(native)
        app.setPalette(app.style().standardPalette())


def _system_changed(_scheme: Qt.ColorScheme) -> None:
    if _state["mode"] == "system":
        apply("system")


def choose(mode: str) -> None:
    """The user picked View > Appearance > mode: remember it and show it."""
    remember(mode)
    apply(mode)
