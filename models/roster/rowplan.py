"""What an import plan holds: the problems found, each data row's clean values and
status, and the plan itself (file, sheet, header, mapping, rows, notices)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.messages import msg
from models.roster.files import col_letter
from models.roster.reader import Book, Sheet

NAME_ALIASES = ("nickname", "wechat_name")  # a row without a name is called by these
NAME_FIELDS = frozenset({"name", *NAME_ALIASES})  # a sheet needs one of them


@dataclass(slots=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str
    level: str = "error"  # "error" rejects the row; "warning" drops only that value
    # "row": found reading the row (kept); "match": found matching it against the members,
    # dropped when the rows are matched again (the owner chose another duplicate policy).
    stage: str = "row"

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message, "level": self.level}


@dataclass(slots=True)  # 100,000s of them: no __dict__ each
class RowPlan:
    row: int  # as the spreadsheet numbers it
    values: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # group -> role, when not "member"
    custom: dict[str, str] = field(default_factory=dict)
    points: int | None = None
    inviter: str = ""
    status: str = "new"  # new | update | duplicate | error
    match_id: int | None = None
    match_by: str = ""  # wechat_id | phone | name
    note: str = ""  # likely duplicate, in-file duplicate, ...
    problems: list[Problem] = field(default_factory=list)
    keys: tuple[str, str, str] | None = None  # pinyin, initials, sort name (if worked out)

    @property
    def display_name(self) -> str:
        return (self.values.get("name") or self.values.get("nickname")
                or self.values.get("wechat_name") or "")

    @property
    def target_id(self) -> int:
        """The member an "update" row writes to (match_rows sets one for every such row)."""
        if self.match_id is None:
            raise ValueError(f"row {self.row} matches no member")
        return self.match_id


@dataclass
class ImportPlan:
    path: Path
    book: Book
    sheet: Sheet
    header_row: int  # spreadsheet number of the (last) header row
    headers: list[str]
    mapping: dict[int, str | None]
    rows: list[RowPlan] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # about the file and its sheets
    column_notices: list[str] = field(default_factory=list)  # about the mapping, per convert
    skipped_rows: int = 0  # blank, summary and repeated header rows
    data_start: int = 0  # index in sheet.rows of the first row after the header
    on_duplicate: str = "merge"

    def column_name(self, index: int) -> str:
        if index < len(self.headers) and self.headers[index]:
            return self.headers[index]
        return msg("column_letter", letter=col_letter(index))

    def counts(self) -> dict[str, int]:
        out = {"new": 0, "update": 0, "duplicate": 0, "error": 0}
        for row in self.rows:
            out[row.status] += 1
        return out

    def all_notices(self) -> list[str]:
        return [*self.notices, *self.column_notices]

    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]
