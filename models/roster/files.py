"""What a roster file really is, and whether it is safe to open.

The extension is only a hint: owners rename web-page exports to .xls and CSVs to
.xlsx. The content decides. Anything hostile (zip bombs, XML entity bombs, sheets
claiming a million rows, encrypted files) is refused here, before a reader library
could spend unbounded time or memory on it.
"""

from __future__ import annotations

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
MAX_ROWS = 200_000  # spreadsheet rows a roster may span
MAX_COLS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit: a longer cell was not made by Excel

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
# Only cells beyond column Z need looking at for the column limit (cheap to find).
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{2,3})\d{1,7}"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d{1,7})"')
_LAST_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="[A-Z]{1,3}(\d{1,7})"')
# Fast forms for what Excel, WPS, LibreOffice and openpyxl write (a literal start lets
# the regex engine skip ahead); the general forms above are the fallback.
_FAST_ROW = re.compile(rb'<row r="(\d{1,7})"')
_FAST_WIDE = re.compile(rb' r="([A-Z]{2,3})\d')
# A formula cell with no result: <c r="H5"><f>A5&amp;B5</f><v></v></c>, <c><f t="shared"/></c>
_EMPTY_FORMULA = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>/]*>\s*<(?:\w+:)?f\b'
    rb'(?:[^>]*/>|[^>]*>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?'
    rb'\s*</(?:\w+:)?c>')
MAX_FORMULA_NOTES = 10_000
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_CHUNK = 1 << 20


class RosterFileError(Exception):
    """A file that cannot or must not be read; the message is for the user."""


@dataclass
class Detected:
    kind: str  # "xlsx" | "xls" | "csv"
    notice: str = ""  # set when the extension says something else
    date1904: bool = False
    # Formula cells the file holds no result for, by sheet name: {(row number, column)}
    empty_formulas: dict[str, set[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class XlsxFacts:
    date1904: bool = False
    empty_formulas: dict[str, set[tuple[int, int]]] = field(default_factory=dict)


_EXT_KIND = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv",
             ".tsv": "csv"}
_KIND_LABEL = {"xlsx": "Excel (.xlsx)", "xls": "Excel 97-2003 (.xls)", "csv": "CSV/文本"}


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
    if head.startswith(ZIP_MAGIC):
        facts = scan_xlsx(path)
        found = Detected("xlsx", date1904=facts.date1904, empty_formulas=facts.empty_formulas)
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
        if "xl/workbook.xml" not in names:
            if "EncryptedPackage" in names:
                raise RosterFileError(msg("file_encrypted", file=name))
            if "content.xml" in names:
                raise RosterFileError(msg("file_ods", file=name))
            raise RosterFileError(msg("file_not_table", file=name))
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if (info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES
                    or (info.file_size > _CHUNK and ratio > MAX_RATIO)):
                raise RosterFileError(msg("file_bomb", file=name))
        facts = XlsxFacts()
        formulas: dict[str, set[tuple[int, int]]] = {}
        for info in infos:
            part = info.filename
            if not part.endswith((".xml", ".rels")):
                continue
            is_sheet = part.startswith("xl/worksheets/")
            found: set[tuple[int, int]] = set()
            max_row, max_col = _scan_part(archive, info, is_sheet, name, found)
            if found:
                formulas[part] = found
            if max_row > MAX_ROWS:
                raise RosterFileError(msg("sheet_too_many_rows", file=name, row=max_row,
                                          limit=MAX_ROWS))
            if max_col >= MAX_COLS:
                raise RosterFileError(msg("sheet_too_many_cols", file=name,
                                          col=col_letter(max_col), limit=MAX_COLS))
            if part == "xl/workbook.xml":
                facts.date1904 = _workbook_1904(archive.read(info), name)
        if formulas:
            facts.empty_formulas = _by_sheet_name(archive, formulas)
    return facts


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, is_sheet: bool,
               name: str, formulas: set[tuple[int, int]]) -> tuple[int, int]:
    max_row = max_col = 0
    carry = b""
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                data = carry + chunk
                if _DTD.search(data):
                    raise RosterFileError(msg("file_entities", file=name))
                if is_sheet:
                    plain = b":row" not in data and b":c " not in data
                    rows = _FAST_ROW.findall(data) if plain else []
                    if not rows and (b"row" in data or b"<c" in data):
                        rows = _ROW_REF.findall(data) or _LAST_CELL.findall(data)
                    if rows:
                        max_row = max(max_row, *map(int, rows))
                    if b"<f" in data or b":f" in data:
                        for letters, row in _EMPTY_FORMULA.findall(data):
                            if len(formulas) < MAX_FORMULA_NOTES:
                                formulas.add((int(row), _col_index(letters)))
                    wide = _FAST_WIDE if plain else _WIDE_CELL
                    for letters in set(wide.findall(data)):
                        col = _col_index(letters)
                        if col > max_col:
                            max_col = col
                carry = data[-256:]  # a tag split across two chunks is seen next time
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError) as exc:
        # RuntimeError: an encrypted zip member; BadZipFile: CRC or size mismatch.
        raise RosterFileError(msg("file_corrupt", file=name)) from exc
    except NotImplementedError as exc:  # a compression method zipfile cannot read
        raise RosterFileError(msg("file_corrupt", file=name)) from exc
    return max_row, max_col


def _by_sheet_name(archive: zipfile.ZipFile, parts: dict[str, set[tuple[int, int]]]
                   ) -> dict[str, set[tuple[int, int]]]:
    """{sheet part: cells} -> {sheet name: cells}, through the workbook and its rels."""
    try:
        book = SafeET.fromstring(archive.read("xl/workbook.xml"))
        rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, DefusedXmlException, SafeET.ParseError, zipfile.BadZipFile):
        return {}
    targets = {}
    for rel in rels.iter():
        if rel.tag.endswith("Relationship") and rel.get("Id"):
            target = rel.get("Target", "").lstrip("/")
            targets[rel.get("Id")] = target if target.startswith("xl/") else "xl/" + target
    out: dict[str, set[tuple[int, int]]] = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") or sheet.tag == "sheet":
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            part = targets.get(rid or "")
            if part in parts:
                out[sheet.get("name", "")] = parts[part]
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
