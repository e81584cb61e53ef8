"""Reading a pasted 群接龙: the shapes WeChat and owners really produce."""

from __future__ import annotations

import pytest
from jielong_samples import ISSUE_EXAMPLE

from models.activities.jielong_parse import companions_of, number_value, parse, segments


def names(text: str) -> list[str]:
    return [e.name for e in parse(text).entries]


def one(line: str):
    """The one entry of a 接龙 whose list is `line` (numbered "1. " unless it is)."""
    if not line.lstrip()[:1].isdigit() and line.lstrip()[:1] not in "(（[①❶➀":
        line = "1. " + line
    entries = parse("#接龙\n标题\n" + line).entries
    assert len(entries) == 1, entries
    return entries[0]


def test_the_issue_example():
    p = parse(ISSUE_EXAMPLE)
    assert p.title == "周六读书会 12月13日 14:00"
    assert p.example == "例 张三 +1"
    assert [(e.number, e.name, e.companions, e.remark) for e in p.entries] == [
        (1, "小明-杭州-设计", 0, ""), (2, "Lily", 2, ""), (3, "王磊", 0, "第一次来")]
    assert p.repeated == [8]


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize("line", [
    "1. 张三", "1.张三", "1．张三", "１．张三", "１. 张三", "1、张三", "1、 张三", "1) 张三",
    "1）张三", "(1) 张三", "（1）张三", "[1] 张三", "1: 张三", "1：张三", "1 张三", "01. 张三",
    "①张三", "① 张三", "❶ 张三", "➀张三", "1️⃣ 张三", "1⃣张三", " 1. 张三", "1.\u3000张三",
    "1,张三", "1，张三",
])
def test_every_way_of_numbering_a_line(line):
    entry = one(line)
    assert (entry.number, entry.name) == (1, "张三")


def test_circled_numbers_past_ten():
    assert [e.number for e in parse("#接龙\nt\n⑪ 甲\n⑳ 乙\n㉑ 丙\n㊿ 丁").entries] == [11, 20, 21, 50]


def test_a_number_with_a_decimal_or_a_time_is_not_a_list_number():
    p = parse("#接龙\n1.5小时的分享\n14:00 开始\n1. 张三")
    assert p.title == "1.5小时的分享" and [e.name for e in p.entries] == ["张三"]


def test_a_date_or_a_count_in_the_title_does_not_start_the_list():
    p = parse("12 月 13 日 读书会\n3 人一组\n1. 张三")
    assert p.title == "12 月 13 日 读书会" and [e.name for e in p.entries] == ["张三"]


def test_a_bare_number_is_a_placeholder_and_skipped():
    assert names("#接龙\nt\n1. 张三\n2.\n3、 \n4. 李四") == ["张三", "李四"]


# ------------------------------------------------------------------ companions
@pytest.mark.parametrize(("line", "companions", "name"), [
    ("张三 +1", 1, "张三"), ("张三+1", 1, "张三"), ("张三 ＋2", 2, "张三"), ("张三 + 3", 3, "张三"),
    ("张三 加1", 1, "张三"), ("Lily 带家属2人", 2, "Lily"), ("Lily带家属2人", 2, "Lily"),
    ("王五 带朋友1位", 1, "王五"), ("王五 带2人", 2, "王五"), ("王五 带两个孩子", 2, "王五"),
    ("王五 带家属", 1, "王五"), ("王五 带娃", 1, "王五"), ("王五 携家属三人", 3, "王五"),
    ("赵六 2人", 1, "赵六"), ("赵六 共3人", 2, "赵六"), ("赵六 一共三人", 2, "赵六"),
    ("赵六 共两位", 1, "赵六"), ("赵六 1人", 0, "赵六"), ("赵六 x2", 1, "赵六"),
    ("赵六×3", 2, "赵六"), ("赵六 +1 共2人", 1, "赵六"), ("周九（带家属2人）", 2, "周九"),
    ("周九 +十", 10, "周九"), ("周九 +999", 50, "周九"), ("小明2号", 0, "小明2号"),
    ("加藤 惠", 0, "加藤 惠"), ("三人行", 0, "三人行"), ("王磊+家属", 1, "王磊"),
    ("王磊 +1家属", 1, "王磊"), ("王磊 +2位朋友", 2, "王磊"), ("王磊＋孩子", 1, "王磊"),
])
def test_companions(line, companions, name):
    entry = one(line)
    assert (entry.companions, entry.name) == (companions, name)


def test_number_words():
    assert [number_value(t) for t in ("3", "三", "两", "十", "十二", "二十", "二十一", "x")] == [
        3, 3, 2, 10, 12, 20, 21, None]
    assert companions_of(" 带家属2人")[0] == 2


# ------------------------------------------------------------------ remarks
@pytest.mark.parametrize(("line", "name", "remark"), [
    ("王磊（第一次来）", "王磊", "第一次来"), ("王磊(第一次来)", "王磊", "第一次来"),
    ("王磊【素食】", "王磊", "素食"), ("王磊 [晚到]", "王磊", "晚到"),
    ("王磊（第一次来）【素食】", "王磊", "第一次来；素食"),
    ("王磊（带家属2人，第一次来）", "王磊", "带家属2人，第一次来"),
    ("王磊（+1）", "王磊", ""), ("王磊 ()", "王磊", ""),
])
def test_remarks_in_brackets(line, name, remark):
    entry = one(line)
    assert (entry.name, entry.remark) == (name, remark)


def test_wechat_edit_mark_is_dropped_and_noted():
    entry = one("王磊 +1 (已改)")
    assert (entry.name, entry.companions, entry.remark, entry.edited) == ("王磊", 1, "", True)
    assert one("王磊（已修改）").edited
    assert one("王磊 +1 (已改)").key == one("王磊 +1").key  # the same line to a re-paste


# ------------------------------------------------------------------ names
def test_names_with_city_and_job_are_kept_whole():
    assert one("1. 小明-杭州-设计").name == "小明-杭州-设计"
    assert segments("小明-杭州-设计") == ["小明", "杭州", "设计"]
    assert segments("Amy | 上海 / 产品") == ["Amy", "上海", "产品"]
    assert segments("老王_北京") == ["老王", "北京"]


def test_a_mention_sign_is_not_part_of_the_name():
    assert one("@张三 +1").name == "张三"


def test_emoji_names_are_kept():
    assert one("8. 🌸小红🌸").name == "🌸小红🌸"
    assert one("🐱 Kitty +1").name == "🐱 Kitty"


def test_trailing_spaces_zero_width_and_full_width_spaces():
    assert names("#接龙\nt\n1. 张三   \n2.\u200b李四\u200b\n3.\u3000王五\u3000\n4.\ufeff赵六") == [
        "张三", "李四", "王五", "赵六"]


def test_windows_and_old_mac_line_breaks():
    assert names("#接龙\r\n标题\r\n1. 张三\r\n2. 李四\r\n") == ["张三", "李四"]
    assert names("#接龙\r标题\r1. 张三\r2. 李四") == ["张三", "李四"]


def test_blank_lines_anywhere():
    assert names("\n\n#接龙\n\n标题\n\n\n1. 张三\n\n\n2. 李四\n\n") == ["张三", "李四"]


def test_tabs():
    assert names("#接龙\n标题\n1.\t张三\t+1") == ["张三"]


# ------------------------------------------------------------------ header, title, example
@pytest.mark.parametrize("example", [
    "例 张三 +1", "例：张三+1", "例:张三", "例如：张三 +1", "示例：张三", "格式：姓名+人数",
    "例张三+1", "e.g. Zhang San +1", "Example: Tom +1",
])
def test_the_example_line_is_dropped(example):
    p = parse(f"#接龙\n周六读书会\n{example}\n\n1. 李四")
    assert p.example == example and names(f"#接龙\n周六读书会\n{example}\n1. 李四") == ["李四"]


def test_a_numbered_example_line_is_dropped_too():
    assert names("#接龙\n周六读书会\n1. 例：张三 +1\n2. 李四") == ["李四"]


def test_the_title_and_description_before_the_list_are_not_entries():
    p = parse("#接龙\n周六读书会\n地点：杭州西湖边\n截止周五晚8点\n\n1. 张三")
    assert p.title == "周六读书会" and names("#接龙\n周六读书会\n地点：x\n1. 张三") == ["张三"]


def test_a_list_without_a_header():
    p = parse("周六读书会报名\n1. 张三\n2. 李四")
    assert p.title == "周六读书会报名" and [e.name for e in p.entries] == ["张三", "李四"]


def test_a_plain_list_of_names_without_numbers_or_header():
    assert names("张三\n李四 +1\n\n王五（第一次来）") == ["张三", "李四", "王五"]


# ------------------------------------------------------------------ after the list started
def test_lines_without_numbers_after_the_list_started_are_entries():
    assert names("#接龙\nt\n1. 张三\n2. 李四\n王五\n赵六 +1") == ["张三", "李四", "王五", "赵六"]


def test_prose_after_the_list_is_ignored():
    p = parse("#接龙\nt\n1. 张三\n请大家准时到场，迟到的朋友请提前说一声！")
    assert [e.name for e in p.entries] == ["张三"] and p.ignored == [4]


def test_continuation_lines_join_the_line_above():
    p = parse("#接龙\nt\n1. 张三\n  （晚到半小时）\n2. 李四\n+1\n3. 王五\n带家属2人")
    assert [(e.name, e.companions, e.remark) for e in p.entries] == [
        ("张三", 0, "晚到半小时"), ("李四", 1, ""), ("王五", 2, "")]


def test_repeated_lines_are_dropped_whatever_their_number():
    p = parse("#接龙\nt\n1. 张三\n2. 李四\n3. 张三\n4. 张三 \n5. 李四")
    assert [e.name for e in p.entries] == ["张三", "李四"] and p.repeated == [5, 6, 7]


def test_a_list_pasted_twice():
    once = "#接龙\n周六读书会\n例 张三 +1\n\n1. 小明\n2. Lily +1\n"
    p = parse(once + "\n" + once + "3. 王磊\n")
    assert [e.name for e in p.entries] == ["小明", "Lily", "王磊"]
    assert p.title == "周六读书会" and len(p.repeated) == 2


def test_the_same_text_with_case_or_width_differences_is_one_line():
    assert names("#接龙\nt\n1. Lily +1\n2. lily +1\n3. Ｌｉｌｙ +1") == ["Lily"]


def test_keys_ignore_the_number():
    a = parse("#接龙\nt\n1. 张三\n2. 李四").entries
    b = parse("#接龙\nt\n1. 李四\n2. 张三").entries
    assert {e.key for e in a} == {e.key for e in b}


def test_line_numbers_point_at_the_pasted_text():
    assert [e.line for e in parse("#接龙\n标题\n\n1. 张三\n2. 李四").entries] == [4, 5]


def test_nothing_to_read():
    assert parse("").entries == [] and parse("\n \n").entries == []
    assert parse("#接龙\n只有标题").entries == []
