"""The five screens the main window shows, and what a screen may offer it.

Each screen is imported on its first visit (a fast start); the verbs are the menu
commands a screen may answer (ARCHITECTURE.md, "Add a screen").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from ui.workspace import Workspace


def _members(workspace: Workspace) -> QWidget:
    from ui.members.page import MembersPage

    return MembersPage(workspace)


def _calendar(workspace: Workspace) -> QWidget:
    from ui.calendar.page import CalendarPage

    return CalendarPage(workspace)


def _activities(workspace: Workspace) -> QWidget:
    from ui.activities.page import ActivitiesPage

    return ActivitiesPage(workspace)


def _week(workspace: Workspace) -> QWidget:
    from ui.week.page import WeekPage

    return WeekPage(workspace)


def _overview(workspace: Workspace) -> QWidget:
    from ui.overview.page import OverviewPage

    return OverviewPage(workspace)


# The verbs a screen may offer the menus (ARCHITECTURE.md, "Add a screen").
Verb = Literal["new_item", "focus_search", "delete_selected", "print_page"]


def verb_of(page: QWidget | None, name: Verb) -> Callable[[], object] | None:
    """The page's `name` verb, or None when the page does not offer it."""
    method: object = getattr(page, name, None)
    return method if callable(method) else None


@runtime_checkable
class Activated(Protocol):
    """A screen that refreshes itself when it is shown."""

    def activated(self) -> None: ...


@runtime_checkable
class FiltersMembers(Protocol):
    """The members screen: shows the members a filter picks."""

    def apply_filter(self, spec: object) -> None: ...


@runtime_checkable
class SavesState(Protocol):
    """A screen that keeps its layout (splitters, columns) when the window closes."""

    def save_state(self) -> None: ...


# (key, icon, how to build the screen): each is imported on its first visit (fast start).
PAGES: tuple[tuple[str, str, Callable[[Workspace], QWidget]], ...] = (
    ("members", "members", _members),
    ("calendar", "calendar", _calendar),
    ("activities", "activities", _activities),
    ("week", "week", _week),
    ("overview", "overview", _overview),
)
