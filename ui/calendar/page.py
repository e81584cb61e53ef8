"""The content calendar screen (内容日历): month, week and agenda views, filters, the
backlog of ideas and content sources, drag-and-drop rescheduling and quick actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.calendar import edit as E
from models.calendar import entries as C
from models.calendar import lists as L
from models.calendar.text import wechat_text
from models.members.groups import all_groups
from ui import dates, dialogs
from ui.calendar.agenda import AgendaView
from ui.calendar.backlog import BacklogPanel
from ui.calendar.birthday_layer import LayerSwitch, birthdays_by_day
from ui.calendar.common import EntryFilter, status_label
from ui.calendar.month_view import MonthView
from ui.calendar.week_view import WeekView
from ui.clipboard import copy_text
from ui.colors import OVERDUE_RED, readable
from ui.empty_state import EmptyState
from ui.flow_layout import FlowLayout
from ui.operations import Op
from ui.read_only import lock_dialog, set_editing
from ui.workspace import Changed, Workspace

if TYPE_CHECKING:
    from ui.calendar.editor import ItemEditor

VIEWS = ("month", "week", "agenda")
SETTINGS_BIRTHDAYS = "calendar/birthdays"  # the birthday layer on or off (this computer)


class CalendarPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = dt.date.today()
        self.anchor = self.today
        self.view = "month"
        self.filter = EntryFilter()
        self.entries: list[C.CalendarEntry] = []
        self.selected: C.CalendarEntry | None = None
        self._editor: QDialog | None = None  # the open editor or kinds dialog, kept alive
        self._build()
        workspace.data_changed.connect(self._on_data_changed)
        workspace.read_only_changed.connect(self._apply_read_only)
        self.refresh_lists()
        self.reload()
        self._apply_read_only()

    @Slot()
    def _apply_read_only(self) -> None:
        set_editing(self.workspace, (*self._editing, *self.backlog.editing_controls()))
        self.backlog.set_dragging(not self.workspace.read_only)

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        today = QPushButton(self.tr("今天(&T)"))
        today.clicked.connect(self.go_today)
        prev = QToolButton()
        prev.setText("‹")
        prev.setToolTip(self.tr("上一页"))
        prev.clicked.connect(lambda: self.step(-1))
        nxt = QToolButton()
        nxt.setText("›")
        nxt.setToolTip(self.tr("下一页"))
        nxt.clicked.connect(lambda: self.step(1))
        self.view_buttons = QButtonGroup(self)
        top = FlowLayout()  # wraps in a narrow window instead of cutting text off
        for w in (today, prev, nxt):
            top.add(w)
        top.add(self.period_label, stretch=True,
                minimum=max(
            self.period_label.fontMetrics().horizontalAdvance(sample)
            for sample in ("2026年12月28日 – 2027年1月3日", "September 2026")) + 8)
        labels = (self.tr("月(&M)"), self.tr("周(&K)"), self.tr("列表(&S)"))
        for key, label in zip(VIEWS, labels, strict=True):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(key == self.view)
            button.setMinimumWidth(44)
            # The chosen view must be obvious on a dark palette too (Fusion's checked tool
            # button is barely darker there).
            button.setStyleSheet(
                "QToolButton { padding: 2px 8px; border: 1px solid palette(mid);"
                " border-radius: 3px; }"
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); border-color: palette(highlight); }")
            button.clicked.connect(lambda _c=False, k=key: self.set_view(k))
            self.view_buttons.addButton(button, VIEWS.index(key))
            top.add(button)
        new = QPushButton(self.tr("新建内容(&N)"))
        new.clicked.connect(lambda: self.new_item())
        export = QPushButton(self.tr("导出 .ics(&X)…"))
        export.setToolTip(self.tr("导出为 iCalendar 文件，导入手机日历后到点会提醒"))
        export.clicked.connect(self.export_ics)
        kinds = QPushButton(self.tr("内容类型(&C)…"))
        kinds.clicked.connect(self._manage_kinds)
        self.holidays_button = QPushButton(self.tr("节假日(&L)…"))
        self.holidays_button.setToolTip(self.tr("查看放假（休）和调休上班（班）的日子；"
                                                "官方安排未公布时自己填写或导入 .ics"))
        self.holidays_button.clicked.connect(lambda: self.manage_holidays())
        for w in (new, export, kinds, self.holidays_button):
            top.add(w)
        self._editing = (new, kinds)

        self.group_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.status_filter = QComboBox()
        self.presenter_filter = QComboBox()
        for combo, name in ((self.group_filter, self.tr("按群筛选")),
                            (self.kind_filter, self.tr("按类型筛选")),
                            (self.status_filter, self.tr("按状态筛选")),
                            (self.presenter_filter, self.tr("按主讲人筛选"))):
            combo.setAccessibleName(name)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题或主讲人"))
        self.search.setClearButtonEnabled(True)
        self.overdue_only = QCheckBox()
        self._style_overdue_box()
        self.birthday_layer = LayerSwitch(SETTINGS_BIRTHDAYS, self.reload)
        filters = FlowLayout()
        for label, combo in ((self.tr("群"), self.group_filter), (self.tr("类型"), self.kind_filter),
                             (self.tr("状态"), self.status_filter),
                             (self.tr("主讲"), self.presenter_filter)):
            pair = QWidget()  # a label stays on the line of its combo box
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(QLabel(label))
            pair_layout.addWidget(combo)
            filters.add(pair)
            combo.currentIndexChanged.connect(self._filters_changed)
        filters.add(self.search, stretch=True, minimum=160)
        filters.add(self.overdue_only)
        filters.add(self.birthday_layer)
        self.search.textChanged.connect(self._filters_changed)
        self.overdue_only.toggled.connect(self._filters_changed)

        self.month = MonthView()
        self.week = WeekView()
        self.agenda = AgendaView()
        self.stack = QStackedWidget()
        for view in (self.month, self.week, self.agenda):
            self.stack.addWidget(view)
            view.entry_selected.connect(self._selected)
            view.entry_activated.connect(self.edit_entry)
            view.context_requested.connect(self._context_menu)
        for view in (self.month, self.week):
            view.day_activated.connect(lambda day, time: self.new_item(day, time))
            view.dropped.connect(self.drop)
        self.month.more_requested.connect(self._show_week_of)
        self.week.more_requested.connect(self._show_agenda_of)
        self.backlog = BacklogPanel()
        self.backlog.idea_activated.connect(lambda iid: self.edit_entry(E.Ref(iid, None, None)))
        self.backlog.new_idea_requested.connect(lambda: self.new_item(idea=True))
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.backlog)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 260])
        splitter.setChildrenCollapsible(False)
        self.empty_state = EmptyState(self.tr("还没有内容"), self.tr(
            "把要在群里发的分享、问答、预告排到日历上：双击某一天，或点“新建内容”；"
            "还没想好日子的点子先放进右边的点子库。"), compact=True)
        self.empty_state.add_button(self.tr("新建内容(&P)"), lambda: self.new_item(), default=True)
        self.empty_state.add_button(self.tr("新点子(&W)"), lambda: self.new_item(idea=True))
        self.empty_state.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.empty_state)
        layout.addWidget(splitter, 1)

    # ---------------------------------------------------------------- filters
    def _style_overdue_box(self) -> None:
        red = readable(OVERDUE_RED, self.palette().color(QPalette.ColorRole.Window))
        self.overdue_only.setStyleSheet(f"color: {red.name()};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        # Light/dark switch: the overdue filter's red is set explicitly, so pick it again.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "overdue_only"):
            self._style_overdue_box()
        super().changeEvent(event)

    def refresh_lists(self) -> None:
        """Fill the filter choices (kinds, groups, presenters), keeping what is selected."""
        def fill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, data in items:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

        fill(self.group_filter, self.tr("全部群"),
             [(g.name, g.name) for g in all_groups()])
        fill(self.kind_filter, self.tr("全部类型"), [(k.name, k.name) for k in L.kinds()])
        fill(self.status_filter, self.tr("全部状态"),
             [(status_label(s), s) for s in C.STATUSES if s != "idea"])
        fill(self.presenter_filter, self.tr("全部主讲"), [(name, mid) for mid, name in L.presenters()])
        overdue = len(C.overdue_entries(self.today))
        self.overdue_only.setText(self.tr("只看过期（%Ln 项）(&U)", "", overdue))
        self.backlog.reload()

    @Slot()
    def _filters_changed(self) -> None:
        self.filter = EntryFilter(
            group=self.group_filter.currentData() or "", kind=self.kind_filter.currentData() or "",
            status=self.status_filter.currentData() or "",
            presenter_id=self.presenter_filter.currentData(),
            text=self.search.text().strip(), overdue_only=self.overdue_only.isChecked())
        self._show()

    def apply_filter(self, f: EntryFilter) -> None:
        self.filter = f
        self._show()

    # ----------------------------------------------------------------- period
    def period(self) -> tuple[dt.date, dt.date]:
        if self.view == "month":
            self.month.set_month(self.anchor, self.today)
            return self.month.period()
        if self.view == "week":
            self.week.set_week(self.anchor, self.today)
            return self.week.period()
        first = self.anchor.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first, last

    def reload(self) -> None:
        """Read the visible period from the database and show it (month switch path)."""
        start, end = self.period()
        self.entries = C.entries_between(start, end, self.today)
        layer = birthdays_by_day(start, end) if self.birthday_layer.isChecked() else {}
        for view in (self.month, self.week):
            view.set_birthdays(layer)
        self._update_label()
        self._show()
        from models.guide.first_steps import has_content

        self.empty_state.setVisible(not self.entries and not has_content())

    def _show(self) -> None:
        shown = self.filter.apply(self.entries)
        if self.view == "month":
            self.month.set_entries(shown)
        elif self.view == "week":
            self.week.set_entries(shown)
        else:
            self.agenda.set_entries(shown, self.today)

    def _update_label(self) -> None:
        if self.view == "week":
            monday, sunday = self.week.period()
            text = dates.date_range(monday, sunday)
        else:
            text = dates.month_year(self.anchor)
        self.period_label.setText(text)

    def set_view(self, view: str) -> None:
        self.view = view
        self.view_buttons.button(VIEWS.index(view)).setChecked(True)
        self.stack.setCurrentIndex(VIEWS.index(view))
        self.reload()

    def step(self, direction: int) -> None:
        if self.view == "week":
            self.anchor += dt.timedelta(weeks=direction)
        else:
            index = self.anchor.year * 12 + self.anchor.month - 1 + direction
            self.anchor = dt.date(index // 12, index % 12 + 1, 1)
        self.reload()

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.reload()

    @Slot()
    def go_today(self) -> None:
        self.today = dt.date.today()
        self.go_to(self.today)

    @Slot(object)
    def _show_week_of(self, day: dt.date) -> None:
        self.anchor = day
        self.set_view("week")

    @Slot(object)
    def _show_agenda_of(self, day: dt.date) -> None:
        """The whole day in the list (a busy week's "还有 N 项…")."""
        self.anchor = day
        self.set_view("agenda")
        self.agenda.show_day(day)
        self.agenda.setFocus()

    # ---------------------------------------------------------------- actions
    @Slot(object)
    def _selected(self, entry: C.CalendarEntry | None) -> None:
        self.selected = entry

    def new_item(self, day: dt.date | None = None, time: dt.time | None = None,
                 idea: bool = False) -> None:
        from ui.calendar.editor import ItemEditor

        day = day or (self.anchor if self.anchor != self.today.replace(day=1) else self.today)
        self._open_editor(ItemEditor(self, None, day, time, idea=idea))

    def edit_entry(self, entry: C.CalendarEntry | E.Ref, series_scope: bool = False) -> None:
        from ui.calendar.editor import ItemEditor

        ref = entry if isinstance(entry, E.Ref) else E.ref_of(entry)
        try:
            editor = ItemEditor(self, ref, series_scope=series_scope)
        except E.CalendarError as exc:  # deleted meanwhile
            dialogs.warn(self, self.tr("内容日历"), str(exc))
            self.reload()
            return
        self._open_editor(editor)

    def _open_editor(self, editor: ItemEditor) -> None:
        self._editor = editor
        editor.saved.connect(self._saved)
        lock_dialog(editor, self.workspace)
        editor.open()

    @Slot(str)
    def _saved(self, message: str) -> None:
        self.workspace.status_message.emit(message)  # the notice already reloaded the views

    def _change(self, change: Callable[[], object], message: str | None = None) -> bool:
        """One write from this page (a drag, a menu item), through the one operation path."""
        def done(_result: object) -> None:
            if message:
                self.workspace.status_message.emit(message)
            self._reload_all()

        return Op(self, self.workspace, change, Changed.CALENDAR).success(done).run()

    def _reload_all(self) -> None:
        self.refresh_lists()
        self.reload()

    @Slot(object)
    def _on_data_changed(self, _changed: Changed) -> None:
        if self.workspace.origin is not self:  # this page reloads after its own writes
            self._reload_all()

    @Slot(object, object, object, bool)
    def drop(self, ref: E.Ref, day: dt.date, time: dt.time | None, keep_time: bool) -> None:
        """Reschedule an entry or schedule a backlog idea (from either view)."""
        if self.workspace.read_only:
            self.workspace.status_message.emit(self.workspace.read_only_reason())
            return
        when = f"{day:%m-%d}" + (f" {time:%H:%M}" if time and not keep_time else "")
        self._change(lambda: E.move(ref, day) if keep_time else E.move(ref, day, time),
                     self.tr("已移到 %1").replace("%1", when))

    def duplicate(self, entry: C.CalendarEntry) -> None:
        self._change(lambda: E.duplicate(E.ref_of(entry)), self.tr("已复制一份"))

    def copy_body(self, entry: C.CalendarEntry) -> None:
        fields = E.fields_of(E.ref_of(entry))
        copy_text(self, wechat_text(fields.title, fields.body),
                  self.tr("正文已复制，可直接粘贴到微信"))

    def set_status(self, entry: C.CalendarEntry, status: str) -> None:
        self._change(lambda: E.set_status(E.ref_of(entry), status))

    def delete_entry(self, entry: C.CalendarEntry) -> None:
        text = self.tr("删除“%1”（%2）？").replace("%1", entry.title).replace(
            "%2", entry.date.isoformat())
        if entry.series_id is not None:
            text += "\n" + self.tr("只删除这一次，系列的其他日期不受影响。")
        if dialogs.confirm(self, self.tr("删除内容"), text, danger=True):
            self._change(lambda: E.delete(E.ref_of(entry), undoable=True))

    def delete_selected(self) -> None:
        if self.selected is not None:
            self.delete_entry(self.selected)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def activated(self) -> None:
        if dt.date.today() != self.today:
            self.today = dt.date.today()
            self.reload()

    def context_menu(self, entry: C.CalendarEntry | None, day: dt.date) -> QMenu:
        menu = QMenu(self)
        if entry is None:
            if not self.workspace.read_only:
                menu.addAction(self.tr("在 %1 新建内容(&N)…").replace("%1", f"{day:%m-%d}"),
                               lambda: self.new_item(day))
            menu.addAction(self.tr("节假日（休/班）(&H)…"), lambda: self.manage_holidays(day))
            return menu
        menu.addAction(self.tr("编辑(&E)…"), lambda: self.edit_entry(entry))
        if entry.series_id is not None:
            menu.addAction(self.tr("编辑整个系列(&W)…"), lambda: self.edit_entry(entry, True))
        menu.addSeparator()
        menu.addAction(self.tr("复制正文（粘贴到微信）(&C)"), lambda: self.copy_body(entry))
        menu.addAction(self.tr("复制一份(&U)"), lambda: self.duplicate(entry))
        menu.addSeparator()
        if entry.status != "published":
            menu.addAction(self.tr("标记为已发布(&P)"), lambda: self.set_status(entry, "published"))
        if entry.status != "ready":
            menu.addAction(self.tr("标记为待发布(&R)"), lambda: self.set_status(entry, "ready"))
        if entry.status != "skipped":
            menu.addAction(self.tr("跳过这一次(&S)"), lambda: self.set_status(entry, "skipped"))
        if entry.item_id is not None and entry.series_id is None:
            menu.addAction(self.tr("放回点子库(&B)"), lambda: self._unschedule(entry))
        menu.addSeparator()
        menu.addAction(self.tr("删除(&D)…"), lambda: self.delete_entry(entry))
        if self.workspace.read_only:  # reading and copying only
            keep = {self.tr("编辑(&E)…"), self.tr("编辑整个系列(&W)…"), self.tr("复制正文（粘贴到微信）(&C)")}
            for action in menu.actions():
                action.setEnabled(action.isSeparator() or action.text() in keep)
        return menu

    def _unschedule(self, entry: C.CalendarEntry) -> None:
        item_id = entry.item_id
        if item_id is not None:
            self._change(lambda: E.unschedule(item_id))

    @Slot(object, object, QPoint)
    def _context_menu(self, entry: C.CalendarEntry | None, day: dt.date, pos: QPoint) -> None:
        self.context_menu(entry, day).popup(pos)

    @Slot()
    def export_ics(self) -> None:
        from models.calendar.ics import export_ics

        path = dialogs.save_file(self, self.tr("导出日历"), self.tr("iCalendar 文件 (*.ics)"),
                                 self.tr("内容日历.ics"))
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            # with the birthday layer on, the birthdays too (a lunar one: one event a year)
            count = export_ics(path, None, None, birthdays=self.birthday_layer.isChecked())
        except OSError as exc:
            dialogs.error(self, self.tr("导出日历"), f"{path}: {exc.strerror or exc}")
            return
        self.workspace.status_message.emit(
            self.tr("已导出 %Ln 项到 ", "", count) + str(path))

    @Slot()
    def _manage_kinds(self) -> None:
        from ui.calendar.kinds_dialog import KindsDialog

        dialog = KindsDialog(self)
        self._editor = dialog
        dialog.open()

    def manage_holidays(self, day: dt.date | None = None) -> None:
        """The holidays editor at `day` (default: the period shown)."""
        from ui.calendar.holidays_dialog import HolidaysDialog

        this_month = (self.anchor.year, self.anchor.month) == (self.today.year, self.today.month)
        day = day or (self.today if this_month else self.anchor)
        dialog = HolidaysDialog(self, day.year, day)
        self._editor = dialog
        dialog.open()
