"""农历生日: the resolution rules (models/members/lunar.py), reading what owners type
(models/members/lunar_text.py), the card's two columns, and every place birthdays are used."""

from __future__ import annotations

import datetime as dt

import pytest

from models.members import lunar as L
from models.members.cards import Member, ValidationError, normalize, save_member
from models.members.lunar import LunarDate
from models.members.lunar_text import LunarTextError, parse
from models.messages import set_language

D = dt.date


# ---------------------------------------------------------------- resolution rules
@pytest.mark.parametrize(("birthday", "year", "solar"), [
    (LunarDate(3, 5), 2026, D(2026, 4, 21)),  # the example
    (LunarDate(1, 1), 2026, D(2026, 2, 17)),  # 春节 2026
    (LunarDate(1, 1), 2025, D(2025, 1, 29)),
    (LunarDate(8, 15), 2026, D(2026, 9, 25)),  # 中秋
    (LunarDate(5, 5), 2025, D(2025, 5, 31)),  # 端午
    # 腊月 of lunar year Y falls in January/February of solar year Y+1
    (LunarDate(12, 8), 2025, D(2026, 1, 26)),
    (LunarDate(12, 29), 2025, D(2026, 2, 16)),  # 除夕 2026 (腊月 has 29 days in 2025)
    (LunarDate(11, 15), 2025, D(2026, 1, 3)),  # a late 冬月 birthday also crosses New Year
    (LunarDate(11, 1), 2025, D(2025, 12, 20)),
])
def test_a_lunar_birthday_in_a_year(birthday, year, solar):
    assert L.in_year(birthday, year) == solar


def test_the_30th_falls_on_the_29th_of_a_short_month():
    assert L.month_days(2026, 12) == 29 and L.month_days(2026, 11) == 30
    assert L.in_year(LunarDate(12, 30), 2026) == L.in_year(LunarDate(12, 29), 2026)
    assert L.in_year(LunarDate(11, 30), 2026) == L.in_year(LunarDate(11, 29), 2026) \
        + dt.timedelta(days=1)
    # 2025's 腊月 has 29 days too: a 腊月三十 birthday is kept on 除夕 (腊月廿九)
    assert L.in_year(LunarDate(12, 30), 2025) == D(2026, 2, 16)
    for year in range(1990, 2040):  # every short month, every year: the 29th
        for month in range(1, 13):
            if L.month_days(year, month) == 29:
                assert L.in_year(LunarDate(month, 30), year) == L.in_year(LunarDate(month, 29), year)


def test_a_leap_month_birthday_and_years_without_that_leap_month():
    assert L.leap_month(2025) == 6 and L.leap_month(2026) == 0 and L.leap_month(2023) == 2
    born = LunarDate(6, 5, leap=True)
    assert L.in_year(born, 2025) == D(2025, 7, 29)  # 闰六月初五 2025
    assert L.in_year(LunarDate(6, 5), 2025) == D(2025, 6, 29)  # the regular month first
    assert L.in_year(born, 2026) == L.in_year(LunarDate(6, 5), 2026)  # no 闰六月 in 2026
    # 闰二月 2023 has 29 days: its 30th falls on the 29th; other years the regular 二月
    assert L.month_days(2023, 2, leap=True) == 29
    assert L.in_year(LunarDate(2, 30, True), 2023) == L.in_year(LunarDate(2, 29, True), 2023)
    assert L.in_year(LunarDate(2, 30, True), 2024) == L.in_year(LunarDate(2, 30), 2024)


def test_keys_on_a_day():
    assert L.keys_on(D(2026, 4, 21)) == (("03-05", 2026), ("03L-05", 2026))
    # in the leap month itself only the leap key falls there
    assert L.keys_on(D(2025, 7, 29)) == (("06L-05", 2025),)
    # the regular 六月 of a year with 闰六月: the 闰 birthdays wait for their own month
    assert L.keys_on(D(2025, 6, 29)) == (("06-05", 2025),)
    # the 29th of a short month takes the 30th birthdays as well
    assert {k for k, _ in L.keys_on(D(2026, 2, 16))} == {"12-29", "12-30", "12L-29", "12L-30"}
    assert {y for _, y in L.keys_on(D(2026, 2, 16))} == {2025}  # still lunar 2025 that day
    assert L.keys_on(D(2026, 2, 17)) == (("01-01", 2026), ("01L-01", 2026))


@pytest.mark.parametrize("first, last", [
    (2024, 2025),  # no leap month, then 闰六月
    pytest.param(1990, 2030, marks=pytest.mark.slow),
])
def test_every_key_falls_exactly_once_in_every_lunar_year(first, last):
    """Walking the solar days of whole lunar years: each of the 720 keys falls on one day
    per lunar year, the day in_year() gives."""
    every = [LunarDate(m, d, leap) for m in range(1, 13) for d in range(1, 31)
             for leap in (False, True)]
    start, end = L.in_year(LunarDate(1, 1), first), L.in_year(LunarDate(1, 1), last + 1)
    seen: dict[tuple[str, int], list[dt.date]] = {}
    day = start
    while day < end:
        for key, year in L.keys_on(day):
            seen.setdefault((key, year), []).append(day)
        day += dt.timedelta(days=1)
    for year in range(first, last + 1):
        for b in every:
            assert seen[(b.key, year)] == [L.in_year(b, year)], (b, year)


def test_keys_between_a_window_crossing_new_year():
    keys = L.keys_between(D(2025, 12, 29), D(2026, 1, 4))
    assert keys["11-10"] == (D(2025, 12, 29), 2025)
    assert keys["11-16"] == (D(2026, 1, 4), 2025)  # January, still the lunar year 2025
    assert len({day for day, _ in keys.values()}) == 7


@pytest.mark.parametrize(("solar", "reading"), [
    (D(1990, 3, 31), LunarDate(3, 5, False, 1990)),
    (D(1991, 1, 20), LunarDate(12, 5, False, 1990)),  # solar 1991, lunar 1990's 腊月
    (D(2020, 5, 30), LunarDate(4, 8, True, 2020)),  # 闰四月初八
    (D(2000, 2, 29), LunarDate(1, 25, False, 2000)),
])
def test_dates_of_birth_both_ways(solar, reading):
    assert L.from_solar(solar) == reading
    assert L.to_solar(reading) == solar


def test_the_lunar_year_of_a_day():
    assert L.new_year(2026) == D(2026, 2, 17)
    day = D(1989, 12, 1)
    while day < D(1992, 3, 1):  # every day over three 春节
        assert L.lunar_year_of(day) == L.from_solar(day).year, day
        day += dt.timedelta(days=1)


def test_a_lunar_date_of_birth_must_exist():
    with pytest.raises(ValueError, match="lunar_no_leap"):
        L.to_solar(LunarDate(4, 8, True, 2021))
    with pytest.raises(ValueError, match="lunar_short_month"):
        L.to_solar(LunarDate(12, 30, False, 2026))


def test_ages_count_lunar_years():
    born = L.stored("11-25", D(1991, 1, 10))  # 冬月廿五 1990 = 1991-01-10
    assert born == LunarDate(11, 25, False, 1990)
    # in lunar 2025 it falls on 2026-01-13: 35 (a solar count would say 35 too) …
    assert L.occurrences(born, D(2025, 3, 1), D(2026, 2, 28)) == [(D(2026, 1, 13), 2025)]
    assert L.age_at(born, 2025) == 35
    # … and 冬月廿五 1994 falls in December: still counted in lunar years
    assert L.occurrences(LunarDate(11, 25), D(1994, 12, 1), D(1995, 1, 31)) == [
        (D(1994, 12, 27), 1994)]
    assert L.age_at(LunarDate(3, 5), 2026) is None


def test_occurrences_over_several_years():
    days = [d for d, _ in L.occurrences(LunarDate(12, 30), D(2026, 1, 1), D(2030, 12, 31))]
    assert days == [D(2026, 2, 16), D(2027, 2, 5), D(2028, 1, 25), D(2029, 2, 12), D(2030, 2, 2)]
    assert all(d.year == y + 1 for d, y in
               L.occurrences(LunarDate(12, 30), D(2026, 1, 1), D(2030, 12, 31)))


@pytest.mark.parametrize(("key", "date"), [
    ("03-05", LunarDate(3, 5)), ("04L-08", LunarDate(4, 8, True)), ("12-30", LunarDate(12, 30))])
def test_keys_round_trip(key, date):
    assert L.parse_key(key) == date and date.key == key


@pytest.mark.parametrize("bad", ["", "3-5", "13-01", "03-31", "03X-05", "00-05"])
def test_bad_keys(bad):
    with pytest.raises(ValueError):
        L.parse_key(bad)


def test_words_in_both_languages():
    try:
        set_language("zh")
        assert L.describe(LunarDate(3, 5)) == "农历三月初五"
        assert L.describe(LunarDate(4, 8, True)) == "农历闰四月初八"
        assert L.describe(LunarDate(12, 23, False, 1990)) == "农历1990年腊月廿三"
        assert L.describe(LunarDate(1, 30)) == "农历正月三十"
        assert (L.month_name(11), L.day_name(20)) == ("冬月", "二十")
        set_language("en")
        assert L.describe(LunarDate(3, 5)) == "Lunar 3/5"
        assert L.describe(LunarDate(4, 8, True, 2020)) == "Lunar leap 4/8, 2020"
        assert (L.month_name(4, True), L.day_name(8)) == ("Leap month 4", "Day 8")
    finally:
        set_language("zh")


# ---------------------------------------------------------------- what owners type
@pytest.mark.parametrize(("text", "expected"), [
    ("农历三月初五", LunarDate(3, 5)),
    ("阴历3月5日", LunarDate(3, 5)),
    ("(农历)1990-03-05", LunarDate(3, 5, False, 1990)),
    ("（农历）1990-03-05", LunarDate(3, 5, False, 1990)),
    ("农历 1990.3.5", LunarDate(3, 5, False, 1990)),
    ("3.5（农历）", LunarDate(3, 5)),
    ("闰四月初八", LunarDate(4, 8, True)),
    ("农历闰四月初八", LunarDate(4, 8, True)),
    ("2020年闰四月初八", LunarDate(4, 8, True, 2020)),
    ("闰4月8日", LunarDate(4, 8, True)),
    ("正月十五", LunarDate(1, 15)),
    ("元月初一", LunarDate(1, 1)),
    ("腊月廿三", LunarDate(12, 23)),
    ("冬月初一", LunarDate(11, 1)),
    ("旧历腊月二十三", LunarDate(12, 23)),
    ("农历十一月三十", LunarDate(11, 30)),
    ("农历十二月卅", LunarDate(12, 30)),
    ("三月初五", LunarDate(3, 5)),  # 初五 is lunar by itself
    ("三月十五", LunarDate(3, 15)),  # Chinese numerals without 日: the lunar style
    ("3月初五", LunarDate(3, 5)),
    ("农历1990年三月初五", LunarDate(3, 5, False, 1990)),
    ("1990年农历三月初五", LunarDate(3, 5, False, 1990)),
    ("一九九〇年农历三月初五", LunarDate(3, 5, False, 1990)),
    ("１９９０年农历３月５日", LunarDate(3, 5, False, 1990)),
    ("农历３.５", LunarDate(3, 5)),
    ("阴历：3月5号", LunarDate(3, 5)),
    ("3月5日（阴历）", LunarDate(3, 5)),
    ("3-5 农历", LunarDate(3, 5)),
    ("【农历】1988/12/30", LunarDate(12, 30, False, 1988)),
    ("农历19900305", LunarDate(3, 5, False, 1990)),
    ("夏历二月二十一", LunarDate(2, 21)),
    ("农历 三 月 初 五", LunarDate(3, 5)),
])
def test_lunar_texts(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["1990-03-05", "3月5日", "1990年3月5日", "三月十五日", "2026/4/21",
                                  "", "张三", "5"])
def test_solar_texts_are_not_lunar(text):
    assert parse(text) is None


@pytest.mark.parametrize("text", ["农历13月1日", "农历三月三十一", "农历三月", "阴历二十三",
                                  "农历0月5日"])
def test_impossible_lunar_texts(text):
    with pytest.raises(LunarTextError):
        parse(text)


def test_what_is_written_reads_back():
    for b in [LunarDate(m, d, leap, year) for m in range(1, 13) for d in range(1, 31)
              for leap in (False, True) for year in (None, 1990)]:
        assert parse(L.chinese(b)) == b


# ---------------------------------------------------------------- the card
def test_a_card_keeps_a_lunar_birthday_with_its_solar_date_of_birth(db):
    member = save_member({"name": "李华", "birthday": LunarDate(3, 5, False, 1990)})
    assert (member.birthday, member.lunar_birthday) == (D(1990, 3, 31), "03-05")
    no_year = save_member({"name": "王芳", "birthday": "闰四月初八"})
    assert (no_year.birthday, no_year.lunar_birthday) == (None, "04L-08")
    save_member({"name": "李华", "birthday": "1990-06-01"}, member.id)  # back to solar
    again = Member.get_by_id(member.id)
    assert (again.birthday, again.lunar_birthday) == (D(1990, 6, 1), None)
    save_member({"name": "李华", "city": "杭州"}, member.id)  # no birthday given: kept
    assert Member.get_by_id(member.id).birthday == D(1990, 6, 1)


@pytest.mark.parametrize(("value", "words"), [
    (LunarDate(4, 8, True, 2021), "没有闰四月"),
    (LunarDate(12, 30, False, 2026), "只有 29 天"),
    (LunarDate(3, 5, False, 1800), "1900"),
    ("农历13月1日", "13月"),
    (LunarDate(3, 5, False, dt.date.today().year + 1), "1900"),
])
def test_impossible_lunar_birthdays_are_refused(db, value, words):
    _, errors = normalize({"name": "张三", "birthday": value})
    assert words in errors["birthday"]
    with pytest.raises(ValidationError):
        save_member({"name": "张三", "birthday": value})


# ---------------------------------------------------------------- where birthdays are used
@pytest.fixture
def people(db):
    """Solar and lunar birthdays around 2026-04-21 (农历三月初五) and New Year 2026."""
    def member(name: str, birthday: object, **extra: object) -> int:
        return save_member({"name": name, "birthday": birthday, **extra}).id

    return {
        "solar": member("公历", D(1990, 4, 22)),
        "lunar": member("农历", LunarDate(3, 5, False, 1990)),  # born 1990-03-31
        "lunar_no_year": member("无年", "农历三月初六"),  # 2026-04-22
        "leap": member("闰月", "闰三月初五"),  # no 闰三月 in 2026: on 三月初五
        "solar_on_birth_date": member("同日", D(1985, 3, 31)),  # solar 03-31
        "lawyer": member("腊月", "农历腊月初八"),  # 2026-01-26 (lunar 2025)
        "left": member("已退", "农历三月初五", left_on=D(2026, 1, 2), joined_on=D(2025, 1, 1)),
    }


def test_the_overview_lists_lunar_birthdays_on_this_years_day(people):
    from models.stats import queries

    found = {b["name"]: b for b in queries.birthdays(D(2026, 4, 20), 3)}
    assert set(found) == {"公历", "农历", "无年", "闰月"}
    assert (found["农历"]["date"], found["农历"]["age"], found["农历"]["lunar"]) == \
        ("2026-04-21", 36, "03-05")
    assert (found["无年"]["date"], found["无年"]["age"]) == ("2026-04-22", None)
    assert found["公历"]["lunar"] is None
    # the lunar member's solar date of birth (03-31) is not their birthday any more
    names = {b["name"] for b in queries.birthdays(D(2026, 3, 30), 3)}
    assert names == {"同日"}
    # a 14-day window crossing into 2026 picks up 腊月初八 in January
    assert {b["name"]: b["date"] for b in queries.birthdays(D(2026, 1, 20), 14)} == {
        "腊月": "2026-01-26"}


def test_the_birthday_filters_take_lunar_birthdays(people):
    from models.members import segments
    from models.members.segments import MemberFilter
    from models.stats.members import birthday_ids

    week = set(segments.matching_ids(MemberFilter(birthday="week"), today=D(2026, 4, 21)))
    assert week == {people[k] for k in ("solar", "lunar", "lunar_no_year", "leap")}
    month = set(segments.matching_ids(MemberFilter(birthday="month"), today=D(2026, 3, 2)))
    assert month == {people["solar_on_birth_date"]}  # 03-31 solar only
    january = set(segments.matching_ids(MemberFilter(birthday="month"), today=D(2026, 1, 9)))
    assert january == {people["lawyer"]}
    assert set(birthday_ids(D(2026, 4, 21), 2)) == week
    assert segments.count(MemberFilter(birthday="week"), today=D(2026, 4, 21)) == 4


def test_the_week_plan_puts_lunar_birthdays_on_their_day(people):
    from models.week.plan import assemble

    plan = assemble(D(2026, 4, 21), today=D(2026, 4, 20), sections={"birthdays"})
    by_day = {d.date: [(b.name, b.age, b.lunar) for b in d.birthdays] for d in plan.days}
    assert by_day[D(2026, 4, 21)] == [("农历", 36, "03-05"), ("闰月", None, "03L-05")]
    assert by_day[D(2026, 4, 22)] == [("公历", 36, None), ("无年", None, "03-06")]
    plan = assemble(D(2026, 1, 26), today=D(2026, 1, 26), sections={"birthdays"})
    assert [b.name for d in plan.days for b in d.birthdays] == ["腊月"]
