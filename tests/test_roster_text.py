"""Text: NFC everywhere (card, import, search), names on one line without spaces between
Chinese characters, control characters removed with a warning (the row kept), long text
kept whole, formula cells without a result reported."""

from __future__ import annotations

import unicodedata

import openpyxl

import main
from models.members import rows as member_rows
from models.members.cards import Member, find_members, save_member
from models.roster.importer import import_roster
from models.roster.plan import build_plan

NFD_ZOE = "Zoe\u0308"  # what macOS file names and some web forms give
ZOE = "Zo\u00eb"


def test_the_card_stores_nfc_and_search_finds_it_either_way(db):
    member = save_member({"name": NFD_ZOE, "nickname": f"{NFD_ZOE}-上海", "notes": "cafe\u0301"})
    stored = Member.get_by_id(member.id)
    assert (stored.name, stored.nickname, stored.notes) == (ZOE, f"{ZOE}-上海", "caf\u00e9")
    hay = [member_rows.search_texts()[member.id]]
    assert member_rows.search(hay, "zoë") == [0]
    assert member_rows.search(hay, NFD_ZOE.lower()) == [0]  # typed decomposed
    assert member_rows.search(hay, "café") == [0]
    assert [m[0] for m in find_members(NFD_ZOE)] == [member.id]
    assert member_rows.narrows("zo", NFD_ZOE)


def test_names_lose_line_breaks_and_spaces_between_chinese_characters(db):
    cases = {"周\n九": "周九", "赵 六": "赵六", "赵\u3000六": "赵六", " 欧阳 娜娜 ": "欧阳娜娜",
             "Zoë  Smith": "Zoë Smith", "李 Amy": "李 Amy", "Mary\r\nJane": "Mary Jane"}
    for written, kept in cases.items():
        assert save_member({"name": written}).name == kept, written
    member = save_member({"name": "周明", "nickname": "小明\n杭州", "city": "杭\n州",
                          "notes": "第一行\n第二行"})
    stored = Member.get_by_id(member.id)
    assert (stored.nickname, stored.city, stored.notes) == ("小明 杭州", "杭 州", "第一行\n第二行")


def test_an_import_cleans_names_and_normalises(db, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(f'姓名,群昵称\r\n"周\n九",{NFD_ZOE}\r\n赵 六,x\r\n{NFD_ZOE},y\r\n',
                    encoding="utf-8")
    report = import_roster(path)
    assert report.created == 3 and report.errors == []
    assert sorted(m.name for m in Member.select()) == sorted(["周九", "赵六", ZOE])
    assert all(unicodedata.is_normalized("NFC", m.nickname) for m in Member.select())


def test_control_characters_are_removed_with_a_warning_and_the_row_kept(db, db_path, tmp_path,
                                                                       capsys):
    path = tmp_path / "ctl.csv"
    path.write_bytes("姓名,备注,城市\r\n张三,a\x07b\x0bc,杭州\r\n李\x00四,ok,北京\r\n王五,fine,上海\r\n"
                     .encode())
    plan = build_plan(path)
    assert [r.values for r in plan.rows] == [
        {"name": "张三", "notes": "abc", "city": "杭州"},
        {"name": "李四", "notes": "ok", "city": "北京"},
        {"name": "王五", "notes": "fine", "city": "上海"}]
    assert [(p.row, p.column, p.message, p.level) for p in plan.problems()] == [
        (2, "备注", "这一格里有看不见的控制字符，已删除（其余内容照常导入）", "warning"),
        (3, "姓名", "这一格里有看不见的控制字符，已删除（其余内容照常导入）", "warning")]
    assert main.main(["--db", str(db_path), "import-roster", str(path)]) == 0
    assert "新建 3" in capsys.readouterr().out


def test_long_text_is_kept_whole(db, tmp_path):
    note, hobbies = "备" * 6000, "爱" * 6000
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "备注", "爱好", "公司"])
    wb.active.append(["张三", note, hobbies, "公" * 300])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    report = import_roster(path)
    member = Member.get()
    assert member.hobbies == "" and member.company == ""
    assert member.notes == f"{note}\n\n【公司】{'公' * 300}\n\n【爱好】{hobbies}"
    assert [(p.column, p.message) for p in report.errors] == [
        ("公司", "公司太长（最多 200 个字符），已整段放进备注"),
        ("爱好", "爱好太长（最多 5000 个字符），已整段放进备注")]


def test_a_formula_without_a_saved_result_is_reported(db, tmp_path):
    wb = openpyxl.Workbook()  # openpyxl saves formulas without their results, as some tools do
    ws = wb.active
    ws.append(["姓名", "手机号", "城市"])
    ws.append(["张三", '="138"&"00138000"', "杭州"])
    ws.append(["李四", "13900139000", "=C2"])
    path = tmp_path / "formula.xlsx"
    wb.save(path)
    report = import_roster(path)
    assert report.created == 2
    assert [(p.row, p.column, p.message) for p in report.errors] == [
        (2, "手机号", "B2 是公式，但文件里没有保存它的计算结果，导入为空。请在 Excel/WPS 中打开并"
                     "保存一次后再导入"),
        (3, "城市", "C3 是公式，但文件里没有保存它的计算结果，导入为空。请在 Excel/WPS 中打开并"
                   "保存一次后再导入")]
