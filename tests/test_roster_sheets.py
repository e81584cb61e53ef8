"""Which sheet a workbook's roster is on: empty, chart, hidden and headerless sheets are
skipped with a notice, an empty choice is refused naming the sheets with data, and no
workbook ends in a traceback (tests/bench/bench_real_files.py runs real files)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

import main
from models.roster.files import check_xlsx
from models.roster.importer import RosterError, import_roster
from models.roster.plan import read_plan
from ui import dialogs
from ui.roster.import_wizard import ImportWizard

ROSTER = [["姓名", "微信号", "城市"], ["张三", "zhangsan_01", "杭州"], ["李四", "lisi_2024", "北京"]]


def workbook(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = (),
             chart: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if chart:
        wb.create_chartsheet(chart)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def test_an_empty_first_sheet_is_skipped_with_a_notice(db, tmp_path):
    path = workbook(tmp_path / "a.xlsx", {"Sheet1": [], "成员": ROSTER, "Sheet3": []})
    plan = read_plan(path)
    assert plan.sheet.name == "成员" and plan.headers == ["姓名", "微信号", "城市"]
    assert plan.notices == ["工作表“Sheet1”是空的，已跳过",
                            "“a.xlsx”有 3 个工作表，导入的是“成员”（其他：Sheet1、Sheet3）"]
    report = import_roster(path)
    assert report.created == 2 and report.sheet == "成员"
    assert "工作表“Sheet1”是空的，已跳过" in report.to_dict()["notices"]


def test_chart_hidden_and_headerless_sheets_are_named(db, tmp_path):
    path = workbook(tmp_path / "b.xlsx", {"数据": [[1, 2, 3], [4, 5, 6]], "名单": ROSTER,
                                          "旧名单": ROSTER}, hidden=("旧名单",), chart="图表1")
    plan = read_plan(path)
    assert plan.sheet.name == "名单"
    assert plan.notices == [
        "“图表1”是图表，不是表格，已跳过",
        "隐藏的工作表“旧名单”没有导入（要导入请选择它）",
        "工作表“数据”里没有认出表头（如姓名、微信号），已跳过",
        "“b.xlsx”有 2 个工作表，导入的是“名单”（其他：数据）"]


def test_a_workbook_with_nothing_in_it_is_refused_clearly(db, tmp_path):
    path = workbook(tmp_path / "c.xlsx", {"Sheet1": [], "Sheet2": [[None, "  "]]},
                    chart="图表")
    with pytest.raises(RosterError) as err:
        import_roster(path)
    assert str(err.value) == ("“c.xlsx”里没有任何内容（工作表：Sheet1、Sheet2，都是空的）。"
                              "请确认选对了文件，或在 Excel/WPS 中打开看看名单在哪里")


def test_only_a_chart_sheet_is_refused_clearly(db, tmp_path):
    path = workbook(tmp_path / "d.xlsx", {}, chart="图表")
    with pytest.raises(RosterError, match="“d.xlsx”里没有工作表"):
        import_roster(path)


def test_choosing_an_empty_sheet_names_those_that_hold_data(db, tmp_path):
    path = workbook(tmp_path / "e.xlsx", {"Sheet1": [], "名单": ROSTER, "备用": ROSTER})
    with pytest.raises(RosterError) as err:
        import_roster(path, sheet="Sheet1")
    assert str(err.value) == "“e.xlsx”的工作表“Sheet1”是空的。有内容的工作表：名单、备用"


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n\r\n", b"\xff\xfe",
                                  b" \n\t\n", b",,,\r\n,,\r\n"])
def test_a_csv_holding_only_a_bom_or_blanks_is_refused(db, tmp_path, data):
    path = tmp_path / "bom.csv"
    path.write_bytes(data)
    with pytest.raises(RosterError) as err:
        import_roster(path)
    assert str(err.value).startswith("“bom.csv”里没有任何内容（")


def test_a_sheet_without_a_header_says_what_its_first_row_reads(db, tmp_path):
    path = workbook(tmp_path / "f.xlsx", {"Sheet1": [["Foo", "Bar"], [1, 2]], "空": []})
    with pytest.raises(RosterError) as err:
        import_roster(path)
    assert str(err.value) == ("“f.xlsx”的工作表“Sheet1”中没有认出任何列（如姓名、微信号、手机号）。"
                              "第 1 行读作：Foo、Bar")


def test_no_columns_names_the_other_sheets_that_hold_data(db, tmp_path):
    path = workbook(tmp_path / "g.xlsx", {"Sheet1": [["Foo", "Bar"]], "Sheet2": [[1, 2]]})
    with pytest.raises(RosterError) as err:
        import_roster(path, sheet="Sheet1")
    assert str(err.value).endswith("第 1 行读作：Foo、Bar。其他有内容的工作表：Sheet2（用 --sheet 选择）")


def test_a_sheet_with_no_name_column_is_refused_before_rejecting_every_row(db, tmp_path):
    path = workbook(tmp_path / "h.xlsx", {"S": [["Region", "微信号"], ["East", "abcdef_1"]]})
    with pytest.raises(RosterError) as err:
        import_roster(path)
    assert str(err.value) == ("“h.xlsx”的工作表“S”里没有姓名或群昵称列，每位成员至少要有一个名字。"
                              "认出的列：Region→地区、微信号→微信号")


def test_a_header_without_rows_says_so(db, tmp_path):
    report = import_roster(workbook(tmp_path / "i.xlsx", {"S": [ROSTER[0]]}))
    assert report.created == 0 and "工作表“S”只有表头，没有成员行" in report.notices


def test_cli_refuses_an_empty_workbook_with_one_line(db_path, tmp_path, capsys):
    path = workbook(tmp_path / "j.xlsx", {"Sheet1": []})
    assert main.main(["--db", str(db_path), "import-roster", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("qundesk: “j.xlsx”里没有任何内容（工作表：Sheet1，都是空的）。"
                            "请确认选对了文件，或在 Excel/WPS 中打开看看名单在哪里\n")


def test_namespaced_sheet_xml_beyond_column_z_is_scanned(tmp_path):
    """Some writers prefix every element (<x:row>, <x:c>): the wide-column scan once
    crashed on them (openpyxl's bug304.xlsx)."""
    sheet = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is>'
             '</x:c><x:c r="AB1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("xl/workbook.xml", '<workbook><workbookPr date1904="1"/></workbook>')
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    path = tmp_path / "ns.xlsx"
    path.write_bytes(buffer.getvalue())
    assert check_xlsx(path) is True


def test_wizard_lists_the_sheets_when_the_chosen_one_is_empty(qtbot, workspace, no_dialogs,
                                                               monkeypatch, tmp_path):
    path = workbook(tmp_path / "k.xlsx", {"Sheet1": [], "名单": ROSTER})
    wizard = ImportWizard(workspace, None)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    page = wizard.file_page
    assert wizard.plan.sheet.name == "名单" and "“Sheet1”是空的" in page.info.text()
    page.sheet_combo.setCurrentText("Sheet1")
    qtbot.waitUntil(lambda: "有内容的工作表：名单" in page.info.text(), timeout=10000)
    assert wizard.plan is None and not page.isComplete()
    assert page.sheet_combo.isEnabled()
    page.sheet_combo.setCurrentText("名单")
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    assert wizard.plan.sheet.name == "名单" and page.isComplete()


def _package(path: Path, names: dict[str, str]) -> Path:
    """A workbook whose parts are named as some tools name them."""
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c></row></sheetData>'
             '</worksheet>')
    book = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rel = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/{kind}" Target="{target}"/></Relationships>')
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Override PartName="/{book}" ContentType="application/vnd.'
             'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
             '"/{sheet}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
             'worksheet+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", types.format(book=names["book"].replace("\\", "/"),
                                                        sheet=names["sheet"].replace("\\", "/")))
        zf.writestr(names["root_rels"], rel.format(kind="officeDocument",
                                                   target=names["book"].replace("\\", "/")))
        zf.writestr(names["book"], book)
        zf.writestr(names["book_rels"], rel.format(kind="worksheet", target=names["target"]))
        zf.writestr(names["sheet"], sheet)
    return path


@pytest.mark.parametrize("names", [
    {"root_rels": "_rels/.rels", "book": "workbook.xml", "book_rels": "_rels/workbook.xml.rels",
     "sheet": "sheet1.xml", "target": "sheet1.xml"},  # a "minimal package": parts at the root
    {"root_rels": "_rels\\.rels", "book": "xl\\workbook.xml",
     "book_rels": "xl\\_rels\\workbook.xml.rels", "sheet": "xl\\worksheets\\sheet1.xml",
     "target": "worksheets/sheet1.xml"},  # backslashes, as a Windows tool wrote them
], ids=["minimal", "backslashes"])
def test_workbooks_other_programs_wrote(db, tmp_path, names):
    report = import_roster(_package(tmp_path / "other.xlsx", names))
    assert (report.sheet, report.created) == ("名单", 1)


def test_a_csv_whose_chinese_became_question_marks_is_refused(db, tmp_path):
    names = ["??", "???", "?? ?"]  # 张三, 欧阳娜, 李 四 as a wrong encoding saved them
    text = "??,???,??\r\n" + "".join(f"{names[i % 3]},wx_{i:06d},1380013{i:04d}\r\n"
                                      for i in range(299))
    path = tmp_path / "lost.csv"
    path.write_text(text, encoding="ascii")
    with pytest.raises(RosterError) as err:
        import_roster(path)
    assert str(err.value).startswith("“lost.csv”里的中文在保存时已经丢失，变成了“?”")
    replaced = tmp_path / "replaced.csv"
    replaced.write_text(text.replace("?", "\ufffd"), encoding="utf-8")
    with pytest.raises(RosterError, match="已经丢失"):
        import_roster(replaced)


def test_a_few_question_marks_are_just_text(db, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("姓名,备注\r\n张三,?\r\n李四,有问题吗？\r\n王五,??\r\n赵六,好\r\n钱七,行\r\n"
                    "孙八,嗯\r\n周九,对\r\n吴十,是\r\n郑一,可\r\n", encoding="utf-8")
    assert import_roster(path).created == 9


def test_a_header_turned_to_question_marks_is_enough(db, tmp_path):
    path = tmp_path / "head.csv"
    path.write_text("??,???,??\r\n" + "".join(f"{i},wx_{i:06d},{i}\r\n" for i in range(50)),
                    encoding="ascii")
    with pytest.raises(RosterError, match="已经丢失"):
        import_roster(path)
