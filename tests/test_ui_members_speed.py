"""The member list's long work (issue 18), with pytest-qt: searches that go a slice at a
time (the newest keystroke wins), sorting on a worker while the list stays usable."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from models.members import rows as member_rows
from models.members import search_index
from models.members.cards import Member
from ui.members import list_jobs
from ui.members.page import MembersPage


@pytest.fixture
def page(qtbot, demo_db, workspace):
    widget = MembersPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(widget.model.search_ready)
    return widget


def plain_search(text: str, key: str = "name", descending: bool = False) -> list[int]:
    """What the list must show for `text`: the plain search over every active member."""
    ids, hay = member_rows.ordered_texts(key, descending)
    left = {m.id for m in Member.select().where(Member.left_on.is_null(False))}
    return [ids[p] for p in member_rows.search(hay, text) if ids[p] not in left]


def test_slow_searches_give_the_newest_keystrokes_rows(qtbot, page, monkeypatch):
    monkeypatch.setattr(search_index, "SLICE", 5)  # a scan takes many turns of the loop
    monkeypatch.setattr(list_jobs, "BUDGET_MS", 0.0)
    model = page.model
    shown: list[str] = []
    model.modelReset.connect(lambda: shown.append(model._text))
    for typed in ("z", "zh", "zha"):  # faster than each scan
        page.search.setText(typed)
    assert not model.is_settled()  # still scanning, between other events
    assert model.rowCount() > 0  # meanwhile the list shows what it showed
    qtbot.waitUntil(model.is_settled)
    assert shown == ["zha"]  # the scans for "z" and "zh" were dropped, never shown
    assert model.visible_ids() == plain_search("zha")
    page.search.setText("w")
    page.search.setText("")  # back to everyone before the scan for "w" is done
    qtbot.waitUntil(model.is_settled)
    assert model.visible_ids() == plain_search("")


def test_rows_asked_for_while_a_search_runs_are_the_searched_ones(qtbot, page, monkeypatch):
    monkeypatch.setattr(search_index, "SLICE", 5)
    monkeypatch.setattr(list_jobs, "BUDGET_MS", 0.0)
    page.search.setText("wx")
    assert page.model.visible_ids() == plain_search("wx")  # export: finishes it at once
    assert page.model.is_settled()


def test_the_list_stays_usable_while_a_sort_is_read(qtbot, page, monkeypatch):
    gate = threading.Event()
    real = search_index.load

    def slow_load(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    model = page.model
    monkeypatch.setattr(search_index, "load", slow_load)
    column = model.columns().index("joined_on")
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    qtbot.wait(50)
    assert not model.is_settled()  # the sort is being read on a worker ...
    before = model.visible_ids()
    assert model.rowCount() == len(before) and model.index(0, 0).data()  # ... rows paint
    page.search.setText("wx")  # ... and search works, in the old order
    assert model.visible_ids() == plain_search("wx")
    page.search.setText("")
    chosen = model.member_id(3)
    page._reselect([chosen])  # and rows can be chosen
    gate.set()
    qtbot.waitUntil(model.is_settled)
    assert model.visible_ids() == plain_search("", "joined_on", True)
    values = [model.index(r, column).data() for r in range(30)]
    assert values == sorted(values, reverse=True)
    assert page.selected_ids() == [chosen]  # the selection moved with its member


def test_the_newest_sort_wins_and_a_reload_drops_an_older_one(qtbot, page, monkeypatch):
    model = page.model
    columns = model.columns()
    page.table.sortByColumn(columns.index("city"), Qt.SortOrder.AscendingOrder)
    page.table.sortByColumn(columns.index("joined_on"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(model.is_settled)
    assert model.visible_ids() == plain_search("", "joined_on", False)
    gate = threading.Event()
    real = search_index.load
    monkeypatch.setattr(search_index, "load",
                        lambda *a, **k: (gate.wait(10), real(*a, **k))[1])
    page.table.sortByColumn(columns.index("city"), Qt.SortOrder.DescendingOrder)
    monkeypatch.setattr(search_index, "load", real)
    model.reload()  # a write meanwhile: reads the new order itself
    gate.set()
    qtbot.wait(100)
    qtbot.waitUntil(model.is_settled)
    assert model.visible_ids() == plain_search("", "city", True)


def test_a_write_during_a_search_keeps_its_rows_until_the_index_is_read(qtbot, page,
                                                                        monkeypatch):
    from ui.members import table_model

    model = page.model
    page.search.setText("wx")
    found = model.visible_ids()
    monkeypatch.setattr(table_model, "WAIT_FOR_INDEX", 0)  # as a big list does
    gone = found[0]
    Member.delete_by_id(gone)
    model.reload()  # no read of the index on the GUI thread ...
    assert model._index is None and not model.is_settled()
    assert model.visible_ids_now() == found[1:]  # ... the rows it showed, less the gone
    qtbot.waitUntil(model.is_settled)
    assert model.visible_ids() == plain_search("wx")
    Member.delete_by_id(found[1])
    model.reload()
    assert model.visible_ids() == plain_search("wx")  # asked at once: searched at once
