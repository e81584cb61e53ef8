"""Cell values: dates in every form, phones, tags, and the fast paths equal the originals."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from models.members import normalize
from models.pinyin_keys import combined_keys, sort_key
from models.roster_pinyin import fast_keys
from models.roster_values import normalize_row, parse_cell_date, split_tags


@pytest.mark.parametrize(("value", "date1904", "expected", "problem"), [
    (45356, False, dt.date(2024, 3, 5), None),
    (43894, True, dt.date(2024, 3, 5), None),
    (45356.75, False, dt.date(2024, 3, 5), None),
    ("2024/3/5", False, dt.date(2024, 3, 5), None),
    ("2024年3月5日", False, dt.date(2024, 3, 5), None),
    ("2024.3.5", False, dt.date(2024, 3, 5), None),
    ("2024-03-05 10:30", False, dt.date(2024, 3, 5), None),
    ("20240305", False, dt.date(2024, 3, 5), None),
    ("2024年3月", False, dt.date(2024, 3, 1), None),
    ("25/12/2024", False, dt.date(2024, 12, 25), None),  # day > 12: not ambiguous
    ("03/05/2024", False, None, "ambiguous_date"),
    ("3/5/24", False, None, "ambiguous_date"),
    ("3月5日", False, None, "date_no_year"),
    ("2024/2/30", False, None, "bad_date"),
    ("明天", False, None, "bad_date"),
    (dt.datetime(2024, 3, 5, 9, 0), False, dt.date(2024, 3, 5), None),
    ("", False, None, None),
])
def test_dates(value, date1904, expected, problem):
    assert parse_cell_date(value, date1904) == (expected, problem)


def test_tags_split_on_every_separator():
    text = "AI,创业，读书、跑步;宝妈；亲子|运营\n社群 ,  #AI"
    assert split_tags(text) == ["AI", "创业", "读书", "跑步", "宝妈", "亲子", "运营", "社群"]


def test_normalize_row_equals_members_normalize():
    rng = random.Random(5)
    pieces = ["张三", "  李 四 ", "\u200b王五", "ｗａｎｇ", "Amy😀", "a\tb", "x\ny", "", "=1+1",
              "13800138000", "+86 138-0013-8000", "０１３８００１３８００２", "男", "female",
              "zhang_san1", "wxid_abc", "12", "中\u3000文", "\x07bell", "é", "x" * 300]
    fields = ["name", "nickname", "wechat_id", "phone", "gender", "city", "notes", "qq",
              "email", "company"]
    for _ in range(3000):
        raw = {f: rng.choice(pieces) for f in rng.sample(fields, rng.randint(1, len(fields)))}
        if rng.random() < 0.3:
            raw["joined_on"] = dt.date(2024, 1, rng.randint(1, 28))
        assert normalize_row(raw) == normalize(raw), raw


def test_fast_pinyin_keys_equal_pinyin_keys():
    rng = random.Random(7)
    chars = "张王李赵单曾解重长乐行朝查仇中国人民银行小明😀Ab 1·_"
    for _ in range(3000):
        name = "".join(rng.choice(chars) for _ in range(rng.randint(1, 6)))
        nick = rng.choice(["", "重庆小李", "Amy", name[::-1], "🎉🎉"])
        assert fast_keys(name, nick) == (*combined_keys(name, nick), sort_key(name))
