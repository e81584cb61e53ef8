"""Sheets whose used range reaches far below their content (one stray cell at row
1,048,576 under a roster of two): read compacted, quickly and in little memory.

calamine holds a sheet as one dense rectangle from its first cell to its last, so such a
sheet would cost a million rows of memory for two members. Here the sheet's XML is
rewritten with its rows numbered 1, 2, 3 ... (rows without cells dropped; merged areas
moved with their rows), calamine reads that copy of the workbook, and the rows keep the
numbers the owner sees in Excel (Sheet.row_numbers), so every message names the right row.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from pathlib import Path

_ROW = re.compile(rb"<((?:\w{1,10}:)?)row\b([^>]*?)(?:/>|>(.*?)</\1row>)", re.S)
_R_ATTR = re.compile(rb'\br="(\d{1,7})"')
_CELL_REF = re.compile(rb'(<(?:\w{1,10}:)?c\b[^>]*?\br=")([A-Z]{1,3})\d{1,7}"')
_MERGE = re.compile(rb'(<(?:\w{1,10}:)?mergeCell\b[^>]*?\bref=")([A-Z]{1,3})(\d{1,7})'
                    rb'(?::([A-Z]{1,3})(\d{1,7}))?"([^>]*>)')
_DIMENSION = re.compile(rb"<(?:\w{1,10}:)?dimension\b[^>]*/>")


def compact_sheet(xml: bytes) -> tuple[bytes, list[int]]:
    """(the sheet's XML with its rows renumbered 1..n, the original number of each)."""
    numbers: list[int] = []
    new_of: dict[int, int] = {}
    number = 0

    def row(m: re.Match[bytes]) -> bytes:
        nonlocal number
        prefix, attrs, body = m[1], m[2], m[3]
        found = _R_ATTR.search(attrs)
        number = int(found[1]) if found else number + 1
        if not body or b"<" not in body:
            return b""  # an empty row: nothing to read
        numbers.append(number)
        new = len(numbers)
        new_of[number] = new
        mark = b'r="%d"' % new
        attrs = _R_ATTR.sub(mark, attrs, count=1) if found else b" " + mark + attrs
        body = _CELL_REF.sub(lambda c: c[1] + c[2] + b'%d"' % new, body)
        return b"<%srow%s>%s</%srow>" % (prefix, attrs, body, prefix)

    xml = _DIMENSION.sub(b"", xml, count=1)
    xml = _ROW.sub(row, xml)

    def merge(m: re.Match[bytes]) -> bytes:
        top = new_of.get(int(m[3]))
        if top is None:
            return b""  # its first row was empty: nothing to fill
        bottom_old = int(m[5]) if m[5] else int(m[3])
        bottom = max(top, bisect.bisect_right(numbers, bottom_old))  # last kept row inside
        ref = m[2] + b"%d" % top + (b":" + m[4] + b"%d" % bottom if m[4] else b"")
        return m[1] + ref + b'"' + m[6]

    if b"mergeCell" in xml:
        xml = _MERGE.sub(merge, xml)
    return xml, numbers


def compacted_workbook(path: Path, part: str) -> tuple[io.BytesIO, list[int]]:
    """The workbook at `path` with one sheet part compacted, in memory, and the original
    row numbers of that sheet's rows."""
    out = io.BytesIO()
    numbers: list[int] = []
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == part:
                body, numbers = compact_sheet(body)
            dst.writestr(info, body)
    out.seek(0)
    return out, numbers
