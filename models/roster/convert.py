"""Turning a sheet's data rows into clean card values with per-cell problems (no
database access): the middle step of an import plan."""

from __future__ import annotations

import datetime as dt
import operator
from typing import Any

from models.members.checks import (
    DATE_FIELDS,
    FOLDED_FIELDS,
    TEXT_FIELDS,
    TEXT_LIMITS,
    normalize_columns,
)
from models.members.phones import is_scientific
from models.members.text import CONTROL, all_clean, clean_text
from models.messages import field_label, msg
from models.progress import CancelFn, ProgressFn, check
from models.roster.files import MAX_CELL_CHARS, RosterFileError, col_letter
from models.roster.lunar_cells import LUNAR_HEADER, is_lunar_cell, lunar_cell
from models.roster.mapping import CUSTOM, survey_columns
from models.roster.refs import parse_group
from models.roster.rowplan import NAME_ALIASES, ImportPlan, Problem, RowPlan
from models.roster.values import (
    cell_text,
    parse_cell_date,
    parse_flag,
    parse_int,
    phone_text,
    split_tags,
)

PHONE_TEXT_MAX = 200  # what the phone field holds (models.members.cards DEFAULT_MAX)
SUMMARY_WORDS = ("合计", "总计", "小计", "共计", "总数", "汇总", "total", "sum")


def _skip_row(cells: list[Any], header: list[str]) -> bool:
    """Blank rows, summary rows (合计/总计...) and the header repeated (paged exports)."""
    first = cells[0] if cells else None
    head = header[0] if header else None
    if (isinstance(first, str) and first.strip() and first != head
            and not first.replace(" ", "").lower().startswith(SUMMARY_WORDS)):
        return False  # the common case, decided by the first cell alone
    filled = [c for c in cells if c is not None and c != ""]
    if not filled:
        return True
    if all(isinstance(c, str) and not c.strip() for c in filled):
        return True
    for c in filled[:2]:
        if isinstance(c, str) and c.replace(" ", "").lower().startswith(SUMMARY_WORDS):
            return True
    first = cells[0] if cells else None
    if isinstance(first, str) and header and first.strip() == header[0] and header[0]:
        return [cell_text(c).strip() for c in cells[:len(header)]] == header[:len(cells)]
    return False


def unused_columns(plan: ImportPlan) -> list[str]:
    """The columns the mapping leaves out that hold something: named, so that nothing
    in the sheet disappears without a word (a column without a header counts if any of
    its cells is filled)."""
    out: list[str] = []
    body = plan.sheet.rows[plan.data_start:]
    width = max(len(plan.headers), max((len(r) for r in body[:200]), default=0))
    for index in range(width):
        if plan.mapping.get(index):
            continue
        if index < len(plan.headers) and plan.headers[index]:
            out.append(plan.headers[index])
        elif any(index < len(r) and cell_text(r[index]).strip() for r in body):
            out.append(plan.column_name(index))
    return out


_GONE: list[Any] = []  # what a consumed raw row is replaced with


def convert_rows(plan: ImportPlan, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None, consume: bool = False) -> None:
    """Fill plan.rows with cleaned values and per-cell problems (no database access).
    With `consume`, the raw rows are let go as they are read (a one-shot import)."""
    plan.column_notices = [msg("level_derived")] if "level" in plan.mapping.values() else []
    unused = unused_columns(plan)
    meta = {plan.column_name(i) for i in survey_columns(plan.headers)}
    if by_survey := [c for c in unused if c in meta]:
        plan.column_notices.append(msg("survey_columns", columns=msg("list_join").join(by_survey)))
    if others := [c for c in unused if c not in meta]:
        plan.column_notices.append(msg("columns_unused", columns=msg("list_join").join(others)))
    plan.rows, plan.skipped_rows = _convert(plan, progress, cancelled, consume)
    if not plan.rows:
        plan.column_notices.append(msg("sheet_no_rows", sheet=plan.sheet.name))


TEXT, DATE, PHONE, FLAG, FEE, POINTS, TAGS, GROUPS, INVITER, CUSTOM_FIELD, SKIP = range(11)
CLEAN = SKIP + 1  # a text column whose every cell is text that needs no cleaning
_KINDS = {"phone": PHONE, "is_friend": FLAG, "entry_fee": FEE, "points": POINTS, "tags": TAGS,
          "groups": GROUPS, "inviter": INVITER}
_CHECKED_AT_ONCE = 2000  # cells joined for one all_clean() check (long notes: a few MB)


def _kind(target: str) -> int:
    if target in DATE_FIELDS:
        return DATE
    if target in _KINDS:
        return _KINDS[target]
    if target.startswith(CUSTOM):
        return CUSTOM_FIELD
    return TEXT if target in TEXT_FIELDS else SKIP  # "level" is derived from points


class _Rows:
    """The data rows being converted, a column at a time: each column's cells become
    values in `columns` (field -> {row: value}, as models.members.checks takes them)
    and problems on the rows (appended column by column, so each row lists them in
    column order, as the owner reads the sheet)."""

    def __init__(self, plan: ImportPlan, cells: list[list[Any]], rows: list[RowPlan]) -> None:
        self.plan, self.cells, self.rows = plan, cells, rows
        self.columns: dict[str, dict[int, Any]] = {}
        self.sheet_name = plan.sheet.name
        self.too_long: tuple[int, str] | None = None  # (row, column) of the first
        self.width = min(map(len, cells), default=0)  # every row has these columns

    def warn(self, i: int, column: str, message: str) -> None:
        self.rows[i].problems.append(Problem(self.sheet_name, self.rows[i].row, column, message,
                                             "warning"))

    def column(self, index: int) -> list[Any]:
        """Column `index`'s cells, None past the end of a shorter row; an empty cell the
        sheet saved as a formula without a result is named (calamine reads it as empty)."""
        if index < self.width:
            cells = list(map(operator.itemgetter(index), self.cells))  # in C
        else:
            cells = [row[index] if index < len(row) else None for row in self.cells]
        if formulas := self.plan.sheet.empty_formulas:
            for i, row in enumerate(self.cells):
                if index < len(row) and _empty(row[index]) and (self.rows[i].row, index) in formulas:
                    self.warn(i, self.plan.column_name(index), msg(
                        "formula_no_value", cell=f"{col_letter(index)}{self.rows[i].row}"))
        return cells

    def check_texts(self, cells: list[tuple[int, Any]], column: str) -> None:
        """Over-long text refuses the file (the first such cell in reading order is named,
        by refuse_too_long); control characters (rare; isprintable() is the quick test)
        are cleaned later, the row kept, and the owner told."""
        for i, value in cells:
            if type(value) is str:
                if len(value) > MAX_CELL_CHARS:
                    if self.too_long is None or i < self.too_long[0]:
                        self.too_long = (i, column)
                    break  # the column's first; a later row cannot come first
                if not value.isprintable() and CONTROL.search(value):
                    self.warn(i, column, msg("text_cleaned"))

    def refuse_too_long(self) -> None:
        if self.too_long is not None:
            i, column = self.too_long
            raise RosterFileError(msg("cell_too_long", file=self.plan.path.name,
                                      sheet=self.sheet_name, row=self.rows[i].row,
                                      column=column, limit=MAX_CELL_CHARS))

    def convert(self, cells: list[tuple[int, Any]], target: str, column: str, kind: int) -> None:
        """The cells that hold something, of a column that is not CLEAN."""
        if kind in (TEXT, PHONE):  # the text the user sees: a number cell 12345.0 is "12345"
            as_text = cell_text if kind == TEXT else phone_text
            self.columns.setdefault(target, {}).update(
                (i, value if type(value) is str else as_text(value)) for i, value in cells)
            return
        if kind == DATE and not (target == "birthday" and LUNAR_HEADER.search(column)):
            days = self.columns.setdefault(target, {})
            slow = []
            for i, value in cells:  # calamine's dates, the usual cell, read here
                if type(value) is dt.datetime:
                    days[i] = value.date()
                elif type(value) is dt.date:
                    days[i] = value
                else:
                    slow.append((i, value))
            cells = slow
        elif kind == TAGS:
            rows = self.rows
            for i, value in cells:
                row = rows[i]
                if row.tags:  # a second tags column
                    row.tags.extend(t for t in split_tags(value) if t not in row.tags)
                else:
                    row.tags = split_tags(value)
            return
        for i, value in cells:
            if problem := self._cell(i, value, target, column, kind):
                self.warn(i, column, msg(problem, field=target, value=cell_text(value)))

    def _cell(self, i: int, value: Any, target: str, column: str, kind: int) -> str | None:
        """One cell of a kind that needs reading (dates, flags, groups, ...); what is wrong."""
        row = self.rows[i]
        problem = None
        if kind == DATE:
            if target == "birthday" and is_lunar_cell(value, column):
                # 农历生日: models.members.checks reads it (or says what is wrong)
                self.columns.setdefault(target, {})[i] = lunar_cell(
                    value, self.plan.sheet.date1904, column)
                return None
            day, problem = parse_cell_date(value, self.plan.sheet.date1904)
            if day is not None:
                self.columns.setdefault(target, {})[i] = day
        elif kind == FLAG:
            flag, problem = parse_flag(value)
            if flag is not None:
                self.columns.setdefault("is_friend", {})[i] = flag
        elif kind == FEE:
            self.columns.setdefault("entry_fee", {})[i] = value
        elif kind == POINTS:
            row.points, problem = parse_int(value)
        elif kind == GROUPS:  # "AI 实战派 1 群（管理员）": the group and the member's role
            for written in split_tags(value, fold=False):
                group, role = parse_group(written)
                if group not in row.groups:
                    row.groups.append(group)
                if role != "member":
                    row.roles[group] = role
        elif kind == INVITER:
            row.inviter = clean_text(cell_text(value), fold=True)
        elif kind == CUSTOM_FIELD:
            text = clean_text(cell_text(value))
            if text:
                row.custom[target[len(CUSTOM):]] = text
        return problem


def _empty(value: Any) -> bool:
    return value is None or (type(value) is str and (not value or value.isspace()))


def _convert(plan: ImportPlan, progress: ProgressFn | None, cancelled: CancelFn | None,
             consume: bool) -> tuple[list[RowPlan], int]:
    """The data rows converted a column at a time; returns (rows, how many were skipped)."""
    raw, sheet = plan.sheet.rows, plan.sheet
    header = list(plan.headers)
    cells: list[list[Any]] = []
    rows: list[RowPlan] = []
    for index in range(plan.data_start, len(raw)):  # by index: a slice would copy them all
        if not _skip_row(raw[index], header):
            cells.append(raw[index])
            rows.append(RowPlan(sheet.number(index), {}))
        if consume:
            raw[index] = _GONE
    work = _Rows(plan, cells, rows)
    columns = [(i, t, plan.column_name(i), _kind(t)) for i, t in sorted(plan.mapping.items()) if t]
    targets = [t for _, t, _, _ in columns]
    verified: set[str] = set()
    column_of: dict[str, str] = {}
    for done, (index, target, column, kind) in enumerate(columns):
        check(cancelled)
        if progress:
            progress(done, len(columns) + 1)
        column_of[target] = column
        found = work.column(index)
        if kind == TEXT and targets.count(target) == 1 and _all_clean(found, target):
            # Checked with the whole column: its cells are taken as they are.
            work.columns[target] = dict(enumerate(found)) if all(found) else \
                {i: value for i, value in enumerate(found) if value}
            verified.add(target)
            continue
        present = [(i, value) for i, value in enumerate(found) if not _empty(value)]
        work.check_texts(present, column)
        work.convert(present, target, column, kind)
    work.refuse_too_long()
    del cells[:]  # read: the raw cells are not needed any more (memory)
    aliased = _name_aliases(work.columns, len(rows), "name" in verified)
    if aliased:
        verified.discard("name")  # some names are another column's text
    clean, errors = normalize_columns(work.columns, frozenset(verified))
    work.columns.clear()
    _fill_values(rows, clean)
    for i, wrong in errors.items():
        where = {**column_of, "name": column_of.get(aliased[i], "")} if i in aliased \
            else column_of
        one = {field: found[i] for field, found in clean.items() if i in found}
        _errors(plan, rows[i], one, wrong, where)
    if progress:
        progress(len(columns) + 1, len(columns) + 1)
    return rows, len(raw) - plan.data_start - len(rows)


def _all_clean(cells: list[Any], target: str) -> bool:
    """A text column whose cells are all text (or empty), none too long, that cleaning
    would leave as they are (the usual sheet): one check of the whole column (models.
    members.text.all_clean), a part at a time for memory, instead of one per cell."""
    if not set(map(type, cells)) <= {str, type(None)}:
        return False
    texts = list(filter(None, cells))
    fold = target in FOLDED_FIELDS
    return (max(map(len, texts), default=0) <= MAX_CELL_CHARS
            and all(all_clean(texts[i:i + _CHECKED_AT_ONCE], fold)
                    for i in range(0, len(texts), _CHECKED_AT_ONCE)))


def _fill_values(rows: list[RowPlan], clean: dict[str, dict[int, Any]]) -> None:
    """Each row's values: what the clean columns hold for it, empty values left out. The
    columns every row has (most) are zipped into each row's dict at once, in C."""
    count = len(rows)
    order = list(range(count))
    full = {field: found for field, found in clean.items()  # all(): no None, no ""
            if len(found) == count and all(found.values()) and list(found) == order}
    if full:
        fields = list(full)
        for row, values in zip(rows, zip(*(f.values() for f in full.values()), strict=True),
                               strict=True):
            row.values = dict(zip(fields, values, strict=True))
    for field, found in clean.items():
        if field in full:
            continue
        for i, value in found.items():
            if value is not None and value != "":
                rows[i].values[field] = value


def _name_aliases(columns: dict[str, dict[int, Any]], count: int, verified: bool
                  ) -> dict[int, str]:
    """Rows without a name (group-tool exports often have only a nickname) are called by
    their nickname or WeChat name; returns {row: the field lent}. Every row gets a name,
    if only an empty one."""
    names = columns.setdefault("name", {})
    lenders = [(field, columns[field]) for field in NAME_ALIASES if field in columns]
    aliased: dict[int, str] = {}
    for i in range(count):
        name = names.get(i)
        if name and (verified or clean_text(name)):
            continue
        for field, lent in lenders:
            if clean_text(lent.get(i, "")):
                names[i] = lent[i]
                aliased[i] = field
                break
        else:
            if name is None:
                names[i] = ""
    return aliased


def _errors(plan: ImportPlan, row: RowPlan, clean: dict[str, Any], errors: dict[str, str],
            where: dict[str, str]) -> None:
    """What the checks found wrong in one row: said, and the values set right."""
    problems, sheet_name, number = row.problems, plan.sheet.name, row.row
    overflow: list[str] = []
    for fld, message in errors.items():
        column = where.get(fld) or field_label(fld)
        if fld != "name" and fld in TEXT_LIMITS and len(clean.get(fld) or "") > TEXT_LIMITS[fld]:
            # Too long for its field: kept whole, in the notes, rather than dropped.
            overflow.append(f"【{field_label(fld)}】{clean.pop(fld)}")
            problems.append(Problem(sheet_name, number, column, msg(
                "text_moved_to_notes", field=fld, limit=TEXT_LIMITS[fld]), "warning"))
        elif fld == "name":
            problems.append(Problem(sheet_name, number, column, message))
            row.status = "error"
        elif fld == "phone" and "phone" in clean and len(clean["phone"]) <= PHONE_TEXT_MAX:
            # No mobile, landline or international number: kept as the sheet has it (never
            # reshaped into a number it was not), with a word on what it is.
            written = clean["phone"]
            code = "phone_scientific" if is_scientific(written) else "phone_as_text"
            problems.append(Problem(sheet_name, number, column, msg(code, value=written),
                                    "warning"))
        else:  # keep the row, drop the bad value, say so
            problems.append(Problem(sheet_name, number, column, message, "warning"))
            clean.pop(fld, None)
    if overflow:
        clean["notes"] = "\n\n".join([*filter(None, [clean.get("notes")]), *overflow])
    row.values = {k: v for k, v in clean.items() if v is not None and v != ""}
