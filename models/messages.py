"""User-facing text produced by the domain layer (validation, CLI), in both languages.

models/ cannot use Qt's tr(), so its few messages live here as (Chinese, English)
pairs; the app sets the language once at start-up from its own language choice.
"""

from __future__ import annotations

import os

_language = "zh"

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field}不能为空", "{field} is required"),
    "too_long": ("{field}太长（最多 {limit} 个字符）", "{field} is too long (at most {limit} characters)"),
    "bad_phone": ("手机号“{value}”格式不对（应为 11 位手机号，可带 +86）",
                  "Phone number “{value}” is not valid (11 digits, +86 allowed)"),
    "bad_wechat": ("微信号“{value}”格式不对（6–20 位字母、数字、_ 或 -）",
                   "WeChat ID “{value}” is not valid (6–20 letters, digits, _ or -)"),
    "dup_wechat": ("微信号“{value}”已属于成员“{other}”", "WeChat ID “{value}” already belongs to “{other}”"),
    "bad_date": ("{field}“{value}”不是有效日期", "{field} “{value}” is not a valid date"),
    "future_date": ("{field}不能晚于今天", "{field} cannot be in the future"),
    "left_before_join": ("退群日期早于入群日期", "Leave date is before the join date"),
    "bad_number": ("{field}“{value}”不是有效数字", "{field} “{value}” is not a valid number"),
    "negative": ("{field}不能为负数", "{field} cannot be negative"),
    "self_inviter": ("邀请人不能是本人", "A member cannot invite themselves"),
    "inviter_loop": ("邀请关系出现循环", "The inviter chain would loop back to this member"),
    "tag_exists": ("标签“{name}”已存在，可以合并", "Tag “{name}” already exists; merge instead"),
    "undo_add_tags": ("给 {n} 位成员添加标签", "Add tags to {n} members"),
    "undo_remove_tags": ("移除 {n} 位成员的标签", "Remove tags from {n} members"),
    "undo_add_group": ("把 {n} 位成员加入群", "Add {n} members to a group"),
    "undo_mark_left": ("把 {n} 位成员标记为已退群", "Mark {n} members as left"),
    "undo_delete": ("删除 {n} 位成员", "Delete {n} members"),
    "name_exists": ("名称“{name}”已存在", "The name “{name}” is already taken"),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "nickname": ("群昵称", "Group nickname"),
    "wechat_id": ("微信号", "WeChat ID"),
    "phone": ("手机号", "Phone"),
    "qq": ("QQ号", "QQ"),
    "email": ("邮箱", "Email"),
    "gender": ("性别", "Gender"),
    "city": ("地区", "City"),
    "birthday": ("生日", "Birthday"),
    "job_title": ("职位", "Job title"),
    "industry": ("行业", "Industry"),
    "company": ("公司", "Company"),
    "expertise": ("擅长领域", "Expertise"),
    "needs": ("个人诉求", "Needs"),
    "hobbies": ("爱好", "Hobbies"),
    "family": ("家人", "Family"),
    "source": ("来源渠道", "Source"),
    "inviter": ("邀请人", "Invited by"),
    "joined_on": ("入群时间", "Joined"),
    "left_on": ("退群时间", "Left"),
    "entry_fee": ("入群费", "Entry fee"),
    "notes": ("备注", "Notes"),
    "points": ("积分", "Points"),
    "level": ("会员等级", "Level"),
    "tags": ("标签", "Tags"),
    "groups": ("所在群", "Groups"),
    "next_contact_on": ("下次联系", "Next contact"),
    "last_contact_on": ("最近联系", "Last contact"),
    "is_friend": ("已加好友", "Friend added"),
}


def set_language(language: str) -> None:
    global _language
    _language = "en" if language.lower().startswith("en") else "zh"


def language() -> str:
    return _language


def language_from_environment() -> str:
    """The CLI follows LANG/LC_ALL like any command-line tool; Chinese otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def field_label(field: str) -> str:
    pair = FIELD_LABELS.get(field)
    if pair is None:
        return field
    return pair[1] if _language == "en" else pair[0]


def msg(code: str, **params: object) -> str:
    zh, en = MESSAGES[code]
    if "field" in params:
        params["field"] = field_label(str(params["field"]))
    return (en if _language == "en" else zh).format(**params)
