"""Reusable checklists (活动模板): steps with day offsets relative to the activity.

Built-in templates ship as JSON in resources/templates/ and are copied into the
database once (the user may then edit or delete them without them coming back).
Any activity can be saved as a template; creating from a template computes every
due date from the chosen start.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Required, TypedDict

from peewee import CharField, IntegerField, TextField

from models.activities.activity import save_activity
from models.activities.checklists import due_for, steps
from models.activities.tables import Activity, ChecklistItem
from models.members.cards import ValidationError, clean_text
from models.messages import msg
from models.store import schema, settings
from models.store.db import BaseModel, database
from models.store.paths import resources_dir

SEEDED_KEY = "activity_templates_seeded"


class TemplateStep(TypedDict, total=False):
    """One step of a template's checklist, as stored in its JSON."""

    title: Required[str]
    offset: int  # days from the start (T-7 = -7)
    role: str  # a checklists.ROLES key or the user's own role text
    notes: str


class PromotionStep(TypedDict, total=False):
    """One post of a template's promotion plan (models.activities.promotion)."""

    offset: int
    kind: str  # announcement / reminder / recap
    title: str  # with "{title}" standing for the activity's title


class ActivityTemplate(BaseModel):
    name = CharField(unique=True)
    builtin_key = CharField(default="")  # the JSON file it came from; "" for the user's own
    kind = CharField(default="online")
    duration_minutes = IntegerField(default=90)
    description = TextField(default="")
    steps = TextField(default="[]")  # [{"title", "offset", "role", "notes"}]
    roles = TextField(default="[]")  # role keys the activity needs
    promotion = TextField(default="[]")  # [{"offset", "kind", "title"}]; [] = the default plan
    position = IntegerField(default=0)

    # The JSON columns are written only by this module (and the built-in templates).
    def step_list(self) -> list[TemplateStep]:
        found: list[TemplateStep] = json.loads(self.steps or "[]")
        return found

    def role_list(self) -> list[str]:
        found: list[str] = json.loads(self.roles or "[]")
        return found

    def promotion_list(self) -> list[PromotionStep]:
        found: list[PromotionStep] = json.loads(self.promotion or "[]")
        return found


def builtin_files() -> list[Path]:
    return sorted((resources_dir() / "templates").glob("*.json"))


def load_builtin(path: Path) -> dict[str, Any]:
    """A built-in template file: name, kind, steps, roles, promotion, ... (free-form JSON)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("key", path.stem)
    return data


def ensure_builtin_templates() -> int:
    """Copy built-in templates not seeded before into the database; returns how many."""
    seeded = set(settings.get(SEEDED_KEY) or [])
    missing = [data for data in map(load_builtin, builtin_files()) if data["key"] not in seeded]
    if not missing:
        return 0  # nothing to write (also on a workspace opened read-only)
    added = 0
    with database.atomic():
        for data in missing:
            seeded.add(data["key"])
            if ActivityTemplate.select().where(ActivityTemplate.name == data["name"]).exists():
                continue
            ActivityTemplate.create(
                name=data["name"], builtin_key=data["key"], kind=data.get("kind", "online"),
                duration_minutes=int(data.get("duration_minutes", 90)),
                description=data.get("description", ""),
                steps=json.dumps(data.get("steps", []), ensure_ascii=False),
                roles=json.dumps(data.get("roles", []), ensure_ascii=False),
                promotion=json.dumps(data.get("promotion", []), ensure_ascii=False),
                position=int(data.get("position", 0)))
            added += 1
        settings.put(SEEDED_KEY, sorted(seeded))
    return added


def list_templates() -> list[ActivityTemplate]:
    ensure_builtin_templates()
    return list(ActivityTemplate.select().order_by(ActivityTemplate.position,
                                                   ActivityTemplate.name))


def get_template(template_id: int) -> ActivityTemplate | None:
    return ActivityTemplate.get_or_none(ActivityTemplate.id == template_id)


def get_by_name(name: str) -> ActivityTemplate | None:
    ensure_builtin_templates()
    return ActivityTemplate.get_or_none(ActivityTemplate.name == name)


def preview(template_id: int, start: dt.date) -> list[tuple[dt.date, str, str]]:
    """(due date, offset label, title) of every step if the activity started on `start`."""
    from models.activities.checklists import offset_label

    template = ActivityTemplate.get_by_id(template_id)
    return [(due_for(start, int(s.get("offset", 0))), offset_label(int(s.get("offset", 0))),
             s["title"]) for s in template.step_list()]


def create_from_template(template_id: int, data: dict[str, Any]) -> Activity:
    """A new activity (data as for save_activity) with the template's steps, dates computed."""
    template = ActivityTemplate.get_by_id(template_id)
    data = dict(data)
    data.setdefault("kind", template.kind)
    data.setdefault("template_name", template.name)
    start = data.get("start")
    if isinstance(start, dt.datetime) and "end" not in data and template.duration_minutes:
        data["end"] = start + dt.timedelta(minutes=template.duration_minutes)
    with database.atomic():
        activity = save_activity(data)
        rows = []
        for position, step in enumerate(template.step_list()):
            offset = int(step.get("offset", 0))
            rows.append({
                "activity": activity.id, "title": clean_text(step["title"])[:200],
                "due_offset": offset, "due_on": due_for(activity.start, offset),
                "assignee_role": step.get("role") or "owner",
                "notes": clean_text(step.get("notes", "")), "position": position})
        if rows:
            ChecklistItem.insert_many(rows).execute()
    return activity


def save_as_template(activity_id: int, name: str, description: str = "") -> ActivityTemplate:
    """Every step becomes relative: a fixed date is kept as its distance from the start."""
    name = clean_text(name)[:100]
    if not name:
        raise ValidationError({"name": msg("required", field="template_name")})
    if ActivityTemplate.select().where(ActivityTemplate.name == name).exists():
        raise ValidationError({"name": msg("template_exists", name=name)})
    activity = Activity.get_by_id(activity_id)
    out_steps: list[TemplateStep] = []
    for item in steps(activity_id):
        if item.due_offset is not None:
            offset = item.due_offset
        elif item.due_on is not None:
            offset = (item.due_on - activity.start.date()).days
        else:
            offset = 0
        out_steps.append({"title": item.title, "offset": offset,
                          "role": item.assignee_role or "owner", "notes": item.notes})
    roles = list(dict.fromkeys(s["role"] for s in out_steps if s["role"] != "owner"))
    duration = (int((activity.end - activity.start).total_seconds() // 60)
                if activity.end else 0)
    source = (ActivityTemplate.get_or_none(ActivityTemplate.name == activity.template_name)
              if activity.template_name else None)
    with database.atomic():
        position = ActivityTemplate.select().count()
        return ActivityTemplate.create(
            name=name, kind=activity.kind, duration_minutes=duration,
            description=clean_text(description) or activity.goal,
            steps=json.dumps(out_steps, ensure_ascii=False),
            roles=json.dumps(roles, ensure_ascii=False),
            promotion=source.promotion if source else "[]", position=position)


def delete_template(template_id: int) -> None:
    ActivityTemplate.delete().where(ActivityTemplate.id == template_id).execute()


schema.ALWAYS_DEFAULTS.append(ensure_builtin_templates)
