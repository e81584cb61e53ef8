"""The first-steps checklist: import the roster, tag members, plan the week, print it.

A step ticks itself from what the workspace holds (members, tags on members, content or
an activity), and printing is recorded when the week plan is printed or saved as PDF.
Once ticked, a step stays ticked (stored in the settings table under "first_steps"), so
deleting the last member later does not send the owner back to the start; "dismissed"
hides the checklist for good.
"""

from __future__ import annotations

from models.activities.tables import Activity
from models.calendar.entries import ContentItem, ContentSeries
from models.members.cards import Member
from models.members.tags import MemberTag
from models.store import settings
from models.store.db import database

STEPS = ("import", "tag", "plan", "print")
KEY = "first_steps"


def _stored() -> dict[str, object]:
    value = settings.get(KEY)
    return value if isinstance(value, dict) else {}


def has_content() -> bool:
    """Whether the content calendar holds anything (an item, a series or an idea)."""
    return bool(ContentItem.select().exists() or ContentSeries.select().exists())


def has_activities() -> bool:
    return bool(Activity.select().exists())


def _seen() -> dict[str, bool]:
    return {
        "import": bool(Member.select().exists()),
        "tag": bool(MemberTag.select().exists()),
        "plan": has_content() or has_activities(),
        "print": False,
    }


def progress() -> dict[str, bool]:
    """Each step (in order) and whether it is done."""
    stored = _stored()
    listed = stored.get("done")
    done = {str(step) for step in listed if step in STEPS} if isinstance(listed, list) else set()
    seen = _seen()
    return {step: step in done or seen[step] for step in STEPS}


def mark(step: str) -> None:
    """Record that `step` was done (the week plan printed); one transaction."""
    if step not in STEPS:
        raise ValueError(step)
    done = {name for name, ticked in progress().items() if ticked}
    _write(done | {step})


def dismissed() -> bool:
    return bool(_stored().get("dismissed", False))


def dismiss() -> None:
    """Hide the checklist (the owner closed it); one transaction."""
    with database.atomic():
        stored = _stored()
        stored["dismissed"] = True
        settings.put(KEY, stored)


def _write(done: set[str]) -> None:
    with database.atomic():
        stored = _stored()
        stored["done"] = [step for step in STEPS if step in done]
        settings.put(KEY, stored)
