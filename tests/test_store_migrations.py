"""Upgrades: the committed schema-1 fixture (made by release 0.1.0) comes forward intact.

Every schema change adds a migration and a test here that upgrades the fixture of the
previous version (tests/fixtures/storage/schemaN.sqlite3).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import main
from models.store import backup, inspect, schema
from models.store.db import APP, READ, DatabaseProblem, close_database, open_database
from tests.store_helpers import fingerprint

FIXTURES = Path(__file__).parent / "fixtures" / "storage"
TABLES = ("member", "tag", "member_tag", "tag_category", "group", "membership", "follow_up",
          "contribution", "custom_field", "custom_value", "saved_filter", "content_item",
          "content_series", "content_kind", "item_group", "activity", "checklist_item",
          "sign_up", "activity_template", "setting", "import_batch", "undo_entry", "week_note",
          "stats_snapshot")


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    finally:
        con.close()


def settings_of(path: Path) -> dict[str, str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dict(con.execute("SELECT key, value FROM setting"))
    finally:
        con.close()


@pytest.fixture
def schema1(tmp_path: Path) -> Path:
    path = tmp_path / "club" / "qundesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "schema1.sqlite3", path)
    path.chmod(0o600)
    return path


def test_the_fixture_is_a_release_0_1_0_workspace(schema1):
    header = inspect.read_header(schema1)
    assert inspect.header_marks(header) == (0, 1)  # no application_id yet, user_version 1
    assert counts(schema1)["member"] == 42


def test_schema_1_upgrades_with_everything_intact(schema1):
    before = counts(schema1)
    old_settings = settings_of(schema1)
    open_database(schema1)
    from models.activities.tables import Activity
    from models.calendar.entries import ContentItem
    from models.members.cards import Member
    from models.members.tags import Tag
    from models.store import settings

    assert Member.select().count() == before["member"] == 42
    assert Tag.select().count() == before["tag"]
    assert ContentItem.select().count() == before["content_item"]
    assert Activity.select().count() == before["activity"]
    assert settings.get("community_name") == "AI 实战派 · 测试社群"
    assert settings.get("daily_friend_limit") == 15
    close_database()
    after = counts(schema1)
    assert {t: n for t, n in after.items() if t != "setting"} == {
        t: n for t, n in before.items() if t != "setting"}
    new_settings = settings_of(schema1)
    assert all(new_settings[k] == v for k, v in old_settings.items())  # only additions
    assert inspect.header_marks(inspect.read_header(schema1)) == (schema.APPLICATION_ID,
                                                                  schema.SCHEMA_VERSION)
    assert inspect.examine(schema1, inspect.FULL).version == schema.SCHEMA_VERSION
    made = [p for p in backup.list_backups(schema1) if "before-migration-v1" in p.name]
    assert len(made) == 1 and counts(made[0]) == before  # the backup is the old file


def test_an_undo_recorded_by_schema_1_still_works_after_the_upgrade(schema1):
    from models.members.cards import Member
    from models.store import undo

    open_database(schema1)
    gone = Member.select().where(Member.left_on.is_null(False)).count()
    assert undo.latest().label.startswith("把 1 位成员标记为已退群")
    assert undo.undo() is not None
    assert Member.select().where(Member.left_on.is_null(False)).count() == gone - 1


def test_a_development_build_file_without_the_snapshot_table_upgrades(schema1):
    con = sqlite3.connect(schema1)
    con.execute("DROP TABLE stats_snapshot")
    con.commit()
    con.close()
    open_database(schema1)
    from models.stats import overview as stats

    assert stats.compute()["headline"]["members"] > 0
    close_database()
    assert inspect.examine(schema1, inspect.FULL).version == schema.SCHEMA_VERSION


def test_check_proves_the_upgrade_on_a_copy_and_changes_nothing(schema1, capsys):
    before = fingerprint(schema1.parent)
    assert main.main(["--db", str(schema1), "check"]) == 0
    out = capsys.readouterr().out
    assert "schema 1" in out and f"upgraded to {schema.SCHEMA_VERSION}" in out
    assert fingerprint(schema1.parent) == before


def test_a_read_only_schema_1_file_is_browsed_through_an_upgraded_copy(schema1):
    schema1.chmod(0o444)
    before = fingerprint(schema1.parent)
    db = open_database(schema1, access=APP)
    from models.members.cards import Member

    assert db.read_only == "why_file_read_only" and Member.select().count() == 42
    close_database()
    open_database(schema1, access=READ)
    assert Member.select().count() == 42
    close_database()
    assert fingerprint(schema1.parent) == before


def test_a_failing_migration_leaves_the_file_at_its_old_version(schema1, monkeypatch):
    before = counts(schema1)

    def broken(db) -> None:
        db.pragma("application_id", schema.APPLICATION_ID)
        db.execute_sql("CREATE TABLE half_done(x)")
        raise RuntimeError("simulated failure in the middle of a step")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    with pytest.raises(DatabaseProblem, match="升级"):
        open_database(schema1)
    close_database()
    assert inspect.header_marks(inspect.read_header(schema1)) == (0, 1)
    assert counts(schema1) == before
    con = sqlite3.connect(schema1)
    assert "half_done" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    monkeypatch.undo()
    open_database(schema1)  # fixed build: the upgrade simply runs again
    close_database()
    assert inspect.examine(schema1).version == schema.SCHEMA_VERSION


def test_every_version_has_a_migration_and_a_fixture():
    assert sorted(schema.MIGRATIONS) == list(range(2, schema.SCHEMA_VERSION + 1))
    for version in range(1, schema.SCHEMA_VERSION):
        assert (FIXTURES / f"schema{version}.sqlite3").is_file(), version


@pytest.fixture
def schema2(tmp_path: Path) -> Path:
    """Made by the release before the holiday entries: schema 1's community, upgraded to 2
    by that release, plus a content item on 2027-02-06 (春节)."""
    path = tmp_path / "w2" / "qundesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "schema2.sqlite3", path)
    return path


def test_schema_2_upgrades_to_3_with_everything_intact_and_holiday_entries(schema2):
    assert inspect.header_marks(inspect.read_header(schema2)) == (schema.APPLICATION_ID, 2)
    before = counts(schema2)
    old_settings = settings_of(schema2)
    open_database(schema2)
    from models.calendar import holidays as H

    assert H.owner_days(2027) == []
    H.set_days([H.OwnerDay(H.dt.date(2027, 2, 9), "off", "spring_festival")])
    assert H.day_info(H.dt.date(2027, 2, 9)).source == "owner"
    from models.activities import promotion
    from models.calendar.entries import ContentItem

    # Promotion posts planned before know their activity's offset (and count as edited).
    offsets = sorted(i.promo_offset for i in ContentItem.select().where(
        ContentItem.promo_offset.is_null(False)))
    assert offsets == [-7, -7, -1, -1, -1, 0, 1, 1, 1]
    assert all(promotion.edited_by_hand(i) for i in ContentItem.select().where(
        ContentItem.promo_offset.is_null(False)))
    close_database()
    after = counts(schema2)
    assert {t: n for t, n in after.items() if t not in ("setting", "undo_entry")} == {
        t: n for t, n in before.items() if t not in ("setting", "undo_entry")}
    assert all(settings_of(schema2)[k] == v for k, v in old_settings.items())
    assert inspect.header_marks(inspect.read_header(schema2)) == (schema.APPLICATION_ID,
                                                                 schema.SCHEMA_VERSION)
    assert inspect.examine(schema2, inspect.FULL).version == schema.SCHEMA_VERSION
    made = [p for p in backup.list_backups(schema2) if "before-migration-v2" in p.name]
    assert len(made) == 1 and counts(made[0]) == before


@pytest.mark.parametrize("fixture", ["schema1", "schema2"])
def test_the_upgrade_adds_the_wechat_name_and_searches_it(fixture, request):
    """Schema 3 adds member.wechat_name (微信昵称); the search triggers take it in, and
    every member's search text is worked out again with it."""
    path = request.getfixturevalue(fixture)
    keys = "SELECT id, lower(pinyin || char(1) || initials) FROM member"
    con = sqlite3.connect(path)
    old_texts = dict(con.execute("SELECT id, search_text FROM member"))
    old_keys = dict(con.execute(keys))
    con.close()
    open_database(path)
    from models.members import rows as member_rows
    from models.members.cards import Member, save_member

    con = sqlite3.connect(path)
    assert {r[0] for r in con.execute("SELECT DISTINCT wechat_name FROM member")} == {""}
    new_texts = dict(con.execute("SELECT id, search_text FROM member"))
    new_keys = dict(con.execute(keys))  # schema 4 reads surnames as surnames
    old_texts = {i: t.replace(old_keys[i], new_keys[i]) for i, t in old_texts.items()}
    triggers = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    con.close()
    assert new_texts == {i: t + "\x01" for i, t in old_texts.items()}  # one more, empty field
    assert all("NEW.wechat_name" in sql for sql in triggers.values())
    assert "wechat_name ON member" in " ".join(triggers["member_search_upd"].split())
    member = Member.select().order_by(Member.id).first()
    save_member({"name": member.name, "wechat_name": "Sunny晴"}, member.id)
    assert "\x01sunny晴" in member_rows.search_texts()[member.id]  # (tags follow)
    added = save_member({"name": "新成员", "wechat_name": "Amy"})
    assert member_rows.search_texts()[added.id].endswith("\x01amy")  # no tags
    close_database()
    assert inspect.examine(path, inspect.FULL).version == schema.SCHEMA_VERSION


MEMBER_FACTS = ("SELECT id, name, nickname, wechat_name, phone, birthday, notes, points, updated_at"
                " FROM member ORDER BY id")


@pytest.fixture
def schema3(tmp_path: Path) -> Path:
    """Made by the release before schema 4: a 200-member demo community (seed 3) with
    birthdays, 微信昵称, sign-ups and promotion posts, plus an owner's 休 day on 2027-02-06."""
    path = tmp_path / "w3" / "qundesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "schema3.sqlite3", path)
    return path


def test_the_schema_3_fixture_is_a_version_3_workspace(schema3):
    assert inspect.header_marks(inspect.read_header(schema3)) == (schema.APPLICATION_ID, 3)
    assert counts(schema3)["member"] == 200


def test_schema_3_upgrades_to_4_with_message_templates_and_nothing_lost(schema3):
    """Schema 4 adds message_template (消息模板); the built-ins arrive on the first open."""
    before = counts(schema3)
    old_settings = settings_of(schema3)
    con = sqlite3.connect(schema3)
    members = con.execute(MEMBER_FACTS).fetchall()  # (the pinyin keys are re-read)
    con.close()
    open_database(schema3)
    from models.outreach import contact, templates
    from models.outreach.builtins import BUILTINS

    shown = templates.templates()
    assert {t.builtin_key for t in shown} == {b.key for b in BUILTINS}
    own = templates.create("我的问候", "followup", "{称呼}，最近好吗？")
    assert contact.render(own, members[0][0]).complete
    close_database()
    after = counts(schema3)
    assert {t: n for t, n in after.items() if t not in ("setting", "undo_entry")} == {
        t: n for t, n in before.items() if t not in ("setting", "undo_entry")}
    assert all(settings_of(schema3)[k] == v for k, v in old_settings.items())
    con = sqlite3.connect(schema3)
    assert con.execute(MEMBER_FACTS).fetchall() == members
    columns = {r[1]: r[4] for r in con.execute("PRAGMA table_info(message_template)")}
    assert set(columns) == {"id", "name", "kind", "body", "builtin_key", "edited", "hidden",
                            "position", "updated_at"}
    # an older writer that knows none of the columns still inserts
    con.execute("INSERT INTO message_template DEFAULT VALUES")
    assert con.execute("SELECT name, kind, body, builtin_key, edited, hidden FROM "
                       "message_template ORDER BY id DESC LIMIT 1").fetchone() == (
        "", "other", "", "", 0, 0)
    con.close()
    assert inspect.header_marks(inspect.read_header(schema3)) == (schema.APPLICATION_ID, 4)
    assert inspect.examine(schema3, inspect.FULL).version == schema.SCHEMA_VERSION


def test_schema_3_upgrades_to_4_with_sign_up_companions_and_jielong_lines(schema3):
    """Schema 4: a sign-up's companions (counted toward capacity) and the 群接龙 lines it
    came from; every old sign-up gets 0 and '' and nothing else changes."""
    before = counts(schema3)
    con = sqlite3.connect(schema3)
    old_signups = con.execute("SELECT * FROM sign_up ORDER BY id").fetchall()
    con.close()
    assert old_signups
    open_database(schema3)
    from models.activities import jielong, signups
    from models.activities.tables import SignUp

    con = sqlite3.connect(schema3)
    cols = [r[1] for r in con.execute("PRAGMA table_info(sign_up)")]
    rows = con.execute("SELECT * FROM sign_up ORDER BY id").fetchall()
    con.close()
    assert cols[-3:] == ["companions", "jielong_line", "checkin_line"]
    assert [r[:-3] for r in rows] == old_signups
    assert {r[-3:] for r in rows} == {(0, "", "")}
    first = SignUp.select().order_by(SignUp.id).first()
    plan = jielong.plan(first.activity_id, f"#接龙\nt\n1. {first.member.name} +2")
    jielong.apply(plan)
    heads, _ = signups.signup_counts([first.activity_id])[first.activity_id]
    assert heads == SignUp.select().where(SignUp.activity == first.activity_id).count() + 2
    close_database()
    after = counts(schema3)
    assert {t: n for t, n in after.items() if t not in ("setting", "undo_entry")} == {
        t: n for t, n in before.items() if t not in ("setting", "undo_entry")}
    assert inspect.header_marks(inspect.read_header(schema3)) == (schema.APPLICATION_ID, 4)
    assert inspect.examine(schema3, inspect.FULL).version == schema.SCHEMA_VERSION
    # an older writer that names no new column still inserts a sign-up
    con = sqlite3.connect(schema3)
    con.execute("INSERT INTO sign_up(activity_id, member_id, signed_up_on, attended, note) "
                "SELECT a.id, m.id, '2026-12-01', 0, '' FROM activity a, member m "
                "WHERE NOT EXISTS (SELECT 1 FROM sign_up s WHERE s.activity_id = a.id "
                "AND s.member_id = m.id) LIMIT 1")
    con.commit()
    assert con.execute("SELECT companions, jielong_line FROM sign_up ORDER BY id DESC LIMIT 1"
                       ).fetchone() == (0, "")
    con.close()


def _rows(path: Path, table: str) -> list[tuple]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    finally:
        con.close()


def _member_rows(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        cols = [r[1] for r in con.execute('PRAGMA table_info("member")') if r[1] not in (
            "lunar_birthday", "pinyin", "initials", "sort_name", "search_text")]  # (re-keyed)
        return con.execute(f"SELECT {','.join(cols)} FROM member ORDER BY id").fetchall()
    finally:
        con.close()


def test_schema_3_upgrades_to_4_reading_surnames_as_surnames(schema3):
    """Schema 4 works out every member's pinyin, initials and sort name again with
    surnames read as surnames (曾 zeng, 单 shan, 解 xie, 覃 qin); nothing else changes."""
    con = sqlite3.connect(schema3)
    columns = [row[1] for row in con.execute("PRAGMA table_info(member)")]
    con.close()
    keys = {"pinyin", "initials", "sort_name", "search_text"}
    before = {t: _rows(schema3, t) for t in TABLES if t not in ("setting", "undo_entry")}
    old = {row[0]: dict(zip(columns, row, strict=True)) for row in _rows(schema3, "member")}
    old_settings, old_undo = settings_of(schema3), _rows(schema3, "undo_entry")
    assert old_by_name(old, "曾思琪")["sort_name"] == "ceng si qi"  # the old reading
    assert old_by_name(old, "单建国")["sort_name"] == "dan jian guo"

    open_database(schema3)
    close_database()

    assert inspect.header_marks(inspect.read_header(schema3)) == (schema.APPLICATION_ID, 4)
    new = {row[0]: dict(zip(columns, row[:len(columns)], strict=True))  # (+ lunar_birthday)
           for row in _rows(schema3, "member")}
    assert new.keys() == old.keys()
    for member_id, member in new.items():  # every other column as it was
        assert {k: v for k, v in member.items() if k not in keys} == {
            k: v for k, v in old[member_id].items() if k not in keys}
    from models.members.pinyin_keys import combined_keys, sort_key

    for member in new.values():  # every key is today's
        assert (member["pinyin"], member["initials"]) == combined_keys(member["name"],
                                                                       member["nickname"])
        assert member["sort_name"] == sort_key(member["name"])
        assert member["pinyin"] in member["search_text"]  # the trigger followed
    zeng, shan = old_by_name(new, "曾思琪"), old_by_name(new, "单建国")
    assert zeng["sort_name"] == "zeng si qi" and shan["sort_name"] == "shan jian guo"
    assert zeng["pinyin"].split()[:2] == ["zengsiqi", "cengsiqi"]  # ceng still finds her
    assert shan["initials"].split()[:2] == ["sjg", "djg"]  # dan jian guo still finds him
    assert old_by_name(new, "解洋")["sort_name"] == "xie yang"
    assert old_by_name(new, "覃娟")["sort_name"] == "qin juan"
    changed = [i for i in new if new[i]["sort_name"] != old[i]["sort_name"]]
    assert 0 < len(changed) < len(new)  # 张/王/李 keep their keys
    for table, rows in before.items():  # (sign_up gains three columns at the end)
        if table != "member":
            assert [r[:len(rows[0])] for r in _rows(schema3, table)] == rows if rows else \
                not _rows(schema3, table), table
    assert all(settings_of(schema3)[k] == v for k, v in old_settings.items())
    assert _rows(schema3, "undo_entry") == old_undo  # an upgrade is not an undoable edit
    made = [p for p in backup.list_backups(schema3) if "before-migration-v3" in p.name]
    assert len(made) == 1 and _rows(made[0], "member") == _rows_of_dicts(old, columns)


def old_by_name(members: dict[int, dict], name: str) -> dict:
    return next(m for m in members.values() if m["name"] == name)


def _rows_of_dicts(members: dict[int, dict], columns: list[str]) -> list[tuple]:
    return [tuple(m[c] for c in columns) for m in members.values()]
def test_schema_3_upgrades_to_4_with_a_lunar_birthday_column(schema3):
    """Schema 4 adds member.lunar_birthday (农历生日): NULL for everyone (all birthdays so
    far were solar), with an SQL default so older writers keep inserting members."""
    import datetime as dt

    before, members_before = counts(schema3), _member_rows(schema3)
    open_database(schema3)
    close_database()
    assert _member_rows(schema3) == members_before
    con = sqlite3.connect(schema3)
    assert con.execute("SELECT COUNT(*) FROM member WHERE lunar_birthday IS NOT NULL"
                       ).fetchone() == (0,)
    info = {r[1]: (r[3], r[4]) for r in con.execute('PRAGMA table_info("member")')}
    assert info["lunar_birthday"] == (0, "NULL")  # nullable, DEFAULT NULL
    assert [r[2] for r in con.execute("PRAGMA index_info(member_lunar_birthday)")] == [
        "lunar_birthday"]  # the birthday lists look keys up by it
    con.execute("INSERT INTO member (name, nickname, phone, qq, email, gender, city, job_title,"
                " industry, company, expertise, needs, hobbies, family, source, notes, is_friend,"
                " points, pinyin, initials, sort_name, created_at, updated_at) VALUES ('旧版',"
                " '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 0, 0, '', '', '',"
                " '2026-01-01', '2026-01-01')")  # an older writer, unaware of the column
    assert con.execute("SELECT lunar_birthday FROM member WHERE name = '旧版'").fetchone() == (None,)
    con.rollback()
    con.close()
    assert {t: n for t, n in counts(schema3).items() if t not in ("setting", "undo_entry")} == {
        t: n for t, n in before.items() if t not in ("setting", "undo_entry")}
    assert inspect.header_marks(inspect.read_header(schema3)) == (schema.APPLICATION_ID, 4)
    made = [p for p in backup.list_backups(schema3) if "before-migration-v3" in p.name]
    assert len(made) == 1 and counts(made[0]) == before
    open_database(schema3)  # and the upgraded file takes lunar birthdays
    from models.members.cards import Member, save_member
    from models.members.lunar import LunarDate

    member = Member.select().order_by(Member.id).first()
    save_member({"name": member.name, "birthday": LunarDate(3, 5, False, 1990)}, member.id)
    stored = Member.get_by_id(member.id)
    assert (stored.lunar_birthday, stored.birthday) == ("03-05", dt.date(1990, 3, 31))
    close_database()
    assert inspect.examine(schema3, inspect.FULL).version == schema.SCHEMA_VERSION
