"""Phone numbers: mobiles as 11 digits, landlines and international numbers as written
(found by their digits), anything else kept as text with a warning, never a fake mobile."""

from __future__ import annotations

import pytest

from models.members import rows as member_rows
from models.members.cards import Member, ValidationError, save_member
from models.members.phones import phone_kind
from models.roster.importer import import_roster


@pytest.mark.parametrize(("text", "kind"), [
    ("13800138000", "mobile"), ("+86 138-0013-8000", "mobile"), ("008613800138000", "mobile"),
    ("021-12345678", "landline"), ("(0571) 8888 6666", "landline"),
    ("0755-8888-6666 转 123", "landline"), ("0571-88886666-123", "landline"),
    ("+86 21 1234 5678", "landline"), ("02112345678", "landline"), ("400-820-8820", "landline"),
    ("+1 415 555 0100", "international"), ("+44 (20) 7946 0958", "international"),
    ("00852 9123 4567", "international"),
    ("12345", None), ("2380013800", None), ("1.38001E+10", None), ("不方便留", None),
    ("13800138000 / 13900139000", None), ("1380013800", None),
])
def test_phone_kinds(text, kind):
    assert phone_kind(text) == kind


def test_the_card_keeps_a_landline_as_written_and_finds_it_by_digits(db):
    member = save_member({"name": "周明", "phone": "021-1234 5678"})
    assert Member.get_by_id(member.id).phone == "021-1234 5678"
    hay = member_rows.search_texts()[member.id]
    for typed in ("021-1234", "02112345678", "12345678"):
        assert member_rows.search([hay], typed) == [0], typed
    intl = save_member({"name": "Leo", "phone": "+1 415 555 0100"})
    assert Member.get_by_id(intl.id).phone == "+1 415 555 0100"
    assert member_rows.search([member_rows.search_texts()[intl.id]], "14155550100") == [0]


def test_the_card_refuses_what_is_no_phone_number(db):
    with pytest.raises(ValidationError) as err:
        save_member({"name": "周明", "phone": "12345"})
    assert err.value.errors["phone"] == ("电话“12345”不像手机号（11 位，可带 +86）或座机号"
                                         "（如 021-12345678）")


CSV = ("姓名,电话\r\n"
       "甲,021-12345678\r\n"
       "乙,0755-8888-6666 转 123\r\n"
       "丙,+1 415 555 0100\r\n"
       "丁,+86 139-0013-9000\r\n"
       "戊,不方便留\r\n"
       "己,不方便留\r\n"
       "庚,1.38001E+10\r\n")


def test_an_import_never_reshapes_a_phone(db, tmp_path):
    path = tmp_path / "phones.csv"
    path.write_text(CSV, encoding="utf-8")
    report = import_roster(path)
    assert report.created == 7 and report.skipped == 0  # 戊 and 己 are not one person
    phones = {m.name: m.phone for m in Member.select()}
    assert phones == {"甲": "021-12345678", "乙": "0755-8888-6666 转 123",
                      "丙": "+1 415 555 0100", "丁": "13900139000", "戊": "不方便留",
                      "己": "不方便留", "庚": "1.38001E+10"}
    assert [(p.row, p.column, p.message, p.level) for p in report.errors] == [
        (6, "电话", "电话“不方便留”不像手机号或座机号，已按原样保存（请核对）", "warning"),
        (7, "电话", "电话“不方便留”不像手机号或座机号，已按原样保存（请核对）", "warning"),
        (8, "电话", "电话“1.38001E+10”是 Excel 的科学计数法写法，号码的后几位已经丢失；已按原样"
                    "保存。请在 Excel 里把这一列设为“文本”后重新导出", "warning")]


def test_a_landline_written_another_way_finds_the_member(db, tmp_path):
    member = save_member({"name": "周明", "phone": "021-12345678"})
    path = tmp_path / "again.csv"
    path.write_text("姓名,电话,城市\r\n周明,021 1234 5678,上海\r\n", encoding="utf-8")
    report = import_roster(path)
    assert (report.created, report.updated) == (0, 1)
    assert Member.get_by_id(member.id).city == "上海"
