"""File > 导出名单 exports the list as the member page shows it, says how many, and offers
every member as the other choice."""

from __future__ import annotations

import csv
import io

from models.members.cards import Member, save_member
from ui import dialogs
from ui.roster.export_dialog import ExportDialog


def rows_of(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def open_menu_export(qtbot, controller) -> ExportDialog:
    controller.window.act_export.trigger()
    dialog = controller.window.findChildren(ExportDialog)[-1]
    qtbot.addWidget(dialog)
    return dialog


def test_the_menu_exports_the_list_as_shown_or_everyone(qtbot, controller, db_path, no_dialogs,
                                                        monkeypatch, tmp_path):
    from models.store.db import close_database, open_database

    open_database(db_path)
    for name in ("张三", "张小凡", "李四"):
        save_member({"name": name})
    save_member({"name": "张退群", "joined_on": "2024-01-01", "left_on": "2024-06-01"})
    close_database()
    assert controller.open(db_path)
    window = controller.window
    window.show_page("members")
    page = window.page("members")
    page.model.set_search_text("张")  # the list shows 张三 and 张小凡 (张退群 has left)
    dialog = open_menu_export(qtbot, controller)
    assert dialog.scope.text() == "将导出当前列表中的 2 位成员"
    assert dialog.shown_scope.isChecked() and not dialog.all_scope.isHidden()
    assert "全部 4 位成员" in dialog.all_scope.text()
    dialog.csv.setChecked(True)
    dialog.set_columns(["name"])
    out = tmp_path / "shown.csv"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.export()
    assert sorted(r[0] for r in rows_of(out)[1:]) == ["张三", "张小凡"]

    dialog = open_menu_export(qtbot, controller)
    dialog.all_scope.setChecked(True)
    assert dialog.scope.text() == "将导出全部 4 位成员"
    dialog.csv.setChecked(True)
    dialog.set_columns(["name"])
    out = tmp_path / "all.csv"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.export()
    assert len(rows_of(out)) == 1 + Member.select().count() == 5


def test_before_the_member_page_opens_the_list_is_the_current_members(qtbot, controller,
                                                                     db_path, no_dialogs):
    from models.store.db import close_database, open_database

    open_database(db_path)
    save_member({"name": "张三"})
    save_member({"name": "张退群", "joined_on": "2024-01-01", "left_on": "2024-06-01"})
    close_database()
    assert controller.open(db_path)
    controller.window._pages.pop("members", None)  # as if it was never visited
    assert controller.window.shown_member_ids() == [Member.get(Member.name == "张三").id]
