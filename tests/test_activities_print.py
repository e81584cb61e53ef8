"""Printables: an activity's checklist and its sign-in sheet, through the app's print path."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from models.activities import checklists as C
from models.activities import signups as S
from models.activities import templates as T
from models.members.cards import Member


def _activity_with_people() -> int:
    template = T.get_by_name("线下聚会")
    activity = T.create_from_template(template.id, {
        "title": "上海面基 <秋季>", "start": dt.datetime(2026, 12, 5, 14, 0),
        "place": "静安区某咖啡馆"})
    ids = []
    for name, phone in (("张三", "13800138000"), ("李四", "")):
        member = Member(name=name, phone=phone, nickname="=1+1")
        member.refresh_keys()
        member.save()
        ids.append(member.id)
    S.sign_up(activity.id, ids)
    C.set_done(C.steps(activity.id)[0].id, True, dt.date(2026, 11, 15))
    return activity.id


def test_checklist_html(db):
    from ui.activities.printables import checklist_html

    aid = _activity_with_people()
    html = checklist_html(aid, today=dt.date(2026, 11, 25))
    assert "上海面基 &lt;秋季&gt;" in html  # escaped
    assert "完成 1/15" in html and "☑" in html and "2026-11-15" in html
    assert "逾期" in html  # the T-14 steps were due on Nov 21
    assert "T-21" in html and "后勤" in html


def test_signin_sheet_html_masks_phones(db):
    from ui.activities.printables import WALK_IN_ROWS, signin_sheet_html

    aid = _activity_with_people()
    html = signin_sheet_html(aid)
    assert "张三" in html and "李四" in html and "8000" in html
    assert "13800138000" not in html  # only the last four digits on a sheet at the door
    assert "签名" in html and html.count("<tr>") == 1 + 2 + WALK_IN_ROWS


def test_pdfs_keep_the_chinese(db, qapp, tmp_path):
    from ui.activities.printables import render_checklist_pdf, render_signin_pdf
    from ui.fonts import cjk_family

    if cjk_family() is None:
        pytest.skip("no CJK font installed")
    aid = _activity_with_people()
    checklist, sheet = tmp_path / "c.pdf", tmp_path / "s.pdf"
    assert render_checklist_pdf(aid, checklist) >= 1
    assert render_signin_pdf(aid, sheet) >= 1
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "签到表" in text and "张三" in text
    text = subprocess.run(["pdftotext", str(checklist), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "预订场地" in text
