"""Demo content calendar: the rhythm a real AI community keeps (PLAYBOOK §2).

A weekday morning digest, weekly featured activities (Wednesday read-aloud, Friday KTV),
weekly Q&A, a monthly rules reminder and review, one-off KOL shares presented by members,
posters and announcements, backlog ideas and content sources, and a couple of entries
left overdue so the demo shows what that looks like.
"""

from __future__ import annotations

import datetime as dt
import random

from models.calendar.edit import ItemFields, Ref, materialize, move, save_item, save_series, set_status
from models.calendar.entries import ContentSeries, ensure_default_kinds
from models.calendar.lists import save_source
from models.calendar.recurrence import Rule
from models.store.db import database

SHARES = (
    ("用 AI 做短视频脚本：从选题到分镜", "分享"), ("私域运营复盘：三个月从 0 到 3000 人", "分享"),
    ("小红书爆款笔记拆解", "分享"), ("Python 自动化办公实战", "课程"),
    ("AI 绘画商业化的 5 种路子", "分享"), ("副业变现避坑指南", "话题讨论"),
    ("如何写一篇让人读完的长文", "分享"), ("数据分析入门：用表格讲故事", "课程"),
    ("大模型选型：什么场景用什么模型", "分享"), ("社群裂变活动怎么设计", "话题讨论"),
)
IDEAS = ("请老成员讲讲入群一年的变化", "AI 工具红黑榜投票", "线下读书会选书征集",
         "新人答疑专场", "年度优秀成员评选海报", "同城面基路线推荐")
SOURCES = (
    ("36氪", "https://36kr.com", "每日科技快讯，早报主要来源"),
    ("少数派", "https://sspai.com", "效率工具、软件评测"),
    ("机器之心", "https://www.jiqizhixin.com", "AI 行业新闻与论文解读"),
    ("Hacker News", "https://news.ycombinator.com", "海外技术圈热点"),
    ("成员投稿", "", "成员在群里分享的优质内容，整理后发到公众号"),
)


def _members(rng: random.Random, count: int) -> list[int | None]:
    """`count` presenters drawn from the community; None each (nobody) without members."""
    preferred = [r[0] for r in database.execute_sql(
        "SELECT DISTINCT member_id FROM membership WHERE role IN ('kol', 'speaker') "
        "ORDER BY member_id")]
    others = [r[0] for r in database.execute_sql(
        "SELECT id FROM member WHERE left_on IS NULL ORDER BY id LIMIT 500")]
    pool = preferred or others
    if not pool:
        return [None] * count
    return [rng.choice(pool) for _ in range(count)]


def populate_demo(rng: random.Random, today: dt.date) -> None:
    # A private generator seeded from the shared one's state without advancing it, so the
    # other demo extensions draw the same numbers whether or not the calendar runs first.
    rng = random.Random(rng.getstate()[1][0])
    ensure_default_kinds()
    groups = [r[0] for r in database.execute_sql('SELECT id FROM "group" ORDER BY position')]
    main = tuple(groups[:2])
    everyone = tuple(groups)
    monday = today - dt.timedelta(days=today.weekday())
    start = monday - dt.timedelta(weeks=6)
    hosts = _members(rng, 4)
    with database.atomic():
        series = [
            save_series(ItemFields("每日资讯早报", "早报", start, dt.time(8, 0), 10, "ready",
                                   body="【AI 早报】\n1. \n2. \n3. \n\n来源：36氪 / 机器之心",
                                   group_ids=everyone), Rule("workdays")),
            save_series(ItemFields("每周三读书 · 一小时共读", "活动推广", start + dt.timedelta(2),
                                   dt.time(20, 0), 60, "ready", hosts[0],
                                   body="今晚 8 点读书会，本周共读第 3 章，语音接龙朗读。",
                                   group_ids=main), Rule("weekly", weekdays=(2,))),
            save_series(ItemFields("周五 KTV 比赛（20 分钟）", "活动推广", start + dt.timedelta(4),
                                   dt.time(21, 0), 20, "ready", hosts[1],
                                   body="周五 KTV 比赛开始报名！每人一首，群投票选出本周麦霸。",
                                   group_ids=main), Rule("weekly", weekdays=(4,))),
            save_series(ItemFields("每周答疑", "答疑", start + dt.timedelta(3), dt.time(20, 30),
                                   60, "ready", hosts[2],
                                   body="问题请在周二前发到群里，答案整理成文档发在群公告。",
                                   notes="提前 3 天收集问题", group_ids=everyone),
                        Rule("weekly", weekdays=(3,))),
            save_series(ItemFields("群规重温", "公告", start.replace(day=1), None, 0, "ready",
                                   body="每月 1 号重温群规：禁止广告、友善交流。",
                                   group_ids=everyone), Rule("monthly_date")),
            save_series(ItemFields("月度复盘直播", "课程", start, dt.time(19, 30), 90, "draft",
                                   hosts[3], group_ids=main),
                        Rule("monthly_weekday", nth=-1, count=12)),
        ]
        # History is not overdue work: the series count as set up today.
        created = dt.datetime.combine(today, dt.time(0))
        ContentSeries.update(created_at=created).where(ContentSeries.id.in_(series)).execute()
        # The last two weeks of digests were published; one KTV night moved to Saturday.
        for back in range(1, 15):
            day = today - dt.timedelta(days=back)
            if day.weekday() < 5:
                set_status(Ref(None, series[0], day), "published")
        last_friday = today - dt.timedelta(days=(today.weekday() - 4) % 7 or 7)
        move(Ref(None, series[2], last_friday), last_friday + dt.timedelta(days=1))
        set_status(Ref(None, series[2], last_friday), "published")
        materialize(series[1], last_friday - dt.timedelta(days=2))
        set_status(Ref(None, series[1], last_friday - dt.timedelta(days=2)), "published")

        presenters = _members(rng, len(SHARES))
        for n, ((title, kind), who) in enumerate(zip(SHARES, presenters, strict=True)):
            day = today + dt.timedelta(days=-28 + n * 6 + rng.randint(0, 2))
            if day.weekday() >= 5:
                day -= dt.timedelta(days=2)
            status = "published" if day < today else rng.choice(("draft", "ready"))
            save_item(ItemFields(f"KOL 分享：{title}", kind, day, dt.time(20, 0), 60, status, who,
                                 body=f"今晚 8 点 {title}，欢迎大家准时来听～", group_ids=main))
        save_item(ItemFields("双十二活动海报", "海报", today + dt.timedelta(days=9), None, 0,
                             "draft", notes="找设计志愿者", group_ids=everyone))
        save_item(ItemFields("年终聚会报名通知", "公告", today + dt.timedelta(days=16),
                             dt.time(12, 0), 0, "draft", group_ids=everyone))
        # Two things that slipped: they show up as overdue.
        save_item(ItemFields("成员投稿精选（第 12 期）", "分享", today - dt.timedelta(days=3),
                             dt.time(18, 0), 0, "draft", group_ids=main))
        save_item(ItemFields("新人欢迎海报", "海报", today - dt.timedelta(days=1), None, 0,
                             "ready", group_ids=(groups[0],) if groups else ()))
        for title in IDEAS:
            save_item(ItemFields(title, rng.choice(("话题讨论", "分享", "活动推广", "海报")),
                                 None, status="idea"))
        for name, link, notes in SOURCES:
            save_source(name, link, notes)
