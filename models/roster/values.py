"""Turning spreadsheet cells into card values: dates, phones, tags, numbers, flags.

Cells arrive as str / float / int / bool / date / datetime (calamine, xlrd) or str (CSV).
Every function here returns (value, problem-code-or-None); the code is a key of
models.messages.MESSAGES so the report can say what went wrong in plain words.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from models.members.cards import clean_text

# Excel serial day 0: 1899-12-30 in the 1900 system (which counts a non-existent
# 1900-02-29), 1904-01-01 in the Mac 1904 system.
EPOCH_1900 = dt.date(1899, 12, 30)
EPOCH_1904 = dt.date(1904, 1, 1)
MIN_SERIAL, MAX_SERIAL = 1, 2958465  # 1900-01-01 .. 9999-12-31

TAG_SPLIT = re.compile(r"[,，、;；|｜\n\r]+")
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_YM = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MD = re.compile(r"^(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*日?$")
TRUE_WORDS = {"是", "有", "已加", "已添加", "好友", "y", "yes", "true", "1", "√", "✓", "✔", "对"}
FALSE_WORDS = {"否", "无", "没有", "未加", "n", "no", "false", "0", "×", "✗", ""}


def serial_to_date(serial: float, date1904: bool = False) -> dt.date | None:
    if not MIN_SERIAL <= serial <= MAX_SERIAL:
        return None
    return (EPOCH_1904 if date1904 else EPOCH_1900) + dt.timedelta(days=int(serial))


def parse_cell_date(value: Any, date1904: bool = False) -> tuple[dt.date | None, str | None]:
    """A date from whatever the cell holds; ('ambiguous_date') when day and month could swap.

    Text like 03/05/2024 is ambiguous (3 May or 5 March?): it is flagged, never guessed.
    A bare month-day ("3月5日") has no year: flagged too.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, dt.timedelta):  # calamine gives durations for time-only cells
        return None, "bad_date"
    if isinstance(value, bool):
        return None, "bad_date"
    if isinstance(value, (int, float)):
        serial_day = serial_to_date(float(value), date1904)
        return (serial_day, None) if serial_day else (None, "bad_date")
    text = clean_text(value, fold=True)
    if not text:
        return None, None
    for pattern in (_YMD, _COMPACT):
        if m := pattern.match(text):
            return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if m := _YM.match(text):
        return _ymd(int(m[1]), int(m[2]), 1)
    if m := _DMY.match(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if year < 100:
            return None, "ambiguous_date"
        if a <= 12 and b <= 12 and a != b:
            return None, "ambiguous_date"
        day, month = (a, b) if a > 12 else (b, a)
        return _ymd(year, month, day)
    if _MD.match(text):
        return None, "date_no_year"
    if re.fullmatch(r"\d+(\.\d+)?", text):  # a serial stored as text
        serial_day = serial_to_date(float(text), date1904)
        return (serial_day, None) if serial_day and float(text) > 10000 else (None, "bad_date")
    return None, "bad_date"


def _ymd(y: int, m: int, d: int) -> tuple[dt.date | None, str | None]:
    try:
        return dt.date(y, m, d), None
    except ValueError:
        return None, "bad_date"


def cell_text(value: Any) -> str:
    """A cell as the text the user sees: 13800138000.0 -> '13800138000', dates ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def phone_text(value: Any) -> str:
    """Numbers stored as numbers lose nothing here; 1.38001380e10 floats become digits."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return cell_text(value)


def split_tags(value: Any, fold: bool = True) -> list[str]:
    """Tag names (folded like models.members.tags does) or, with fold=False, group names."""
    return list(_split_tags(cell_text(value), fold))


@lru_cache(maxsize=4096)  # a column of tags repeats the same few cells
def _split_tags(text: str, fold: bool) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in TAG_SPLIT.split(text):
        name = clean_text(part, fold=fold)
        name = name.lstrip("#") if fold else name
        if name and name.lower() not in {k.lower() for k in seen}:
            seen[name] = None
    return tuple(seen)


def parse_flag(value: Any) -> tuple[bool | None, str | None]:
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)):
        return bool(value), None
    text = clean_text(value).lower()
    if text in TRUE_WORDS:
        return True, None
    if text in FALSE_WORDS:
        return False, None
    return None, "bad_flag"


def parse_int(value: Any) -> tuple[int | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, "bad_int"
    if isinstance(value, (int, float)):
        return (int(value), None) if float(value).is_integer() else (None, "bad_int")
    text = clean_text(value, fold=True).replace(",", "").replace("分", "")
    if not text:
        return None, None
    try:
        return int(text), None
    except ValueError:
        return None, "bad_int"
