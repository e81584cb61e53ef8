"""Demo activities: past, current and upcoming ones made from the built-in templates.

Past activities are done and reviewed, with sign-ups, attendance (and the points it
earns) and every step ticked; current and upcoming ones are part-way through their
checklists, with a few steps left overdue so the overview has something to flag.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from models.activities.activity import save_activity, set_groups
from models.activities.checklists import ROLES
from models.activities.tables import Activity, ChecklistItem
from models.activities.templates import create_from_template, get_by_name
from models.members.cards import Member
from models.members.contributions import refresh_points
from models.store import settings
from models.store.db import database, tuples

# (template, title, days from today, hour, status, place)
PLAN = (
    ("裂变活动", "「邀请好友领 AI 工具包」裂变活动", -61, 20, "done", ""),
    ("课程发售/开营", "AI 提效训练营 第 2 期 开营", -40, 20, "done", "腾讯会议"),
    ("线下聚会", "上海同城面基 · 秋季咖啡局", -26, 14, "done", "上海市静安区某咖啡馆二楼"),
    ("每周答疑", "每周答疑 · 提示词怎么写", -20, 20, "done", "群内语音"),
    ("每周答疑", "每周答疑 · AI 做 PPT", -13, 20, "done", "群内语音"),
    ("新成员欢迎流程", "11 月新成员欢迎", -9, 20, "done", ""),
    ("每周答疑", "每周答疑 · 小红书运营", -6, 20, "done", "群内语音"),
    ("线下聚会", "北京读书会（因场地取消）", -3, 14, "cancelled", "北京市朝阳区"),
    ("每周答疑", "每周答疑 · 数据分析入门", 1, 20, "ready", "群内语音"),
    ("新成员欢迎流程", "12 月新成员欢迎", 5, 20, "planning", ""),
    ("线下聚会", "上海同城面基 · 年末聚餐", 17, 18, "planning", "上海市徐汇区某餐厅包间"),
    ("课程发售/开营", "AI 提效训练营 第 3 期 开营", 24, 20, "planning", "腾讯会议"),
)
KEEP_NOTES = {
    "offline": ("破冰环节大家很投入，下次继续", "志愿者分工清楚，签到很顺",
                "按爱好分桌，聊得很开"),
    "online": ("提前一周宣传效果好，报名比上次多", "答疑文档整理得及时，群里转发多",
               "问题提前收集，嘉宾准备充分"),
}
CHANGE_NOTES = {
    "offline": ("场地偏小，下次找能坐 40 人的", "报名后到场率偏低，要提前一天电话确认",
                "茶歇不够，下次按报名人数 1.2 倍准备"),
    "online": ("直播开始前设备调试太晚", "提醒消息发得晚了，有人错过",
               "时间拖长了，下次控制在一小时内"),
}


def populate_demo(rng: random.Random, today: dt.date) -> None:
    active = Member.select(Member.id).where(Member.left_on.is_null()).order_by(Member.id)
    members: list[int] = [m for (m,) in tuples(active)]
    if not members:
        return
    group_rows = database.execute_sql('SELECT id, name FROM "group" ORDER BY position').fetchall()
    helpers = rng.sample(members, min(len(members), 12))
    per_kind = int(settings.get("points_per_kind").get("attend", 5))
    touched: set[int] = set()
    with database.atomic():
        for template_name, title, days, hour, status, place in PLAN:
            template = get_by_name(template_name)
            if template is None:
                continue
            start = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, 0))
            offline = template.kind == "offline"
            activity = create_from_template(template.id, {
                "title": title, "start": start, "place": place, "status": status,
                "capacity": 30 if offline else 0, "fee": 50 if offline else 0,
                "budget": 800 if offline else 0, "goal": template.description})
            groups = [g for g, name in group_rows if ("上海" in name) == ("上海" in title)]
            set_groups(activity.id, groups[:2] or [g for g, _ in group_rows[:1]])
            _tick_steps(rng, activity, today, helpers)
            if status != "cancelled":
                touched |= _people(rng, activity, members, today, per_kind)
            if status == "done":
                _review(rng, activity)
        refresh_points(sorted(touched))
    _promote_upcoming(today)


def _tick_steps(rng: random.Random, activity: Activity, today: dt.date,
                helpers: list[int]) -> None:
    roles = [r for r in ROLES if r != "owner"]
    for item in ChecklistItem.select().where(ChecklistItem.activity == activity.id):
        if item.assignee_role in roles and rng.random() < 0.6:
            item.assignee_member_id = rng.choice(helpers)
        due = item.due_on  # set: a template's steps are all relative to the start
        if due is not None and due < today and (activity.status == "done" or rng.random() < 0.8):
            item.done = True
            item.done_on = min(today, due + dt.timedelta(days=rng.choice((-1, 0, 0, 1))))
        item.save()


def _people(rng: random.Random, activity: Activity, members: list[int], today: dt.date,
            per_kind: int) -> set[int]:
    capacity = activity.capacity or rng.randint(25, 80)
    count = min(len(members), max(3, int(capacity * rng.uniform(0.6, 1.0))))
    chosen = rng.sample(members, count)
    start = activity.start
    past = start.date() < today
    rows, points = [], []
    for mid in chosen:
        # Nobody signs up in the future: for upcoming ones, somewhere in the last days.
        signed = min(start.date() - dt.timedelta(days=rng.randint(1, 10)),
                     today - dt.timedelta(days=rng.randint(0, 6)))
        attended = past and rng.random() < 0.72
        checked = start + dt.timedelta(minutes=rng.randint(-20, 15)) if attended else None
        rows.append((activity.id, mid, signed.isoformat(), int(attended),
                     checked.isoformat(sep=" ") if checked else None, ""))
        if attended:
            points.append((mid, start.date().isoformat(), "attend", per_kind, activity.title,
                           activity.id))
    database.cursor().executemany(
        "INSERT OR IGNORE INTO sign_up(activity_id, member_id, signed_up_on, attended, "
        "checked_in_at, note) VALUES (?,?,?,?,?,?)", rows)
    database.cursor().executemany(
        "INSERT INTO contribution(member_id, date, kind, points, note, activity_id) "
        "VALUES (?,?,?,?,?,?)", points)
    return {p[0] for p in points}


def _review(rng: random.Random, activity: Activity) -> None:
    attended = database.execute_sql(
        "SELECT COUNT(*) FROM sign_up WHERE activity_id=? AND attended=1",
        (activity.id,)).fetchone()[0]
    course = "训练营" in activity.title
    conversions = int(attended * rng.uniform(0.1, 0.35))
    save_activity({
        "new_members": rng.randint(2, 30) if "裂变" in activity.title else rng.randint(0, 6),
        "conversions": conversions,
        "income": Decimal(conversions * 299) if course else Decimal(attended * activity.fee),
        "review_keep": rng.choice(KEEP_NOTES[activity.kind]),
        "review_change": rng.choice(CHANGE_NOTES[activity.kind]),
        "reviewed_on": activity.end_or_start.date() + dt.timedelta(days=2),
    }, activity.id)


def _promote_upcoming(today: dt.date) -> None:
    """Promotion posts for upcoming activities."""
    from models.activities.promotion import schedule_promotion

    upcoming = Activity.select(Activity.id).where(
        (Activity.start >= dt.datetime.combine(today, dt.time.min))
        & (Activity.status != "cancelled"))
    for (aid,) in tuples(upcoming):
        schedule_promotion(aid, today=today)
