"""Big sheets: a used range reaching row 1,048,576 imports its real rows quickly; the row
cap counts rows actually read (r= is optional); memory stays bounded."""

from __future__ import annotations

import resource
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import roster_samples as S

from models.members.cards import Member
from models.roster import files
from models.roster.importer import RosterError, import_roster
from models.roster.plan import build_plan

WORKBOOK = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
ROOT_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
             'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
         'officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
         'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')


def hand_made(path: Path, rows: list[str]) -> Path:
    """A workbook whose sheet XML is written by hand (as some tools write it)."""
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def cell(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_stray_cell_at_the_last_row_imports_the_real_rows_quickly(db, tmp_path):
    path = S.huge_dimension(tmp_path)  # 姓名/微信号, 张三, and "x" in A1048576
    warm = S.csv_file(tmp_path, "warm.csv", "utf-8", "姓名\r\n赵六\r\n")
    import_roster(warm)  # the pinyin dictionaries loaded first: not the sheet's doing
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    report = import_roster(path)
    seconds = time.perf_counter() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    assert (report.created, report.rejected) == (2, 0)
    assert sorted(m.name for m in Member.select()) == ["x", "张三", "赵六"]
    assert grown < 50 and seconds < 5  # not a million rows in memory (generous for CI)


def test_a_wide_roster_with_a_stray_row_far_below(db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(S.HEADERS)  # 15 columns: 15 million cells if read whole
    ws.append(["张三", "三哥", "zhangsan_01", "13800138000"])
    ws.merge_cells("F2:F3")
    ws["F2"] = "杭州"
    ws.append(["李四", "", "lisi_2024"])
    ws["A1048576"] = "王五"
    ws["O1048576"] = "最后一行"
    path = tmp_path / "wide.xlsx"
    wb.save(path)
    plan = build_plan(path)
    assert plan.sheet.row_numbers == [1, 2, 3, 1048576]
    assert [(r.row, r.values.get("name"), r.values.get("city"), r.values.get("notes"))
            for r in plan.rows] == [(2, "张三", "杭州", None), (3, "李四", "杭州", None),
                                    (1048576, "王五", None, "最后一行")]


def test_the_row_cap_counts_rows_without_numbers(db, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS", 1000)
    rows = [f"<row>{cell('姓名')}</row>"] + [f"<row>{cell(f'成员{i}')}</row>" for i in range(1000)]
    path = hand_made(tmp_path / "no_r.xlsx", rows)
    with pytest.raises(RosterError) as err:
        import_roster(path)
    assert str(err.value) == ("“no_r.xlsx”的工作表有 1001 行内容（最多 1000 行），请拆成几个文件再"
                              "导入")
    assert Member.select().count() == 0


def test_rows_without_numbers_are_numbered_in_order(db, tmp_path):
    rows = [f"<row>{cell('姓名')}{cell('城市')}</row>", f"<row>{cell('张三')}{cell('杭州')}</row>",
            "<row/>", f"<row>{cell('')}{cell('x')}</row>", f"<row>{cell('李四')}{cell('北京')}</row>"]
    plan = build_plan(hand_made(tmp_path / "plain.xlsx", rows))
    assert [(r.row, r.status, r.values.get("name")) for r in plan.rows] == [
        (2, "new", "张三"), (4, "error", None), (5, "new", "李四")]


def test_empty_styled_cells_far_right_do_not_count(db, tmp_path):
    """LibreOffice writes <c r="AMJ1" s="0"/> at the end of formatted rows."""
    rows = [f'<row r="1">{cell("姓名")}<c r="AMJ1" s="0"/></row>',
            f'<row r="2">{cell("张三")}<c r="AMJ2" s="0"/></row>', '<row r="1048576" s="1"/>']
    report = import_roster(hand_made(tmp_path / "lo.xlsx", rows))
    assert report.created == 1


def test_a_sheet_too_big_to_read_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_AREA", 100)
    path = S.roster_xlsx(tmp_path / "r.xlsx", 20, title=False)
    with pytest.raises(RosterError, match=r"太大（21 行 × 15 列，最多 100 格）"):
        import_roster(path)


def test_a_csv_too_big_to_hold_is_refused_while_it_is_read(db, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_AREA", 1000)
    path = tmp_path / "big.csv"
    path.write_text("姓名,城市\r\n" + "张三,杭州\r\n" * 600, encoding="utf-8")
    with pytest.raises(RosterError, match=r"“big.csv”的工作表太大（500\+ 行 × 2 列，最多 1000 格）"):
        import_roster(path)


def test_a_one_shot_import_lets_go_of_each_raw_row_once_converted(db, tmp_path):
    """(Measured by tests/bench/bench_roster.py --big: 100,000 rows, ~380 MB at the peak.)"""
    from models.roster.convert import _GONE, convert_rows
    from models.roster.plan import read_plan

    plan = read_plan(S.roster_xlsx(tmp_path / "r.xlsx", 300))
    convert_rows(plan, consume=True)
    assert len(plan.rows) == 300 and plan.sheet.rows[2:] == [_GONE] * 300


@pytest.mark.parametrize(("far", "cols"), [("", 2), ("D", 4), ("Z", 26), ("AB", 28)])
def test_a_cell_further_right_in_a_later_part_of_the_sheet_counts(db, tmp_path, monkeypatch,
                                                                   far, cols):
    """The sheet is scanned a part at a time; a cell right of every earlier one, far down
    (one letter or two), still widens the area that is checked before reading."""
    monkeypatch.setattr(files, "_CHUNK", 2048)  # many parts for a small sheet
    monkeypatch.setattr(files, "MAX_AREA", 300 * 3)
    rows = [f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{"姓名" if i == 1 else f"张{i}"}'
            f'</t></is></c><c r="B{i}" t="inlineStr"><is><t>城市</t></is></c></row>'
            for i in range(1, 300)]
    last = f'<c r="{far}300" t="inlineStr"><is><t>x</t></is></c>' if far else ""
    rows.append(f'<row r="300"><c r="A300" t="inlineStr"><is><t>李四</t></is></c>{last}</row>')
    path = hand_made(tmp_path / "far.xlsx", rows)
    if cols <= 3:
        assert import_roster(path).created == 299
    else:
        with pytest.raises(RosterError, match=rf"（300 行 × {cols} 列"):
            import_roster(path)
