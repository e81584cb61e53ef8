"""A believable demo community: members, groups, tags, follow-ups, contributions, invites.

The calendar and activities add their own demo data (`populate_demo(rng, today)` in
their `demo` modules).
Raw executemany keeps 100,000 members to a few seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from models.activities import demo as activities_demo
from models.calendar import demo as calendar_demo
from models.members.contributions import KINDS, refresh_points
from models.members.pinyin_keys import combined_keys, sort_key
from models.members.tags import TagCategory, ensure_default_categories
from models.store import settings
from models.store.db import database

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
            "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇欧阳")
GIVEN = ("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 浩 宇 欣怡 "
         "梓涵 子轩 一诺 思远 雨桐 博文 晓东 晓燕 建国 志强 海燕 婷婷 佳琪 嘉怡 俊杰 文博 诗涵 "
         "晨曦 若汐 浩然 子墨 天佑 可馨 梦琪 雅琴 振华 国栋 立新 丹丹 亮 鹏 飞 琳 颖 倩 宁 悦 "
         "静怡 思琪 雨萱 家豪 泽宇 明轩 语嫣 紫涵 一鸣 书瑶 安琪 慧敏 志刚 建华 秋菊 春梅").split()
NICK_WORDS = ("清风 小满 阿飞 橘子 大鹏 晴天 北辰 木子 一念 知秋 星河 小鹿 夏至 南风 柚子 "
              "老王 阿杰 喵喵 Lucky Ada Leo Coco Tony 🌸花花 🍊橙子 ☀️阳光").split()
CITIES = ("北京 上海 广州 深圳 杭州 成都 武汉 南京 西安 重庆 苏州 长沙 厦门 青岛 天津 郑州 "
          "合肥 昆明 大连 宁波 福州 济南 沈阳 哈尔滨 香港 新加坡").split()
JOBS = ("产品经理 运营 程序员 设计师 销售 老师 创业者 自由职业 财务 HR 律师 医生 学生 "
        "市场总监 数据分析师 主播 咨询顾问").split()
INDUSTRIES = "互联网 教育 金融 医疗 制造 零售 传媒 咨询 房地产 电商 游戏 政府 餐饮".split()
COMPANIES = ("字节跳动 腾讯 阿里巴巴 美团 京东 网易 小米 华为 新东方 平安 招商银行 顺丰 "
             "个体经营 自有工作室 某创业公司").split()
EXPERTISE = ("短视频剪辑 私域运营 Python 数据分析 文案写作 海报设计 直播带货 理财 英语口语 "
             "摄影 育儿 健身 AI绘画 公众号 小红书 社群裂变 PPT 心理咨询").split()
NEEDS = ("找合作伙伴 学习AI工具 拓展人脉 找工作机会 提升写作 副业变现 认识同城朋友 "
         "学习运营方法 找投资 交流育儿经验").split()
HOBBIES = "跑步 读书 唱歌 羽毛球 徒步 摄影 烘焙 桌游 骑行 钓鱼 瑜伽 旅行 咖啡 电影".split()
SOURCES = "朋友邀请 公众号 朋友圈 视频号 小红书 线下活动 知乎 抖音 老成员推荐".split()

TAGS_BY_CATEGORY = {
    "领域": ["AI", "运营", "设计", "开发", "营销", "教育"],
    "活跃度": ["高活跃", "偶尔发言", "潜水"],
    "消费": ["付费会员", "年费", "高消费", "未付费"],
    "互动": ["KOL", "爱提问", "乐于助人", "分享者"],
    "地区": ["北京", "上海", "广深", "江浙沪", "海外"],
    "身份": ["种子用户", "志愿者", "讲师"],
}
FOLLOWUP_NOTES = ("聊了最近的工作，想参加下次线下聚会", "对付费课程感兴趣，下周再联系",
                  "推荐了两位朋友入群", "反馈群里广告太多", "愿意做一次分享", "生日祝福",
                  "了解了个人诉求：想找合作伙伴", "问了活动报名的事")


def build(members: int = 300, seed: int = 7, today: dt.date | None = None,
          progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Fill the (empty or not) open database with a demo community; returns counts."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    with database.atomic("IMMEDIATE"):  # all of the demo, or (after a crash) none of it
        ensure_default_categories()
        settings.put("community_name", "AI 实战派社群")
        group_ids = _groups(members)
        tag_ids = _tags()
        first_id = (database.execute_sql("SELECT COALESCE(MAX(id),0) FROM member").fetchone()[0]
                    + 1)
        ids = _members(rng, members, first_id, today, progress)
        _memberships(rng, ids, group_ids, today)
        _member_tags(rng, ids, tag_ids)
        _followups(rng, ids, today)
        _contributions(rng, ids, today)
        calendar_demo.populate_demo(rng, today)
        activities_demo.populate_demo(rng, today)
    return {"members": len(ids), "groups": len(group_ids), "tags": len(tag_ids)}


def _groups(members: int) -> list[tuple[int, str, int]]:
    specs = [("AI 实战派 1 群", "wechat", 500), ("AI 实战派 2 群", "wechat", 500),
             ("同城面基群（上海）", "wechat", 500), ("AI 实战派 QQ 大群", "qq", 2000),
             ("知识星球 · AI 实战派", "zsxq", 0)]
    out = []
    for pos, (name, platform, cap) in enumerate(specs):
        row = database.execute_sql('SELECT id FROM "group" WHERE name=?', (name,)).fetchone()
        if row is None:
            cursor = database.execute_sql(
                'INSERT INTO "group"(name, platform, capacity, rules, welcome, notes, position) '
                "VALUES (?,?,?,?,?,?,?)",
                (name, platform, cap,
                 "1. 禁止发广告和拉票\n2. 每周三晚 8 点话题讨论\n3. 友善交流，尊重他人",
                 f"欢迎加入「{name}」！请先阅读群公告，并按“姓名-城市-行业”修改群昵称，"
                 "然后做个自我介绍吧～", "", pos))
            out.append((cursor.lastrowid, platform, cap))
        else:
            out.append((row[0], platform, cap))
    return out


def _tags() -> list[int]:
    ids = []
    for cat_name, names in TAGS_BY_CATEGORY.items():
        category = TagCategory.get_or_none(TagCategory.name == cat_name)
        for name in names:
            database.execute_sql("INSERT OR IGNORE INTO tag(name, category_id) VALUES (?,?)",
                                 (name, category.id if category else None))
            ids.append(database.execute_sql("SELECT id FROM tag WHERE name=?", (name,))
                       .fetchone()[0])
    return ids


def _members(rng: random.Random, n: int, first_id: int, today: dt.date,
             progress: Callable[[int, int], None] | None) -> list[int]:
    now = dt.datetime.now().isoformat(sep=" ")
    cols = ("id name nickname wechat_name wechat_id phone qq email gender city birthday job_title industry "
            "company expertise needs hobbies family source inviter_id joined_on left_on entry_fee "
            "notes is_friend friend_added_on next_contact_on last_contact_on points pinyin "
            "initials sort_name created_at updated_at").split()
    sql = f"INSERT INTO member ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"
    ids: list[int] = []
    rows: list[tuple[Any, ...]] = []
    for i in range(n):
        mid = first_id + i
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if rng.random() < 0.02:
            name = rng.choice(("欧阳", "司马", "上官")) + rng.choice(GIVEN)
        nick = f"{rng.choice(NICK_WORDS)}-{rng.choice(CITIES)}" if rng.random() < 0.8 else ""
        joined = today - dt.timedelta(days=int(rng.triangular(0, 540, 60)))
        left = None
        stayed = (today - joined).days
        if rng.random() < 0.1 and stayed >= 7:  # left 7-200 days after joining, by today
            left = joined + dt.timedelta(days=rng.randint(7, min(200, stayed)))
        inviter = rng.choice(ids[-5000:]) if ids and rng.random() < 0.3 else None
        birthday = (dt.date(rng.randint(1965, 2004), rng.randint(1, 12), rng.randint(1, 28))
                    if rng.random() < 0.7 else None)
        friend = rng.random() < 0.75
        pin, ini = combined_keys(name, nick)
        # The WeChat name is the nickname's first part (no draw from rng: the demo of a
        # seed stays the same community as before the field existed).
        wechat_name = nick.split("-")[0] if nick and mid % 4 else ""
        rows.append((
            mid, name, nick, wechat_name,
            f"wx_{mid:06d}{rng.choice('abcdefgh')}" if rng.random() < 0.9 else None,
            f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}" if rng.random() < 0.85
            else "", "", "", rng.choice(("男", "女", "女", "男", "")), rng.choice(CITIES),
            birthday.isoformat() if birthday else None, rng.choice(JOBS), rng.choice(INDUSTRIES),
            rng.choice(COMPANIES), "、".join(rng.sample(EXPERTISE, rng.randint(1, 3))),
            rng.choice(NEEDS), "、".join(rng.sample(HOBBIES, rng.randint(1, 3))),
            rng.choice(("", "", "已婚，有一个女儿", "孩子上小学", "单身")),
            "朋友邀请" if inviter else rng.choice(SOURCES), inviter, joined.isoformat(),
            left.isoformat() if left else None, rng.choice((None, 99, 199, 199, 365)),
            rng.choice(("", "", "", "愿意做志愿者", "做过两次分享，讲得很好", "年费会员续费意向高")),
            int(friend), (joined + dt.timedelta(days=1)).isoformat() if friend else None,
            (today + dt.timedelta(days=rng.randint(-10, 30))).isoformat()
            if rng.random() < 0.08 else None,
            None, 0, pin, ini, sort_key(name), now, now,
        ))
        ids.append(mid)
        if len(rows) == 2000:
            database.cursor().executemany(sql, rows)
            rows.clear()
            if progress:
                progress(i + 1, n)
    if rows:
        database.cursor().executemany(sql, rows)
    if progress:
        progress(n, n)
    return ids


def _memberships(rng: random.Random, ids: list[int], groups: list[tuple[int, str, int]],
                 today: dt.date) -> None:
    roles = ["member"] * 40 + ["admin", "kol", "seed", "seed", "speaker", "volunteer"]
    fill = {gid: 0 for gid, _, _ in groups}
    unlimited = [gid for gid, _, cap in groups if not cap]
    rows = []
    for mid in ids:
        joined = []
        for gid, _platform, cap in rng.sample(groups, rng.randint(1, 2)):
            # Keep capped groups below capacity, one or two of them close to full.
            if cap and fill[gid] >= cap * 0.96:
                continue
            fill[gid] += 1
            joined.append(gid)
        if not joined and unlimited:  # everyone belongs somewhere: the paid circle has room
            joined.append(unlimited[0])
        rows += [(mid, gid, rng.choice(roles), today.isoformat()) for gid in joined]
    if ids:
        rows.append((ids[0], groups[0][0], "owner", today.isoformat()))
    database.cursor().executemany(
        "INSERT OR REPLACE INTO membership(member_id, group_id, role, joined_on) VALUES (?,?,?,?)",
        rows)


def _member_tags(rng: random.Random, ids: list[int], tag_ids: list[int]) -> None:
    rows = [(mid, tag) for mid in ids for tag in rng.sample(tag_ids, rng.randint(0, 4))]
    database.cursor().executemany(
        "INSERT OR IGNORE INTO member_tag(member_id, tag_id) VALUES (?,?)", rows)


def _followups(rng: random.Random, ids: list[int], today: dt.date) -> None:
    rows = []
    for mid in ids:
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 3)):
                when = today - dt.timedelta(days=rng.randint(0, 120))
                rows.append((mid, when.isoformat(), rng.choice(("wechat", "wechat", "phone", "meet")),
                             rng.choice(FOLLOWUP_NOTES), dt.datetime.now().isoformat(sep=" ")))
    database.cursor().executemany(
        "INSERT INTO follow_up(member_id, date, channel, note, created_at) VALUES (?,?,?,?,?)", rows)
    database.execute_sql(
        "UPDATE member SET last_contact_on=(SELECT MAX(date) FROM follow_up f "
        "WHERE f.member_id=member.id) WHERE id IN (SELECT member_id FROM follow_up)")


def _contributions(rng: random.Random, ids: list[int], today: dt.date) -> None:
    per_kind = settings.get("points_per_kind")
    rows = []
    touched = []
    for mid in ids:
        if rng.random() < 0.4:
            touched.append(mid)
            for _ in range(int(rng.paretovariate(1.5))):
                kind = rng.choice(KINDS[:4])
                when = today - dt.timedelta(days=rng.randint(0, 180))
                rows.append((mid, when.isoformat(), kind, per_kind[kind], ""))
    database.cursor().executemany(
        "INSERT INTO contribution(member_id, date, kind, points, note) VALUES (?,?,?,?,?)", rows)
    refresh_points(touched)
