"""Filling message templates: placeholders, missing values, unknown words, both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from models.outreach.placeholders import (
    fill,
    format_date,
    format_time,
    key_of,
    label,
    salutation,
    still_unfilled,
    text_language,
    tokens,
    unknown_words,
)

VALUES = {"salutation": "小明", "nickname": "小明-杭州-设计", "name": "王小明",
          "activity": "周六读书会", "date": "12月13日（周六）", "time": "14:00",
          "place": "杭州西湖文化广场", "group": "读书群", "city": "杭州", "wechat_name": "Sunny"}


@pytest.mark.parametrize("word, key", [
    ("称呼", "salutation"), ("群昵称", "nickname"), ("姓名", "name"), ("活动", "activity"),
    ("日期", "date"), ("时间", "time"), ("地点", "place"), ("群名", "group"),
    ("微信昵称", "wechat_name"), ("城市", "city"), ("salutation", "salutation"),
    ("Salutation", "salutation"), ("NICKNAME", "nickname"), ("name", "name"),
    ("activity", "activity"), ("date", "date"), ("time", "time"), ("place", "place"),
    ("group", "group"), (" 称呼 ", "salutation"), ("昵称", "nickname"), ("名字", "name"),
    ("群名称", "group"), ("活动名称", "activity"), ("生日", None), ("foo", None), ("", None),
])
def test_placeholder_words(word, key):
    assert key_of(word) == key


@pytest.mark.parametrize("template, expected", [
    ("{称呼}你好", "小明你好"),
    ("｛称呼｝你好", "小明你好"),  # full-width braces, as a Chinese input method types them
    ("{称呼｝你好", "小明你好"),  # mixed
    ("{ 称呼 }你好", "小明你好"),
    ("｛　称呼　｝你好", "小明你好"),  # full-width spaces inside
    ("Hi {salutation}!", "Hi 小明!"),
    ("Hi {Salutation}!", "Hi 小明!"),
    ("{姓名}（{群昵称}）", "王小明（小明-杭州-设计）"),
    ("「{活动}」{日期}{时间}开始，地点：{地点}",
     "「周六读书会」12月13日（周六）14:00开始，地点：杭州西湖文化广场"),
    ("{activity} on {date} at {time}, {place}", "周六读书会 on 12月13日（周六） at 14:00, 杭州西湖文化广场"),
    ("欢迎加入{群名}", "欢迎加入读书群"),
    ("{group}", "读书群"),
    ("{{称呼}}", "{称呼}"),  # doubled braces are literal braces
    ("a {{ b }} c", "a { b } c"),
    ("no placeholders here", "no placeholders here"),
    ("", ""),
    ("{称呼}{称呼}", "小明小明"),
    ("line1\n{称呼}\nline3", "line1\n小明\nline3"),
    ("{城市}的{微信昵称}", "杭州的Sunny"),
    ("🎂 {称呼} 🎉", "🎂 小明 🎉"),
])
def test_fill(template, expected):
    filled = fill(template, VALUES)
    assert filled.text == expected
    assert filled.complete


def test_an_empty_value_is_missing_and_left_as_written():
    filled = fill("{称呼}，你报名的「{活动}」在{地点}", {"salutation": "小明", "activity": "",
                                                 "place": "  "})
    assert filled.text == "小明，你报名的「{活动}」在{地点}"
    assert filled.missing == ["activity", "place"]
    assert not filled.complete
    assert [p.kind for p in filled.parts] == ["value", "text", "missing", "text", "missing"]


def test_missing_is_listed_once_and_keeps_the_writing():
    filled = fill("｛活动｝ {activity} {活动}", {})
    assert filled.missing == ["activity"]
    assert filled.text == "｛活动｝ {activity} {活动}"


def test_unknown_placeholders_are_reported_and_kept():
    filled = fill("{称呼}，{生日快乐} {foo} {foo}", VALUES)
    assert filled.text == "小明，{生日快乐} {foo} {foo}"
    assert filled.unknown == ["生日快乐", "foo"]
    assert not filled.missing and not filled.complete
    assert [p.kind for p in filled.parts if p.kind != "text"] == ["value", "unknown", "unknown",
                                                                   "unknown"]


def test_braces_that_are_not_placeholders():
    # an unclosed brace, a brace across lines and a long run are plain text
    for text in ("价格 {100", "a { b\n c }", "{" + "x" * 30 + "}", "}{"):
        assert fill(text, VALUES).text == text
        assert fill(text, VALUES).complete


def test_unknown_words_for_the_editor():
    assert unknown_words("{称呼} {生日} ｛foo｝ {生日} {date}") == ["生日", "foo"]
    assert unknown_words("{{not}}") == []


def test_tokens_know_where_they_are():
    text = "你好｛称呼｝，{x}"
    found = tokens(text)
    assert [(t.written, t.key) for t in found] == [("｛称呼｝", "salutation"), ("{x}", None)]
    assert text[found[0].start:found[0].end] == "｛称呼｝"


def test_still_unfilled_catches_what_must_not_be_sent():
    assert still_unfilled("小明，你报名的「{活动}」在｛地点｝") == ["{活动}", "｛地点｝"]
    assert still_unfilled("小明，你好") == []


@pytest.mark.parametrize("nickname, name, expected", [
    ("小明-杭州-设计", "王小明", "小明"),
    ("小明－杭州", "王小明", "小明"),  # full-width hyphen
    ("小明—杭州", "王小明", "小明"),
    ("小明_杭州", "王小明", "小明"),
    ("小明|设计", "王小明", "小明"),
    ("小明｜设计", "王小明", "小明"),
    ("小明/设计", "王小明", "小明"),
    ("Lily Chen", "陈丽", "Lily"),
    ("-杭州-设计", "王小明", "杭州"),
    ("小明", "王小明", "小明"),
    ("", "王小明", "王小明"),
    ("  ", "王小明", "王小明"),
    ("", "", ""),
    ("阿May·上海", "梅", "阿May·上海"),  # a middle dot is part of a name
])
def test_salutation(nickname, name, expected):
    assert salutation(nickname, name) == expected


TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("day, language, expected", [
    (dt.date(2026, 12, 12), "zh", "12月12日（周六）"),
    (dt.date(2026, 12, 12), "en", "Sat 12 Dec"),
    (dt.date(2026, 12, 13), "zh", "12月13日（周日）"),
    (dt.date(2026, 12, 14), "zh", "12月14日（周一）"),
    (dt.date(2026, 12, 20), "zh", "12月20日（周日）"),
    (dt.date(2026, 12, 20), "en", "Sun 20 Dec"),
    (dt.date(2026, 1, 5), "en", "Mon 5 Jan"),
    (dt.date(2027, 1, 3), "zh", "2027年1月3日（周日）"),
    (dt.date(2027, 1, 3), "en", "Sun 3 Jan 2027"),
])
def test_dates_as_owners_write_them(day, language, expected):
    assert format_date(day, language, TODAY) == expected


@pytest.mark.parametrize("start, end, expected", [
    (dt.datetime(2026, 12, 13, 14, 0), None, "14:00"),
    (dt.datetime(2026, 12, 13, 9, 5), None, "09:05"),
    (dt.datetime(2026, 12, 13, 14, 0), dt.datetime(2026, 12, 13, 16, 30), "14:00-16:30"),
    (dt.datetime(2026, 12, 13, 20, 0), dt.datetime(2026, 12, 14, 1, 0), "20:00"),  # overnight
    (dt.datetime(2026, 12, 13, 14, 0), dt.datetime(2026, 12, 13, 14, 0), "14:00"),
])
def test_times(start, end, expected):
    assert format_time(start, end) == expected


@pytest.mark.parametrize("text, language", [
    ("{称呼}你好", "zh"), ("Hi {salutation}", "en"), ("Hi ｛salutation｝", "en"),
    ("Hi {称呼}", "en"), ("Hi, 小明", "zh"), ("Hello！", "zh"), ("", "en"), ("🎂", "en"),
])
def test_a_message_language_is_its_text(text, language):
    assert text_language(text) == language


def test_labels_per_language():
    assert label("salutation", "zh") == "称呼"
    assert label("salutation", "en") == "salutation"
    assert label("group", "zh") == "群名"
