"""The frame every Overview chart sits in: title, save-as-PNG, palette, fonts, and the
chart in words for screen readers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QChart,
    QChartView,
    QPieSeries,
    QXYSeries,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.fonts import cjk_family


def chart_font(point_size: float, bold: bool = False) -> QFont:
    """A font that shows Chinese in charts (QtCharts does not inherit the widget font)."""
    font = QFont(QApplication.font())
    family = cjk_family()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ChartPanel(QFrame):
    """A titled chart with a save button; subclasses fill `self.chart` in show_data()."""

    figure_clicked = Signal(str, object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setAccessibleName(title)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(250)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)  # bars and slices open members
        self.heading = QLabel(title)
        self.heading.setObjectName("panelTitle")
        self.save_button = QToolButton()
        self.save_button.setText(self.tr("保存图片(&S)…"))
        self.save_button.setToolTip(self.tr("把这张图保存为 PNG 图片"))
        self.save_button.clicked.connect(self.save_png)
        self.header = QHBoxLayout()
        self.header.addWidget(self.heading)
        self.header.addStretch(1)
        self.header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(self.header)
        layout.addWidget(self.view, 1)
        self.apply_palette()  # not QtCharts' white theme while the figures are computed

    # ------------------------------------------------------------ building
    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def attach(self, series: Any, *axes: QAbstractAxis) -> None:
        self.chart.addSeries(series)
        for axis in axes:
            if axis not in self.chart.axes():
                self.chart.addAxis(axis, axis.property("align") or Qt.AlignmentFlag.AlignBottom)
            series.attachAxis(axis)
        self.view.setAccessibleDescription(self.summary())

    def summary(self) -> str:
        """The chart in words, for screen readers: its title, then each series' figures."""
        parts = [self.chart.title()] if self.chart.title() else []
        for series in self.chart.series():
            if isinstance(series, QPieSeries):
                parts += [s.label() for s in series.slices()]
            elif isinstance(series, QAbstractBarSeries):
                for bars in series.barSets():
                    values = [bars.at(i) for i in range(bars.count())]
                    parts.append(self.tr("%1：共 %2，最近 %3").replace("%1", bars.label())
                                 .replace("%2", f"{sum(values):,.0f}")
                                 .replace("%3", f"{values[-1]:,.0f}" if values else "0"))
            elif isinstance(series, QXYSeries) and series.count():
                last = series.at(series.count() - 1)
                parts.append(self.tr("%1：最近 %2").replace("%1", series.name())
                             .replace("%2", f"{last.y():,.0f}"))
        return "；".join(p for p in parts if p)

    def axis(self, axis: QAbstractAxis, align: Qt.AlignmentFlag) -> QAbstractAxis:
        axis.setProperty("align", align)
        return axis

    def apply_palette(self) -> None:
        """Colours and fonts from the application palette (light or dark)."""
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        self.chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self.chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.chart.setPlotAreaBackgroundVisible(False)
        self.chart.setTitleBrush(text)
        legend = self.chart.legend()
        legend.setFont(chart_font(9))
        legend.setLabelColor(text)
        for axis in self.chart.axes():
            axis.setTruncateLabels(False)  # Chinese tag names, not "..."
            axis.setLabelsFont(chart_font(8.5))
            axis.setLabelsColor(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
            axis.setTitleBrush(text)
        self.view.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Light/dark switch, also before any figures arrived (the page redraws the data).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
        super().changeEvent(event)

    # ------------------------------------------------------------ saving
    def default_file_name(self) -> str:
        return f"{self.title}-{dt.date.today().isoformat()}.png"

    @Slot()
    def save_png(self) -> None:
        path = dialogs.save_file(self, self.tr("保存图表"), self.tr("PNG 图片 (*.png)"),
                                 str(Path.home() / self.default_file_name()))
        if path is None:
            return
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if not self.image().save(str(path), "PNG"):
            dialogs.error(self, self.tr("保存失败"),
                          self.tr("无法写入“%1”，请换一个位置。").replace("%1", str(path)))

    def image(self) -> QPixmap:
        """The chart as shown under its panel title (a saved picture travels alone)."""
        chart = self.view.grab()
        ratio = chart.devicePixelRatio()
        font = chart_font(11, bold=True)
        band = QFontMetrics(font).height() + 12
        out = QPixmap(chart.width(), chart.height() + round(band * ratio))
        out.setDevicePixelRatio(ratio)
        palette = QApplication.palette()
        out.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(out)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        width = chart.width() / ratio
        painter.drawText(QRectF(10, 0, width - 20, band),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.title)
        painter.drawPixmap(QPointF(0, band), chart)
        painter.end()
        return out

    def tip(self, text: str) -> None:
        QToolTip.showText(QCursor.pos(), text, self.view)
