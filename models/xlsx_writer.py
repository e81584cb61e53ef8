"""A small, fast .xlsx writer for rosters: styled header, frozen first row, autofilter,
column widths, date and money formats, and text cells that can never be formulas.

Why not openpyxl here: without lxml it needs ~7 s of CPU for a 10,000-member roster
(~3 s with lxml, which would also change how the rest of the app reads files); the
export target is < 2 s. A roster sheet needs only a handful of SpreadsheetML parts,
written here directly and streamed into the zip row by row (bounded memory).

Text is always an inline string (t="inlineStr"): Excel and WPS never evaluate it, so
"=HYPERLINK(...)" stays text. Risky text also gets Excel's quote prefix, so even
editing the cell later keeps it text.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from models.roster_files import col_letter

_EPOCH = dt.date(1899, 12, 30)
# Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/F).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RISKY = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
# Style ids (cellXfs order below)
HEADER, DATE, MONEY, QUOTED, WRAP = 1, 2, 3, 4, 5

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="等线"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FF2F6FEB"/><bgColor indexed="64"/>
</patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"
 applyNumberFormat="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"
 quotePrefix="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"
 applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def _text_cell(ref: str, text: str) -> str:
    text = clean(text)
    style = ""
    if text.startswith(_RISKY):
        style = f' s="{QUOTED}"'
    elif "\n" in text:
        style = f' s="{WRAP}"'
    return (f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">'
            f"{escape(text)}</t></is></c>")


def cell_xml(ref: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return _text_cell(ref, value)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{DATE}"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, Decimal):
        return f'<c r="{ref}" s="{MONEY}"><v>{format(value, "f")}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return _text_cell(ref, str(value))


class Sheet:
    def __init__(self, name: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                 widths: Sequence[float] | None = None, freeze: bool = True,
                 autofilter: bool = True) -> None:
        self.name, self.headers, self.rows = name, list(headers), rows
        self.widths, self.freeze, self.autofilter = widths, freeze, autofilter
        self.last_row = 1


def _sheet_xml(sheet: Sheet, emit: Callable[[str], None],
               on_row: Callable[[int], None] | None) -> None:
    emit(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         f'<worksheet xmlns="{NS}" xmlns:r="{NS_R}">')
    if sheet.freeze:
        emit('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
             'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
             'activeCell="A2" sqref="A2"/></sheetView></sheetViews>')
    emit('<sheetFormatPr defaultRowHeight="16"/>')
    if sheet.widths:
        emit("<cols>" + "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(sheet.widths, 1)) + "</cols>")
    emit("<sheetData>")
    letters = [col_letter(i) for i in range(max(len(sheet.headers), 1))]
    if sheet.headers:
        emit('<row r="1">' + "".join(
            f'<c r="{letters[i]}1" t="inlineStr" s="{HEADER}"><is><t>{escape(clean(h))}</t>'
            f"</is></c>" for i, h in enumerate(sheet.headers)) + "</row>")
    number = 1
    for number, row in enumerate(sheet.rows, 2):
        while len(letters) < len(row):
            letters.append(col_letter(len(letters)))
        emit(f'<row r="{number}">' + "".join(
            cell_xml(f"{letters[i]}{number}", v) for i, v in enumerate(row)) + "</row>")
        if on_row is not None:
            on_row(number - 1)
    sheet.last_row = number
    emit("</sheetData>")
    if sheet.autofilter and sheet.headers:
        emit(f'<autoFilter ref="A1:{letters[len(sheet.headers) - 1]}{number}"/>')
    emit("</worksheet>")


class _Buffered:
    """Collects XML text and writes it to the zip member in ~256 KB pieces."""

    def __init__(self, raw: Any) -> None:
        self.raw, self.parts, self.size = raw, [], 0

    def emit(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > 1 << 18:
            self.flush()

    def flush(self) -> None:
        self.raw.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()
        self.size = 0


def write_xlsx(path: Path, sheets: Sequence[Sheet],
               on_row: Callable[[int], None] | None = None) -> None:
    """Write the sheets to `path` (the caller renames a temporary file into place)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for index, sheet in enumerate(sheets, 1):
            with zf.open(f"xl/worksheets/sheet{index}.xml", "w") as raw:
                out = _Buffered(raw)
                _sheet_xml(sheet, out.emit, on_row if index == 1 else None)
                out.flush()
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>'))
        zf.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{PKG_R}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{NS_R}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
        rels += (f'<Relationship Id="rId{len(sheets) + 1}" Type="{NS_R}/styles" '
                 'Target="styles.xml"/>')
        zf.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_R}">{rels}</Relationships>'))
        names = "".join(
            f'<sheet name="{escape(clean(s.name))}" sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(sheets, 1))
        defined = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"'{escape(clean(s.name))}'!$A$1:${col_letter(len(s.headers) - 1)}${s.last_row}"
            "</definedName>"
            for i, s in enumerate(sheets) if s.autofilter and s.headers)
        zf.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{NS}" xmlns:r="{NS_R}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{names}</sheets>"
            + (f"<definedNames>{defined}</definedNames>" if defined else "")
            + "</workbook>"))
        zf.writestr("xl/styles.xml", STYLES)
