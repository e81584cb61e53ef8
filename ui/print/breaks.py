"""Where the app's printed pages break: rows never cut, headings kept with what follows,
a blank write-in box that gives up lines rather than take a page, no blank last page.

Plain functions on the app's simple HTML and on a laid-out QTextDocument; the print path
(ui/print/document.build_document) runs them.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

# A box left blank to write in by hand (the week's notes): it may lose lines, down to
# WRITE_IN_MIN_LINES, rather than take a sheet of its own.
WRITE_IN_CLASS = "write-in"
WRITE_IN_MIN_LINES = 2
_WRITE_IN = re.compile(r'(<table class="write-in"[^>]*><tr><td>)((?:<br/>)+)(</td>)')


def write_in_box(lines: int) -> str:
    """A full-width box of `lines` blank lines to write in (see build_document)."""
    return (f'<table class="{WRITE_IN_CLASS}" width="100%" cellspacing="0" cellpadding="6">'
            "<tr><td>" + "<br/>" * lines + "</td></tr></table>")


def write_in_lines(html: str) -> int:
    match = _WRITE_IN.search(html)
    return match.group(2).count("<br/>") if match else 0


def write_in_on_last_page(doc: QTextDocument) -> bool:
    """Whether the blank box (a one-cell table of empty lines) sits on a page after the first,
    the last one: only then can giving up lines save a sheet."""
    pages, page_h = doc.pageCount(), doc.pageSize().height()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.rows() * frame.columns() != 1:
            continue
        block = frame.cellAt(0, 0).firstCursorPosition().block()
        if block.text() and not block.text().strip("\u2028"):
            return pages > 1 and int(text_top(doc, block) // page_h) == pages - 1
    return False


def with_write_in_lines(html: str, lines: int) -> str:
    return _WRITE_IN.sub(lambda m: m.group(1) + "<br/>" * lines + m.group(3), html, count=1)


_TABLE_TAG = re.compile(r"<table\b[^>]*>", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_ROW_TAG = re.compile(r"<tr\b", re.IGNORECASE)
_THEAD = re.compile(r"<thead\b.*?</thead\s*>", re.IGNORECASE | re.DOTALL)
PAGE_BREAK_STYLE = "page-break-before: always"


def first_cut_row(doc: QTextDocument, html: str) -> tuple[int, int, int] | None:
    """(table index, row index, header rows) of the first row a page break cuts through.

    Only for the app's simple HTML: top-level tables, no nested tables, no <tbody>. When
    the tables in the layout don't match the <table> tags one to one, nothing is moved.
    """
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    if len(tables) != len(_TABLE_TAG.findall(html)):
        return None
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    for index, table in enumerate(tables):
        header_rows = table.format().headerRowCount()
        for row in range(header_rows, table.rows()):
            cells = [table.cellAt(row, col) for col in range(table.columns())]
            top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top()
                      for c in cells)
            bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                         for c in cells)
            if bottom - top > page_h * 0.75:
                continue  # taller than a page can hold: let it break
            if int(top // page_h) != int((bottom - 1) // page_h):
                return index, row, header_rows
    return None


def _with_page_break(tag: str) -> str:
    match = re.search(r"""style\s*=\s*(["'])""", tag, re.IGNORECASE)
    if match:
        return tag[:match.end()] + PAGE_BREAK_STYLE + "; " + tag[match.end():]
    return tag[:-1].rstrip("/ ") + f' style="{PAGE_BREAK_STYLE}">'


def split_table(html: str, table: int, row: int, header_rows: int) -> str | None:
    """The HTML with table `table` continued, from row `row`, on a new page."""
    opening = list(_TABLE_TAG.finditer(html))[table]
    end = _TABLE_END.search(html, opening.end())
    if end is None:
        return None
    body = html[opening.end():end.start()]
    rows = list(_ROW_TAG.finditer(body))
    if row >= len(rows):
        return None
    new_open = _with_page_break(opening.group(0))
    if row == header_rows:  # the first row: move the whole table rather than orphan its head
        # ... together with the heading(s) right above it: a break between a heading and
        # its table would leave the heading alone at the foot of the page (and once
        # keep_headings_with_next moves it, alone on a page of its own).
        start = _headings_before(html, opening.start())
        tag = _OPEN_TAG.match(html, start)
        if tag is None or PAGE_BREAK_STYLE in tag.group(0):
            return None  # already starts a page and still doesn't fit: leave it
        return html[:start] + _with_page_break(tag.group(0)) + html[tag.end():]
    head = _THEAD.search(body)
    cut = opening.end() + rows[row].start()
    return (html[:cut] + "</table>" + new_open + (head.group(0) if head else "")
            + html[cut:])


_OPEN_TAG = re.compile(r"<\w+\b[^>]*>")
_HEADING_END = re.compile(r"</h[1-6]\s*>\s*$", re.IGNORECASE)
_HEADING_TAG = re.compile(r"<h[1-6]\b[^>]*>", re.IGNORECASE)


def _headings_before(html: str, position: int) -> int:
    """Where the run of headings that ends right at `position` starts (else `position`)."""
    start = position
    while (end := _HEADING_END.search(html, max(0, start - 200), start)) is not None:
        # the last heading tag before the end tag
        openings = list(_HEADING_TAG.finditer(html, max(0, end.start() - 2000), end.start()))
        if not openings:
            break
        start = openings[-1].start()
    return start


def collapse_trailing_block(doc: QTextDocument) -> None:
    """Nothing of a last table's bottom margin, nor of the empty paragraph Qt keeps after
    it, may reach onto a page of its own: a table ending at a page's foot would leave a
    blank last page (or the box of the week's notes alone on it)."""
    last = doc.lastBlock()
    if last.length() > 1 or not last.previous().isValid():
        return
    frames = doc.rootFrame().childFrames()
    if frames and frames[-1].lastPosition() + 1 == last.position():
        fmt = frames[-1].frameFormat()
        fmt.setBottomMargin(0)
        frames[-1].setFrameFormat(fmt)
    block_format = last.blockFormat()
    block_format.setTopMargin(0)
    block_format.setBottomMargin(0)
    block_format.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor = QTextCursor(last)
    cursor.setBlockFormat(block_format)
    char_format = cursor.blockCharFormat()
    char_format.setFontPointSize(1)
    cursor.setBlockCharFormat(char_format)


def text_top(doc: QTextDocument, block: QTextBlock) -> float:
    """Where `block`'s first line starts: a block whose first line did not fit at a page's
    foot begins there, its text on the next page."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    lines = block.layout()
    return top + lines.lineAt(0).y() if lines is not None and lines.lineCount() else top


def keep_headings_with_next(doc: QTextDocument) -> int:
    """Move a heading (or a run of headings) left alone at a page's foot to the next page.

    Qt's layout has no "keep with next"; a section title printed under its content's
    page break is easy to miss on paper. Returns the number of headings moved.
    """
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    moved = 0
    block = doc.firstBlock()
    while block.isValid():
        if block.blockFormat().headingLevel() == 0:
            block = block.next()
            continue
        first = block
        while block.isValid() and block.blockFormat().headingLevel() > 0:
            block = block.next()  # the run of headings ends at the content they introduce
        if not block.isValid():
            break
        # Positions are read after each move, so they follow the updated layout.
        top = layout.blockBoundingRect(first).top()
        content_top = text_top(doc, block)
        if top > 0 and int(top // page_h) != int(content_top // page_h):
            cursor = QTextCursor(first)
            fmt = cursor.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setBlockFormat(fmt)
            moved += 1
    return moved
