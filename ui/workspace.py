"""What every screen is handed: the open database and the app-wide change signals."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from models.messages import msg


class Changed(enum.Flag):
    """What a write changed, so each screen reloads only what it shows."""

    MEMBERS = enum.auto()
    TAGS = enum.auto()
    GROUPS = enum.auto()
    CALENDAR = enum.auto()
    ACTIVITIES = enum.auto()
    WEEK_NOTES = enum.auto()
    TEMPLATES = enum.auto()  # message templates (ui.outreach)
    # an undo, a restore, an import
    ALL = MEMBERS | TAGS | GROUPS | CALENDAR | ACTIVITIES | WEEK_NOTES | TEMPLATES


def workspace_of(widget: QObject | None) -> Workspace:
    """The workspace a dialog or panel works on: the nearest `workspace` up its parents
    (a screen holds it; its dialogs and panels are its children)."""
    while widget is not None:
        found = getattr(widget, "workspace", None)
        if isinstance(found, Workspace):
            return found
        widget = widget.parent()
    raise LookupError("this widget belongs to no screen with a workspace")


class Workspace(QObject):
    """Passed to each screen (no global registry).

    data_changed(Changed): data was written (ui.operations calls announce()); every
    screen reloads what it shows. While the notice is delivered (receivers are on the GUI
    thread, so delivery is synchronous) `origin` is the screen that made the change and
    already shows it, so it can skip its own reload; None for an undo, a restore, ...
    show_members(filter): ask the main window to open the member list with a
    models.members.segments.MemberFilter applied (Overview click-through, etc.).
    read_only: why this workspace can't be changed (a message code), or None. Screens
    turn their editing off while it is set; read_only_changed says when it became set
    (the database file disappeared while open).
    """

    data_changed = Signal(object)  # Changed
    show_members = Signal(object)
    show_page = Signal(str)
    status_message = Signal(str)
    import_requested = Signal()  # a screen offers File > 导入名单 (the main window opens it)
    read_only_changed = Signal()

    def __init__(self, db_path: Path, read_only: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.read_only = read_only
        self.origin: QObject | None = None  # who is announcing a change, during announce()

    def announce(self, changes: Changed, origin: QObject | None = None) -> None:
        self.origin = origin
        try:
            self.data_changed.emit(changes)
        finally:
            self.origin = None

    def announced_by(self, screen: QObject) -> bool:
        """Whether the notice being delivered comes from `screen` or one of its parts (its
        panels, item models, dialogs): it already shows what it wrote."""
        found = self.origin
        while found is not None:
            if found is screen:
                return True
            found = found.parent()
        return False

    def read_only_reason(self) -> str:
        return msg(self.read_only) if self.read_only else ""

    def set_read_only(self, why: str) -> None:
        if self.read_only != why:
            self.read_only = why
            self.read_only_changed.emit()
