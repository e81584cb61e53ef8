"""Undo for destructive actions: a snapshot of the affected rows, restored on demand.

A snapshot holds the raw rows of a root table (members or tags) plus every row of
every table that points at them, so undoing a bulk delete also brings back tags,
memberships, follow-ups and contributions - whichever domain modules define them.

`record()` also takes the same rows right after the action (inside its transaction).
Undo is then a three-way merge per column (before, after, now): it takes back exactly
what the action did. A value edited since keeps the edit, a row added since stays, and
the undo label says how many rows had later edits that were kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from peewee import AutoField, BooleanField, CharField, DateTimeField, Model, TextField

from models.store.db import BaseModel, chunks, database

KEEP = 30  # undo entries kept; older ones are dropped


class UndoEntry(BaseModel):
    id: AutoField[int] = AutoField()
    created_at = DateTimeField(default=dt.datetime.now)
    label = CharField()
    payload = TextField()
    undone = BooleanField(default=False)


def _dependents(root: type[Model]) -> list[tuple[type[Model], str]]:
    from models.store.schema import all_models

    out = []
    for model in all_models():
        for field in model._meta.refs:  # foreign keys declared on `model`
            if model._meta.refs[field] is root:
                out.append((model, field.column_name))
    return out


def _pk(model: type[Model]) -> str:
    """The primary key column of a table (every undoable table has one)."""
    return str(model._meta.primary_key.column_name)  # type: ignore[union-attr]


def _rows(table: str, column: str, ids: list[int], select: Sequence[str] | None = None
          ) -> tuple[list[str], list[list[Any]]]:
    cols: list[str] = []
    rows: list[list[Any]] = []
    what = ",".join(f'"{c}"' for c in select) if select else "*"
    for batch in chunks(ids):
        marks = ",".join("?" * len(batch))
        cursor = database.execute_sql(
            f'SELECT {what} FROM "{table}" WHERE "{column}" IN ({marks})', batch)
        cols = [d[0] for d in cursor.description]
        rows += [list(r) for r in cursor.fetchall()]
    return cols, rows


def capture(root: type[Model], ids: list[int],
            also: Sequence[tuple[type[Model], str]] = (),
            rows: Sequence[tuple[type[Model], str, list[int]]] = (),
            only: Sequence[type[Model]] | None = None,
            root_columns: Sequence[str] | None = None) -> dict[str, Any]:
    """The rows that an action on `ids` of `root` may change, before it changes them.

    `also` names further (table, column) pairs that refer to `root` without a foreign
    key (e.g. contributions earned at an activity); `rows` names further rows by
    (table, column, values) (e.g. an activity's promotion posts and their group links),
    listed parents first.

    An action that changes only some tables pointing at `root` (a tag added to members
    changes member_tag alone) names them in `only`; `root_columns` then keeps just the
    root columns that tell a later edit (its key and updated_at), for the undo label's
    "N later edits kept". Snapshotting every member row and every table pointing at
    members made tagging 90,000 members take 13 s, 11 of them for undo.
    """
    key = _pk(root)
    tables: list[dict[str, Any]] = [{"table": root._meta.table_name, "column": key,
                                     "scope": ids, "pk": key}]
    if root_columns is not None:
        tables[0]["select"] = list(dict.fromkeys([key, *root_columns]))
    dependents = _dependents(root)
    if only is not None:
        dependents = [(model, column) for model, column in dependents if model in only]
    for model, column in [*dependents, *also]:
        # A self-reference (who invited whom) points at rows outside the action: put
        # their links back, but never delete them.
        tables.append({"table": model._meta.table_name, "column": column, "scope": ids,
                       "pk": _pk(model), "keep_extra": model is root})
    for model, column, values in rows:
        tables.append({"table": model._meta.table_name, "column": column, "scope": values,
                       "pk": _pk(model), "keep_extra": False})
    for entry in tables:
        entry["cols"], entry["rows"] = _rows(entry["table"], entry["column"], entry["scope"],
                                             entry.get("select"))
    return {"tables": tables}


_CODED = "msg:"


def coded(code: str, **params: Any) -> str:
    """An undo label kept as a message code (models.messages) with its values, so the
    Undo menu shows it in the language of the moment, not the one it was recorded in."""
    return _CODED + json.dumps({"code": code, "params": params}, ensure_ascii=False,
                               default=str)


def label_of(entry: UndoEntry) -> str:
    """The words for an undo entry (entries from before codes existed are plain text)."""
    from models.messages import MESSAGES, msg
    from models.store.schema import all_models

    text = str(entry.label)
    if not text.startswith(_CODED):
        return text
    try:
        data = json.loads(text[len(_CODED):])
        if str(data["code"]) not in MESSAGES:
            all_models()  # a domain's codes, registered on its import (a stamped open imports none)
        return msg(str(data["code"]), **dict(data["params"]))
    except (ValueError, KeyError, TypeError):
        return text


def record(label: str, snapshot: dict[str, Any], created: list[int] | None = None,
           deleted: Sequence[int] = ()) -> int:
    """Store a snapshot, and the same rows as they are now, after the action.

    Call inside the action's transaction, once it has done its work. `created` are root
    ids the action added (undo deletes them); `deleted` are root ids it deleted, with
    their children (SQLite may reuse their ids).
    """
    snapshot["deleted"] = list(deleted)
    if created:
        snapshot["tables"][0]["scope"] = list(snapshot["tables"][0]["scope"]) + list(created)
    snapshot["after"] = [{"cols": cols, "rows": rows}
                         for cols, rows in (_rows_of(t) for t in snapshot["tables"])]
    entry = UndoEntry.create(label=label, payload=_dumps(snapshot))
    database.execute_sql("DELETE FROM undo_entry WHERE id NOT IN "
                         "(SELECT id FROM undo_entry ORDER BY id DESC LIMIT ?)", (KEEP,))
    return int(entry.id)


def _dumps(value: Any, piece: int = 1000) -> str:
    """Exactly json.dumps(value, default=str), made in pieces of `piece` list items.

    json's C encoder holds the interpreter lock for the whole call: 0.3 s for the
    snapshot of 18,000 members, while a bulk action runs on a worker and the window
    waits for the lock. Between pieces the window gets its turn.
    """
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return "{" + ", ".join(f"{json.dumps(k)}: {_dumps(v, piece)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        if len(value) > piece:
            parts = [json.dumps(list(value[i:i + piece]), default=str)[1:-1]
                     for i in range(0, len(value), piece)]
            return "[" + ", ".join(parts) + "]"
        if any(isinstance(item, dict) for item in value):
            return "[" + ", ".join(_dumps(item, piece) for item in value) + "]"
    return json.dumps(value, default=str)


def _rows_of(t: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The rows of a snapshot table as they are now: those in its scope, and those it
    held that have left the scope since (an invitee whose inviter link was cleared)."""
    select = t.get("select")
    cols, rows = _rows(t["table"], t["column"], list(t["scope"]), select)
    if not t.get("cols") or not t.get("rows"):
        return cols, rows
    at = t["cols"].index(t["pk"])
    have = {row[cols.index(t["pk"])] for row in rows} if cols else set()
    missing = [row[at] for row in t["rows"] if row[at] not in have]
    more_cols, more = _rows(t["table"], t["pk"], missing, select) if missing else ([], [])
    return (cols or more_cols), rows + more


def latest() -> UndoEntry | None:
    entry: UndoEntry | None = (UndoEntry.select().where(~UndoEntry.undone)
                               .order_by(UndoEntry.id.desc()).first())
    return entry


def undo(entry_id: int | None = None) -> str | None:
    """Take back what an action did; returns its label (saying so if later edits were
    kept), or None when there is nothing to undo."""
    from models.messages import msg

    entry = latest() if entry_id is None else UndoEntry.get_or_none(UndoEntry.id == entry_id)
    if entry is None or entry.undone:
        return None
    snapshot = json.loads(entry.payload)
    kept = 0
    with database.atomic():
        # Rows come back one by one; a member invited by another restored member would
        # trip the foreign key check before its inviter is back. Check at commit instead.
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        if snapshot.get("deleted"):
            _free_taken_ids(snapshot["tables"], snapshot["deleted"])
        if "after" in snapshot:
            kept = _merge_all(snapshot["tables"], snapshot["after"])
        else:  # entries recorded by schema 1 (before "after" existed): put back as was
            for table in snapshot["tables"]:  # root first: children need their parent back
                _restore(table)
            _recount_points(snapshot["tables"])
        entry.undone = True
        entry.save()
    return label_of(entry) + (msg("undo_kept_later_edits", count=kept) if kept else "")


def _merge_all(tables: list[dict[str, Any]], after: list[dict[str, Any]]) -> int:
    kept = 0
    for number, (old, new) in enumerate(zip(tables, after, strict=True)):
        edited = _merge(old, {**old, "cols": new["cols"], "rows": new["rows"]})
        if number == 0:
            kept = edited
    _recount_points(tables + [{**t, **a} for t, a in zip(tables, after, strict=True)])
    return kept


def _taken(table: str, pk: str, keys: list[Any]) -> set[Any]:
    taken: set[Any] = set()
    for batch in chunks(keys):
        cursor = database.execute_sql(
            f'SELECT "{pk}" FROM "{table}" WHERE "{pk}" IN ({",".join("?" * len(batch))})',
            batch)
        taken.update(r[0] for r in cursor)
    return taken


def _free_taken_ids(tables: list[dict[str, Any]], deleted: list[Any]) -> None:
    """SQLite hands a deleted row's id to the next new row. Deleted rows whose id was
    taken meanwhile come back under a fresh id, and the rows pointing at them follow,
    so undo never overwrites what was created since.

    A table entry's "column" points at the root table, or at the table named by its
    "refs" (a grandchild, e.g. a content item's group links).
    """
    root = tables[0]["table"]
    gone: dict[str, set[Any]] = {root: set(deleted)}  # original ids of deleted rows
    remaps: dict[str, dict[Any, Any]] = {}
    for index, t in enumerate(tables):
        if not t["rows"]:
            continue
        key = t["cols"].index(t["pk"])
        if index == 0:
            dead = [row for row in t["rows"] if row[key] in gone[root]]
        else:
            refs = t.get("refs", root)
            link = t["cols"].index(t["column"])
            parent_gone, moved = gone.get(refs, set()), remaps.get(refs, {})
            # keep_extra rows (members an inviter brought in) were not deleted
            dead = [] if t.get("keep_extra") else [
                row for row in t["rows"] if row[link] in parent_gone]
            for row in t["rows"]:
                row[link] = moved.get(row[link], row[link])
            t["scope"] = [moved.get(i, i) for i in t["scope"]]
        gone.setdefault(t["table"], set()).update(row[key] for row in dead)
        taken = _taken(t["table"], t["pk"], [row[key] for row in dead])
        if not taken:
            continue
        mapping = remaps.setdefault(t["table"], {})
        next_id = database.execute_sql(
            f'SELECT COALESCE(MAX("{t["pk"]}"), 0) FROM "{t["table"]}"').fetchone()[0]
        for row in dead:
            if row[key] in taken:
                next_id += 1
                mapping[row[key]] = row[key] = next_id
    tables[0]["scope"] = [remaps.get(root, {}).get(i, i) for i in tables[0]["scope"]]


# Derived values a domain keeps (a member's points are the sum of their contribution
# entries): after an undo puts rows back or takes them away, each hook gets the tables
# the undo touched and brings its totals up to date. Domains register themselves.
AFTER_UNDO: list[Callable[[list[dict[str, Any]]], None]] = []


def _recount_points(tables: list[dict[str, Any]]) -> None:
    from models.store.schema import all_models

    all_models()  # every domain has registered its hook (a stamped open imports none)
    for hook in AFTER_UNDO:
        hook(tables)


def _restore(t: dict[str, Any]) -> None:
    name, pk, cols = t["table"], t["pk"], t["cols"]
    kept = {row[cols.index(pk)] for row in t["rows"]} if cols else set()
    # Rows now in scope that the snapshot did not have were added by the action: remove.
    for batch in ([] if t.get("keep_extra") else chunks(t["scope"])):
        marks = ",".join("?" * len(batch))
        cursor = database.execute_sql(
            f'SELECT "{pk}" FROM "{name}" WHERE "{t["column"]}" IN ({marks})', batch)
        extra = [r[0] for r in cursor.fetchall() if r[0] not in kept]
        for gone in chunks(extra):
            database.execute_sql(
                f'DELETE FROM "{name}" WHERE "{pk}" IN ({",".join("?" * len(gone))})', gone)
    if not t["rows"]:
        return
    col_list = ",".join(f'"{c}"' for c in cols)
    updates = ",".join(f'"{c}"=excluded."{c}"' for c in cols if c != pk)
    sql = (f'INSERT INTO "{name}" ({col_list}) VALUES ({",".join("?" * len(cols))}) '
           f'ON CONFLICT("{pk}") DO UPDATE SET {updates}')
    for row in t["rows"]:
        database.execute_sql(sql, row)


def restore_merged(before: dict[str, Any], after: dict[str, Any]) -> int:
    """Undo an action but keep what changed since it: a three-way merge per column.

    `before` and `after` are captures of the same scope just before and just after the
    action. A column still holding the action's value goes back to its old value; a
    column changed since (a later manual edit) keeps today's value. Rows the action
    added are removed, rows it removed come back, rows added since stay. Returns how
    many root rows (e.g. members) had later changes that were kept.
    """
    kept = 0
    for number, (old, new) in enumerate(zip(before["tables"], after["tables"], strict=True)):
        edited = _merge(old, new)
        if number == 0:
            kept = edited
    _recount_points(before["tables"] + after["tables"])  # entries the action added, too
    return kept


def _by_name(cols: list[str], row: list[Any]) -> dict[str, Any]:
    return dict(zip(cols, row, strict=True))


def _merge(old: dict[str, Any], new: dict[str, Any]) -> int:
    """One table of the merge; rows are compared column by column, by name, so an entry
    recorded before a migration added a column still applies."""
    name, pk = old["table"], old["pk"]
    cols, now_rows = _rows_of(old)
    if not cols:
        cols = old.get("cols") or []
    if not cols:
        return 0
    at = cols.index(pk)
    was = {row[old["cols"].index(pk)]: _by_name(old["cols"], row) for row in old["rows"]}
    made = {row[new["cols"].index(pk)]: _by_name(new["cols"], row) for row in new["rows"]}
    now = {row[at]: _by_name(cols, row) for row in now_rows}
    edited = 0
    for key, made_row in made.items():
        current = now.get(key)
        if current is None:
            continue  # deleted since: leave it deleted
        if any(current.get(c) != v for c, v in made_row.items()):
            edited += 1
        if key not in was:
            if not old.get("keep_extra"):  # added by the action
                database.execute_sql(f'DELETE FROM "{name}" WHERE "{pk}" = ?', [key])
            continue
        changes = {c: v for c, v in was[key].items()
                   if c in current and c in made_row and current[c] == made_row[c] != v}
        if changes:
            sets = ",".join(f'"{c}" = ?' for c in changes)
            database.execute_sql(f'UPDATE "{name}" SET {sets} WHERE "{pk}" = ?',
                                 [*changes.values(), key])
    missing = [row for key, row in was.items() if key not in made and key not in now]
    for row in missing:  # removed by the action: put back
        present = {c: v for c, v in row.items() if c in cols}
        col_list = ",".join(f'"{c}"' for c in present)
        database.execute_sql(f'INSERT INTO "{name}" ({col_list}) '
                             f'VALUES ({",".join("?" * len(present))})', list(present.values()))
    return edited
