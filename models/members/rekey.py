"""Schema 4's step for members: pinyin, initials and sort names worked out again.

Keys stored by earlier releases read a surname like any other character (曾 ceng,
单 dan, 尉迟 weichi); from schema 4 a surname is read as a surname
(models.members.pinyin_keys). The upgrade writes the new keys of every member whose
keys change, and nothing else: updated_at stays, the search text follows through the
member_search_upd trigger.
"""

from __future__ import annotations

from peewee import SqliteDatabase

from models.store import schema


def recompute_member_keys(db: SqliteDatabase) -> int:
    """Rewrite the keys that differ from today's; returns how many members changed."""
    # The bulk reader gives exactly pinyin_keys' keys, ~10x faster over a
    # whole workspace (it is what an import of the same names would store).
    from models.members.pinyin_bulk import fast_keys, prepare_keys

    rows = db.execute_sql(
        "SELECT id, name, nickname, pinyin, initials, sort_name FROM member").fetchall()
    prepare_keys((name or "", nickname or "") for _, name, nickname, *_ in rows)
    changed = []
    for member_id, name, nickname, pinyin, initials, sort_name in rows:
        keys = fast_keys(name or "", nickname or "")
        if keys != (pinyin, initials, sort_name):
            changed.append((*keys, member_id))
    if changed:
        db.connection().executemany(
            "UPDATE member SET pinyin = ?, initials = ?, sort_name = ? WHERE id = ?", changed)
    return len(changed)


schema.DOMAIN_STEPS.setdefault(4, []).append(recompute_member_keys)
