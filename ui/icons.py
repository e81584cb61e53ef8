"""Icons from resources/icons (SVG, so they stay sharp on high-DPI screens).

Line icons are drawn in slate grey (#475569); on a dark palette that grey would vanish, so
they are painted by a small icon engine that swaps in a light grey whenever the current
application palette is dark. Switching the appearance at run time therefore needs no
icon reloading. The app icon keeps its own colours.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from models.store.paths import resources_dir

LINE_COLOUR = b"#475569"
LINE_COLOUR_DARK = b"#c9d1dc"
_engines: list[QIconEngine] = []  # Python-side engines must outlive the QIcons using them


class _SvgIconEngine(QIconEngine):
    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[bool, QSvgRenderer] = {}

    def _renderer(self, dark: bool) -> QSvgRenderer:
        if dark not in self._renderers:
            data = self._svg.replace(LINE_COLOUR, LINE_COLOUR_DARK) if dark else self._svg
            self._renderers[dark] = QSvgRenderer(data)
        return self._renderers[dark]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._renderer(dark).render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        # Rendered at device pixels so icons are crisp at 150 %/200 % scaling.
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size * scale), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        engine = _SvgIconEngine(self._svg)
        _engines.append(engine)
        return engine

    def key(self) -> str:
        return "qundesk-svg"


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_bytes()
    except OSError:
        return QIcon()
    if LINE_COLOUR not in svg:
        return QIcon(str(path))  # full-colour icon (the app icon): Qt's own SVG engine
    engine = _SvgIconEngine(svg)
    _engines.append(engine)
    return QIcon(engine)
