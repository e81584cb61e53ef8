"""The .ics export, read back with the icalendar library, and the CLI command."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from models.calendar import edit as E
from models.calendar import entries as C
from models.calendar.ics import count_entries, export_ics
from models.calendar.recurrence import Rule

D = dt.date
ROOT = Path(__file__).resolve().parent.parent


def _read(path: Path) -> list:
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def _series(title: str, start: D, rule: Rule, time: dt.time | None = dt.time(20, 0)) -> int:
    return E.save_series(E.ItemFields(title, "分享", start, time, 60, "ready"), rule)


def test_one_offs_and_series_with_exceptions(db, tmp_path):
    one = E.schedule_item("KOL 分享", "分享", D(2026, 11, 20), dt.time(20, 0), body="正文")
    E.schedule_item("海报", "海报", D(2026, 11, 21))
    E.save_item(E.ItemFields("点子", "分享", None, status="idea"))  # backlog: not exported
    sid = _series("周三读书", D(2026, 11, 4), Rule("weekly", weekdays=(2,), count=10))
    E.delete(E.Ref(None, sid, D(2026, 11, 11)))
    E.move(E.Ref(None, sid, D(2026, 12, 30)), D(2027, 1, 2), dt.time(10, 0))
    out = tmp_path / "c.ics"
    assert export_ics(out, None, None) == 4
    events = _read(out)
    by_uid: dict[str, list] = {}
    for ev in events:
        by_uid.setdefault(str(ev["uid"]), []).append(ev)
    assert len(by_uid) == 3
    master, moved = sorted(by_uid[next(u for u in by_uid if u.startswith("series-"))],
                           key=lambda e: "recurrence-id" in e)
    rrule = master["rrule"]
    assert rrule["FREQ"] == ["WEEKLY"] and rrule["BYDAY"] == ["WE"] and rrule["COUNT"] == [10]
    assert master.decoded("dtstart") == dt.datetime(2026, 11, 4, 20, 0,
                                                     tzinfo=master.decoded("dtstart").tzinfo)
    assert str(master["dtstart"].params["TZID"]) == "Asia/Shanghai"
    exdates = [d.dt for d in master["exdate"].dts]
    assert [d.date() for d in exdates] == [D(2026, 11, 11)]
    assert moved.decoded("recurrence-id").date() == D(2026, 12, 30)
    assert moved.decoded("dtstart").date() == D(2027, 1, 2)
    item = by_uid[next(u for u in by_uid if u.startswith(f"item-{one}-"))][0]
    assert "正文" in str(item["description"]) and str(item["summary"]) == "【分享】KOL 分享"
    assert item.walk("VALARM")
    allday = [e for e in events if "海报" in str(e["summary"])][0]
    assert allday.decoded("dtstart") == D(2026, 11, 21)
    assert b"BEGIN:VTIMEZONE" in out.read_bytes()
    # UIDs are stable from one export to the next.
    export_ics(out, None, None)
    assert sorted(str(e["uid"]) for e in _read(out)) == sorted(
        str(e["uid"]) for e in events)


def test_range_clips_series_and_one_offs(db, tmp_path):
    E.schedule_item("早", "分享", D(2026, 10, 1))
    E.schedule_item("中", "分享", D(2026, 11, 15))
    _series("每日", D(2026, 10, 1), Rule("daily", count=100), None)
    out = tmp_path / "c.ics"
    assert export_ics(out, D(2026, 11, 1), D(2026, 11, 30)) == 2
    series = [e for e in _read(out) if "rrule" in e][0]
    assert series.decoded("dtstart") == D(2026, 11, 1)
    assert series["rrule"]["UNTIL"] == [D(2026, 11, 30)]
    assert "COUNT" not in series["rrule"]


def test_workdays_become_weekdays_with_exdate_and_rdate(db, tmp_path):
    _series("早报", D(2026, 9, 28), Rule("workdays", until=D(2026, 10, 16)), dt.time(8, 0))
    out = tmp_path / "c.ics"
    export_ics(out, None, None)
    [ev] = _read(out)
    assert ev["rrule"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    assert ev["rrule"]["UNTIL"][0].date() == D(2026, 10, 16)
    ex = sorted(d.dt.date() for d in ev["exdate"].dts)
    assert ex == [D(2026, 10, 1), D(2026, 10, 2), D(2026, 10, 5), D(2026, 10, 6), D(2026, 10, 7)]
    assert [d.dt.date() for d in ev["rdate"].dts] == [D(2026, 10, 10)]


def test_monthly_rules(db, tmp_path):
    _series("月底复盘", D(2026, 11, 27), Rule("monthly_weekday", nth=-1, count=3))
    _series("群规", D(2026, 11, 1), Rule("monthly_date", interval=2), None)
    out = tmp_path / "c.ics"
    export_ics(out, None, None)
    rules = sorted((dict(e["rrule"]) for e in _read(out)), key=str)
    assert {"FREQ": ["MONTHLY"], "BYDAY": ["-1FR"], "COUNT": [3]} in rules
    assert {"FREQ": ["MONTHLY"], "BYMONTHDAY": [1], "INTERVAL": [2]} in rules


def test_cli_export_calendar(tmp_path):
    db = tmp_path / "cli.sqlite3"
    env = {"QUNDESK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    subprocess.run([*run, "demo", "--members", "30"], check=True, env=env, capture_output=True)
    out = tmp_path / "demo.ics"
    done = subprocess.run([*run, "export-calendar", str(out), "--from", "2026-01-01"],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "exported" in done.stdout and len(_read(out)) > 10
    bad = subprocess.run([*run, "export-calendar", str(tmp_path / "no" / "x.ics")],
                         env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_moved_occurrence_exported_when_its_series_is_outside_the_range(db, tmp_path):
    sid = _series("周会", D(2026, 12, 2), Rule("weekly", weekdays=(2,), count=2))
    E.move(E.Ref(None, sid, D(2026, 12, 9)), D(2026, 11, 30))
    out = tmp_path / "c.ics"
    assert export_ics(out, D(2026, 11, 1), D(2026, 11, 30)) == 1
    [ev] = _read(out)
    assert ev.decoded("dtstart").date() == D(2026, 11, 30) and "rrule" not in ev


@pytest.mark.parametrize("rule, start", [
    (Rule("daily", interval=3, count=20), D(2026, 12, 20)),
    (Rule("weekdays", until=D(2027, 1, 15)), D(2026, 12, 24)),
    (Rule("workdays", until=D(2026, 10, 31)), D(2026, 9, 21)),
    (Rule("weekly", interval=2, weekdays=(0, 4), count=9), D(2026, 11, 27)),
    (Rule("monthly_date", until=D(2027, 8, 1)), D(2026, 10, 31)),
    (Rule("monthly_weekday", nth=-1, count=6), D(2026, 11, 27)),
    (Rule("monthly_weekday", interval=2, count=5), D(2026, 11, 10)),
])
def test_rrule_expands_to_what_the_calendar_shows(db, tmp_path, rule, start):
    """An independent RFC 5545 expander (dateutil) reading our RRULE/EXDATE/RDATE must
    produce exactly the dates the calendar shows."""
    from dateutil.rrule import rrulestr

    sid = _series("系列", start, rule)
    E.delete(E.ref_of(C.entries_between(start, start + dt.timedelta(days=400))[2]))
    shown = [e.date for e in C.entries_between(start, start + dt.timedelta(days=400))
             if e.series_id == sid]
    out = tmp_path / "c.ics"
    export_ics(out, None, None)
    [ev] = [e for e in _read(out) if "rrule" in e]
    first = ev.decoded("dtstart")
    text = ev["rrule"].to_ical().decode()
    dates = {d.date() for d in rrulestr(text, dtstart=first)}
    for prop, sign in (("exdate", -1), ("rdate", 1)):
        values = ev.get(prop)
        for d in ([] if values is None else values.dts if hasattr(values, "dts") else
                  [x for v in values for x in v.dts]):
            dates = dates - {d.dt.date()} if sign < 0 else dates | {d.dt.date()}
    assert sorted(dates) == shown


def test_the_export_speaks_the_language_it_runs_in(db, tmp_path):
    from models import messages
    from models.calendar import edit as E

    E.schedule_item("分享", "分享", D(2026, 11, 20), dt.time(20, 0))
    out = tmp_path / "en.ics"
    messages.set_language("en")
    export_ics(out)
    text = out.read_bytes().decode("utf-8").replace("\r\n ", "")  # unfold long lines
    assert "X-WR-CALNAME:My community · Content calendar" in text
    assert "DESCRIPTION:Reminder" in text


def test_the_export_summary_counts_occurrences_not_ics_events(db, db_path, tmp_path, capsys):
    import main

    sid = _series("周会", D(2026, 12, 2), Rule("weekly", weekdays=(2,), count=4))
    E.delete(E.Ref(None, sid, D(2026, 12, 16)))  # one occurrence removed
    E.save_item(E.ItemFields("单次分享", "分享", D(2026, 12, 5)))
    E.save_item(E.ItemFields("还没排期的点子", "分享", None, status="idea"))
    counted = count_entries(D(2026, 12, 1), D(2026, 12, 31))
    assert (counted.entries, counted.series, counted.open_ended) == (4, 1, False)
    assert count_entries(D(2026, 12, 10), D(2026, 12, 31)).entries == 1  # only the 23rd
    weekly = _series("每周读书", D(2026, 12, 3), Rule("weekly", weekdays=(3,)))
    assert count_entries(today=D(2026, 12, 1)).open_ended and weekly
    out = tmp_path / "c.ics"
    db.close()  # the command opens the file itself
    assert main.main(["--db", str(db_path), "export-calendar", str(out),
                      "--from", "2026-12-01", "--to", "2026-12-31"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"exported 9 calendar entries to {out}"  # 3 + 1 + the 5 Thursdays
