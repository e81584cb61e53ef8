"""The printed week's dates and page layout: years on dates from another year, and the
notes box never alone on a last page it need not take."""

from __future__ import annotations

import datetime as dt
import re

import pytest

MONDAY = dt.date(2036, 5, 5)
TODAY = dt.date(2036, 5, 7)


def _overdue_from_another_year() -> None:
    from models.activities.activity import save_activity
    from models.activities.checklists import add_step
    from models.calendar.edit import ItemFields, save_item
    from models.members.cards import Member

    save_item(ItemFields(title="去年的草稿", kind="公告", date=dt.date(2035, 2, 3),
                         status="draft"), [])
    save_item(ItemFields(title="上个月的草稿", kind="公告", date=dt.date(2036, 4, 20),
                         status="draft"), [])
    activity = save_activity({"title": "年会", "kind": "offline",
                              "start": dt.datetime(2035, 12, 30, 14, 0)})
    add_step(activity.id, {"title": "订场地", "due_offset": -7})
    member = Member(name="周敏", next_contact_on=dt.date(2035, 11, 30))
    member.refresh_keys()
    member.save()


def _overdue_cells(html: str) -> str:
    return html[html.index("待补上的逾期事项" if "待补上" in html else "Overdue"):]


def test_overdue_dates_from_another_year_show_the_year(db, qapp):
    from models.week.plan import assemble
    from ui.print.week_pdf import week_html

    _overdue_from_another_year()
    html = _overdue_cells(week_html(assemble(MONDAY, today=TODAY)))
    assert "2035年2月3日" in html  # content
    assert "2035年12月23日" in html  # the step due T-7
    assert "周敏（2035年11月30日）" in html  # the follow-up
    assert "4月20日" in html and "2036年4月20日" not in html  # this year's: no year


def test_overdue_dates_from_another_year_show_the_year_in_english(db, qapp):
    from models.week.plan import assemble
    from ui import i18n
    from ui.print.week_pdf import week_html

    _overdue_from_another_year()
    i18n.install("en")
    html = _overdue_cells(week_html(assemble(MONDAY, today=TODAY)))
    assert "3 Feb 2035" in html and "23 Dec 2035" in html and "30 Nov 2035" in html
    assert re.search(r">20 Apr<", html)  # this year's: no year


def test_a_week_across_new_year_gives_every_other_date_its_year(db, qapp):
    from models.week.plan import assemble, week_start
    from ui.print.week_pdf import needs_year, short_date, week_html

    monday = week_start(dt.date(2036, 12, 31))  # Mon 2036-12-29 .. Sun 2037-01-04
    plan = assemble(monday, today=monday)
    assert needs_year(plan, dt.date(2036, 12, 20)) and needs_year(plan, dt.date(2037, 1, 5))
    assert short_date(dt.date(2036, 12, 20), plan) == "2036年12月20日"
    plan = assemble(dt.date(2037, 1, 7), today=dt.date(2037, 1, 7))  # the week after it
    # Its "last week" runs over New Year: both ends say their year.
    assert "上周成员变动（2036年12月29日 – 2037年1月4日）" in week_html(plan)
    assert not needs_year(plan, dt.date(2037, 1, 1))


# ---------------------------------------------------------------- the notes box
def _pdf_writer(tmp_path, landscape=False):
    from PySide6.QtGui import QPdfWriter

    from ui.print import document

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(600)
    writer.setPageLayout(document.page_layout(landscape))
    return writer


def _lines_of_room(lines: int) -> str:
    return "".join(f"<p>第{i}行</p>" for i in range(lines))


def _notes(box: str) -> str:
    return "<h2>本周备注</h2>" + box


@pytest.mark.parametrize("landscape", [False, True])
def test_an_empty_notes_box_gives_up_lines_rather_than_take_a_page(qapp, tmp_path, landscape):
    from ui.print import breaks, document

    writer = _pdf_writer(tmp_path, landscape)
    full = breaks.write_in_box(5)
    rescued = moved = 0
    for lines in range(10, 80):
        body = _lines_of_room(lines)
        alone = document.build_document(body, writer).pageCount()
        with_full_box = document._paginate(body + _notes(full), writer).pageCount()
        doc = document.build_document(body + _notes(full), writer)
        if with_full_box == alone:
            assert doc.pageCount() == alone, lines
            continue
        # The full box needs a new page: shrunk (two lines at least) it stays, if it fits.
        fits_shrunk = document._paginate(body + _notes(breaks.write_in_box(2)),
                                         writer).pageCount() == alone
        assert doc.pageCount() == (alone if fits_shrunk else alone + 1), lines
        rescued += fits_shrunk
        moved += not fits_shrunk
    assert rescued and moved  # the sweep saw both cases


def test_a_written_note_is_never_shrunk(qapp, tmp_path):
    from ui.print import document

    writer = _pdf_writer(tmp_path)
    box = ('<table width="100%" cellpadding="6"><tr><td>'
           + "<br/>".join(f"第{n}条" for n in range(1, 6)) + "</td></tr></table>")
    for lines in range(30, 70):
        html = _lines_of_room(lines) + _notes(box)
        assert document.build_document(html, writer).pageCount() == \
            document._paginate(html, writer).pageCount()


def test_no_blank_page_after_a_table_that_ends_at_the_foot(qapp, tmp_path):
    """The table's bottom margin and Qt's empty paragraph after it reach onto no page."""
    from ui.print import document

    writer = _pdf_writer(tmp_path, landscape=True)
    table = '<table width="100%" cellpadding="6"><tr><td>备注</td></tr></table>'
    raw_pages = []
    for lines in range(20, 60):
        html = _lines_of_room(lines) + table
        doc = document.build_document(html, writer)
        layout, page_h = doc.documentLayout(), doc.pageSize().height()
        frame = doc.rootFrame().childFrames()[-1]
        cell = frame.cellAt(0, 0).firstCursorPosition().block()
        last_page = int(layout.blockBoundingRect(cell).bottom() // page_h)
        assert doc.pageCount() == last_page + 1, lines
        raw_pages.append(document._layout(html, writer).pageCount())
    assert len(set(raw_pages)) > 1  # the sweep crossed a page's foot


@pytest.mark.slow  # renders the week at many lengths; CI runs it
def test_the_week_plan_ends_on_its_last_written_page(db, qapp, tmp_path):
    """A plan whose notes fit on the page before (the box shrunk) takes no page more."""
    from models.calendar.edit import ItemFields, save_item
    from models.week.plan import SECTIONS, assemble
    from ui.print import document
    from ui.print.week_pdf import week_html

    writer = _pdf_writer(tmp_path)
    rescued = 0
    for n in range(150):
        save_item(ItemFields(title=f"话题{n}", kind="话题讨论",
                             date=MONDAY + dt.timedelta(days=n % 7),
                             start_time=dt.time(9, 0)), [])
        plan = assemble(MONDAY, today=TODAY)
        without_notes = assemble(MONDAY, today=TODAY, sections=set(SECTIONS) - {"notes"})
        doc = document.build_document(week_html(plan), writer)
        before = document.build_document(week_html(without_notes), writer).pageCount()
        two_lines = week_html(plan).replace("<br/>" * 5, "<br/>" * 2)
        if document._paginate(two_lines, writer).pageCount() == before:
            assert doc.pageCount() == before, n
            rescued += document._paginate(week_html(plan), writer).pageCount() > before
            if rescued:
                break
    assert rescued  # some weeks had the notes box shrunk onto the page before
