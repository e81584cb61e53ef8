"""Planning an import: every data row turned into clean card values with a status
(new / update / duplicate / error) before anything is written. The wizard's preview
and the CLI's --dry-run both show exactly this plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.members.cards import CARD_FIELDS, DATE_FIELDS, TEXT_FIELDS, clean_text, normalize
from models.messages import field_label, msg
from models.progress import CancelFn, ProgressFn, check
from models.roster.files import MAX_CELL_CHARS, RosterFileError, col_letter
from models.roster.mapping import (
    CUSTOM,
    HEADER_SCAN_ROWS,
    find_header,
    has_data,
    propose,
    score,
    target_label,
)
from models.roster.reader import Book, Sheet, open_book
from models.roster.values import (
    cell_text,
    parse_cell_date,
    parse_flag,
    parse_int,
    phone_text,
    split_tags,
)
from models.store.db import chunks, database

MODES = ("merge", "overwrite", "skip", "new")
SUMMARY_WORDS = ("合计", "总计", "小计", "共计", "总数", "汇总", "total", "sum")
_LOOSE = re.compile(r"[\s\W_]+")


@dataclass
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


@dataclass
class RowPlan:
    row: int  # as the spreadsheet numbers it
    values: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
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
        return self.values.get("name") or self.values.get("nickname") or ""

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
    notices: list[str] = field(default_factory=list)
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

    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]


def read_plan(path: Path, sheet: str | None = None, book: Book | None = None) -> ImportPlan:
    """Open the file, pick the sheet, find the header and propose a mapping.

    Without `sheet`, the first sheet whose header names two known fields is taken; empty
    sheets and sheets without a recognisable header before it are skipped with a notice.
    An empty sheet is refused, naming the sheets that do hold data."""
    book = book or open_book(Path(path))
    notices = [book.notice] if book.notice else []
    notices += book.notes
    if sheet is None:
        sheet, skipped = _best_sheet(book)
        notices += skipped
    data = book.sheet(sheet)
    if not has_data(data.rows):
        raise RosterFileError(_empty_sheet_message(book, data.name))
    start, height, headers = find_header(data.rows)
    plan = ImportPlan(Path(path), book, data, data.first_row + start + height - 1, headers,
                      propose(headers), data_start=start + height)
    plan.notices += notices
    return plan


def _best_sheet(book: Book) -> tuple[str, list[str]]:
    """(the sheet to import, notices about the sheets passed over before it)."""
    names = book.sheet_names
    if len(names) == 1:
        return names[0], []
    passed: list[str] = []
    fallback: str | None = None
    for name in names:
        rows = book.sheet(name).rows
        if not has_data(rows):
            passed.append(msg("sheet_empty_skipped", sheet=name))
            continue
        if any(score(r) >= 2 for r in rows[:HEADER_SCAN_ROWS]):
            others = [n for n in names if n != name]
            passed.append(msg("sheet_chosen", file=book.path.name, count=len(names),
                              sheet=name, others=msg("list_join").join(others)))
            return name, passed
        passed.append(msg("sheet_headerless_skipped", sheet=name))
        fallback = fallback or name
    if fallback is None:  # every sheet is empty
        raise RosterFileError(msg("file_no_data", file=book.path.name, sheets=msg(
            "file_no_data_sheets", sheets=msg("list_join").join(names))))
    # No sheet has a header: the first one with data, whose columns the owner can map.
    return fallback, [n for n in passed if "“" + fallback + "”" not in n]


def sheets_with_data(book: Book) -> list[str]:
    return [n for n in book.sheet_names if has_data(book.sheet(n).rows)]


def _empty_sheet_message(book: Book, name: str) -> str:
    if book.kind == "csv":
        return msg("file_no_data", file=book.path.name, sheets=msg("file_no_data_text"))
    others = [n for n in sheets_with_data(book) if n != name]
    if not others:
        if len(book.sheet_names) == 1:
            return msg("file_no_data", file=book.path.name, sheets=msg(
                "file_no_data_sheets", sheets=name))
        return msg("sheet_empty_none", file=book.path.name, sheet=name)
    return msg("sheet_empty_pick", file=book.path.name, sheet=name,
               sheets=msg("list_join").join(others))


def no_columns_message(plan: ImportPlan) -> str:
    """Why nothing can be imported: the sheet, the row read as its header, and the
    other sheets holding data (the roster may be there)."""
    shown = [h for h in plan.headers if h][:8]
    text = msg("no_columns_in_sheet", file=plan.path.name, sheet=plan.sheet.name,
               row=plan.header_row, headers=msg("list_join").join(shown) or "—")
    others = [n for n in sheets_with_data(plan.book) if n != plan.sheet.name] \
        if len(plan.book.sheet_names) > 1 else []
    if others:
        text += msg("no_columns_other_sheets", sheets=msg("list_join").join(others))
    return text


# ---------------------------------------------------------------- row conversion


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


def no_name_message(plan: ImportPlan) -> str:
    columns = [f"{plan.column_name(i)}→{target_label(t)}"
               for i, t in sorted(plan.mapping.items()) if t]
    return msg("no_name_column", file=plan.path.name, sheet=plan.sheet.name,
               columns=msg("list_join").join(columns[:8]))


def convert_rows(plan: ImportPlan, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None) -> None:
    """Fill plan.rows with cleaned values and per-cell problems (no database access)."""
    if "level" in plan.mapping.values() and msg("level_derived") not in plan.notices:
        plan.notices.append(msg("level_derived"))
    plan.rows, plan.skipped_rows = convert_range(plan, plan.data_start, len(plan.sheet.rows),
                                                 progress, cancelled)
    empty = msg("sheet_no_rows", sheet=plan.sheet.name)
    if not plan.rows and empty not in plan.notices:
        plan.notices.append(empty)


def convert_range(plan: ImportPlan, start: int, stop: int, progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None, keys: bool = False
                  ) -> tuple[list[RowPlan], int]:
    """Rows start..stop of the sheet converted; returns (rows, how many were skipped).
    With `keys`, each row's pinyin keys are worked out too (parallel import)."""
    sheet, mapping = plan.sheet, plan.mapping
    header_keys = list(plan.headers)
    columns = [(i, t, plan.column_name(i), _kind(t)) for i, t in sorted(mapping.items()) if t]
    column_of: dict[str, str] = {}
    for _, target, column, _ in columns:
        column_of[target] = column
    out: list[RowPlan] = []
    skipped = 0
    total = stop - start
    for offset, cells in enumerate(sheet.rows[start:stop]):
        if offset % 2000 == 0:
            check(cancelled)
            if progress:
                progress(offset, total)
        if _skip_row(cells, header_keys):
            skipped += 1
            continue
        row = _convert(plan, sheet.first_row + start + offset, cells, columns, column_of)
        if keys:
            from models.roster.pinyin import fast_keys

            row.keys = fast_keys(row.values.get("name", ""), row.values.get("nickname", ""))
        out.append(row)
    return out, skipped


TEXT, DATE, PHONE, FLAG, FEE, POINTS, TAGS, GROUPS, INVITER, CUSTOM_FIELD, SKIP = range(11)
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


def _convert(plan: ImportPlan, number: int, cells: list[Any],
             columns: list[tuple[int, str, str, int]], column_of: dict[str, str]) -> RowPlan:
    raw: dict[str, Any] = {}
    row = RowPlan(number, {})
    problems = row.problems
    sheet_name = plan.sheet.name
    width = len(cells)

    for index, target, column, kind in columns:
        if index >= width:
            continue
        value = cells[index]
        if type(value) is str:
            if not value or value.isspace():
                continue
            if len(value) > MAX_CELL_CHARS:
                raise RosterFileError(msg("cell_too_long", file=plan.path.name,
                                          sheet=sheet_name, row=number, column=column,
                                          limit=MAX_CELL_CHARS))
        elif value is None:
            continue
        if kind == TEXT:  # the text the user sees: a number cell 12345.0 is "12345"
            raw[target] = value if type(value) is str else cell_text(value)
            continue
        problem = None
        if kind == DATE:
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
        elif kind == GROUPS:
            row.groups.extend(g for g in split_tags(value, fold=False) if g not in row.groups)
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
    if not clean_text(raw.get("name", "")) and clean_text(raw.get("nickname", "")):
        raw["name"] = raw["nickname"]  # group-tool exports often have only a nickname
        where = {**column_of, "name": column_of.get("nickname", "")}
    raw.setdefault("name", "")
    clean, errors = normalize(raw)
    for fld, message in errors.items():
        column = where.get(fld) or field_label(fld)
        if fld == "name":
            problems.append(Problem(sheet_name, number, column, message))
            row.status = "error"
        else:  # keep the row, drop the bad value, say so
            problems.append(Problem(sheet_name, number, column, message, "warning"))
            clean.pop(fld, None)
    row.values = {k: v for k, v in clean.items() if v is not None and v != ""}
    return row


# ---------------------------------------------------------------- duplicates


def _loose(text: str) -> str:
    return _LOOSE.sub("", text or "").casefold()


def match_rows(plan: ImportPlan, on_duplicate: str = "merge",
               cancelled: CancelFn | None = None) -> None:
    """Set each row's status against the database and against earlier rows of the file."""
    if on_duplicate not in MODES:
        raise ValueError(on_duplicate)
    plan.on_duplicate = on_duplicate
    by_wechat: dict[str, int] = {}
    by_phone: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    by_loose: dict[str, int] = {}
    info: dict[int, tuple[str, str, str, str]] = {}
    cursor = database.execute_sql("SELECT id, name, nickname, wechat_id, phone FROM member")
    for mid, name, nick, wid, phone in cursor:
        info[mid] = (name, nick, wid or "", phone)
        if wid:
            by_wechat.setdefault(wid.lower(), mid)
        if phone:
            by_phone.setdefault(phone, mid)
        by_name.setdefault(name, []).append(mid)
        for key in (_loose(name), _loose(nick)):
            if key:
                by_loose.setdefault(key, mid)
    seen_wechat: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    for i, row in enumerate(plan.rows):
        if i % 5000 == 0:
            check(cancelled)
        row.match_id, row.match_by, row.note = None, "", ""
        if any(p.stage == "match" for p in row.problems):  # from an earlier policy
            row.problems = [p for p in row.problems if p.stage != "match"]
        if any(p.level == "error" for p in row.problems):
            row.status = "error"
            continue
        v = row.values
        wid = (v.get("wechat_id") or "").lower()
        phone = v.get("phone") or ""
        earlier = (wid and seen_wechat.get(wid)) or (phone and seen_phone.get(phone))
        if earlier:
            row.status, row.note = "duplicate", msg("dup_in_file", row=earlier)
            continue
        if wid:
            seen_wechat[wid] = row.row
        if phone:
            seen_phone[phone] = row.row
        match, by = None, ""
        if wid and wid in by_wechat:
            match, by = by_wechat[wid], "wechat_id"
        elif phone and phone in by_phone:
            match, by = by_phone[phone], "phone"
        else:
            for mid in by_name.get(v.get("name", ""), []):
                _, _, m_wid, m_phone = info[mid]
                if (wid and m_wid and m_wid.lower() != wid) or (phone and m_phone
                                                                 and m_phone != phone):
                    continue  # same name, different person: only flagged below
                match, by = mid, "name"
                break
        row.match_id, row.match_by = match, by
        if match is None:
            row.status = "new"
            likely = by_loose.get(_loose(v.get("name", ""))) or by_loose.get(
                _loose(v.get("nickname", "")))
            if likely:
                row.note = msg("likely_duplicate", name=info[likely][0])
        elif on_duplicate == "skip":
            row.status, row.note = "duplicate", msg("dup_existing", name=info[match][0],
                                                    by=field_label(by))
        elif on_duplicate == "new":
            if by == "wechat_id":
                row.status = "error"
                row.problems.append(Problem(plan.sheet.name, row.row, field_label("wechat_id"),
                                            msg("dup_wechat", value=v["wechat_id"],
                                                other=info[match][0]), stage="match"))
            else:
                row.status, row.match_id = "new", None
                row.note = msg("likely_duplicate", name=info[match][0])
        else:
            row.status = "update"
            row.note = msg("dup_existing", name=info[match][0], by=field_label(by))


def build_plan(path: Path, sheet: str | None = None, mapping: dict[int, str | None] | None = None,
               on_duplicate: str = "merge", progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None) -> ImportPlan:
    plan = read_plan(path, sheet)
    if mapping is not None:
        plan.mapping = dict(mapping)
    convert_rows(plan, progress, cancelled)
    match_rows(plan, on_duplicate, cancelled)
    return plan


def existing_rows(ids: list[int]) -> dict[int, dict[str, Any]]:
    from models.members.cards import Member

    out: dict[int, dict[str, Any]] = {}
    for batch in chunks(ids):
        for member in Member.select().where(Member.id.in_(batch)):
            out[member.id] = {f: getattr(member, f) for f in CARD_FIELDS if f != "inviter"}
            out[member.id]["points"] = member.points
    return out

