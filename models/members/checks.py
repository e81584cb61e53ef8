"""A card's fields, and their values cleaned and checked: one card (normalize) or a whole
column of them at a time (normalize_columns, the roster import's check).

Both are one set of rules: normalize() is normalize_columns() over a single card.
Working a field at a time over 10,000s of rows keeps each rule one tight loop (or one
C call over the column) instead of one Python dispatch per field per card.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any
from unicodedata import is_normalized

from models.members.phones import mobile_digits, phone_kind
from models.members.text import _NEEDS_CLEANING, _NEEDS_FOLDING, clean_name, clean_text, one_line
from models.messages import msg

GENDERS = ("", "男", "女", "其他")

# Card fields in the order the card shows them; also the import/export field names.
TEXT_FIELDS = (
    "name", "nickname", "wechat_name", "wechat_id", "phone", "qq", "email", "gender", "city",
    "job_title", "industry", "company", "expertise", "needs", "hobbies", "family",
    "source", "notes",
)
DATE_FIELDS = ("birthday", "joined_on", "left_on", "next_contact_on")
CARD_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, "entry_fee", "is_friend", "inviter")
# Notes hold whatever the owner (or a spreadsheet cell, 32,767 characters at most) puts in.
MAX_LENGTH = {"name": 50, "nickname": 80, "wechat_name": 80, "notes": 100_000, "needs": 5000,
              "expertise": 5000, "hobbies": 5000, "family": 5000}
DEFAULT_MAX = 200
TEXT_LIMITS = {f: MAX_LENGTH.get(f, DEFAULT_MAX) for f in TEXT_FIELDS}

FOLDED_FIELDS = ("name", "wechat_id", "phone", "qq", "email")
_FOLDED = frozenset(FOLDED_FIELDS)
# Fields of more than one line; every other text field is kept on one line.
MULTILINE_FIELDS = frozenset({"expertise", "needs", "hobbies", "family", "notes"})
WECHAT_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]{5,19}|wxid_[A-Za-z0-9_-]{1,30}|\d{5,15})$")
_PAST_ONLY = ("birthday", "joined_on", "left_on")
_GENDER_WORDS = {"m": "男", "male": "男", "f": "女", "female": "女"}

Column = dict[int, Any]  # row -> value, for the rows that have the field


class ValidationError(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors.values()))


def normalize_phone(value: Any) -> str:
    """'+86 138-0013-8000' / 13800138000.0 -> '13800138000': a mobile becomes its 11
    digits; anything else (a landline, an international number, or no number at all,
    which the checks flag) is kept as written, cleaned (models.members.phones)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if type(value) is str else str(value)
    if text.isdigit() and text.isascii() and not text.startswith("0086") \
            and not (len(text) == 13 and text.startswith("86")):
        return text  # plain digits without a country code: nothing to take off
    text = clean_text(text, fold=True)
    return mobile_digits(text) or text


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def normalize(data: dict[str, Any], verified: frozenset[str] = frozenset()
              ) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean a card's values and check them; returns (clean values, errors by field)."""
    clean, errors = normalize_columns({field: {0: value} for field, value in data.items()},
                                      verified)
    return {field: column[0] for field, column in clean.items() if 0 in column}, errors.get(0, {})


def normalize_columns(data: dict[str, Column], verified: frozenset[str] = frozenset()
                      ) -> tuple[dict[str, Column], dict[int, dict[str, str]]]:
    """normalize() over many cards: `data` holds a column per field; returns the clean
    columns and each row's errors by field (rows without any are left out). `verified`:
    text fields the caller has checked already (models.members.text.all_clean over the
    whole column): their cleaning is skipped, every check still made."""
    clean: dict[str, Column] = {}
    errors: dict[int, dict[str, str]] = {}

    def fail(row: int, field: str, message: str) -> None:
        errors.setdefault(row, {})[field] = message

    mobiles = False  # the phone column: plain mobiles already, as the checks want them
    for field, limit in TEXT_LIMITS.items():
        if field not in data:
            continue
        column = data[field]
        if field == "phone":
            mobiles = _all_mobiles(column)
            if not mobiles:  # a column of plain mobiles stays as it is
                column = {row: normalize_phone(value) for row, value in column.items()}
        elif field not in verified:
            column = _cleaned(column, field in _FOLDED, field in MULTILINE_FIELDS)
        if field == "name" and " " in "".join(column.values()):
            column = {row: clean_name(v) if " " in v else v for row, v in column.items()}
        if column and max(map(len, column.values())) > limit:
            for row, value in column.items():
                if len(value) > limit:
                    fail(row, field, msg("too_long", field=field, limit=limit))
        clean[field] = column
    _check_texts(data, clean, fail, mobiles)
    lunar = _lunar_birthdays(data["birthday"], clean, fail) if "birthday" in data else set()
    today = dt.date.today()
    for field in DATE_FIELDS:
        if field not in data:
            continue
        days = clean.setdefault(field, {})
        column = data[field]
        if _all_plain_days(column, lunar if field == "birthday" else set(), today,
                           field in _PAST_ONLY):
            days.update(column)  # an import's column of dates (the cells Excel made)
            continue
        for row, value in column.items():
            if field == "birthday" and row in lunar:
                continue
            try:
                day = days[row] = parse_date(value)
            except (ValueError, TypeError):
                fail(row, field, msg("bad_date", field=field, value=value))
                continue
            if day and field in _PAST_ONLY:
                if day > today:
                    fail(row, field, msg("future_date", field=field))
                elif day.year < 1900:
                    fail(row, field, msg("bad_date", field=field, value=value))
    if "joined_on" in clean and "left_on" in clean:
        joined = clean["joined_on"]
        for row, left in clean["left_on"].items():
            if left and (came := joined.get(row)) and left < came:
                fail(row, "left_on", msg("left_before_join"))
    if "entry_fee" in data:
        clean["entry_fee"] = _fees(data["entry_fee"], fail)
    if "is_friend" in data:
        clean["is_friend"] = {row: bool(value) for row, value in data["is_friend"].items()}
    if "inviter" in data:
        clean["inviter"] = {row: value or None for row, value in data["inviter"].items()}
    return clean, errors


# Mobiles as an import reads them from number cells: 11 ASCII digits, one per line.
_MOBILES = re.compile(r"(?:1[3-9][0-9]{9}\n)*1[3-9][0-9]{9}")


def _all_mobiles(column: Column) -> bool:
    """Whether every value is a mobile number already as normalize_phone() leaves it (and
    phone_kind() passes): one regex over the column instead of two calls per value."""
    values = column.values()
    return bool(values) and set(map(type, values)) == {str} \
        and _MOBILES.fullmatch("\n".join(values)) is not None


def _all_plain_days(column: Column, lunar: set[int], today: dt.date, past_only: bool) -> bool:
    """Whether every value is a date that parse_date() keeps and the checks pass (none
    later than today or before 1900 where that matters): checked in C, over the column."""
    values = column.values()
    if not values or lunar or set(map(type, values)) != {dt.date}:
        return False
    return not past_only or (max(values) <= today and min(values).year >= 1900)


def _cleaned(column: Column, fold: bool, multiline: bool) -> Column:
    """clean_text() (and one_line()) over a column, with its quick check inlined: clean
    text, nearly all of it, stays as it is after one regex search."""
    needs = (_NEEDS_FOLDING if fold else _NEEDS_CLEANING).search
    out: Column = {}
    for row, value in column.items():
        if type(value) is not str or needs(value) is not None \
                or not (value.isascii() or is_normalized("NFC", value)):
            value = clean_text(value, fold=fold)
            if not multiline:
                value = one_line(value)
        out[row] = value
    return out


Fail = Callable[[int, str, str], None]


def _check_texts(data: dict[str, Column], clean: dict[str, Column], fail: Fail,
                 mobiles: bool) -> None:
    """The checks on cleaned text fields: required name, phone and WeChat ID formats, gender.
    `mobiles`: the phone column was found to be plain mobiles before cleaning."""
    if "name" in data:
        names = clean["name"]
        for row in data["name"]:
            if not names[row]:
                fail(row, "name", msg("required", field="name"))
    phones = clean.get("phone", {})
    if not (mobiles or _all_mobiles(phones)):  # cleaning may have made them plain
        for row, phone in phones.items():
            if phone and phone_kind(phone) is None:
                fail(row, "phone", msg("bad_phone", value=phone))
    if "wechat_id" in clean:
        ids: Column = {}
        for row, value in clean["wechat_id"].items():
            wid = value.replace(" ", "")
            ids[row] = wid or None
            if wid and not WECHAT_RE.match(wid):
                fail(row, "wechat_id", msg("bad_wechat", value=wid))
        clean["wechat_id"] = ids
    if "gender" in clean:
        clean["gender"] = {row: g if g in GENDERS else _GENDER_WORDS.get(g.lower(), "其他")
                           for row, g in clean["gender"].items()}


def _lunar_birthdays(column: Column, clean: dict[str, Column], fail: Fail) -> set[int]:
    """农历生日 (a LunarDate, or text such as "农历三月初五") fills both birthday columns;
    returns the rows that were lunar (right or wrong). A date or nothing is solar."""
    keys = clean.setdefault("lunar_birthday", {})
    days = clean.setdefault("birthday", {})
    lunar: set[int] = set()
    for row, value in column.items():
        if value is None or type(value) in (dt.date, dt.datetime):
            keys[row] = None
            continue
        from models.members.lunar_text import read_birthday  # lunar_python on first use

        one: dict[str, Any] = {}
        problems: dict[str, str] = {}
        if read_birthday(value, one, problems):
            lunar.add(row)
        for field, found in one.items():
            (days if field == "birthday" else keys)[row] = found
        if "birthday" in problems:
            fail(row, "birthday", problems["birthday"])
    return lunar


def _fees(column: Column, fail: Fail) -> Column:
    out: Column = {}
    for row, raw in column.items():
        if raw in (None, ""):
            out[row] = None
            continue
        try:
            fee = Decimal(str(raw).replace("¥", "").replace("元", "").replace(",", "").strip())
            if not fee.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            fail(row, "entry_fee", msg("bad_number", field="entry_fee", value=raw))
            continue
        if fee < 0:
            fail(row, "entry_fee", msg("negative", field="entry_fee"))
        out[row] = fee
    return out
