"""微信昵称 beside 群昵称: card, list, search, export, import synonyms; and every column an
import leaves out is named in the summary, the wizard and the --report."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

import main
from models.members import rows as member_rows
from models.members.cards import Member, find_members, save_member
from models.roster.exporter import export_roster
from models.roster.importer import import_roster
from models.roster.mapping import guess_field
from models.roster.plan import read_plan
from ui.members.columns import ALL_COLUMNS, header
from ui.members.table_model import MemberTableModel


def sheet(path, header_row, *rows):
    wb = openpyxl.Workbook()
    wb.active.append(header_row)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(("text", "field"), [
    ("微信昵称", "wechat_name"), ("微信名", "wechat_name"), ("昵称", "wechat_name"),
    ("微信名称", "wechat_name"), ("WeChat name", "wechat_name"), ("Nickname", "wechat_name"),
    ("群昵称", "nickname"), ("群名片", "nickname"), ("群内昵称", "nickname"),
    ("我在本群的昵称", "nickname"), ("星球昵称", "nickname"), ("微信号", "wechat_id")])
def test_synonyms_tell_the_two_names_apart(text, field):
    assert guess_field(text) == field


def test_a_sheet_with_both_names_keeps_both(db, tmp_path):
    path = sheet(tmp_path / "r.xlsx", ["姓名", "微信昵称", "群昵称", "微信号"],
                 ["周明", "小明", "小明-杭州-设计", "xiaoming_88"])
    report = import_roster(path)
    assert report.mapping == {"姓名": "name", "微信昵称": "wechat_name", "群昵称": "nickname",
                              "微信号": "wechat_id"}
    assert not any("没有导入" in n for n in report.notices)
    member = Member.get()
    assert (member.wechat_name, member.nickname) == ("小明", "小明-杭州-设计")


def test_a_row_known_only_by_its_wechat_name_is_called_by_it(db, tmp_path):
    path = sheet(tmp_path / "r.xlsx", ["昵称", "微信号"], ["阿飞🚀", "afei_2024"])
    import_roster(path)
    assert [(m.name, m.wechat_name) for m in Member.select()] == [("阿飞🚀", "阿飞🚀")]


def test_card_search_list_and_picker_know_the_wechat_name(db, qapp):
    member = save_member({"name": "周明", "nickname": "明-杭州", "wechat_name": "Sunny晴"})
    other = save_member({"name": "李四", "wechat_name": "Amy"})
    assert Member.get_by_id(member.id).wechat_name == "Sunny晴"
    assert "sunny晴" in member_rows.search_texts()[member.id]
    assert [m[0] for m in find_members("sunny")] == [member.id]
    row = member_rows.fetch_rows([member.id])[member.id]
    assert row[member_rows.COL["wechat_name"]] == "Sunny晴"
    assert "wechat_name" in ALL_COLUMNS and header("wechat_name") == "微信昵称"
    model = MemberTableModel()
    model.set_columns(["name", "wechat_name"])
    model.reload()
    assert {model.index(r, 1).data() for r in range(2)} == {"Sunny晴", "Amy"}
    model.set_search_text("sunny")
    assert model.rowCount() == 1 and model.index(0, 1).data() == "Sunny晴"
    assert member_rows.sorted_ids("wechat_name") == [other.id, member.id]  # Amy < Sunny


def test_the_card_dialog_edits_the_wechat_name(qtbot, workspace):
    from ui.members.card_dialog import MemberCardDialog

    member = save_member({"name": "周明"})
    dialog = MemberCardDialog(workspace, member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["wechat_name"].setText("小明同学")
    assert dialog.save()
    assert Member.get_by_id(member.id).wechat_name == "小明同学"


def test_export_writes_it_and_the_import_reads_it_back(db, tmp_path):
    save_member({"name": "周明", "nickname": "明-杭州", "wechat_name": "Sunny晴"})
    out = tmp_path / "out.csv"
    export_roster(out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    head = rows[0]
    assert head[:4] == ["姓名", "群昵称", "微信昵称", "微信号"]
    assert rows[1][2] == "Sunny晴"
    Member.delete().execute()
    report = import_roster(out)
    assert report.mapping["微信昵称"] == "wechat_name"
    assert Member.get().wechat_name == "Sunny晴"


def test_every_unused_column_is_named(db, tmp_path):
    path = sheet(tmp_path / "r.xlsx", ["姓名", "血型", "微信号", None, "星座"],
                 ["周明", "A", "xiaoming_88", "备用值", None],
                 ["李四", "B", "lisi_2024", None, None])
    plan = read_plan(path)
    assert plan.mapping == {0: "name", 1: None, 2: "wechat_id", 3: None, 4: None}
    report = import_roster(path)
    assert report.notices[-1] == ("这些列没有导入：血型、D 列、星座（要导入，请在导入向导里把它们"
                                  "对应到卡片的一项或自定义字段）")


def test_a_field_named_twice_names_the_second_column(db, tmp_path):
    path = sheet(tmp_path / "r.xlsx", ["姓名", "手机号", "联系电话"],
                 ["周明", "13800138000", "13900139000"])
    report = import_roster(path)
    assert report.mapping == {"姓名": "name", "手机号": "phone"}
    assert "这些列没有导入：联系电话" in report.notices[-1]


def test_cli_prints_and_reports_the_unused_columns(db_path, tmp_path, capsys):
    path = sheet(tmp_path / "r.xlsx", ["姓名", "血型"], ["周明", "A"])
    out = tmp_path / "report.json"
    assert main.main(["--db", str(db_path), "import-roster", str(path), "--report",
                      str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("r.xlsx（Sheet）：新建 1")
    assert lines[1].startswith("  这些列没有导入：血型（")
    assert json.loads(out.read_text(encoding="utf-8"))["notices"][-1].startswith(
        "这些列没有导入：血型")


def test_the_wizard_preview_names_the_unused_columns(qtbot, workspace, no_dialogs, monkeypatch,
                                                     tmp_path):
    from ui import dialogs
    from ui.roster.import_wizard import ImportWizard

    path = sheet(tmp_path / "r.xlsx", ["姓名", "血型", "微信昵称"], ["周明", "A", "小明"])
    wizard = ImportWizard(workspace, None)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    wizard.next()
    wizard.mapping_page.set_target(2, None)  # the owner leaves 微信昵称 out too
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.ready, timeout=10000)
    assert "这些列没有导入：血型、微信昵称" in wizard.preview_page.counts.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=10000)
    assert "这些列没有导入：血型、微信昵称" in wizard.result_page.summary.text()
