"""Cell values: dates in every form, phones, tags, and the fast paths equal the originals."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata

import pytest
import roster_samples

from models.members import cards as members
from models.members import text as text_module
from models.members.cards import normalize, normalize_phone
from models.members.pinyin_bulk import fast_keys
from models.members.pinyin_keys import combined_keys, sort_key
from models.roster.values import parse_cell_date, split_tags


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


def _reference_clean_text(value, fold=False):
    """members.clean_text as it was before its fast path: every character looked at."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value).translate(text_module._INVISIBLE))
    if fold:
        text = "".join(unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" else ch
                       for ch in text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text_module._SPACES.sub(" ", text).strip() if "\n" not in text else text.strip()


def _reference_normalize_phone(value):
    """A mobile becomes its 11 digits; anything else stays as written (cleaned)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _reference_clean_text(value, fold=True)
    digits = re.sub(r"[\s\-()（）.]", "", text)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
            break
    else:
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
    return digits if re.fullmatch(r"1[3-9]\d{9}", digits) else text


def test_normalize_fast_path_equals_character_by_character(monkeypatch):
    rng = random.Random(5)
    pieces = ["张三", "  李 四 ", "\u200b王五", "ｗａｎｇ", "Amy😀", "a\tb", "x\ny", "", "=1+1",
              "13800138000", "+86 138-0013-8000", "０１３８００１３８００２", "男", "female",
              "zhang_san1", "wxid_abc", "12", "中\u3000文", "\x07bell", "é", "x" * 300,
              "老朋友，喜欢跑步！", "8613800138000", "008613800138000", "0571 8888 6666"]
    fields = ["name", "nickname", "wechat_id", "phone", "gender", "city", "notes", "qq",
              "email", "company"]
    rows = []
    for _ in range(3000):
        raw = {f: rng.choice(pieces) for f in rng.sample(fields, rng.randint(1, len(fields)))}
        if rng.random() < 0.3:
            raw["joined_on"] = dt.date(2024, 1, rng.randint(1, 28))
        rows.append(raw)
    fast = [normalize(raw) for raw in rows]
    monkeypatch.setattr(members, "clean_text", _reference_clean_text)
    monkeypatch.setattr(members, "normalize_phone", _reference_normalize_phone)
    for raw, result in zip(rows, fast, strict=True):
        assert result == normalize(raw), raw


@pytest.mark.parametrize("fold", [False, True])
def test_text_passing_the_quick_check_is_clean(fold):
    """Every character the quick check lets through is one clean_text() keeps as it is."""
    regex = text_module._NEEDS_FOLDING if fold else text_module._NEEDS_CLEANING

    class Quick:  # the whole quick check: the regex, then NFC
        @staticmethod
        def search(text):
            return regex.search(text) or (None if text_module.is_nfc(text) else text)

    quick = Quick
    chars = [chr(c) for c in (*range(0xD800), *range(0xE000, 0x10000), *range(0x1F000, 0x20000))]
    kept = [c for c in chars if quick.search(c) is None]
    assert not any(c.isspace() for c in kept)
    # Each alone (joined, a combining mark after a letter composes: NFC's business).
    assert [c for c in kept if _reference_clean_text(c, fold) != c] == []
    for value in ("Zoe\u0308", "Zoë", "e\u0301t\u00e9"):  # decomposed: not let through
        assert (quick.search(value) is None) == (_reference_clean_text(value, fold) == value)
    for value in ("a b", " a", "a ", "a  b", "a\u3000b", "a\tb"):  # spaces: only where they go
        assert (quick.search(value) is None) == (_reference_clean_text(value, fold) == value)


@pytest.mark.parametrize("value", [
    "13800138000", 13800138000, 13800138000.0, "+86 138-0013-8000", "8613800138000",
    "008613800138000", "86138001380", "１３８００１３８０００", "057188886666", "0571-8888 6666",
    "", None, True, 1.5, "１２", "138 0013 8000", " 13800138000 ", "\u200b13800138000",
    "021-12345678", "（0571）8888 6666", "1.38001E+10", "+1 415 555 0100", "不方便留",
])
def test_phone_fast_path_equals_reference(value):
    assert normalize_phone(value) == _reference_normalize_phone(value)


def test_fast_pinyin_keys_equal_pinyin_keys():
    rng = random.Random(7)
    chars = "张王李赵单曾解重长乐行朝查仇中国人民银行小明😀Ab 1·_"
    for _ in range(3000):
        name = "".join(rng.choice(chars) for _ in range(rng.randint(1, 6)))
        nick = rng.choice(["", "重庆小李", "Amy", name[::-1], "🎉🎉"])
        assert fast_keys(name, nick) == (*combined_keys(name, nick), sort_key(name))


def test_fast_pinyin_keys_of_a_real_rosters_variety_equal_pinyin_keys():
    """Names and nicknames from the 3,755 common characters: prepared in bulk, their
    words come from the word table; one by one, pypinyin reads them."""
    from models.members.pinyin_bulk import prepare_keys

    rng = random.Random(11)
    pairs = [roster_samples.varied_name(rng) for _ in range(3000)]
    prepare_keys(pairs)
    for name, nick in pairs:
        assert fast_keys(name, nick) == (*combined_keys(name, nick), sort_key(name)), name


@pytest.mark.parametrize("fold", [False, True])
def test_all_clean_is_never_true_for_text_cleaning_would_change(fold):
    """One check over a whole column (the import's fast path) never passes a text that
    clean_text() or one_line() would change, wherever it stands in the column."""
    pieces = ["a", "b", " ", "  ", "\n", "\r", "\t", "\u00a0", "\u3000", "张", "e\u0301",
              "\u0301", "é", "Ａ", "\u200b", "\x07", "\x00", "\uffff", "", "\u2028"]
    rng = random.Random(7)
    for _ in range(20000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 4))]
        if text_module.all_clean(texts, fold):
            assert all(_reference_clean_text(t, fold) == t and text_module.one_line(t) == t
                       for t in texts), texts
    assert text_module.all_clean(["张三", "", "Zoë Smith", "wx_01"], fold)
    assert not text_module.all_clean(["张三", " 李四"], fold)
    assert not text_module.all_clean(["张三 ", "李四"], fold)
    assert not text_module.all_clean(["张三", "Zoe\u0308"], fold)


def test_columns_checked_whole_convert_as_cell_by_cell(db, tmp_path, monkeypatch):
    """convert's CLEAN columns (checked whole) give the very plan the per-cell path gives:
    values, problems (and their order), statuses."""
    from models.roster import convert
    from models.roster.plan import build_plan

    rng = random.Random(3)
    pieces = ["张三", "李四", "Zoë", "Zoe\u0308", " 王五", "赵 六", "周\n九", "a\x07b", "ｗｘ_01",
              "wx_user01", "", "  ", "13800138000", "杭州", "x" * 250, "名" * 60, "男", "f"]
    files = [roster_samples.titled_xlsx(tmp_path), roster_samples.roster_xlsx(
        tmp_path / "r.xlsx", 300)]
    for n in range(12):
        lines = ["姓名,群昵称,微信号,城市,性别,备注,公司"]
        clean_columns = rng.sample(range(7), 4)  # some columns clean throughout
        for _ in range(40):
            cells = [rng.choice(pieces[:4] if i in clean_columns else pieces) for i in range(7)]
            lines.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
        path = tmp_path / f"t{n}.csv"
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        files.append(path)

    long = ["姓名,城市,备注"] + [f"张{i},杭州,备注{i}" for i in range(4500)]  # checked in parts
    long[4200] = "王五,杭 州 ,a\u3000b"  # one cell to clean, far into the column
    (tmp_path / "long.csv").write_text("\r\n".join(long) + "\r\n", encoding="utf-8")
    files.append(tmp_path / "long.csv")

    def summary(path):
        plan = build_plan(path)
        return [(r.row, r.values, r.status, r.tags, r.groups, r.custom, r.points,
                 [(p.column, p.message, p.level) for p in r.problems]) for r in plan.rows]

    fast = [summary(path) for path in files]
    monkeypatch.setattr(convert, "_all_clean", lambda cells, target: False)
    assert [summary(path) for path in files] == fast
