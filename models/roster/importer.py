"""Roster import: plan (models.roster.plan), then write everything in one transaction.

    report = import_roster("名单.xlsx")            # the CLI and the wizard both end here
    undo_import()                                  # the latest import, or a batch id

A backup is taken first; the write is one IMMEDIATE transaction that a cancel or any
error rolls back completely; the batch records what was created and a snapshot of
what was changed, so Undo import can put it all back.
"""

from __future__ import annotations

import datetime as dt
import gc
import operator
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.members.cards import DATE_FIELDS, TEXT_FIELDS, Member
from models.messages import msg
from models.progress import CancelFn, ProgressFn, check
from models.roster.batch import ImportBatch, UndoImportError, record, undo_batch
from models.roster.files import RosterFileError
from models.roster.links import (
    link_custom_values,
    link_groups,
    link_inviters,
    link_points,
    link_tags,
    without_plain_indexes,
)
from models.roster.mapping import mapping_by_header, mapping_from_headers, remember
from models.roster.plan import (
    NAME_FIELDS,
    ImportPlan,
    Problem,
    RowPlan,
    build_plan,
    convert_rows,
    existing_rows,
    match_rows,
    no_columns_message,
    no_name_message,
    read_plan,
)
from models.store import backup, undo
from models.store.db import chunks, database

__all__ = ["RosterError", "ImportReport", "import_roster", "undo_import", "preview",
           "read_plan", "ImportPlan", "RowPlan", "write_plan"]

_INSERT_COLS = ("id", *TEXT_FIELDS, *DATE_FIELDS, "lunar_birthday", "entry_fee", "is_friend", "points",
                "pinyin", "initials", "sort_name", "created_at", "updated_at")
_UPDATABLE = (*TEXT_FIELDS, *DATE_FIELDS, "lunar_birthday", "entry_fee", "is_friend")
CHUNK = 500


class RosterError(Exception):
    """A roster that cannot be imported (or nothing to undo); the message is for users."""


@dataclass
class ImportReport:
    batch: int | None = None
    created: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    errors: list[Problem] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    sheet: str = ""
    file: str = ""
    notices: list[str] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"batch": self.batch, "created": self.created, "updated": self.updated,
                "skipped": self.skipped, "rejected": self.rejected,
                "errors": [p.to_dict() for p in self.errors], "mapping": dict(self.mapping),
                "sheet": self.sheet, "notices": list(self.notices), "dry_run": self.dry_run}

    def summary(self) -> str:
        code = "import_summary_dry" if self.dry_run else "import_summary"
        text = msg(code, file=self.file, sheet=self.sheet, created=self.created,
                   updated=self.updated, skipped=self.skipped, rejected=self.rejected)
        if self.batch is not None:
            text += " " + msg("import_batch", batch=self.batch)
        return text


def preview(path: Path, sheet: str | None = None, mapping: dict[int, str | None] | None = None,
            on_duplicate: str = "merge", progress: ProgressFn | None = None,
            cancelled: CancelFn | None = None) -> ImportPlan:
    """The rows with their status (new/update/duplicate/error); writes nothing."""
    try:
        return build_plan(Path(path), sheet, mapping, on_duplicate, progress, cancelled)
    except RosterFileError as exc:
        raise RosterError(str(exc)) from exc


def import_roster(path: Path, sheet: str | None = None, on_duplicate: str = "merge",
                  dry_run: bool = False, db_path: Path | None = None,
                  mapping: dict[Any, str | None] | None = None,
                  progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None) -> ImportReport:
    """Read, map, check, de-duplicate and write a roster; returns what happened.

    `mapping` may be {column index: field} or {"header text": field}.
    """
    with paused_gc():
        return _import(Path(path), sheet, on_duplicate, dry_run, db_path, mapping, progress,
                       cancelled)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic garbage collection paused while rows are built: they hold no cycles, and
    the collector's passes over 100,000s of new objects cost ~10 % of an import."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _import(path: Path, sheet: str | None, on_duplicate: str, dry_run: bool,
            db_path: Path | None, mapping: dict[Any, str | None] | None,
            progress: ProgressFn | None, cancelled: CancelFn | None) -> ImportReport:
    try:
        plan = read_plan(path, sheet)
    except RosterFileError as exc:
        raise RosterError(str(exc)) from exc
    if mapping:
        if all(isinstance(k, int) for k in mapping):
            plan.mapping = {int(k): v for k, v in mapping.items()}
        else:
            plan.mapping = mapping_from_headers(plan.headers, mapping)
    if not any(plan.mapping.values()):
        raise RosterError(no_columns_message(plan))
    if not NAME_FIELDS & set(plan.mapping.values()):
        raise RosterError(no_name_message(plan))
    convert_rows(plan, None, cancelled, consume=True)
    plan.sheet.rows.clear()  # converted: the raw cells are not needed any more (memory)
    return write_plan(plan, dry_run=dry_run, db_path=db_path, progress=progress,
                      cancelled=cancelled, on_duplicate=on_duplicate)


def write_plan(plan: ImportPlan, dry_run: bool = False, db_path: Path | None = None,
               progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
               remember_mapping: bool = True, on_duplicate: str | None = None) -> ImportReport:
    """Write a converted plan in one IMMEDIATE transaction.

    Rows are matched against the members *inside* that transaction (with `on_duplicate`,
    else the plan's last mode): whatever was matched for a preview, a member another
    writer added meanwhile is found, so no interleaving creates a member twice.
    """
    mode = on_duplicate or plan.on_duplicate
    report = ImportReport(file=plan.path.name, sheet=plan.sheet.name, dry_run=dry_run,
                          mapping=mapping_by_header(plan.headers, plan.mapping),
                          notices=plan.all_notices())
    if dry_run:
        match_rows(plan, mode, cancelled)
        _count(plan, report, changed=None)
        return report
    if db_path is not None:
        backup.create(database.obj, Path(db_path), reason="before-import")
    with database.atomic("IMMEDIATE"):
        match_rows(plan, mode, cancelled)
        changed, payload = _write(plan, progress, cancelled)
        _count(plan, report, changed)
        report.batch = record(plan.path.name, plan.sheet.name, {
            "created": report.created, "updated": report.updated,
            "skipped": report.skipped, "rejected": report.rejected},
            payload).id
        if remember_mapping:
            remember(plan.headers, plan.mapping)
    return report


def _count(plan: ImportPlan, report: ImportReport, changed: set[int] | None) -> None:
    for row in plan.rows:
        if row.status == "new":
            report.created += 1
        elif row.status == "update" and (changed is None or row.row in changed):
            report.updated += 1
        elif row.status == "error":
            report.rejected += 1
        else:
            report.skipped += 1
        report.errors.extend(row.problems)


def _write(plan: ImportPlan, progress: ProgressFn | None, cancelled: CancelFn | None
           ) -> tuple[set[int], dict[str, Any]]:
    """Everything inside the caller's transaction; returns the row numbers of updates
    that really changed something, and what undo needs."""
    now = dt.datetime.now()
    stamp = now.isoformat(" ")  # as sqlite3 writes a datetime (and peewee reads it back)
    new_rows = [r for r in plan.rows if r.status == "new"]
    upd_rows = [r for r in plan.rows if r.status == "update"]
    total = len(new_rows) + len(upd_rows) + 1
    done = 0
    upd_ids = sorted({r.target_id for r in upd_rows})
    snapshot = undo.capture(Member, upd_ids) if upd_ids else None
    conn = database.connection()
    first_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM member").fetchone()[0]) + 1
    ids_by_row: dict[int, int] = {}
    from models.members.pinyin_bulk import prepare_keys  # pypinyin loads on first use

    prepare_keys((r.values.get("name", ""), r.values.get("nickname", ""))
                 for r in new_rows if r.keys is None)
    # One thread: sqlite3 lets go of the interpreter for each row it steps and takes it
    # back for the next, so a writer thread beside this one only trades the lock back and
    # forth (measured: the same wall time, ~8 % more CPU).
    with _search_text_in_insert(conn, len(new_rows)) as search_text, \
            without_plain_indexes(conn, "member", len(new_rows)):
        insert = _MemberInsert(new_rows, stamp, search_text)
        for batch in chunks(new_rows, CHUNK):
            check(cancelled)
            params: list[list[Any]] = []
            for row in batch:
                mid = first_id + len(ids_by_row)
                ids_by_row[row.row] = mid
                params.append(insert.params(mid, row))
            conn.executemany(insert.sql, params)
            done += len(batch)
            if progress:
                progress(done, total)
    changed: set[int] = set()
    overwrite = plan.on_duplicate == "overwrite"
    existing = existing_rows(upd_ids)
    for batch in chunks(upd_rows, CHUNK):
        check(cancelled)
        for row in batch:
            ids_by_row[row.row] = row.target_id
            if _update(conn, row, existing[row.target_id], overwrite, now):
                changed.add(row.row)
        done += len(batch)
        if progress:
            progress(done, total)
    check(cancelled)
    created_ids = [ids_by_row[r.row] for r in new_rows]
    created_tags = link_tags(conn, plan.rows, ids_by_row, changed)
    created_groups = link_groups(conn, plan.rows, ids_by_row, changed, overwrite)
    created_fields = link_custom_values(conn, plan.rows, ids_by_row, changed, overwrite)
    link_points(conn, plan.rows, ids_by_row, existing, overwrite, changed, now)
    link_inviters(conn, plan, ids_by_row, changed)
    check(cancelled)
    # What the import left, so that undo can tell its changes from later edits.
    after = undo.capture(Member, upd_ids) if upd_ids else None
    if progress:
        progress(total, total)
    return changed, {"created_members": created_ids, "snapshot": snapshot, "after": after,
                     "created_tags": created_tags, "created_groups": created_groups,
                     "created_fields": created_fields}


_TRIGGER_BODY = re.compile(r"UPDATE\s+member\s+SET\s+search_text\s*=\s*(.+?)\s+WHERE\s+id\s*="
                           r"\s*NEW\.id\s*;\s*END\s*$", re.S | re.I)


_NEW_COLUMN = re.compile(r"\bNEW\.(\w+)")


@contextmanager
def _search_text_in_insert(conn: sqlite3.Connection, count: int) -> Iterator[str | None]:
    """The member table keeps its search text with a per-row AFTER INSERT trigger
    (models.store.schema) that updates the row just written. A bulk insert computes it in
    the INSERT itself instead, with the trigger's own expression (NEW.column) over the
    insert's values: yields that expression (each row written once, not twice, ~25 % of the
    insert), with the trigger dropped and re-created from its stored SQL inside this
    transaction (other connections never see it gone). If the trigger does not have the
    expected shape, yields None and changes nothing: the trigger does the work."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                         "tbl_name = 'member' AND sql LIKE '%AFTER INSERT ON member%'"
                         ).fetchall()
    match = _TRIGGER_BODY.search(found[0][1]) if len(found) == 1 and count > 200 else None
    used = set(_NEW_COLUMN.findall(match[1])) if match else set()
    if match is None or not used <= set(_INSERT_COLS):
        yield None
        return
    name, create = found[0]
    conn.execute(f'DROP TRIGGER "{name}"')
    try:
        yield match[1]
    except BaseException:
        if conn.in_transaction:  # else SQLite rolled back already: the trigger is back
            with suppress(sqlite3.Error):  # the error that got here is the one to tell
                conn.execute(create)
        raise
    conn.execute(create)


_DEFAULTS = tuple(None if c in DATE_FIELDS or c in ("entry_fee", "wechat_id", "lunar_birthday") else ""
                  for c in _INSERT_COLS)
_TAIL = _INSERT_COLS.index("is_friend")  # is_friend, points, keys and stamps come last
_VALUE_DEFAULTS = dict(zip(_INSERT_COLS[:_TAIL], _DEFAULTS[:_TAIL], strict=True))


class _MemberInsert:
    """The INSERT of an import's new members: a parameter for each column some row fills,
    and for the pinyin keys; a constant for the rest (the columns no row fills, the time
    stamps): a roster fills about half the card, so half the values are neither built nor
    bound row by row."""

    def __init__(self, rows: list[RowPlan], stamp: str, search_text: str | None) -> None:
        filled: set[str] = set().union(*(r.values for r in rows))
        self.texts = [c for c in _INSERT_COLS[1:_TAIL] if c in filled]
        self.friend = "is_friend" in filled
        self.points = any(r.points is not None for r in rows)
        bound = ["id", *self.texts, *["is_friend"][:self.friend], *["points"][:self.points],
                 "pinyin", "initials", "sort_name"]
        value = {c: f"?{i}" for i, c in enumerate(bound, 1)}
        when = "'" + stamp.replace("'", "''") + "'"
        constants = {"is_friend": "0", "points": "0", "created_at": when, "updated_at": when}
        for column, default in zip(_INSERT_COLS, _DEFAULTS, strict=True):
            value.setdefault(column, constants.get(column, "NULL" if default is None else "''"))
        columns, values = list(_INSERT_COLS), [value[c] for c in _INSERT_COLS]
        if search_text is not None:
            columns.append("search_text")
            values.append(_NEW_COLUMN.sub(lambda m: value[m[1]], search_text))
        self.sql = f"INSERT INTO member ({','.join(columns)}) VALUES ({','.join(values)})"
        self.defaults = {c: _VALUE_DEFAULTS[c] for c in self.texts}
        from models.members.pinyin_bulk import fast_keys  # pypinyin loads on first use

        self.keys = fast_keys
        # itemgetter works in C (~4x a list comprehension); for one column it gives a value
        texts = self.texts
        self.get: Callable[[dict[str, Any]], tuple[Any, ...]] = operator.itemgetter(*texts) \
            if len(texts) > 1 else lambda values: tuple(values[c] for c in texts)

    def params(self, mid: int, row: RowPlan) -> list[Any]:
        """One row's values, in the INSERT's parameter order."""
        v = row.values
        out = [mid, *self.get({**self.defaults, **v})]
        if self.friend:
            out.append(bool(v.get("is_friend", False)))
        if self.points:
            out.append(row.points or 0)
        out.extend(row.keys or self.keys(v.get("name", ""), v.get("nickname", "")))
        return out


def _keys(name: str, nickname: str) -> tuple[str, str, str]:
    from models.members.pinyin_bulk import fast_keys  # pypinyin loads on first use (~0.3 s)

    return fast_keys(name, nickname)


def _empty(value: Any) -> bool:
    return value in (None, "") or value is False


def _update(conn: sqlite3.Connection, row: RowPlan, old: dict[str, Any], overwrite: bool,
            now: dt.datetime) -> bool:
    sets: dict[str, Any] = {}
    for key, value in row.values.items():
        if key not in _UPDATABLE or value == old.get(key):
            continue
        if key == "wechat_id" and old.get(key) and str(old[key]).lower() == str(value).lower():
            continue
        if overwrite or _empty(old.get(key)):
            sets[key] = value
    if "birthday" in row.values:  # its solar date and lunar reading change together or not
        sets.pop("birthday", None)
        sets.pop("lunar_birthday", None)
        new = (row.values["birthday"], row.values.get("lunar_birthday"))
        had = (old.get("birthday"), old.get("lunar_birthday"))
        if new != had and (overwrite or not any(had)):
            sets["birthday"], sets["lunar_birthday"] = new
    if not sets:
        return False
    if "name" in sets or "nickname" in sets:
        name = sets.get("name", old["name"])
        nick = sets.get("nickname", old["nickname"])
        sets["pinyin"], sets["initials"], sets["sort_name"] = _keys(name, nick)
    sets["updated_at"] = now
    cols = ",".join(f'"{k}"=?' for k in sets)
    conn.execute(f"UPDATE member SET {cols} WHERE id=?", (*sets.values(), row.match_id))
    return True


def undo_import(batch_id: int | None = None, db_path: Path | None = None) -> str:
    """Undo an import (default: the latest not yet undone); returns a message."""
    try:
        if db_path is not None:
            backup.create(database.obj, Path(db_path), reason="before-undo-import")
        batch, kept = undo_batch(batch_id)
    except UndoImportError as exc:
        raise RosterError(str(exc)) from exc
    text = msg("undo_done", batch=batch.id, file=batch.file_name, created=batch.created,
               updated=batch.updated)
    if kept:
        text += msg("undo_kept_edits", count=kept)
    return text


def batches(limit: int = 20) -> list[ImportBatch]:
    return list(ImportBatch.select().order_by(ImportBatch.id.desc()).limit(limit))
