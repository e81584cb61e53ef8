"""Editing off on a read-only workspace, the same way on every screen.

The storage layer refuses every write on such a workspace anyway (with the reason);
this module makes the screens say so up front instead: the controls that change data
are disabled and carry the reason as their tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ui.workspace import Workspace

_SAVING = (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok,
           QDialogButtonBox.StandardButton.Apply, QDialogButtonBox.StandardButton.Yes)


def set_editing(workspace: Workspace, controls: Iterable[QWidget | QAction]) -> None:
    """Enable `controls` only while the workspace can be changed."""
    editable = not workspace.read_only
    reason = workspace.read_only_reason()
    for control in controls:
        control.setEnabled(editable)
        if isinstance(control, QWidget):
            control.setToolTip("" if editable else reason)


def lock_dialog(dialog: QDialog, workspace: Workspace) -> None:
    """A dialog that saves can still be opened to read; its saving buttons are off."""
    if not workspace.read_only:
        return
    for box in dialog.findChildren(QDialogButtonBox):
        for role in _SAVING:
            button = box.button(role)
            if button is not None:
                button.setEnabled(False)
                button.setToolTip(workspace.read_only_reason())
