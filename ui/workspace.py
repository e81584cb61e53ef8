"""What every screen is handed: the open database and the app-wide change signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal


class Workspace(QObject):
    """Passed to each screen (no global registry).

    data_changed(domain): a screen wrote data ("members", "tags", "groups", "calendar",
    "activities", ...); other screens reload what they show.
    show_members(filter): ask the main window to open the member list with a
    models.segments.MemberFilter applied (Overview click-through, etc.).
    """

    data_changed = Signal(str)
    show_members = Signal(object)
    show_page = Signal(str)
    status_message = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
