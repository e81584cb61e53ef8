"""Which spreadsheet column fills which card field: header synonyms, header-row
detection and remembered mappings.

A mapping is {column index: target}; a target is a card field name (models.members.cards
CARD_FIELDS), one of EXTRA_FIELDS, "custom:<name>" for a custom field, or None to
ignore the column. Mappings the owner corrected are remembered per header set.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

from models.members.cards import CARD_FIELDS, clean_text
from models.messages import FIELD_LABELS, field_label
from models.roster import survey
from models.roster.values import cell_text
from models.store import settings
from models.store.db import tuples

EXTRA_FIELDS = ("tags", "groups", "points", "level")
TARGETS = (*CARD_FIELDS, *EXTRA_FIELDS)
CUSTOM = "custom:"
CUSTOM_MARK = "（自定义）"  # export header suffix: the import recreates the custom field
SETTINGS_KEY = "roster_mappings"
KEEP_MAPPINGS = 50
HEADER_SCAN_ROWS = 30

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "真实姓名", "成员姓名", "学员姓名", "用户姓名", "联系人", "称呼",
             "name", "full name", "realname", "real name"),
    # 群昵称 is the name shown inside a group; 微信昵称 the account's own name (both exist,
    # and owners need both). A bare 昵称 is what WeChat and most tools call the latter.
    "nickname": ("群昵称", "群名片", "群内昵称", "群备注", "群名称备注", "我在本群的昵称",
                 "星球昵称", "圈内昵称", "group nickname", "display name"),
    "wechat_name": ("微信昵称", "微信名", "微信名称", "昵称", "用户昵称", "网名", "qq昵称",
                    "wechat name", "wechat nickname", "nickname", "nick name", "nick"),
    "wechat_id": ("微信号", "微信", "微信id", "wechat", "wechat id", "wechatid", "wxid", "wx"),
    "phone": ("手机号", "手机", "电话", "联系电话", "绑定手机号", "手机号码", "电话号码",
              "联系方式", "mobile", "phone", "tel", "cellphone", "phone number"),
    "qq": ("qq号", "qq", "qq号码"),
    "email": ("邮箱", "电子邮箱", "邮件", "email", "e-mail", "mail"),
    "gender": ("性别", "gender", "sex"),
    "city": ("城市", "地区", "省份", "所在城市", "所在地", "地址", "常住城市", "城市/地区",
             "省市", "所在地区", "city", "region", "location"),
    "birthday": ("生日", "出生日期", "出生年月", "birthday", "date of birth", "dob"),
    "job_title": ("职位", "职务", "岗位", "头衔", "title", "job title", "position"),
    "industry": ("行业", "所属行业", "industry"),
    "company": ("公司", "企业", "单位", "公司名称", "工作单位", "所在公司", "company",
                "organization", "organisation"),
    "expertise": ("擅长领域", "擅长", "专长", "技能", "资源", "expertise", "skills"),
    "needs": ("个人诉求", "诉求", "需求", "期望", "needs"),
    "hobbies": ("爱好", "兴趣", "兴趣爱好", "hobbies", "interests"),
    "family": ("家人", "家庭", "家庭情况", "孩子", "family"),
    "source": ("来源", "渠道", "来源渠道", "入群渠道", "获客渠道", "source", "channel"),
    "notes": ("备注", "说明", "备注信息", "notes", "note", "remark", "remarks", "comment"),
    "joined_on": ("入群时间", "加入时间", "加群时间", "入群日期", "加入日期", "进群时间",
                  "报名时间", "注册时间", "joined", "join date", "joined on", "date joined"),
    "left_on": ("退群时间", "退出时间", "离开时间", "退群日期", "left", "left on", "leave date"),
    "next_contact_on": ("下次联系", "下次联系时间", "下次跟进", "next contact"),
    "entry_fee": ("入群费", "会费", "费用", "付费金额", "支付金额", "金额", "entry fee", "fee",
                  "amount paid"),
    "is_friend": ("已加好友", "是否好友", "好友", "微信好友", "is friend", "friend added"),
    "inviter": ("邀请人", "邀请者", "推荐人", "介绍人", "邀请人微信", "inviter", "invited by",
                "referrer"),
    "tags": ("标签", "用户标签", "客户标签", "tags", "tag", "labels"),
    "groups": ("所在群", "群", "群名", "群聊", "所属群", "群名称", "group", "groups"),
    "points": ("积分", "贡献值", "贡献", "points", "score"),
    "level": ("会员等级", "等级", "级别", "level", "member level"),
}

_STRIP = re.compile(r"[\s*:：_\-·]+|[（(【\[].*?[）)】\]]")
_INDEX: dict[str, str] = {}
for _field, _words in SYNONYMS.items():
    for _word in _words:
        _INDEX.setdefault(_STRIP.sub("", _word.lower()), _field)
# Card labels the app itself writes (export headers) always map back.
for _field in TARGETS:
    for _label in FIELD_LABELS.get(_field, ()):
        _INDEX[_STRIP.sub("", _label.lower())] = _field


def header_key(text: Any) -> str:
    """'联系电话（选填）*' -> '联系电话', '6、您的微信号：' -> '微信号': how a header is
    compared with the synonyms."""
    plain = survey.question_text(clean_text(cell_text(text), fold=True).lower())
    stripped = _STRIP.sub("", plain)
    return stripped or re.sub(r"\s+", "", plain)


def guess_field(header: Any) -> str | None:
    if not isinstance(header, str):
        return None
    return _guess(header_key(header), survey.is_question(header))


@lru_cache(maxsize=4096)
def _guess(key: str, question: bool = False) -> str | None:
    # Long text is data (a note), not a header; a survey question may be longer.
    if not key or len(key) > (48 if question else 24):
        return None
    if key in _INDEX:
        return _INDEX[key]
    if any(word in key for word in survey.NEVER):
        return None
    if question and (found := survey.keyword_field(key)):
        return found
    # '成员微信号' / '本人手机号码': the longest known word inside the header wins.
    best, best_len = None, 1
    for word, target in _INDEX.items():
        if len(word) > best_len and word in key:
            best, best_len = target, len(word)
    return best


def target_label(target: str | None) -> str:
    if target is None:
        return ""
    if target.startswith(CUSTOM):
        return target[len(CUSTOM):]
    return field_label(target)


# ---------------------------------------------------------------- header detection


def _score(cells: list[Any]) -> int:
    return len({guess_field(c) for c in cells if cell_text(c).strip()} - {None})


def _combine(upper: list[Any], lower: list[Any]) -> list[Any]:
    width = max(len(upper), len(lower))
    out = []
    for c in range(width):
        low = lower[c] if c < len(lower) else ""
        up = upper[c] if c < len(upper) else ""
        out.append(low if cell_text(low).strip() else up)
    return out


def find_header(rows: list[list[Any]]) -> tuple[int, int, list[str]]:
    """(index of the first header row, number of header rows (1 or 2), header texts).

    Title rows above ("XX社群成员名单") score nothing; a two-row header (a merged group
    label over "手机号 | 微信号") is read as one, each column taking its lower text.
    """
    best = (0, 1, -1)
    limit = min(len(rows), HEADER_SCAN_ROWS)
    for r in range(limit):
        single = _score(rows[r])
        if single > best[2]:
            best = (r, 1, single)
        if r + 1 < len(rows):
            both = _score(_combine(rows[r], rows[r + 1]))
            if both > best[2] and both > _score(rows[r + 1]):
                best = (r, 2, both)
    if not rows:
        return 0, 1, []
    start, height, score = best
    if score <= 0:  # nothing recognised: the first row with two (else one) filled cells
        filled = [sum(1 for c in rows[r] if cell_text(c).strip()) for r in range(limit)]
        start, height = next((r for r, n in enumerate(filled) if n >= 2),
                             next((r for r, n in enumerate(filled) if n), 0)), 1
    cells = rows[start] if height == 1 else _combine(rows[start], rows[start + 1])
    return start, height, [clean_text(cell_text(c)) for c in cells]


def has_data(rows: list[list[Any]]) -> bool:
    """Whether any cell of the sheet holds something other than blanks."""
    return any(c is not None and cell_text(c).strip() for row in rows for c in row)


def score(cells: list[Any]) -> int:
    """How many known fields a row's cells name (a header scores 2 or more)."""
    return _score(cells)


def propose(headers: list[str]) -> dict[int, str | None]:
    """Remembered mapping for these exact headers, else one guessed from the synonyms.
    A field is proposed for one column only (the first that names it)."""
    remembered = remembered_mapping(headers)
    if remembered is not None:
        return remembered
    out: dict[int, str | None] = {}
    used: set[str] = set()
    custom = _custom_fields()
    meta = survey_columns(headers)
    for index, header in enumerate(headers):
        target = None if index in meta else guess_field(header)
        if target is None and header in custom:  # a custom field of this workspace
            target = CUSTOM + header
        elif header.endswith(CUSTOM_MARK) and len(header) > len(CUSTOM_MARK):
            target = CUSTOM + header[:-len(CUSTOM_MARK)].strip()  # written by our export
        if target in used:
            target = None
        if target:
            used.add(target)
        out[index] = target
    return out


def survey_columns(headers: list[str]) -> set[int]:
    """The columns a survey tool adds about the submission (提交时间, 来源, IP...), if the
    headers are a survey export's; none otherwise (a roster's 来源 is the member's)."""
    keys = [header_key(h) for h in headers]
    questions = sum(1 for h in headers if survey.is_question(h))
    if not survey.is_survey(keys, questions):
        return set()
    return {i for i, k in enumerate(keys) if survey.is_meta(k)}


def _custom_fields() -> set[str]:
    from models.members.cards import CustomField

    try:
        return {name for (name,) in tuples(CustomField.select(CustomField.name))}
    except AttributeError:  # no workspace open (the proxy is not initialised)
        return set()


def signature(headers: list[str]) -> str:
    joined = "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def remembered_mapping(headers: list[str]) -> dict[int, str | None] | None:
    try:
        stored = (settings.get(SETTINGS_KEY) or {}).get(signature(headers))
    except AttributeError:  # no workspace open (the proxy is not initialised)
        return None
    if not stored:
        return None
    return {int(k): v for k, v in stored.items() if int(k) < len(headers)}


def remember(headers: list[str], mapping: dict[int, str | None]) -> None:
    stored = dict(settings.get(SETTINGS_KEY) or {})
    key = signature(headers)
    stored.pop(key, None)
    stored[key] = {str(k): v for k, v in mapping.items()}
    while len(stored) > KEEP_MAPPINGS:  # dicts keep insertion order: drop the oldest
        stored.pop(next(iter(stored)))
    settings.put(SETTINGS_KEY, stored)


def mapping_by_header(headers: list[str], mapping: dict[int, str | None]) -> dict[str, str]:
    """The report's {"header text": "field"} (ignored columns left out)."""
    out: dict[str, str] = {}
    for index, target in mapping.items():
        if target and index < len(headers):
            out[headers[index] or f"#{index + 1}"] = target
    return out


def mapping_from_headers(headers: list[str], by_header: dict[str, str | None]
                         ) -> dict[int, str | None]:
    """A caller's {"header text": field} turned into column indexes (API / CLI use)."""
    out = propose(headers)
    for index, header in enumerate(headers):
        if header in by_header:
            out[index] = by_header[header]
    return out
