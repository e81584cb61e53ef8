"""Import behaviour: duplicates and merge modes, one transaction, undo, round trip, CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import roster_samples as S

from models.members.cards import CustomValue, Member, add_custom_field, save_member, set_custom_values
from models.members.contributions import Contribution
from models.members.groups import Group, Membership
from models.members.tags import MemberTag, Tag, add_tags, get_or_create_tag
from models.progress import Cancelled
from models.roster.batch import ImportBatch
from models.roster.importer import RosterError, import_roster, preview, undo_import
from models.roster.mapping import SETTINGS_KEY, propose
from models.store import backup, settings

ROOT = Path(__file__).resolve().parent.parent


def sheet(path: Path, header: list, *rows: list) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def dump() -> list[tuple]:
    members = [tuple(m.__data__.get(f) for f in ("name", "nickname", "wechat_id", "phone", "city",
                                                "notes", "points", "inviter"))
               for m in Member.select().order_by(Member.id)]
    return [members, list(MemberTag.select().tuples()), list(Membership.select().tuples()),
            list(CustomValue.select().tuples()), list(Contribution.select().tuples()),
            list(Tag.select().tuples()), list(Group.select().tuples())]


def test_import_writes_cards_tags_groups_points_custom_and_report(db, db_path, tmp_path):
    path = sheet(tmp_path / "r.xlsx",
                 ["姓名", "微信号", "手机号", "标签", "所在群", "积分", "T恤尺码", "邀请人"],
                 ["张三", "zhangsan_01", 13800138000, "AI，创业", "一群、二群", 30, "XL", "李四"],
                 ["李四", "lisi_2024", "", "AI", "一群", "", "", ""],
                 ["", "nobody_1", "", "", "", "", "", ""])
    report = import_roster(path, db_path=db_path,
                           mapping={"T恤尺码": "custom:T恤尺码"})
    data = report.to_dict()
    assert {k: data[k] for k in ("created", "updated", "skipped", "rejected")} == {
        "created": 2, "updated": 0, "skipped": 0, "rejected": 1}
    assert data["batch"] == ImportBatch.select().get().id
    assert data["mapping"]["姓名"] == "name" and data["mapping"]["T恤尺码"] == "custom:T恤尺码"
    assert data["errors"] == [{"sheet": "Sheet", "row": 4, "column": "姓名",
                               "message": "姓名不能为空", "level": "error"}]
    zhang = Member.get(Member.name == "张三")
    assert zhang.phone == "13800138000" and zhang.points == 30
    assert zhang.inviter.name == "李四"  # an inviter further down the sheet is found
    assert zhang.pinyin and zhang.sort_name == "zhang san"
    assert sorted(t.name for t in Tag.select().join(MemberTag).where(
        MemberTag.member == zhang)) == ["AI", "创业"]
    assert sorted(g.name for g in Group.select().join(Membership).where(
        Membership.member == zhang)) == ["一群", "二群"]
    assert CustomValue.get(CustomValue.member == zhang).value == "XL"
    assert "新建 2" in report.summary()
    assert len(list(backup.backup_folder(db_path).glob("*before-import*"))) == 1


def test_duplicates_by_wechat_then_phone_then_name(db, tmp_path):
    a = save_member({"name": "张三", "wechat_id": "zhangsan_01"})
    b = save_member({"name": "李四", "phone": "13900139000"})
    c = save_member({"name": "王五"})
    save_member({"name": "赵六", "phone": "13700137000"})
    path = sheet(tmp_path / "d.xlsx", ["姓名", "微信号", "手机号"],
                 ["张三丰", "ZhangSan_01", ""],  # same WeChat ID (case-insensitive)
                 ["李小四", "", "+86 139 0013 9000"],  # same phone
                 ["王五", "", ""],  # identical name
                 ["赵六", "", "13700137999"],  # same name, different phone: not merged
                 ["张三丰", "zhangsan_01", ""])  # same person as row 2 of this file
    plan = preview(path)
    got = [(r.row, r.status, r.match_id, r.match_by) for r in plan.rows]
    assert got[:3] == [(2, "update", a.id, "wechat_id"), (3, "update", b.id, "phone"),
                       (4, "update", c.id, "name")]
    assert got[3][:2] == (5, "new") and "赵六" in plan.rows[3].note  # likely duplicate flagged
    assert plan.rows[4].status == "duplicate" and "第 2 行" in plan.rows[4].note
    assert [r.status for r in preview(path, on_duplicate="skip").rows[:3]] == ["duplicate"] * 3
    modes = [r.status for r in preview(path, on_duplicate="new").rows[:3]]
    assert modes == ["error", "new", "new"]  # a WeChat ID cannot belong to two cards


@pytest.mark.parametrize(("mode", "city", "notes"), [
    ("merge", "杭州", "老备注"),  # fill empty fields only
    ("overwrite", "上海", "新备注"),
])
def test_merge_modes(db, tmp_path, mode, city, notes):
    m = save_member({"name": "张三", "wechat_id": "zhangsan_01", "notes": "老备注"})
    Member.update(city="").where(Member.id == m.id).execute()
    path = sheet(tmp_path / "m.xlsx", ["姓名", "微信号", "城市", "备注"],
                 ["张三", "zhangsan_01", "杭州", "新备注"])
    if mode == "overwrite":
        Member.update(city="上海").where(Member.id == m.id).execute()
        path = sheet(tmp_path / "m.xlsx", ["姓名", "微信号", "城市", "备注"],
                     ["张三", "zhangsan_01", "上海", "新备注"])
    report = import_roster(path, on_duplicate=mode)
    assert (report.created, report.updated) == (0, 1)
    got = Member.get_by_id(m.id)
    assert (got.city, got.notes) == (city, notes)


def test_undo_removes_created_and_restores_changed(db, db_path, tmp_path):
    m = save_member({"name": "张三", "wechat_id": "zhangsan_01", "city": ""})
    add_tags([m.id], [get_or_create_tag("老标签").id])
    before = dump()
    path = sheet(tmp_path / "u.xlsx", ["姓名", "微信号", "城市", "标签", "所在群", "积分"],
                 ["张三", "zhangsan_01", "杭州", "新标签", "新群", 50],
                 ["李四", "lisi_2024", "北京", "新标签", "新群", 10])
    report = import_roster(path, db_path=db_path)
    assert (report.created, report.updated) == (1, 1)
    assert Member.get_by_id(m.id).city == "杭州" and Member.get_by_id(m.id).points == 50
    message = undo_import(db_path=db_path)
    assert "批次" in message
    assert dump() == before
    with pytest.raises(RosterError, match="已经撤销"):
        undo_import(report.batch)
    with pytest.raises(RosterError, match="没有可以撤销"):
        undo_import()


def test_undo_import_keeps_edits_made_after_the_import(db, db_path, tmp_path):
    from models.members.contributions import add_contribution

    m = save_member({"name": "张三", "wechat_id": "zhangsan_01", "city": "", "notes": ""})
    path = sheet(tmp_path / "u.xlsx", ["姓名", "微信号", "城市", "备注", "标签", "积分"],
                 ["张三", "zhangsan_01", "杭州", "表格备注", "导入标签", 50])
    import_roster(path, db_path=db_path)
    # Later, by hand: a new note, a tag of their own, a contribution.
    save_member({"notes": "电话聊过，想做分享"}, member_id=m.id)
    add_tags([m.id], [get_or_create_tag("手动标签").id])
    add_contribution(m.id, "custom", 5)
    message = undo_import(db_path=db_path)
    got = Member.get_by_id(m.id)
    assert got.city == ""  # the import's change is undone
    assert got.notes == "电话聊过，想做分享"  # the later edit is kept
    tags = {t.name for t in Tag.select().join(MemberTag).where(MemberTag.member == m.id)}
    assert tags == {"手动标签"}
    assert got.points == 5  # the import's 50 points are gone, the later 5 stay
    assert "1 位成员在导入后改过的内容已保留" in message


def test_cancelled_or_failed_import_leaves_database_unchanged(db, tmp_path):
    save_member({"name": "张三", "wechat_id": "zhangsan_01"})
    before = dump()
    path = S.roster_xlsx(tmp_path / "big.xlsx", 1200)
    calls = []

    def cancel_late() -> bool:
        calls.append(1)
        return len(calls) > 4  # after some rows are already inserted

    with pytest.raises(Cancelled):
        import_roster(path, cancelled=cancel_late)
    assert dump() == before and ImportBatch.select().count() == 0

    def explode(done, total):
        if done > 500:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_roster(path, progress=explode)
    assert dump() == before


def test_a_row_sqlite_refuses_in_a_later_chunk_leaves_database_unchanged(db, tmp_path):
    """The members are written a chunk at a time: a row SQLite refuses in a later chunk
    stops the import, and the whole import is rolled back."""
    from models.store.db import database

    save_member({"name": "张三", "wechat_id": "zhangsan_01"})
    before = dump()
    path = S.roster_xlsx(tmp_path / "big.xlsx", 1200)
    database.execute_sql(  # the 950th new member: in the second chunk of 500
        "CREATE TRIGGER refuse BEFORE INSERT ON member WHEN NEW.id > 950 "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(Exception, match="refused"):
        import_roster(path)
    assert dump() == before and ImportBatch.select().count() == 0


def test_dry_run_writes_nothing(db, db_path, tmp_path):
    report = import_roster(S.titled_xlsx(tmp_path), dry_run=True, db_path=db_path)
    assert report.created == 4 and report.batch is None and Member.select().count() == 0


def test_mapping_remembered_for_same_headers(db, tmp_path):
    path = sheet(tmp_path / "x.xlsx", ["称谓", "号码"], ["张三", "13800138000"])
    plan = preview(path)
    assert plan.mapping == {0: None, 1: None}  # neither header is known
    import_roster(path, mapping={0: "name", 1: "phone"})
    assert settings.get(SETTINGS_KEY)
    assert propose(["称谓", "号码"]) == {0: "name", 1: "phone"}
    again = sheet(tmp_path / "y.xlsx", ["称谓", "号码"], ["李四", "13900139000"])
    import_roster(again)
    assert Member.get(Member.name == "李四").phone == "13900139000"


def test_number_and_date_cells_in_text_columns_import_as_shown(db, tmp_path):
    from models.roster.plan import build_plan

    path = sheet(tmp_path / "n.xlsx", ["姓名", "QQ号", "城市", "备注"],
                 [2024, 12345678, "杭州", dt.date(2024, 3, 5)],
                 ["张三", 87654321.0, True, 1.5])
    rows = build_plan(path).rows
    assert rows[0].values == {"name": "2024", "qq": "12345678", "city": "杭州",
                              "notes": "2024-03-05"}
    assert rows[1].values == {"name": "张三", "qq": "87654321", "city": "是", "notes": "1.5"}


def test_header_synonyms():
    from models.roster.mapping import guess_field

    cases = {"真实姓名": "name", "Name": "name", "群名片": "nickname", "微信昵称": "wechat_name",
             "WeChat ID": "wechat_id", "绑定手机号": "phone", "联系电话（选填）": "phone",
             "Mobile": "phone", "加群时间": "joined_on", "省份": "city", "邀请者": "inviter",
             "渠道": "source", "QQ号": "qq", "积分": "points", "会员等级": "level",
             "企业": "company", "标签": "tags", "出生日期": "birthday", "备注*": "notes",
             "成员微信号": "wechat_id", "用户昵称": "wechat_name", "性别": "gender",
             "微信名": "wechat_name", "昵称": "wechat_name", "群内昵称": "nickname",
             "微信群昵称": "nickname"}
    assert {h: guess_field(h) for h in cases} == cases


def test_round_trip_export_then_import_into_empty_database(demo_db, tmp_path, db_path):
    from models.roster.exporter import export_roster
    from models.store.db import close_database, open_database

    field = add_custom_field("T恤尺码")
    first = Member.select().first()
    set_custom_values(first.id, {field.id: "XL"})
    Member.update(notes="第一行\n=HYPERLINK(\"http://x\")", nickname="+小王😀", entry_fee=99.5,
                  is_friend=True, left_on=dt.date(2026, 10, 1)).where(
        Member.id == first.id).execute()
    first = Member.get_by_id(first.id)
    first.refresh_keys()
    first.save()
    out = tmp_path / "all.xlsx"
    count = export_roster(out)

    def snapshot():
        rows = {}
        for m in Member.select():
            tags = sorted(t.name for t in Tag.select().join(MemberTag).where(MemberTag.member == m))
            groups = sorted(g.name for g in Group.select().join(Membership).where(
                Membership.member == m))
            custom = sorted((v.field.name, v.value) for v in m.custom_values)
            values = {f: getattr(m, f) for f in (
                "name", "nickname", "wechat_id", "phone", "qq", "email", "gender", "city",
                "birthday", "job_title", "industry", "company", "expertise", "needs", "hobbies",
                "family", "source", "joined_on", "left_on", "next_contact_on", "entry_fee",
                "is_friend", "notes", "points", "pinyin", "initials", "sort_name")}
            values["inviter"] = m.inviter.name if m.inviter_id else None
            rows[(m.name, m.wechat_id, m.phone)] = (values, tags, groups, custom)
        return rows

    original = snapshot()
    close_database()
    open_database(tmp_path / "empty.sqlite3")
    report = import_roster(out)
    assert report.created == count and report.rejected == 0
    assert snapshot() == original


def test_cli_import_report_undo_and_bad_file(tmp_path):
    env_db = tmp_path / "cli.sqlite3"
    path = S.titled_xlsx(tmp_path)
    report_path = tmp_path / "report.json"
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(env_db)]
    env = {"QUNDESK_DATA_DIR": str(tmp_path / "data"), "LANG": "zh_CN.UTF-8",
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([*run, "import-roster", str(path), "--report", str(report_path)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    data = json.loads(report_path.read_text(encoding="utf-8"))
    assert set(data) >= {"batch", "created", "updated", "skipped", "errors", "mapping"}
    assert data["created"] == 4 and data["errors"][0]["row"] == 8
    assert data["errors"][0]["column"] == "入群时间"
    assert "第 8 行，入群时间" in done.stderr
    bad = tmp_path / "bad.xlsx"
    bad.write_text("<html><table></table></html>")
    done = subprocess.run([*run, "import-roster", str(bad)], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "bad.xlsx" in done.stderr
    done = subprocess.run([*run, "undo-import"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0 and "撤销" in done.stdout
    done = subprocess.run([*run, "undo-import", "99"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 1 and "99" in done.stderr



def _member_schema(db):
    return sorted(db.execute_sql("SELECT type, name, sql FROM sqlite_master WHERE tbl_name "
                                 "IN ('member', 'member_tag', 'contribution')").fetchall())


def test_a_big_first_import_leaves_the_member_indexes_as_they_were(db, tmp_path):
    """Into an empty workspace the plain indexes of the members, their tags and points
    are dropped for the insert and made again from their own SQL: the structure is
    unchanged and every index is right."""
    before = _member_schema(db)
    dropped: list[str] = []
    db.connection().set_trace_callback(
        lambda sql: dropped.append(sql.split('"')[1]) if sql.startswith("DROP INDEX") else None)
    report = import_roster(S.roster_xlsx(tmp_path / "r.xlsx", 700))
    db.connection().set_trace_callback(None)
    assert report.created == 700
    assert {"member_phone", "member_tag_tag_id", "contribution_date"} <= set(dropped)
    tagged = db.execute_sql("SELECT COUNT(*) FROM member_tag").fetchone()[0]
    scored = db.execute_sql("SELECT COUNT(*) FROM contribution").fetchone()[0]
    assert tagged > 200 and scored > 200  # enough for their indexes to be dropped too
    assert _member_schema(db) == before
    assert db.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    by_index = db.execute_sql("SELECT id FROM member INDEXED BY member_sort_name_id "
                              "ORDER BY sort_name, id").fetchall()
    assert by_index == db.execute_sql("SELECT id FROM member NOT INDEXED "
                                      "ORDER BY sort_name, id").fetchall()


def test_an_import_cancelled_inside_the_insert_keeps_the_indexes(db, tmp_path):
    path = S.roster_xlsx(tmp_path / "r.xlsx", 1200)
    before = _member_schema(db)

    def cancelled():  # once the first chunk is in (the indexes are down by then)
        return db.execute_sql("SELECT COUNT(*) FROM member").fetchone()[0] > 0

    with pytest.raises(Cancelled):
        import_roster(path, cancelled=cancelled)
    assert _member_schema(db) == before and Member.select().count() == 0


def test_a_big_import_writes_the_search_text_the_trigger_would(db, tmp_path):
    """A bulk insert computes search_text in the INSERT, with the trigger's expression
    (the trigger is off meanwhile): each row holds what the trigger itself writes, and the
    trigger is back afterwards."""
    triggers = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "ORDER BY name").fetchall()
    path = S.roster_xlsx(tmp_path / "r.xlsx", 700, seed=5)
    assert import_roster(path).created == 700
    assert db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "ORDER BY name").fetchall() == triggers
    written = db.execute_sql("SELECT id, search_text FROM member ORDER BY id").fetchall()
    assert all(text for _, text in written)
    db.execute_sql("UPDATE member SET name = name")  # the update trigger recomputes each
    assert db.execute_sql("SELECT id, search_text FROM member ORDER BY id").fetchall() == written


def test_columns_no_row_fills_are_written_as_the_card_would_have_them(db, tmp_path):
    """The bulk INSERT binds only the columns some row fills and writes the rest (and the
    time stamps) as constants: each stored value has the type and value a card saved one
    by one has."""
    from models.members.cards import save_member

    lines = ["姓名,备注"] + [f"成员{i},备注{i}" for i in range(300)]
    path = S.csv_file(tmp_path, "few.csv", "utf-8", "\n".join(lines) + "\n")
    assert import_roster(path).created == 300
    saved = save_member({"name": "手工", "notes": "一张卡"})
    columns = [c for (c,) in db.execute_sql("SELECT name FROM pragma_table_info('member')")
               if c not in ("id", "name", "notes", "pinyin", "initials", "sort_name",
                            "search_text", "created_at", "updated_at", "joined_on")]
    shape = ",".join(f"typeof({c}), {c}" for c in columns)
    imported = db.execute_sql(f"SELECT DISTINCT {shape} FROM member WHERE id != ?",
                              (saved.id,)).fetchall()
    by_card = db.execute_sql(f"SELECT {shape} FROM member WHERE id = ?", (saved.id,)).fetchall()
    assert imported == by_card  # (a card saved by hand also gets today as joined_on)
    stamps = db.execute_sql("SELECT DISTINCT typeof(created_at), typeof(updated_at), "
                            "created_at = updated_at FROM member WHERE id != ?",
                            (saved.id,)).fetchall()
    assert stamps == [("text", "text", 1)]
    first = Member.get(Member.name == "成员0")
    assert first.is_friend is False and first.points == 0 and first.wechat_id is None
    assert isinstance(first.created_at, dt.datetime)


def test_a_roster_as_excel_writes_it_imports_as_the_same_roster_does(db, tmp_path, db_path):
    """Excel keeps a sheet's text in the shared string table and its dates as numbers
    with a date format; openpyxl writes inline strings and dates. The same roster in
    either form gives the same members, tags and points."""
    from models.store.db import close_database, open_database

    inline = S.roster_xlsx(tmp_path / "inline.xlsx", 300, varied=True)
    shared = S.as_excel_writes(inline, tmp_path / "shared.xlsx")
    with zipfile.ZipFile(shared) as zf:
        sheet_xml = zf.read("xl/worksheets/sheet1.xml")
        assert "xl/sharedStrings.xml" in zf.namelist()
    assert b't="s"' in sheet_xml and b"inlineStr" not in sheet_xml
    assert b"<dimension " in sheet_xml

    def members() -> list[tuple]:
        return [(m.name, m.nickname, m.wechat_id, m.phone, m.city, m.joined_on, m.birthday,
                 m.points, m.notes, m.pinyin, m.sort_name,
                 sorted(t.name for t in Tag.select().join(MemberTag).where(MemberTag.member == m)))
                for m in Member.select().order_by(Member.id)]

    first = import_roster(inline)
    from_inline = members()
    close_database()
    open_database(tmp_path / "second.sqlite3")
    second = import_roster(shared)
    assert (second.created, second.rejected) == (first.created, first.rejected) == (300, 0)
    assert members() == from_inline
    assert from_inline[0][5] is not None and isinstance(from_inline[0][5], dt.date)
