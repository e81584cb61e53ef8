"""The member list's columns: keys, headers, which are shown by default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ALL_COLUMNS = (
    "name", "nickname", "wechat_name", "tags", "groups", "level", "points", "wechat_id",
    "phone", "city", "company", "job_title", "industry", "joined_on", "last_contact_on", "next_contact_on",
    "source", "inviter", "birthday", "gender", "is_friend", "left_on", "notes",
)
DEFAULT_COLUMNS = (
    "name", "nickname", "tags", "groups", "level", "wechat_id", "phone", "city", "joined_on",
    "last_contact_on",
)
WIDTHS = {"name": 90, "nickname": 140, "wechat_name": 120, "tags": 200, "groups": 160,
          "level": 80, "points": 60, "wechat_id": 130, "phone": 110, "city": 70,
          "joined_on": 95, "last_contact_on": 95,
          "next_contact_on": 95, "birthday": 95, "left_on": 95, "gender": 50, "is_friend": 70,
          "notes": 220}


def header(key: str) -> str:
    tr = QCoreApplication.translate
    return {
        "name": tr("MemberColumns", "姓名"),
        "nickname": tr("MemberColumns", "群昵称"),
        "wechat_name": tr("MemberColumns", "微信昵称"),
        "tags": tr("MemberColumns", "标签"),
        "groups": tr("MemberColumns", "所在群"),
        "level": tr("MemberColumns", "等级"),
        "points": tr("MemberColumns", "积分"),
        "wechat_id": tr("MemberColumns", "微信号"),
        "phone": tr("MemberColumns", "手机号"),
        "city": tr("MemberColumns", "地区"),
        "company": tr("MemberColumns", "公司"),
        "job_title": tr("MemberColumns", "职位"),
        "industry": tr("MemberColumns", "行业"),
        "joined_on": tr("MemberColumns", "入群时间"),
        "last_contact_on": tr("MemberColumns", "最近联系"),
        "next_contact_on": tr("MemberColumns", "下次联系"),
        "source": tr("MemberColumns", "来源渠道"),
        "inviter": tr("MemberColumns", "邀请人"),
        "birthday": tr("MemberColumns", "生日"),
        "gender": tr("MemberColumns", "性别"),
        "is_friend": tr("MemberColumns", "已加好友"),
        "left_on": tr("MemberColumns", "退群时间"),
        "notes": tr("MemberColumns", "备注"),
    }[key]
