"""The activities domain's codes in the words of the UI language.

models.activities keeps only the codes (KINDS, STATUSES, the checklist ROLES); this module
turns them into text with Qt's tr(), like the calendar's labels in ui.calendar.common.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from models.activities.tables import ChecklistItem


def _t(text: str) -> str:
    return QCoreApplication.translate("ActivityLabels", text)


def status_labels() -> dict[str, str]:
    """models.activities.activity.STATUSES."""
    return {"planning": _t("筹备中"), "ready": _t("已就绪"), "done": _t("已结束"),
            "cancelled": _t("已取消")}


def status_menu_labels() -> dict[str, str]:
    """The statuses as the items of the activity list's context menu, each with its letter
    (tables, exports and printouts show status_labels(), without one)."""
    return {"planning": _t("筹备中(&P)"), "ready": _t("已就绪(&R)"), "done": _t("已结束(&O)"),
            "cancelled": _t("已取消(&C)")}


def kind_labels() -> dict[str, str]:
    """models.activities.activity.KINDS."""
    return {"online": _t("线上"), "offline": _t("线下")}


def role_labels() -> dict[str, str]:
    """models.activities.checklists.ROLES: who does a checklist step."""
    return {
        "owner": _t("群主"), "host": _t("主持人"), "checkin": _t("签到"), "tech": _t("技术"),
        "photo": _t("摄影"), "volunteer": _t("志愿者"), "logistics": _t("后勤"),
        "speaker": _t("分享嘉宾"), "design": _t("设计"), "support": _t("客服"),
        "curator": _t("内容整理"),
    }


def status_label(status: str) -> str:
    return status_labels().get(status, status)


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def role_label(role: str) -> str:
    """A ROLES key in words; a role the user typed in stays as typed; "" is the owner."""
    return role_labels().get(role or "owner", role)


def assignee_text(member: str | None, role: str) -> str:
    """Who does a step: the assigned member's name, else the role, else the owner (群主)."""
    return member if member is not None else role_label(role)


def assignee_label(item: ChecklistItem) -> str:
    """assignee_text() of a checklist step as stored."""
    return assignee_text(assignee_name(item), item.assignee_role)


def assignee_name(item: ChecklistItem) -> str | None:
    """The assigned member's name, or None when the step goes by its role."""
    member = item.assignee_member if item.assignee_member_id is not None else None
    return member.name if member is not None else None
