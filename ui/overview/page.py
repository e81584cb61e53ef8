"""The Overview screen (概览): the community's health at a glance.

Figures come from models.stats.overview.compute(), run on a worker thread so the window never
waits; any data change reloads them. Past weeks without a snapshot (a new workspace, weeks
nobody looked at) are rebuilt by a second run after the cards are shown, which then fills
in the trend and the change since last week. Every card, bar, slice and row opens the member
list filtered to the members behind it (workspace.show_members).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.members import lunar
from models.members.segments import MemberFilter
from models.progress import CancelFn, ProgressFn
from models.stats import overview as stats
from models.stats.members import filter_for
from models.store.db import current
from ui import dates, i18n
from ui.first_steps import FirstStepsPanel
from ui.i18n import number
from ui.overview.cards import FigureCard, GroupsPanel
from ui.overview.chart_panel import ChartPanel
from ui.overview.charts import (
    ActivityDonut,
    FlowChart,
    ParticipationChart,
    TagChart,
    TrendChart,
)
from ui.overview.reflow import ReflowGrid, card_rows, panel_columns
from ui.overview.tables import ListPanel
from ui.worker import Task
from ui.workspace import Workspace

LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
# Figures whose members come from a structural filter: no query needed before showing.
STRUCTURAL = ("members", "group", "tag", "joined", "member", "at_risk")


def _n(value: int) -> str:
    return number(value)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


class OverviewPage(QWidget):
    rendered = Signal()  # the latest figures are on screen (tests, benchmark)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.figures: dict[str, Any] | None = None
        self.as_of: dt.date | None = None  # None: today (tests pin a date)
        self.timings: dict[str, float] = {}
        self._task: Task | None = None
        self._click_tasks: list[Task] = []
        self._pending = False
        self._dirty = False
        self._backfill = False  # the next run rebuilds the missing past weeks
        # Start computing first: the worker's queries overlap with building the widgets.
        self._start()
        self._build()
        self.status.setText(self.tr("正在计算…"))
        self.refresh_button.setEnabled(False)
        workspace.data_changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        title = QLabel(self.tr("社群概览"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.status = QLabel(self.tr("正在计算…"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)

        tr = self.tr
        self.cards: dict[str, FigureCard] = {
            "members": FigureCard(tr("成员"), "#3b82f6"),
            "active": FigureCard(tr("活跃成员"), "#22c55e"),
            "silent": FigureCard(tr("沉默成员"), "#94a3b8", up_is_good=False),
            "at_risk": FigureCard(tr("风险成员"), "#f59e0b", up_is_good=False),
            "joined": FigureCard(tr("本周入群"), "#14b8a6"),
            "left": FigureCard(tr("本周退群"), "#ef4444", up_is_good=False),
            "fill": FigureCard(tr("群容量"), "#a855f7", up_is_good=None),
        }
        # Its parent from the start: shown parentless, it would flash up as a window of its
        # own and take the keyboard from the main window
        self.first_steps = FirstStepsPanel(self.workspace, self)
        self.first_steps.go.connect(self._first_step)
        cards = list(self.cards.values())
        for key, card in self.cards.items():
            card.clicked.connect(lambda k=key: self._card_clicked(k))
        self.card_grid = ReflowGrid(card_rows(cards))

        self.flow = FlowChart()
        self.donut = ActivityDonut()
        self.trend_chart = TrendChart()
        self.participation = ParticipationChart()
        self.tags = TagChart()
        self.groups = GroupsPanel()
        self.charts: list[ChartPanel] = [self.flow, self.donut, self.trend_chart,
                                         self.participation, self.tags]
        for chart in self.charts:
            chart.figure_clicked.connect(self._chart_clicked)
        self.groups.group_clicked.connect(
            lambda gid, name: self.open_members("group", gid, tr("群：%1").replace("%1", name)))

        self.leaders = ListPanel(tr("贡献排行榜"), [
            (tr("名次"), lambda r: str(r["rank"]), CENTER),
            (tr("姓名"), lambda r: r["name"], LEFT),
            (tr("积分"), lambda r: _n(r["points"]), RIGHT),
            (tr("等级"), lambda r: r["level"], LEFT)])
        self.period = "week"
        self.period_buttons: dict[str, QToolButton] = {}
        for n, (key, label) in enumerate((("week", tr("本周(&W)")), ("month", tr("本月(&M)")),
                                          ("all", tr("总榜(&T)")))):
            button = QToolButton()
            button.setObjectName("segment")
            button.setText(label)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setChecked(key == self.period)
            button.clicked.connect(lambda _=False, k=key: self.set_period(k))
            self.leaders.header.insertWidget(1 + n, button)
            self.period_buttons[key] = button
        self.queue = ListPanel(tr("今日待联系"), [
            (tr("姓名"), lambda r: r["name"], LEFT),
            (tr("事由"), lambda r: tr("到期回访") if r["reason"] == "due" else tr("加好友"), LEFT),
            (tr("应联系日期"), lambda r: r["due"] or tr("今天"), LEFT)])
        self.birthdays = ListPanel(tr("近期生日"), [
            (tr("日期"), self._birthday_text, LEFT),
            (tr("姓名"), lambda r: r["name"], LEFT),
            (tr("年龄"), lambda r: tr("%1 岁").replace("%1", str(r["age"])) if r["age"] is not None
             else "", RIGHT)], stretch=1)
        self.at_risk = ListPanel(tr("风险成员（按积分）"), [
            (tr("姓名"), lambda r: r["name"], LEFT),
            (tr("积分"), lambda r: _n(r["points"]), RIGHT),
            (tr("最近私聊"), lambda r: r["last_contact"] or tr("从未"), LEFT)])
        lists = {"top": self.leaders, "queue": self.queue, "birthdays": self.birthdays,
                 "at_risk": self.at_risk}
        for key, panel in lists.items():
            panel.member_clicked.connect(
                lambda mid, name: self.open_members("member", mid, name))
            panel.show_all.connect(lambda k=key: self._show_all(k))

        self.side = QWidget()  # the groups above the leaderboard, beside the tag chart
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(10)
        side.addWidget(self.groups)
        side.addWidget(self.leaders, 1)
        self.grid = ReflowGrid(panel_columns(
            self.flow, self.donut, self.trend_chart, self.participation, self.tags, self.side,
            self.queue, self.birthdays, self.at_risk))

        content = QWidget()
        content.setObjectName("overviewContent")
        # The chosen period/range must be obvious in light and dark palettes alike.
        content.setStyleSheet(
            "QLabel#panelTitle { font-weight: bold; }"
            "QToolButton#segment { padding: 2px 8px; border: 1px solid palette(mid);"
            " border-radius: 3px; }"
            "QToolButton#segment:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }")
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 10, 12, 12)
        body.setSpacing(10)
        body.addLayout(top)
        body.addWidget(self.first_steps)
        body.addLayout(self.card_grid)
        body.addLayout(self.grid)
        self._margins = body.contentsMargins()
        self.scroll_area = QScrollArea()  # (`scroll` is QWidget's own method)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # Only when even one column is too wide (a tiny window): never cut off.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self._reflow()

    def _reflow(self) -> None:
        """Cards and panels in as many columns as fit the page's width. The width is
        taken as if the vertical scroll bar were there: its coming and going as the page
        grows or shrinks must not switch the arrangement back and forth."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self.width() - bar - self._margins.left() - self._margins.right()
        self.card_grid.reflow(width)
        self.grid.reflow(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    # ------------------------------------------------------------ loading
    def activated(self) -> None:
        if self._dirty:
            self.reload()

    @Slot(str)
    def _first_step(self, step: str) -> None:
        if step == "import":
            self.workspace.import_requested.emit()
        else:
            self.workspace.show_page.emit({"tag": "members", "plan": "calendar",
                                           "print": "week"}[step])

    @Slot(object)
    def _on_data_changed(self, _changed: object) -> None:
        self.first_steps.refresh()
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True  # recompute when the user comes back to the Overview

    @Slot()
    def reload(self) -> None:
        if self._task is not None:
            self._pending = True  # one more run once the current one ends
            return
        if not self._backfill:  # (rebuilding the past: the status says so already)
            self.status.setText(self.tr("正在计算…"))
        self.refresh_button.setEnabled(False)
        self._start()

    def _start(self) -> None:
        self._dirty = False
        started = time.perf_counter()
        as_of = self.as_of
        record = not self.workspace.read_only  # a read-only workspace keeps its history
        backfill, self._backfill = self._backfill, False
        opened = current()  # a worker must not write into a workspace opened meanwhile

        def work(progress: ProgressFn, cancelled: CancelFn) -> dict[str, Any]:
            return stats.compute(as_of, snapshot=record, backfill=backfill,
                                 cancelled=lambda: cancelled() or current() is not opened)

        self._task = Task(self, self.tr("计算概览"), work, show_dialog=False)
        self._task.succeeded.connect(lambda figures: self._loaded(figures, started))
        self._task.failed.connect(self._failed)
        self._task.cancelled.connect(self._finished)
        self._task.start()

    def _loaded(self, figures: dict[str, Any], started: float) -> None:
        computed = time.perf_counter()
        self.show_figures(figures)
        if figures["history_pending"]:
            self._backfill = self._pending = True  # at once: rebuild the past weeks
        self.timings = {"compute_ms": (computed - started) * 1000,
                        "render_ms": (time.perf_counter() - computed) * 1000}
        self._finished()
        self.rendered.emit()

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self.status.setText(self.tr("计算失败：%1").replace("%1", str(exc)))
        self._finished()

    def _finished(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        self.refresh_button.setEnabled(True)
        if self._pending:
            self._pending = False
            self.reload()

    # ------------------------------------------------------------ showing
    def show_figures(self, figures: dict[str, Any]) -> None:
        previous, self.figures = self.figures, figures
        self.status.setText(
            (self.tr("截至 %1，正在根据现有记录补算过去各周的快照…") if figures["history_pending"]
             else self.tr("截至 %1")).replace(
                "%1", dates.day_month(dt.date.fromisoformat(figures["today"]), year=True)))
        self._show_cards(figures)
        self._show_charts(figures, previous)
        if previous is None or previous["groups"] != figures["groups"]:
            self.groups.show_data(figures["groups"])
        self._show_lists(figures)
        self._reflow()  # the lists' widths follow their rows

    def _show_cards(self, f: dict[str, Any]) -> None:
        h, ch, t, s = f["headline"], f["change"], f["totals"], f["settings"]
        history = f["trend"]

        def change(key: str) -> tuple[int | None, str]:
            if ch is None:
                return None, (self.tr("正在补算上周快照…") if f["history_pending"]
                              else self.tr("暂无上周快照"))
            value = ch[key]
            return value, self.tr("较上周 %1").replace("%1", f"{value:+,}")

        def series(key: str) -> list[int]:
            return [w[key] for w in history]

        c = self.cards
        c["members"].set_figure(_n(h["members"]),
                                self.tr("累计退群 %1 人").replace("%1", _n(t["left"])),
                                *change("members"), series("members"))
        c["active"].set_figure(
            _n(h["active"]), self.tr("占 %1，%2 天内有贡献或私聊").replace(
                "%1", _pct(h["active_rate"])).replace("%2", str(s["active_days"])),
            *change("active"), series("active"))
        c["silent"].set_figure(
            _n(h["silent"]), self.tr("%1 天内没有互动").replace("%1", str(s["active_days"])),
            *change("silent"), series("silent"))
        c["at_risk"].set_figure(
            _n(h["at_risk"]), self.tr("%1 天以上没有私聊").replace("%1", str(s["at_risk_days"])),
            *change("at_risk"), series("at_risk"))
        weekly = f["weekly"]
        last = weekly[-2] if len(weekly) > 1 else {"joined": 0, "left": 0}
        c["joined"].set_figure(f"+{_n(h['joined_week'])}" if h["joined_week"] else "0",
                               self.tr("上周 %1").replace("%1", _n(last["joined"])),
                               history=series("joined"))
        c["left"].set_figure(f"-{_n(h['left_week'])}" if h["left_week"] else "0",
                             self.tr("上周 %1").replace("%1", _n(last["left"])),
                             history=series("left"))
        c["fill"].set_figure(_pct(t["fill"]), self.tr("%1 / %2（有人数上限的群，%3 人）").replace(
            "%1", _n(t["in_capped_groups"])).replace("%2", _n(t["capacity"]))
            .replace("%3", _n(t["capped_members"])))

    def _show_charts(self, f: dict[str, Any], previous: dict[str, Any] | None = None) -> None:
        """Redraw the charts whose data changed (all of them without `previous`)."""
        def changed(*keys: str) -> bool:
            return previous is None or any(previous[k] != f[k] for k in keys)

        h = f["headline"]
        if changed("weekly"):
            self.flow.show_data(f["weekly"])
        if changed("headline", "settings"):
            self.donut.show_data(h["active"], h["silent"], f["settings"]["active_days"])
        if changed("trend", "history_pending"):
            self.trend_chart.show_data(f["trend"], f["history_pending"])
        if changed("participation"):
            self.participation.show_data(f["participation"])
        if changed("tags"):
            self.tags.show_data(f["tags"])

    def _show_lists(self, f: dict[str, Any]) -> None:
        self.set_period(self.period)
        q = f["queue"]
        self.queue.set_rows(q["entries"], self.tr("共 %1 人：到期回访 %2，加好友 %3（每日上限 %4）")
                            .replace("%1", _n(q["total"])).replace("%2", _n(q["due"]))
                            .replace("%3", _n(q["add_friend"])).replace("%4", str(q["limit"])),
                            self.tr("今天没有要联系的人"))
        b = f["birthdays"]
        self.birthdays.set_rows(b["members"], self.tr("未来 %1 天 %2 人").replace(
            "%1", str(b["days"])).replace("%2", _n(b["count"])),
            self.tr("近期没有人过生日"))
        r = f["at_risk"]
        self.at_risk.set_rows(r["members"], self.tr("共 %1 人，%2 天以上没有私聊").replace(
            "%1", _n(r["count"])).replace("%2", str(r["days"])), self.tr("没有风险成员"))

    def set_period(self, period: str) -> None:
        self.period = period
        self.period_buttons[period].setChecked(True)
        if self.figures is not None:
            self.leaders.set_rows(self.figures["leaderboard"][period], "",
                                  self.tr("这段时间还没有贡献记录"))

    def _birthday_text(self, row: dict[str, Any]) -> str:
        if row["in_days"] == 0:
            return self.tr("今天") + self._lunar_aside(row)
        if row["in_days"] == 1:
            return self.tr("明天") + self._lunar_aside(row)
        day = dt.date.fromisoformat(row["date"])
        return dates.day_month(day) + self._lunar_aside(row)

    def _lunar_aside(self, row: dict[str, Any]) -> str:
        """'（农历三月初五）' after a lunar birthday's day."""
        key = row.get("lunar")
        return i18n.aside(lunar.describe(lunar.parse_key(key))) if key else ""

    def changeEvent(self, event: QEvent) -> None:
        # Light/dark switch: charts draw with explicit colours, so redraw them.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and self.figures is not None:
            self._show_charts(self.figures)
            self._show_cards(self.figures)
        super().changeEvent(event)

    # ------------------------------------------------------------ click-through
    def today(self) -> dt.date:
        if self.figures is not None:
            return dt.date.fromisoformat(self.figures["today"])
        return dt.date.today()

    def card_label(self, key: str) -> str:
        """What the member list says it shows after a card (or the donut) is clicked."""
        assert self.figures is not None  # nothing to click before the first figures
        s = self.figures["settings"]
        return {
            "members": self.tr("在群成员"),
            "active": self.tr("活跃成员（%1 天内有互动）").replace("%1", str(s["active_days"])),
            "silent": self.tr("沉默成员（%1 天内没有互动）").replace("%1", str(s["active_days"])),
            "at_risk": self.tr("风险成员（%1 天以上没有私聊）").replace(
                "%1", str(s["at_risk_days"])),
            "joined": self.tr("本周入群"), "left": self.tr("本周退群"),
            "fill": self.tr("有人数上限的群的成员"),
        }[key]

    def _card_clicked(self, key: str) -> None:
        f = self.figures
        if f is None:
            return
        week = f["weekly"][-1]["start"]
        target = {"joined": ("joined", week), "left": ("left", week), "fill": ("capped", None)}
        figure, arg = target.get(key, (key, None))
        self.open_members(figure, arg, self.card_label(key))

    @Slot(str, object)
    def _chart_clicked(self, key: str, arg: object) -> None:
        f = self.figures or {}
        label = ""
        if key in ("joined", "left"):
            week = dt.date.fromisoformat(str(arg)).isocalendar()
            text = self.tr("%1年第%2周入群") if key == "joined" else self.tr("%1年第%2周退群")
            label = text.replace("%1", str(week[0])).replace("%2", str(week[1]))
        elif key in ("active", "silent"):
            label = self.card_label(key)
        elif key == "tag":
            names = {t["id"]: t["name"] for c in f.get("tags", []) for t in c["tags"]}
            label = self.tr("标签：%1").replace("%1", names.get(arg, ""))
        elif key in ("signed_up", "attended"):
            titles = {a["id"]: a["title"] for a in f.get("participation", {}).get(
                "activities", [])}
            text = self.tr("报名“%1”的成员") if key == "signed_up" else self.tr("出席“%1”的成员")
            label = text.replace("%1", titles.get(arg, ""))
        self.open_members(key, arg, label)

    def _show_all(self, key: str) -> None:
        f = self.figures or {}
        if key == "top":
            names = {"week": self.tr("本周"), "month": self.tr("本月"), "all": self.tr("总榜")}
            self.open_members("top", self.period, self.tr("贡献排行榜（%1）").replace(
                "%1", names[self.period]))
        elif key == "queue":
            self.open_members("queue", None, self.tr("今日待联系"))
        elif key == "birthdays":
            days = f.get("birthdays", {}).get("days", stats.BIRTHDAY_DAYS)
            self.open_members("birthdays", days, self.tr("未来 %1 天过生日").replace(
                "%1", str(days)))
        elif key == "at_risk":
            self._card_clicked("at_risk")

    def open_members(self, key: str, arg: object, label: str) -> None:
        """Open the member list on the members behind a figure (ids found off the GUI thread)."""
        today = self.today()
        if key in STRUCTURAL:
            self._emit(filter_for(key, today, arg, label))
            return

        def work(progress: ProgressFn, cancelled: CancelFn) -> MemberFilter:
            return filter_for(key, today, arg, label)

        task = Task(self, self.tr("查找成员"), work, show_dialog=False)
        self._click_tasks.append(task)
        task.succeeded.connect(self._emit)
        task.failed.connect(self._failed)
        for signal in (task.succeeded, task.failed, task.cancelled):
            signal.connect(lambda *_, t=task: self._click_tasks.remove(t))
        task.start()

    @Slot(object)
    def _emit(self, member_filter: object) -> None:
        self.workspace.show_members.emit(member_filter)
