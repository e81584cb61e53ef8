"""Help > 使用指南 and 键盘快捷键: the guide (resources/guide, with screenshots) and every
shortcut, in the app's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from models import messages
from models.store.paths import resources_dir


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def shortcuts_text() -> str:
    rows = [
        ("Ctrl+1 … Ctrl+5", _tr("切换到 成员 / 内容日历 / 活动 / 周计划 / 概览")),
        ("Ctrl+N", _tr("新建（成员、内容、活动）")),
        ("Ctrl+F", _tr("搜索")),
        ("Delete", _tr("删除所选")),
        ("Ctrl+Z", _tr("撤销")),
        ("Ctrl+P", _tr("打印")),
        ("Ctrl+I / Ctrl+E", _tr("导入名单 / 导出名单")),
        ("Ctrl+O", _tr("打开其他数据库")),
        ("Tab / Shift+Tab", _tr("在控件之间移动（也会离开表格）")),
        (_tr("方向键、Enter"), _tr("在表格里移动、打开所选")),
        ("Enter / Ctrl+Enter", _tr("复制给下一位：复制消息、记跟进、换下一位")),
        ("Ctrl+Shift+S", _tr("复制给下一位：跳过这一位")),
    ]
    body = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for keys, what in rows)
    return f"<table>{body}</table>"


def guide_file(language: str | None = None) -> Path:
    """The guide shipped in resources/guide in `language` (the app's by default)."""
    language = language or messages.language()
    folder = resources_dir() / "guide"
    path = folder / f"guide_{language}.html"
    return path if path.exists() else folder / "guide_zh.html"


class GuideDialog(QDialog):
    """The guide: a short page per screen with its screenshot; links open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("使用指南"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_tr("使用指南"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_file())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)

    @classmethod
    def open_for(cls, parent: QWidget) -> GuideDialog:
        """Open the guide over `parent` (closed, it goes)."""
        dialog = cls(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
