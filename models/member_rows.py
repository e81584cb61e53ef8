"""The member list's data, shaped for 100,000 members.

In memory: only member ids (in list order) and their lowercase search text, so search
runs as a plain substring scan (SQLite FTS cannot split Chinese, see DESIGN.md).
Display rows are fetched by id in small blocks, for the rows on screen only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from models.db import chunks, database

# Column order of every display row.
COLUMNS = (
    "id", "name", "nickname", "wechat_id", "phone", "city", "company", "job_title",
    "industry", "joined_on", "left_on", "last_contact_on", "next_contact_on", "points",
    "source", "gender", "birthday", "inviter", "is_friend", "notes",
)
COL = {name: i for i, name in enumerate(COLUMNS)}

# Sort expressions by column key (a whitelist: never interpolate user text into SQL).
SORT_SQL = {
    "name": "m.sort_name", "nickname": "lower(m.nickname)", "wechat_id": "lower(m.wechat_id)",
    "phone": "m.phone", "city": "m.city", "company": "m.company", "job_title": "m.job_title",
    "industry": "m.industry", "joined_on": "m.joined_on", "left_on": "m.left_on",
    "last_contact_on": "m.last_contact_on", "next_contact_on": "m.next_contact_on",
    "points": "m.points", "level": "m.points", "source": "m.source", "gender": "m.gender",
    "birthday": "substr(m.birthday, 6, 5)", "inviter": "m.inviter_id",
    "is_friend": "m.is_friend", "notes": "m.notes",
    "tags": "(SELECT COUNT(*) FROM member_tag t WHERE t.member_id = m.id)",
    "groups": "(SELECT COUNT(*) FROM membership g WHERE g.member_id = m.id)",
}

_ROW_SQL = """
SELECT m.id, m.name, m.nickname, COALESCE(m.wechat_id, ''), m.phone, m.city, m.company,
       m.job_title, m.industry, COALESCE(m.joined_on, ''), COALESCE(m.left_on, ''),
       COALESCE(m.last_contact_on, ''), COALESCE(m.next_contact_on, ''), m.points, m.source,
       m.gender, COALESCE(m.birthday, ''), COALESCE(inv.name, ''), m.is_friend,
       substr(m.notes, 1, 200)
FROM member m LEFT JOIN member inv ON inv.id = m.inviter_id
WHERE m.id IN ({marks})
"""


def sorted_ids(key: str = "name", descending: bool = False) -> list[int]:
    """Every member id ordered by a column; ties broken by pinyin name."""
    expr = SORT_SQL.get(key, "m.sort_name")
    direction = "DESC" if descending else "ASC"
    cursor = database.execute_sql(
        f"SELECT m.id FROM member m ORDER BY {expr} {direction}, m.sort_name, m.id")
    return [row[0] for row in cursor]


def search_texts() -> dict[int, str]:
    """id -> lowercase search text (read in storage order: the fastest scan)."""
    return dict(database.execute_sql("SELECT id, search_text FROM member").fetchall())


def index_scan() -> tuple[dict[int, str], set[int]]:
    """One pass for the list: search text by id, and the ids of members still in the group.

    The default view (members still in the group) then needs no second query.
    """
    texts: dict[int, str] = {}
    active: set[int] = set()
    for member_id, text, is_active in database.execute_sql(
            "SELECT id, search_text, left_on IS NULL FROM member"):
        texts[member_id] = text
        if is_active:
            active.add(member_id)
    return texts, active


def fetch_rows(ids: Sequence[int]) -> dict[int, tuple]:
    out: dict[int, tuple] = {}
    for batch in chunks(ids, 400):
        cursor = database.execute_sql(_ROW_SQL.format(marks=",".join("?" * len(batch))), batch)
        for row in cursor:
            out[row[0]] = row
    return out


def fetch_links(ids: Sequence[int]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """(member id -> tag ids, member id -> group ids) for a block of members."""
    tags: dict[int, list[int]] = defaultdict(list)
    groups: dict[int, list[int]] = defaultdict(list)
    for batch in chunks(ids, 400):
        marks = ",".join("?" * len(batch))
        for member_id, tag_id in database.execute_sql(
                f"SELECT member_id, tag_id FROM member_tag WHERE member_id IN ({marks})", batch):
            tags[member_id].append(tag_id)
        for member_id, group_id in database.execute_sql(
                f"SELECT member_id, group_id FROM membership WHERE member_id IN ({marks})", batch):
            groups[member_id].append(group_id)
    return tags, groups


def search(haystacks: Sequence[str], text: str, within: Sequence[int] | None = None) -> list[int]:
    """Positions whose search text contains every word of `text`, in list order.

    `within` narrows the scan to earlier results (typing one more letter only ever
    removes matches), which keeps each keystroke well under the 30 ms budget.
    """
    words = [w for w in text.lower().split() if w]
    candidates = range(len(haystacks)) if within is None else within
    if not words:
        return list(candidates)
    first, *rest = words
    found = [i for i in candidates if first in haystacks[i]]
    for word in rest:
        found = [i for i in found if word in haystacks[i]]
    return found
