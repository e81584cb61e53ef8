"""Exports an owner can print and share: a print-ready .xlsx, a CSV whose formula guard
comes off exactly, and a word in the dialog on what spreadsheets do to CSV files."""

from __future__ import annotations

import openpyxl

from models.members.cards import Member, save_member
from models.members.groups import Group, add_to_group
from models.roster.exporter import csv_guarded, export_roster, sheet_name
from models.roster.importer import import_roster
from ui.roster.export_dialog import ExportDialog


def test_the_xlsx_is_ready_to_print(db, tmp_path):
    member = save_member({"name": "张三"})
    group = Group.create(name="AI 实战派 1 群", position=0)
    add_to_group([member.id], group.id)
    out = tmp_path / "r.xlsx"
    export_roster(out, group="AI 实战派 1 群")
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.title == "AI 实战派 1 群"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)  # 1: default
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddFooter.center.text == "&P / &N"
    assert ws.print_options.gridLines


def test_sheet_names_excel_accepts():
    assert sheet_name(None) == "名单"
    assert sheet_name("读书会/上海[2024]") == "读书会 上海 2024"
    assert len(sheet_name("很长" * 40)) == 31
    assert sheet_name("History") == "名单"


def test_the_csv_guard_comes_off_exactly(db, tmp_path):
    notes = ["=1+1", "'=1", "''=x", "'hello", "-5 分", "@all", "plain", "+86 也是备注"]
    for i, note in enumerate(notes):
        save_member({"name": f"成员{i}", "notes": note})
    assert [csv_guarded(n) for n in notes[:4]] == ["'=1+1", "''=1", "'''=x", "'hello"]
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"notes{suffix}"
        export_roster(out, columns=["name", "notes"])
        Member.delete().execute()
        import_roster(out)
        assert {m.name: m.notes for m in Member.select()} == {
            f"成员{i}": note for i, note in enumerate(notes)}, suffix


def test_the_dialog_warns_about_csv_in_spreadsheets(qtbot, workspace):
    dialog = ExportDialog(workspace, None)
    qtbot.addWidget(dialog)
    assert dialog.csv_warning.isHidden()
    dialog.csv.setChecked(True)
    assert not dialog.csv_warning.isHidden()
    assert "00123456 变成 123456" in dialog.csv_warning.text()
    assert ".xlsx" in dialog.csv_warning.text()
    dialog.xlsx.setChecked(True)
    assert dialog.csv_warning.isHidden()
