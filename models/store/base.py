"""The database proxy every table is bound to, and the base class of every table.

Kept apart from models.store.db (which opens files) so that the schema, which the
opening code needs, can import it without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import AutoField, DatabaseProxy, Model

if TYPE_CHECKING:
    from peewee import ModelDelete

database = DatabaseProxy()


class BaseModel(Model):
    # The primary key peewee gives every table that names none; declared so that type
    # checkers know `Table.id` (a field) and `row.id` (an int).
    id = AutoField()

    class Meta:
        database = database
        legacy_table_names = False

    if TYPE_CHECKING:
        # peewee's stubs declare `delete` as a descriptor that mypy cannot call on a
        # class ("access to generic instance variables via class is ambiguous").
        @classmethod
        def delete(cls) -> ModelDelete: ...
