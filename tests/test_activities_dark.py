"""The activities screen reads in light and dark (issue #8): the "N overdue" label and the
overdue checklist rows take palette-aware colours (ui.colors, shared with the calendar),
and asides are written as the language writes them: "（…）" in Chinese, " (…)" in English."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from models.activities import activity as A
from models.activities import checklists as C
from models.activities import templates as T
from tests.colour_checks import contrast
from tests.test_activities_ui import START, TODAY, _member


@pytest.fixture
def page(workspace, qtbot, no_dialogs):
    from ui.activities.page import ActivitiesPage

    widget = ActivitiesPage(workspace)
    widget.today = TODAY
    widget.scope.setCurrentIndex(2)  # all
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def _meetup(page) -> A.Activity:
    """An offline meetup whose T-21 step (Nov 14) is overdue on TODAY, plus a step
    assigned to a member in a role."""
    template = T.get_by_name("线下聚会")
    activity = T.create_from_template(template.id, {"title": "上海面基", "start": START})
    C.add_step(activity.id, {"title": "整理照片", "due_offset": 1,
                             "assignee_role": "curator", "assignee_member": _member("欧阳霞")})
    page.reload()
    page.select_activity(activity.id)
    return activity


def _overdue_rows(model) -> list[int]:
    return [r for r in range(model.rowCount()) if model.overdue(model._items[r])]


def test_overdue_label_reads_in_light_and_dark(page, palette_mode):
    _meetup(page)
    label = page.checklist.overdue_label
    assert label.text() == "1 项逾期"
    page.show()
    # The label paints no background of its own: grab it on its panel, as shown.
    image = page.checklist.grab(label.geometry()).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width())
              for y in range(image.height())]
    background = QColor.fromRgb(Counter(c.rgb() for c in pixels).most_common(1)[0][0])
    best = max(pixels, key=lambda c: contrast(c, background))
    assert contrast(best, background) >= 4.5, (palette_mode, best.name(), background.name())
    assert best.red() > best.green() + 40  # still red


def test_overdue_rows_read_in_light_and_dark(page, palette_mode):
    _meetup(page)
    model = page.checklist.model
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    rows = _overdue_rows(model)
    assert rows
    for row in rows:
        for column in range(model.columnCount()):
            index = model.index(row, column)
            fill = index.data(Qt.ItemDataRole.BackgroundRole).color()
            ink = index.data(Qt.ItemDataRole.ForegroundRole).color()
            assert fill != base  # the row still stands out
            assert contrast(ink, fill) >= 4.5, (palette_mode, column, ink.name(), fill.name())
            if palette_mode == "dark":
                assert fill.lightness() < 100, fill.name()  # not a pink box on a dark page
            else:
                assert fill.lightness() > 200, fill.name()
    # Done steps are muted but readable; the activity list's colours read on its base.
    C.set_done(model.step_id(rows[0]), True, TODAY)
    page.reload()
    muted = model.index(rows[0], 1).data(Qt.ItemDataRole.ForegroundRole).color()
    assert contrast(muted, base) >= 3.0, (palette_mode, muted.name())
    lists = page.model
    for row in range(lists.rowCount()):
        for column in range(lists.columnCount()):
            brush = lists.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
            if brush is not None:
                assert contrast(brush.color(), base) >= 4.5, (palette_mode, column, brush.color().name())


def test_asides_follow_the_language(page):
    from ui import i18n

    activity = _meetup(page)
    title_col = page.model.COLUMNS.index("title")
    row = page.model.row_of(activity.id)
    model = page.checklist.model
    last = model.rowCount() - 1
    assignee_col = model.COLUMNS.index("assignee")
    assert page.model.index(row, title_col).data() == "上海面基（线下）"
    progress_col = page.model.COLUMNS.index("progress")
    assert page.model.index(row, progress_col).data().endswith("（1 项逾期）")
    assert " （" not in page.model.index(row, progress_col).data()
    assert model.index(last, assignee_col).data() == "欧阳霞（内容整理）"

    i18n.install("en")
    page.reload()
    page.select_activity(activity.id)
    assert page.model.index(row, title_col).data() == "上海面基 (Offline)"
    assert page.model.index(row, progress_col).data().endswith("/16 (1 overdue)")
    assert model.index(last, assignee_col).data() == "欧阳霞 (Content curator)"
    from ui.activities.printables import checklist_html

    html = checklist_html(activity.id, TODAY)
    assert "欧阳霞 (Content curator)" in html
    assert "（" not in html


def test_group_capacity_bars_write_the_aside_in_the_language(qtbot):
    from ui import i18n
    from ui.overview.cards import GroupsPanel

    panel = GroupsPanel()
    qtbot.addWidget(panel)
    group = {"id": 1, "name": "一群", "members": 427, "capacity": 500, "fill": 0.854}
    i18n.install("en")
    panel.show_data([group])
    bars = [panel.grid.itemAt(i).widget() for i in range(panel.grid.count())]
    formats = [b.format() for b in bars if hasattr(b, "format")]
    assert formats == ["427 / 500 (85%)"]


def test_aside_helper(qapp):
    from ui import i18n

    assert i18n.aside("已发布") == "（已发布）"
    i18n.install("en")
    assert i18n.aside("Published") == " (Published)"
