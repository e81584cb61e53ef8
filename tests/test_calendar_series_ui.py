"""A series survives its editor: counts, intervals, end dates and durations of any size
come back unchanged when the owner opens the whole series and saves without touching it
(issue #15, item 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from models.calendar import edit as E
from models.calendar import entries as C
from models.calendar.recurrence import Rule

D = dt.date
T = dt.time
TODAY = D(2026, 11, 18)


@pytest.fixture
def page(workspace, qtbot):
    from ui.calendar.page import CalendarPage

    page = CalendarPage(workspace)
    qtbot.addWidget(page)
    page.today = TODAY
    page.go_to(TODAY)
    return page


def _save_whole_series_untouched(page, qtbot, series_id: int, day: dt.date) -> None:
    """Open one occurrence, choose 整个系列, press 保存."""
    from ui.calendar.editor import ItemEditor

    editor = ItemEditor(page, E.Ref(None, series_id, day))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.mouseClick(editor.series_radio, Qt.MouseButton.LeftButton)
    assert editor.series_radio.isChecked() and editor.recurrence.isEnabled()
    with qtbot.waitSignal(editor.saved):
        editor.save()


def test_a_daily_series_of_10000_keeps_its_count_through_the_editor(db, page, qtbot,
                                                                    no_dialogs):
    fields = E.ItemFields("每日早报", "分享", D(2026, 12, 1), T(8, 0), status="ready")
    sid = E.save_series(fields, Rule("daily", count=10000))
    _save_whole_series_untouched(page, qtbot, sid, D(2026, 12, 5))
    assert not no_dialogs
    assert E.series_fields(sid)[1] == Rule("daily", count=10000)
    last = C.entries_between(D(2054, 4, 1), D(2054, 4, 30), today=TODAY)
    assert [e.date for e in last][-1] == D(2054, 4, 17)  # still the 10,000th day


@pytest.mark.parametrize("rule, duration", [
    (Rule("daily", interval=100, count=250_000), 0),  # beyond what the box offers for typing
    (Rule("weekly", interval=60, weekdays=(1, 3)), 45),  # every 60 weeks
    (Rule("monthly_date", interval=120, until=D(2999, 12, 31)), 3000),  # a 50-hour block
    (Rule("monthly_weekday", interval=2, count=5000, nth=-1), 90),
])
def test_any_stored_rule_and_duration_survive_an_untouched_save(db, page, qtbot, no_dialogs,
                                                                rule, duration):
    fields = E.ItemFields("长系列", "分享", D(2026, 12, 1), T(20, 0), duration, "ready")
    sid = E.save_series(fields, rule)
    first = C.entries_between(D(2026, 12, 1), D(2026, 12, 31), today=TODAY)[0]
    _save_whole_series_untouched(page, qtbot, sid, first.date)
    assert not no_dialogs
    after, after_rule = E.series_fields(sid)
    assert after_rule == rule
    assert after.duration_minutes == duration


def test_the_boxes_take_large_values_typed_in(qtbot):
    from ui.calendar.recurrence_editor import RecurrenceEditor

    editor = RecurrenceEditor()
    qtbot.addWidget(editor)
    editor.set_rule(None, D(2026, 12, 1))
    editor.freq.setCurrentIndex(editor.freq.findData("daily"))
    editor.end.setCurrentIndex(editor.end.findData("count"))
    editor.count.selectAll()
    qtbot.keyClicks(editor.count, "10000")
    editor.interval.selectAll()
    qtbot.keyClicks(editor.interval, "90")
    assert editor.rule() == Rule("daily", interval=90, count=10000)


def test_a_rule_loaded_then_another_keeps_each_value(qtbot):
    """A box widened for one series still shows the next series' value exactly."""
    from ui.calendar.recurrence_editor import RecurrenceEditor

    editor = RecurrenceEditor()
    qtbot.addWidget(editor)
    editor.set_rule(Rule("daily", count=123_456), D(2026, 12, 1))
    assert editor.rule() == Rule("daily", count=123_456)
    editor.set_rule(Rule("daily", count=7), D(2026, 12, 1))
    assert editor.rule() == Rule("daily", count=7)
    editor.set_rule(Rule("daily", until=D(9999, 12, 31)), D(9999, 11, 1))
    assert editor.rule() == Rule("daily", until=D(9999, 12, 31))
    editor.set_rule(None, D(9999, 12, 30))  # the default end (start + 90 days) stays a date
    assert editor.until.date().year() == 9999
