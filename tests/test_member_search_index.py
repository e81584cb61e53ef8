"""The member list's search index gives exactly what the plain search over the list's
texts gives; bulk actions can be cancelled; undo payloads are the same JSON as before."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from models.members import bulk, search_index
from models.members import rows as member_rows
from models.members.cards import Member, save_member
from models.members.tags import MemberTag, add_tags, get_or_create_tag
from models.progress import Cancelled
from models.store import undo

QUERIES = ["", "z", "zh", "zhang", "w", "wa", "wangwei", "l", "li s", "13", "1", "wx_", "wx_0",
           "张", "张伟", "a", "ai", "kol", "KOL", "高活跃", "活跃 z", "设计 w", "北京", "潜水",
           "x y z", "ë", "zoë", "café", "𝒳", "-", "\x01", "a\x01b", "  w  a  "]


@pytest.fixture
def mixed(demo_db):
    """The demo plus members whose text and tags hold what tends to go wrong: accents
    (composed and not), emoji, a tag name in Latin letters, a member with no tags."""
    zoe = save_member({"name": "Zoë Café", "nickname": "小🌸", "notes": "naïve"})
    plain = save_member({"name": "无标签", "wechat_id": "nobody_tags"})
    tag = get_or_create_tag("Café KOL")
    add_tags([zoe.id], [tag.id])
    return {"zoe": zoe.id, "plain": plain.id, "tag": tag.id}


@pytest.mark.parametrize("key,descending", [("name", False), ("city", True),
                                            ("joined_on", True), ("tags", False)])
def test_the_index_finds_exactly_what_the_plain_search_finds(mixed, key, descending):
    ids, hay = member_rows.ordered_texts(key, descending)
    index = search_index.load(key, descending)
    assert index.ids == ids == member_rows.sorted_ids(key, descending)
    for query in QUERIES:
        assert index.search(query) == member_rows.search(hay, query), query
        every = member_rows.search(hay, query)
        within = every[::2]  # narrowing inside an earlier result, too
        assert index.search(query + "a", within) == member_rows.search(hay, query + "a", within)


def test_tag_names_match_their_members_and_follow_the_tags(mixed):
    index = search_index.load()
    found = {index.ids[p] for p in index.search("café kol")}
    assert found == {mixed["zoe"]}  # "café" in the name, "kol" in the tag
    assert {index.ids[p] for p in index.search("kol")} >= {mixed["zoe"]}
    MemberTag.delete().where(MemberTag.tag == mixed["tag"]).execute()
    again = search_index.load()
    assert mixed["zoe"] not in {again.ids[p] for p in again.search("café kol")}


def test_texts_are_kept_compact_and_searched_in_slices(mixed, monkeypatch):
    index = search_index.load()
    zoe = index.texts[index.ids.index(mixed["zoe"])]
    assert max(map(ord, zoe)) < 256  # one byte per character: its UTF-8 bytes
    assert zoe.encode("latin-1").decode("utf-8") == Member.get_by_id(mixed["zoe"]).search_text
    monkeypatch.setattr(search_index, "SLICE", 7)
    steps = list(index.steps("z"))
    assert steps[-1] == index.search("z") and all(s is None for s in steps[:-1])
    assert len(steps) > 10  # a slice at a time, a caller can stop in between


def test_an_index_read_for_a_sort_reuses_the_tag_members(mixed):
    first = search_index.load()
    second = search_index.load("city", True, members=first.members())
    assert second.members() == first.members()
    ids, hay = member_rows.ordered_texts("city", True)
    assert second.search("kol") == member_rows.search(hay, "kol")


def test_a_cancelled_bulk_action_changes_nothing(mixed):
    ids = [m.id for m in Member.select().limit(30)]
    tag = get_or_create_tag("批量取消")
    entries = undo.UndoEntry.select().count()
    with pytest.raises(Cancelled):
        bulk.add_tags(ids, [tag.id], cancelled=lambda: True)
    assert MemberTag.select().where(MemberTag.tag == tag.id).count() == 0
    assert undo.UndoEntry.select().count() == entries
    seen: list[tuple[int, int]] = []
    bulk.add_tags(ids, [tag.id], progress=lambda done, total: seen.append((done, total)))
    assert MemberTag.select().where(MemberTag.tag == tag.id).count() == 30
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)


def test_undo_payload_in_pieces_is_the_same_json():
    value = {"tables": [{"table": "member", "scope": list(range(2500)),
                         "rows": [[i, "张\"三", dt.date(2026, 1, 1), None, 1.5]
                                  for i in range(2500)]}],
             "deleted": [], "after": [{"cols": ["a"], "rows": []}], "n": (1, 2)}
    for piece in (1, 7, 1000):
        assert undo._dumps(value, piece) == json.dumps(value, default=str)
    odd = {1: "x", None: 2}
    assert undo._dumps(odd) == json.dumps(odd, default=str)


def test_tag_members_read_when_needed_or_adopted_later(mixed):
    ids, hay = member_rows.ordered_texts()
    lazy = search_index.load(members={})  # the members come from another worker
    assert lazy.members() == {}
    assert lazy.search("kol") == member_rows.search(hay, "kol")  # read for that tag now
    later = search_index.load(members={})
    later.adopt_members(search_index.tag_members(list(search_index.tag_words())))
    assert later.search("café kol") == member_rows.search(hay, "café kol")
