"""Bulk actions on a selection of members; each is one transaction and can be undone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from models.members import groups, tags
from models.members.cards import Member
from models.store import backup, undo
from models.store.db import chunks, database


def _undoable(label: str, ids: Sequence[int], action,  # type: ignore[no-untyped-def]
              deleted: Sequence[int] = ()) -> int:
    """Snapshot the members' rows, run the action, record the undo entry: all in one go."""
    with database.atomic():
        snapshot = undo.capture(Member, list(ids))
        action()
        return undo.record(label, snapshot, deleted=deleted)


def add_tags(ids: Sequence[int], tag_ids: Sequence[int]) -> int:
    return _undoable(undo.coded("undo_add_tags", n=len(ids)), ids, lambda: tags.add_tags(ids, tag_ids))


def remove_tags(ids: Sequence[int], tag_ids: Sequence[int]) -> int:
    return _undoable(undo.coded("undo_remove_tags", n=len(ids)), ids,
                     lambda: tags.remove_tags(ids, tag_ids))


def add_to_group(ids: Sequence[int], group_id: int) -> int:
    return _undoable(undo.coded("undo_add_group", n=len(ids)), ids,
                     lambda: groups.add_to_group(ids, group_id))


def mark_left(ids: Sequence[int], when: dt.date | None = None) -> int:
    when = when or dt.date.today()

    def action() -> None:
        for batch in chunks(ids):
            Member.update(left_on=when, updated_at=dt.datetime.now()).where(
                Member.id.in_(batch) & Member.left_on.is_null()).execute()

    return _undoable(undo.coded("undo_mark_left", n=len(ids)), ids, action)


def delete(ids: Sequence[int], db_path: Path) -> int:
    """Delete members (with their tags, memberships, logs); backed up first, undoable."""
    backup.create(database.obj, db_path, reason="before-delete")

    def action() -> None:
        for batch in chunks(ids):
            Member.delete().where(Member.id.in_(batch)).execute()

    return _undoable(undo.coded("undo_delete", n=len(ids)), ids, action, deleted=ids)
