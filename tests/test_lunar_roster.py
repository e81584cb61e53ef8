"""农历生日 in rosters: the import reads what owners type, the export writes it back the
same way, and export → import gives back every lunar birthday."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from models.members.cards import Member, save_member
from models.members.lunar import LunarDate
from models.roster.exporter import export_roster
from models.roster.importer import import_roster
from models.store.db import close_database, open_database

D = dt.date
TYPED = [  # (cell, stored birthday, stored lunar key)
    ("农历三月初五", None, "03-05"),
    ("阴历3月5日", None, "03-05"),
    ("(农历)1990-03-05", D(1990, 3, 31), "03-05"),
    ("农历 1990.3.5", D(1990, 3, 31), "03-05"),
    ("3.5（农历）", None, "03-05"),
    ("闰四月初八", None, "04L-08"),
    ("2020年闰四月初八", D(2020, 5, 30), "04L-08"),
    ("旧历腊月廿三", None, "12-23"),
    ("１９８８年农历冬月三十", D(1989, 1, 7), "11-30"),
    ("1990-06-01", D(1990, 6, 1), None),  # solar stays solar
]


def sheet(path: Path, *rows: list[object]) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["姓名", "生日"])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_the_import_reads_lunar_birthdays_as_owners_type_them(db, tmp_path):
    rows = [[f"成员{i}", cell] for i, (cell, _, _) in enumerate(TYPED)]
    report = import_roster(sheet(tmp_path / "r.xlsx", *rows))
    assert (report.created, [p.message for p in report.errors]) == (len(TYPED), [])
    got = {m.name: (m.birthday, m.lunar_birthday) for m in Member.select()}
    assert got == {f"成员{i}": (born, key) for i, (_, born, key) in enumerate(TYPED)}


def test_an_impossible_lunar_birthday_is_named_and_the_row_kept(db, tmp_path):
    report = import_roster(sheet(tmp_path / "r.xlsx", ["张三", "2021年闰四月初八"],
                                 ["李四", "农历13月1日"]))
    assert report.created == 2
    messages = [(p.row, p.column, p.message) for p in report.errors]
    assert messages == [(2, "生日", "农历2021年没有闰四月"), (3, "生日", "农历没有“13月”这个月份")]
    assert {m.birthday or m.lunar_birthday for m in Member.select()} == {None}


def test_merging_keeps_a_birthday_whole(db, tmp_path):
    """Without overwrite, a member who has a birthday (solar or lunar) keeps it whole; one
    without gets both columns; with overwrite the roster's wins, both columns together."""
    save_member({"name": "有农历", "wechat_id": "lunar_one", "birthday": "农历三月初五"})
    save_member({"name": "有公历", "wechat_id": "solar_one", "birthday": "1990-06-01"})
    save_member({"name": "没有", "wechat_id": "nobody_1"})
    book = openpyxl.Workbook()
    book.active.append(["姓名", "微信号", "生日"])
    book.active.append(["有农历", "lunar_one", "1991-01-02"])
    book.active.append(["有公历", "solar_one", "农历1990年三月初五"])
    book.active.append(["没有", "nobody_1", "腊月初八"])
    book.save(tmp_path / "m.xlsx")
    import_roster(tmp_path / "m.xlsx", on_duplicate="merge")
    got = {m.name: (m.birthday, m.lunar_birthday) for m in Member.select()}
    assert got == {"有农历": (None, "03-05"), "有公历": (D(1990, 6, 1), None),
                   "没有": (None, "12-08")}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_owners_words_and_reads_back(db, tmp_path, suffix):
    ids = [save_member({"name": f"成员{i}", "birthday": value}).id for i, value in enumerate([
        LunarDate(3, 5), LunarDate(4, 8, True, 2020), LunarDate(12, 30, False, 1989),
        LunarDate(1, 1, False, 2000), "1990-06-01", None])]
    before = {m.name: (m.birthday, m.lunar_birthday) for m in Member.select()}
    out = tmp_path / f"all{suffix}"
    assert export_roster(out, columns=["name", "birthday"]) == len(ids)
    if suffix == ".xlsx":
        cells = [r[1].value for r in openpyxl.load_workbook(out).active.iter_rows(min_row=2)]
        assert sorted(str(c) for c in cells if c) == sorted([
            "农历三月初五", "农历2020年闰四月初八", "农历1989年腊月三十", "农历2000年正月初一",
            "1990-06-01 00:00:00"])
    close_database()
    open_database(tmp_path / "empty.sqlite3")
    report = import_roster(out)
    assert (report.created, [p.message for p in report.errors]) == (len(ids), [])
    assert {m.name: (m.birthday, m.lunar_birthday) for m in Member.select()} == before


def test_a_lunar_birthday_column_reads_plain_dates_as_lunar(db, tmp_path):
    """Under a “农历生日” header, what the owner typed is lunar even without saying so:
    "3月5日", "1990-03-05" (which Excel may have turned into a date cell)."""
    book = openpyxl.Workbook()
    book.active.append(["姓名", "农历生日"])
    book.active.append(["甲", "3月5日"])
    book.active.append(["乙", D(1990, 3, 5)])  # a date cell
    book.active.append(["丙", "1990-03-05"])
    book.active.append(["丁", "闰四月初八"])
    book.save(tmp_path / "l.xlsx")
    report = import_roster(tmp_path / "l.xlsx")
    assert (report.created, [p.message for p in report.errors]) == (4, [])
    assert {m.name: (m.birthday, m.lunar_birthday) for m in Member.select()} == {
        "甲": (None, "03-05"), "乙": (D(1990, 3, 31), "03-05"), "丙": (D(1990, 3, 31), "03-05"),
        "丁": (None, "04L-08")}
