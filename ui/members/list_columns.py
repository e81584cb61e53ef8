"""Which columns the member list shows, their widths and the 列 menu (kept per computer)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Slot
from PySide6.QtWidgets import QMenu, QTableView

from ui.members.columns import ALL_COLUMNS, DEFAULT_COLUMNS, WIDTHS, header
from ui.members.table_model import MemberTableModel
from ui.members.tag_delegate import TagChipDelegate


class ListColumns(QObject):
    def __init__(self, table: QTableView, model: MemberTableModel, chips: TagChipDelegate,
                 menu: QMenu) -> None:
        super().__init__(table)
        self.table, self.model, self.chips, self.menu = table, model, chips, menu
        menu.aboutToShow.connect(self._fill_menu)
        model.modelReset.connect(self.apply_delegates)

    def restore(self) -> None:
        store = QSettings()
        stored = store.value("members/columns", list(DEFAULT_COLUMNS), list)
        columns = [c for c in stored if c in ALL_COLUMNS] if isinstance(stored, list) else []
        self.model.set_columns(columns or list(DEFAULT_COLUMNS))
        state = store.value("members/header", QByteArray())
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
        else:
            self.default_widths()
        self.apply_delegates()

    def save(self) -> None:
        store = QSettings()
        store.setValue("members/columns", self.model.columns())
        store.setValue("members/header", self.table.horizontalHeader().saveState())

    def default_widths(self) -> None:
        for col, key in enumerate(self.model.columns()):
            self.table.setColumnWidth(col, WIDTHS.get(key, 100))

    @Slot()
    def apply_delegates(self) -> None:
        for col in range(self.model.columnCount()):
            # None takes a column's delegate away (Qt allows it; the stub says it must be one)
            self.table.setItemDelegateForColumn(col, None)  # type: ignore[arg-type]
        if "tags" in self.model.columns():
            self.table.setItemDelegateForColumn(self.model.columns().index("tags"), self.chips)

    def _fill_menu(self) -> None:
        self.menu.clear()
        shown = self.model.columns()
        for key in ALL_COLUMNS:
            action = self.menu.addAction(header(key))
            action.setCheckable(True)
            action.setChecked(key in shown)
            action.setEnabled(key != "name")  # the name always stays
            action.toggled.connect(lambda on, k=key: self.toggle(k, on))
        self.menu.addSeparator()
        self.menu.addAction(self.tr("恢复默认列"), self.reset)

    def toggle(self, key: str, on: bool) -> None:
        columns = self.model.columns()
        if on and key not in columns:
            columns = [c for c in ALL_COLUMNS if c in columns or c == key]
        elif not on and key in columns:
            columns.remove(key)
        self.model.set_columns(columns)
        self.default_widths()

    def reset(self) -> None:
        self.model.set_columns(list(DEFAULT_COLUMNS))
        self.default_widths()
