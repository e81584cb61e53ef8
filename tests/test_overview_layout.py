"""The Overview fits the window it is shown in: at the size the app first opens at
(900 x 600) no card or panel is cut off at the right edge, in Chinese or in English; the
cards and panels move into fewer columns instead, and back into three in a wide window."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

FIRST_RUN_PAGE = 750  # the page's width in a 900-pixel window (the sidebar takes the rest)
WIDE_PAGE = 1130  # in a 1280-pixel window


@pytest.fixture
def community(db: Any) -> None:
    from models import demo

    demo.build(members=400, seed=7, today=dt.date.today())


def _loaded_page(workspace: Any, qtbot: Any, width: int) -> Any:
    from ui.overview.page import OverviewPage

    page = OverviewPage(workspace)
    qtbot.addWidget(page)
    page.resize(width, 600)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None and page._task is None
                    and not page.figures["history_pending"], timeout=20000)
    qtbot.wait(50)  # the layout requests posted by the figures
    return page


def _panels(page: Any) -> list[QWidget]:
    return [*page.cards.values(), *page.charts, page.groups, page.leaders, page.queue,
            page.birthdays, page.at_risk, page.first_steps, page.refresh_button]


def _assert_whole(page: Any) -> None:
    content, viewport = page.scroll_area.widget(), page.scroll_area.viewport()
    assert content.width() <= viewport.width()
    assert not page.scroll_area.horizontalScrollBar().isVisible()
    for panel in _panels(page):
        left = panel.mapTo(content, QPoint(0, 0)).x()
        assert left >= 0 and left + panel.width() <= content.width(), panel.objectName()
        assert panel.width() >= panel.minimumSizeHint().width(), panel.objectName()
    for card in page.cards.values():  # wrapped words get the lines they need
        assert card.height() >= card.heightForWidth(card.width()), card.title.text()


def _reading_and_tab_order(page: Any) -> tuple[list[str], list[str]]:
    """The panels as the eye reads them (row by row) and as Tab reaches them."""
    panels = {"flow": page.flow, "donut": page.donut, "trend": page.trend_chart,
              "participation": page.participation, "tags": page.tags, "leaders": page.leaders,
              "queue": page.queue, "birthdays": page.birthdays, "at_risk": page.at_risk}
    content = page.scroll_area.widget()
    place = {name: panel.mapTo(content, QPoint(0, 0)) for name, panel in panels.items()}
    reading = sorted(panels, key=lambda name: (place[name].y(), place[name].x()))
    tabbing: list[str] = []
    widget = page.refresh_button.nextInFocusChain()
    while widget is not page.refresh_button:
        owner = next((name for name, panel in panels.items()
                      if panel is widget or panel.isAncestorOf(widget)), None)
        if owner and owner not in tabbing and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            tabbing.append(owner)
        widget = widget.nextInFocusChain()
    return reading, tabbing


@pytest.mark.parametrize("language", ["zh", "en"])
def test_nothing_is_cut_off_at_the_first_run_size_and_a_wide_window_has_three_columns(
        workspace: Any, community: None, qtbot: Any, language: str) -> None:
    from ui import i18n

    i18n.install(language)
    page = _loaded_page(workspace, qtbot, FIRST_RUN_PAGE)
    assert page.grid.columns < 3 and page.card_grid.columns < len(page.cards)
    _assert_whole(page)
    narrow_reading, narrow_tabbing = _reading_and_tab_order(page)
    assert narrow_tabbing == narrow_reading  # Tab moves the way the eye reads

    page.resize(WIDE_PAGE, 800)
    qtbot.wait(50)
    assert page.grid.columns == 3 and page.card_grid.columns == len(page.cards)
    assert len({card.y() for card in page.cards.values()}) == 1  # one row of cards
    assert page.donut.x() > page.flow.x() + page.flow.width()  # beside the flow chart
    _assert_whole(page)
    assert _reading_and_tab_order(page) == (narrow_reading, narrow_tabbing)
    # Figures that change after the cards moved (the next reload): their cards grow.
    for card in page.cards.values():
        card.set_figure("12,345", detail=" ".join([card.title.text()] * 6))
    qtbot.wait(50)
    _assert_whole(page)

    page.resize(FIRST_RUN_PAGE, 600)  # and back
    qtbot.wait(50)
    _assert_whole(page)


def test_a_grid_takes_the_most_columns_whose_minimum_widths_fit(qtbot: Any) -> None:
    from ui.overview.reflow import ReflowGrid

    holder = QWidget()
    qtbot.addWidget(holder)
    wide, left, right = QWidget(holder), QWidget(holder), QWidget(holder)
    for widget, least in ((wide, 150), (left, 100), (right, 300)):
        widget.setMinimumWidth(least)
    grid = ReflowGrid({2: [(wide, 0, 0, 2), (left, 1, 0, 1), (right, 1, 1, 1)],
                       1: [(wide, 0, 0, 1), (left, 1, 0, 1), (right, 2, 0, 1)]}, spacing=10)
    holder.setLayout(grid)
    assert grid.needed(2) == 100 + 10 + 300 and grid.needed(1) == 300
    wide.setMinimumWidth(610)  # wider than both columns: they share the difference
    assert grid.needed(2) == 610
    assert grid.fitting(609) == 1 and grid.fitting(610) == 2 and grid.fitting(10) == 1

    grid.reflow(700)
    assert grid.columns == 2 and grid.count() == 3
    assert grid.getItemPosition(grid.indexOf(right)) == (1, 1, 1, 1)
    grid.reflow(400)
    assert grid.columns == 1 and grid.count() == 3
    assert grid.getItemPosition(grid.indexOf(right)) == (2, 0, 1, 1)
    assert grid.columnStretch(1) == 0  # the column no longer used takes no room


def test_the_trend_labels_as_many_dates_as_fit_its_width(qtbot: Any) -> None:
    from PySide6.QtCharts import QCategoryAxis
    from PySide6.QtGui import QFontMetrics

    from ui.overview.chart_panel import chart_font
    from ui.overview.charts import TREND_LABELS, TrendChart

    start = dt.date(2026, 6, 1)  # 26 weekly snapshots, to 23 Nov
    trend = [{"week_start": (start + dt.timedelta(weeks=i)).isoformat(), "members": 100 + i,
              "active": 50, "at_risk": 10} for i in range(26)]
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(900, 320)
    chart.show()
    chart.show_data(trend)

    def dates() -> list[str]:
        axis = next(a for a in chart.chart.axes() if isinstance(a, QCategoryAxis))
        return [label for label in axis.categoriesLabels() if label.strip()]

    wide = dates()
    chart.resize(360, 320)  # half of a 900-pixel window: the data is laid out again
    qtbot.waitUntil(lambda: dates() != wide)
    narrow = dates()
    assert 2 <= len(narrow) < len(wide) <= TREND_LABELS
    assert narrow[-1] == wide[-1]  # the latest week is always named
    metrics = QFontMetrics(chart_font(8.5))
    assert sum(metrics.horizontalAdvance(label) for label in narrow) < chart.view.width() - 70
