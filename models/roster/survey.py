"""Survey exports (问卷星, 腾讯问卷, 金数据, sign-up forms): question-style headers and the
survey's own columns.

A question header ("6、您希望从社群获得什么？", "Q3. 您的微信号：") loses its numbering,
its polite frame and its punctuation, then is mapped by keywords. The columns a survey
tool adds about the submission itself (提交时间, 来源 as the channel it came through, IP,
填写设备, 答题时长...) are not about the member: in a survey they stay unmapped, and the
import says so, unless the owner maps them.
"""

from __future__ import annotations

import re

# "6、" "6." "Q6." "Q6：" "第6题" "(6)" "【6】" "6)" "①": numbering before the question.
_NUMBERING = re.compile(
    r"^\s*(?:第\s*\d{1,3}\s*题\s*[、.．:：)）]?|[（(【\[]\s*\d{1,3}\s*[)）】\]]"
    r"|[qQ]\s*\d{1,3}\s*[、.．:：)）-]?|\d{1,3}\s*(?:[、.．:：)）]|-(?!\d))"
    r"|[\u2460-\u2473\u2776-\u277f])\s*")
_FRAME_START = re.compile(r"^(?:请问|请您?(?:填写|输入|选择|留下|提供|告诉我们)?|麻烦(?:填写)?)"
                          r"|^(?:您|你)(?:的)?")
_FRAME_END = re.compile(r"(?:是什么|是多少|是哪里|是)?[？?：:。.!！*\s]*$")
QUESTION_MARKS = ("？", "?", "：", ":")

# Keywords of question headers, in order of precedence (the first that appears wins).
KEYWORDS: tuple[tuple[str, str], ...] = (
    ("微信昵称", "wechat_name"), ("微信名", "wechat_name"), ("群昵称", "nickname"),
    ("群名片", "nickname"), ("微信号", "wechat_id"), ("微信id", "wechat_id"),
    ("手机", "phone"), ("电话", "phone"), ("联系方式", "phone"), ("邮箱", "email"),
    ("qq", "qq"), ("姓名", "name"), ("名字", "name"), ("称呼", "name"), ("性别", "gender"),
    ("生日", "birthday"), ("出生", "birthday"), ("邀请", "inviter"), ("推荐人", "inviter"),
    ("介绍人", "inviter"), ("擅长", "expertise"), ("专长", "expertise"), ("技能", "expertise"),
    ("能提供", "expertise"), ("可以提供", "expertise"), ("资源", "expertise"),
    ("爱好", "hobbies"), ("兴趣", "hobbies"), ("行业", "industry"), ("公司", "company"),
    ("单位", "company"), ("就职", "company"), ("职业", "job_title"), ("职位", "job_title"),
    ("职务", "job_title"), ("岗位", "job_title"), ("从事", "job_title"), ("城市", "city"),
    ("所在地", "city"), ("哪里人", "city"), ("常住", "city"), ("坐标", "city"),
    ("地区", "city"), ("家人", "family"), ("孩子", "family"), ("家庭", "family"),
    ("希望", "needs"), ("获得", "needs"), ("收获", "needs"), ("诉求", "needs"),
    ("需求", "needs"), ("期待", "needs"), ("期望", "needs"), ("想要", "needs"),
    ("想学", "needs"), ("怎么知道", "source"), ("如何知道", "source"), ("如何得知", "source"),
    ("了解到", "source"), ("哪里知道", "source"), ("什么渠道", "source"), ("途径", "source"),
    ("备注", "notes"), ("留言", "notes"), ("建议", "notes"), ("想说", "notes"),
)

# The survey tool's own columns (keys as mapping.header_key makes them). STRONG ones
# show that a sheet is a survey export; the weak ones only count once it is one.
STRONG_META = frozenset({
    "提交时间", "提交答卷时间", "答卷提交时间", "开始答题时间", "结束答题时间", "答题时长",
    "所用时间", "填写时长", "答题用时", "来自ip", "ip", "ip地址", "ip属地", "填写ip",
    "填写设备", "答题设备", "操作系统", "浏览器", "答卷编号", "答卷id", "微信openid",
    "openid", "填写时间", "提交人", "修改时间", "来源详情",
})
WEAK_META = frozenset({"来源", "来源渠道", "渠道", "序号", "编号", "总分", "得分", "设备",
                       "填写人"})
# Never a card field, survey or not (a WeChat avatar is a picture URL, not a WeChat ID).
NEVER = ("头像", "openid", "unionid")


def is_question(text: str) -> bool:
    """Whether a header reads like a survey question (numbered, or asks something)."""
    plain = text.strip()
    return bool(_NUMBERING.match(plain)) or plain.endswith(QUESTION_MARKS)


def question_text(text: str) -> str:
    """'6、您希望从社群获得什么？' -> '希望从社群获得什么'; other text is returned as given."""
    if not is_question(text):
        return text
    plain = _NUMBERING.sub("", text.strip(), count=1)
    plain = _FRAME_END.sub("", plain)
    for _ in range(2):  # "请问您怎么称呼": both frames go
        framed, plain = plain, _FRAME_START.sub("", plain, count=1) or plain
        if framed == plain:
            break
    return plain


def keyword_field(key: str) -> str | None:
    for word, target in KEYWORDS:
        if word in key:
            return target
    return None


def is_survey(keys: list[str], questions: int) -> bool:
    strong = sum(1 for k in keys if k in STRONG_META)
    return strong >= 2 or (strong >= 1 and questions >= 1)


def is_meta(key: str) -> bool:
    return key in STRONG_META or key in WEAK_META
