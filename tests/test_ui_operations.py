"""The one operation path (ui/operations.py): what every screen's write goes through."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QWidget

from models.members import tags
from models.members.cards import ValidationError, save_member
from models.progress import Cancelled
from models.store import undo
from models.store.problems import WriteFailedError
from ui import crash
from ui.operations import LongOp, Op
from ui.workspace import Changed, workspace_of


@pytest.fixture
def screen(qtbot, workspace) -> QWidget:
    widget = QWidget()
    widget.workspace = workspace  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    return widget


def _notices(workspace) -> list[tuple[Changed, object]]:
    seen: list[tuple[Changed, object]] = []
    workspace.data_changed.connect(lambda changed: seen.append((changed, workspace.origin)))
    return seen


def test_a_change_is_made_announced_once_with_its_origin_and_undoable(screen, workspace):
    member = save_member({"name": "周九"})
    seen = _notices(workspace)
    results: list[object] = []
    tag = tags.get_or_create_tag("摄影")
    done = Op(screen, workspace, lambda: tags.delete_tag(tag.id), Changed.TAGS) \
        .success(results.append).run()
    assert done and results == [0] and tags.get_tag(tag.id) is None
    assert seen == [(Changed.TAGS, screen)]
    assert workspace.origin is None  # only while the notice is delivered
    assert undo.label_of(undo.latest()) == "删除标签“摄影”"
    assert member.id  # the member is untouched


def test_a_read_only_workspace_refuses_before_anything_runs(screen, workspace, no_dialogs):
    workspace.set_read_only("why_file_read_only")
    ran: list[bool] = []
    seen = _notices(workspace)
    assert not Op(screen, workspace, lambda: ran.append(True), Changed.MEMBERS).run()
    assert ran == [] and seen == []
    assert no_dialogs[-1][0] == "inform" and "只读" in no_dialogs[-1][1]


def test_a_refusal_goes_to_the_screen_or_to_a_message_box(screen, workspace, no_dialogs):
    seen = _notices(workspace)
    shown: list[Exception] = []
    assert not Op(screen, workspace, lambda: save_member({"name": ""}), Changed.MEMBERS) \
        .failure(shown.append).run()
    assert isinstance(shown[0], ValidationError) and "name" in shown[0].errors
    assert no_dialogs == [] and seen == []
    assert not Op(screen, workspace, lambda: save_member({"name": ""}), Changed.MEMBERS).run()
    assert no_dialogs[-1][0] == "warn" and "不能为空" in no_dialogs[-1][1]


def test_a_storage_problem_goes_to_the_window_in_the_users_words(screen, workspace,
                                                                 no_dialogs, monkeypatch):
    told: list[object] = []
    monkeypatch.setattr(crash, "report_storage_problem", lambda p: told.append(p) or True)

    def full_disk() -> None:
        raise sqlite3.OperationalError("database or disk is full")

    assert not Op(screen, workspace, full_disk, Changed.MEMBERS).run()
    assert isinstance(told[0], WriteFailedError) and no_dialogs == []
    inline: list[Exception] = []
    assert not Op(screen, workspace, full_disk, Changed.MEMBERS) \
        .failure(inline.append, storage=True).run()
    assert "磁盘" in str(inline[0]) and len(told) == 1  # the form says it; no second box


def test_a_real_bug_is_not_swallowed(screen, workspace):
    def bug() -> None:
        raise KeyError("a programming error")

    with pytest.raises(KeyError):
        Op(screen, workspace, bug, Changed.MEMBERS).run()


def test_long_work_runs_on_a_worker_then_announces(qtbot, screen, workspace):
    seen = _notices(workspace)
    results: list[object] = []

    def work(progress, cancelled) -> int:
        progress(1, 2)
        return save_member({"name": "吴十"}).id

    op = LongOp(screen, workspace, work, Changed.MEMBERS, "导入").success(results.append)
    task = op.start()
    assert task is not None
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert seen == [(Changed.MEMBERS, screen)]


def test_cancelled_long_work_announces_nothing(qtbot, screen, workspace):
    seen = _notices(workspace)
    stopped: list[bool] = []

    def work(progress, cancelled) -> None:
        raise Cancelled()

    LongOp(screen, workspace, work, Changed.MEMBERS, "导入") \
        .cancelled(lambda: stopped.append(True)).start()
    qtbot.waitUntil(lambda: bool(stopped), timeout=10000)
    assert seen == []


def test_a_dialog_finds_its_screens_workspace(qtbot, screen, workspace):
    child = QWidget(screen)
    assert workspace_of(child) is workspace
    with pytest.raises(LookupError):
        workspace_of(QWidget())
