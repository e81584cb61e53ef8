"""The calendar's painted views read in light and dark: chip text contrasts with its chip,
the today cell follows the palette (issue #8)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from models.calendar.entries import DEFAULT_KINDS, PALETTE, CalendarEntry
from tests.colour_checks import contrast, palette_for

D = dt.date
TODAY = D(2026, 11, 18)
COLOURS = [c for _, c in DEFAULT_KINDS] + list(PALETTE)


def _entry(day: dt.date, colour: str, title: str, status: str = "ready",
           overdue: bool = False) -> CalendarEntry:
    return CalendarEntry(None, None, day, dt.time(20, 0), title, "分享", colour, ("一群",),
                         None, "", status, overdue)


@pytest.fixture(params=["light", "dark"])
def month(request, qtbot):
    from ui.calendar.month_view import MonthView

    view = MonthView()
    qtbot.addWidget(view)
    view.setPalette(palette_for(request.param))
    view.resize(1100, 760)
    view.set_month(TODAY, TODAY)
    # Two entries a day on the 2nd-6th (one kind colour each), none on today itself.
    entries = [_entry(D(2026, 11, 2 + i % 5), colour, f"Weekly AMA 答疑 {i}")
               for i, colour in enumerate(COLOURS[:10])]
    view.set_entries(entries)
    view.mode = request.param
    return view


def _chip_contrast(image: QImage, rect) -> float:
    """Contrast between the chip's own colour (its commonest pixel) and its text (the pixel
    that differs most from it)."""
    pixels = [image.pixelColor(x, y) for x in range(rect.x() + 6, rect.right() - 3)
              for y in range(rect.y() + 2, rect.bottom() - 1)]
    background = Counter(c.rgb() for c in pixels).most_common(1)[0][0]
    fill = QColor.fromRgb(background)
    return max(contrast(fill, c) for c in pixels)


def test_chip_text_contrasts_with_its_chip_in_light_and_dark(month):
    image = month.grab().toImage()
    assert len(month._hits) == 10
    for rect, entry in month._hits:
        ratio = _chip_contrast(image, rect)
        assert ratio >= 4.0, (month.mode, entry.color, round(ratio, 2))


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("colour", COLOURS)
def test_chip_colours_are_readable(qapp, mode, colour):
    from ui.calendar.common import chip_colors

    palette = palette_for(mode)
    for status, overdue, minimum in (("ready", False, 4.5), ("draft", True, 4.5),
                                     ("published", False, 3.0), ("skipped", False, 3.0)):
        fill, bar, text = chip_colors(_entry(TODAY, colour, "x", status, overdue), palette)
        assert fill.alpha() == 255  # opaque: the contrast is what the user sees
        assert contrast(text, fill) >= minimum, (mode, colour, status, overdue)
        # The chip keeps a tint of its kind on either background.
        assert fill != palette.color(QPalette.ColorRole.Base)
        assert bar == QColor(colour)


def test_today_cell_follows_thepalette_for(month):
    from ui.calendar.common import today_fill

    image = month.grab().toImage()
    rect = month.day_rect(TODAY)
    cell = image.pixelColor(rect.right() - 8, rect.bottom() - 8)
    base = month.palette().color(QPalette.ColorRole.Base)
    assert cell != base  # today still stands out
    assert cell == today_fill(month.palette())
    if month.mode == "dark":
        assert cell.lightness() < 100, cell.name()  # not a light yellow on a dark page
    else:
        assert cell.lightness() > 200, cell.name()
    # The day headers read on it.
    assert contrast(month.palette().color(QPalette.ColorRole.Text), cell) >= 7
