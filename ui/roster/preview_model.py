"""Table models for the import wizard: the preview (one row per spreadsheet row, with
its status) and the problem list (sheet, row, column, message)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.roster.plan import Problem, RowPlan

Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {"new": "#16a34a", "update": "#2563eb", "duplicate": "#a16207",
                  "error": "#dc2626"}


class PreviewModel(QAbstractTableModel):
    """Rows of an ImportPlan; the status filter shows only one kind of row."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._all: list[RowPlan] = []
        self._rows: list[RowPlan] = []
        self._filter: str | None = None
        self._headers = [self.tr("行号"), self.tr("状态"), self.tr("姓名"), self.tr("微信号"),
                         self.tr("手机号"), self.tr("说明")]

    def status_text(self, status: str) -> str:
        return {"new": self.tr("新建"), "update": self.tr("更新"),
                "duplicate": self.tr("重复，跳过"), "error": self.tr("有错误")}.get(status, status)

    def set_rows(self, rows: list[RowPlan]) -> None:
        self.beginResetModel()
        self._all = rows
        self._apply()
        self.endResetModel()

    def set_filter(self, status: str | None) -> None:
        self.beginResetModel()
        self._filter = status
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        self._rows = (self._all if self._filter is None
                      else [r for r in self._all if r.status == self._filter])

    def row_plan(self, row: int) -> RowPlan:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        plan = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return plan.row
            if col == 1:
                return self.status_text(plan.status)
            if col == 2:
                return plan.display_name
            if col == 3:
                return plan.values.get("wechat_id") or ""
            if col == 4:
                return plan.values.get("phone") or ""
            if col == 5:
                notes = [plan.note] if plan.note else []
                notes += [f"{p.column}: {p.message}" for p in plan.problems]
                return "；".join(notes)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QBrush(QColor(STATUS_COLOURS.get(plan.status, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return "\n".join([plan.note] + [f"{p.column}: {p.message}" for p in plan.problems])
        return None


class ProblemModel(QAbstractTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._headers = [self.tr("工作表"), self.tr("行号"), self.tr("列"), self.tr("问题"),
                         self.tr("处理")]

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        p = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.sheet, p.row, p.column, p.message,
                    self.tr("整行未导入") if p.level == "error" else self.tr("该项留空"))[
                index.column()]
        return None
