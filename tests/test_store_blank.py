"""The blank workspace template (resources/workspace/blank.sqlite3) and the defaults stamp:
the template is exactly what the models make; a new workspace copied from it is whole and
has its own UID namespace; a stamped workspace opens without importing the domains; an
old or missing stamp means the defaults are refreshed; without a template all still works.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.store import blank, inspect, schema, settings
from models.store.db import close_database, open_database
from tests.store_helpers import ROOT

REMAKE = "the template is out of date: run `python resources/workspace/make_blank.py`"
DOMAINS = ("models.members", "models.calendar", "models.activities", "models.outreach",
           "models.stats", "models.week", "models.roster")


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def read(path: Path, sql: str) -> list[tuple]:
    con = connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def setting(path: Path, key: str) -> object:
    rows = read(path, f"SELECT value FROM setting WHERE key = '{key}'")
    return json.loads(rows[0][0]) if rows else None


def new_workspace(path: Path) -> Path:
    open_database(path)
    close_database()
    return path


def edit(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    with con:
        for statement in sql:
            con.execute(statement)
    con.close()


@pytest.fixture
def use_template(monkeypatch: pytest.MonkeyPatch):
    """Point the store at another template (or a missing one) for the test."""
    def use(path: Path) -> None:
        monkeypatch.setattr(blank, "TEMPLATE", path)
        blank.forget()

    yield use
    blank.forget()  # the real template again (monkeypatch undoes the path after this)


@pytest.fixture
def no_template(use_template, tmp_path: Path) -> None:
    use_template(tmp_path / "no-such-template.sqlite3")
    assert blank.template_stamp() is None and blank.usable_template() is None


# ------------------------------------------------------------------ the template itself
def test_the_template_is_what_the_models_make(tmp_path, use_template):
    template = blank.TEMPLATE
    assert blank.usable_template() == template, REMAKE
    use_template(tmp_path / "missing.sqlite3")
    slow = new_workspace(tmp_path / "slow.sqlite3")  # schema.create, the seeders, as before
    slow_con, template_con = connect(slow), connect(template)
    try:
        assert blank.dump(template_con) == blank.dump(slow_con), REMAKE
        assert blank.read_stamp(template_con) == blank.fingerprint(template_con), REMAKE
        assert blank.read_stamp(slow_con) is None  # nothing to take a stamp from
        assert schema.read_structure(template_con) == schema.model_structure(), REMAKE
        assert setting(slow, settings.UID_NAMESPACE) is not None
        assert read(template, "SELECT key FROM setting WHERE key = 'calendar_uid_namespace'") == []
        assert template_con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        slow_con.close()
        template_con.close()


def test_the_fingerprint_sees_rows_and_structure_but_not_the_namespace(tmp_path):
    copy = tmp_path / "t.sqlite3"
    shutil.copy(blank.TEMPLATE, copy)

    def stamp() -> str:
        con = connect(copy)
        try:
            return blank.fingerprint(con)
        finally:
            con.close()

    first = stamp()
    edit(copy, "INSERT INTO setting VALUES ('calendar_uid_namespace', '\"abc\"')",
         "UPDATE setting SET value = '\"x\"' WHERE key = 'defaults_stamp'")
    assert stamp() == first
    edit(copy, "UPDATE content_kind SET color = '#000000' WHERE name = '其他'")
    second = stamp()
    assert second != first
    edit(copy, "CREATE INDEX extra ON member (notes)")
    assert stamp() not in (first, second)


def test_make_blank_writes_the_same_file_every_time(tmp_path):
    sys.path.insert(0, str(ROOT / "resources" / "workspace"))
    try:
        import make_blank
    finally:
        sys.path.pop(0)
    one, stamp_one = make_blank.write(tmp_path / "one.sqlite3")
    two, stamp_two = make_blank.write(tmp_path / "two.sqlite3")
    assert one.read_bytes() == two.read_bytes()
    assert stamp_one == stamp_two == blank.template_stamp(), REMAKE
    assert not list(tmp_path.glob("*.tmp*"))


# ------------------------------------------------------------------ new workspaces
def test_a_workspace_from_the_template_is_whole_and_its_own(tmp_path, capsys):
    a = new_workspace(tmp_path / "a" / "w.sqlite3")
    b = new_workspace(tmp_path / "b" / "w.sqlite3")
    for path in (a, b):
        assert main.main(["--db", str(path), "check"]) == 0
        assert "ok (schema 4)" in capsys.readouterr().out
        assert setting(path, blank.STAMP_KEY) == blank.template_stamp()
        con = connect(path)
        try:
            report = schema.compare(schema.read_structure(con), schema.model_structure())
            assert report.ok and not report.extra, report
            assert schema.read_structure(con) == blank.expected_structure()
            assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            con.close()
    namespaces = {setting(a, settings.UID_NAMESPACE), setting(b, settings.UID_NAMESPACE)}
    assert len(namespaces) == 2 and None not in namespaces
    assert blank.expected_structure() == schema.model_structure()
    # the default rows are there, as the seeders make them
    assert len(read(a, "SELECT * FROM content_kind")) == 9
    assert len(read(a, "SELECT * FROM message_template")) == 6
    assert len(read(a, "SELECT * FROM activity_template")) == 5
    assert len(read(a, "SELECT * FROM tag_category")) == 6


_IMPORTED = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from models.store.db import open_database, close_database
open_database(Path(sys.argv[2]))
close_database()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("models."))))
"""


def imported_by_open(path: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _IMPORTED, str(ROOT), str(path)],
                          capture_output=True, text=True, check=True, timeout=60)
    return list(json.loads(done.stdout))


def test_creating_and_opening_import_no_domain(tmp_path):
    path = tmp_path / "w.sqlite3"
    for _ in ("create", "open again"):
        modules = imported_by_open(path)
        assert "models.outreach.templates" not in modules
        assert "models.calendar.entries" not in modules
        assert [m for m in modules if m.startswith(DOMAINS)] == []
    assert setting(path, blank.STAMP_KEY) == blank.template_stamp()


# ------------------------------------------------------------------ the stamp on open
@pytest.mark.parametrize("stamp", ["'\"old\"'", None], ids=["old", "missing"])
def test_an_old_or_missing_stamp_brings_the_defaults_back(tmp_path, stamp):
    path = new_workspace(tmp_path / "w.sqlite3")
    change = (f"UPDATE setting SET value = {stamp} WHERE key = 'defaults_stamp'" if stamp
              else "DELETE FROM setting WHERE key = 'defaults_stamp'")
    edit(path, "DELETE FROM message_template", "DELETE FROM content_kind", change)
    assert "models.outreach.templates" in imported_by_open(path)  # the seeders ran
    assert len(read(path, "SELECT * FROM message_template")) == 6
    assert len(read(path, "SELECT * FROM content_kind")) == 9
    assert setting(path, blank.STAMP_KEY) == blank.template_stamp()


def test_a_current_stamp_skips_the_seeders(tmp_path):
    """The stamp is trusted: rows removed behind the app's back stay removed until the
    stamp changes (the app itself never removes a built-in: it hides it)."""
    path = new_workspace(tmp_path / "w.sqlite3")
    edit(path, "DELETE FROM message_template")
    open_database(path)
    close_database()
    assert read(path, "SELECT * FROM message_template") == []


def test_a_lost_uid_namespace_is_written_again_even_when_stamped(tmp_path):
    path = new_workspace(tmp_path / "w.sqlite3")
    edit(path, "DELETE FROM setting WHERE key = 'calendar_uid_namespace'")
    new_workspace(path)
    assert setting(path, settings.UID_NAMESPACE) is not None


def test_an_upgraded_file_is_refreshed_and_stamped(tmp_path):
    path = tmp_path / "club" / "qundesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "storage" / "schema3.sqlite3", path)
    path.chmod(0o600)
    assert read(path, "SELECT * FROM setting WHERE key = 'defaults_stamp'") == []
    new_workspace(path)
    assert inspect.examine(path, inspect.FULL).version == schema.SCHEMA_VERSION
    assert setting(path, blank.STAMP_KEY) == blank.template_stamp()
    assert len(read(path, "SELECT * FROM message_template WHERE builtin_key != ''")) == 6


# ------------------------------------------------------------------ without a template
def test_without_a_template_the_models_make_it_and_refresh_every_open(tmp_path, no_template,
                                                                       capsys):
    path = new_workspace(tmp_path / "w.sqlite3")
    assert main.main(["--db", str(path), "check"]) == 0
    assert setting(path, blank.STAMP_KEY) is None
    assert blank.expected_structure() == schema.model_structure()
    edit(path, "DELETE FROM message_template")
    new_workspace(path)
    assert len(read(path, "SELECT * FROM message_template")) == 6
    assert setting(path, blank.STAMP_KEY) is None


def test_a_stamp_from_a_build_with_a_template_is_kept_by_one_without(tmp_path, use_template):
    path = new_workspace(tmp_path / "w.sqlite3")
    stamp = setting(path, blank.STAMP_KEY)
    use_template(tmp_path / "missing.sqlite3")
    edit(path, "DELETE FROM content_kind")
    new_workspace(path)  # refreshed (no template: no stamp to compare with)
    assert len(read(path, "SELECT * FROM content_kind")) == 9
    assert setting(path, blank.STAMP_KEY) == stamp


@pytest.mark.parametrize("spoil", ["version", "application", "damaged", "unstamped", "text"])
def test_a_template_that_is_not_usable_is_not_used(tmp_path, use_template, spoil):
    bad = tmp_path / "bad.sqlite3"
    shutil.copy(blank.TEMPLATE, bad)
    if spoil == "version":
        edit(bad, "PRAGMA user_version = 3")
    elif spoil == "application":
        edit(bad, "PRAGMA application_id = 7")
    elif spoil == "unstamped":
        edit(bad, "DELETE FROM setting WHERE key = 'defaults_stamp'")
    elif spoil == "damaged":
        data = bytearray(bad.read_bytes())
        data[4096 * 20:4096 * 40] = b"\xff" * (4096 * 20)  # pages of tables and indexes
        bad.write_bytes(bytes(data))
    else:
        bad.write_text("not a database")
    use_template(bad)
    assert blank.usable_template() is None
    path = new_workspace(tmp_path / "w.sqlite3")
    assert inspect.examine(path, inspect.FULL).version == schema.SCHEMA_VERSION
    assert len(read(path, "SELECT * FROM message_template")) == 6
    assert setting(path, settings.UID_NAMESPACE) is not None


_UNDO_ELSEWHERE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from models.store import undo
from models.store.db import open_database, close_database
open_database(Path(sys.argv[2]))
label = undo.label_of(undo.latest())
undone = undo.undo()
print(json.dumps({"label": label, "undone": undone, "hooks": len(undo.AFTER_UNDO)}))
close_database()
"""


def test_undo_in_a_process_that_imported_no_domain(tmp_path):
    """A stamped open imports no domain, so the undo labels and recount hooks the domains
    register are fetched when an undo needs them."""
    from models.outreach import templates

    path = tmp_path / "w.sqlite3"
    open_database(path)
    templates.delete(templates.create("开营提醒", "reminder", "{称呼}，今晚八点开营"))
    close_database()
    done = subprocess.run([sys.executable, "-c", _UNDO_ELSEWHERE, str(ROOT), str(path)],
                          capture_output=True, text=True, check=True, timeout=60)
    out = json.loads(done.stdout)
    assert out["label"] == out["undone"] == "删除消息模板“开营提醒”"
    assert out["hooks"] >= 2  # contributions' points and the holiday calendar's days
    assert read(path, "SELECT name FROM message_template WHERE name = '开营提醒'") == [("开营提醒",)]
