"""The Members screen with pytest-qt: model contract, search, filters, bulk, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from models.members.cards import Member
from models.members.segments import MemberFilter
from models.members.tags import MemberTag, Tag
from models.store import undo
from ui.members.page import MembersPage
from ui.members.table_model import MemberTableModel
from ui.workspace import Changed


@pytest.fixture
def page(qtbot, demo_db, workspace):
    widget = MembersPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def test_table_model_contract(qtmodeltester, demo_db, qapp):
    model = MemberTableModel()
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == Member.select().where(Member.left_on.is_null()).count()


def test_list_shows_active_members_sorted_by_pinyin(page):
    model = page.model
    active = Member.select().where(Member.left_on.is_null()).count()
    assert model.rowCount() == active
    first = [model.index(r, 0).data() for r in range(5)]
    keys = [Member.get(Member.name == n).sort_name for n in first]
    assert keys == sorted(keys)
    assert str(active) in page.counts.text()


def test_typing_filters_by_initials(qtbot, page):
    member = Member.select().where(Member.left_on.is_null()).order_by(Member.id).first()
    initials = member.initials.split()[0]
    qtbot.keyClicks(page.search, initials)
    model = page.model
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert member.name in names
    assert all(initials in Member.get(Member.name == n).search_text for n in names)
    page.search.clear()
    assert model.rowCount() == Member.select().where(Member.left_on.is_null()).count()


def test_list_paints_before_the_search_index_then_adopts_it(qtbot, demo_db, workspace,
                                                            monkeypatch):
    from models.members import rows as member_rows
    from models.members import search_index
    calls: list[tuple] = []
    real = member_rows.sorted_ids
    monkeypatch.setattr(member_rows, "sorted_ids", lambda *a: calls.append(a) or real(*a))
    widget = MembersPage(workspace)
    qtbot.addWidget(widget)
    assert len(calls) == 1  # header setup must not re-sort the list
    model = widget.model
    assert model.rowCount() > 0
    qtbot.waitUntil(model.search_ready)
    ids, texts = search_index.read_texts()
    assert model._index.texts == texts and model._index.ids == ids == model._order


def test_search_before_the_index_arrives_and_stale_index_is_dropped(qtbot, demo_db, workspace):
    from models.members.search_index import SearchIndex, read_texts
    model = MemberTableModel()
    model.reload()  # background read started for this order
    stale_order = model._order
    model.set_search_text("wx")  # typed at once: a small list reads the texts right away
    found = model.visible_ids()
    assert found and all("wx" in Member.get_by_id(i).search_text for i in found)
    model.reload()  # a write meanwhile: the first read's result must not be used
    model._adopt_index(stale_order, SearchIndex(stale_order, ["x"] * len(stale_order), {}))
    assert model._index is None or model._index.texts != ["x"] * len(stale_order)
    qtbot.waitUntil(model.search_ready)
    assert model._index.texts == read_texts()[1]


def test_backspace_and_new_words_give_the_same_rows_as_fresh_searches(qtbot, page):
    model = page.model
    sequence = ["z", "zh", "zha", "zh", "z", "z s", "z", ""]
    seen = []
    for text in sequence:
        page.search.setText(text)
        seen.append(model.visible_ids())
    fresh = MemberTableModel()
    fresh.reload()
    for text, ids in zip(sequence, seen, strict=True):
        fresh.set_search_text("§")  # reset to a different text, then search afresh
        fresh._results.clear()
        fresh.set_search_text(text)
        assert fresh.visible_ids() == ids, text


def test_filter_panel_status_and_explicit_ids(qtbot, page):
    page.filters.status.setCurrentIndex(page.filters.status.findData("left"))
    left = Member.select().where(Member.left_on.is_null(False)).count()
    assert page.model.rowCount() == left
    ids = [m.id for m in Member.select().limit(3)]
    page.apply_filter(MemberFilter(status="all", member_ids=ids, label="本周最活跃"))
    assert sorted(page.model.visible_ids()) == sorted(ids)
    assert page.explicit.isVisibleTo(page) and "本周最活跃" in page.explicit.text()
    page.filters.clear_explicit()
    assert page.model.rowCount() > 3


def test_bulk_add_tag_then_undo(qtbot, page):
    tag = Tag.create(name="测试标签")
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    ids = page.selected_ids()
    assert len(ids) == 2
    with qtbot.waitSignal(page.workspace.data_changed, timeout=10000):  # on a worker
        page._bulk(__import__("models.members.bulk", fromlist=["x"]).add_tags, [tag.id], "ok")
    assert MemberTag.select().where(MemberTag.tag == tag.id).count() == 2
    assert sorted(page.selected_ids()) == sorted(ids)  # selection survives the reload
    undo.undo()
    assert MemberTag.select().where(MemberTag.tag == tag.id).count() == 0


def test_delete_selected_confirms_and_can_be_undone(qtbot, page, no_dialogs):
    before = page.model.rowCount()
    page.table.selectRow(0)
    member_id = page.selected_ids()[0]
    with qtbot.waitSignal(page.workspace.data_changed, timeout=10000):  # on a worker
        page.delete_selected()
    assert no_dialogs and no_dialogs[0][0] == "confirm"
    assert Member.get_or_none(Member.id == member_id) is None
    assert page.model.rowCount() == before - 1
    undo.undo()
    page.workspace.data_changed.emit(Changed.ALL)
    assert page.model.rowCount() == before


def test_sort_by_column_header(qtbot, page):
    column = page.model.columns().index("joined_on")
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(page.model.is_settled)  # the new order is read on a worker
    values = [page.model.index(r, column).data() for r in range(20)]
    assert values == sorted(values, reverse=True)
    page.search.setText("wx")  # search still right in the new order, before and after
    first = page.model.visible_ids()  # the re-read index arrives
    qtbot.waitUntil(page.model.search_ready)
    page.search.setText("")
    page.search.setText("wx")
    assert page.model.visible_ids() == first
    joined = [Member.get_by_id(i).joined_on for i in first]
    assert joined == sorted(joined, key=lambda d: (d is not None, d), reverse=True)


def test_columns_and_saved_segments_persist(qtbot, page, monkeypatch):
    page.list_columns.toggle("company", True)
    assert "company" in page.model.columns()
    page.save_state()
    assert "company" in QSettings().value("members/columns", [], list)
    monkeypatch.setattr(page.segments, "ask_name", lambda suggestion="": "北京成员")
    page.filters.status.setCurrentIndex(page.filters.status.findData("all"))
    page.save_segment()
    texts = [page.segments.list.item(i).text() for i in range(page.segments.list.count())]
    assert any(t.startswith("北京成员") for t in texts)


def test_tag_chips_never_elide_short_names(qapp):
    from PySide6.QtGui import QFontMetrics

    from ui.members.tag_chips import PAD_X, chip_width

    fm = QFontMetrics(qapp.font())
    for name in ("AI", "KOL", "Lucky", "高活跃", "VIP 年费"):
        room = chip_width(fm, name) - 2 * PAD_X
        assert fm.elidedText(name, Qt.TextElideMode.ElideRight, room) == name


def test_filter_panel_gives_back_every_filter_it_is_shown(qtbot, page):
    """The panel shows a filter, it never makes one up: what set_filter() was given comes
    back from current(), also after the choices are reloaded, for every field."""
    import datetime as dt

    from models.members.groups import all_groups

    group = all_groups()[0].id
    day = dt.date(2025, 3, 4)
    specs = [
        MemberFilter(),
        MemberFilter(joined_to=day, no_contact_days=30, label="风险成员（30 天以上没有私聊）"),
        MemberFilter(joined_from=day),
        MemberFilter(status="all", joined_from=day, joined_to=day + dt.timedelta(days=6)),
        MemberFilter(joined_from=dt.date(1900, 1, 1), joined_to=dt.date(2099, 12, 31)),
        MemberFilter(no_contact_days=5000), MemberFilter(no_contact_days=0),
        MemberFilter(group_id=group, role="admin", level="元老", birthday="month"),
        MemberFilter(group_id=987654, role="no-such-role", level="no-such-level"),
        MemberFilter(status="left", tags_all=[1, 2], tags_any=[3], tags_none=[4]),
        MemberFilter(status="all", member_ids=[5, 6], label="本周最活跃"),
    ]
    panel = page.filters
    for spec in specs:
        panel.set_filter(spec)
        assert panel.current() == spec
        panel.load_choices()
        assert panel.current() == spec
        page.apply_filter(spec)
        assert page.model.current_filter() == spec
        assert page.explicit.isVisibleTo(page) == bool(spec.label or spec.member_ids)
    # One open end: the panel shows which one, and a later change keeps it open.
    page.apply_filter(MemberFilter(joined_to=day, label="入群早于"))
    assert panel.joined_to_check.isChecked() and not panel.joined_from_check.isChecked()
    panel.contact_check.setChecked(True)
    assert page.model.current_filter() == MemberFilter(joined_to=day,
                                                       no_contact_days=panel.contact_days.value())
    assert not page.explicit.isVisibleTo(page)  # the user's own filter now: no figure named
    page.apply_filter(MemberFilter(group_id=987654, label="群：已删除"))
    assert page.model.rowCount() == 0 and "群：已删除" in page.explicit.text()
    assert panel.group.currentText() == "已删除的群"
    page.show_everyone()  # the label's link
    assert panel.group.findText("已删除的群") == -1  # offered only while a filter holds it
    assert page.model.current_filter() == MemberFilter()
    assert page.model.rowCount() == Member.select().where(Member.left_on.is_null()).count()


def test_an_empty_workspace_says_how_to_begin(qtbot, workspace, no_dialogs):
    from ui.members.page import MembersPage

    page = MembersPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    assert page.empty_hint.isVisible()
    assert [b.text() for b in page.empty_hint.buttons] == [
        "导入名单(&I)…", "新建成员(&R)", "下载模板(&W)…", "看看示例社群(&Y)"]
    with qtbot.waitSignal(workspace.import_requested, timeout=2000):
        page.empty_hint.button("导入名单…").click()
    from models.members.cards import save_member

    save_member({"name": "第一位"})
    page.reload()
    assert not page.empty_hint.isVisible()


def test_the_first_card_s_calendar_is_loaded_after_the_screen_shows(qtbot, demo_db, workspace,
                                                                   monkeypatch):
    """lunar_python (the card's 农历 birthday) is loaded on a worker once the screen is up,
    so the first card opens without it; once, however often the screen shows."""
    import gc

    import ui.members.page as page_module

    calls: list[object] = []
    monkeypatch.setattr(page_module, "WARM_UP_MS", 0)
    monkeypatch.setattr(page_module.lunar, "from_solar", calls.append)
    screen = MembersPage(workspace)
    qtbot.addWidget(screen)
    assert not calls  # not while it is being built
    screen.show()
    gc.collect()  # the task is held by the screen, not only by the timer's call
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    screen.hide()
    screen.show()
    qtbot.wait(50)
    assert len(calls) == 1
