"""Survey exports (问卷星, 腾讯问卷, 金数据): question headers mapped by keywords, the
survey's own columns left unmapped with a notice unless the owner maps them."""

from __future__ import annotations

import openpyxl
import pytest

from models.members.cards import Member
from models.roster.importer import import_roster
from models.roster.mapping import guess_field, header_key, propose


@pytest.mark.parametrize(("header", "key", "field"), [
    ("6、您希望从社群获得什么？", "希望从社群获得什么", "needs"),
    ("您的微信号：", "微信号", "wechat_id"),
    ("Q6. 您的手机号码？", "手机号码", "phone"),
    ("Q12：您的微信昵称", "微信昵称", "wechat_name"),
    ("第3题 您的职业是？", "职业", "job_title"),
    ("(2)您所在的城市", "所在的城市", "city"),
    ("【4】您的性别", "性别", "gender"),
    ("①您的姓名", "姓名", "name"),
    ("请问您怎么称呼？", "怎么称呼", "name"),
    ("7. 您是通过什么渠道了解到本群的？", "是通过什么渠道了解到本群的", "source"),
    ("8、您目前从事什么行业？", "目前从事什么行业", "industry"),
    ("9.您擅长的领域/可以提供的资源", "擅长的领域/可以提供的资源", "expertise"),
    ("10、您有什么兴趣爱好？", "有什么兴趣爱好", "hobbies"),
    ("11、您对社群有什么建议？", "对社群有什么建议", "notes"),
    ("5、您的生日：", "生日", "birthday"),
    ("谁邀请您加入的？", "谁邀请您加入的", "inviter"),
    ("微信头像", "微信头像", None),  # a picture's URL, not a WeChat ID
])
def test_question_headers(header, key, field):
    assert header_key(header) == key
    assert guess_field(header) == field


def test_numbers_and_dates_are_not_questions():
    assert header_key("2024-03-05") == "20240305"
    assert guess_field("138-0013-8000") is None


WJX = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：",
       "2、您的微信号：", "3、您希望从社群获得什么？", "4、您所在的城市："]


def test_a_wjx_export_maps_its_questions_and_leaves_its_own_columns(db, tmp_path):
    assert propose(WJX) == {0: None, 1: None, 2: None, 3: None, 4: None, 5: None, 6: "name",
                            7: "wechat_id", 8: "needs", 9: "city"}
    wb = openpyxl.Workbook()
    wb.active.append(WJX)
    wb.active.append([1, "2024/3/5 10:12:01", "95秒", "微信", "N/A", "115.192.1.1(浙江-杭州)",
                      "周明", "xiaoming_88", "认识同行，找到合作机会", "杭州"])
    path = tmp_path / "问卷.xlsx"
    wb.save(path)
    report = import_roster(path)
    member = Member.get()
    assert (member.name, member.wechat_id, member.needs, member.city, member.source) == (
        "周明", "xiaoming_88", "认识同行，找到合作机会", "杭州", "")
    assert report.notices == [
        "这是问卷导出的表，问卷自带的列没有导入：序号、提交答卷时间、所用时间、来源、来源详情、"
        "来自IP（它们记录的是这次填写，不是成员本人；需要的话可在导入向导里对应）"]


def test_a_tencent_survey_export(db, tmp_path):
    headers = ["编号", "开始答题时间", "结束答题时间", "答题时长", "填写设备", "操作系统",
               "浏览器", "1.您的姓名", "2.您的手机号", "3.您的微信昵称", "4.您所在的公司"]
    mapping = propose(headers)
    assert [mapping[i] for i in range(len(headers))] == [
        None, None, None, None, None, None, None, "name", "phone", "wechat_name", "company"]


def test_the_owner_can_still_map_a_survey_column(db, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(WJX)
    wb.active.append([1, "2024/3/5 10:12:01", "95秒", "朋友圈", "", "1.1.1.1", "周明",
                      "xiaoming_88", "", "杭州"])
    path = tmp_path / "问卷.xlsx"
    wb.save(path)
    report = import_roster(path, mapping={"来源": "source"})
    assert Member.get().source == "朋友圈"
    assert "来源" not in report.notices[0].split("：")[1].split("（")[0].split("、")


def test_a_rosters_own_source_column_is_still_the_members(db, tmp_path):
    assert propose(["姓名", "来源", "微信号", "提交时间"]) == {
        0: "name", 1: "source", 2: "wechat_id", 3: None}
