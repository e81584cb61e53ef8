"""How an exported roster names what is not plain text, so that importing it gives it
back: a member's role in a group, and who invited them.

    所在群   AI 实战派 1 群（管理员）、同城面基群（上海）      a role unless it is 成员
    邀请人   熊建国                    a name only one member has
             熊建国（wx_000123a）       else the name and the inviter's WeChat ID,
             熊建国（13800138000）      or phone,
             熊建国（第 12 行）          or the row of this file the inviter is on
"""

from __future__ import annotations

import re

from models.members.groups import ROLE_LABELS_ZH, ROLES

_ROLE_EN = {"owner": "owner", "admin": "admin", "kol": "KOL", "seed": "seed user",
            "speaker": "speaker", "volunteer": "volunteer", "member": "member"}
_ROLE_OF = {label.casefold(): role for role, label in ROLE_LABELS_ZH.items()}
_ROLE_OF.update({label.casefold(): role for role, label in _ROLE_EN.items()})
_ROLE_OF.update({role: role for role in ROLES})
_TRAILING = re.compile(r"^(.*?)\s*[（(]\s*([^（()）]+?)\s*[)）]$")
_ROW_REF = re.compile(r"第\s*(\d{1,7})\s*行|row\s*(\d{1,7})", re.I)


def group_cell(name: str, role: str) -> str:
    """'AI 实战派 1 群' as group 'admin' -> 'AI 实战派 1 群（管理员）'."""
    if role == "member" or role not in ROLE_LABELS_ZH:
        return name
    return f"{name}（{ROLE_LABELS_ZH[role]}）"


def parse_group(text: str) -> tuple[str, str]:
    """'AI 实战派 1 群（管理员）' -> ('AI 实战派 1 群', 'admin'); a bracket that names no
    role is part of the name ('同城面基群（上海）')."""
    m = _TRAILING.match(text)
    if m and m[1] and (role := _ROLE_OF.get(m[2].casefold())):
        return m[1], role
    return text, "member"


def inviter_cell(name: str, unique: bool, wechat_id: str | None, phone: str,
                 row: int | None) -> str:
    """The inviter as an export writes them: by a reference only they have."""
    if unique:
        return name
    if wechat_id:
        return f"{name}（{wechat_id}）"
    if phone:
        return f"{name}（{phone}）"
    if row is not None:
        return f"{name}（第 {row} 行）"
    return name  # not unique, and nothing else to tell them apart by: the import says so


def parse_inviter(text: str) -> tuple[str, str, int | None]:
    """(name, the reference in brackets or '', the row it names or None)."""
    m = _TRAILING.match(text)
    if not m or not m[1]:
        return text, "", None
    row = _ROW_REF.fullmatch(m[2])
    return m[1], m[2], int(row[1] or row[2]) if row else None
