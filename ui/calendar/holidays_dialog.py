"""节假日: a year's days off (休) and working days (班), where they come from, and the
owner's own entries, which win over the official schedule and the computed festival days
(models/calendar/holidays.py). The owner enters or corrects a day, takes their entry back,
or imports a holiday calendar (.ics) for a year the packages don't know yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, Slot
from PySide6.QtGui import QBrush, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.calendar import holidays as H
from models.calendar.holiday_files import Imported, read_days, summary
from models.store.files import FileProblem
from ui import dates, dialogs
from ui.calendar.common import festival_names, holiday_mark, holiday_name, py_date, qdate, tr
from ui.colors import HOLIDAY_RED, WORKDAY_BLUE, readable
from ui.operations import Op
from ui.read_only import set_editing
from ui.table_model import Column, ColumnTableModel
from ui.workspace import Changed, workspace_of

FIRST_YEAR = 2000
LAST_YEAR = 2100


def kind_labels() -> dict[str, str]:
    return {"off": tr("休（放假）"), "work": tr("班（调休上班）"),
            "normal": tr("普通日（不放假也不调休）")}


def _kind(info: H.DayInfo) -> str:
    return "off" if info.holiday else "work" if info.adjusted_workday else "normal"


def _shown_kind(day: H.YearDay) -> str:
    return day.own.kind if day.own is not None else _kind(day.info)


def _name_text(name: str) -> str:
    """A stored name (a festival code or the owner's words) in the language of the moment."""
    return festival_names().get(name, name)


def describe(info: H.DayInfo) -> str:
    """'休 · 春节（待公布）', '班', or '普通日'."""
    if not info.holiday and not info.adjusted_workday:
        return tr("普通日")
    name = holiday_name(info)
    return f"{holiday_mark(info)} · {name}" if name else holiday_mark(info)


def source_text(day: H.YearDay) -> str:
    if day.own is not None:
        return tr("我填的")
    return {"official": tr("官方安排"), "computed": tr("推算（待公布）")}.get(day.info.source, "")


def _source_tip(day: H.YearDay) -> str:
    if day.own is None:
        return ""
    where = tr("官方安排") if day.date.year in H.known_years() else tr("推算")
    return tr("你填写的设置优先。%1：%2").replace("%1", where).replace("%2",
                                                                   describe(day.schedule))


class HolidayDaysModel(ColumnTableModel[H.YearDay]):
    COLUMNS = ("date", "kind", "name", "source")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_column_specs([
            Column("date", tr("日期"), display=lambda d: dates.weekday_date(d.date)),
            Column("kind", tr("休/班"), display=lambda d: kind_labels()[_shown_kind(d)],
                   foreground=self._kind_colour),
            Column("name", tr("名称"), display=self._name),
            Column("source", tr("来源"), display=source_text, tooltip=_source_tip),
        ])

    @property
    def days(self) -> list[H.YearDay]:
        return self._rows

    def row_of(self, day: dt.date) -> int:
        return next((n for n, d in enumerate(self._rows) if d.date == day), -1)

    def _name(self, day: H.YearDay) -> str:
        if day.own is not None and day.own.kind == "normal":
            return _name_text(day.own.name)
        return holiday_name(day.info, provisional=False)  # the source column says 待公布

    def _kind_colour(self, day: H.YearDay) -> QBrush | None:
        kind = _shown_kind(day)
        if kind == "normal":
            return None
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        return QBrush(readable(HOLIDAY_RED if kind == "off" else WORKDAY_BLUE, base))


class HolidaysDialog(QDialog):
    """Opened with open() from the calendar page; every change is one undoable step."""

    def __init__(self, parent: QWidget, year: int, day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace_of(parent)
        self.setWindowTitle(self.tr("节假日"))
        self.resize(700, 600)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build()
        year = max(FIRST_YEAR, min(LAST_YEAR, year))
        self._show(day if day is not None and day.year == year else
                   _same_day_in(dt.date.today(), year))
        self.workspace.data_changed.connect(self._on_data_changed)
        self.workspace.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only()

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setAccessibleName(self.tr("年份"))
        self.year.valueChanged.connect(self._year_changed)
        back, forward = QPushButton("‹"), QPushButton("›")
        for button, step, tip in ((back, -1, self.tr("上一年")), (forward, 1, self.tr("下一年"))):
            button.setFixedWidth(32)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _c=False, s=step: self.year.setValue(
                self.year.value() + s))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        years = QHBoxLayout()
        for w in (back, self.year, forward):
            years.addWidget(w)
        years.addStretch(1)

        self.model = HolidayDaysModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.selectionModel().selectionChanged.connect(self._sync_remove)
        self.table.installEventFilter(self)  # Delete takes the selected entries back

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("日期"))
        self.date.dateChanged.connect(self._date_changed)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("休/班"))
        for key, label in kind_labels().items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name = QComboBox()
        line = QLineEdit()
        line.setMaxLength(H.NAME_LIMIT)
        line.setPlaceholderText(self.tr("例如：春节、公司年会调休"))
        self.name.setLineEdit(line)  # editable: a festival from the list, or own words
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setAccessibleName(self.tr("名称"))
        self.name.addItem("", "")
        for code in H.FESTIVALS:
            self.name.addItem(festival_names()[code], code)
        self.save_button = QPushButton(self.tr("保存这一天(&S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_day)
        self.remove_button = QPushButton(self.tr("删除我的设置(&R)"))
        self.remove_button.setToolTip(self.tr("删除后，这一天按官方安排或推算显示"))
        self.remove_button.clicked.connect(self.remove)
        self.state = QLabel()
        self.state.setWordWrap(True)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("日期")))
        form.addWidget(self.date)
        form.addWidget(self.kind)
        form.addWidget(QLabel(self.tr("名称")))
        form.addWidget(self.name, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.remove_button)
        day_box = QGroupBox(self.tr("填写或更正一天"))
        box_layout = QVBoxLayout(day_box)
        box_layout.addLayout(form)
        box_layout.addLayout(actions)

        self.import_button = QPushButton(self.tr("导入节假日日历（.ics）(&I)…"))
        self.import_button.setToolTip(self.tr("例如订阅的“中国节假日”日历导出的文件；"
                                              "其中的放假和调休上班日会作为你填的设置"))
        self.import_button.clicked.connect(self.import_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(years)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(day_box)
        layout.addLayout(bottom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (watched is self.table and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self.remove()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _apply_read_only(self) -> None:
        set_editing(self.workspace, (self.kind, self.name, self.save_button,
                                     self.remove_button, self.import_button))
        self._sync_remove()
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        """An ordinary day has no name."""
        if not self.workspace.read_only:
            self.name.setEnabled(self.kind.currentData() != "normal")

    # ------------------------------------------------------------------- load
    def reload(self, select: dt.date | None = None) -> None:
        """Read the year's days again; the form shows `select` (default: its day)."""
        year = self.year.value()
        day = select or self.chosen_day()
        self.model.set_rows(H.year_days(year))
        self._update_hint(year)
        self.date.blockSignals(True)
        self.date.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.date.setDate(qdate(day if day.year == year else _same_day_in(day, year)))
        self.date.blockSignals(False)
        self._date_changed(self.date.date())

    def _show(self, day: dt.date) -> None:
        """Go to `day`'s year and show it in the form."""
        self.year.blockSignals(True)
        self.year.setValue(day.year)
        self.year.blockSignals(False)
        self.reload(day)

    def _update_hint(self, year: int) -> None:
        if year in H.known_years():
            text = self.tr("%1 年的放假和调休安排来自国务院办公厅的通知。")
        else:
            text = self.tr("%1 年的官方放假安排还没有收录：下面的节日是按农历和节气推算的，"
                           "标为“待公布”，也还没有调休上班日。通知公布后，请在下面填写放假和"
                           "调休上班的日子，或导入节假日日历（.ics）。")
        own = sum(1 for d in self.model.days if d.own is not None)
        if own:
            text += "\n" + self.tr("你填写的 %Ln 天优先于官方安排和推算。", "", own)
        self.hint.setText(text.replace("%1", str(year)))

    def chosen_day(self) -> dt.date:
        return py_date(self.date.date())

    @Slot()
    def _year_changed(self) -> None:
        self.reload(_same_day_in(self.chosen_day(), self.year.value()))

    @Slot(object)
    def _on_data_changed(self, _changed: Changed) -> None:
        if self.workspace.origin is not self:  # an undo elsewhere; own writes reload below
            self.reload()

    @Slot()
    def _row_chosen(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.days):
            day = self.model.days[row].date
            if day != self.chosen_day():
                self.date.setDate(qdate(day))  # fills the form (_date_changed)

    @Slot(QDate)
    def _date_changed(self, date: QDate) -> None:
        """Show the chosen day in the form: its current word, ready to be corrected."""
        day = py_date(date)
        row = self.model.row_of(day)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        elif row < 0:
            self.table.clearSelection()
        found = self.model.days[row] if row >= 0 else None
        if found is not None and found.own is not None:
            kind, name = found.own.kind, found.own.name
        elif found is not None:
            kind, name = _kind(found.info), found.info.festival or found.info.note
        else:  # an ordinary day: the likely correction is the other word
            kind, name = ("work" if day.weekday() >= 5 else "off"), ""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.name.setEditText(_name_text(name))
        now = describe(found.info) if found is not None else tr("普通日")
        if found is not None and found.own is not None:
            now += " — " + _source_tip(found)
        elif found is not None:
            now += " — " + source_text(found)
        self.state.setText(self.tr("%1 现在：%2").replace("%1", dates.weekday_date(day))
                           .replace("%2", now))
        self._sync_remove()

    @Slot()
    def _sync_remove(self) -> None:
        if not self.workspace.read_only:
            self.remove_button.setEnabled(bool(self._removable()))

    def _removable(self) -> list[dt.date]:
        """The owner's entries among the selected rows, else on the form's day."""
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        chosen = [self.model.days[r].date for r in sorted(rows)
                  if self.model.days[r].own is not None]
        if chosen:
            return chosen
        row = self.model.row_of(self.chosen_day())
        return [self.chosen_day()] if row >= 0 and self.model.days[row].own else []

    # ----------------------------------------------------------------- writes
    def entered_name(self) -> str:
        """The name field as stored: a festival's code when it names one, else the text."""
        text = self.name.currentText().strip()
        codes = {label: code for code, label in festival_names().items()}
        return codes.get(text, text)

    @Slot()
    def save_day(self) -> None:
        kind = self.kind.currentData()
        entry = H.OwnerDay(self.chosen_day(), kind, "" if kind == "normal" else self.entered_name())
        self._change(lambda: H.set_days([entry]), entry.date,
                     self.tr("已保存 %1：%2").replace("%1", dates.day_month(entry.date))
                     .replace("%2", kind_labels()[entry.kind]))

    @Slot()
    def remove(self) -> None:
        chosen = self._removable()
        if chosen:
            self._change(lambda: H.clear_days(chosen), chosen[0],
                         self.tr("已删除 %Ln 天的设置", "", len(chosen)))

    @Slot()
    def import_file(self) -> None:
        title = self.tr("导入节假日日历")
        path = dialogs.open_file(self, title, self.tr("iCalendar 文件 (*.ics)"))
        if path is None:
            return
        try:
            days, skipped = read_days(path)  # nothing written yet
        except FileProblem as exc:
            dialogs.warn(self, title, str(exc))
            return
        result = Imported(sum(d.kind == "off" for d in days),
                          sum(d.kind == "work" for d in days), skipped)
        text = summary(result)
        if skipped:
            text += self.tr("（另有 %Ln 个不是全天的事件，没有导入）", "", skipped)
        in_year = [d.date for d in days if d.date.year == self.year.value()]
        first = in_year[0] if in_year else days[0].date  # show what came in
        self._change(lambda: H.set_days(days), first, text,
                     lambda: dialogs.inform(self, title, text))

    def _change(self, change: Callable[[], object], select: dt.date, message: str,
                then: Callable[[], None] | None = None) -> None:
        def done(_result: object) -> None:
            self._show(select)
            self.workspace.status_message.emit(message)
            if then is not None:
                then()

        Op(self, self.workspace, change, Changed.CALENDAR).success(done).run()


def _same_day_in(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)
