"""Planning an import: every data row turned into clean card values with a status
(new / update / duplicate / error) before anything is written. The wizard's preview
and the CLI's --dry-run both show exactly this plan.

read_plan() opens the file and picks the sheet and header; models.roster.convert turns
the rows into values; models.roster.matching finds the members they are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from models.messages import msg
from models.progress import CancelFn, ProgressFn
from models.roster.convert import SUMMARY_WORDS, convert_rows, unused_columns
from models.roster.files import RosterFileError
from models.roster.mapping import (
    HEADER_SCAN_ROWS,
    find_header,
    has_data,
    propose,
    score,
    target_label,
)
from models.roster.matching import MODES, existing_rows, match_rows
from models.roster.reader import Book, open_book
from models.roster.rowplan import NAME_ALIASES, NAME_FIELDS, ImportPlan, Problem, RowPlan

__all__ = ["MODES", "NAME_ALIASES", "NAME_FIELDS", "SUMMARY_WORDS", "ImportPlan", "Problem",
           "RowPlan", "build_plan", "convert_rows", "existing_rows",
           "match_rows", "no_columns_message", "no_name_message", "read_plan",
           "sheets_with_data", "unused_columns"]


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
    if mangled(data.rows):
        raise RosterFileError(msg("file_mangled", file=book.path.name))
    start, height, headers = find_header(data.rows)
    plan = ImportPlan(Path(path), book, data, data.number(start + height - 1), headers,
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


_LOST = re.compile(r"[?？\ufffd]")


def mangled(rows: list[list[Any]], sample: int = 200) -> bool:
    """Text that a wrong encoding turned into question marks (or U+FFFD) when the file was
    saved: "姓名" became "??". Refused, since it cannot be read back: most cells of the
    first rows, or most header-like cells, are such marks."""
    texts = [c for row in rows[:sample] for c in row if isinstance(c, str) and c.strip()]
    if len(texts) < 3:
        return False

    def lost(text: str) -> bool:
        marks = len(_LOST.findall(text))
        return marks > 0 and marks * 2 >= len(text.replace(" ", ""))

    bad = sum(1 for t in texts if lost(t))
    if bad >= 3 and bad * 10 >= len(texts) * 3:
        return True
    # The header alone tells: "??,???,??" over rows of digits and IDs.
    head = next((r for r in rows[:30] if sum(1 for c in r if isinstance(c, str) and c.strip())
                 >= 2), [])
    cells = [c for c in head if isinstance(c, str) and c.strip()]
    return sum(1 for c in cells if lost(c)) * 2 > len(cells) >= 2


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


def no_name_message(plan: ImportPlan) -> str:
    columns = [f"{plan.column_name(i)}→{target_label(t)}"
               for i, t in sorted(plan.mapping.items()) if t]
    return msg("no_name_column", file=plan.path.name, sheet=plan.sheet.name,
               columns=msg("list_join").join(columns[:8]))


def build_plan(path: Path, sheet: str | None = None, mapping: dict[int, str | None] | None = None,
               on_duplicate: str = "merge", progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None) -> ImportPlan:
    plan = read_plan(path, sheet)
    if mapping is not None:
        plan.mapping = dict(mapping)
    convert_rows(plan, progress, cancelled)
    match_rows(plan, on_duplicate, cancelled)
    return plan
