"""The import wizard and export dialog, driven like a user would (dialogs replaced)."""

from __future__ import annotations

import csv
import io

import pytest
import roster_samples as S

from models.members.cards import Member, save_member
from ui import dialogs
from ui.roster.export_dialog import ExportDialog
from ui.roster.import_wizard import ImportWizard
from ui.roster.preview_model import PreviewModel, ProblemModel
from ui.workspace import Changed


@pytest.fixture
def wizard(qtbot, workspace, no_dialogs):
    w = ImportWizard(workspace, None)
    qtbot.addWidget(w)
    w.show()
    return w


def open_file(qtbot, wizard, monkeypatch, path):
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)


def test_wizard_full_flow_with_summary_problem_list_and_undo(qtbot, wizard, workspace,
                                                             monkeypatch, tmp_path, no_dialogs):
    save_member({"name": "张三", "wechat_id": "zhangsan_01"})
    open_file(qtbot, wizard, monkeypatch, S.titled_xlsx(tmp_path))
    assert "第 3 行" in wizard.file_page.info.text()
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    page = wizard.mapping_page
    assert [c.currentData() for c in page.combos][:5] == ["name", "nickname", "city", "phone",
                                                         "wechat_id"]
    page.set_target(7, "custom:备注来源")  # 备注 column -> a new custom field
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.ready, timeout=10000)
    model = wizard.preview_page.model
    statuses = [model.row_plan(r).status for r in range(model.rowCount())]
    assert statuses == ["update", "new", "new", "new"]
    wizard.preview_page.set_mode("skip")
    qtbot.waitUntil(lambda: wizard.preview_page.ready, timeout=10000)
    assert model.row_plan(0).status == "duplicate"
    wizard.preview_page.status_filter.setCurrentIndex(1)  # only new rows
    assert model.rowCount() == 3
    with qtbot.waitSignal(workspace.data_changed, timeout=10000) as changed:
        wizard.next()  # the commit button: 开始导入
    assert changed.args == [Changed.MEMBERS]
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=10000)
    assert "新建 3" in wizard.result_page.summary.text()
    assert Member.select().count() == 4
    assert wizard.result_page.problems.rowCount() == 1  # the ambiguous date
    saved = tmp_path / "problems.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: saved)
    wizard.result_page.save.click()
    assert saved.exists()
    wizard.result_page.undo.click()
    assert Member.select().count() == 1
    assert not wizard.result_page.undo.isEnabled()


def test_wizard_refuses_broken_file_clearly(qtbot, wizard, monkeypatch, tmp_path):
    path = S.renamed_html(tmp_path)
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: "网页" in wizard.file_page.info.text(), timeout=10000)
    assert wizard.plan is None
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_wizard_cancelled_import_changes_nothing(qtbot, wizard, monkeypatch, tmp_path):
    from models.progress import Cancelled
    from models.roster import importer as roster_import

    open_file(qtbot, wizard, monkeypatch, S.csv_file(tmp_path, "r.csv", "gbk"))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.ready, timeout=10000)

    def cancelled(*args, **kwargs):
        raise Cancelled()

    monkeypatch.setattr(roster_import, "write_plan", cancelled)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=10000)
    assert "已取消" in wizard.result_page.summary.text()
    assert Member.select().count() == 0


def test_mapping_page_needs_a_name_column(qtbot, wizard, monkeypatch, tmp_path):
    open_file(qtbot, wizard, monkeypatch, S.csv_file(tmp_path, "r.csv", "utf-8"))
    wizard.next()
    page = wizard.mapping_page
    page.set_target(0, None)
    assert not page.isComplete() and "姓名" in page.warning.text()
    page.set_target(0, "name")
    assert page.isComplete()


def test_item_models(qtmodeltester, db, tmp_path):
    from models.roster.importer import preview

    plan = preview(S.titled_xlsx(tmp_path))
    model = PreviewModel()
    model.set_rows(plan.rows)
    qtmodeltester.check(model)
    model.set_filter("error")
    qtmodeltester.check(model)
    problems = ProblemModel()
    problems.set_problems(plan.problems())
    qtmodeltester.check(problems)
    assert problems.rowCount() == 1


def test_export_dialog_selected_members_to_csv(qtbot, workspace, monkeypatch, tmp_path,
                                               no_dialogs):
    a = save_member({"name": "张三", "phone": "13800138000", "city": "杭州"})
    save_member({"name": "李四"})
    dlg = ExportDialog(workspace, None, member_ids=[a.id])
    qtbot.addWidget(dlg)
    assert "1 位成员" in dlg.scope.text()
    dlg.csv.setChecked(True)
    dlg.set_columns(["name", "phone"])
    out = tmp_path / "out"  # the suffix is added
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.export()
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    assert rows == [["姓名", "手机号"], ["张三", "13800138000"]]


def test_export_dialog_shareable_directory_and_template(qtbot, workspace, monkeypatch,
                                                        tmp_path, no_dialogs):
    save_member({"name": "张三", "phone": "13800138000", "city": "杭州", "notes": "私密"})
    dlg = ExportDialog(workspace, None)
    qtbot.addWidget(dlg)
    dlg.shared.setChecked(True)
    offered = [dlg.columns.item(i).data(256) for i in range(dlg.columns.count())]
    assert "notes" not in offered and "name" in offered
    dlg.set_columns(["city", "phone"])
    dlg.csv.setChecked(True)
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: tmp_path / "dir.csv")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.export()
    text = (tmp_path / "dir.csv").read_text(encoding="utf-8-sig")
    assert "138****8000" in text and "张三" not in text and "私密" not in text
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: tmp_path / "t.xlsx")
    dlg.save_template()
    assert (tmp_path / "t.xlsx").exists()
