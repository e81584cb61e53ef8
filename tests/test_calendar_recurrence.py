"""Recurrence rules and Chinese holidays (pure functions, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.calendar.holidays import day_info, is_workday
from models.calendar.recurrence import Rule, is_occurrence, last_occurrence, nth_weekday, occurrences

D = dt.date


def test_daily_with_interval_crosses_year_end():
    got = occurrences(Rule("daily", interval=2), D(2026, 12, 27), D(2026, 12, 28), D(2027, 1, 4))
    assert got == [D(2026, 12, 29), D(2026, 12, 31), D(2027, 1, 2), D(2027, 1, 4)]


def test_count_counts_from_the_series_start_even_when_asking_later():
    rule = Rule("daily", count=5)
    assert occurrences(rule, D(2026, 1, 30), D(2026, 2, 2), D(2026, 3, 1)) == [
        D(2026, 2, 2), D(2026, 2, 3)]
    assert last_occurrence(rule, D(2026, 1, 30)) == D(2026, 2, 3)


def test_weekdays_skip_weekends():
    got = occurrences(Rule("weekdays"), D(2026, 11, 27), to=D(2026, 12, 2))
    assert got == [D(2026, 11, 27), D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 2)]


def test_workdays_follow_the_official_holiday_schedule():
    got = occurrences(Rule("workdays"), D(2026, 9, 28), to=D(2026, 10, 12))
    # 10-1..10-7 National Day off; Saturday 10-10 is an adjusted working day (调休上班).
    assert got == [D(2026, 9, 28), D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 8),
                   D(2026, 10, 9), D(2026, 10, 10), D(2026, 10, 12)]


def test_holiday_lookup_and_years_without_an_official_schedule():
    assert day_info(D(2026, 10, 1)).holiday and day_info(D(2026, 10, 1)).festival == "national_day"
    assert day_info(D(2026, 10, 10)).adjusted_workday
    assert not day_info(D(2026, 11, 18)).holiday
    # A year chinese_calendar does not know: the statutory days are computed (待公布).
    new_year = day_info(D(2035, 1, 1))
    assert new_year.holiday and new_year.provisional and new_year.festival == "new_year"
    assert not is_workday(D(2035, 1, 1)) and not is_workday(D(2035, 1, 6))
    assert occurrences(Rule("workdays"), D(2035, 1, 1), to=D(2035, 1, 8)) == [
        D(2035, 1, 2), D(2035, 1, 3), D(2035, 1, 4), D(2035, 1, 5), D(2035, 1, 8)]


def test_weekly_on_chosen_days():
    got = occurrences(Rule("weekly", weekdays=(2, 4)), D(2026, 12, 25), to=D(2027, 1, 8))
    assert got == [D(2026, 12, 25), D(2026, 12, 30), D(2027, 1, 1), D(2027, 1, 6),
                   D(2027, 1, 8)]


def test_every_two_weeks_keeps_its_parity_when_asked_for_a_later_month():
    rule = Rule("weekly", interval=2, weekdays=(2,))
    start = D(2026, 11, 4)  # a Wednesday
    everything = occurrences(rule, start, to=D(2027, 3, 1))
    later = occurrences(rule, start, D(2027, 1, 1), D(2027, 3, 1))
    assert later == [d for d in everything if d >= D(2027, 1, 1)]
    assert all((d - start).days % 14 == 0 for d in everything)


def test_weekly_without_days_uses_the_start_weekday():
    assert occurrences(Rule("weekly"), D(2026, 11, 20), to=D(2026, 12, 4)) == [
        D(2026, 11, 20), D(2026, 11, 27), D(2026, 12, 4)]


def test_monthly_by_date_skips_short_months_like_rfc5545():
    got = occurrences(Rule("monthly_date"), D(2026, 10, 31), to=D(2027, 4, 1))
    assert got == [D(2026, 10, 31), D(2026, 12, 31), D(2027, 1, 31), D(2027, 3, 31)]


def test_monthly_by_weekday_nth_and_last():
    second_wed = occurrences(Rule("monthly_weekday"), D(2026, 11, 11), to=D(2027, 2, 28))
    assert second_wed == [D(2026, 11, 11), D(2026, 12, 9), D(2027, 1, 13), D(2027, 2, 10)]
    last_fri = occurrences(Rule("monthly_weekday", nth=-1), D(2026, 11, 27), to=D(2027, 2, 28))
    assert last_fri == [D(2026, 11, 27), D(2026, 12, 25), D(2027, 1, 29), D(2027, 2, 26)]
    assert nth_weekday(2027, 2, 0, 5) is None


def test_until_and_interval_months():
    rule = Rule("monthly_date", interval=3, until=D(2027, 6, 15))
    assert occurrences(rule, D(2026, 12, 15)) == [D(2026, 12, 15), D(2027, 3, 15),
                                                 D(2027, 6, 15)]
    assert is_occurrence(rule, D(2026, 12, 15), D(2027, 3, 15))
    assert not is_occurrence(rule, D(2026, 12, 15), D(2027, 4, 15))


def test_bad_rules_are_refused():
    with pytest.raises(ValueError):
        Rule("yearly")
    with pytest.raises(ValueError):
        Rule("daily", interval=0)
    with pytest.raises(ValueError):
        Rule("weekly", weekdays=(7,))
