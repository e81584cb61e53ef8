"""The database proxy every table is bound to, and the base class of every table.

Kept apart from models.store.db (which opens files) so that the schema, which the
opening code needs, can import it without a cycle.
"""

from __future__ import annotations

from peewee import DatabaseProxy, Model

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
