"""Message templates on screen: the manager, the copy-for-next dialog, activity reminders."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget


def open_templates(parent: QWidget) -> QDialog:
    """The 消息模板 manager over `parent` (it closes itself away); imported when asked,
    so the main window's start stays quick."""
    from PySide6.QtCore import Qt

    from ui.outreach.templates_dialog import TemplatesDialog
    from ui.workspace import workspace_of

    dialog = TemplatesDialog(workspace_of(parent), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
