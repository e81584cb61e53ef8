"""Turning spreadsheet cells into card values: dates, phones, tags, numbers, flags.

Cells arrive as str / float / int / bool / date / datetime (calamine, xlrd) or str (CSV).
Every function here returns (value, problem-code-or-None); the code is a key of
models.messages.MESSAGES so the report can say what went wrong in plain words.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

from models.members import (
    DEFAULT_MAX,
    FOLDED_FIELDS,
    MAX_LENGTH,
    TEXT_FIELDS,
    check_text_fields,
    clean_text,
    normalize,
    normalize_phone,
)
from models.messages import msg

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
        day = serial_to_date(float(value), date1904)
        return (day, None) if day else (None, "bad_date")
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
        day = serial_to_date(float(text), date1904)
        return (day, None) if day and float(text) > 10000 else (None, "bad_date")
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
    """Tag names (folded like models.tags does) or, with fold=False, group names."""
    text = cell_text(value)
    seen: dict[str, None] = {}
    for part in TAG_SPLIT.split(text):
        name = fast_clean(part, fold=fold)
        name = name.lstrip("#") if fold else name
        if name and name.lower() not in {k.lower() for k in seen}:
            seen[name] = None
    return list(seen)


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


# ---------------------------------------------------------------- fast cleaning
# models.members.normalize() is the authority on what a clean card value is, but it
# walks every character in Python (~10 µs a cell). Most roster cells are already
# clean: for those, `fast_clean` returns them as they are - exactly what clean_text
# would return - and only the others go through clean_text. normalize_row() gives
# the same result as normalize() (tests compare the two on many rows).

_UNSAFE = re.compile("[\x00-\x1f\x7f-\xa0\u00ad\u1680\u2000-\u200d\u2028-\u202f\u205f"
                     "\u2060\u3000\ufeff\uff01-\uff5e]|  |^ | $")


def fast_clean(value: Any, fold: bool = False) -> str:
    text = value if isinstance(value, str) else cell_text(value)
    if _UNSAFE.search(text) is None:
        return text
    return clean_text(text, fold=fold)


def fast_phone(value: Any) -> str:
    text = phone_text(value)
    if len(text) == 11 and text.isascii() and text.isdigit() and text[0] == "1":
        return text
    return normalize_phone(value)


_DATE_KEYS = frozenset(("birthday", "joined_on", "left_on", "next_contact_on"))


def _dates(values: dict[str, dt.date]) -> tuple[dict[str, Any], dict[str, str]]:
    """normalize()'s date checks, for values that are already dates."""
    errors: dict[str, str] = {}
    today = _today()
    for key, day in values.items():
        if key != "next_contact_on":
            if day > today:
                errors[key] = msg("future_date", field=key)
            elif day.year < 1900:
                errors[key] = msg("bad_date", field=key, value=day)
    joined, left = values.get("joined_on"), values.get("left_on")
    if joined and left and left < joined:
        errors["left_on"] = msg("left_before_join")
    return dict(values), errors


_JOIN = "\ue000"  # a private-use character: never in a roster, not in _UNSAFE
_ROW_UNSAFE = re.compile(_UNSAFE.pattern + "| \ue000|\ue000 ")
_LIMITS = {f: MAX_LENGTH.get(f, DEFAULT_MAX) for f in TEXT_FIELDS}
_TODAY: list[Any] = [0.0, None]


def _today() -> dt.date:
    """dt.date.today(), looked up at most once a second (it is asked once per row)."""
    now = time.monotonic()
    if now - _TODAY[0] > 1.0:
        _TODAY[:] = [now, dt.date.today()]
    return _TODAY[1]


def normalize_row(raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """members.normalize(raw), faster for clean text; same values, same messages."""
    texts: dict[str, Any] = {}
    others: dict[str, Any] = {}
    for key, value in raw.items():
        (texts if key in _LIMITS else others)[key] = value
    if not others:
        clean, errors = {}, {}
    elif all(k in _DATE_KEYS and type(v) is dt.date for k, v in others.items()):
        clean, errors = _dates(others)  # the usual case: dates already parsed
    else:
        clean, errors = normalize(others)
    plain = [v for k, v in texts.items() if k != "phone"]
    # One search over the whole row decides whether any text needs cleaning at all.
    if all(type(v) is str for v in plain) and _ROW_UNSAFE.search(_JOIN.join(plain)) is None:
        clean.update(texts)
        if "phone" in texts:
            clean["phone"] = fast_phone(texts["phone"])
    else:
        for key, value in texts.items():
            clean[key] = (fast_phone(value) if key == "phone"
                          else fast_clean(value, fold=key in FOLDED_FIELDS))
    for key in texts:
        if len(clean[key]) > _LIMITS[key]:
            errors[key] = msg("too_long", field=key, limit=_LIMITS[key])
    check_text_fields(raw, clean, errors)
    return clean, errors
