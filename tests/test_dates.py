"""Dates on screen and on paper: Chinese 11月16日 style, English '16 Nov' (never a bare 11/16,
which half the English-reading world takes for 11 June) — issue #8."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from models import messages

D = dt.date
BARE_MONTH_DAY = re.compile(r"(?<![\d.:/-])\d{1,2}/\d{1,2}(?![\d/])")  # 11/16, 12/6, 11/30/2026


@pytest.fixture
def english(qapp):
    from ui import i18n

    i18n.install("en")
    yield
    i18n.install("zh")


def test_chinese_dates():
    from ui import dates

    messages.set_language("zh")
    assert dates.day_month(D(2026, 3, 5)) == "3月5日"
    assert dates.day_month(D(2026, 3, 5), year=True) == "2026年3月5日"
    assert dates.weekday_date(D(2026, 3, 5)) == "周四 3月5日"
    assert dates.month_year(D(2026, 11, 1)) == "2026年11月"
    assert dates.month(D(2026, 12, 1)) == "12月"
    assert dates.date_range(D(2026, 11, 16), D(2026, 11, 22)) == "2026年11月16日 – 11月22日"
    assert dates.date_range(D(2026, 12, 28), D(2027, 1, 3)) == "2026年12月28日 – 2027年1月3日"
    assert dates.date_range(D(2026, 11, 9), D(2026, 11, 15), year=False) == "11月9日 – 11月15日"


def test_english_dates_spell_the_month():
    from ui import dates

    messages.set_language("en")
    assert dates.day_month(D(2026, 3, 5)) == "5 Mar"
    assert dates.day_month(D(2026, 9, 5), year=True) == "5 Sep 2026"
    assert dates.weekday_date(D(2026, 3, 5)) == "Thu 5 Mar"
    assert dates.weekday_date(D(2025, 3, 5), year=True) == "Wed 5 Mar 2025"
    assert dates.month_year(D(2026, 11, 1)) == "November 2026"
    assert dates.month_year(D(2026, 11, 1), short=True) == "Nov 2026"
    assert dates.month(D(2026, 12, 1)) == "Dec"
    assert dates.date_range(D(2026, 11, 16), D(2026, 11, 22)) == "16–22 Nov 2026"
    assert dates.date_range(D(2026, 11, 30), D(2026, 12, 6)) == "30 Nov – 6 Dec 2026"
    assert dates.date_range(D(2026, 12, 28), D(2027, 1, 3)) == "28 Dec 2026 – 3 Jan 2027"
    assert dates.date_range(D(2026, 11, 9), D(2026, 11, 15), year=False) == "9–15 Nov"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_english_week_pdf_dates(english, db, tmp_path):
    from weekplan_data import TODAY, build_week

    from ui.print.week_pdf import write_week_pdf

    build_week()
    out = tmp_path / "week.pdf"
    write_week_pdf(out, TODAY, today=TODAY)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("Weekly Plan 16–22 Nov 2026", "Mon 16 Nov", "Wed 18 Nov · Today",
                     "Sun 22 Nov", "Member changes last week (9–15 Nov)"):
        assert expected in text, expected
    # No M/D date anywhere: the only "n/n" is the full group's 3 / 3 members.
    assert set(BARE_MONTH_DAY.findall(text)) == {"3/3"}


def test_english_week_page_matches_the_printout(english, db, workspace, qtbot):
    from weekplan_data import MONDAY, build_week

    from ui.week.page import WeekPage

    build_week()
    page = WeekPage(workspace)
    qtbot.addWidget(page)
    page.go_to(MONDAY)
    assert page.range_label.text() == "16–22 Nov 2026"
    shown = page.view.toPlainText()
    assert "Mon 16 Nov" in shown and not BARE_MONTH_DAY.findall(shown)


def test_english_calendar_labels(english, db, workspace, qtbot):
    from models.calendar import edit as E
    from models.calendar import entries as C
    from ui.calendar.agenda import AgendaModel
    from ui.calendar.month_view import tooltip_text
    from ui.calendar.page import CalendarPage

    E.schedule_item("海报", "海报", D(2026, 11, 18))
    page = CalendarPage(workspace)
    qtbot.addWidget(page)
    page.today = D(2026, 11, 18)
    page.go_to(D(2026, 11, 18))
    assert page.period_label.text() == "November 2026"
    page.set_view("week")
    assert page.period_label.text() == "16–22 Nov 2026"
    entries = C.entries_between(D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 18))
    agenda = AgendaModel()
    agenda.set_entries(entries, D(2026, 11, 18))
    assert agenda.index(0, 0).data() == "Wed 18 Nov"
    assert "Wed 18 Nov 2026" in tooltip_text(entries[0])


def test_activity_start_in_english_has_no_chinese_weekday(english):
    from ui.activities.item_models import _fmt_start

    assert _fmt_start(dt.datetime(2026, 12, 9, 18, 0), 2026) == "Wed 9 Dec 18:00"
    assert _fmt_start(dt.datetime(2027, 1, 6, 9, 30), 2026) == "Wed 6 Jan 2027 09:30"


def test_chinese_screens_keep_their_style(db, workspace, qtbot):
    from ui.activities.item_models import _fmt_start
    from ui.calendar.page import CalendarPage

    page = CalendarPage(workspace)
    qtbot.addWidget(page)
    page.go_to(D(2026, 11, 18))
    assert page.period_label.text() == "2026年11月"
    page.set_view("week")
    assert page.period_label.text() == "2026年11月16日 – 11月22日"
    assert _fmt_start(dt.datetime(2026, 12, 9, 18, 0), 2026) == "周三 12月9日 18:00"


def _axis_labels(chart, kind) -> list[str]:
    axis = next(a for a in chart.chart.axes() if isinstance(a, kind))
    return [label for label in axis.categoriesLabels() if label.strip()]


def test_overview_charts_in_english(english, qtbot):
    from PySide6.QtCharts import QCategoryAxis, QPieSeries

    from ui.overview.charts import TREND_LABELS, ActivityDonut, FlowChart, TrendChart

    start = D(2026, 6, 1)  # a Monday; 26 weekly snapshots to 23 Nov
    trend = [{"week_start": (start + dt.timedelta(weeks=i)).isoformat(), "members": 100 + i,
              "active": 50, "at_risk": 10} for i in range(26)]
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show_data(trend)
    labels = _axis_labels(chart, QCategoryAxis)
    assert labels[-1] == "23 Nov" and len(labels) <= TREND_LABELS  # spaced, never crowded
    assert not any(BARE_MONTH_DAY.search(label) for label in labels)

    # Weekly joins over a year starting late December: "Dec 2025" would collide with
    # "Jan 2026" four weeks later, so the cut-short month goes unlabelled.
    monday = D(2025, 12, 1)
    weeks = [{"start": (monday + dt.timedelta(weeks=i)).isoformat(), "week": f"W{i}",
              "joined": 3, "left": 1} for i in range(52)]
    flow = FlowChart()
    qtbot.addWidget(flow)
    flow.show_data(weeks)
    labels = _axis_labels(flow, QCategoryAxis)
    assert labels[:3] == ["Jan 2026", "Feb", "Mar"] and labels[-1] == "Nov"

    donut = ActivityDonut()
    qtbot.addWidget(donut)
    donut.show_data(30, 70, 30)
    series = next(s for s in donut.chart.series() if isinstance(s, QPieSeries))
    assert [s.label() for s in series.slices()] == ["Active 30 (30%)", "Quiet 70 (70%)"]


def test_lists_of_names_follow_the_language(qapp, db):
    from models.calendar import edit as E
    from models.calendar import entries as C
    from models.members.groups import save_group
    from ui import i18n
    from ui.calendar.agenda import AgendaModel

    one = save_group({"name": "一群", "platform": "wechat", "capacity": 500})
    two = save_group({"name": "二群", "platform": "wechat", "capacity": 500})
    E.schedule_item("海报", "海报", D(2026, 11, 18), group_ids=[one.id, two.id])
    entries = C.entries_between(D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 18))
    agenda = AgendaModel()
    agenda.set_entries(entries, D(2026, 11, 18))
    column = AgendaModel.COLUMNS.index("groups")
    assert agenda.index(0, column).data() == "一群、二群"
    i18n.install("en")
    try:
        assert i18n.join(["A", "B"]) == "A, B"
        assert agenda.index(0, column).data() == "一群, 二群"
    finally:
        i18n.install("zh")
