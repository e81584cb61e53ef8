"""The Overview's charts (QtCharts): Chinese fonts set explicitly, colours from the palette.

Each ChartPanel is a titled QChartView with a "save as PNG" button; `figure_clicked`
carries (key, argument) for the click-through, e.g. ("joined", "2026-11-16").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, Slot
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QToolButton,
    QWidget,
)

from ui import dates
from ui.i18n import number
from ui.overview.chart_panel import ChartPanel, chart_font

JOINED, LEFT = QColor("#22c55e"), QColor("#ef4444")
ACTIVE, SILENT = QColor("#3b82f6"), QColor("#94a3b8")
SIGNED, ATTENDED = QColor("#93c5fd"), QColor("#2563eb")
TREND = (("members", "#3b82f6"), ("active", "#22c55e"), ("at_risk", "#f59e0b"))


class FlowChart(ChartPanel):
    """Joins (up) and departures (down) per ISO week; 6 or 12 months."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("每周入群 / 退群"), parent)
        self.months = 12
        self.weeks: list[dict[str, Any]] = []
        self.range_buttons: dict[int, QToolButton] = {}
        for n, (months, label) in enumerate(((6, self.tr("近 6 个月(&6)")),
                                              (12, self.tr("近 12 个月(&2)")))):
            button = QToolButton()
            button.setText(label)
            button.setObjectName("segment")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setChecked(months == self.months)
            button.clicked.connect(lambda _=False, m=months: self.set_months(m))
            self.header.insertWidget(1 + n, button)
            self.range_buttons[months] = button

    def set_months(self, months: int) -> None:
        self.months = months
        self.range_buttons[months].setChecked(True)
        self.show_data(self.weeks)

    def shown_weeks(self) -> list[dict[str, Any]]:
        count = 26 if self.months == 6 else 52
        return self.weeks[-count:]

    def show_data(self, weeks: list[dict[str, Any]]) -> None:
        self.weeks = weeks
        shown = self.shown_weeks()
        self.reset()
        joined = QBarSet(self.tr("入群"))
        left = QBarSet(self.tr("退群"))
        joined.setColor(JOINED)
        left.setColor(LEFT)
        joined.setBorderColor(JOINED)
        left.setBorderColor(LEFT)
        joined.append([w["joined"] for w in shown])
        left.append([-w["left"] for w in shown])
        series = QStackedBarSeries()
        series.setBarWidth(0.8)
        series.append(joined)
        series.append(left)
        joined.clicked.connect(lambda i: self._clicked("joined", i))
        left.clicked.connect(lambda i: self._clicked("left", i))
        series.hovered.connect(self._hovered)
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x.setStartValue(-1)
        x.setRange(-0.5, len(shown) - 0.5)
        starts: list[tuple[int, dt.date]] = []
        for i, week in enumerate(shown):
            # A week belongs to the month its Thursday is in (the ISO rule).
            thursday = dt.date.fromisoformat(week["start"]) + dt.timedelta(days=3)
            if not starts or thursday.month != starts[-1][1].month:
                starts.append((i, thursday))
        labelled = False
        for n, (i, thursday) in enumerate(starts):
            with_year = thursday.month == 1 or not labelled  # the first label says the year
            if n + 1 < len(starts):
                # A month cut short at the left edge: its label would overlap the next one
                # (two labels with the year, "Dec 2025" then "Jan 2026", need more room).
                both_long = with_year and starts[n + 1][1].month == 1
                if starts[n + 1][0] - i < (5 if both_long else 3):
                    continue
            label = (dates.month_year(thursday, short=True) if with_year
                     else dates.month(thursday))
            x.append(label, i - 0.5)
            labelled = True
        x.append(" ", len(shown) - 0.5)  # QtCharts skips the last label without this
        top = max([w["joined"] for w in shown] + [5])
        bottom = max([w["left"] for w in shown] + [5])
        y = QValueAxis()
        y.setRange(-bottom * 1.1, top * 1.1)
        y.setLabelFormat("%d")
        y.applyNiceNumbers()
        self.attach(series, self.axis(x, Qt.AlignmentFlag.AlignBottom),
                    self.axis(y, Qt.AlignmentFlag.AlignLeft))
        self.apply_palette()

    def _clicked(self, kind: str, index: int) -> None:
        shown = self.shown_weeks()
        if 0 <= index < len(shown):
            self.figure_clicked.emit(kind, shown[index]["start"])

    @Slot(bool, int, QBarSet)
    def _hovered(self, status: bool, index: int, _barset: QBarSet) -> None:
        shown = self.shown_weeks()
        if status and 0 <= index < len(shown):
            w = shown[index]
            self.tip(self.tr("%1（%2 起）：入群 %3，退群 %4").replace("%1", w["week"])
                     .replace("%2", w["start"]).replace("%3", number(w["joined"]))
                     .replace("%4", number(w["left"])))


class ActivityDonut(ChartPanel):
    """Active vs silent members."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("活跃 vs 沉默"), parent)

    def show_data(self, active: int, silent: int, days: int) -> None:
        self.reset()
        series = QPieSeries()
        series.setHoleSize(0.5)
        total = max(active + silent, 1)
        for key, label, value, colour in (("active", self.tr("活跃"), active, ACTIVE),
                                          ("silent", self.tr("沉默"), silent, SILENT)):
            piece = QPieSlice(self.tr("%1 %2（%3）").replace("%1", label)
                              .replace("%2", f"{value:,}")
                              .replace("%3", f"{value * 100 / total:.0f}%"), value)
            piece.setColor(colour)
            piece.setBorderColor(QApplication.palette().color(QPalette.ColorRole.Base))
            piece.setLabelFont(chart_font(9))
            piece.clicked.connect(lambda k=key: self.figure_clicked.emit(k, None))
            piece.hovered.connect(lambda on, p=piece: p.setExploded(on))
            series.append(piece)
        self.attach(series)
        self.apply_palette()
        for piece in series.slices():
            piece.setLabelColor(QApplication.palette().color(QPalette.ColorRole.WindowText))
        self.chart.legend().setVisible(True)
        self.chart.setTitle(self.tr("活跃：%1 天内有贡献、出席或私聊").replace("%1", str(days)))
        self.chart.setTitleFont(chart_font(8.5))


class TagChart(ChartPanel):
    """Members per tag, one bar colour per tag category (the largest tags of each)."""

    PER_CATEGORY = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("标签分布（按类别）"), parent)
        self.rows: list[dict[str, Any]] = []
        self.view.setMinimumHeight(330)

    def show_data(self, categories: list[dict[str, Any]]) -> None:
        self.reset()
        rows: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
        for ci, cat in enumerate(categories):
            for tag in cat["tags"][:self.PER_CATEGORY]:
                rows.append((ci, cat, tag))
        rows.reverse()  # horizontal bars are drawn bottom-up: first category on top
        self.rows = [tag for _, _, tag in rows]
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.75)
        for ci, cat in enumerate(categories):
            barset = QBarSet(cat["name"] or self.tr("未分类"))
            barset.setColor(QColor(cat["color"]))
            barset.setBorderColor(QColor(cat["color"]))
            barset.append([tag["members"] if i == ci else 0 for i, _, tag in rows])
            barset.clicked.connect(self._clicked)
            series.append(barset)
        series.hovered.connect(self._hovered)
        y = QBarCategoryAxis()
        y.append([tag["name"] for _, _, tag in rows] or [""])
        x = QValueAxis()
        x.setLabelFormat("%d")
        x.setRange(0, max([t["members"] for t in self.rows] + [5]) * 1.05)
        x.applyNiceNumbers()
        self.attach(series, self.axis(y, Qt.AlignmentFlag.AlignLeft),
                    self.axis(x, Qt.AlignmentFlag.AlignBottom))
        self.view.setMinimumHeight(max(330, 22 * len(rows) + 90))
        self.apply_palette()

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.figure_clicked.emit("tag", self.rows[index]["id"])

    @Slot(bool, int, QBarSet)
    def _hovered(self, status: bool, index: int, _barset: QBarSet) -> None:
        if status and 0 <= index < len(self.rows):
            tag = self.rows[index]
            self.tip(self.tr("%1：%Ln 位成员", "", tag["members"]).replace("%1", tag["name"]))


class ParticipationChart(ChartPanel):
    """Sign-ups and check-ins of the most recent activities (horizontal: titles stay readable)."""

    SHOWN = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("活动参与率"), parent)
        self.items: list[dict[str, Any]] = []

    def show_data(self, participation: dict[str, Any]) -> None:
        self.reset()
        # Bars are drawn bottom-up: oldest on top, the newest activity at the bottom.
        self.items = list(reversed(participation["activities"][-self.SHOWN:]))
        signed = QBarSet(self.tr("报名"))
        came = QBarSet(self.tr("出席"))
        for barset, colour, key in ((signed, SIGNED, "signed_up"), (came, ATTENDED, "attended")):
            barset.setColor(colour)
            barset.setBorderColor(colour)
            barset.clicked.connect(lambda i, k=key: self._clicked(k, i))
        signed.append([a["signed_up"] for a in self.items])
        came.append([a["attended"] for a in self.items])
        series = QHorizontalBarSeries()
        series.setBarWidth(0.75)
        series.append(signed)
        series.append(came)
        series.hovered.connect(self._hovered)
        y = QBarCategoryAxis()
        labels = []
        for a in self.items:
            day = dt.date.fromisoformat(a["date"])
            title = a["title"] if len(a["title"]) <= 8 else a["title"][:7] + "…"
            labels.append(f"{title} {dates.day_month(day)}")
        y.append(labels or [self.tr("（近一年没有活动）")])
        x = QValueAxis()
        x.setLabelFormat("%d")
        x.setRange(0, max([a["signed_up"] for a in self.items] + [5]) * 1.1)
        x.applyNiceNumbers()
        self.attach(series, self.axis(y, Qt.AlignmentFlag.AlignLeft),
                    self.axis(x, Qt.AlignmentFlag.AlignBottom))
        rate = participation["rate"]
        self.chart.setTitle(self.tr("近一年出席率 %1，%2 位成员至少出席一次").replace(
            "%1", "-" if rate is None else f"{rate * 100:.0f}%").replace(
            "%2", f"{participation['members_attended']:,}"))
        self.chart.setTitleFont(chart_font(8.5))
        self.apply_palette()

    def _clicked(self, key: str, index: int) -> None:
        """A bar: the members signed up for (`signed_up`) or at (`attended`) that activity."""
        if 0 <= index < len(self.items):
            self.figure_clicked.emit(key, self.items[index]["id"])

    @Slot(bool, int, QBarSet)
    def _hovered(self, status: bool, index: int, _barset: QBarSet) -> None:
        if status and 0 <= index < len(self.items):
            a = self.items[index]
            rate = "-" if a["rate"] is None else f"{a['rate'] * 100:.0f}%"
            self.tip(self.tr("%1 %2：报名 %3，出席 %4（%5）").replace("%1", a["date"])
                     .replace("%2", a["title"]).replace("%3", number(a["signed_up"]))
                     .replace("%4", number(a["attended"])).replace("%5", rate))


TREND_LABELS = 9  # dates along the trend's axis at most


class TrendChart(ChartPanel):
    """Members, active and at-risk counts from the weekly snapshots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("趋势（每周快照）"), parent)
        self.view.unsetCursor()  # history: nothing to open
        self._shown: tuple[list[dict[str, Any]], bool] | None = None
        self._dates = 0  # how many dates the axis was labelled with

    def _date_count(self) -> int:
        """As many dates as fit side by side along the axis, at most TREND_LABELS: half
        as wide in a narrow window, the dates would run into each other."""
        widest = QFontMetrics(chart_font(8.5)).horizontalAdvance(  # two-digit day and month
            dates.day_month(dt.date(2026, 12, 28)))
        axis = self.view.width() - 70  # less the value axis and the margins
        return max(2, min(TREND_LABELS, axis // (widest + widest // 2)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shown is not None and self._date_count() != self._dates:
            self.show_data(*self._shown)

    def labels(self) -> dict[str, str]:
        return {"members": self.tr("成员"), "active": self.tr("活跃"),
                "at_risk": self.tr("风险成员")}

    def show_data(self, trend: list[dict[str, Any]], pending: bool = False) -> None:
        """`pending`: the past weeks are being rebuilt from the records (shown soon)."""
        self.reset()
        self._shown, self._dates = (trend, pending), self._date_count()
        # Up to 26 weeks: label every few weeks (the latest always), so dates never overlap.
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x.setStartValue(-1)
        x.setRange(-0.5, max(len(trend), 1) - 0.5)
        step = -(-len(trend) // self._dates)
        for i, w in enumerate(trend):
            if (len(trend) - 1 - i) % step == 0:
                x.append(dates.day_month(dt.date.fromisoformat(w["week_start"])), i)
        x.append(" ", len(trend) - 0.5)  # QtCharts skips the last label without this
        y = QValueAxis()
        y.setLabelFormat("%d")
        top = max([w[k] for w in trend for k, _ in TREND] + [5])
        y.setRange(0, top * 1.1)
        y.applyNiceNumbers()
        self.axis(x, Qt.AlignmentFlag.AlignBottom)
        self.axis(y, Qt.AlignmentFlag.AlignLeft)
        names = self.labels()
        for key, colour in TREND:
            series = QLineSeries()
            series.setName(names[key])
            series.setPen(QPen(QColor(colour), 2.2))
            series.setPointsVisible(len(trend) < 30)
            series.append([QPointF(i, w[key]) for i, w in enumerate(trend)])
            series.hovered.connect(lambda point, on, k=key: self._hovered(k, point, on, trend))
            self.attach(series, x, y)
        estimated = sum(1 for w in trend if w.get("estimated"))
        # Weeks from before the first snapshot were rebuilt from the records: say so.
        if pending:
            self.chart.setTitle(self.tr("正在根据现有记录补算过去各周…"))
        else:
            self.chart.setTitle(self.tr("其中 %Ln 周为根据现有记录推算", "", estimated)
                                if estimated else "")
        self.chart.setTitleFont(chart_font(8.5))
        self.apply_palette()

    def _hovered(self, key: str, point: QPointF, on: bool, trend: list[dict[str, Any]]) -> None:
        index = round(point.x())
        if on and 0 <= index < len(trend):
            w = trend[index]
            self.tip(self.tr("%1 那周：%2 %3").replace("%1", w["week_start"])
                     .replace("%2", self.labels()[key]).replace("%3", number(w[key])))
