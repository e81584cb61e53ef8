"""Reading roster files into plain rows: .xlsx/.xlsm (calamine), .xls (xlrd), CSV/TXT.

A `Book` lists its sheets; `Book.sheet(name)` returns a `Sheet` whose rows are lists of
raw cell values and whose `first_row` is the spreadsheet's own number for rows[0], so
every message can name the row the owner sees in Excel/WPS.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.messages import msg
from models.roster import files
from models.roster.files import (
    MAX_CELL_CHARS,
    MAX_COLS,
    MAX_ROWS,
    RosterFileError,
    col_letter,
    detect,
)

Cell = Any
Area = tuple[tuple[int, int], tuple[int, int]]  # merged cells: (top, left), (bottom, right)


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    first_row: int = 1  # spreadsheet row number of rows[0]
    date1904: bool = False
    empty_formulas: set[tuple[int, int]] = field(default_factory=set)  # (row number, column)
    # The spreadsheet number of each row when they are not consecutive (a sparse sheet
    # read compacted, models.roster.sparse); else rows[i] is row first_row + i.
    row_numbers: list[int] | None = None

    def number(self, index: int) -> int:
        """The row number Excel/WPS shows for rows[index]."""
        if self.row_numbers is not None:
            if index < len(self.row_numbers):
                return self.row_numbers[index]
            return self.row_numbers[-1] + index - len(self.row_numbers) + 1 \
                if self.row_numbers else index + 1
        return self.first_row + index


@dataclass
class Book:
    path: Path
    kind: str
    sheet_names: list[str]
    notice: str = ""
    notes: list[str] = field(default_factory=list)  # sheets left out (charts, hidden)
    encoding: str = ""
    delimiter: str = ""
    _loader: Any = field(default=None, repr=False)
    _sheets: dict[str, Sheet] = field(default_factory=dict, repr=False)

    def sheet(self, name: str | None = None) -> Sheet:
        if name is not None and name not in self.sheet_names:
            raise RosterFileError(msg("no_such_sheet", file=self.path.name, sheet=name,
                                      sheets="、".join(self.sheet_names)))
        name = name or self.sheet_names[0]
        if name not in self._sheets:  # parsed once, however often it is asked for
            self._sheets[name] = self._loader(name)
        return self._sheets[name]


def open_book(path: Path) -> Book:
    path = Path(path)
    found = detect(path)
    if found.kind == "ods":
        from models.roster.ods import check_ods

        check_ods(path)
    if found.kind in ("xlsx", "ods"):  # calamine reads both (.ods from its content)
        book = _open_xlsx(path, found.date1904, found.empty_formulas, found.sparse,
                          ods=found.kind == "ods")
    elif found.kind == "xls":
        book = _open_xls(path)
    else:
        book = _open_text(path)
    book.notice = found.notice
    return book


# ---------------------------------------------------------------- xlsx via calamine

_SHEET_KINDS = {"ChartSheet": "kind_chart", "DialogSheet": "kind_dialog",
                "MacroSheet": "kind_macro", "Vba": "kind_vba"}


def _open_xlsx(path: Path, date1904: bool,
               empty_formulas: dict[str, set[tuple[int, int]]] | None = None,
               sparse: dict[str, str] | None = None, ods: bool = False) -> Book:
    import python_calamine as pc

    try:
        wb = (pc.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes())) if ods
              else pc.CalamineWorkbook.from_path(str(path)))
    except pc.PasswordError as exc:
        raise RosterFileError(msg("file_encrypted", file=path.name)) from exc
    except Exception as exc:  # calamine raises its own error types for broken files
        raise RosterFileError(msg("file_corrupt", file=path.name)) from exc
    sheets = wb.sheets_metadata
    names = [m.name for m in sheets
             if str(m.typ).endswith("WorkSheet") and str(m.visible).endswith(".Visible")]
    names = names or [m.name for m in sheets if str(m.typ).endswith("WorkSheet")]
    if not names:
        raise RosterFileError(msg("file_no_sheets", file=path.name))
    notes = []
    for m in sheets:
        kind = str(m.typ).rsplit(".", 1)[-1]
        if kind != "WorkSheet":
            notes.append(msg("sheet_not_cells", sheet=m.name, kind=msg(_SHEET_KINDS.get(
                kind, "kind_chart"))))
        elif m.name not in names:
            notes.append(msg("sheet_hidden_skipped", sheet=m.name))

    def load(name: str) -> Sheet:
        numbers: list[int] | None = None
        try:
            if sparse and name in sparse:  # a stray cell far below: read it compacted
                from models.roster.sparse import compacted_workbook

                copy, numbers = compacted_workbook(path, sparse[name])
                sheet = pc.CalamineWorkbook.from_filelike(copy).get_sheet_by_name(name)
            else:
                sheet = wb.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except Exception as exc:
            raise RosterFileError(msg("file_corrupt", file=path.name)) from exc
        # Over-long cells are refused where they are read (roster_plan), saving a pass.
        _fill_merged(rows, merged)
        # Formula cells are known by the row numbers the owner sees, as every row is.
        formulas = (empty_formulas or {}).get(name, set())
        return Sheet(name, rows, 1, date1904, formulas, numbers)

    return Book(path, "ods" if ods else "xlsx", names, notes=notes, _loader=load)


# ---------------------------------------------------------------- xls via xlrd


def _open_xls(path: Path) -> Book:
    import xlrd

    try:
        # xlrd writes its warnings to stdout unless told otherwise (the CLI's stdout is
        # the report scripts read).
        wb = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True,
                                logfile=io.StringIO())
    except xlrd.biffh.XLRDError as exc:
        text = str(exc).lower()
        code = "file_encrypted" if "encrypt" in text else "file_corrupt"
        raise RosterFileError(msg(code, file=path.name)) from exc
    except Exception as exc:
        raise RosterFileError(msg("file_corrupt", file=path.name)) from exc
    names = [wb.sheet_by_index(i).name for i in range(wb.nsheets)
             if not wb.sheet_by_index(i).visibility] or wb.sheet_names()
    notes = [msg("sheet_hidden_skipped", sheet=n) for n in wb.sheet_names() if n not in names]

    def load(name: str) -> Sheet:
        sh = wb.sheet_by_name(name)
        if sh.nrows > MAX_ROWS:
            raise RosterFileError(msg("sheet_too_many_rows", file=path.name, row=sh.nrows,
                                      limit=MAX_ROWS))
        if sh.ncols > MAX_COLS:
            raise RosterFileError(msg("sheet_too_many_cols", file=path.name,
                                      col=col_letter(sh.ncols - 1), limit=MAX_COLS))
        if sh.nrows * sh.ncols > files.MAX_AREA:
            raise RosterFileError(msg("sheet_too_big", file=path.name, rows=sh.nrows,
                                      cols=sh.ncols, cells=files.MAX_AREA))
        rows: list[list[Cell]] = []
        for r in range(sh.nrows):
            row: list[Cell] = []
            for cell in sh.row(r):
                value: Cell = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        stamp = xlrd.xldate_as_datetime(value, wb.datemode)
                    except (ValueError, OverflowError):
                        pass  # kept as the serial number
                    else:
                        value = stamp.date() if stamp.time() == dt.time() else stamp
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    value = ""
                row.append(value)
            rows.append(row)
        _check_cells(rows, path.name, name, 1)
        merged = [((r0, c0), (r1 - 1, c1 - 1)) for r0, r1, c0, c1 in sh.merged_cells]
        _fill_merged(rows, merged)
        return Sheet(name, rows, 1, wb.datemode == 1)

    return Book(path, "xls", names, notes=notes, _loader=load)


# ---------------------------------------------------------------- CSV / TXT

_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\s*$", re.I)
_DELIMS = (",", "\t", ";", "|")
_GUARDED = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): BOM first, then strict UTF-8, then strict GB18030. Never guesses
    with replacement characters: undecodable bytes are refused, naming where they are."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc, name), enc
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        odd, even = sample[1::2].count(b"\x00"), sample[0::2].count(b"\x00")
        enc = "utf-16-le" if odd >= even else "utf-16-be"
        return _strict(data, enc, name), enc
    # A binary file is refused; a few NUL characters in a text table are cleaned cell by
    # cell (the import says where), as any other control character.
    if b"\x00" in data and data.count(b"\x00") > max(8, len(data) // 200):
        raise RosterFileError(msg("file_binary", file=name))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _strict(data, "gb18030", name), "gb18030"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RosterFileError(msg("file_bad_bytes", file=name, line=line)) from exc


def sniff_delimiter(lines: list[str], suffix: str) -> str:
    """The separator that splits the first lines most consistently into 2+ columns."""
    best, best_score = ("\t" if suffix in (".txt", ".tsv") else ","), 0.0
    for delim in _DELIMS:
        counts = [line.count(delim) for line in lines if line.strip()]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * (common > 0) + min(common, 50) / 1000
        if score > best_score:
            best, best_score = delim, score
    return best


def _open_text(path: Path) -> Book:
    data = path.read_bytes()
    text, encoding = decode_text(data, path.name)
    del data
    first_row = 1
    lines = text.split("\n", 21)
    if lines and (m := _SEP_LINE.match(lines[0].rstrip("\r"))):
        delimiter = m[1]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        first_row = 2
    else:
        delimiter = sniff_delimiter(lines[:20], path.suffix.lower())
    csv.field_size_limit(MAX_CELL_CHARS + 1)
    rows: list[list[Cell]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    cells, widest = 0, 0
    try:
        for row in reader:
            cells += len(row)
            widest = max(widest, len(row))
            if cells > files.MAX_AREA:
                raise RosterFileError(msg("sheet_too_big", file=path.name, rows=f"{len(rows)}+",
                                          cols=widest, cells=files.MAX_AREA))
            if len(rows) >= MAX_ROWS:
                raise RosterFileError(msg("sheet_too_many_rows", file=path.name,
                                          row=f"{MAX_ROWS}+", limit=MAX_ROWS))
            if len(row) > MAX_COLS:
                raise RosterFileError(msg("sheet_too_many_cols", file=path.name,
                                          col=len(row), limit=MAX_COLS))
            for i, cell in enumerate(row):
                # Our own CSV export guards =, +, -, @ with one apostrophe (one more before
                # apostrophes already there): take exactly that one off.
                if cell[:1] == "'" and cell.lstrip("'")[:1] in _GUARDED:
                    row[i] = cell[1:]
            rows.append(row)
    except csv.Error as exc:
        line = reader.line_num + first_row - 1
        code = "csv_cell_too_long" if "field larger" in str(exc) else "csv_broken"
        raise RosterFileError(msg(code, file=path.name, row=line, limit=MAX_CELL_CHARS)) from exc
    # A multi-line cell makes csv rows and file lines differ: keep the spreadsheet view,
    # where one record is one row (that is what Excel shows when it opens the file).
    sheet = Sheet(path.stem, rows, first_row)
    return Book(path, "csv", [path.stem], encoding=encoding, delimiter=delimiter,
                _loader=lambda name: sheet)


# ---------------------------------------------------------------- shared checks


def _check_cells(rows: list[list[Cell]], file: str, sheet: str, first_row: int) -> None:
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise RosterFileError(msg("cell_too_long", file=file, sheet=sheet,
                                          row=r + first_row, column=col_letter(c),
                                          limit=MAX_CELL_CHARS))


def _fill_merged(rows: list[list[Cell]], merged: list[Area]) -> None:
    """Give every cell of a merged area the top-left value (a city merged over five
    members belongs to each of them). Areas are clipped to the data actually present."""
    height = len(rows)
    for (r0, c0), (r1, c1) in merged:
        if r0 >= height:
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1, height - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if (r, c) != (r0, c0) and row[c] in ("", None):
                    row[c] = value
