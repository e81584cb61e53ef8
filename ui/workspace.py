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
    ALL = MEMBERS | TAGS | GROUPS | CALENDAR | ACTIVITIES  # an undo, a restore, an import


class Workspace(QObject):
    """Passed to each screen (no global registry).

    data_changed(Changed): a screen wrote data; other screens reload what they show.
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
    read_only_changed = Signal()

    def __init__(self, db_path: Path, read_only: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.read_only = read_only

    def read_only_reason(self) -> str:
        return msg(self.read_only) if self.read_only else ""

    def set_read_only(self, why: str) -> None:
        if self.read_only != why:
            self.read_only = why
            self.read_only_changed.emit()
