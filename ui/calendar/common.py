"""Shared bits of the calendar screen: labels, filters, drag payloads, chip colours."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QMimeData, Qt, QTime
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPalette

from models.calendar.edit import Ref
from models.calendar.entries import CalendarEntry
from models.calendar.holidays import DayInfo
from ui.colors import OVERDUE_RED, contrast, is_dark, luminance, mix, readable

MIME_REF = "application/x-qundesk-calendar-ref"


def tr(text: str) -> str:
    return QCoreApplication.translate("Calendar", text)


def status_label(status: str) -> str:
    return {
        "idea": tr("点子"), "draft": tr("草稿"), "ready": tr("待发布"),
        "published": tr("已发布"), "skipped": tr("已跳过"),
    }.get(status, status)


def festival_names() -> dict[str, str]:
    return {"new_year": tr("元旦"), "spring_festival": tr("春节"), "qingming": tr("清明节"),
            "labour_day": tr("劳动节"), "dragon_boat": tr("端午节"), "mid_autumn": tr("中秋节"),
            "national_day": tr("国庆节"), "victory_day": tr("抗战胜利纪念日")}


def holiday_mark(info: DayInfo) -> str:
    """The badge: 休 (a day off) or 班 (a weekend working day), else ""."""
    return tr("休") if info.holiday else tr("班") if info.adjusted_workday else ""


def holiday_name(info: DayInfo, provisional: bool = True) -> str:
    """The day's name; a computed festival says the official schedule is not out yet
    (unless `provisional` is False: where that is said beside it, or there is no room)."""
    name = info.note or festival_names().get(info.festival, info.festival)
    if info.provisional and provisional:
        name = tr("%1（待公布）").replace("%1", name)
    return name


def fitting_name(info: DayInfo, metrics: QFontMetrics, width: int) -> str:
    """The name in `width` pixels: in full, else without "（待公布）" (the outlined badge
    and the tooltip still say it), else cut with "…"."""
    name = holiday_name(info)
    if metrics.horizontalAdvance(name) > width:
        name = holiday_name(info, provisional=False)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)


def holiday_tooltip(info: DayInfo) -> str:
    """What a day's badge means and where it comes from (the header's tooltip)."""
    if not (info.holiday or info.adjusted_workday):
        return ""
    what = tr("放假") if info.holiday else tr("调休上班")
    name = holiday_name(info)
    lines = [f"{holiday_mark(info)} · {name}" if name else holiday_mark(info), what]
    if info.provisional:
        lines.append(tr("按农历和节气推算；官方放假安排公布后以官方为准"))
    elif info.source == "owner":
        lines.append(tr("你在“节假日…”里填写的"))
    return "\n".join(lines)


def weekday_names() -> list[str]:
    return [tr("一"), tr("二"), tr("三"), tr("四"), tr("五"), tr("六"), tr("日")]


# Identity of an entry across reloads: (item id, series id or None, date).
EntryKey = tuple[int | None, int | None, dt.date]


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qtime(time: dt.time) -> QTime:
    return QTime(time.hour, time.minute, time.second, time.microsecond // 1000)


def py_date(day: QDate) -> dt.date:
    """A date edit's day (QDate.toPython() is declared to return object)."""
    return dt.date(day.year(), day.month(), day.day())


def minute_time(time: QTime) -> dt.time:
    """A time edit's time to the minute."""
    return dt.time(time.hour(), time.minute())


def entry_key(entry: CalendarEntry) -> EntryKey:
    """Identity of an entry across reloads (item id, or series + date)."""
    return (entry.item_id, entry.series_id if entry.item_id is None else None, entry.date)


def ref_mime(ref: Ref) -> QMimeData:
    data = QMimeData()
    payload = {"item_id": ref.item_id, "series_id": ref.series_id,
               "date": ref.date.isoformat() if ref.date else None}
    data.setData(MIME_REF, json.dumps(payload).encode())
    data.setText(json.dumps(payload))
    return data


def ref_from_mime(data: QMimeData) -> Ref | None:
    if not data.hasFormat(MIME_REF):
        return None
    try:
        p = json.loads(bytes(data.data(MIME_REF).data()).decode())
        day = dt.date.fromisoformat(p["date"]) if p.get("date") else None
        return Ref(p.get("item_id"), p.get("series_id"), day)
    except (ValueError, KeyError, TypeError):
        return None



TODAY_TINT = QColor("#FFD43B")  # a warm yellow, mixed into the base colour


def today_fill(palette: QPalette) -> QColor:
    """The today cell: a warm tint of the view's base (pale yellow on light, amber-brown on
    dark), so the day's text and chips keep their contrast."""
    return mix(palette.color(QPalette.ColorRole.Base), TODAY_TINT,
               0.16 if is_dark(palette) else 0.2)


def chip_colors(entry: CalendarEntry, palette: QPalette | None = None,
                background: QColor | None = None) -> tuple[QColor, QColor, QColor]:
    """(fill, bar, text) for an entry drawn on `background` (default the palette's base):
    an opaque tint of the kind colour, and text chosen by the fill's luminance, so a chip
    reads in light and dark. Done entries are faded, overdue ones red."""
    palette = palette or QGuiApplication.palette()
    under = background or palette.color(QPalette.ColorRole.Base)
    base = QColor(entry.color)
    done = entry.status in ("published", "skipped")
    dark = luminance(under) < 0.18
    fill = mix(under, base, (0.2 if done else 0.3) if dark else (0.18 if done else 0.27))
    ink = max((QColor("#1F2933"), QColor("#ECEEF1")), key=lambda c: contrast(c, fill))
    text = ink
    if done:
        text = mix(fill, ink, 0.6)
    if entry.overdue:
        text = readable(OVERDUE_RED, fill)
    return fill, base, text


@dataclass
class EntryFilter:
    group: str = ""  # group name
    kind: str = ""
    status: str = ""
    presenter_id: int | None = None
    text: str = ""
    overdue_only: bool = False

    def active(self) -> bool:
        return bool(self.group or self.kind or self.status or self.presenter_id is not None
                    or self.text or self.overdue_only)

    def accepts(self, e: CalendarEntry) -> bool:
        if self.group and self.group not in e.groups:
            return False
        if self.kind and e.kind != self.kind:
            return False
        if self.status and e.status != self.status:
            return False
        if self.presenter_id is not None and e.presenter_id != self.presenter_id:
            return False
        if self.overdue_only and not e.overdue:
            return False
        if self.text:
            needle = self.text.lower()
            return needle in e.title.lower() or needle in e.presenter.lower()
        return True

    def apply(self, entries: list[CalendarEntry]) -> list[CalendarEntry]:
        if not self.active():
            return entries
        return [e for e in entries if self.accepts(e)]


def time_text(entry: CalendarEntry) -> str:
    return entry.start_time.strftime("%H:%M") if entry.start_time else tr("全天")
