"""Export the whole demo community, import it into an empty workspace, and get back every
field of every member, compared cell by cell: card fields, groups with roles and their
order, inviters (names are not unique), tags, custom fields, points, dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from models import demo
from models.members.cards import (
    CARD_FIELDS,
    CustomField,
    Member,
    add_custom_field,
    save_member,
    set_custom_values,
)
from models.roster.exporter import export_roster
from models.roster.importer import import_roster
from models.roster.links import listed_order
from models.roster.refs import group_cell, inviter_cell, parse_group, parse_inviter
from models.store.db import close_database, database, open_database

FIELDS = [f for f in CARD_FIELDS if f != "inviter"]


def snapshot() -> dict[str, Any]:
    """Every member in export order (pinyin name, id), each as a dict of what it holds."""
    members = list(Member.select().order_by(Member.sort_name, Member.id))
    position = {m.id: i for i, m in enumerate(members)}
    tags = _grouped("SELECT mt.member_id, t.name FROM member_tag mt JOIN tag t "
                    "ON t.id = mt.tag_id ORDER BY t.name")
    groups = _grouped('SELECT ms.member_id, g.name, ms.role FROM membership ms JOIN "group" g '
                      "ON g.id = ms.group_id ORDER BY g.position, g.name, g.id")
    custom = _grouped("SELECT cv.member_id, cf.name, cv.value FROM custom_value cv JOIN "
                      "custom_field cf ON cf.id = cv.field_id ORDER BY cf.name")
    rows = []
    for m in members:
        card = {f: getattr(m, f) for f in FIELDS}
        card["entry_fee"] = None if m.entry_fee is None else float(m.entry_fee)
        rows.append({**card, "inviter": position.get(m.inviter_id), "points": m.points,
                     "tags": tags.get(m.id, []), "groups": groups.get(m.id, []),
                     "custom": custom.get(m.id, [])})
    order = [n for (n,) in database.execute_sql(
        'SELECT name FROM "group" ORDER BY position, name, id')]
    fields = [f.name for f in CustomField.select().order_by(CustomField.position, CustomField.id)]
    return {"members": rows, "groups": order, "fields": fields}


def _grouped(sql: str) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for mid, *rest in database.execute_sql(sql):
        out.setdefault(mid, []).append(rest[0] if len(rest) == 1 else tuple(rest))
    return out


@pytest.fixture(scope="module")
def community(tmp_path_factory) -> tuple[Path, dict[str, Any]]:
    """The demo (1,500 members: duplicate names, inviters among them), with what the demo
    leaves out: custom fields, a landline, a WeChat name, a duplicate-name inviter who has
    neither WeChat ID nor phone."""
    folder = tmp_path_factory.mktemp("roundtrip")
    open_database(folder / "source.sqlite3")
    demo.build(members=1500, seed=11, today=dt.date(2026, 6, 1))
    size, kids = add_custom_field("T恤尺码"), add_custom_field("孩子年龄")
    members = list(Member.select().order_by(Member.id))
    for m in members[:40]:
        set_custom_values(m.id, {size.id: ["S", "M", "L"][m.id % 3], kids.id: f"{m.id % 12} 岁"})
    twin = save_member({"name": "熊建国", "wechat_id": None, "phone": ""})
    save_member({"name": "熊建国", "wechat_id": "xiong_jianguo", "phone": "021-12345678",
                 "wechat_name": "老熊🐻", "notes": "第一行\n第二行"})
    invited = members[100]
    Member.update(inviter=twin.id).where(Member.id == invited.id).execute()
    before = snapshot()
    close_database()
    return folder, before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_gives_back_every_field(community, suffix, tmp_path):
    folder, before = community
    open_database(folder / "source.sqlite3")
    out = tmp_path / f"everyone{suffix}"
    assert export_roster(out) == len(before["members"])
    close_database()
    open_database(tmp_path / "empty.sqlite3")
    report = import_roster(out)
    after = snapshot()
    close_database()
    assert (report.created, report.updated, report.rejected) == (len(before["members"]), 0, 0)
    assert [p.message for p in report.errors] == []
    assert after["groups"] == before["groups"]
    assert after["fields"] == before["fields"]
    roles = sum(1 for m in before["members"] for _, role in m["groups"] if role != "member")
    assert roles > 100  # the case that was lost: group roles
    for i, (old, new) in enumerate(zip(before["members"], after["members"], strict=True)):
        assert new == old, (i, {k: (old[k], new[k]) for k in old if old[k] != new[k]})


def test_the_export_is_the_same_twice(community, tmp_path):
    """Stable: the same workspace exports the same cells (group order included), and an
    import of it gives the groups the order its rows list them in."""
    folder, _ = community
    open_database(folder / "source.sqlite3")
    export_roster(tmp_path / "a.csv")
    export_roster(tmp_path / "b.csv")
    close_database()
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert listed_order([["b", "c"], ["a", "b"], ["c"], ["d", "a"]]) == ["d", "a", "b", "c"]
    assert listed_order([["x"], ["y"]]) == ["x", "y"]


def test_references_read_back():
    assert parse_group(group_cell("AI 实战派 1 群", "admin")) == ("AI 实战派 1 群", "admin")
    assert parse_group("同城面基群（上海）") == ("同城面基群（上海）", "member")
    assert parse_group(group_cell("同城面基群（上海）", "kol")) == ("同城面基群（上海）", "kol")
    assert parse_group("读书会 (admin)") == ("读书会", "admin")
    assert inviter_cell("熊建国", True, "x_1", "", 5) == "熊建国"
    assert inviter_cell("熊建国", False, "xiong_01", "", 5) == "熊建国（xiong_01）"
    assert inviter_cell("熊建国", False, None, "13800138000", 5) == "熊建国（13800138000）"
    assert inviter_cell("熊建国", False, None, "", 5) == "熊建国（第 5 行）"
    assert parse_inviter("熊建国（第 5 行）") == ("熊建国", "第 5 行", 5)
    assert parse_inviter("熊建国(xiong_01)") == ("熊建国", "xiong_01", None)
    assert parse_inviter("熊建国") == ("熊建国", "", None)


def test_a_role_in_the_sheet_fills_an_existing_membership(db, tmp_path):
    from models.members.groups import Group, Membership, add_to_group
    from models.roster.importer import undo_import

    a = save_member({"name": "甲", "wechat_id": "jia_0001"})
    b = save_member({"name": "乙", "wechat_id": "yi_00001"})
    group = Group.create(name="读书会", position=0)
    add_to_group([a.id], group.id)  # a plain member
    add_to_group([b.id], group.id, role="kol")
    path = tmp_path / "roles.csv"
    path.write_text("姓名,微信号,所在群\r\n甲,jia_0001,读书会（管理员）\r\n乙,yi_00001,读书会（管理员）\r\n",
                    encoding="utf-8")

    def roles() -> dict[str, str]:
        return {m.member.name: m.role for m in Membership.select()}

    report = import_roster(path)
    assert roles() == {"甲": "admin", "乙": "kol"}  # merge fills what is empty only
    undo_import(report.batch)
    assert roles() == {"甲": "member", "乙": "kol"}
    import_roster(path, on_duplicate="overwrite")
    assert roles() == {"甲": "admin", "乙": "admin"}
