"""Copy to the clipboard and say so: every copy action confirms in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication

from ui.workspace import workspace_of


def copy_text(source: QObject, text: str, said: str | None = None) -> str:
    """Put `text` on the clipboard and show `said` (or "已复制") in the main window's status
    bar (through the workspace `source` belongs to, when it belongs to one); returns it."""
    QGuiApplication.clipboard().setText(text)
    said = said or QCoreApplication.translate("Clipboard", "已复制")
    try:
        workspace_of(source).status_message.emit(said)
    except LookupError:
        pass  # a window outside any workspace (the crash report): it says so itself
    return said
