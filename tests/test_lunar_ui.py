"""农历生日 on screen: the card's birthday editor (公历/农历, the other calendar beside it),
driven from the keyboard, and the members list's birthday column in the owner's words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.members import lunar
from models.members.cards import Member, save_member
from models.members.lunar import LunarDate
from ui import i18n

D = dt.date


def card(qtbot, workspace, member_id=None):
    from ui.members.card_dialog import MemberCardDialog

    dialog = MemberCardDialog(workspace, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def next_day(birthday: LunarDate) -> dt.date:
    today = dt.date.today()
    return lunar.occurrences(birthday, today, today + dt.timedelta(days=400))[0][0]


def test_a_lunar_birthday_chosen_with_the_keyboard(qtbot, workspace):
    dialog = card(qtbot, workspace)
    dialog.editors["name"].insert("王芳")
    edit = dialog.editors["birthday"]
    edit.setFocus()  # Tab reaches the calendar choice first
    assert edit.kind.hasFocus() or not dialog.isActiveWindow()
    qtbot.keyClick(edit.kind, Qt.Key.Key_Down)  # 公历 -> 农历
    assert edit.is_lunar() and edit.lunar_box.isVisible() and not edit.solar.isVisible()
    assert edit.year.text() == "年份不详"
    # without a year every 闰 month is offered: 正月, 闰正月, 二月, 闰二月, 三月 …
    assert [edit.month.itemText(i) for i in range(5)] == ["正月", "闰正月", "二月", "闰二月", "三月"]
    for _ in range(4):
        qtbot.keyClick(edit.month, Qt.Key.Key_Down)
    for _ in range(4):
        qtbot.keyClick(edit.day, Qt.Key.Key_Down)
    assert (edit.month.currentText(), edit.day.currentText()) == ("三月", "初五")
    day = next_day(LunarDate(3, 5))
    assert edit.other.text().startswith(f"= {day.isoformat()}（")
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    member = Member.get_by_id(saved.args[0])
    assert (member.birthday, member.lunar_birthday) == (None, "03-05")


def test_a_lunar_birthday_with_its_year_loads_and_shows_the_solar_date(qtbot, workspace):
    m = save_member({"name": "李华", "birthday": LunarDate(4, 8, True, 2020)})
    dialog = card(qtbot, workspace, m.id)
    edit = dialog.editors["birthday"]
    assert edit.is_lunar() and edit.year.value() == 2020
    assert (edit.month.currentText(), edit.day.currentText()) == ("闰四月", "初八")
    assert "出生于公历 2020-05-30" in edit.other.text()
    # 2020 has 闰四月 only; its months: 正月 … 四月, 闰四月, 五月 … 腊月
    assert edit.month.count() == 13
    assert not dialog.is_dirty()
    edit.year.setValue(2021)  # no 闰四月 in 2021: the regular 四月
    assert edit.month.currentText() == "四月" and edit.month.count() == 12
    assert dialog.save()
    assert Member.get_by_id(m.id).lunar_birthday == "04-08"
    assert Member.get_by_id(m.id).birthday == lunar.to_solar(LunarDate(4, 8, False, 2021))


def test_a_known_years_short_month_has_29_days(qtbot, workspace):
    dialog = card(qtbot, workspace)
    edit = dialog.editors["birthday"]
    edit.set_lunar(LunarDate(12, 30))
    assert edit.day.count() == 30 and edit.day.currentText() == "三十"
    edit.year.setValue(2026)  # 腊月 2026 has 29 days
    assert edit.day.count() == 29 and edit.day.currentText() == "廿九"


def test_switching_calendars_keeps_the_same_birthday(qtbot, workspace):
    dialog = card(qtbot, workspace)
    edit = dialog.editors["birthday"]
    qtbot.keyClicks(edit.solar, "1990-03-31")
    assert edit.other.text() == "农历1990年三月初五"
    edit.kind.setCurrentIndex(1)
    assert edit.value() == LunarDate(3, 5, False, 1990)
    edit.kind.setCurrentIndex(0)
    assert edit.value() == "1990-03-31"


def test_a_lunar_birthday_in_the_future_is_refused_beside_the_field(qtbot, workspace):
    dialog = card(qtbot, workspace)
    dialog.editors["name"].insert("张三")
    edit = dialog.editors["birthday"]
    # 腊月 of this lunar year falls in the next solar year: always after today
    edit.set_lunar(LunarDate(12, 1, False, dt.date.today().year))
    assert not dialog.save()
    assert dialog.fields["birthday"].has_error()
    assert "在今天之后" in dialog.fields["birthday"].error.text()
    assert Member.select().count() == 0


def test_the_editor_in_english(qtbot, workspace):
    i18n.install("en")
    try:
        dialog = card(qtbot, workspace)
        edit = dialog.editors["birthday"]
        assert [edit.kind.itemText(i) for i in range(2)] == ["Solar", "Lunar"]
        edit.set_lunar(LunarDate(3, 5))
        assert (edit.month.currentText(), edit.day.currentText()) == ("Month 3", "Day 5")
        assert "(this year)" in edit.other.text() or "(next year)" in edit.other.text()
        for w in (edit.kind, edit.solar, edit.year, edit.month, edit.day):
            assert w.accessibleName()
    finally:
        i18n.install("zh")


def test_the_member_list_words_lunar_birthdays(qtbot, workspace):
    from ui.members.table_model import MemberTableModel

    save_member({"name": "农历", "birthday": LunarDate(3, 5, False, 1990)})
    save_member({"name": "闰月", "birthday": "闰四月初八"})
    save_member({"name": "公历", "birthday": "1990-06-01"})
    model = MemberTableModel()
    model.set_columns(["name", "birthday"])
    model.reload()
    column = {c.key: i for i, c in enumerate(model._columns)}
    shown = {model.index(r, column["name"]).data(): model.index(r, column["birthday"]).data()
             for r in range(model.rowCount())}
    assert shown == {"农历": "农历1990年三月初五", "闰月": "农历闰四月初八", "公历": "1990-06-01"}


def test_tab_walks_the_lunar_fields_in_order(qtbot, workspace):
    dialog = card(qtbot, workspace)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    edit = dialog.editors["birthday"]
    dialog.tabs.setCurrentIndex(0)
    edit.kind.setFocus()
    qtbot.keyClick(edit.kind, Qt.Key.Key_Down)  # 农历
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [edit.year, edit.month, edit.day]
