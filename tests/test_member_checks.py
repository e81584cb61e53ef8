"""A card's checks made a column at a time (the import) agree with one card at a time."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from models.members.checks import normalize, normalize_columns

VALUES = {
    "name": ["张三", " 李 四 ", "Zoe\u0308", "", "\u200b", "x" * 60, "周\n九", None, 12345.0],
    "nickname": ["阿三", "", "  ", "ｎｉｃｋ", "y" * 90],
    "wechat_id": ["wx_abcdef", "ab c def g", "12", "", "ｗｘ＿ａｂｃｄｅｆ"],
    "phone": ["13800138000", "+86 138-0013-8000", 13800138000.0, "abc", "", "010-12345678"],
    "gender": ["男", "female", "M", "其他", "?", ""],
    "notes": ["第一行\n第二行", "a\x07b", "", "z" * 100_001],
    "birthday": [dt.date(1990, 5, 6), dt.datetime(2099, 1, 1), "1899-12-01", "农历三月初五",
                 "农历1990年腊月廿三", "农历十三月", None, "not a date"],
    "joined_on": [dt.date(2020, 1, 1), None, "2021-02-03", "bad"],
    "left_on": [dt.date(2019, 1, 1), dt.date(2022, 1, 1), None],
    "entry_fee": ["¥1,200", "-5", "abc", None, "", Decimal("99.5"), "inf"],
    "is_friend": [True, False, 0, 1],
    "inviter": [None, 3, ""],
}


def test_columns_give_what_each_card_gives():
    rng = random.Random(7)
    cards = []
    for _ in range(400):
        fields = rng.sample(sorted(VALUES), rng.randint(1, len(VALUES)))
        cards.append({f: rng.choice(VALUES[f]) for f in fields})
    one_by_one = [normalize(card) for card in cards]
    columns: dict[str, dict[int, object]] = {}
    for row, card in enumerate(cards):
        for field, value in card.items():
            columns.setdefault(field, {})[row] = value
    clean, errors = normalize_columns(columns)
    together = [({f: c[row] for f, c in clean.items() if row in c}, errors.get(row, {}))
                for row in range(len(cards))]
    assert together == one_by_one
    assert any(e for _, e in one_by_one) and any(not e for _, e in one_by_one)
    # each row's errors in the order one card's check finds them
    assert [list(e) for _, e in together] == [list(e) for _, e in one_by_one]


def test_a_column_of_plain_mobiles_is_checked_at_once_with_the_same_result():
    phones = ["13800138000", "19912345678", "15000000001"]
    clean, errors = normalize_columns({"phone": dict(enumerate(phones))})
    assert clean["phone"] == dict(enumerate(phones)) and errors == {}
    # one that is not (a full-width digit, a 12-digit number) takes the per-value path
    mixed = [*phones, "１3800138000", "138001380001"]
    clean, errors = normalize_columns({"phone": dict(enumerate(mixed))})
    assert [clean["phone"][i] for i in range(5)] == [normalize(
        {"phone": p})[0]["phone"] for p in mixed]
    assert list(errors) == [4] and errors[4] == normalize({"phone": mixed[4]})[1]


def test_a_column_of_dates_is_checked_at_once_with_the_same_result():
    days = [dt.date(1990, 5, 6), dt.date(2001, 1, 2), dt.date(2020, 12, 31)]
    for extra in ([], [dt.date(2999, 1, 1)], [dt.date(1850, 3, 3)]):
        column = days + extra
        clean, errors = normalize_columns({"birthday": dict(enumerate(column)),
                                           "joined_on": dict(enumerate(column))})
        one = [normalize({"birthday": d, "joined_on": d}) for d in column]
        assert [{f: clean[f][i] for f in clean if i in clean[f]} for i in range(len(column))] \
            == [c for c, _ in one]
        assert [errors.get(i, {}) for i in range(len(column))] == [e for _, e in one]
        assert bool(errors) == bool(extra)
