"""Small building blocks for the member dialogs: editors with an inline error line,
date fields that accept typing, and the role/channel/kind labels in the UI language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.colors import text_style

ERROR_RED = QColor("#dc2626")


def error_style() -> str:
    """Error text, made readable on the current (light or dark) window."""
    return text_style(ERROR_RED)


BAD_EDITOR = "QLineEdit, QPlainTextEdit, QComboBox { border: 1px solid #dc2626; }"


def _t(text: str) -> str:
    return QCoreApplication.translate("MemberForms", text)


def role_labels() -> dict[str, str]:
    return {
        "owner": _t("群主"), "admin": _t("管理员"), "kol": _t("KOL"),
        "seed": _t("种子用户"), "speaker": _t("分享者"), "volunteer": _t("志愿者"),
        "member": _t("成员"),
    }


def channel_labels() -> dict[str, str]:
    return {"wechat": _t("微信"), "phone": _t("电话"), "meet": _t("见面"), "other": _t("其他")}


def kind_labels() -> dict[str, str]:
    return {"best_share": _t("最佳分享"), "answer": _t("解答问题"), "invite": _t("邀请新人"),
            "attend": _t("参加活动"), "custom": _t("其他")}


def platform_labels() -> dict[str, str]:
    return {"wechat": _t("微信群"), "qq": _t("QQ群"), "zsxq": _t("知识星球"), "other": _t("其他")}


def status_labels() -> dict[str, str]:
    """Content-calendar statuses (models.calendar.entries.STATUSES)."""
    return {"idea": _t("想法"), "draft": _t("草稿"), "ready": _t("已就绪"),
            "published": _t("已发布"), "skipped": _t("已跳过")}


def gender_labels() -> dict[str, str]:
    return {"": _t("未填"), "男": _t("男"), "女": _t("女"), "其他": _t("其他")}


class ErrorField(QWidget):
    """An editor with a red message under it, shown only while the value is wrong."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.editor.setStyleSheet(BAD_EDITOR if text else "")
        self.editor.setAccessibleDescription(text or "")

    def has_error(self) -> bool:
        return self.error.isVisibleTo(self)


class DateEdit(QLineEdit):
    """A date typed as YYYY-MM-DD (or 2026/3/5, 2026.3.5); empty means no date.

    A QDateEdit cannot be empty and silently fixes typos, which hides mistakes the
    owner should see; the card checks the text and shows what is wrong.
    """

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setMaximumWidth(140)
        self.textChanged.connect(self.date_changed)

    def value(self) -> str:
        """The text in ISO form when it reads as a date, else as typed (validation reports it)."""
        text = self.text().strip()
        parts = text.replace("/", "-").replace(".", "-").replace("年", "-").replace(
            "月", "-").replace("日", "").split("-")
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
            except ValueError:
                return text
        return text

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.value()) if self.value() else None
        except ValueError:
            return None


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return label
