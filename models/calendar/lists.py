"""The calendar's editable lists: content kinds (with colours) and content sources (内容来源)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.calendar.edit import CalendarError
from models.calendar.entries import (
    FALLBACK_KIND,
    ContentItem,
    ContentKind,
    ContentSeries,
    ContentSource,
    ensure_default_kinds,
    kind_by_name,
)
from models.members.cards import clean_text
from models.store.db import database

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Kind:
    id: int
    name: str
    color: str
    uses: int


def kinds() -> list[Kind]:
    ensure_default_kinds()
    uses: dict[int, int] = {}
    for table in ("content_item", "content_series"):
        for kid, n in database.execute_sql(
                f"SELECT kind_id, COUNT(*) FROM {table} GROUP BY kind_id"):
            uses[kid] = uses.get(kid, 0) + n
    return [Kind(k.id, k.name, k.color, uses.get(k.id, 0))
            for k in ContentKind.select().order_by(ContentKind.position, ContentKind.id)]


def save_kind(name: str, color: str, kind_id: int | None = None) -> int:
    name = clean_text(name)
    if not name:
        raise CalendarError("title_required")
    if not _COLOR.match(color or ""):
        color = "#7F8C8D"
    clash = ContentKind.select().where(ContentKind.name == name)
    if kind_id is not None:
        clash = clash.where(ContentKind.id != kind_id)
    if clash.exists():
        raise CalendarError("kind_exists", name=name)
    with database.atomic():
        if kind_id is None:
            new_id: int = ContentKind.insert(name=name, color=color.upper(),
                                             position=ContentKind.select().count()).execute()
            return new_id
        ContentKind.update(name=name, color=color.upper()).where(
            ContentKind.id == kind_id).execute()
    return kind_id


def delete_kind(kind_id: int) -> None:
    """Remove a kind; its items and series move to 其他 (which itself cannot go)."""
    with database.atomic():
        fallback = kind_by_name(FALLBACK_KIND)
        if kind_id == fallback.id:
            return
        ContentItem.update(kind=fallback).where(ContentItem.kind == kind_id).execute()
        ContentSeries.update(kind=fallback).where(ContentSeries.kind == kind_id).execute()
        ContentKind.delete().where(ContentKind.id == kind_id).execute()


def sources() -> list[ContentSource]:
    return list(ContentSource.select().order_by(ContentSource.position, ContentSource.id))


def save_source(name: str, link: str = "", notes: str = "", source_id: int | None = None
                ) -> int:
    name = clean_text(name)
    if not name:
        raise CalendarError("title_required")
    values: dict[str, object] = {"name": name, "link": clean_text(link), "notes": notes or ""}
    with database.atomic():
        if source_id is None:
            values["position"] = ContentSource.select().count()
            new_id: int = ContentSource.insert(**values).execute()
            return new_id
        ContentSource.update(**values).where(ContentSource.id == source_id).execute()
    return source_id


def delete_source(source_id: int) -> None:
    ContentSource.delete().where(ContentSource.id == source_id).execute()


def presenters() -> list[tuple[int, str]]:
    """(member id, name) of everyone who presents an item or a series, by name order."""
    return [(mid, name) for mid, name in database.execute_sql(
        "SELECT DISTINCT m.id, m.name FROM member m WHERE m.id IN "
        "(SELECT presenter_id FROM content_item UNION SELECT presenter_id FROM content_series)"
        " ORDER BY m.sort_name").fetchall()]
