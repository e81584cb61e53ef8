"""Import batches: what each roster import created and changed, so it can be undone.

A batch stores the ids of the members, tags, groups and custom fields it created, and
a snapshot (models.store.undo.capture) of every member it updated with their tags,
memberships, custom values and contributions as they were before, and as the import
left them. Undo deletes the created members (their tags, memberships... go with them
by cascade), undoes the import's changes column by column while keeping anything
edited since (models.store.undo.restore_merged), and removes created tags/groups/fields
nothing else uses.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import BooleanField, CharField, DateTimeField, IntegerField, TextField

from models.messages import msg
from models.store import undo
from models.store.db import BaseModel, chunks, database, tuples


class ImportBatch(BaseModel):
    created_at = DateTimeField(default=dt.datetime.now)
    file_name = CharField(default="")
    sheet = CharField(default="")
    created = IntegerField(default=0)
    updated = IntegerField(default=0)
    skipped = IntegerField(default=0)
    rejected = IntegerField(default=0)
    payload = TextField(default="{}")
    undone = BooleanField(default=False)


class UndoImportError(Exception):
    """Nothing to undo, or the batch was undone already; the message is for users."""


def record(file_name: str, sheet: str, counts: dict[str, int], payload: dict[str, Any]
           ) -> ImportBatch:
    return ImportBatch.create(file_name=file_name, sheet=sheet, payload=json.dumps(
        payload, default=str, ensure_ascii=False), **counts)


def latest() -> ImportBatch | None:
    batch: ImportBatch | None = (ImportBatch.select().where(~ImportBatch.undone)
                                 .order_by(ImportBatch.id.desc()).first())
    return batch


def undo_batch(batch_id: int | None = None) -> tuple[ImportBatch, int]:
    """Undo one import in a single transaction; returns the batch and how many updated
    members had later edits that were kept."""
    from models.members.cards import CustomField, CustomValue, Member
    from models.members.groups import Group, Membership
    from models.members.tags import MemberTag, Tag

    with database.atomic():
        batch = latest() if batch_id is None else ImportBatch.get_or_none(
            ImportBatch.id == batch_id)
        if batch is None:
            raise UndoImportError(msg("undo_nothing") if batch_id is None
                                  else msg("undo_no_batch", batch=batch_id))
        if batch.undone:
            raise UndoImportError(msg("undo_done_already", batch=batch.id))
        data = json.loads(batch.payload)
        for ids in chunks(data.get("created_members", [])):
            Member.delete().where(Member.id.in_(ids)).execute()
        snapshot, after = data.get("snapshot"), data.get("after")
        kept = 0
        if snapshot and after:  # keep edits made after the import
            database.execute_sql("PRAGMA defer_foreign_keys = ON")
            kept = undo.restore_merged(snapshot, after)
        elif snapshot:  # batches recorded before "after" existed
            for table in snapshot["tables"]:  # members first: children need their parent
                undo._restore(table)
        for model, link, key in ((Tag, MemberTag.tag, "created_tags"),
                                 (Group, Membership.group, "created_groups"),
                                 (CustomField, CustomValue.field, "created_fields")):
            for ids in chunks(data.get(key, [])):
                used = {i for (i,) in tuples(link.model.select(link).where(link.in_(ids)))}
                unused = [i for i in ids if i not in used]
                if unused:
                    model.delete().where(model.id.in_(unused)).execute()
        batch.undone = True
        batch.save()
    return batch, kept
