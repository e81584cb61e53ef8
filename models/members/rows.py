"""The member list's data, shaped for 100,000 members.

In memory: only member ids (in list order) and their lowercase search text (with
their tag names), so search
runs as a plain substring scan (SQLite FTS cannot split Chinese, see DESIGN.md).
Display rows are fetched by id in small blocks, for the rows on screen only.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains
from typing import Any

from models.store.db import chunks, database

# Column order of every display row ("birthday" is 'YYYY-MM-DD', or for a lunar birthday
# '03-05|1990-03-31' / '04L-08|': models.members.lunar.list_text words it).
COLUMNS = (
    "id", "name", "nickname", "wechat_id", "phone", "city", "company", "job_title",
    "industry", "joined_on", "left_on", "last_contact_on", "next_contact_on", "points",
    "source", "gender", "birthday", "inviter", "is_friend", "notes", "wechat_name",
)
COL = {name: i for i, name in enumerate(COLUMNS)}

# Sort expressions by column key (a whitelist: never interpolate user text into SQL).
SORT_SQL = {
    "name": "m.sort_name", "nickname": "lower(m.nickname)",
    "wechat_name": "lower(m.wechat_name)", "wechat_id": "lower(m.wechat_id)",
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
       m.gender, COALESCE(m.lunar_birthday || '|' || COALESCE(m.birthday, ''), m.birthday, ''),
       COALESCE(inv.name, ''), m.is_friend,
       substr(m.notes, 1, 200), m.wechat_name
FROM member m LEFT JOIN member inv ON inv.id = m.inviter_id
WHERE m.id IN ({marks})
"""


def _order_by(key: str, descending: bool) -> str:
    expr = SORT_SQL.get(key, "m.sort_name")
    # Ties by pinyin name, then by id. Sorted by the name itself, ties go by id alone: a
    # second sort_name term made SQLite sort every run of equal names again after the
    # name index (a temporary B-tree: 55 instead of 40 ms at 100,000 members).
    ties = "m.id" if expr == "m.sort_name" else "m.sort_name, m.id"
    return f"ORDER BY {expr} {'DESC' if descending else 'ASC'}, {ties}"


def sorted_ids(key: str = "name", descending: bool = False) -> list[int]:
    """Every member id ordered by a column; ties broken by pinyin name."""
    cursor = database.execute_sql(f"SELECT m.id FROM member m {_order_by(key, descending)}")
    return [row[0] for row in cursor]


# What a member search looks at, everywhere (the list's search box, saved filters):
# the member's search text (name, nicknames, WeChat ID, phone, notes, pinyin) plus their
# tag names, lowercase. A search matches when every word of it is contained in this.
_HAY = ("m.search_text || COALESCE((SELECT char(1) || group_concat(lower(t.name), char(1)) "
        "FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.member_id = m.id), '')")


def search_words(text: str) -> list[str]:
    """What a search looks for: its words, lowercase, NFC (as the cards store text, so a
    decomposed "Zoë" typed or pasted finds the composed one)."""
    return unicodedata.normalize("NFC", text).lower().split()


def text_condition(text: str) -> tuple[str, list[str]]:
    """The SQL condition (on member `m`) for a search text, with its parameters: the
    same rule as search() applies in memory, so a saved filter counts what the list shows."""
    words = search_words(text)
    if not words:
        return "1", []
    return " AND ".join(f"instr({_HAY}, ?) > 0" for _ in words), words


def ordered_texts(key: str = "name", descending: bool = False) -> tuple[list[int], list[str]]:
    """(ids, search texts) in list order, read in that order.

    The strings then lie in memory in the order a search scans them, which makes the
    scan ~3x faster than over the same strings gathered by id (CPU cache locality).
    """
    rows = database.execute_sql(
        f"SELECT m.id, {_HAY} FROM member m {_order_by(key, descending)}").fetchall()
    return [row[0] for row in rows], [row[1] for row in rows]


def search_texts() -> dict[int, str]:
    """id -> lowercase search text and tag names (read in storage order: the fastest scan)."""
    return dict(database.execute_sql(f"SELECT m.id, {_HAY} FROM member m").fetchall())


def texts_in_order(order: Sequence[int]) -> list[str]:
    """The search text of each id in `order` ("" for an id deleted meanwhile)."""
    texts = search_texts()
    return [texts.get(i, "") for i in order]


def tag_looks() -> dict[int, tuple[str, str]]:
    """{tag id: (name, colour)}: what a tag chip in the list shows."""
    cursor = database.execute_sql(
        "SELECT t.id, t.name, COALESCE(c.color, '#64748b') FROM tag t "
        "LEFT JOIN tag_category c ON c.id = t.category_id")
    return {tid: (name, color) for tid, name, color in cursor}


def group_names() -> dict[int, str]:
    return dict(database.execute_sql('SELECT id, name FROM "group"').fetchall())


def left_ids() -> set[int]:
    """Members who have left the community (few, and indexed: a 2 ms query at 100k)."""
    return {row[0] for row in database.execute_sql(
        "SELECT id FROM member WHERE left_on IS NOT NULL")}


def fetch_rows(ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    out: dict[int, tuple[Any, ...]] = {}
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
    removes matches). A full scan runs in C (compress/map): ~6-14 ms at 100,000.
    """
    words = search_words(text)
    if not words:
        return list(range(len(haystacks)) if within is None else within)
    found: list[int] = []
    for word in words:
        if within is None:
            found = list(compress(range(len(haystacks)),
                                  map(contains, haystacks, repeat(word))))
        else:
            found = [i for i in within if word in haystacks[i]]
        within = found
    return found


def narrows(old: str, new: str) -> bool:
    """True when every match of `new` is a match of `old` (each old word lies in a new one)."""
    new_words = search_words(new)
    return all(any(o in n for n in new_words) for o in search_words(old))
