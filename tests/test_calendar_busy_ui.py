"""A busy week stays readable: overlapping blocks keep room for a time and a title, the
rest of a busy hour or day is "还有 N 项…", and a click there opens the whole day
(issue #15, item 10)."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest
from PySide6.QtCore import Qt

from models.calendar import edit as E

D = dt.date
T = dt.time
TODAY = D(2026, 11, 18)
BUSY = D(2026, 11, 19)  # a Thursday


@pytest.fixture
def page(workspace, qtbot):
    from ui.calendar.page import CalendarPage

    page = CalendarPage(workspace)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.today = TODAY
    page.go_to(TODAY)
    page.show()
    qtbot.waitExposed(page)
    return page


def _forty_on_one_day() -> None:
    """30 posts between 07:00 and 08:00 (every two minutes), 6 more through the day and
    4 all-day ones: about 40 items, as a busy owner plans them."""
    for n in range(30):
        E.save_item(E.ItemFields(f"早报 {n}", "分享", BUSY, T(7, 2 * n), 30, "ready"))
    for n in range(6):
        E.save_item(E.ItemFields(f"分享 {n}", "分享", BUSY, T(10 + 2 * n, 0), 60, "ready"))
    for n in range(4):
        E.save_item(E.ItemFields(f"海报 {n}", "海报", BUSY, None, 0, "ready"))


def _markers(view, day):
    return [(rect, entries) for rect, entries, _text in view._hidden
            if view.day_at(rect.center()) == day]


def test_forty_items_on_one_day_show_readable_blocks_and_how_many_more(db, page):
    _forty_on_one_day()
    page.set_view("week")
    week = page.week
    week.repaint()
    column = week.column_rect((BUSY - week.monday).days)
    blocks = [(rect, e) for rect, e in week._hits if e.date == BUSY]
    markers = _markers(week, BUSY)
    # Every item is either drawn or counted in a marker, once.
    drawn = [e.title for _rect, e in blocks]
    counted = [e.title for _rect, entries in markers for e in entries]
    assert sorted(drawn + counted) == sorted([f"早报 {n}" for n in range(30)]
                                             + [f"分享 {n}" for n in range(6)]
                                             + [f"海报 {n}" for n in range(4)])
    assert len(drawn) == len(set(drawn))
    # The busy hour is a marker, not 30 slivers: blocks keep room for time and title ...
    timed = [rect for rect, e in blocks if e.start_time is not None]
    assert all(rect.width() >= 80 and rect.height() >= 20 for rect in timed), timed
    # ... and no two blocks are drawn over each other.
    assert not [(a, b) for a, b in combinations(timed, 2) if a.intersects(b)]
    # The quiet afternoon shows all its items.
    assert {f"分享 {n}" for n in range(6)} <= set(drawn)
    # One marker for the busy hour (with the rest of 07:00-08:00), one for the all-day strip.
    hour = [(r, es) for r, es in markers if r.y() >= week._grid_top()]
    strip = [(r, es) for r, es in markers if r.y() < week._grid_top()]
    assert len(hour) == 1 and len(strip) == 1
    [(rect, entries)] = hour
    assert {e.start_time.hour for e in entries} == {7} and len(entries) >= 25
    assert column.contains(rect)
    tip = week.more_tooltip(rect.center())
    assert entries[0].title in tip and "点击查看" in tip
    assert not [b for b, _e in blocks if b.intersects(rect)]


def test_the_marker_says_how_many_more_and_a_click_opens_the_day(db, page, qtbot):
    _forty_on_one_day()
    page.resize(1900, 900)  # wide columns: the words, not just "+N"
    page.set_view("week")
    week = page.week
    week.repaint()
    [(rect, entries)] = [(r, es) for r, es in _markers(week, BUSY) if r.y() >= week._grid_top()]
    assert [text for r, _es, text in week._hidden if r == rect] == [f"还有 {len(entries)} 项…"]
    qtbot.mouseClick(week, Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.view == "agenda"
    current = page.agenda.current_entry()
    assert current is not None and current.date == BUSY
    assert [e.date for e in page.agenda.agenda.entries].count(BUSY) == 40
    assert page.agenda.rowAt(0) == page.agenda.currentIndex().row()  # scrolled to the day


def test_all_day_overflow_opens_the_day_too(db, page, qtbot):
    _forty_on_one_day()
    page.set_view("week")
    week = page.week
    week.repaint()
    [(rect, entries)] = [(r, es) for r, es in _markers(week, BUSY) if r.y() < week._grid_top()]
    assert len(entries) == 4 - (week.allday_rows - 1)
    qtbot.mouseClick(week, Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.view == "agenda" and page.agenda.current_entry().date == BUSY


def test_two_overlapping_items_still_share_the_column(db, page):
    E.save_item(E.ItemFields("读书会", "分享", BUSY, T(20, 0), 60, "ready"))
    E.save_item(E.ItemFields("答疑", "分享", BUSY, T(20, 30), 60, "ready"))
    page.set_view("week")
    page.week.repaint()
    blocks = [rect for rect, e in page.week._hits if e.date == BUSY]
    assert len(blocks) == 2 and not page.week._hidden
    assert blocks[0].right() < blocks[1].left()


def test_a_narrow_week_counts_with_plus_n(qtbot):
    """The smallest window: the marker is "+N" and blocks beside it still get their room."""
    from models.calendar.entries import CalendarEntry
    from ui.calendar.week_view import WeekView

    view = WeekView()
    qtbot.addWidget(view)
    view.resize(view.minimumSize())
    view.set_week(BUSY, TODAY)
    view.set_entries([CalendarEntry(n, None, BUSY, T(9, n), f"条目 {n}", "分享", "#3498DB",
                                    (), None, "", "ready", False, 30) for n in range(12)])
    view.grab()  # paints now
    [(rect, entries, text)] = view._hidden
    assert len(view._hits) + len(entries) == 12 and text == f"+{len(entries)}"
    assert all(r.width() >= rect.width() for r, _e in view._hits)
