"""Schema version and migrations.

A new file gets every table at the current version. An older file is backed up, then
brought forward one step at a time, each step in its own transaction. The version
lives in `PRAGMA user_version`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from peewee import Model, SqliteDatabase

from models.store.db import BaseModel

SCHEMA_VERSION = 1

# Every module that defines tables. A domain module adds itself here.
TABLE_MODULES = (
    "models.members",
    "models.tags",
    "models.groups",
    "models.followups",
    "models.contributions",
    "models.store.settings",
    "models.segments",
    "models.store.undo",
    "models.roster_batch",
    "models.calendar",
    "models.activities",
    "models.checklists",
    "models.activity_templates",
    "models.signups",
    "models.stats_snapshot",
    "models.weekly_plan",
)

_SEARCH_EXPR = ("lower(NEW.name || char(1) || NEW.nickname || char(1) || COALESCE(NEW.wechat_id, '')"
                " || char(1) || NEW.phone || char(1) || NEW.notes || char(1) || NEW.pinyin"
                " || char(1) || NEW.initials)")
SEARCH_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS member_search_ins AFTER INSERT ON member BEGIN
        UPDATE member SET search_text = {_SEARCH_EXPR} WHERE id = NEW.id; END""",
    f"""CREATE TRIGGER IF NOT EXISTS member_search_upd
        AFTER UPDATE OF name, nickname, wechat_id, phone, notes, pinyin, initials ON member
        BEGIN UPDATE member SET search_text = {_SEARCH_EXPR} WHERE id = NEW.id; END""",
)

# MIGRATIONS[n] brings a version n-1 database to version n.
MIGRATIONS: dict[int, Callable[[SqliteDatabase], None]] = {}


def all_models() -> list[type[Model]]:
    for name in TABLE_MODULES:
        importlib.import_module(name)
    seen: list[type[Model]] = []

    def walk(cls: type[Model]) -> None:
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.append(sub)
            walk(sub)

    walk(BaseModel)
    return seen


def migrate(db: SqliteDatabase, path: Path | None = None) -> None:
    version = db.pragma("user_version")
    if version == SCHEMA_VERSION:
        return
    if version == 0 and not db.get_tables():
        with db.atomic():
            db.create_tables(all_models())
            for sql in SEARCH_TRIGGERS:
                db.execute_sql(sql)
            db.pragma("user_version", SCHEMA_VERSION)
        _seed_defaults()
        return
    if path is not None:
        from models.store import backup

        backup.create(db, path, reason=f"before-migration-v{version}")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            db.pragma("user_version", target)


def _seed_defaults() -> None:
    from models.tags import ensure_default_categories

    ensure_default_categories()
