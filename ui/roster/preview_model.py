"""Table models for the import wizard: the preview (one row per spreadsheet row, with
its status) and the problem list (sheet, row, column, message)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from models.roster.plan import Problem, RowPlan
from ui.table_model import Column, ColumnTableModel

STATUS_COLOURS = {"new": "#16a34a", "update": "#2563eb", "duplicate": "#a16207",
                  "error": "#dc2626"}


def _problem_lines(plan: RowPlan) -> list[str]:
    return [f"{p.column}: {p.message}" for p in plan.problems]


class PreviewModel(ColumnTableModel[RowPlan]):
    """Rows of an ImportPlan; the status filter shows only one kind of row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[RowPlan] = []
        self._filter: str | None = None
        self.set_column_specs([
            Column("row", self.tr("行号"), display=lambda p: p.row),
            Column("status", self.tr("状态"), display=self._status,
                   foreground=lambda p: QBrush(QColor(STATUS_COLOURS.get(p.status, "#000000")))),
            Column("name", self.tr("姓名"), display=lambda p: p.display_name),
            Column("wechat_id", self.tr("微信号"), display=lambda p: p.values.get("wechat_id") or ""),
            Column("phone", self.tr("手机号"), display=lambda p: p.values.get("phone") or ""),
            Column("notes", self.tr("说明"),
                   display=lambda p: "；".join(([p.note] if p.note else []) + _problem_lines(p)),
                   tooltip=lambda p: "\n".join([p.note] + _problem_lines(p))),
        ])

    def status_text(self, status: str) -> str:
        return {"new": self.tr("新建"), "update": self.tr("更新"),
                "duplicate": self.tr("重复，跳过"), "error": self.tr("有错误")}.get(status, status)

    def _status(self, plan: RowPlan) -> str:
        return self.status_text(plan.status)

    def set_rows(self, rows: Iterable[RowPlan]) -> None:
        self.beginResetModel()
        self._all = list(rows)
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


class ProblemModel(ColumnTableModel[Problem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_column_specs([
            Column("sheet", self.tr("工作表"), display=lambda p: p.sheet),
            Column("row", self.tr("行号"), display=lambda p: p.row),
            Column("column", self.tr("列"), display=lambda p: p.column),
            Column("message", self.tr("问题"), display=lambda p: p.message),
            Column("action", self.tr("处理"), display=self._action),
        ])

    def _action(self, problem: Problem) -> str:
        return self.tr("整行未导入") if problem.level == "error" else self.tr("该项留空")

    def set_problems(self, problems: Iterable[Problem]) -> None:
        self.set_rows(problems)

    def problems(self) -> list[Problem]:
        return list(self._rows)
