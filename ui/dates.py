"""Dates as people read them, in the app's language: one place for screen and print.

Chinese keeps its own style (11月16日, 2026年11月, 周一 11月16日). English spells the month
out (16 Nov, November 2026, Mon 16 Nov): a bare 11/6 is read as 11 June in some countries
and 6 November in others. Month and weekday names come from QLocale, which works without a
QApplication (the CLI prints with these too). The language is the one ui.i18n installed
(models.messages keeps it, so headless code sees the same choice).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from models import messages

# (Chinese, English) QLocale date formats.
_FORMATS = {
    "day": ("M月d日", "d MMM"),
    "day_year": ("yyyy年M月d日", "d MMM yyyy"),
    "weekday": ("ddd", "ddd"),
    "weekday_day": ("ddd M月d日", "ddd d MMM"),
    "weekday_day_year": ("ddd yyyy年M月d日", "ddd d MMM yyyy"),
    "month": ("M月", "MMM"),
    "month_year": ("yyyy年M月", "MMMM yyyy"),
    "short_month_year": ("yyyy年M月", "MMM yyyy"),
}
_LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}


def to_qdate(day: dt.date) -> QDate:
    """`day` as a QDate (PySide6 converts a date by itself, but its stubs don't say so)."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """`day` as a date, like QDate.toPython() (whose stub says `object`)."""
    return dt.date(day.year(), day.month(), day.day())


def english() -> bool:
    return messages.language() == "en"


def _format(day: dt.date, kind: str) -> str:
    en = english()
    return _LOCALES["en" if en else "zh"].toString(to_qdate(day), _FORMATS[kind][en])


def day_month(day: dt.date, year: bool = False) -> str:
    """'11月16日' / '16 Nov'; with the year '2026年11月16日' / '16 Nov 2026'."""
    return _format(day, "day_year" if year else "day")


def weekday(day: dt.date) -> str:
    """'周一' / 'Mon'."""
    return _format(day, "weekday")


def weekday_date(day: dt.date, year: bool = False) -> str:
    """'周一 11月16日' / 'Mon 16 Nov' (with the year when asked)."""
    return _format(day, "weekday_day_year" if year else "weekday_day")


def month(day: dt.date) -> str:
    """'12月' / 'Dec'."""
    return _format(day, "month")


def month_year(day: dt.date, short: bool = False) -> str:
    """'2026年11月' / 'November 2026' ('Nov 2026' when short)."""
    return _format(day, "short_month_year" if short else "month_year")


def date_range(first: dt.date, last: dt.date, year: bool = True) -> str:
    """A span of days, each part said once:
    '2026年11月16日 – 11月22日' / '16–22 Nov 2026', '30 Nov – 6 Dec 2026',
    '2026年12月28日 – 2027年1月3日' / '28 Dec 2026 – 3 Jan 2027'; without the year
    '11月9日 – 11月15日' / '9–15 Nov'."""
    new_year = first.year != last.year
    if not english():
        return f"{day_month(first, year)} – {day_month(last, year and new_year)}"
    end = day_month(last, year)
    if new_year:
        return f"{day_month(first, year)} – {end}"
    if first.month == last.month:
        return f"{first.day}–{end}"
    return f"{day_month(first)} – {end}"


def short_date(day: dt.date, today: dt.date | None = None) -> str:
    """A date on screen: '11月27日' / '27 Nov', with the year when it is not this year's
    ('2025年11月27日' / '27 Nov 2025'). Every list and label uses this (one format per
    language; date editors keep their ISO input format)."""
    return day_month(day, year=day.year != (today or dt.date.today()).year)


def moment(value: dt.datetime, today: dt.date | None = None) -> str:
    """'12月2日 20:00' / '2 Dec 20:00' (the year when not this year's)."""
    return f"{short_date(value.date(), today)} {value:%H:%M}"


def span(start: dt.datetime, end: dt.datetime | None) -> str:
    """'12月2日 20:00 – 21:00'; an end on another day says its date."""
    text = moment(start)
    if end is not None:
        text += " – " + (f"{end:%H:%M}" if end.date() == start.date() else moment(end))
    return text
