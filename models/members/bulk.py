"""Bulk actions on a selection of members; each is one transaction and can be undone.

Thousands of members take seconds (the undo snapshot is most of it): the screen runs
these on a worker (ui.operations.LongOp), so each takes `progress(done, total)` and
`cancelled()`, checked between its steps; Cancelled rolls the whole action back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from models.members import groups, tags
from models.members.cards import Member
from models.progress import Cancelled, no_progress
from models.store import backup, undo
from models.store.db import chunks, database

if TYPE_CHECKING:
    from peewee import Model

Progress = Callable[[int, int], None]
Stop = Callable[[], bool]


def _never() -> bool:
    return False


def _undoable(label: str, ids: Sequence[int], action,  # type: ignore[no-untyped-def]
              deleted: Sequence[int] = (), progress: Progress = no_progress,
              cancelled: Stop = _never, only: Sequence[type[Model]] | None = None,
              columns: Sequence[str] = ()) -> int:
    """Snapshot the members' rows, run the action, record the undo entry: all in one go.
    `only`: the tables pointing at members the action changes, when it changes no member
    column but `columns` (the members' key and updated_at are kept too, to tell later
    edits); without it, every member column and every such table is kept."""
    with database.atomic():
        progress(0, 3)
        snapshot = undo.capture(Member, list(ids), only=only,
                                root_columns=None if only is None else ["updated_at", *columns])
        if cancelled():
            raise Cancelled
        progress(1, 3)
        action()
        if cancelled():
            raise Cancelled
        progress(2, 3)
        entry = undo.record(label, snapshot, deleted=deleted)
        progress(3, 3)
        return entry


def add_tags(ids: Sequence[int], tag_ids: Sequence[int], progress: Progress = no_progress,
             cancelled: Stop = _never) -> int:
    return _undoable(undo.coded("undo_add_tags", n=len(ids)), ids,
                     lambda: tags.add_tags(ids, tag_ids), progress=progress, cancelled=cancelled,
                     only=[tags.MemberTag])


def remove_tags(ids: Sequence[int], tag_ids: Sequence[int], progress: Progress = no_progress,
                cancelled: Stop = _never) -> int:
    return _undoable(undo.coded("undo_remove_tags", n=len(ids)), ids,
                     lambda: tags.remove_tags(ids, tag_ids), progress=progress,
                     cancelled=cancelled, only=[tags.MemberTag])


def add_to_group(ids: Sequence[int], group_id: int, progress: Progress = no_progress,
                 cancelled: Stop = _never) -> int:
    return _undoable(undo.coded("undo_add_group", n=len(ids)), ids,
                     lambda: groups.add_to_group(ids, group_id), progress=progress,
                     cancelled=cancelled, only=[groups.Membership])


def mark_left(ids: Sequence[int], when: dt.date | None = None, progress: Progress = no_progress,
              cancelled: Stop = _never) -> int:
    when = when or dt.date.today()

    def action() -> None:
        for batch in chunks(ids):
            Member.update(left_on=when, updated_at=dt.datetime.now()).where(
                Member.id.in_(batch) & Member.left_on.is_null()).execute()

    return _undoable(undo.coded("undo_mark_left", n=len(ids)), ids, action, progress=progress,
                     cancelled=cancelled, only=[], columns=["left_on"])


def delete(ids: Sequence[int], db_path: Path, progress: Progress = no_progress,
           cancelled: Stop = _never) -> int:
    """Delete members (with their tags, memberships, logs); backed up first, undoable."""
    backup.create(database.obj, db_path, reason="before-delete")
    if cancelled():
        raise Cancelled

    def action() -> None:
        for batch in chunks(ids):
            Member.delete().where(Member.id.in_(batch)).execute()

    return _undoable(undo.coded("undo_delete", n=len(ids)), ids, action, deleted=ids,
                     progress=progress, cancelled=cancelled)
