"""What an import links to its members: tags, groups with roles, custom fields,
points, inviters (inside the import's transaction, after the members are written)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from models.members.cards import clean_text
from models.messages import msg
from models.roster.matching import phone_key
from models.roster.refs import parse_inviter
from models.roster.rowplan import ImportPlan, Problem, RowPlan
from models.store.db import chunks


@contextmanager
def without_plain_indexes(conn: sqlite3.Connection, table: str, adding: int) -> Iterator[None]:
    """A batch at least as large as the table goes in without the table's plain indexes:
    they are dropped and made again from their stored SQL after the insert, inside the
    caller's transaction (one sort each instead of a B-tree insert per row and index:
    ~40 % of the insert into an empty workspace; other connections never see them gone).
    Unique indexes stay and check as rows go in."""
    found: list[tuple[str, str]] = []
    if adding > 200:
        existing = conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
        if existing <= adding:
            found = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'", (table,)).fetchall()
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    try:
        yield
    except BaseException:
        if found and conn.in_transaction:  # else SQLite rolled back already: they are back
            with suppress(sqlite3.Error):  # the error that got here is the one to tell
                for _, create in found:
                    conn.execute(create)
        raise
    for _, create in found:
        conn.execute(create)


def _resolve(conn: sqlite3.Connection, table: str, names: Iterable[str], extra: dict[str, Any],
             fold: bool = False, positioned: bool = False) -> tuple[dict[str, int], list[int]]:
    """Name (case-insensitive) -> id for tags/groups/custom fields; creates missing ones,
    in the order given (with `positioned`, each at the next position: groups and fields
    keep the order the file lists them in). Tag names are folded (full-width to ASCII) as
    models.members.tags does; group and field names are kept as written."""
    names = list(dict.fromkeys(names))
    found: dict[str, int] = {}
    for mid, name in conn.execute(f'SELECT id, name FROM "{table}"'):
        found.setdefault(name.casefold(), mid)
    position = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    created: list[int] = []
    for name in names:
        key = clean_text(name, fold=fold)
        if key and key.casefold() not in found:
            values = {**extra, "position": position} if positioned else extra
            position += 1
            cols = ["name", *values]
            cur = conn.execute(
                f'INSERT INTO "{table}" ({",".join(cols)}) VALUES ({",".join("?" * len(cols))})',
                (key, *values.values()))
            new_id = cur.lastrowid
            assert new_id is not None  # every INSERT into a rowid table sets it
            found[key.casefold()] = new_id
            created.append(new_id)
    return {n: found[clean_text(n, fold=fold).casefold()] for n in names
            if clean_text(n, fold=fold)}, created


def link_tags(conn: sqlite3.Connection, rows: list[RowPlan], ids: dict[int, int],
               changed: set[int]) -> list[int]:
    wanted = [r for r in rows if r.tags and r.row in ids]
    if not wanted:
        return []
    tag_ids, created = _resolve(conn, "tag", sorted({t for r in wanted for t in r.tags}),
                                {"category_id": None}, fold=True)
    pairs = [(ids[r.row], tag_ids[t]) for r in wanted for t in r.tags if t in tag_ids]
    before = conn.total_changes
    with without_plain_indexes(conn, "member_tag", len(pairs)):
        conn.executemany("INSERT OR IGNORE INTO member_tag (member_id, tag_id) VALUES (?, ?)",
                         pairs)
    if conn.total_changes != before:
        changed.update(r.row for r in wanted if r.status == "update")
    return created


def link_groups(conn: sqlite3.Connection, rows: list[RowPlan], ids: dict[int, int],
                 changed: set[int], overwrite: bool) -> list[int]:
    wanted = [r for r in rows if r.groups and r.row in ids]
    if not wanted:
        return []
    group_ids, created = _resolve(conn, "group", listed_order([r.groups for r in wanted]), {
        "platform": "wechat", "capacity": 500, "rules": "", "welcome": "", "notes": ""},
        positioned=True)
    params = [(ids[r.row], group_ids[g], r.roles.get(g, "member"), r.values.get("joined_on"))
              for r in wanted for g in r.groups if g in group_ids]
    conn.executemany("INSERT OR IGNORE INTO membership (member_id, group_id, role, joined_on) "
                     "VALUES (?, ?, ?, ?)", params)
    # A role the sheet gives a membership that was there already: an empty one ("member")
    # is filled in; with overwrite, any is replaced.
    roles = [(role, ids[r.row], group_ids[g]) for r in wanted if r.status == "update"
             for g, role in r.roles.items() if g in group_ids]
    if roles:
        only = "" if overwrite else " AND role = 'member'"
        conn.executemany(f"UPDATE membership SET role = ? WHERE member_id = ? AND group_id = ?"
                         f"{only}", roles)
    changed.update(r.row for r in wanted if r.status == "update")
    return created


def listed_order(lists: list[list[str]]) -> list[str]:
    """One order of all the names that keeps the order of every list (each row lists its
    groups in the workspace's order): a topological merge, ties by first appearance."""
    first: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    for names in lists:
        for name in names:
            first.setdefault(name, len(first))
            after.setdefault(name, set())
        for a, b in zip(names, names[1:], strict=False):
            after[a].add(b)
    before = {name: 0 for name in first}
    for nexts in after.values():
        for b in nexts:
            before[b] += 1
    ready = sorted((n for n, k in before.items() if not k), key=first.__getitem__)
    out: list[str] = []
    while ready:
        name = ready.pop(0)
        out.append(name)
        for b in after[name]:
            before[b] -= 1
            if not before[b]:
                ready.append(b)
        ready.sort(key=first.__getitem__)
    return out + [n for n in first if n not in set(out)]  # a cycle: first appearance


def link_custom_values(conn: sqlite3.Connection, rows: list[RowPlan], ids: dict[int, int],
                   changed: set[int], overwrite: bool) -> list[int]:
    wanted = [r for r in rows if r.custom and r.row in ids]
    if not wanted:
        return []
    field_ids, created = _resolve(conn, "custom_field", [k for r in wanted for k in r.custom],
                                  {}, positioned=True)
    verb = "INSERT OR REPLACE" if overwrite else "INSERT OR IGNORE"
    params = [(ids[r.row], field_ids[k], v) for r in wanted for k, v in r.custom.items()
              if k in field_ids]
    conn.executemany(f"{verb} INTO custom_value (member_id, field_id, value) VALUES (?, ?, ?)",
                     params)
    changed.update(r.row for r in wanted if r.status == "update")
    return created


def link_points(conn: sqlite3.Connection, rows: list[RowPlan], ids: dict[int, int],
            existing: dict[int, dict[str, Any]], overwrite: bool, changed: set[int],
            now: dt.datetime) -> None:
    """Points live in the contribution log: an import adds one entry per member for the
    difference, so the card's total equals the sheet and undo removes the entry."""
    entries = []
    touched = []  # updated members: their total is worked out again from the log
    day, note = now.date(), msg("points_note")
    for r in rows:
        if r.points is None or r.row not in ids or r.status not in ("new", "update"):
            continue
        current = 0 if r.status == "new" else existing[r.target_id]["points"]
        if r.status == "update" and current and not overwrite:
            continue
        delta = r.points - current
        if delta:
            mid = ids[r.row]
            entries.append((mid, day, "custom", delta, note))
            if r.status == "update":  # a new member was written with its points already
                touched.append(mid)
                changed.add(r.row)
    if not entries:
        return
    with without_plain_indexes(conn, "contribution", len(entries)):
        conn.executemany("INSERT INTO contribution (member_id, date, kind, points, note) "
                         "VALUES (?, ?, ?, ?, ?)", entries)
    for batch in chunks(touched):
        marks = ",".join("?" * len(batch))
        conn.execute(f"UPDATE member SET points = (SELECT COALESCE(SUM(points), 0) FROM "
                     f"contribution WHERE member_id = member.id) WHERE id IN ({marks})", batch)


def link_inviters(conn: sqlite3.Connection, plan: ImportPlan, ids: dict[int, int],
              changed: set[int]) -> None:
    """'邀请人' names a member by WeChat ID, phone or a name only one member has, or as
    an export writes it: name（WeChat ID, phone or 第 N 行 of this file）(models.roster.refs).
    Resolved after all rows exist, so an inviter listed further down is found too."""
    wanted = [r for r in plan.rows if r.inviter and r.row in ids]
    if not wanted:
        return
    by_wechat: dict[str, int] = {}
    by_phone: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for mid, name, wid, phone in conn.execute("SELECT id, name, wechat_id, phone FROM member"):
        if wid:
            by_wechat[wid.lower()] = mid
        if key := phone_key(phone):
            by_phone.setdefault(key, mid)
        by_name.setdefault(name, []).append(mid)
    updates = []
    def find(text: str) -> int | None:
        target = by_wechat.get(text.lower()) or by_phone.get(phone_key(text) or "-")
        if target is None:
            named = by_name.get(text, [])
            target = named[0] if len(named) == 1 else None
        return target

    for r in wanted:
        me = ids[r.row]
        name, ref, row = parse_inviter(r.inviter)
        target = ids.get(row) if row is not None else find(ref) if ref else None
        target = target or find(r.inviter) or (find(name) if ref else None)
        if target is None or target == me:
            r.problems.append(Problem(plan.sheet.name, r.row, msg("inviter_column"),
                                      msg("inviter_unknown", name=r.inviter), "warning",
                                      stage="match"))
            continue
        updates.append((target, me))
        if r.status == "update":
            changed.add(r.row)
    conn.executemany("UPDATE member SET inviter_id = ? WHERE id = ?", updates)
