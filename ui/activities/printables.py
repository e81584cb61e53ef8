"""Printable HTML of an activity: its checklist and the sign-in sheet (签到表).

Both go through ui/print/document.py, the app's one print path (A4, CJK font,
header with the community name, page numbers, table headers repeated per page).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models.activities import activity as activities
from models.activities import checklists, signups
from ui import i18n
from ui.activities.labels import assignee_name, kind_label, role_label

if TYPE_CHECKING:
    from models.activities.tables import Activity

WALK_IN_ROWS = 6  # blank lines at the end of a sign-in sheet for people who just turn up


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivityPrint", text)


def _when(activity: Activity) -> str:
    text = activity.start.strftime("%Y-%m-%d %H:%M")
    if activity.end:
        text += " – " + activity.end.strftime(
            "%H:%M" if activity.end.date() == activity.start.date() else "%Y-%m-%d %H:%M")
    return text


def _meta(activity: Activity) -> str:
    groups = i18n.join(activities.group_names([activity.id]).get(activity.id, []))
    parts = [_tr("时间：%1").replace("%1", _when(activity)),
             _tr("形式：%1").replace("%1", kind_label(activity.kind))]
    if activity.place:
        parts.append((_tr("地点：%1") if activity.kind == "offline" else _tr("链接：%1"))
                     .replace("%1", activity.place))
    if groups:
        parts.append(_tr("面向：%1").replace("%1", groups))
    return f'<p class="muted">{escape("　".join(parts))}</p>'


def checklist_html(activity_id: int, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    activity = activities.require_activity(activity_id)
    items = checklists.steps(activity_id)
    done = sum(1 for i in items if i.done)
    head = "".join(f"<th>{escape(h)}</th>" for h in (
        "✓", _tr("步骤"), _tr("截止日期"), _tr("相对"), _tr("负责人"), _tr("备注"),
        _tr("完成日期")))
    rows = []
    for item in items:
        overdue = not item.done and item.due_on is not None and item.due_on < today
        assignee = role_label(item.assignee_role)
        if (name := assignee_name(item)) is not None:
            assignee = name + ("" if item.assignee_role == "owner" else i18n.aside(assignee))
        due = item.due_on.isoformat() if item.due_on else ""
        if overdue:
            due = f'<span class="warn">{due} {escape(_tr("逾期"))}</span>'
        rows.append(
            "<tr>"
            f"<td>{'☑' if item.done else '☐'}</td>"
            f"<td>{escape(item.title)}</td><td>{due}</td>"
            f"<td>{escape(checklists.offset_label(item.due_offset) or _tr('固定'))}</td>"
            f"<td>{escape(assignee)}</td>"
            f'<td class="small">{escape(item.notes).replace(chr(10), "<br>")}</td>'
            f"<td>{item.done_on.isoformat() if item.done and item.done_on else ''}</td>"
            "</tr>")
    if not rows:
        rows.append(f'<tr><td class="empty" colspan="7">{escape(_tr("还没有步骤"))}</td></tr>')
    summary = _tr("清单进度：完成 %1/%2").replace("%1", str(done)).replace("%2", str(len(items)))
    goal = f"<p>{escape(_tr('目标：'))}{escape(activity.goal)}</p>" if activity.goal else ""
    return (f"<h1>{escape(activity.title)}</h1>{_meta(activity)}{goal}"
            f"<p><b>{escape(summary)}</b></p>"
            f'<table width="100%"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _phone_tail(phone: str) -> str:
    # A sheet lying on a table at the door: only the last four digits, to tell people apart.
    return phone[-4:] if len(phone) >= 4 else ""


def _cell(text: str, width: str = "") -> str:
    # Tall one-line rows leave room to sign; padding (not a second line) keeps a row from
    # being split across two pages.
    attr = f' width="{width}"' if width else ""
    return f'<td{attr} style="border: 1px solid #c3cbd3; padding: 9px 5px;">{text or "&nbsp;"}</td>'


def signin_sheet_html(activity_id: int) -> str:
    activity = activities.require_activity(activity_id)
    people = signups.signups(activity_id)
    head = "".join(f"<th>{escape(h)}</th>" for h in (
        _tr("序号"), _tr("姓名"), _tr("群昵称"), _tr("手机尾号"), _tr("签名"), _tr("备注")))
    rows = []
    for n, row in enumerate(people, start=1):
        member = row.member
        note = " ".join(t for t in (f"+{row.companions}" if row.companions else "", row.note) if t)
        rows.append(f"<tr>{_cell(str(n))}{_cell(escape(member.name))}"
                    f"{_cell(escape(member.nickname))}{_cell(_phone_tail(member.phone))}"
                    f'{_cell("", "32%")}{_cell(escape(note), "14%")}</tr>')
    for n in range(len(people) + 1, len(people) + 1 + WALK_IN_ROWS):
        rows.append(f"<tr>{_cell(str(n))}{_cell('')}{_cell('')}{_cell('')}"
                    f'{_cell("", "32%")}{_cell("", "14%")}</tr>')
    title = _tr("签到表 · %1").replace("%1", activity.title)
    count = _tr("报名 %1 人").replace("%1", str(sum(row.heads for row in people)))
    if companions := sum(int(row.companions) for row in people):
        count += _tr("（含同伴 %1 人）").replace("%1", str(companions))
    return (f"<h1>{escape(title)}</h1>{_meta(activity)}<p>{escape(count)}</p>"
            f'<table width="100%"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def checklist_title(activity_id: int) -> str:
    return _tr("活动清单 - %1").replace("%1", activities.require_activity(activity_id).title)


def signin_title(activity_id: int) -> str:
    return _tr("签到表 - %1").replace("%1", activities.require_activity(activity_id).title)


def render_checklist_pdf(activity_id: int, path: Path) -> int:
    from ui.print.document import render_pdf

    return render_pdf(checklist_html(activity_id), path, title=checklist_title(activity_id))


def render_signin_pdf(activity_id: int, path: Path) -> int:
    from ui.print.document import render_pdf

    return render_pdf(signin_sheet_html(activity_id), path, title=signin_title(activity_id))


def preview_checklist(parent: QWidget | None, activity_id: int) -> QWidget | None:
    from ui.print.document import preview

    return preview(parent, checklist_html(activity_id), title=checklist_title(activity_id))


def preview_signin(parent: QWidget | None, activity_id: int) -> QWidget | None:
    from ui.print.document import preview

    return preview(parent, signin_sheet_html(activity_id), title=signin_title(activity_id))
