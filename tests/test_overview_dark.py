"""The Overview's charts follow the palette in dark mode (issue #8): no white boxes while
the figures load, and dark backgrounds with readable axis labels and legends after."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.colour_checks import contrast


@pytest.fixture
def community(db):
    from tests.test_stats import build_community

    return build_community()


def _check_charts(page, mode: str, when: str) -> None:
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.WindowText)
    for panel in page.charts:
        assert panel.chart.backgroundBrush().color() == base, (mode, when, panel.title)
        image = panel.view.grab().toImage()
        pixels = [image.pixelColor(x, y) for x in range(0, image.width(), 3)
                  for y in range(0, image.height(), 3)]
        commonest = QColor.fromRgb(Counter(c.rgb() for c in pixels).most_common(1)[0][0])
        if mode == "dark":
            assert commonest.lightness() < 80, (when, panel.title, commonest.name())
        else:
            assert commonest.lightness() > 200, (when, panel.title, commonest.name())
        assert contrast(panel.chart.legend().labelColor(), commonest) >= 4.5
        for axis in panel.chart.axes():
            assert axis.labelsBrush().color() == text
            assert contrast(axis.labelsBrush().color(), commonest) >= 4.5


def test_charts_follow_the_palette_before_and_after_loading(workspace, community, qtbot,
                                                            palette_mode):
    from ui.overview.page import OverviewPage

    page = OverviewPage(workspace)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    assert page.figures is None  # still computing: the charts are empty
    _check_charts(page, palette_mode, "loading")
    qtbot.waitUntil(lambda: page._task is None and page.figures is not None, timeout=10000)
    _check_charts(page, palette_mode, "loaded")


def test_empty_charts_follow_a_palette_switch(workspace, community, qtbot, qapp):
    from ui.appearance import dark_palette
    from ui.overview.charts import FlowChart

    chart = FlowChart()
    qtbot.addWidget(chart)
    before = qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: chart.chart.backgroundBrush().color()
                        == dark_palette().color(QPalette.ColorRole.Base), timeout=2000)
    finally:
        qapp.setPalette(before)
