"""The templates QunDesk ships: (Chinese, English) name and text for each kind.

An untouched built-in is shown in the app's language; once the owner edits it, it keeps
the owner's words (models.outreach.templates).
"""

from __future__ import annotations

from typing import NamedTuple

KINDS = ("welcome", "birthday", "reminder", "followup", "renewal", "other")


class Builtin(NamedTuple):
    key: str
    kind: str
    name: tuple[str, str]  # (Chinese, English)
    body: tuple[str, str]


BUILTINS: tuple[Builtin, ...] = (
    Builtin("welcome", "welcome", ("新人欢迎", "Welcome"), (
        "{称呼}你好，欢迎加入{群名}！我是群主，有任何问题随时私聊我。\n"
        "进群后先看看群公告里的群规，再在群里做个简单的自我介绍（城市 + 职业 + 擅长领域 + "
        "想在群里收获什么），大家会更快认识你～",
        "Hi {salutation}, welcome to {group}! I run the group, so message me any time.\n"
        "Please read the group rules in the announcement first, then introduce yourself in "
        "the group (city, job, what you're good at, what you hope to get from the group) so "
        "people get to know you.")),
    Builtin("birthday", "birthday", ("生日祝福", "Birthday greeting"), (
        "{称呼}，生日快乐！🎂 谢谢你一直以来对{群名}的支持，祝新的一岁工作顺利、身体健康，"
        "天天开心！",
        "Happy birthday, {salutation}! 🎂 Thank you for being part of {group}. Wishing you "
        "a healthy and happy year ahead!")),
    Builtin("reminder", "reminder", ("活动提醒（私聊）", "Activity reminder (private)"), (
        "{称呼}，提醒一下：你报名的「{活动}」将在{日期}{时间}开始，地点：{地点}。到时见！"
        "有变动请提前告诉我～",
        "Hi {salutation}, a quick reminder: “{activity}”, which you signed up for, starts "
        "on {date} at {time}, at {place}. See you there! Let me know if your plans change.")),
    Builtin("group_reminder", "reminder", ("活动提醒（群发）", "Activity reminder (group)"), (
        "【活动提醒】「{活动}」{日期}{时间}开始，地点：{地点}。已报名的朋友记得准时参加～",
        "Reminder: “{activity}” starts on {date} at {time}, at {place}. If you signed up, "
        "see you there!")),
    Builtin("followup", "followup", ("跟进开场", "Follow-up opener"), (
        "{称呼}，好久没聊了，最近怎么样？上次聊到的事情进展如何？{群名}最近有几场活动，"
        "有兴趣的话我发给你看看～",
        "Hi {salutation}, it's been a while! How are things going? {group} has a few "
        "activities coming up; shall I send you the details?")),
    Builtin("renewal", "renewal", ("续费提醒", "Renewal reminder"), (
        "{称呼}你好，你在{群名}的会员快到期了。这一年谢谢你的参与和分享！如果想继续一起交流，"
        "回复我就可以办理续费；有任何建议也欢迎告诉我。",
        "Hi {salutation}, your membership of {group} is coming up for renewal. Thank you "
        "for taking part this year! Reply to me if you'd like to continue, and tell me "
        "anything we could do better.")),
)
BY_KEY = {b.key: b for b in BUILTINS}
