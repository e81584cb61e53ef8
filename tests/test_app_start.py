"""Opening a workspace in the GUI: lock, damaged files, newer files, first start."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from models.members.cards import Member, save_member
from models.store import backup, lock
from models.store.db import close_database, open_database
from models.store.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.store_helpers import held_elsewhere


def test_opens_and_locks_the_database(controller, db_path, no_dialogs, qapp):
    assert controller.open(db_path)
    assert controller.window is not None and controller.window.isVisible()
    assert lock.holds(db_path)
    controller._close_current()
    assert not lock.holds(db_path)


def test_a_workspace_held_by_another_process_is_refused_naming_it(controller, db_path,
                                                                   no_dialogs):
    open_database(db_path)
    close_database()
    with held_elsewhere(db_path, "import-roster") as other:
        assert not controller.open(db_path)
    assert no_dialogs[-1][0] == "error"
    assert "import-roster" in no_dialogs[-1][1] and str(other.pid) in no_dialogs[-1][1]


def test_newer_database_is_refused_with_a_message(controller, tmp_path, no_dialogs):
    path = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x)")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not controller.open(path)
    assert no_dialogs[-1][0] == "error" and "更新版本" in no_dialogs[-1][1]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_damaged_database_offers_the_latest_good_backup(controller, db_path, no_dialogs):
    db = open_database(db_path)
    save_member({"name": "张三"})
    backup.create(db, db_path, reason="good")
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)
    assert controller.open(db_path)  # no_dialogs answers "yes, restore"
    assert no_dialogs[0][0] == "confirm" and "备份" in no_dialogs[0][1]
    assert Member.get().name == "张三"
    aside = list(db_path.parent.glob(db_path.name + ".damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"SQLite format 3")


def test_damaged_database_without_backup_is_left_alone(controller, tmp_path, no_dialogs):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"not a database at all" * 50)
    assert not controller.open(path)
    assert no_dialogs[-1][0] == "error"
    assert path.read_bytes() == b"not a database at all" * 50


def test_first_start_offers_empty_or_demo(qtbot, workspace):
    from models.store import settings
    from ui.first_start import FirstStartDialog

    dialog = FirstStartDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("读书会")
    with qtbot.waitSignal(dialog.finished):
        dialog.empty_button.click()
    assert settings.get("community_name") == "读书会"
    assert Member.select().count() == 0
    demo = FirstStartDialog(workspace)
    qtbot.addWidget(demo)
    with qtbot.waitSignal(demo.finished, timeout=60000):
        demo.demo_button.click()
    assert Member.select().count() == 300


def _damage_a_middle_page(path: Path) -> None:
    """Scribble over a table page deep in the file; the header and schema stay readable."""
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle + 8: middle + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))


def test_background_check_backs_up_a_healthy_file(qtbot, db, db_path):
    from ui.startup_check import StartupCheck

    check = StartupCheck(db_path)
    with qtbot.waitSignal(check.finished, timeout=20000):
        check.start()
    assert any(p.name.endswith("-startup.sqlite3") for p in backup.list_backups(db_path))


def test_background_check_reports_deep_damage_and_skips_backup(qtbot, tmp_path, qapp):
    from models import demo
    from models.store import inspect
    from ui.startup_check import StartupCheck

    path = tmp_path / "deep.sqlite3"
    open_database(path)
    demo.build(members=400, seed=1)
    close_database()
    _damage_a_middle_page(path)
    inspect.examine(path)  # the quick open check still passes...
    check = StartupCheck(path)
    with qtbot.waitSignal(check.damaged, timeout=20000) as blocker:
        check.start()
    assert blocker.args[0]  # ...the full check names the damage
    assert not any(p.name.endswith("-startup.sqlite3") for p in backup.list_backups(path))
