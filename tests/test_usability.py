"""Guidance and one voice: empty states that teach, the first-steps checklist, one name
per field, one date format, counts that say what they count, copies that say so, filters
that clear whole, and a selection that survives Undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication

from models.guide import first_steps
from models.members import tags
from models.members.cards import save_member
from models.messages import FIELD_LABELS
from ui import i18n
from ui.workspace import Changed


# ---------------------------------------------------------------- empty states
def test_every_screen_of_an_empty_workspace_says_what_to_do_next(controller, tmp_path, qtbot):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    window.show()
    qtbot.waitExposed(window)
    expected = {
        "members": ["导入名单(&I)…", "新建成员(&R)", "下载模板(&W)…", "看看示例社群(&Y)"],
        "calendar": ["新建内容(&P)", "新点子(&W)"],
        "activities": ["从模板新建活动(&W)…", "新建空白活动(&B)"],
        "week": ["去排内容(&G)", "去办活动(&O)"],
    }
    for key, buttons in expected.items():
        window.show_page(key)
        page = window.page(key)
        state = page.empty_hint if key == "members" else page.empty_state
        assert state.isVisible(), key
        assert [b.text() for b in state.buttons] == buttons
        assert state.accessibleName() and state.accessibleDescription()
    window.show_page("overview")
    assert window.page("overview").first_steps.isVisible()  # the overview: the next steps


def test_the_empty_states_buttons_do_what_they_say(controller, tmp_path, qtbot, monkeypatch):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    window.show()
    window.show_page("calendar")
    calendar = window.page("calendar")
    opened = []
    monkeypatch.setattr(calendar, "new_item", lambda *a, **k: opened.append(k))
    calendar.empty_state.button("新建内容").click()
    calendar.empty_state.button("新点子").click()
    assert opened == [{}, {"idea": True}]
    window.show_page("week")
    window.page("week").empty_state.button("去办活动").click()
    assert window.nav.currentRow() == 2
    # The demo community fills the empty workspace; the hints give way to the lists.
    window.show_page("members")
    members = window.page("members")
    members.empty_hint.button("看看示例社群").click()
    qtbot.waitUntil(lambda: members.model.total() == 300, timeout=60_000)
    assert not members.empty_hint.isVisible() and members.table.isVisible()
    window.show_page("activities")
    assert not window.page("activities").empty_state.isVisible()


def test_the_template_button_saves_the_import_template(workspace, qtbot, tmp_path, monkeypatch):
    from ui import dialogs
    from ui.members.page import MembersPage

    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    page = MembersPage(workspace)
    qtbot.addWidget(page)
    with qtbot.waitSignal(workspace.status_message) as said:
        page.empty_hint.button("下载模板…").click()
    assert target.exists() and str(target) in said.args[0]


# ---------------------------------------------------------------- first steps
def test_the_first_steps_tick_themselves(workspace, qtbot):
    from ui.first_steps import FirstStepsPanel

    panel = FirstStepsPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    assert first_steps.progress() == dict.fromkeys(first_steps.STEPS, False)
    member = save_member({"name": "第一位"})
    tag = tags.get_or_create_tag("北京")
    assert first_steps.progress()["import"] and not first_steps.progress()["tag"]
    tags.set_member_tags(member.id, [tag.id])
    workspace.announce(Changed.ALL)
    panel.refresh()
    assert panel.marks["import"].text() == "✔" and panel.marks["tag"].text() == "✔"
    assert not panel.buttons["tag"].isEnabled() and panel.buttons["print"].isEnabled()
    first_steps.mark("print")
    tags.set_member_tags(member.id, [])  # a step once done stays done
    assert first_steps.progress()["print"]
    panel.dismiss()
    assert first_steps.dismissed() and not panel.isVisible()


def test_printing_the_week_ticks_the_last_step(workspace, qtbot, tmp_path, monkeypatch):
    from ui import dialogs
    from ui.week.page import WeekPage

    page = WeekPage(workspace)
    qtbot.addWidget(page)
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: tmp_path / "week.pdf")
    assert not first_steps.progress()["print"]
    assert page.save_pdf() > 0
    assert first_steps.progress()["print"]


# ---------------------------------------------------------------- one voice
def test_one_english_name_per_field_in_the_card_the_list_and_the_export(workspace, qtbot):
    from ui.members.card_dialog import MemberCardDialog
    from ui.members.columns import ALL_COLUMNS, header

    i18n.install("en")
    card = MemberCardDialog(workspace, None)
    qtbot.addWidget(card)
    labels = card.labels()
    for field, (_zh, en) in FIELD_LABELS.items():
        if field in ALL_COLUMNS:
            assert header(field) == en, field
        if field in labels:
            assert labels[field].rstrip(" *").split(" (")[0] == en, field  # "(CNY)" may follow


def test_dates_on_screen_take_one_format_per_language():
    from ui import dates

    today = dt.date.today()
    this_year, last_year = dt.date(today.year, 11, 27), dt.date(today.year - 1, 11, 27)
    assert dates.short_date(this_year) == "11月27日"
    assert dates.short_date(last_year) == f"{today.year - 1}年11月27日"
    i18n.install("en")
    assert dates.short_date(this_year) == "27 Nov"
    start = dt.datetime(today.year, 12, 2, 20, 0)
    assert dates.span(start, start + dt.timedelta(hours=1)) == "2 Dec 20:00 – 21:00"


def test_the_checklist_says_due_and_done_dates_alike(workspace, qtbot):
    from models import demo
    from ui.activities.item_models import ChecklistModel

    demo.build(members=30, seed=2)
    from models.activities.tables import Activity

    model = ChecklistModel()
    model.load(Activity.select().first().id)
    assert model.rowCount() > 0
    texts = [model.data(model.index(row, col)) for row in range(model.rowCount())
             for col in range(model.columnCount())]
    assert not any(isinstance(t, str) and t[:4].isdigit() and t[4:5] == "-" for t in texts)


def test_the_count_says_it_includes_those_who_left(workspace, qtbot):
    from models.members.bulk import mark_left
    from ui.members.page import MembersPage

    ids = [save_member({"name": f"成员{n}"}).id for n in range(3)]
    mark_left([ids[0]])
    page = MembersPage(workspace)
    qtbot.addWidget(page)
    page.reload()
    assert page.counts.text() == "显示 2 / 共 3 位成员（含已退群 1 位）"


def test_clearing_the_filter_resets_the_dates_and_the_day_count(qtbot):
    from PySide6.QtCore import QDate

    from ui.members.filter_panel import FilterPanel

    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.joined_from.setDate(QDate(2020, 1, 1))
    panel.joined_to.setDate(QDate(2020, 2, 1))
    panel.contact_days.setValue(90)
    panel.contact_check.setChecked(True)
    panel.reset()
    assert panel.joined_from.date() == QDate.currentDate().addMonths(-1)
    assert panel.joined_to.date() == QDate.currentDate()
    assert panel.contact_days.value() == 30 and not panel.contact_check.isChecked()


# ---------------------------------------------------------------- copies and undo
def test_copying_the_welcome_text_says_so_in_the_status_bar(workspace, qtbot):
    from models.members import groups
    from ui.members.groups_dialog import GroupsDialog
    from ui.members.page import MembersPage

    groups.save_group({"name": "一群", "platform": "wechat", "welcome": "欢迎！"})
    page = MembersPage(workspace)
    qtbot.addWidget(page)
    dialog = GroupsDialog(workspace, page)
    dialog.show()
    with qtbot.waitSignal(workspace.status_message) as said:
        dialog.copy_welcome.click()
    assert "已复制" in said.args[0] and QGuiApplication.clipboard().text() == "欢迎！"
    dialog.close()


def test_the_undo_item_names_the_change_and_is_off_with_nothing_to_undo(controller, tmp_path,
                                                                         qtbot):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    assert not window.act_undo.isEnabled() and window.act_undo.text() == "撤销(&U)"
    ids = [save_member({"name": f"成员{n}"}).id for n in range(5)]
    from models.members import bulk

    window.show_page("members")
    page = window.page("members")
    page.reload()
    bulk.delete(ids[:3], path)
    window.workspace.announce(Changed.MEMBERS)
    assert window.act_undo.isEnabled() and "3" in window.act_undo.text()
    assert window.act_undo.text().startswith("撤销：")


def test_the_selection_survives_undo(controller, tmp_path, qtbot, no_dialogs):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    window = controller.window
    window.show()
    ids = [save_member({"name": f"成员{n}"}).id for n in range(6)]
    window.show_page("members")
    page = window.page("members")
    page.reload()
    page._reselect(ids[1:4])
    assert page.selected_ids() == ids[1:4]
    page.delete_selected()  # confirmed by no_dialogs; runs on a worker (LongOp)
    qtbot.waitUntil(lambda: page.model.total() == 3)
    assert page.selected_ids() == []
    window.undo_last()
    qtbot.waitUntil(lambda: page.model.total() == 6)
    assert page.selected_ids() == ids[1:4]  # the members brought back are selected again
