"""The blank workspace template, and the stamp that says a file's defaults are current.

A new workspace is every table of the current version plus the rows the domains seed
(tag categories, content kinds, built-in activity and message templates). Making it
from the models means importing every domain module, having peewee write each table's
DDL and running every seeder: tens of milliseconds before the first command does
anything. So the result is kept, made once by `resources/workspace/make_blank.py`
(run it after any change to a table or a default row; tests/test_store_blank.py fails
until then): `resources/workspace/blank.sqlite3`, exactly what `schema.create` makes,
less the one per-workspace random value (the calendar UID namespace). `db._create`
copies it and writes a fresh namespace; without a usable template (missing, damaged,
of another schema version) it builds the file from the models as before.

The template carries a stamp in its `setting` table: a fingerprint of its structure
and default rows (`fingerprint`). Refreshing a workspace's defaults writes the same
stamp into it; a writer opening a file whose stamp equals the template's knows its
defaults are those of this code and skips the seeders, and the import of every domain
that registers one (`ensure_defaults`). A file of another release, an upgraded one or
one refreshed without a template has another stamp or none, and is refreshed. (So a
seeder that changes what an existing file gets without changing what a blank one gets,
a repair of old rows say, must also change the template, or run as a migration step.)

The template's structure is also the structure `inspect` expects of a current file
(`expected_structure`): the test proves it equals the one the models make.

The store imports no domain: the seeders are reached through `schema.all_models()`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cache
from pathlib import Path

from models.store import schema, settings
from models.store.paths import resources_dir

TEMPLATE = resources_dir() / "workspace" / "blank.sqlite3"
STAMP_KEY = "defaults_stamp"
# Rows that are no part of the defaults: one workspace's own value, and the stamp.
_NOT_DEFAULTS = (settings.UID_NAMESPACE, STAMP_KEY)


# ------------------------------------------------------------------ the fingerprint
def dump(con: sqlite3.Connection) -> list[str]:
    """A canonical text of a file's structure and rows: sqlite_master (every type),
    user_version and application_id, then every table's rows, all sorted; without the
    UID namespace and the stamp."""
    lines = [f"user_version {con.execute('PRAGMA user_version').fetchone()[0]}",
             f"application_id {con.execute('PRAGMA application_id').fetchone()[0]}"]
    master = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    lines += sorted(repr(tuple(row)) for row in master)
    tables = sorted(name for kind, name, _, _ in master if kind == "table")
    setting = settings.Setting._meta.table_name
    for table in tables:
        rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
        if table == setting:
            rows = [row for row in rows if row[0] not in _NOT_DEFAULTS]
        lines += sorted(f"{table} {tuple(row)!r}" for row in rows)
    return lines


def fingerprint(con: sqlite3.Connection) -> str:
    """sha256 over `dump`, its first 16 hex digits."""
    text = "\n".join(dump(con))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_stamp(con: sqlite3.Connection) -> str | None:
    """The stamp a file carries (None: none, or not a text)."""
    row = con.execute("SELECT value FROM setting WHERE key = ?", (STAMP_KEY,)).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(row[0])
    except ValueError:
        return None
    return value if isinstance(value, str) else None


# ------------------------------------------------------------------ the template
def _connect(path: Path) -> sqlite3.Connection:
    """Read-only, creating nothing (the resources folder may be read-only in a bundle)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


@cache
def template_stamp() -> str | None:
    """The template's stamp, if the template is there, readable, of this schema version
    and this application (read once per process); None otherwise."""
    try:
        con = _connect(TEMPLATE)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        if int(con.execute("PRAGMA application_id").fetchone()[0]) != schema.APPLICATION_ID:
            return None
        if int(con.execute("PRAGMA user_version").fetchone()[0]) != schema.SCHEMA_VERSION:
            return None
        return read_stamp(con)
    except sqlite3.Error:
        return None
    finally:
        con.close()


@cache
def usable_template() -> Path | None:
    """The template to copy for a new workspace: stamped for this version and whole
    (SQLite's quick_check over its pages, once per process); None: build from the models."""
    if template_stamp() is None:
        return None
    try:
        con = _connect(TEMPLATE)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return TEMPLATE if ok else None


@cache
def expected_structure() -> schema.Structure:
    """The structure a file of this version must have: the template's when it is usable
    (read without importing a domain; sqlite_master and the table pragmas only, so no
    quick_check of its pages), else the one the models make."""
    if template_stamp() is not None:
        try:
            con = _connect(TEMPLATE)
            try:
                return schema.read_structure(con)
            finally:
                con.close()
        except (sqlite3.Error, OSError, ValueError):
            pass
    return schema.model_structure()


def forget() -> None:
    """Read the template again on next use (after it was made, or moved by a test)."""
    for cached in (template_stamp, usable_template, expected_structure):
        cached.cache_clear()


# ------------------------------------------------------------------ on a writer open
def is_current() -> bool:
    """The bound workspace's defaults are this code's: it carries the template's stamp."""
    stamp = template_stamp()
    return stamp is not None and settings.get(STAMP_KEY) == stamp


def refresh() -> None:
    """Run every domain's seeders on the bound workspace and stamp it (when there is a
    template to take the stamp from)."""
    schema.refresh_defaults()
    stamp = template_stamp()
    if stamp is not None and settings.get(STAMP_KEY) != stamp:
        settings.put(STAMP_KEY, stamp)


def ensure_defaults() -> None:
    """On a writer open, inside its transaction: refresh the defaults unless the stamp
    says they are current (the UID namespace is ensured either way)."""
    if is_current():
        settings.ensure_uid_namespace()
    else:
        refresh()

