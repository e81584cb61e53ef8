"""Turning a sheet's data rows into clean card values with per-cell problems (no
database access): the middle step of an import plan."""

from __future__ import annotations

from typing import Any

from models.members.cards import (
    DATE_FIELDS,
    FOLDED_FIELDS,
    TEXT_FIELDS,
    TEXT_LIMITS,
    clean_text,
    normalize,
)
from models.members.phones import is_scientific
from models.members.text import CONTROL, all_clean
from models.messages import field_label, msg
from models.progress import CancelFn, ProgressFn, check
from models.roster.files import MAX_CELL_CHARS, RosterFileError, col_letter
from models.roster.lunar_cells import is_lunar_cell, lunar_cell
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
    """Fill plan.rows with cleaned values and per-cell problems (no database access)."""
    plan.column_notices = [msg("level_derived")] if "level" in plan.mapping.values() else []
    unused = unused_columns(plan)
    meta = {plan.column_name(i) for i in survey_columns(plan.headers)}
    if by_survey := [c for c in unused if c in meta]:
        plan.column_notices.append(msg("survey_columns", columns=msg("list_join").join(by_survey)))
    if others := [c for c in unused if c not in meta]:
        plan.column_notices.append(msg("columns_unused", columns=msg("list_join").join(others)))
    plan.rows, plan.skipped_rows = convert_range(plan, plan.data_start, len(plan.sheet.rows),
                                                 progress, cancelled, consume=consume)
    if not plan.rows:
        plan.column_notices.append(msg("sheet_no_rows", sheet=plan.sheet.name))


def convert_range(plan: ImportPlan, start: int, stop: int, progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None, keys: bool = False,
                  consume: bool = False) -> tuple[list[RowPlan], int]:
    """Rows start..stop of the sheet converted; returns (rows, how many were skipped).
    With `keys`, each row's pinyin keys are worked out too (parallel import). With
    `consume`, each raw row is let go once converted (the memory is reused for the
    plan's rows: a one-shot import's peak is the larger of the two, not their sum)."""
    raw = plan.sheet.rows
    sheet, mapping = plan.sheet, plan.mapping
    header_keys = list(plan.headers)
    columns = [(i, t, plan.column_name(i), _kind(t)) for i, t in sorted(mapping.items()) if t]
    columns = _clean_columns(raw, start, stop, columns)
    verified = frozenset(t for _, t, _, kind in columns if kind == CLEAN)
    column_of: dict[str, str] = {}
    for _, target, column, _ in columns:
        column_of[target] = column
    out: list[RowPlan] = []
    skipped = 0
    total = stop - start
    for offset in range(total):  # by index, not a slice: a slice would hold every row
        cells = raw[start + offset]
        if offset % 2000 == 0:
            check(cancelled)
            if progress:
                progress(offset, total)
        if _skip_row(cells, header_keys):
            skipped += 1
            if consume:
                raw[start + offset] = _GONE
            continue
        row = _convert(plan, sheet.number(start + offset), cells, columns, column_of, verified)
        if consume:
            raw[start + offset] = _GONE
        out.append(row)
    if keys:
        from models.members.pinyin_bulk import fast_keys, prepare_keys

        names = [(r.values.get("name", ""), r.values.get("nickname", "")) for r in out]
        prepare_keys(names)
        for row, (name, nickname) in zip(out, names, strict=True):
            row.keys = fast_keys(name, nickname)
    return out, skipped


TEXT, DATE, PHONE, FLAG, FEE, POINTS, TAGS, GROUPS, INVITER, CUSTOM_FIELD, SKIP = range(11)
CLEAN = SKIP + 1  # a text column whose every cell is text that needs no cleaning
_KINDS = {"phone": PHONE, "is_friend": FLAG, "entry_fee": FEE, "points": POINTS, "tags": TAGS,
          "groups": GROUPS, "inviter": INVITER}


def _kind(target: str) -> int:
    if target in DATE_FIELDS:
        return DATE
    if target in _KINDS:
        return _KINDS[target]
    if target.startswith(CUSTOM):
        return CUSTOM_FIELD
    return TEXT if target in TEXT_FIELDS else SKIP  # "level" is derived from points


def _clean_columns(raw: list[list[Any]], start: int, stop: int,
                   columns: list[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """The text columns whose cells (rows start..stop) are all text, none too long, that
    cleaning would leave as they are (the usual sheet: one check of the whole column,
    models.members.text.all_clean, instead of one per cell) become CLEAN: _convert takes
    their cells as they are. A column with a number, a date, a cell to clean or a target
    that another column shares keeps the per-cell path."""
    targets = [t for _, t, _, _ in columns]
    body = raw[start:stop]
    out = []
    for index, target, column, kind in columns:
        if kind == TEXT and targets.count(target) == 1:
            texts = [row[index] for row in body if len(row) > index and row[index] is not None]
            fold = target in FOLDED_FIELDS
            if (set(map(type, texts)) <= {str}
                    and max(map(len, texts), default=0) <= MAX_CELL_CHARS
                    and all(all_clean(texts[i:i + _CHECKED_AT_ONCE], fold)  # memory: a
                            for i in range(0, len(texts), _CHECKED_AT_ONCE))):  # part at a time
                kind = CLEAN
        out.append((index, target, column, kind))
    return out


_CHECKED_AT_ONCE = 2000  # cells joined for one all_clean() check (long notes: a few MB)


def _convert(plan: ImportPlan, number: int, cells: list[Any],
             columns: list[tuple[int, str, str, int]], column_of: dict[str, str],
             verified: frozenset[str] = frozenset()) -> RowPlan:
    raw: dict[str, Any] = {}
    row = RowPlan(number, {})
    problems = row.problems
    sheet_name = plan.sheet.name
    width = len(cells)

    formulas = plan.sheet.empty_formulas
    for index, target, column, kind in columns:
        if index >= width:
            continue
        value = cells[index]
        if kind == CLEAN and value:  # checked with its whole column (_clean_columns)
            raw[target] = value
            continue
        if type(value) is str:
            if not value or value.isspace():
                if formulas and (number, index) in formulas:
                    problems.append(Problem(sheet_name, number, column, msg(
                        "formula_no_value", cell=f"{col_letter(index)}{number}"), "warning"))
                continue
            if len(value) > MAX_CELL_CHARS:
                raise RosterFileError(msg("cell_too_long", file=plan.path.name,
                                          sheet=sheet_name, row=number, column=column,
                                          limit=MAX_CELL_CHARS))
            # Control characters (rare; isprintable() is the quick test): cleaned below,
            # the row kept, and the owner told.
            if not value.isprintable() and CONTROL.search(value):
                problems.append(Problem(sheet_name, number, column, msg("text_cleaned"),
                                        "warning"))
        elif value is None:
            if formulas and (number, index) in formulas:
                problems.append(Problem(sheet_name, number, column, msg(
                    "formula_no_value", cell=f"{col_letter(index)}{number}"), "warning"))
            continue
        if kind == TEXT:  # the text the user sees: a number cell 12345.0 is "12345"
            raw[target] = value if type(value) is str else cell_text(value)
            continue
        problem = None
        if kind == DATE:
            if target == "birthday" and is_lunar_cell(value, column):
                # 农历生日: normalize() reads it (or says what is wrong)
                raw[target] = lunar_cell(value, plan.sheet.date1904, column)
                continue
            day, problem = parse_cell_date(value, plan.sheet.date1904)
            if day is not None:
                raw[target] = day
        elif kind == PHONE:
            raw["phone"] = phone_text(value)
        elif kind == FLAG:
            flag, problem = parse_flag(value)
            if flag is not None:
                raw["is_friend"] = flag
        elif kind == FEE:
            raw["entry_fee"] = value
        elif kind == POINTS:
            row.points, problem = parse_int(value)
        elif kind == TAGS:
            row.tags.extend(t for t in split_tags(value) if t not in row.tags)
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
        if problem:
            problems.append(Problem(sheet_name, number, column, msg(
                problem, field=target, value=cell_text(value)), "warning"))
    where = column_of
    if not clean_text(raw.get("name", "")):  # group-tool exports often have only a nickname
        alias = next((k for k in NAME_ALIASES if clean_text(raw.get(k, ""))), None)
        if alias:
            raw["name"] = raw[alias]
            where = {**column_of, "name": column_of.get(alias, "")}
            verified = verified - {"name"}  # the name is another column's text
    raw.setdefault("name", "")
    clean, errors = normalize(raw, verified)
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
    return row
