"""How a message template is filled in for one member (no database, no Qt).

A placeholder is a word in braces: {称呼}, {群昵称}, {姓名}, {活动}, {日期}, {时间}, {地点},
{群名} (also {微信昵称}, {城市}), or its English alias ({salutation}, {nickname}, {name},
{activity}, {date}, {time}, {place}, {group}, {wechat_name}, {city}), in ASCII or full-width
braces (｛称呼｝, as a Chinese input method types them), with spaces inside allowed
({ 称呼 }). "{{" and "}}" stand for a literal brace.

A placeholder that has no value for this member (no group nickname, no activity) or that
is not known at all is left in the text exactly as written and reported, so a preview can
show it and nothing copied for a member still holds "{活动}".

称呼 (salutation) is predictable on purpose: the group nickname's first segment (owners
write nicknames as "小明-杭州-设计": the part before the first -, _, |, / or space), else
the name. Dates and times are written as owners write them: 12月13日（周六）14:00 in a
Chinese message, Sat 13 Dec 14:00 in an English one (the year only when it is not this
year's); a message is Chinese when its text holds any Chinese character.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# canonical key -> (Chinese name, English alias, other spellings owners use)
PLACEHOLDERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "salutation": ("称呼", "salutation", ()),
    "nickname": ("群昵称", "nickname", ("昵称",)),
    "name": ("姓名", "name", ("名字",)),
    "wechat_name": ("微信昵称", "wechat_name", ()),
    "city": ("城市", "city", ()),
    "activity": ("活动", "activity", ("活动名称",)),
    "date": ("日期", "date", ()),
    "time": ("时间", "time", ()),
    "place": ("地点", "place", ()),
    "group": ("群名", "group", ("群名称",)),
}
MEMBER_KEYS = ("salutation", "nickname", "name", "wechat_name", "city")
ACTIVITY_KEYS = ("activity", "date", "time", "place")

_LOOKUP: dict[str, str] = {}
for _key, (_zh, _en, _more) in PLACEHOLDERS.items():
    for _spelling in (_zh, _en, *_more):
        _LOOKUP[_spelling.lower()] = _key

# "{{" / "}}" (a literal brace) or a placeholder in ASCII or full-width braces.
_TOKEN = re.compile(r"\{\{|\}\}|[{｛][ \t　]*([^{}｛｝\n]{1,24}?)[ \t　]*[}｝]")
_SEPARATORS = re.compile(r"[-－—–_|｜/／\s]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_ZH_WEEKDAYS = "一二三四五六日"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def key_of(word: str) -> str | None:
    """The placeholder a word in braces stands for ("称呼", "Salutation" -> "salutation")."""
    return _LOOKUP.get(word.strip().lower())


def label(key: str, language: str) -> str:
    """How a placeholder is written in a message of that language: 称呼 / salutation."""
    zh, en, _ = PLACEHOLDERS[key]
    return en if language == "en" else zh


def text_language(text: str) -> str:
    """"zh" when the text holds a Chinese character (or full-width punctuation) outside its
    placeholders, else "en"."""
    return "zh" if _CJK.search(_TOKEN.sub("", text or "")) else "en"


def salutation(nickname: str, name: str) -> str:
    """The group nickname's first segment ("小明-杭州-设计" -> "小明"), else the name."""
    for part in _SEPARATORS.split((nickname or "").strip()):
        if part:
            return part
    return (name or "").strip()


def format_date(day: dt.date, language: str, today: dt.date | None = None) -> str:
    """12月13日（周六） / Sat 13 Dec; with the year when it is not this year's."""
    this_year = (today or dt.date.today()).year
    if language == "en":
        text = f"{_EN_WEEKDAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]}"
        return text if day.year == this_year else f"{text} {day.year}"
    text = f"{day.month}月{day.day}日（周{_ZH_WEEKDAYS[day.weekday()]}）"
    return text if day.year == this_year else f"{day.year}年{text}"


def format_time(start: dt.datetime, end: dt.datetime | None = None) -> str:
    """14:00, or 14:00-16:00 when it ends the same day."""
    text = f"{start:%H:%M}"
    if end is not None and end.date() == start.date() and end > start:
        text += f"-{end:%H:%M}"
    return text


@dataclass(frozen=True)
class Token:
    """A placeholder as written in a text: where it is, what it says, what it stands for."""

    start: int
    end: int
    written: str  # as in the text, braces included: "｛称呼｝"
    word: str  # inside the braces: "称呼"
    key: str | None  # None: not a placeholder this app knows


def tokens(text: str) -> list[Token]:
    """Every placeholder in a text, known or not ("{{" and "}}" are not placeholders)."""
    found = []
    for match in _TOKEN.finditer(text or ""):
        word = match.group(1)
        if word is None:
            continue
        found.append(Token(match.start(), match.end(), match.group(0), word.strip(),
                           key_of(word)))
    return found


def unknown_words(text: str) -> list[str]:
    """The words in braces that are no placeholder, once each, in order (for an editor)."""
    return list(dict.fromkeys(t.word for t in tokens(text) if t.key is None))


@dataclass(frozen=True)
class Part:
    """A piece of a filled-in text: "text" as written, a "value" put in, or a placeholder
    left as written because it is "missing" (no value) or "unknown"."""

    kind: str
    text: str
    key: str | None = None


@dataclass
class Filled:
    text: str
    parts: list[Part] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # keys without a value, once each
    unknown: list[str] = field(default_factory=list)  # words in braces, once each

    @property
    def complete(self) -> bool:
        """Every placeholder got a value: the text can be sent as it is."""
        return not self.missing and not self.unknown


def fill(text: str, values: dict[str, str]) -> Filled:
    """The text with each placeholder replaced by its value (empty values count as missing)."""
    text = text or ""
    parts: list[Part] = []
    missing: list[str] = []
    unknown: list[str] = []
    plain: list[str] = []
    at = 0

    def literal(piece: str) -> None:
        if piece:
            plain.append(piece)

    def flush() -> None:
        if plain:
            parts.append(Part("text", "".join(plain)))
            plain.clear()

    for match in _TOKEN.finditer(text):
        literal(text[at:match.start()])
        at = match.end()
        word = match.group(1)
        if word is None:  # "{{" or "}}"
            literal(match.group(0)[0])
            continue
        key = key_of(word)
        value = (values.get(key) or "").strip() if key else ""
        flush()
        if key is None:
            parts.append(Part("unknown", match.group(0)))
            unknown.append(word.strip())
        elif not value:
            parts.append(Part("missing", match.group(0), key))
            missing.append(key)
        else:
            parts.append(Part("value", value, key))
    literal(text[at:])
    flush()
    return Filled("".join(p.text for p in parts), parts, list(dict.fromkeys(missing)),
                  list(dict.fromkeys(unknown)))


def still_unfilled(text: str) -> list[str]:
    """The placeholders a text (a filled-in text the owner may have edited) still holds,
    as written: it must not be sent while there are any."""
    return list(dict.fromkeys(t.written for t in tokens(text)))
