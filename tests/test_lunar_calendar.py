"""Birthdays in the calendar: the .ics export (a lunar birthday is one event per year,
RRULE cannot say 三月初五) and the content calendar's optional birthday layer."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from models.calendar.birthday_ics import YEARS, birthday_events
from models.calendar.ics import export_ics
from models.members import lunar
from models.members.cards import save_member
from models.members.lunar import LunarDate

D = dt.date


def _events(path) -> list:
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_the_ics_export_has_birthdays_only_when_asked(db, tmp_path):
    save_member({"name": "公历", "birthday": "1990-06-01"})
    lunar_id = save_member({"name": "农历", "birthday": LunarDate(3, 5, False, 1990)}).id
    save_member({"name": "闰日", "birthday": "2000-02-29"})
    save_member({"name": "腊月", "birthday": "农历腊月三十"})
    save_member({"name": "已退", "birthday": "1990-06-02", "left_on": D(2026, 1, 2),
                 "joined_on": D(2025, 1, 1)})
    assert export_ics(tmp_path / "plain.ics") == 0
    count = export_ics(tmp_path / "b.ics", birthdays=True)
    events = _events(tmp_path / "b.ics")
    assert count == len(events) == 2 + 2 * YEARS  # 2 solar RRULEs, 2 lunar x 5 years
    by_name: dict[str, list] = {}
    for e in events:
        by_name.setdefault(str(e["summary"]).split(" ")[0], []).append(e)
    assert set(by_name) == {"公历", "农历", "闰日", "腊月"}
    solar = by_name["公历"][0]
    assert solar["rrule"]["FREQ"] == ["YEARLY"] and solar.decoded("dtstart").month == 6
    assert by_name["闰日"][0]["rrule"]["BYMONTHDAY"] == [-1]  # the last day of February
    this_year = dt.date.today().year
    days = [e.decoded("dtstart") for e in by_name["农历"]]
    assert days == [lunar.in_year(LunarDate(3, 5), y) for y in range(this_year, this_year + YEARS)]
    assert [str(e["summary"]) for e in by_name["农历"]] == [
        f"农历 {y - 1990} 岁生日" for y in range(this_year, this_year + YEARS)]
    assert all("rrule" not in e for e in by_name["农历"])
    assert str(by_name["农历"][0]["description"]) == "农历三月初五"
    assert len({str(e["uid"]) for e in by_name["农历"]}) == YEARS
    assert str(by_name["农历"][0]["uid"]).startswith(f"birthday-{lunar_id}-{this_year}-")
    # 腊月三十 falls on the 29th when 腊月 is short, always in January/February of the next year
    for e in by_name["腊月"]:
        day = e.decoded("dtstart")
        assert day.month in (1, 2)
        assert lunar.from_solar(day).month == 12 and lunar.from_solar(day).day in (29, 30)


def test_birthday_events_in_a_range(db):
    save_member({"name": "农历", "birthday": "农历三月初五"})
    save_member({"name": "公历", "birthday": "1990-06-01"})
    events = birthday_events("ns", D(2027, 1, 1), D(2027, 12, 31))
    assert [(str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("公历 生日", D(2027, 6, 1)), ("农历 生日", lunar.in_year(LunarDate(3, 5), 2027))]
    assert events[0]["rrule"]["UNTIL"] == D(2027, 12, 31)


def test_the_cli_adds_birthdays(db, db_path, tmp_path, capsys):
    import main

    save_member({"name": "农历", "birthday": "农历三月初五"})
    db.close()
    out = tmp_path / "c.ics"
    assert main.main(["--db", str(db_path), "export-calendar", str(out), "--birthdays"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"exported 0 calendar entries to {out}"
    assert lines[-1] == f"  {YEARS} birthday events (a lunar birthday: one per year)"
    assert len(_events(out)) == YEARS


# ---------------------------------------------------------------- the calendar's layer
TODAY = D(2026, 4, 15)


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


def test_the_birthday_layer_shows_lunar_birthdays_on_this_years_day(db, page, qtbot):
    save_member({"name": "农历", "birthday": LunarDate(3, 5, False, 1990)})  # 2026-04-21
    save_member({"name": "公历", "birthday": "1990-04-22"})
    save_member({"name": "闰月", "birthday": "闰三月初五"})  # no 闰三月 in 2026: 04-21 too
    page.reload()
    assert not page.birthday_layer.isChecked() and page.month.birthdays == {}
    page.birthday_layer.click()  # the owner switches the layer on
    assert [b.name for b in page.month.birthdays[D(2026, 4, 21)]] == ["农历", "闰月"]
    assert [b.name for b in page.month.birthdays[D(2026, 4, 22)]] == ["公历"]
    page.month.grab()  # paint: one chip a day with birthdays
    assert {day for _, day in page.month._birthday_hits} == {D(2026, 4, 21), D(2026, 4, 22)}
    rect = next(r for r, day in page.month._birthday_hits if day == D(2026, 4, 21))
    tip = page.month.birthday_tip(rect.center())
    assert "农历（农历三月初五 · 36 岁）" in tip and "闰月（农历闰三月初五）" in tip
    # the week view: the layer takes the all-day strip's top row
    page.set_view("week")
    page.go_to(D(2026, 4, 21))
    rows = page.week.allday_rows
    page.week.grab()
    assert {day for _, day in page.week._birthday_hits} == {D(2026, 4, 21), D(2026, 4, 22)}
    page.birthday_layer.click()  # off again: gone, and the strip one row shorter
    assert page.week.birthdays == {} and page.week.allday_rows == rows - 1


def test_the_layer_is_remembered_and_exports_with_the_calendar(db, page, qtbot, tmp_path,
                                                                monkeypatch):
    from PySide6.QtCore import QSettings

    from ui import dialogs
    from ui.calendar.page import SETTINGS_BIRTHDAYS, CalendarPage

    save_member({"name": "农历", "birthday": "农历三月初五"})
    page.birthday_layer.click()
    assert QSettings().value(SETTINGS_BIRTHDAYS, False, bool) is True
    again = CalendarPage(page.workspace)
    qtbot.addWidget(again)
    assert again.birthday_layer.isChecked()
    out = tmp_path / "c.ics"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    page.export_ics()
    assert len(_events(out)) == YEARS  # the lunar birthday, one event per year
    page.birthday_layer.click()
    page.export_ics()
    assert _events(out) == []


def test_the_printed_week_says_which_birthdays_are_lunar(qapp, db, tmp_path):
    import subprocess

    from ui import i18n
    from ui.print.week_pdf import write_week_pdf

    save_member({"name": "李华", "birthday": LunarDate(3, 5, False, 1990)})  # 2026-04-21
    save_member({"name": "王芳", "birthday": "1990-04-22"})
    out = tmp_path / "w.pdf"
    for language, expected in (("zh", ("李华（农历三月初五 · 36 岁）", "王芳（36 岁）")),
                               ("en", ("李华 (Lunar 3/5 · age 36)", "王芳 (age 36)"))):
        i18n.install(language)
        try:
            write_week_pdf(out, D(2026, 4, 20), today=D(2026, 4, 20))
        finally:
            i18n.install("zh")
        text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        for words in expected:
            assert " ".join(words.split()) in text, (language, words, text)
