"""Schema version, migrations, and the structure a workspace file must have.

A new file gets every table at the current version. An older file is backed up, then
brought forward one step at a time, each step in its own transaction (Vorta's way).
The version lives in `PRAGMA user_version`; `PRAGMA application_id` marks the file as
a QunDesk workspace (files from before version 2 are recognised by their tables).

Every schema change bumps SCHEMA_VERSION, adds MIGRATIONS[new], and a test that
upgrades the committed fixture of the previous version (tests/fixtures/storage/).
"""

from __future__ import annotations

import importlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from peewee import Model, SchemaManager, SqliteDatabase

from models.store.base import BaseModel

SCHEMA_VERSION = 4
APPLICATION_ID = 0x5144534B  # "QDSK" in the file header: this file is a QunDesk workspace

# Every module that defines tables. A domain module adds itself here.
TABLE_MODULES = (
    "models.members.cards",
    "models.members.tags",
    "models.members.groups",
    "models.members.followups",
    "models.members.contributions",
    "models.store.settings",
    "models.members.segments",
    "models.store.undo",
    "models.roster.batch",
    "models.calendar.entries",
    "models.calendar.holidays",
    "models.activities.tables",
    "models.activities.activity",
    "models.activities.checklists",
    "models.activities.templates",
    "models.activities.signups",
    "models.stats.snapshot",
    "models.week.plan",
    "models.outreach.templates",
    "models.members.rekey",  # no table: schema 4's step for the members' keys
)

# The tables of schema 1 (release 0.1.0, before files carried APPLICATION_ID): a file
# with user_version 1 and all of these is ours.
SCHEMA_1_TABLES = frozenset({
    "activity", "activity_group", "activity_template", "checklist_item", "content_item",
    "content_kind", "content_series", "content_source", "contribution", "custom_field",
    "custom_value", "follow_up", "group", "import_batch", "item_group", "member",
    "member_tag", "membership", "saved_filter", "series_group", "setting", "sign_up",
    "tag", "tag_category", "undo_entry", "week_note",
})

# A phone kept as written ("021-1234 5678") is found by its digits too.
_PHONE_DIGITS = ("CASE WHEN NEW.phone GLOB '*[^0-9]*' THEN char(1) || replace(replace(replace("
                 "replace(replace(NEW.phone, '-', ''), ' ', ''), '(', ''), ')', ''), '+', '')"
                 " ELSE '' END")
_SEARCH_EXPR = ("lower(NEW.name || char(1) || NEW.nickname || char(1) || COALESCE(NEW.wechat_id, '')"
                " || char(1) || NEW.phone || char(1) || NEW.notes || char(1) || NEW.pinyin"
                f" || char(1) || NEW.initials || char(1) || NEW.wechat_name || {_PHONE_DIGITS})")
SEARCH_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS member_search_ins AFTER INSERT ON member BEGIN
        UPDATE member SET search_text = {_SEARCH_EXPR} WHERE id = NEW.id; END""",
    f"""CREATE TRIGGER IF NOT EXISTS member_search_upd
        AFTER UPDATE OF name, nickname, wechat_id, phone, notes, pinyin, initials, wechat_name
        ON member
        BEGIN UPDATE member SET search_text = {_SEARCH_EXPR} WHERE id = NEW.id; END""",
)


def _to_2(db: SqliteDatabase) -> None:
    """Mark the file as ours; give it the weekly snapshot table that development builds
    of 0.1.0 created only when the Overview first opened."""
    db.pragma("application_id", APPLICATION_ID)
    SchemaManager(_model("stats_snapshot"), database=db).create_all(safe=True)


def _to_3(db: SqliteDatabase) -> None:
    """The owner's own holiday entries (休/班 for years without an official schedule),
    promotion posts that know their activity (they move and go with it), and a member's
    WeChat name (微信昵称) beside the group nickname, found by search like the rest."""
    SchemaManager(_model("holiday_day"), database=db).create_all(safe=False)
    db.execute_sql("ALTER TABLE member ADD COLUMN wechat_name VARCHAR(255) NOT NULL DEFAULT ''")
    for name in ("member_search_ins", "member_search_upd"):
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    for sql in SEARCH_TRIGGERS:
        db.execute_sql(sql)
    db.execute_sql(f"UPDATE member SET search_text = {_SEARCH_EXPR.replace('NEW.', '')}")
    db.execute_sql("ALTER TABLE content_item ADD COLUMN promo_offset INTEGER")
    db.execute_sql("ALTER TABLE content_item ADD COLUMN promo_digest VARCHAR(255)")
    # Posts planned before: their offset from the activity's day; no digest, so a later
    # move asks about them as it does about posts edited by hand.
    db.execute_sql(
        "UPDATE content_item SET promo_offset = CAST(julianday(date) - julianday(date("
        "(SELECT start FROM activity WHERE activity.id = content_item.activity_id))) AS INTEGER)"
        " WHERE activity_id IS NOT NULL AND date IS NOT NULL AND series_id IS NULL"
        " AND kind_id IN (SELECT id FROM content_kind WHERE name = '活动推广')"
        " AND activity_id IN (SELECT id FROM activity)")


# Steps of a migration that need a domain's code (the store imports no domain): the
# domain module registers them, DOMAIN_STEPS[n] runs inside MIGRATIONS[n].
DOMAIN_STEPS: dict[int, list[Callable[[SqliteDatabase], object]]] = {}


def _to_4(db: SqliteDatabase) -> None:
    """农历生日: a member's lunar birthday ("03-05", "04L-08" for 闰四月初八) beside the
    solar `birthday` (NULL for every member before: all birthdays were solar); message
    templates (消息模板; the built-ins are added when a writer opens the file);
    sign-ups from a 群接龙: the companions a member brings (counted toward capacity) and
    the 接龙 lines each sign-up and check-in came from (for the re-paste diff); surnames
    read as surnames: every member's pinyin, initials and sort name worked out again
    (曾 zeng, 单 shan, 尉迟 yuchi; models.members.rekey)."""
    db.execute_sql("ALTER TABLE member ADD COLUMN lunar_birthday VARCHAR(255) DEFAULT NULL")
    db.execute_sql('CREATE INDEX IF NOT EXISTS "member_lunar_birthday" ON "member" ("lunar_birthday")')
    SchemaManager(_model("message_template"), database=db).create_all(safe=False)
    db.execute_sql("ALTER TABLE sign_up ADD COLUMN companions INTEGER NOT NULL DEFAULT 0")
    db.execute_sql("ALTER TABLE sign_up ADD COLUMN jielong_line TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE sign_up ADD COLUMN checkin_line TEXT NOT NULL DEFAULT ''")
    all_models()  # every domain has registered its steps
    for step in DOMAIN_STEPS.get(4, ()):
        step(db)


# MIGRATIONS[n] brings a version n-1 database to version n, inside a transaction.
MIGRATIONS: dict[int, Callable[[SqliteDatabase], None]] = {
    2: _to_2,
    3: _to_3,
    4: _to_4,
}


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


def _model(table: str) -> type[Model]:
    return next(m for m in all_models() if m._meta.table_name == table)


def create(db: SqliteDatabase) -> None:
    """Every table, index and trigger of the current version, in a new file."""
    with db.atomic():
        db.create_tables(all_models())
        for sql in SEARCH_TRIGGERS:
            db.execute_sql(sql)
        db.pragma("application_id", APPLICATION_ID)
        db.pragma("user_version", SCHEMA_VERSION)
        seed_defaults()


# What a workspace starts with, registered by the domain that owns it (the domains are
# imported through TABLE_MODULES), so the storage layer never imports a domain.
# NEW: rows every new workspace gets once (the default tag categories).
# ALWAYS: run when a writer opens a file whose defaults stamp is not this code's
# (models.store.blank), writing only what is missing (built-in templates a newer release
# brings, the content kinds a calendar can't be without).
# A change to either, or to a table, means running resources/workspace/make_blank.py.
NEW_DEFAULTS: list[Callable[[], object]] = []
ALWAYS_DEFAULTS: list[Callable[[], object]] = []


def seed_defaults() -> None:
    """Rows every new workspace starts with, then what refresh adds."""
    all_models()  # every domain has registered itself
    for seed in NEW_DEFAULTS:
        seed()
    refresh_defaults()


def refresh_defaults() -> None:
    """Every ALWAYS seeder, then the UID namespace (`blank.refresh` also stamps)."""
    from models.store.settings import ensure_uid_namespace

    all_models()
    for seed in ALWAYS_DEFAULTS:
        seed()
    ensure_uid_namespace()


def upgrade(db: SqliteDatabase, version: int) -> None:
    """Bring a version `version` file to SCHEMA_VERSION, one transaction per step.

    The caller has taken a backup and holds the writer lock. A failing step rolls back
    and leaves the file at the last completed version.
    """
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic("IMMEDIATE"):
            MIGRATIONS[target](db)
            db.pragma("user_version", target)


# ------------------------------------------------------------------ expected structure
@dataclass(frozen=True)
class Structure:
    """What sqlite_master and the table pragmas say about a file."""

    columns: dict[str, frozenset[str]]  # table -> column names
    indexes: dict[str, tuple[str, bool, tuple[str, ...]]]  # name -> (table, unique, columns)
    triggers: dict[str, str]  # name -> normalised SQL
    views: dict[str, str] = field(default_factory=dict)


def _normalise(sql: str | None) -> str:
    text = re.sub(r"\s+", " ", sql or "").strip()
    return re.sub(r"(?i)\bIF NOT EXISTS\s+", "", text)


def read_structure(con: sqlite3.Connection) -> Structure:
    columns: dict[str, frozenset[str]] = {}
    indexes: dict[str, tuple[str, bool, tuple[str, ...]]] = {}
    triggers: dict[str, str] = {}
    views: dict[str, str] = {}
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if kind == "table" and not name.startswith("sqlite_"):
            info = con.execute(f'PRAGMA table_info("{name}")').fetchall()
            columns[name] = frozenset(row[1] for row in info)
        elif kind == "index" and not name.startswith("sqlite_autoindex_"):
            unique = bool(sql and re.match(r"(?i)\s*CREATE\s+UNIQUE\b", sql))
            cols = tuple(row[2] for row in con.execute(f'PRAGMA index_info("{name}")'))
            indexes[name] = (table, unique, cols)
        elif kind == "trigger":
            triggers[name] = _normalise(sql)
        elif kind == "view":
            views[name] = _normalise(sql)
    return Structure(columns, indexes, triggers, views)


@cache
def model_structure() -> Structure:
    """The structure a new file of this version gets, built in memory from the models
    (SchemaManager with its own database: the models' binding is never touched).
    Opening a file compares it with `blank.expected_structure()`, the template's (the
    same, without importing every domain; tests/test_store_blank.py proves it)."""
    memory = SqliteDatabase(":memory:")
    memory.connect()
    try:
        for model in all_models():
            SchemaManager(model, database=memory).create_all(safe=True)
        for sql in SEARCH_TRIGGERS:
            memory.execute_sql(sql)
        return read_structure(memory.connection())
    finally:
        memory.close()


@dataclass
class StructureReport:
    problems: list[str] = field(default_factory=list)  # missing pieces: the file is unusable
    foreign: list[str] = field(default_factory=list)  # triggers/views someone else added
    extra: list[str] = field(default_factory=list)  # harmless additions (tables, indexes)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.foreign


def compare(actual: Structure, expected: Structure) -> StructureReport:
    """What differs between a file's structure and the current version's (`expected`)."""
    report = StructureReport()
    for table, cols in expected.columns.items():
        have = actual.columns.get(table)
        if have is None:
            report.problems.append(f"table {table} missing")
            continue
        report.problems += [f"column {table}.{c} missing" for c in sorted(cols - have)]
    report.extra += [f"table {t}" for t in sorted(set(actual.columns) - set(expected.columns))]
    for name, spec in expected.indexes.items():
        if name not in actual.indexes:
            report.problems.append(f"index {name} missing")
        elif actual.indexes[name] != spec:
            report.problems.append(f"index {name} changed")
    report.extra += [f"index {n}" for n in sorted(set(actual.indexes) - set(expected.indexes))]
    report.problems += [f"trigger {n} missing" for n in expected.triggers if n not in actual.triggers]
    for name, sql in actual.triggers.items():
        if expected.triggers.get(name) != sql:
            report.foreign.append(f"trigger {name}")
    report.foreign += [f"view {name}" for name in sorted(actual.views)]
    return report
