"""The blank import template, saved from the import wizard or the export dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models.roster.exporter import RosterError, export_template
from ui import dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterTemplate", text)


def save_import_template(parent: QWidget) -> str | None:
    """Ask where, write the template; returns the words saying where it went, or None."""
    path = dialogs.save_file(parent, _tr("保存导入模板"), _tr("Excel 文件 (*.xlsx)"),
                             _tr("名单导入模板.xlsx"))
    if path is None:
        return None
    try:
        export_template(path)
    except RosterError as exc:
        dialogs.error(parent, _tr("无法保存"), str(exc))
        return None
    return _tr("模板已保存：%1").replace("%1", str(Path(path).with_suffix(".xlsx")))
