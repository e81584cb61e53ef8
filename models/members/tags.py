"""Layered tags: categories with colours, tags, and which member carries which tag."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from peewee import JOIN, CharField, ForeignKeyField, IntegerField, fn

from models.members.cards import Member, ValidationError, clean_text
from models.messages import msg
from models.store import schema, undo
from models.store.db import BaseModel, chunks, database, tuples

DEFAULT_CATEGORIES = [
    ("领域", "#3b82f6"),
    ("活跃度", "#22c55e"),
    ("消费", "#f59e0b"),
    ("互动", "#a855f7"),
    ("地区", "#14b8a6"),
    ("身份", "#ef4444"),
]
UNCATEGORISED_COLOUR = "#64748b"


class TagCategory(BaseModel):
    name = CharField(unique=True)
    color = CharField(default=UNCATEGORISED_COLOUR)
    position = IntegerField(default=0)


class Tag(BaseModel):
    name = CharField(unique=True, collation="NOCASE")
    category = ForeignKeyField(TagCategory, null=True, on_delete="SET NULL", backref="tags")
    category_id: int | None  # the key alone (peewee's accessor; no query)

    @property
    def color(self) -> str:
        category = self.category if self.category_id else None
        return category.color if category is not None else UNCATEGORISED_COLOUR


class MemberTag(BaseModel):
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="member_tags")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="member_tags")
    member_id: int  # the key alone (peewee's accessor; no query)
    tag_id: int

    class Meta:
        indexes = ((("member", "tag"), True), (("tag",), False))


def ensure_default_categories() -> None:
    if TagCategory.select().exists():
        return
    TagCategory.insert_many(
        [{"name": n, "color": c, "position": i} for i, (n, c) in enumerate(DEFAULT_CATEGORIES)]
    ).execute()


def get_or_create_tag(name: str, category_id: int | None = None) -> Tag:
    name = clean_text(name, fold=True)
    if not name:
        raise ValidationError({"name": msg("required", field="tags")})
    tag = Tag.get_or_none(Tag.name == name)
    if tag is None:
        tag = Tag.create(name=name, category=category_id)
    return tag


def create_tag(name: str, category_id: int | None = None) -> Tag:
    """A new tag; a name already taken is a ValidationError (the manager offers a merge)."""
    if find_tag(name) is not None:
        raise ValidationError({"name": msg("tag_taken", name=clean_text(name, fold=True))})
    return get_or_create_tag(name, category_id)


def get_tag(tag_id: int) -> Tag | None:
    return Tag.get_or_none(Tag.id == tag_id)


def find_tag(name: str, excluding: int | None = None) -> Tag | None:
    """The tag with this name (as it would be stored), other than `excluding`."""
    query = Tag.select().where(Tag.name == clean_text(name, fold=True))
    if excluding is not None:
        query = query.where(Tag.id != excluding)
    found: Tag | None = query.first()
    return found


def tag_names(tag_ids: Iterable[int]) -> dict[int, str]:
    return {t.id: t.name for t in Tag.select(Tag.id, Tag.name).where(Tag.id.in_(list(tag_ids)))}


def rename_tag(tag_id: int, new_name: str) -> None:
    new_name = clean_text(new_name, fold=True)
    if not new_name:
        raise ValidationError({"name": msg("required", field="tags")})
    clash = Tag.get_or_none((Tag.name == new_name) & (Tag.id != tag_id))
    if clash is not None:
        raise ValidationError({"name": msg("tag_exists", name=new_name)})
    Tag.update(name=new_name).where(Tag.id == tag_id).execute()


def merge_tags(source_id: int, target_id: int) -> int:
    """Move every member of `source` to `target` and delete `source`; returns members
    moved. One transaction, with its undo entry."""
    if source_id == target_id:
        return 0
    with database.atomic():
        names = {t.id: t.name for t in Tag.select().where(Tag.id.in_([source_id, target_id]))}
        snapshot = undo.capture(Tag, [source_id, target_id])
        members = [m for (m,) in tuples(MemberTag.select(MemberTag.member)
                                        .where(MemberTag.tag == source_id))]
        add_tags(members, [target_id])
        Tag.delete().where(Tag.id == source_id).execute()
        undo.record(undo.coded("undo_merge_tags", source=names.get(source_id, ""),
                               target=names.get(target_id, "")), snapshot, deleted=[source_id])
    return len(members)


def tag_usage(tag_id: int) -> int:
    return MemberTag.select().where(MemberTag.tag == tag_id).count()


def delete_tag(tag_id: int) -> int:
    """Delete a tag (undoable); returns how many members carried it."""
    with database.atomic():
        tag = Tag.get_or_none(Tag.id == tag_id)
        if tag is None:
            return 0
        count = tag_usage(tag_id)
        snapshot = undo.capture(Tag, [tag_id])
        Tag.delete().where(Tag.id == tag_id).execute()
        undo.record(undo.coded("undo_delete_tag", name=tag.name), snapshot, deleted=[tag_id])
    return count


def add_tags(member_ids: Iterable[int], tag_ids: Iterable[int]) -> None:
    tag_ids = list(tag_ids)
    with database.atomic():
        for batch in chunks(member_ids, 200):
            rows = [{"member": m, "tag": t} for m in batch for t in tag_ids]
            MemberTag.insert_many(rows).on_conflict_ignore().execute()


def remove_tags(member_ids: Iterable[int], tag_ids: Iterable[int]) -> None:
    tag_ids = list(tag_ids)
    with database.atomic():
        for batch in chunks(member_ids):
            MemberTag.delete().where(
                MemberTag.member.in_(batch) & MemberTag.tag.in_(tag_ids)
            ).execute()


def set_member_tags(member_id: int, tag_ids: Iterable[int]) -> None:
    with database.atomic():
        MemberTag.delete().where(MemberTag.member == member_id).execute()
        add_tags([member_id], tag_ids)


def tags_of(member_id: int) -> list[Tag]:
    return list(Tag.select(Tag, TagCategory).join(MemberTag).switch(Tag)
                .join(TagCategory, join_type=JOIN.LEFT_OUTER)
                .where(MemberTag.member == member_id).order_by(Tag.name))


def tags_by_id(ids: Iterable[int]) -> list[Tag]:
    """The tags with these ids that still exist (with their category, for the colour)."""
    return list(Tag.select(Tag, TagCategory).join(TagCategory, join_type=JOIN.LEFT_OUTER)
                .where(Tag.id.in_(list(ids))).order_by(Tag.name))


def tag_ids_by_member() -> dict[int, list[int]]:
    """Every member's tag ids in one query (the member list caches this)."""
    out: dict[int, list[int]] = defaultdict(list)
    cursor = database.execute_sql("SELECT member_id, tag_id FROM member_tag")
    for member_id, tag_id in cursor:
        out[member_id].append(tag_id)
    return out


def all_tags() -> list[Tag]:
    """Tags with their category, ordered by category then name."""
    return list(Tag.select(Tag, TagCategory).join(TagCategory, join_type=JOIN.LEFT_OUTER)
                .order_by(fn.COALESCE(TagCategory.position, 999), Tag.name))


def usage_counts() -> dict[int, int]:
    rows = MemberTag.select(MemberTag.tag, fn.COUNT(MemberTag.id)).group_by(MemberTag.tag)
    return dict(tuples(rows))


# ---------------------------------------------------------------- categories (tag manager)


def get_category(category_id: int) -> TagCategory | None:
    return TagCategory.get_or_none(TagCategory.id == category_id)


def tags_per_category() -> dict[int | None, int]:
    """How many tags each category holds (None: uncategorised)."""
    return dict(tuples(Tag.select(Tag.category, fn.COUNT(Tag.id)).group_by(Tag.category)))


def categories() -> list[TagCategory]:
    return list(TagCategory.select().order_by(TagCategory.position, TagCategory.id))


def save_category(name: str, color: str | None = None,
                  category_id: int | None = None) -> TagCategory:
    """Create or rename/recolour a category; names are unique."""
    name = clean_text(name)
    if not name:
        raise ValidationError({"name": msg("required", field="name")})
    clash = TagCategory.select().where(TagCategory.name == name)
    if category_id is not None:
        clash = clash.where(TagCategory.id != category_id)
    if clash.exists():
        raise ValidationError({"name": msg("name_exists", name=name)})
    if category_id is None:
        position = (TagCategory.select(fn.MAX(TagCategory.position)).scalar() or 0) + 1
        return TagCategory.create(name=name, color=color or UNCATEGORISED_COLOUR,
                                  position=position)
    category = TagCategory.get_by_id(category_id)
    category.name = name
    if color:
        category.color = color
    category.save()
    return category


def delete_category(category_id: int) -> int:
    """Delete a category; its tags stay, uncategorised. Returns how many tags it held."""
    with database.atomic():
        count = Tag.select().where(Tag.category == category_id).count()
        Tag.update(category=None).where(Tag.category == category_id).execute()
        TagCategory.delete().where(TagCategory.id == category_id).execute()
    return count


def reorder_categories(ids: list[int]) -> None:
    with database.atomic():
        for position, category_id in enumerate(ids):
            TagCategory.update(position=position).where(TagCategory.id == category_id).execute()


def move_tag(tag_id: int, category_id: int | None) -> None:
    Tag.update(category=category_id).where(Tag.id == tag_id).execute()


schema.NEW_DEFAULTS.append(ensure_default_categories)
