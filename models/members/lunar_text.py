"""Reading a lunar birthday the way owners type it in a roster or a form.

"农历三月初五", "阴历3月5日", "(农历)1990-03-05", "农历 1990.3.5", "3.5（农历）", "闰四月初八",
"旧历腊月廿三", "农历1990年冬月三十", "１９９０年农历正月十五", "一九九〇年农历三月初五"…

A text is lunar when it says so (农历 / 阴历 / 旧历 / 夏历 before or after, bracketed or
not), names a leap month (闰), or is written in the lunar style: 正月 / 冬月 / 腊月, or a day
in Chinese numerals (初五, 十五, 廿三, 三十) without 日. Anything else ("3月5日",
"1990-03-05") is not lunar and is read as a solar date elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from models.members import lunar
from models.members.lunar import DAYS, LunarDate
from models.members.text import clean_text
from models.messages import msg

_MARK = re.compile(r"[(\[【〔]?\s*(?:农历|阴历|旧历|夏历)\s*[)\]】〕]?\s*[:：]?")
# A quick test for the importer: solar dates never contain any of these.
_HINT = re.compile(r"农历|阴历|旧历|夏历|闰|初|廿|卅|正月|冬月|腊月|[一二三四五六七八九十]月")
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_MONTH_WORDS = {"正": 1, "元": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12, "十": 10,
                **{w: n for w, n in _CN_DIGITS.items() if n}}
_DAY_WORDS = {word: n for n, word in enumerate(DAYS, 1)}
_DAY_WORDS.update({"卅": 30, "廿": 20, "初十": 10, "十": 10,
                   **{f"二十{w}": 20 + n for w, n in _CN_DIGITS.items() if n}})
_NUMERIC = re.compile(r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_WORDS = re.compile(r"^(?:([\d〇零○一二三四五六七八九]{4})\s*年?)?\s*(闰)?\s*"
                    r"(\d{1,2}|[正元冬腊一二三四五六七八九十]{1,2})\s*月\s*(份)?\s*"
                    r"(\d{1,2}|[初十廿卅一二三四五六七八九]{1,3})\s*([日号])?$")


class LunarTextError(ValueError):
    """A text that is a lunar date but not a possible one; str() is the user's message."""


def looks_lunar(text: str) -> bool:
    """Whether a cell might hold a lunar date (cheap: decides whether to parse at all)."""
    return _HINT.search(text) is not None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    return int("".join(str(_CN_DIGITS[ch]) for ch in text))


def parse(value: Any) -> LunarDate | None:
    """The lunar birthday in `value`, None if it is not a lunar text; LunarTextError if it
    is one that cannot be (month 13, day 31, 闰 with a year-less numeric form is fine)."""
    if value is None or not isinstance(value, str):
        return None
    text = clean_text(value, fold=True)
    said = _MARK.search(text) is not None
    text = _MARK.sub(" ", text).strip()
    leap = "闰" in text
    if leap and not re.search(r"闰\s*[\d正元冬腊一二三四五六七八九十]", text):
        return None
    if not said and not leap and not looks_lunar(text):
        return None
    # "1990年农历三月初五" leaves "1990年 三月初五"; spaces never matter inside a date.
    text = re.sub(r"\s+", "", text)
    if m := _WORDS.match(text):
        year, month_text, day_text, day_mark = m[1], m[3], m[5], m[6]
        lunar_style = (not month_text.isdigit() and month_text in "正元冬腊") or \
            (not day_text.isdigit() and day_mark is None)
        if not (said or leap or lunar_style):
            return None  # "三月十五日": a solar date written in words
        month = int(month_text) if month_text.isdigit() else _MONTH_WORDS.get(month_text, 0)
        day = int(day_text) if day_text.isdigit() else _DAY_WORDS.get(day_text, 0)
        return _checked(_year(year), month, day, leap, value, month_text, day_text)
    if said or leap:
        m = _NUMERIC.match(text.replace("闰", "")) or _COMPACT.match(text)
        if m:
            year = int(m[1]) if m[1] else None
            return _checked(year, int(m[2]), int(m[3]), leap, value, m[2], m[3])
        raise LunarTextError(msg("bad_date", field="birthday", value=clean_text(value)))
    return None


def _checked(year: int | None, month: int, day: int, leap: bool, value: str,
             month_text: str, day_text: str) -> LunarDate:
    if not 1 <= month <= 12:
        raise LunarTextError(msg("lunar_bad_month", value=f"{month_text}月"))
    if not 1 <= day <= 30:
        raise LunarTextError(msg("lunar_bad_day", value=day_text))
    return LunarDate(month, day, leap, year)


def read_birthday(value: Any, clean: dict[str, Any], errors: dict[str, str]) -> bool:
    """A card's birthday value into `clean`'s two columns when it is lunar (a LunarDate
    from the card, or text such as "农历三月初五" from a roster), with what is wrong in
    `errors`; False when it is a solar date (models.members.cards checks it as such)."""
    try:
        found = value if isinstance(value, lunar.LunarDate) else parse(value)
    except LunarTextError as exc:
        errors["birthday"] = str(exc)
        return True
    if found is None:
        clean["lunar_birthday"] = None
        return False
    born = None
    if found.year is not None:
        this_year = dt.date.today().year
        if not lunar.FIRST_YEAR <= found.year <= this_year:
            errors["birthday"] = msg("lunar_bad_year", year=found.year)
            return True
        try:
            born = lunar.to_solar(found)
        except ValueError as exc:
            errors["birthday"] = msg(str(exc), year=found.year, n=found.month,
                                     month=lunar.MONTHS[found.month - 1])
            return True
        if born > dt.date.today():
            errors["birthday"] = msg("lunar_future", value=lunar.describe(found))
            return True
    clean["birthday"], clean["lunar_birthday"] = born, found.key
    return True
