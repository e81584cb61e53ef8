"""The app with a read-only workspace, a vanished database folder, and File > Open of a
damaged file: plain notes, editing off, nothing changed, no crash dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models import demo
from models.members.cards import Member
from models.store.db import close_database, current, open_database
from models.store.problems import ReadOnlyError
from tests.store_helpers import fingerprint


def community(path: Path, members: int = 60) -> Path:
    open_database(path)
    demo.build(members=members, seed=4)
    close_database()
    return path


def test_a_read_only_workspace_is_browsable_with_editing_off(controller, tmp_path, qtbot,
                                                             no_dialogs):
    path = community(tmp_path / "ro" / "club.sqlite3")
    path.chmod(0o444)
    before = fingerprint(path.parent)
    assert controller.open(path)
    window = controller.window
    assert window.notice.isVisible() and "只读" in window.notice.label.text()
    assert "文件是只读的" in window.notice.label.text()
    for action in (window.act_new, window.act_import, window.act_undo, window.act_restore,
                   window.act_delete):
        assert not action.isEnabled(), action.text()
    assert window.act_export.isEnabled() and window.act_find.isEnabled()
    members = window.page("members")
    assert members.model.rowCount() > 0 and not members.new_button.isEnabled()
    from ui.members.card_dialog import MemberCardDialog

    card = MemberCardDialog(window.workspace, Member.select().first().id, window)
    qtbot.addWidget(card)
    assert not card.save_button.isEnabled() and "只读" in card.general_error.text()
    calendar = window.page("calendar")
    assert all(not w.isEnabled() for w in calendar._editing)
    activities = window.page("activities")
    assert not activities.new_button.isEnabled() and activities.checklist.model.read_only
    week = window.page("week")
    assert week.notes.isReadOnly()
    overview = window.page("overview")
    window.show_page("overview")
    qtbot.waitUntil(lambda: overview._task is None, timeout=20000)
    assert "失败" not in overview.status.text()
    with pytest.raises(ReadOnlyError):  # and the storage layer refuses anyway
        from models.members.cards import save_member

        save_member({"name": "王五"})
    controller._close_current()
    assert fingerprint(path.parent) == before


def test_a_vanished_folder_turns_editing_off_and_offers_a_copy(controller, tmp_path, qtbot,
                                                               no_dialogs, monkeypatch):
    from ui import dialogs

    path = community(tmp_path / "usb" / "club.sqlite3")
    assert controller.open(path)
    window = controller.window
    assert not window.notice.isVisible() and window.act_new.isEnabled()
    shutil.rmtree(path.parent)
    controller._watch_file()  # the 5-second watch, run now
    assert window.notice.isVisible() and "不见了" in window.notice.label.text()
    assert not window.act_new.isEnabled() and current().read_only == "why_gone"
    rescue = tmp_path / "rescued.sqlite3"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: rescue)
    window.notice.button.click()  # 另存副本…; no_dialogs answers "open it" with yes
    assert rescue.exists()
    qtbot.waitUntil(lambda: controller.window is not None
                    and controller.window.workspace.db_path == rescue, timeout=10000)
    assert Member.select().count() == 60 and current().read_only is None


def test_file_open_checks_every_page_before_switching(controller, tmp_path, qtbot, no_dialogs,
                                                      monkeypatch):
    from tests.test_app_start import _damage_a_middle_page
    from ui import dialogs

    good = community(tmp_path / "good" / "club.sqlite3", 30)
    bad = community(tmp_path / "bad" / "deep.sqlite3", 600)
    _damage_a_middle_page(bad)
    before = fingerprint(bad.parent)
    assert controller.open(good)
    window = controller.window
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: bad)
    window.open_database()
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=20000)
    assert no_dialogs[-1][0] == "error" and "损坏" in no_dialogs[-1][1]
    assert controller.window is window and window.workspace.db_path == good  # still open
    assert Member.select().count() == 30
    assert fingerprint(bad.parent) == before


def test_storage_problems_become_plain_messages(controller, tmp_path, no_dialogs):
    from models.store.problems import WriteFailedError

    path = community(tmp_path / "w" / "club.sqlite3", 5)
    assert controller.open(path)
    controller.window.storage_problem(WriteFailedError("db_full"))
    assert no_dialogs[-1][0] == "warn" and "磁盘空间已满" in no_dialogs[-1][1]
    controller.window.storage_problem(ReadOnlyError(path, "why_file_read_only"))
    assert no_dialogs[-1][0] == "inform" and "只读" in no_dialogs[-1][1]


def test_an_escaping_storage_error_is_not_a_crash_report(controller, tmp_path, qtbot,
                                                         no_dialogs, monkeypatch):
    import sys

    from ui import crash

    path = community(tmp_path / "w" / "club.sqlite3", 5)
    assert controller.open(path)
    handler = crash.CrashHandler()
    shown: list[str] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda report, log: shown.append(report))
    try:
        raise ReadOnlyError(path, "why_folder_read_only")
    except ReadOnlyError:
        handler.handle(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=5000)
    assert no_dialogs[-1][0] == "inform" and "不可写" in no_dialogs[-1][1]
    assert shown == []


def test_the_undo_action_names_what_it_undoes(controller, tmp_path, no_dialogs):
    from models.members import bulk
    from models.members.cards import save_member
    from ui.workspace import Changed

    path = tmp_path / "w" / "club.sqlite3"
    open_database(path)
    close_database()
    assert controller.open(path)
    window = controller.window
    assert not window.act_undo.isEnabled() and window.act_undo.text() == "撤销(&U)"
    member = save_member({"name": "张三"})
    bulk.mark_left([member.id])
    window.workspace.data_changed.emit(Changed.MEMBERS)
    assert window.act_undo.isEnabled()
    assert window.act_undo.text() == "撤销：把 1 位成员标记为已退群(&U)"
    window.undo_last()
    assert not window.act_undo.isEnabled()
    assert Member.get_by_id(member.id).left_on is None


def test_restore_picks_from_the_workspaces_backups(controller, tmp_path, no_dialogs, qtbot):
    from models.members.cards import member_count, save_member
    from models.store.db import backup_workspace
    from ui.backups_dialog import BackupsDialog

    path = community(tmp_path / "w" / "club.sqlite3", 5)
    assert controller.open(path)
    kept = backup_workspace(reason="manual")
    save_member({"name": "备份之后才来的"})
    assert member_count() == 6
    controller.window.restore_backup()
    dialog = controller.window.findChild(BackupsDialog)
    assert dialog is not None and dialog.table.rowCount() >= 1
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == str(kept))
    assert dialog.table.item(row, 1).text() == "手动备份"
    dialog.table.selectRow(row)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the default button: 恢复所选
    assert [k for k, _ in no_dialogs] == ["confirm"]
    assert member_count() == 5
