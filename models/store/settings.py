"""Workspace settings stored in the database (they travel with the community file)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from peewee import CharField, TextField

from models import messages
from models.store.base import BaseModel

DEFAULTS: dict[str, Any] = {
    "daily_friend_limit": 20,
    "level_thresholds": [[0, "新人"], [100, "活跃成员"], [300, "核心成员"], [1000, "元老"]],
    "points_per_kind": {"best_share": 50, "answer": 10, "invite": 20, "attend": 5, "custom": 0},
    "at_risk_days": 30,
    "active_days": 30,
}

# Defaults shown in the user's language (models.messages keys), worked out when read.
WORDED_DEFAULTS = {"community_name": "default_community_name"}


UID_NAMESPACE = "calendar_uid_namespace"


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()


def get(key: str) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        if key in WORDED_DEFAULTS:
            return messages.msg(WORDED_DEFAULTS[key])
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put(key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    Setting.insert(key=key, value=text).on_conflict_replace().execute()


def ensure_uid_namespace() -> None:
    """A random, stable namespace for the calendar export's UIDs (written once)."""
    if get(UID_NAMESPACE) is None:
        put(UID_NAMESPACE, uuid.uuid4().hex[:12])
