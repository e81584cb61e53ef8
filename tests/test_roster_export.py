"""Export: xlsx styling, CSV with BOM, formula injection, masking, filters, template."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
import python_calamine as pc

from models.members.cards import Member, save_member
from models.members.tags import add_tags, get_or_create_tag
from models.roster.exporter import (
    RosterError,
    all_columns,
    export_roster,
    export_table,
    export_template,
    mask_phone,
)
from models.roster.importer import import_roster

NASTY = ["=HYPERLINK(\"http://evil\",\"点我\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
         "\tTAB", "\r=1+1", "＝1+1"]


def test_xlsx_is_styled_and_text_never_formula(db, tmp_path):
    for i, text in enumerate(NASTY):
        save_member({"name": f"成员{i}", "notes": text, "wechat_id": f"wx_nasty{i:02d}",
                     "phone": "13800138000"})
    out = tmp_path / "out.xlsx"
    assert export_roster(out) == len(NASTY)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert ws["A1"].value == "姓名" and ws["A1"].font.b
    assert ws.column_dimensions["A"].width >= 10
    headers = [c.value for c in ws[1]]
    notes = headers.index("备注") + 1
    for row in ws.iter_rows(min_row=2):
        cell = row[notes - 1]
        assert cell.data_type == "s"  # a string, never "f"
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    values = [r[notes - 1] for r in pc.CalamineWorkbook.from_path(str(out))
              .get_sheet_by_index(0).to_python()[1:]]
    assert sorted(values) == sorted(m.notes for m in Member.select())  # exactly as stored
    phone = headers.index("手机号") + 1
    assert ws.cell(row=2, column=phone).value == "13800138000"  # text, leading digits kept


def test_csv_has_bom_and_guards_formulas(db, tmp_path):
    save_member({"name": "=1+1", "notes": "@x", "phone": "13800138000"})
    out = tmp_path / "out.csv"
    export_roster(out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "姓名"
    assert rows[1][0] == "'=1+1"
    # and our own import takes the guard off again
    Member.delete().execute()
    import_roster(out)
    assert Member.get().name == "=1+1" and Member.get().notes == "@x"


def test_masked_shareable_directory(db, tmp_path):
    save_member({"name": "张三", "nickname": "三哥", "phone": "13800138000", "company": "某公司",
                 "notes": "私密备注", "city": "杭州"})
    out = tmp_path / "dir.csv"
    export_roster(out, masked=True, shared_fields=["nickname", "city", "phone", "notes"])
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["群昵称", "地区", "手机号"]  # notes can never be shared; name dropped
    assert rows[1] == ["三哥", "杭州", "138****8000"]
    assert mask_phone("13800138000") == "138****8000"


def test_filters_by_tag_group_and_ids(db, tmp_path):
    from models.members.groups import add_to_group, save_group

    a = save_member({"name": "张三"})
    b = save_member({"name": "李四"})
    save_member({"name": "王五"})
    add_tags([a.id, b.id], [get_or_create_tag("宝妈").id])
    group = save_group({"name": "一群"})
    add_to_group([b.id], group.id)
    out = tmp_path / "f.xlsx"
    assert export_roster(out, tags=["宝妈"]) == 2
    assert export_roster(out, tags=["宝妈"], group="一群") == 1
    assert export_roster(out, member_ids=[b.id, a.id]) == 2
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert [r[0] for r in rows[1:]] == ["李四", "张三"]  # the list's own order
    with pytest.raises(RosterError, match="没有名为“不存在”的标签"):
        export_roster(out, tags=["不存在"])
    with pytest.raises(RosterError, match="群"):
        export_roster(out, group="不存在")
    with pytest.raises(RosterError, match="xlsx"):
        export_roster(tmp_path / "x.pdf")


def _crash_after(calls: int):
    from models.roster import exporter

    def crash(*args, **kwargs):
        crash.count += 1
        if crash.count > calls:
            raise OSError(28, "No space left on device")
        return original(*args, **kwargs)

    original = exporter._xlsx_value
    crash.count = 0
    return crash


@pytest.mark.parametrize("where", ["mid-write", "closing"])
def test_export_writes_to_temporary_name_then_renames(db, tmp_path, monkeypatch, where):
    import os
    import tempfile

    from models.roster import exporter

    for i in range(3):
        save_member({"name": f"张三{i}", "notes": "备注"})
    folder = tmp_path / "out"
    folder.mkdir()
    scratch = tmp_path / "scratch"  # the temp folder: nothing may be left there
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = folder / "keep.xlsx"
    out.write_bytes(b"old content")
    if where == "mid-write":  # the disk fills up after a few cells
        monkeypatch.setattr(exporter, "_xlsx_value", _crash_after(len(all_columns()) + 3))
    else:  # ... or while the finished workbook goes to disk
        def crash(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(RosterError, match="磁盘空间已满"):
        export_roster(out)
    assert out.read_bytes() == b"old content"  # the real file was never touched
    assert [p.name for p in folder.iterdir()] == ["keep.xlsx"]  # no leftovers
    assert list(scratch.iterdir()) == []  # nor any scratch files
    monkeypatch.undo()
    assert export_roster(out) == 3  # and the next export works


def test_xlsx_cell_types_markup_and_widths(db, tmp_path):
    import datetime as dt
    from decimal import Decimal

    markup = '<r><t>x</t></r></is></c><c r="Z9"><f>1+1</f></c><c t="inlineStr"><is><r><t>y</t></r>'
    save_member({"name": "张三", "notes": markup, "joined_on": dt.date(2024, 3, 5),
                 "entry_fee": Decimal("99.50"), "is_friend": True, "expertise": "行一\n行二",
                 "company": "_x0041_ 公司"})
    out = tmp_path / "out.xlsx"
    export_roster(out, columns=["name", "notes", "joined_on", "entry_fee", "is_friend",
                                "expertise", "company", "points"])
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[1] == ["张三", markup, dt.date(2024, 3, 5), 99.5, "是", "行一\n行二",
                       "_x0041_ 公司", 0]  # text exactly as stored, even escape look-alikes
    ws = openpyxl.load_workbook(out).active
    assert ws["C2"].number_format == "yyyy-mm-dd" and ws["D2"].number_format == "0.00"
    assert ws["F2"].alignment.wrap_text
    assert ws["A1"].fill.fgColor.rgb == "FF2F6FEB" and ws["A1"].font.color.rgb == "FFFFFFFF"
    assert ws.auto_filter.ref == "A1:H2"
    assert "<f>" not in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    # widths: at least the header's own width, a CJK character counting double
    assert ws.column_dimensions["B"].width >= 40  # notes
    assert ws.column_dimensions["C"].width >= len("入群时间") * 2


def test_export_progress_and_cancel(db, tmp_path):
    from models.progress import Cancelled

    Member.insert_many([{"name": f"成员{i}", "sort_name": f"cy{i:05d}"}
                        for i in range(1200)]).execute()
    folder = tmp_path / "out"
    folder.mkdir()
    seen = []
    assert export_roster(folder / "a.xlsx", progress=lambda n, t: seen.append((n, t))) == 1200
    assert seen == [(1000, 1200)]
    rows = pc.CalamineWorkbook.from_path(str(folder / "a.xlsx")).get_sheet_by_index(0).to_python()
    assert len(rows) == 1201 and rows[1][0] == "成员0" and rows[-1][0] == "成员1199"
    with pytest.raises(Cancelled):
        export_roster(folder / "b.xlsx", cancelled=lambda: True)
    assert [p.name for p in folder.iterdir()] == ["a.xlsx"]


def test_template_imports_cleanly(db, tmp_path):
    out = tmp_path / "template.xlsx"
    export_template(out)
    wb = pc.CalamineWorkbook.from_path(str(out))
    assert wb.sheet_names == ["名单", "说明"]
    report = import_roster(out, dry_run=True)
    assert report.created == 1 and not report.errors  # the example row is valid
    assert set(report.mapping.values()) >= {"name", "wechat_id", "phone", "tags", "joined_on"}


def test_problem_table(tmp_path):
    out = tmp_path / "problems.xlsx"
    export_table(out, ["工作表", "行号", "列", "问题"], [["名单", 8, "入群时间", "=日期不清"]])
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[1] == ["名单", 8.0, "入群时间", "=日期不清"]


def test_xlsx_long_notes_risky_text_and_font(db, tmp_path):
    """A note over Excel's 32,767 characters is cut there (the file still opens; Excel
    itself holds no more); risky text keeps the quote prefix, so editing it in Excel
    later keeps it text; every cell is in 等线, the CJK font the app writes."""
    long_note = "长" * 32_760 + "😀" * 20
    save_member({"name": "张三", "notes": long_note, "company": "=cmd|' /C calc'!A0",
                 "city": "+86 杭州"})
    out = tmp_path / "out.xlsx"
    export_roster(out, columns=["name", "company", "city", "notes"])
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[1][:3] == ["张三", "=cmd|' /C calc'!A0", "+86 杭州"]
    assert rows[1][3] == long_note[:32_767] and len(rows[1][3]) == 32_767
    ws = openpyxl.load_workbook(out).active
    assert ws["B2"].quotePrefix and ws["C2"].quotePrefix and ws["B2"].number_format == "@"
    assert {ws[c].font.name for c in ("A1", "A2", "B2", "D2")} == {"等线"}
    assert "<f>" not in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
