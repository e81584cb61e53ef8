"""The weekly plan as printable HTML, and the headless PDF writer behind `print-week`.

One table per day (its heading is a repeated table header, so a day that runs onto the
next page keeps its name there), then the week-wide sections. The same HTML feeds the
WeekPage's preview, printer and PDF, and the CLI.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from models.members import lunar
from models.members.birthdays import Birthday
from models.week.plan import DayPlan, FollowUpDue, WeekPlan
from ui import dates, i18n
from ui.activities.labels import assignee_text
from ui.print.breaks import write_in_box

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

translate = QCoreApplication.translate

_app: QGuiApplication | None = None  # the CLI's (kept alive for the process)

DAY_SECTIONS = ("content", "activities", "steps", "birthdays", "followups")
NOTE_LINES = 5  # blank lines of an empty notes box


def short_date(day: dt.date, plan: WeekPlan | None = None) -> str:
    """'11月16日' / '16 Nov' (ui.dates: the screen's and the printout's dates match).

    With the plan: the year too ('2035年2月3日' / '3 Feb 2035') when `day` lies outside the
    printed week's year, so an item overdue since last year is not read as this year's.
    """
    return dates.day_month(day, year=plan is not None and needs_year(plan, day))


def needs_year(plan: WeekPlan, day: dt.date) -> bool:
    """Whether `day`, printed on the plan, must say its year: unless it shares the year of
    the whole week (a week across New Year has two, so every other date says its year)."""
    return not (day.year == plan.start.year == plan.end.year)


def week_range(plan: WeekPlan) -> str:
    """'2026年11月16日 – 11月22日' / '16–22 Nov 2026' (the year once, twice across New Year)."""
    return dates.date_range(plan.start, plan.end)


def week_title(plan: WeekPlan) -> str:
    return translate("WeekPlan", "周计划 %1").replace("%1", week_range(plan))


def _status(status: str) -> str:
    return {
        "idea": translate("WeekPlan", "想法"), "draft": translate("WeekPlan", "草稿"),
        "ready": translate("WeekPlan", "已就绪"), "published": translate("WeekPlan", "已发布"),
        "skipped": translate("WeekPlan", "已跳过"), "planning": translate("WeekPlan", "筹备中"),
        "done": translate("WeekPlan", "已结束"), "cancelled": translate("WeekPlan", "已取消"),
    }.get(status, status)


def _hm(value: dt.time | dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _e(text: object) -> str:
    return escape(str(text or ""))


def _birthday_aside(b: Birthday) -> str:
    """'（36 岁）', a lunar one '（农历三月初五 · 36 岁）' (so no one wonders about the date)."""
    parts = [lunar.describe(lunar.parse_key(b.lunar))] if b.lunar else []
    if b.age:
        parts.append(translate("WeekPlan", "%1 岁").replace("%1", str(b.age)))
    return i18n.aside(" · ".join(parts)) if parts else ""


def _overdue_mark() -> str:
    return f' <span class="warn">{_e(translate("WeekPlan", "逾期"))}</span>'


def _row(cells: Iterable[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return "<tr>" + "".join(f"<td{attr}>{c}</td>" for c in cells) + "</tr>"


# ---------------------------------------------------------------- days
def _day_rows(day: DayPlan, plan: WeekPlan) -> list[str]:
    rows: list[str] = []
    for entry in day.content:
        when = _hm(entry.start_time) or translate("WeekPlan", "全天")
        title = f'<span style="color:{_e(entry.color)}">■</span> {_e(entry.title)}'
        if entry.overdue:
            title += _overdue_mark()
        elif entry.status in ("published", "skipped"):
            title += f'<span class="muted">{_e(i18n.aside(_status(entry.status)))}</span>'
        where = _e(entry.kind)
        if entry.groups:
            where += f'<br/><span class="muted small">{_e(_groups(entry.groups))}</span>'
        rows.append(_row((_e(when), title, where, _e(entry.presenter))))
    for act in day.activities:
        first_day = act.start.date() == day.date
        if first_day:
            when = _hm(act.start)
            if act.end is not None and act.end.date() == day.date:
                when += f"–{_hm(act.end)}"
        else:
            when = translate("WeekPlan", "（续）")
        title = f"<b>{_e(translate('WeekPlan', '活动：%1').replace('%1', act.title))}</b>"
        if act.status == "cancelled":
            title += f' <span class="warn">{_e(_status("cancelled"))}</span>'
        detail = [translate("WeekPlan", "线下") if act.kind == "offline"
                  else translate("WeekPlan", "线上")]
        if act.place:
            detail.append(act.place)
        detail.append(translate("WeekPlan", "报名 %1 人").replace("%1", str(act.signed_up)))
        rows.append(_row((_e(when), title, _e(" · ".join(detail)), "")))
    for step in day.steps:
        mark = "✓" if step.done else "□"
        title = (f"{mark} {_e(step.title)}"
                 f'<span class="muted">{_e(i18n.aside(step.activity_title))}</span>')
        if step.overdue:
            title += _overdue_mark()
        rows.append(_row((_e(translate("WeekPlan", "截止")), title,
                          _e(translate("WeekPlan", "活动清单")), _e(assignee_text(step.member, step.role)))))
    if day.birthdays:  # one row for all: a big community has several birthdays a day
        text = i18n.join(b.name + _birthday_aside(b) for b in day.birthdays)
        rows.append(_row((_e(translate("WeekPlan", "全天")), _e(text),
                          _e(translate("WeekPlan", "生日祝福")), "")))
    if day.followups:
        names = _names(day.followups, day.followups_more)
        rows.append(_row((_e(translate("WeekPlan", "全天")), names,
                          _e(translate("WeekPlan", "私聊回访")), "")))
    if not rows:
        rows.append(f'<tr><td colspan="4" class="empty">'
                    f'{_e(translate("WeekPlan", "（暂无安排）"))}</td></tr>')
    return rows


def _groups(names: tuple[str, ...]) -> str:
    """Two group names at most: a post to every group should not make a tall row."""
    if len(names) <= 2:
        return i18n.join(names)
    return translate("WeekPlan", "%1 等 %2 个群").replace("%1", i18n.join(names[:2])) \
        .replace("%2", str(len(names)))


def _names(people: list[FollowUpDue], more: int) -> str:
    text = i18n.join(p.name for p in people)
    if more:
        text += translate("WeekPlan", " 等，还有 %1 位").replace("%1", str(more))
    return _e(text)


def _day_table(day: DayPlan, plan: WeekPlan) -> str:
    heading = dates.weekday_date(day.date)
    if day.date == plan.today:
        heading += "  · " + translate("WeekPlan", "今天")
    return (
        '<table width="100%" cellspacing="0" cellpadding="3">'
        f'<thead><tr><th class="day" colspan="4">{_e(heading)}</th></tr>'
        f'<tr><th width="13%">{_e(translate("WeekPlan", "时间"))}</th>'
        f'<th width="47%">{_e(translate("WeekPlan", "事项"))}</th>'
        f'<th width="22%">{_e(translate("WeekPlan", "类别 / 群"))}</th>'
        f'<th width="18%">{_e(translate("WeekPlan", "负责人"))}</th></tr></thead>'
        + "".join(_day_rows(day, plan)) + "</table>"
    )


# ---------------------------------------------------------------- week sections
def _table(headers: list[tuple[str, int]], rows: list[list[str]]) -> str:
    head = "".join(f'<th width="{w}%">{_e(h)}</th>' for h, w in headers)
    return ('<table width="100%" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{head}</tr></thead>" + "".join(_row(r) for r in rows) + "</table>")


def _more(shown: int, total: int) -> str:
    if total <= shown:
        return ""
    return (f'<p class="muted small">'
            f'{_e(translate("WeekPlan", "……共 %1 项，只列出前 %2 项").replace("%1", str(total)).replace("%2", str(shown)))}'  # noqa: E501
            "</p>")


def _overdue_html(plan: WeekPlan) -> str:
    parts = [f"<h2>{_e(translate('WeekPlan', '待补上的逾期事项'))}</h2>"]
    counts = plan.overdue_counts
    if not any(counts.values()):
        parts.append(f'<p class="muted">{_e(translate("WeekPlan", "没有逾期事项。"))}</p>')
        return "".join(parts)
    if plan.overdue_content:
        parts.append(f"<h3>{_e(translate('WeekPlan', '内容'))}</h3>")
        parts.append(_table(
            [(translate("WeekPlan", "日期"), 16), (translate("WeekPlan", "标题"), 50),
             (translate("WeekPlan", "类别"), 16), (translate("WeekPlan", "状态"), 18)],
            [[_e(short_date(e.date, plan)), _e(e.title), _e(e.kind), _e(_status(e.status))]
             for e in plan.overdue_content]))
        parts.append(_more(len(plan.overdue_content), counts.get("content", 0)))
    if plan.overdue_steps:
        parts.append(f"<h3>{_e(translate('WeekPlan', '活动清单'))}</h3>")
        parts.append(_table(
            [(translate("WeekPlan", "截止"), 16), (translate("WeekPlan", "步骤"), 40),
             (translate("WeekPlan", "活动"), 26), (translate("WeekPlan", "负责人"), 18)],
            [[_e(short_date(s.due, plan)), "□ " + _e(s.title), _e(s.activity_title),
              _e(assignee_text(s.member, s.role))] for s in plan.overdue_steps]))
        parts.append(_more(len(plan.overdue_steps), counts.get("steps", 0)))
    if plan.overdue_followups:
        parts.append(f"<h3>{_e(translate('WeekPlan', '私聊回访'))}</h3>")
        parts.append("<p>" + _e(i18n.join(
            f.name + i18n.aside(short_date(f.due, plan)) for f in plan.overdue_followups)) + "</p>")
        parts.append(_more(len(plan.overdue_followups), counts.get("followups", 0)))
    return "".join(parts)


def _capacity_html(plan: WeekPlan) -> str:
    parts = [f"<h2>{_e(translate('WeekPlan', '快满的群'))}</h2>"]
    if not plan.near_capacity:
        parts.append(f'<p class="muted">{_e(translate("WeekPlan", "没有接近上限的群。"))}</p>')
        return "".join(parts)
    parts.append(_table(
        [(translate("WeekPlan", "群"), 50), (translate("WeekPlan", "人数 / 上限"), 30),
         (translate("WeekPlan", "剩余"), 20)],
        [[_e(g.name), f"{g.count} / {g.capacity}", str(max(0, g.capacity - g.count))]
         for g in plan.near_capacity]))
    return "".join(parts)


def _members_html(plan: WeekPlan) -> str:
    first, last = plan.previous_week
    span = dates.date_range(first, last, year=needs_year(plan, first) or needs_year(plan, last))
    parts = [f"<h2>{_e(translate('WeekPlan', '上周成员变动（%1）').replace('%1', span))}</h2>"]
    for label, people, total in (
            (translate("WeekPlan", "新入群 %1 人"), plan.joined, plan.joined_total),
            (translate("WeekPlan", "退群 %1 人"), plan.left, plan.left_total)):
        names = i18n.join(p.name for p in people)
        if total > len(people):
            names += translate("WeekPlan", " 等")
        parts.append(f"<p><b>{_e(label.replace('%1', str(total)))}</b>"
                     + (_e(translate("WeekPlan", "：%1").replace("%1", names)) if names else "")
                     + "</p>")
    return "".join(parts)


def _contributors_html(plan: WeekPlan) -> str:
    parts = [f"<h2>{_e(translate('WeekPlan', '贡献榜（上周一以来）'))}</h2>"]
    if not plan.contributors:
        parts.append(f'<p class="muted">{_e(translate("WeekPlan", "暂无贡献记录。"))}</p>')
        return "".join(parts)
    parts.append(_table(
        [(translate("WeekPlan", "名次"), 15), (translate("WeekPlan", "成员"), 55),
         (translate("WeekPlan", "积分"), 30)],
        [[str(i), _e(c.name), str(c.points)] for i, c in enumerate(plan.contributors, 1)]))
    return "".join(parts)


def _notes_html(plan: WeekPlan) -> str:
    heading = f"<h2>{_e(translate('WeekPlan', '本周备注'))}</h2>"
    if plan.note:
        body = "<br/>".join(_e(line) for line in plan.note.splitlines())
        return (heading + '<table width="100%" cellspacing="0" cellpadding="6"><tr><td>'
                + body + "</td></tr></table>")
    # Room to write by hand on the printed sheet; it gives up lines rather than start a
    # page of its own (ui.print.document.WRITE_IN).
    return heading + write_in_box(NOTE_LINES)


def week_html(plan: WeekPlan) -> str:
    """The whole plan as HTML for ui.print.document (sections not in plan.sections left out)."""
    parts = [f"<h1>{_e(week_title(plan))}</h1>"]
    if any(plan.has(s) for s in DAY_SECTIONS):
        parts.extend(_day_table(day, plan) for day in plan.days)
    for section, render in (("overdue", _overdue_html), ("capacity", _capacity_html),
                            ("members", _members_html), ("contributors", _contributors_html),
                            ("notes", _notes_html)):
        if plan.has(section):
            parts.append(render(plan))
    return "<html><body>" + "".join(parts) + "</body></html>"


# ---------------------------------------------------------------- headless PDF
def ensure_gui_app() -> None:
    """A QGuiApplication for layout and fonts; offscreen when there is no display."""
    global _app
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):  # a bare QCoreApplication has no fonts
            from ui.print.document import PrintError

            raise PrintError("printing needs a QGuiApplication, not a QCoreApplication")
        return
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["qundesk"])


def write_week_pdf(path: Path, any_day: dt.date, *, landscape: bool = False,
                   sections: set[str] | None = None, today: dt.date | None = None) -> int:
    """Write the plan of the week holding `any_day` to `path`; returns the page count.

    Raises ui.print.document.PrintError (a message for users) when it cannot.
    """
    ensure_gui_app()
    from models.week.plan import assemble
    from ui.print.document import render_pdf

    plan = assemble(any_day, today=today, sections=sections)
    return render_pdf(week_html(plan), Path(path), title=week_title(plan), landscape=landscape)
