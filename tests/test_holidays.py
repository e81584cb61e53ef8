"""Holidays for every year: the official schedule, computed festival days (待公布) and the
owner's own 休/班 entries (typed in or imported from an .ics file), in that order of trust."""

from __future__ import annotations

from datetime import date as D

import chinese_calendar
import pytest

from models.calendar import holidays as H
from models.calendar.holiday_files import import_ics, read_days
from models.calendar.recurrence import Rule, occurrences
from models.store import undo
from models.store.files import FileProblem


def test_2027_has_its_statutory_days_marked_as_not_yet_published():
    days = H.computed_festivals(2027)
    assert days[D(2027, 1, 1)] == "new_year"
    assert [d for d, c in sorted(days.items()) if c == "spring_festival"] == [
        D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]  # 除夕 to 初三
    assert days[D(2027, 4, 5)] == "qingming"  # the solar term
    assert days[D(2027, 6, 9)] == "dragon_boat" and days[D(2027, 9, 15)] == "mid_autumn"
    assert {d for d, c in days.items() if c in ("labour_day", "national_day")} == {
        D(2027, 5, 1), D(2027, 5, 2), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)}
    info = H.day_info(D(2027, 2, 6))
    assert info.holiday and info.provisional and info.source == "computed"
    assert not H.is_workday(D(2027, 2, 8))  # a Monday off


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_computation_agrees_with_the_published_schedule(year):
    """Under the 2025 rules every computed festival day is an official day off."""
    assert year in H.known_years()
    for day in H.computed_festivals(year):
        assert day in chinese_calendar.holidays, day


def test_every_year_gets_the_seven_festivals():
    for year in range(1990, 2101):
        days = H.computed_festivals(year)
        assert set(days.values()) == set(H.FESTIVALS), year
        fixed = [D(year, 1, 1), D(year, 5, 1), D(year, 5, 2), D(year, 10, 1), D(year, 10, 2),
                 D(year, 10, 3)]
        assert all(day in days for day in fixed), year
        assert 11 <= len(days) <= 13, year  # 中秋 can fall on 国庆; 除夕 always in the year
    assert H.computed_festivals(2020)[D(2020, 10, 1)] == "mid_autumn"


def test_owner_entries_win_and_are_one_undoable_step(db):
    before = H.day_info(D(2027, 2, 20))
    assert not before.holiday and not before.adjusted_workday  # a plain Saturday
    assert H.set_days([H.OwnerDay(D(2027, 2, 4), "off", "spring_festival"),
                       H.OwnerDay(D(2027, 2, 20), "work", ""),
                       H.OwnerDay(D(2027, 2, 8), "normal", "")]) == 3
    assert H.day_info(D(2027, 2, 4)).holiday and H.day_info(D(2027, 2, 4)).source == "owner"
    assert H.is_workday(D(2027, 2, 20)) and H.is_workday(D(2027, 2, 8))
    assert occurrences(Rule("workdays"), D(2027, 2, 19), to=D(2027, 2, 22)) == [
        D(2027, 2, 19), D(2027, 2, 20), D(2027, 2, 22)]
    H.set_days([H.OwnerDay(D(2027, 2, 20), "off", "自己定的休息日")])  # corrected in place
    assert H.day_info(D(2027, 2, 20)).note == "自己定的休息日"
    assert undo.undo() is not None
    assert H.day_info(D(2027, 2, 20)).adjusted_workday
    assert undo.undo() is not None
    assert H.owner_days(2027) == [] and H.day_info(D(2027, 2, 8)).provisional
    with pytest.raises(ValueError):
        H.set_days([H.OwnerDay(D(2027, 1, 1), "holiday", "")])


def test_clearing_an_entry_lets_the_packages_speak_again(db):
    H.set_days([H.OwnerDay(D(2026, 10, 10), "off", "")])  # officially a working Saturday
    assert H.day_info(D(2026, 10, 10)).holiday
    assert H.clear_days([D(2026, 10, 10)]) == 1
    assert H.day_info(D(2026, 10, 10)).adjusted_workday and H.day_info(D(2026, 10, 10)).source == "official"


ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//holidays//CN
BEGIN:VEVENT
UID:a
DTSTART;VALUE=DATE:20270205
DTEND;VALUE=DATE:20270212
SUMMARY:春节 假期
END:VEVENT
BEGIN:VEVENT
UID:b
DTSTART;VALUE=DATE:20270131
SUMMARY:春节 补班
END:VEVENT
BEGIN:VEVENT
UID:c
DTSTART:20270301T100000
DTEND:20270301T110000
SUMMARY:a meeting
END:VEVENT
BEGIN:VEVENT
UID:d
DTSTART;VALUE=DATE:20270403
DTEND;VALUE=DATE:20270406
SUMMARY:Qingming Festival (Off)
END:VEVENT
END:VCALENDAR
"""


def test_a_holiday_calendar_file_is_imported_as_the_owners_entries(db, tmp_path):
    path = tmp_path / "中国节假日.ics"
    path.write_text(ICS.replace("\n", "\r\n"), encoding="utf-8")
    result = import_ics(path)
    assert (result.off, result.work, result.skipped) == (10, 1, 1)
    assert H.day_info(D(2027, 2, 11)).holiday and not H.day_info(D(2027, 2, 11)).provisional
    assert H.day_info(D(2027, 1, 31)).adjusted_workday  # a Sunday of 补班
    assert H.day_info(D(2027, 2, 7)).festival == "spring_festival"
    assert H.day_info(D(2027, 4, 3)).note == "Qingming Festival (Off)"
    assert undo.undo() is not None and H.owner_days(2027) == []


@pytest.mark.parametrize("content, words", [
    (b"not a calendar at all", "不是有效的日历文件"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "没有找到"),
])
def test_a_bad_file_says_what_is_wrong_and_changes_nothing(db, tmp_path, content, words):
    path = tmp_path / "bad.ics"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as caught:
        read_days(path)
    assert words in str(caught.value) and "bad.ics" in str(caught.value)
    assert H.owner_days(2027) == []


def test_a_folder_or_a_missing_file_is_refused(db, tmp_path):
    for path in (tmp_path, tmp_path / "missing.ics"):
        with pytest.raises(FileProblem):
            read_days(path)


def test_a_days_name_in_the_language_of_the_moment():
    from models import messages

    assert H.label(H.day_info(D(2032, 10, 2))) == "国庆节"
    messages.set_language("en")
    try:
        assert H.label(H.day_info(D(2032, 10, 2))) == "National Day"
    finally:
        messages.set_language("zh")


def test_a_years_list_has_every_source_and_the_owners_ordinary_days(db):
    H.set_days([H.OwnerDay(D(2027, 2, 20), "work", "春节调休"),
                H.OwnerDay(D(2027, 2, 8), "normal", "")])
    days = {d.date: d for d in H.year_days(2027)}
    assert days[D(2027, 2, 6)].info.provisional and days[D(2027, 2, 6)].own is None
    assert days[D(2027, 2, 20)].own == H.OwnerDay(D(2027, 2, 20), "work", "春节调休")
    assert not days[D(2027, 2, 20)].schedule.adjusted_workday  # a plain Saturday beneath
    # The owner made 初三 an ordinary day: listed (to be taken back), shown as plain.
    eighth = days[D(2027, 2, 8)]
    assert eighth.own is not None and not eighth.info.holiday and eighth.schedule.holiday
    assert len(days) == len(H.computed_festivals(2027)) + 1
    official = H.year_days(2026)
    assert all(d.info.source == "official" for d in official)
    assert any(d.info.adjusted_workday for d in official)
