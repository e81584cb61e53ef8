"""A known week for the weekly-plan tests: Mon 2026-11-16 .. Sun 2026-11-22, today Wed 11-18."""

from __future__ import annotations

import datetime as dt

MONDAY = dt.date(2026, 11, 16)
TODAY = dt.date(2026, 11, 18)


def d(day: int, month: int = 11) -> dt.date:
    return dt.date(2026, month, day)


def _member(name: str, **fields) -> int:
    from models.members.cards import Member

    member = Member(name=name, **fields)
    member.refresh_keys()
    member.save()
    return member.id


def build_week() -> dict[str, int]:
    """Members, a full group, content, an activity with steps, contributions and a note."""
    from models.activities.activity import save_activity
    from models.activities.checklists import add_step
    from models.calendar.edit import ItemFields, save_item, save_series
    from models.calendar.recurrence import Rule
    from models.members.contributions import add_contribution
    from models.members.groups import add_to_group, save_group
    from models.week.plan import save_note

    ids = {
        "zhang": _member("张晓燕", birthday=dt.date(1990, 11, 19), next_contact_on=d(20),
                         joined_on=dt.date(2025, 3, 1)),
        "li": _member("李建国", birthday=dt.date(1985, 2, 10), joined_on=dt.date(2025, 3, 1)),
        "wang": _member("王思远", joined_on=d(10)),
        "zhao": _member("赵雨桐", joined_on=dt.date(2025, 1, 1), left_on=d(12),
                        birthday=dt.date(1992, 11, 17)),  # left: no birthday wishes
        "chen": _member("陈博文", next_contact_on=d(5), joined_on=dt.date(2025, 5, 1)),
        "liu": _member("刘佳琪", joined_on=dt.date(2025, 5, 1)),
    }
    group = save_group({"name": "AI 实战派 1 群", "platform": "wechat", "capacity": 3})
    save_group({"name": "同城面基群", "platform": "wechat", "capacity": 500})
    add_to_group([ids["zhang"], ids["li"], ids["wang"]], group.id, joined_on=d(1))
    ids["group"] = group.id

    save_item(ItemFields(title="AI 工具早报", kind="早报", date=d(16),
                         start_time=dt.time(8, 0), status="published"), [group.id])
    save_item(ItemFields(title="Prompt 写作分享", kind="分享", date=d(18),
                         start_time=dt.time(20, 0), status="ready",
                         presenter_id=ids["liu"]), [group.id])
    save_item(ItemFields(title="群规更新公告", kind="公告", date=d(10), status="draft"), [])
    save_series(ItemFields(title="每周三读书会", kind="话题讨论", date=d(4),
                           start_time=dt.time(21, 0), status="ready"),
                Rule("weekly", weekdays=(2,)))

    activity = save_activity({"title": "上海线下面基", "kind": "offline",
                              "start": dt.datetime(2026, 11, 21, 14, 0),
                              "end": dt.datetime(2026, 11, 21, 17, 0),
                              "place": "静安寺咖啡馆"})
    ids["activity"] = activity.id
    add_step(activity.id, {"title": "制作宣传海报", "due_offset": -7})
    add_step(activity.id, {"title": "发布活动提醒", "due_offset": -1})
    add_step(activity.id, {"title": "整理活动照片", "due_offset": 1})

    add_contribution(ids["zhang"], "best_share", date=d(12))
    add_contribution(ids["wang"], "answer", date=d(17))
    save_note(TODAY, "本周重点：筹备线下面基")
    return ids


def build_long_week(per_day: int = 25) -> None:
    """Many items every day, so the printed plan must run over several pages."""
    from models.calendar.edit import ItemFields, save_item

    for offset in range(7):
        for n in range(per_day):
            save_item(ItemFields(title=f"第{offset + 1}天话题讨论{n + 1:02d}：社群运营经验复盘",
                                 kind="话题讨论", date=MONDAY + dt.timedelta(days=offset),
                                 start_time=dt.time(8 + n % 12, (n * 5) % 60)), [])
