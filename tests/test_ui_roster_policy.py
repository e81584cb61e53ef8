"""The import wizard always uses the duplicate policy on screen: preview, counts, import."""

from __future__ import annotations

import openpyxl
import pytest

from models.members.cards import Member, save_member
from models.roster.plan import match_rows, read_plan
from ui import dialogs
from ui.roster.import_wizard import ImportWizard


@pytest.fixture
def roster(tmp_path):
    """Three rows matching members (by WeChat ID, by phone, by name) and one new."""
    save_member({"name": "张三", "wechat_id": "zhangsan_01"})
    save_member({"name": "李四", "phone": "13900139000"})
    save_member({"name": "王五"})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "微信号", "手机号", "城市"])
    ws.append(["张三", "zhangsan_01", "", "杭州"])
    ws.append(["李四", "", "13900139000", "北京"])
    ws.append(["王五", "", "", "上海"])
    ws.append(["赵六", "zhaoliu_99", "", "成都"])
    path = tmp_path / "policy.xlsx"
    wb.save(path)
    return path


EXPECTED = {  # counts and statuses of the four rows under each policy
    "merge": ("新建 1 · 更新 3 · 重复跳过 0 · 有错误 0", ["update", "update", "update", "new"]),
    "skip": ("新建 1 · 更新 0 · 重复跳过 3 · 有错误 0",
             ["duplicate", "duplicate", "duplicate", "new"]),
    # a second member can't have 张三's WeChat ID: that row is refused, the others are new
    "new": ("新建 3 · 更新 0 · 重复跳过 0 · 有错误 1", ["error", "new", "new", "new"]),
}


def shown(page) -> tuple[str, list[str]]:
    model = page.model
    return (page.counts.text().split(" · 空行")[0],
            [model.row_plan(r).status for r in range(model.rowCount())])


@pytest.fixture
def preview(qtbot, workspace, no_dialogs, roster, monkeypatch):
    wizard = ImportWizard(workspace, None)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: roster)
    wizard.file_page.choose_file()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.ready, timeout=10000)
    return wizard


def settle(qtbot, wizard) -> None:
    qtbot.waitUntil(lambda: wizard.preview_page.ready and not wizard.checking, timeout=10000)


def test_switching_back_and_forth_always_shows_the_policy_on_screen(qtbot, preview):
    page = preview.preview_page
    assert shown(page) == EXPECTED["merge"]
    for sequence in (["skip", "new", "skip"], ["new"], ["merge"], ["new", "merge", "skip"],
                     ["merge", "new"], ["merge"]):
        for mode in sequence:  # quicker than the worker: later choices wait for it
            page.set_mode(mode)
            assert not page.ready and not page.isComplete()  # no stale counts, no import
        settle(qtbot, preview)
        assert shown(page) == EXPECTED[sequence[-1]], sequence
        assert preview.plan.on_duplicate == sequence[-1]


def test_the_import_runs_with_the_policy_on_screen(qtbot, preview, workspace):
    page = preview.preview_page
    for mode in ("skip", "new", "skip", "merge", "new", "skip"):
        page.set_mode(mode)
        qtbot.wait(5)
    settle(qtbot, preview)
    assert shown(page) == EXPECTED["skip"]
    with qtbot.waitSignal(workspace.data_changed, timeout=10000):
        preview.next()  # 开始导入
    qtbot.waitUntil(lambda: preview.result_page.done, timeout=10000)
    assert "新建 1，更新 0，跳过 3，未导入 0" in preview.result_page.summary.text()
    assert sorted(m.name for m in Member.select()) == ["张三", "李四", "王五", "赵六"]
    assert Member.get(Member.name == "张三").city == ""  # skipped, not merged


def test_importing_is_refused_while_the_rows_are_being_matched_again(qtbot, preview):
    page = preview.preview_page
    page.set_mode("new")
    assert not page.validatePage()  # the commit button does nothing meanwhile
    settle(qtbot, preview)
    assert page.validatePage()


def test_merge_after_new_imports_as_merge(qtbot, preview, workspace):
    page = preview.preview_page
    page.set_mode("new")
    settle(qtbot, preview)
    page.set_mode("merge")
    settle(qtbot, preview)
    assert shown(page) == EXPECTED["merge"]
    with qtbot.waitSignal(workspace.data_changed, timeout=10000):
        preview.next()
    qtbot.waitUntil(lambda: preview.result_page.done, timeout=10000)
    assert "新建 1，更新 3" in preview.result_page.summary.text()
    assert Member.select().count() == 4
    assert [m.city for m in Member.select().order_by(Member.id)] == ["杭州", "北京", "上海",
                                                                     "成都"]


def test_matching_again_forgets_the_previous_policys_problems(db, roster):
    plan = read_plan(roster)
    from models.roster.plan import convert_rows

    convert_rows(plan)
    match_rows(plan, "new")
    assert [r.status for r in plan.rows] == EXPECTED["new"][1]
    assert [p.message for p in plan.problems()] == ["微信号“zhangsan_01”已属于成员“张三”"]
    match_rows(plan, "merge")
    assert [r.status for r in plan.rows] == EXPECTED["merge"][1]
    assert plan.problems() == []
