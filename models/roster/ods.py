"""OpenDocument spreadsheets (.ods, LibreOffice's own format): checked before calamine
reads them, as .xlsx files are.

An .ods sheet says "this row, 1,048,553 times" and "this cell, 1,024 times": LibreOffice
ends every sheet so (with empty cells, which cost nothing), but a file that repeats a
filled row a million times would make a dense sheet of a billion cells. The rows and
cells that hold something are counted with their repeats, and so is the area they span.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from models.messages import msg
from models.roster import files

_TAG = re.compile(rb"<table:(table-row|table-cell|covered-table-cell|table)\b([^>]*?)(/?)>"
                  rb"|</table:(table-row|table)>")
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d{1,9})"')
_COLS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d{1,9})"')
_FILLED = re.compile(rb"\s*<text:p\b")


def check_ods(path: Path) -> None:
    """Refuse bombs, entity tricks and sheets too big to hold, before calamine reads."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            files.check_sizes(archive, name)
            if b"encryption-data" in _manifest(archive):
                raise files.RosterFileError(msg("file_encrypted", file=name))
            for info in archive.infolist():
                if info.filename.endswith(".xml"):
                    _scan(archive, info, name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError,
            NotImplementedError) as exc:
        raise files.RosterFileError(msg("file_corrupt", file=name)) from exc


def _manifest(archive: zipfile.ZipFile) -> bytes:
    try:
        info = archive.getinfo("META-INF/manifest.xml")
    except KeyError:
        return b""
    return archive.read(info) if info.file_size < (4 << 20) else b""


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    content = info.filename == "content.xml"
    sheet = _SheetCount()
    pending = b""
    with archive.open(info) as fh:
        while chunk := fh.read(1 << 20):
            # Whole tags only (as models.roster.files does it): a cut tag waits a chunk.
            data = pending + chunk
            cut = data.rfind(b"<")
            if cut >= 0 and len(data) - cut < 65536 and data.find(b">", cut) < 0:
                data, pending = data[:cut], data[cut:]
            else:
                pending = b""
            if files.DTD.search(data):
                raise files.RosterFileError(msg("file_entities", file=name))
            if content:
                for m in _TAG.finditer(data):
                    sheet.tag(m, data)
                    sheet.check(name)


class _SheetCount:
    """Rows and cells of the sheet being scanned, repeats included."""

    def __init__(self) -> None:
        self.rows = self.area_rows = self.width = 0  # filled rows; rows to the last; widest
        self.at_row = 0  # rows of this sheet so far
        self.repeat = self.col = self.row_width = 0

    def tag(self, m: re.Match[bytes], data: bytes) -> None:
        kind, attrs = m[1], m[2]
        if kind == b"table":  # a new sheet
            self.rows = self.at_row = 0
        elif kind == b"table-row":
            found = _ROWS_REPEATED.search(attrs)
            self.repeat, self.col, self.row_width = int(found[1]) if found else 1, 0, 0
            if m[3]:  # <table:table-row/>: an empty row
                self.at_row += self.repeat
        elif kind in (b"table-cell", b"covered-table-cell"):
            found = _COLS_REPEATED.search(attrs)
            self.col += int(found[1]) if found else 1
            filled = b"office:value-type=" in attrs
            if not filled and not m[3]:  # its text follows: look a little ahead
                filled = bool(_FILLED.match(data, m.end(), m.end() + 64))
            if filled:
                self.row_width = self.col
        elif m[4] == b"table-row":
            self.at_row += self.repeat
            if self.row_width:
                self.rows += self.repeat
                self.area_rows = max(self.area_rows, self.at_row)
                self.width = max(self.width, self.row_width)

    def check(self, name: str) -> None:
        if self.rows > files.MAX_ROWS:
            raise files.RosterFileError(msg("sheet_rows_real", file=name, rows=self.rows,
                                            limit=files.MAX_ROWS))
        if self.width > files.MAX_COLS:
            raise files.RosterFileError(msg("sheet_too_many_cols", file=name,
                                            col=files.col_letter(self.width - 1),
                                            limit=files.MAX_COLS))
        if self.area_rows * self.width > files.MAX_AREA:
            raise files.RosterFileError(msg("sheet_too_big", file=name, rows=self.area_rows,
                                            cols=self.width, cells=files.MAX_AREA))
