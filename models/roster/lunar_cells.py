"""Birthday cells that hold a lunar date (农历生日), for the importer (models/roster/convert).

A cell is lunar when its text says so ("农历三月初五", "3.5（农历）", see
models/members/lunar_text.py), or when its column does: under a "农历生日" header a plain
"3月5日", or a date Excel made of "1990-03-05", is the lunar date the owner typed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from models.roster.values import serial_to_date

LUNAR_HEADER = re.compile(r"农历|阴历|旧历")


def is_lunar_cell(value: Any, column: str) -> bool:
    if LUNAR_HEADER.search(column) is not None:
        return True
    if type(value) is not str:  # a date cell: the lunar modules are not even loaded
        return False
    from models.members.lunar_text import looks_lunar

    return looks_lunar(value)


def lunar_cell(value: Any, date1904: bool, column: str) -> Any:
    """The cell as the card's normalize() reads a lunar birthday: text, or a LunarDate."""
    if not LUNAR_HEADER.search(column):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = serial_to_date(float(value), date1904) or value
    if isinstance(value, dt.datetime):
        value = value.date()
    from models.members.lunar import LunarDate
    from models.members.lunar_text import looks_lunar

    if isinstance(value, dt.date):
        return LunarDate(value.month, value.day, False, value.year)
    return value if type(value) is not str or looks_lunar(value) else f"农历{value}"
