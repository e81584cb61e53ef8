"""The Overview screen: loads in the background, every figure clicks through to the member
list with the right filter, charts save as PNG, palette switches, reload on data change."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from models.members.cards import save_member
from models.members.segments import MemberFilter, matching_ids
from models.stats import members as stats_members
from ui.workspace import Changed

TODAY = dt.date(2026, 11, 18)
pytestmark = pytest.mark.usefixtures("community")


@pytest.fixture
def community(db):
    # The known data set of test_stats (joins/leaves by week, points, follow-ups, group, tag).
    from tests.test_stats import build_community

    return build_community()


@pytest.fixture
def page(workspace, qtbot):
    from ui.overview.page import OverviewPage

    widget = OverviewPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    qtbot.waitUntil(lambda: widget._task is None, timeout=10000)  # first (today's) load
    widget.as_of = TODAY
    with qtbot.waitSignal(widget.rendered, timeout=10000):
        widget.reload()
    return widget


def emitted(qtbot, workspace, action) -> MemberFilter:
    with qtbot.waitSignal(workspace.show_members, timeout=10000) as blocker:
        action()
    spec = blocker.args[0]
    assert isinstance(spec, MemberFilter)
    return spec


def test_page_loads_the_figures(page, community):
    assert page.figures["today"] == TODAY.isoformat()
    assert page.cards["members"].value.text() == "5"
    assert page.cards["active"].value.text() == "4"
    assert page.cards["at_risk"].value.text() == "2"
    assert page.cards["joined"].value.text() == "+2"
    assert page.leaders.model.rowCount() == 2  # this week's leaderboard
    assert page.queue.model.rowCount() == 5
    assert page.birthdays.model.rowCount() == 1
    assert page.at_risk.model.rowCount() == 2
    assert len(page.flow.chart.series()) == 1
    assert "compute_ms" in page.timings and "render_ms" in page.timings


def test_cards_click_through(page, workspace, community, qtbot):
    spec = emitted(qtbot, workspace,
                   lambda: qtbot.mouseClick(page.cards["members"], Qt.MouseButton.LeftButton))
    assert spec.member_ids is None and spec.status == "active"
    spec = emitted(qtbot, workspace,
                   lambda: qtbot.mouseClick(page.cards["active"], Qt.MouseButton.LeftButton))
    assert spec.member_ids == stats_members.active_ids(TODAY) and "活跃" in spec.label
    spec = emitted(qtbot, workspace,
                   lambda: qtbot.mouseClick(page.cards["at_risk"], Qt.MouseButton.LeftButton))
    assert spec.member_ids is None and spec.no_contact_days == 30  # a structural filter
    assert set(matching_ids(spec, TODAY)) == {community["ding"], community["zhang"]}
    spec = emitted(qtbot, workspace,
                   lambda: qtbot.mouseClick(page.cards["left"], Qt.MouseButton.LeftButton))
    assert spec.member_ids == [community["chen"]] and spec.status == "left"
    page.cards["joined"].setFocus()
    spec = emitted(qtbot, workspace, lambda: qtbot.keyClick(page.cards["joined"], Qt.Key.Key_Return))
    # This week's joins up to today, as the card counts them (a date typed ahead is not one).
    assert (spec.joined_from, spec.joined_to) == (dt.date(2026, 11, 16), TODAY)


def test_charts_click_through(page, workspace, community, qtbot):
    joined, left = page.flow.chart.series()[0].barSets()
    spec = emitted(qtbot, workspace, lambda: joined.clicked.emit(51))  # the current week
    assert spec.joined_from == dt.date(2026, 11, 16) and spec.status == "all"
    spec = emitted(qtbot, workspace, lambda: left.clicked.emit(49))  # 2026-W45
    assert spec.member_ids == [community["e"]]
    page.flow.set_months(6)
    assert page.flow.chart.series()[0].barSets()[0].count() == 26
    slices = page.donut.chart.series()[0].slices()
    spec = emitted(qtbot, workspace, lambda: slices[1].clicked.emit())
    assert spec.member_ids == [community["zhang"]]  # the only silent member
    tag_set = page.tags.chart.series()[0].barSets()[0]
    spec = emitted(qtbot, workspace, lambda: tag_set.clicked.emit(0))
    assert spec.tags_any == [community["tag"]] and "AI" in spec.label


def test_participation_click_through(page, workspace, community, qtbot):
    from models.activities.activity import save_activity
    from models.activities.signups import check_in, sign_up

    talk = save_activity({"title": "线上分享会", "start": dt.datetime(2026, 11, 12, 20)})
    sign_up(talk.id, [community["an"], community["ding"]], dt.date(2026, 11, 10))
    check_in(talk.id, community["ding"], dt.datetime(2026, 11, 12, 20))
    with qtbot.waitSignal(page.rendered, timeout=10000):
        page.reload()
    came = page.participation.chart.series()[0].barSets()[1]
    assert list(came.at(i) for i in range(came.count())) == [1]
    spec = emitted(qtbot, workspace, lambda: came.clicked.emit(0))
    assert spec.member_ids == [community["ding"]] and "线上分享会" in spec.label


def test_groups_and_lists_click_through(page, workspace, community, qtbot):
    spec = emitted(qtbot, workspace, lambda: page.groups.buttons[0].click())
    assert spec.group_id == community["group"]
    table = page.leaders.table
    rect = table.visualRect(page.leaders.model.index(0, 1))
    spec = emitted(qtbot, workspace,
                   lambda: qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                                            pos=rect.center()))
    assert spec.member_ids == [community["bai"]]  # first of this week's leaderboard
    page.set_period("month")
    assert page.leaders.model.rowCount() == 4
    spec = emitted(qtbot, workspace, lambda: page.leaders.all_button.click())
    assert spec.member_ids == [community[k] for k in ("ding", "fang", "bai", "an")]
    spec = emitted(qtbot, workspace, lambda: page.birthdays.all_button.click())
    assert spec.member_ids == [community["an"]]
    spec = emitted(qtbot, workspace, lambda: page.queue.all_button.click())
    assert len(spec.member_ids) == 5


def test_save_chart_png(page, monkeypatch, tmp_path, no_dialogs):
    from ui import dialogs

    target = tmp_path / "入群退群"
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "save_file",
                        lambda parent, title, filters, start="": asked.append(filters) or target)
    page.flow.save_button.click()
    saved = tmp_path / "入群退群.png"
    assert saved.exists() and "PNG" in asked[0]
    image = QImage(str(saved))
    assert not image.isNull() and image.width() > 100
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: None)  # cancelled: nothing
    page.tags.save_png()
    assert no_dialogs == []


def test_palette_switch_restyles_charts(page, qtbot):
    app = QApplication.instance()
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Window, QColor("#1f2227"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#16181c"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: page.flow.chart.backgroundBrush().color() == QColor("#16181c"))
        axis = page.flow.chart.axes()[0]
        assert axis.labelsBrush().color() == QColor("#e6e6e6")
    finally:
        app.setPalette(before)


def test_reloads_when_data_changes(page, workspace, qtbot):
    page.show()
    qtbot.waitExposed(page)
    save_member({"name": "新成员", "joined_on": TODAY})
    with qtbot.waitSignal(page.rendered, timeout=10000):
        workspace.data_changed.emit(Changed.MEMBERS)
    assert page.cards["members"].value.text() == "6"
    page.hide()
    workspace.data_changed.emit(Changed.MEMBERS)  # hidden: reload when shown again
    assert page._dirty
    with qtbot.waitSignal(page.rendered, timeout=10000):
        page.activated()


def test_rows_model(qtmodeltester, page):
    qtmodeltester.check(page.leaders.model)
    qtmodeltester.check(page.at_risk.model)
    page.queue.model.set_rows([])
    qtmodeltester.check(page.queue.model)


def test_first_open_shows_the_cards_then_rebuilds_the_past_weeks(workspace, qtbot):
    """A workspace with no snapshots: the cards come from the quick run, then a second run
    in the background rebuilds the 12 past weeks and fills in the trend and the change."""
    from models.stats.snapshot import StatsSnapshot
    from ui.overview.page import OverviewPage

    class PinnedPage(OverviewPage):
        def _start(self) -> None:
            self.as_of = TODAY
            super()._start()

    widget = PinnedPage(workspace)
    qtbot.addWidget(widget)
    seen: list[tuple[object, ...]] = []
    widget.rendered.connect(lambda: seen.append((
        widget.figures["history_pending"], widget.cards["members"].value.text(),
        widget.cards["members"].delta.text(), widget.trend_chart.chart.title(),
        len(widget.figures["trend"]), widget.status.text(), StatsSnapshot.select().count())))
    qtbot.waitUntil(lambda: len(seen) == 2 and widget._task is None, timeout=10000)
    assert seen[0] == (True, "5", "正在补算上周快照…", "正在根据现有记录补算过去各周…", 0,
                       "截至 2026年11月18日，正在根据现有记录补算过去各周的快照…", 0)
    assert seen[1] == (False, "5", "较上周 +1", "其中 12 周为根据现有记录推算", 13,
                       "截至 2026年11月18日", 13)
    assert widget.refresh_button.isEnabled()


def test_each_chart_tells_a_screen_reader_what_it_shows(page):
    from ui.overview.chart_panel import ChartPanel

    panels = page.findChildren(ChartPanel)
    assert len(panels) >= 4
    for panel in panels:
        assert panel.view.accessibleName() == panel.title
        assert any(ch.isdigit() for ch in panel.view.accessibleDescription()), panel.title
