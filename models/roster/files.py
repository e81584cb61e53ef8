"""What a roster file really is, and whether it is safe to open.

The extension is only a hint: owners rename web-page exports to .xls and CSVs to
.xlsx. The content decides. Anything hostile (zip bombs, XML entity bombs, sheets
claiming a million rows, encrypted files) is refused here, before a reader library
could spend unbounded time or memory on it.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from models.messages import msg
from models.roster import texts  # noqa: F401 - registers the roster's messages

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = 400 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 600 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_ROWS = 200_000  # rows with content a roster sheet may hold
# Cells a sheet read whole may span (rows x columns, from A1): what calamine and the rows
# hold in memory. A sheet spanning more but holding fewer rows (a stray cell far below)
# is read compacted (models.roster.sparse).
MAX_AREA = 2_000_000  # ~470 MB at the peak of an import (measured: 133,000 x 15, 2026-12)
SPARSE_GAP = 10_000  # empty rows between content and a stray row that make a sheet sparse
MAX_COLS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit: a longer cell was not made by Excel

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
# Only cells beyond column Z need looking at for the column limit (cheap to find); an
# empty, self-closing one (<c r="AMJ1" s="0"/>: LibreOffice styles whole rows) holds nothing.
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{2,3})\d{1,7}"[^>]*?(/?)>')
# Every row element, with its number if it says (r= is optional) and whether it is empty.
_ROW_TAG = re.compile(rb'<(?:\w{1,10}:)?row\b(?:[^>]*?\br="(\d{1,7})")?[^>]*?(/?)>')
_FAST_ROW_TAG = re.compile(rb'<row\b(?:[^>]*?\br="(\d{1,7})")?[^>]*?(/?)>')
# The fast form for what Excel, WPS, LibreOffice and openpyxl write (a literal start lets
# the regex engine skip ahead); the general form above is the fallback.
_FAST_WIDE = re.compile(rb' r="([A-Z]{2,3})\d{1,7}"[^>]*?(/?)>')
# Within A..Z: is there a cell right of column c? One search in C per step, no objects.
# Compiled when first asked for (a sheet of 15 columns asks for 15 of the 25).
@functools.cache
def _right_of(col: int) -> re.Pattern[bytes]:
    return re.compile(rb' r="[%c-Z]\d' % (66 + col))


# Is there a cell right of column c, or beyond Z? One pass that usually finds nothing:
# the two column searches then need not run (~8 ms a 10,000-row sheet).
@functools.cache
def _further(col: int) -> re.Pattern[bytes]:
    beyond = rb"[%c-Z]\d|" % (66 + col) if col < 25 else b""
    return re.compile(rb' r="(?:%s[A-Z]{2})' % beyond)


# A formula cell with no result: <c r="H5"><f>A5&amp;B5</f><v></v></c>, <c><f t="shared"/></c>
_EMPTY_FORMULA = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>/]*>\s*<(?:\w+:)?f\b'
    rb'(?:[^>]*/>|[^>]*>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?'
    rb'\s*</(?:\w+:)?c>')
MAX_FORMULA_NOTES = 10_000
_FORMULA_TAG = re.compile(rb"<f[\s>/]")  # <f>, <f t="shared" .../>: quicker than b"<f" in
DTD = _DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_CHUNK = 1 << 20


class RosterFileError(Exception):
    """A file that cannot or must not be read; the message is for the user."""


@dataclass
class Detected:
    kind: str  # "xlsx" | "xls" | "csv" | "ods"
    notice: str = ""  # set when the extension says something else
    date1904: bool = False
    # Formula cells the file holds no result for, by sheet name: {(row number, column)}
    empty_formulas: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    sparse: dict[str, str] = field(default_factory=dict)  # sheet name -> its part


@dataclass
class XlsxFacts:
    date1904: bool = False
    empty_formulas: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    sparse: dict[str, str] = field(default_factory=dict)  # sheet name -> its part


@dataclass
class SheetScan:
    rows: int = 0  # row elements holding cells (what the cap counts)
    last_row: int = 0  # the number of the last such row
    max_col: int = 0  # the furthest column with a cell that is not empty
    number: int = 0  # the last row element's number, while scanning

    @property
    def sparse(self) -> bool:
        return self.last_row > self.rows + SPARSE_GAP and self.last_row > 2 * self.rows


_EXT_KIND = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv",
             ".tsv": "csv", ".ods": "ods"}
_KIND_LABEL = {"xlsx": "Excel (.xlsx)", "xls": "Excel 97-2003 (.xls)", "csv": "CSV/文本",
               "ods": "OpenDocument (.ods)"}


def col_letter(index: int) -> str:
    """0 -> A, 27 -> AB."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def detect(path: Path) -> Detected:
    """Look at the first bytes (and for zips, the directory) to name the real format."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise RosterFileError(msg("file_unreadable", file=path.name, detail=exc.strerror)) from exc
    if size == 0:
        raise RosterFileError(msg("file_empty", file=path.name))
    if size > MAX_FILE_BYTES:
        raise RosterFileError(msg("file_too_big", file=path.name, limit=MAX_FILE_BYTES >> 20))
    if head.startswith(ZIP_MAGIC) and _zip_kind(path) == "ods":
        found = Detected("ods")  # checked by models.roster.ods before it is read
    elif head.startswith(ZIP_MAGIC):
        facts = scan_xlsx(path)
        found = Detected("xlsx", date1904=facts.date1904, empty_formulas=facts.empty_formulas,
                         sparse=facts.sparse)
    elif head.startswith(OLE_MAGIC):
        if _ole_encrypted(path):
            raise RosterFileError(msg("file_encrypted", file=path.name))
        found = Detected("xls")
    else:
        found = Detected(_text_kind(path, head))
    expected = _EXT_KIND.get(path.suffix.lower())
    if expected and expected != found.kind:
        found.notice = msg("format_mismatch", file=path.name, ext=path.suffix,
                           real=_KIND_LABEL[found.kind])
    return found


def _zip_kind(path: Path) -> str:
    """'ods' for an OpenDocument spreadsheet, else 'xlsx' (scan_xlsx says what is wrong)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if workbook_part(archive) is not None:
                return "xlsx"
            ods = is_ods(archive)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return "xlsx"
    if ods is False:
        raise RosterFileError(msg("file_not_table", file=path.name))
    return "ods" if ods else "xlsx"


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def is_ods(archive: zipfile.ZipFile) -> bool | None:
    """True for an .ods, False for another OpenDocument file, None if neither."""
    names = set(archive.namelist())
    if "mimetype" in names:
        kind = archive.read("mimetype").strip()
        if kind.startswith(b"application/vnd.oasis.opendocument"):
            return kind == ODS_MIMETYPE
    return True if "content.xml" in names else None


def _text_kind(path: Path, head: bytes) -> str:
    probe = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta",
                         b"<head", b"<body", b"<style")) or b"<html" in head.lower():
        raise RosterFileError(msg("file_html", file=path.name))
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf")):
        raise RosterFileError(msg("file_not_table", file=path.name))
    return "csv"


def _ole_encrypted(path: Path) -> bool:
    """An OLE file holding an 'EncryptionInfo' stream is a password-protected .xlsx."""
    with path.open("rb") as fh:
        tail = b""
        while chunk := fh.read(_CHUNK):
            if _ENCRYPTED_MARK in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED_MARK):]
    return False


def check_xlsx(path: Path) -> bool:
    """Refuse bombs and broken archives before calamine sees them; returns the 1904 flag."""
    return scan_xlsx(path).date1904


def scan_xlsx(path: Path) -> XlsxFacts:
    """Refuse bombs and broken archives before calamine sees them; returns the 1904 flag
    and the formula cells saved without a result (openpyxl and some tools write those:
    calamine reads them as empty, and the import says so).

    The declared sizes are checked first (cheap); then the sheet and string parts are
    streamed through zlib with a cap, which also proves the declared sizes true (a lie
    fails the CRC check), and scanned for DTDs and for the furthest row and column.
    """
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise RosterFileError(msg("file_corrupt", file=name)) from exc
    with archive:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        workbook = workbook_part(archive)
        if workbook is None:
            if "EncryptedPackage" in names:
                raise RosterFileError(msg("file_encrypted", file=name))
            raise RosterFileError(msg("file_not_table", file=name))
        check_sizes(archive, name)
        facts = XlsxFacts()
        formulas: dict[str, set[tuple[int, int]]] = {}
        sparse: dict[str, set[tuple[int, int]]] = {}
        for info in infos:
            part = info.filename
            if not part.endswith((".xml", ".rels")):
                continue
            is_sheet = _is_sheet(part)
            found: set[tuple[int, int]] = set()
            scan = _scan_part(archive, info, is_sheet, name, found)
            if found:
                formulas[part] = found
            _check_size(scan, name)
            if scan.sparse:
                sparse[part] = set()
            if part == workbook:
                facts.date1904 = _workbook_1904(archive.read(info), name)
        if formulas:
            facts.empty_formulas = _by_sheet_name(archive, formulas)
        if sparse:
            parts = {p: n for n, p in _sheet_parts(archive).items()}
            facts.sparse = {parts[p]: p for p in sparse if p in parts}
    return facts


def check_sizes(archive: zipfile.ZipFile, name: str) -> None:
    """The declared sizes (cheap, before anything is inflated; a lie fails the CRC)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if (info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES
                or (info.file_size > _CHUNK and ratio > MAX_RATIO)):
            raise RosterFileError(msg("file_bomb", file=name))


def _check_size(scan: SheetScan, name: str) -> None:
    """The row cap counts rows that hold cells, however they are numbered (r= is
    optional); the column cap, cells that hold something; the area read whole, what a
    sheet spans unless it is read compacted."""
    if scan.rows > MAX_ROWS:
        raise RosterFileError(msg("sheet_rows_real", file=name, rows=scan.rows,
                                  limit=MAX_ROWS))
    if scan.max_col >= MAX_COLS:
        raise RosterFileError(msg("sheet_too_many_cols", file=name,
                                  col=col_letter(scan.max_col), limit=MAX_COLS))
    height = scan.rows if scan.sparse else scan.last_row
    if height * (scan.max_col + 1) > MAX_AREA:
        raise RosterFileError(msg("sheet_too_big", file=name, rows=height,
                                  cols=scan.max_col + 1, cells=MAX_AREA))


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, is_sheet: bool,
               name: str, formulas: set[tuple[int, int]]) -> SheetScan:
    scan = SheetScan()
    number = 0  # the current row's number (a row without r= follows the one before)
    pending = b""
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                # Whole tags only, each seen once: a tag cut by the chunk's end waits for
                # the next chunk (text between tags holds no "<").
                body = pending + chunk
                cut = body.rfind(b"<")
                if cut >= 0 and len(body) - cut < 65536 and body.find(b">", cut) < 0:
                    body, pending = body[:cut], body[cut:]
                else:
                    pending = b""
                if b"!" in body and _DTD.search(body):  # memchr first: "!" is rare
                    raise RosterFileError(msg("file_entities", file=name))
                if is_sheet:
                    _scan_sheet_chunk(body, scan, formulas, number)
                    number = scan.number
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError) as exc:
        # RuntimeError: an encrypted zip member; BadZipFile: CRC or size mismatch.
        raise RosterFileError(msg("file_corrupt", file=name)) from exc
    except NotImplementedError as exc:  # a compression method zipfile cannot read
        raise RosterFileError(msg("file_corrupt", file=name)) from exc
    return scan


def _scan_sheet_chunk(body: bytes, scan: SheetScan, formulas: set[tuple[int, int]],
                      number: int) -> None:
    """Rows (counted, numbered), the furthest filled column and result-less formulas in
    a run of whole tags of a sheet part."""
    # Tags with a namespace prefix (<x:c>) need the slower patterns; ":" is rare in cell
    # data, so one memchr usually settles it.
    plain = b":" not in body or (b":c " not in body and b":row" not in body)
    found = (_FAST_ROW_TAG if plain else _ROW_TAG).findall(body)
    if found and not any(void for _, void in found) and all(ref for ref, _ in found):
        scan.rows += len(found)  # the usual case: every row numbered, none empty
        scan.number = scan.last_row = int(found[-1][0])
    else:
        for ref, void in found:
            number = int(ref) if ref else number + 1
            if not void:  # not <row .../>: it holds cells
                scan.rows += 1
                scan.last_row = number
        scan.number = number
    if _FORMULA_TAG.search(body) or (not plain and b":f" in body):
        for letters, row in _EMPTY_FORMULA.findall(body):
            if len(formulas) < MAX_FORMULA_NOTES:
                formulas.add((int(row), _col_index(letters)))
    if plain and not _further(min(scan.max_col, 25)).search(body):
        return  # no cell right of the furthest one so far (a prefixed tag is not plain)
    while scan.max_col < 25 and (right := _right_of(scan.max_col).search(body)):
        scan.max_col = right[0][4] - 65
    for letters, empty in set((_FAST_WIDE if plain else _WIDE_CELL).findall(body)):
        if not empty and (col := _col_index(letters)) > scan.max_col:
            scan.max_col = col


def _by_sheet_name(archive: zipfile.ZipFile, parts: dict[str, set[tuple[int, int]]]
                   ) -> dict[str, set[tuple[int, int]]]:
    """{sheet part: cells} -> {sheet name: cells}."""
    return {name: parts[part] for name, part in _sheet_parts(archive).items() if part in parts}


def sheet_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return _sheet_parts(archive)


_SHEET_PART = re.compile(r"(?:.*/)?(?:worksheets/.*|sheet\d*)\.xml")


def _is_sheet(part: str) -> bool:
    return bool(_SHEET_PART.fullmatch(part.replace("\\", "/")))


def workbook_part(archive: zipfile.ZipFile) -> str | None:
    """The workbook's part as the archive names it: xl/workbook.xml as Excel writes it, at
    the root in a "minimal package", with backslashes from some Windows tools."""
    names = {i.filename.replace("\\", "/"): i.filename for i in archive.infolist()}
    if "xl/workbook.xml" in names:
        return names["xl/workbook.xml"]
    return next((real for norm, real in sorted(names.items())
                 if norm.rsplit("/", 1)[-1] == "workbook.xml"), None)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """{sheet name: its part as the archive names it}, through the workbook and its rels."""
    workbook = workbook_part(archive)
    if workbook is None:
        return {}
    real = {i.filename.replace("\\", "/"): i.filename for i in archive.infolist()}
    folder = workbook.replace("\\", "/").rpartition("/")[0]
    base = f"{folder}/" if folder else ""
    try:
        book = SafeET.fromstring(archive.read(workbook))
        rels = SafeET.fromstring(archive.read(real[f"{base}_rels/workbook.xml.rels"]))
    except (KeyError, DefusedXmlException, SafeET.ParseError, zipfile.BadZipFile):
        return {}
    targets = {}
    for rel in rels.iter():
        if rel.tag.endswith("Relationship") and rel.get("Id"):
            target = rel.get("Target", "").replace("\\", "/")
            norm = target.lstrip("/") if target.startswith("/") else base + target
            targets[rel.get("Id")] = real.get(norm, norm)
    out: dict[str, str] = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") or sheet.tag == "sheet":
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if (part := targets.get(rid or "")) is not None:
                out[sheet.get("name", "")] = part
    return out


def _workbook_1904(data: bytes, name: str) -> bool:
    try:
        root = SafeET.fromstring(data)
    except (DefusedXmlException, SafeET.ParseError) as exc:
        raise RosterFileError(msg("file_corrupt", file=name)) from exc
    for el in root.iter():
        if el.tag.endswith("workbookPr"):
            return el.get("date1904", "0").lower() in ("1", "true")
    return False
