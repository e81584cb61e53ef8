"""Paginated A4 printing of HTML: PDF files, printers and Qt's print preview.

The one print path of the app (weekly plan, activity checklists, sign-in sheets):

- ``render_pdf(html, path, title=...)`` writes a PDF (whole or not at all) and returns
  its page count; raises ``PrintError`` when it cannot (no Chinese font, unwritable path).
- ``preview(parent, html, title=...)`` opens QPrintPreviewDialog (non-blocking).
- ``print_dialog(parent, html, title=...)`` opens QPrintDialog and prints on OK.
- ``ensure_cjk_font(parent)`` tells the user, before printing, that no installed font covers
  Chinese (Qt would silently drop every Chinese character from a PDF).

The HTML is laid out by QTextDocument on the printer itself, so point sizes and CSS px
scale correctly at any resolution. Each page gets a header (community name left, title
right, a rule) and a centred "第 N / M 页" footer. Tables repeat their <thead> rows on
every page they continue onto; ``BASE_CSS`` styles tables, headings and notes.

Only QtGui is imported at module level: the CLI renders PDFs with a QGuiApplication and
must not pay for QtWidgets / QtPrintSupport.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from models.store.files import FileProblem, check_writable_target, write_bytes
from ui.fonts import cjk_family
from ui.print import pdf_text
from ui.print.breaks import (
    WRITE_IN_MIN_LINES,
    collapse_trailing_block,
    first_cut_row,
    keep_headings_with_next,
    split_table,
    with_write_in_lines,
    write_in_lines,
    write_in_on_last_page,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog, QWidget

MARGINS_MM = QMarginsF(14, 12, 14, 10)  # left, top, right, bottom
HEADER_MM = 11.0  # header band (community name, title, rule) inside the top margin area
FOOTER_MM = 7.0  # page number band
CLIP_INSET = 0.5  # device pixels
BODY_POINT_SIZE = 9.5
# After the CJK family: Latin fallbacks so digits and Latin text stay crisp.
LATIN_FALLBACKS = ("Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans")

# Qt's rich text understands a subset of CSS 2.1: keep to it (no flex, no :nth-child).
BASE_CSS = """
h1 { font-size: 15pt; font-weight: 600; margin: 0 0 4px 0; }
h2 { font-size: 12pt; font-weight: 600; margin: 10px 0 4px 0; }
h3 { font-size: 10.5pt; font-weight: 600; margin: 8px 0 3px 0; }
p { margin: 0 0 4px 0; }
table { border-collapse: collapse; margin: 0 0 8px 0; }
th { background-color: #e8edf3; color: #1f2937; font-weight: 600; text-align: left;
     border: 1px solid #9aa5b1; padding: 3px 5px; }
td { border: 1px solid #c3cbd3; padding: 3px 5px; vertical-align: top; }
th.day { background-color: #33506e; color: #ffffff; font-size: 10.5pt; }
td.empty { color: #8a949e; }
.muted { color: #66707a; }
.warn { color: #b3261e; font-weight: 600; }
.small { font-size: 8pt; }
.notes { border: 1px solid #c3cbd3; padding: 6px; }
"""


translate = QCoreApplication.translate


class PrintError(Exception):
    """Printing cannot go ahead; the message is for users (the CLI maps it to exit 1)."""


def page_layout(landscape: bool = False) -> QPageLayout:
    """A4 with the app's margins, portrait or landscape."""
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def print_font(point_size: float = BODY_POINT_SIZE, bold: bool = False) -> QFont:
    """The CJK family named first (explicitly: Qt's own fallback is unreliable in PDFs)."""
    font = QFont()
    families = [cjk_family() or "", *LATIN_FALLBACKS]
    font.setFamilies([f for f in families if f])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def community_name() -> str:
    """The open workspace's community name ('' when no database is open)."""
    try:
        from models.store import settings

        return str(settings.get("community_name") or "")
    except Exception:  # no database bound (a test printing plain HTML): header without it
        return ""


def _mm(device: QPagedPaintDevice, mm: float) -> float:
    return mm * device.logicalDpiY() / 25.4


def build_document(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """Lay out `html` for `device`'s page body (the area between header and footer).

    A table row that would be cut by a page break starts a new table on the next page
    instead (with the table's <thead> repeated), and a heading left alone at a page's
    foot moves to the next page: printed rows are never split between two sheets.
    """
    doc = _paginate(html, device)
    lines = write_in_lines(html)
    if lines > WRITE_IN_MIN_LINES and write_in_on_last_page(doc):
        # A blank box that starts the last page gives up lines to stay on the page before.
        for fewer in range(lines - 1, WRITE_IN_MIN_LINES - 1, -1):
            shorter = _paginate(with_write_in_lines(html, fewer), device)
            if shorter.pageCount() < doc.pageCount():
                return shorter
    return doc


def _paginate(html: str, device: QPagedPaintDevice) -> QTextDocument:
    doc = _layout(html, device)
    for _attempt in range(2 * doc.pageCount() + 2):  # each pass fixes the first cut row
        cut = first_cut_row(doc, html)
        if cut is None:
            break
        split = split_table(html, *cut)
        if split is None:
            break
        html = split
        doc = _layout(html, device)
    keep_headings_with_next(doc)
    return doc


def _layout(html: str, device: QPagedPaintDevice) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(print_font())
    doc.setDefaultStyleSheet(BASE_CSS)  # must precede setHtml to apply
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(device)  # layout in device units: exact sizes
    doc.setHtml(html)
    collapse_trailing_block(doc)
    width = device.width()
    height = device.height() - _mm(device, HEADER_MM) - _mm(device, FOOTER_MM)
    doc.setPageSize(QRectF(0, 0, width, height).size())
    return doc


def paint(device: QPagedPaintDevice, html: str, *, title: str,
          community: str | None = None, drawn: pdf_text.Drawn | None = None) -> int:
    """Paint every page of `html` onto an already configured printer or PDF writer;
    `drawn`, when given, records every glyph drawn (for the PDF's text layer)."""
    doc = build_document(html, device)
    pages = max(1, doc.pageCount())
    width = float(device.width())
    header_h, footer_h = _mm(device, HEADER_MM), _mm(device, FOOTER_MM)
    body_h = doc.pageSize().height()
    name = community_name() if community is None else community
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(translate("Print", "无法开始打印（打印机或文件不可用）。"))
    try:
        head_font, foot_font = print_font(10, bold=True), print_font(8)
        title_font = print_font(10)
        for page in range(pages):
            if page:
                device.newPage()
            # Header: community name left, title (with its date range) right, a thin rule.
            band = QRectF(0, 0, width, header_h - _mm(device, 3))
            painter.setPen(QColor("#1f2d3a"))
            painter.setFont(head_font)
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             name)
            painter.setFont(title_font)
            painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             title)
            rule_y = header_h - _mm(device, 2)
            painter.setPen(QPen(QColor("#7d8a96"), max(1.0, _mm(device, 0.25))))
            painter.drawLine(0, int(rule_y), int(width), int(rule_y))
            # Footer: page N of M, centred.
            painter.setPen(QColor("#4a5560"))
            painter.setFont(foot_font)
            foot = QRectF(0, header_h + body_h, width, footer_h)
            number = (translate("Print", "第 %1 / %2 页").replace("%1", str(page + 1))
                      .replace("%2", str(pages)))
            painter.drawText(foot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             number)
            if drawn is not None:
                for text, font in ((name, head_font), (title, title_font), (number, foot_font)):
                    drawn.add_text(text, font)
            # Body: the page's slice of the laid-out document.
            painter.save()
            painter.translate(0, header_h - page * body_h)
            # A hair inside the page: a line laid out to start right at the next page (or
            # end right at this one's top) is not drawn here too, clipped but still text.
            doc.drawContents(painter, QRectF(0, page * body_h + CLIP_INSET, width,
                                             body_h - 2 * CLIP_INSET))
            painter.restore()
    finally:
        painter.end()
    if drawn is not None:
        drawn.add_document(doc)
    return pages


def render_pdf(html: str, path: Path, *, title: str, landscape: bool = False,
               community: str | None = None, layout: QPageLayout | None = None) -> int:
    """Write `html` as an A4 PDF to `path`; returns the number of pages.

    Raises PrintError when no installed font covers Chinese or the file can't be written.
    The PDF is rendered in memory, its text layer put right (ui.print.pdf_text: Qt names
    some glyphs by a look-alike code point, e.g. ⽉ for 月), then written whole or not at
    all (models.store.files): QPdfWriter reports no write errors, so on a full disk it
    would leave a cut-off file. `layout` replaces A4 (a paper the owner chose to print on).
    """
    if cjk_family() is None:
        raise PrintError(no_cjk_font_message())
    path = Path(path)
    try:
        check_writable_target(path)
    except FileProblem as exc:
        raise PrintError(str(exc)) from exc
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)  # text and lines are vectors; this only sets the grid
    writer.setTitle(title)
    writer.setCreator("QunDesk 群主台")
    writer.setPageLayout(layout if layout is not None else page_layout(landscape))
    drawn = pdf_text.Drawn()
    try:
        pages = paint(writer, html, title=title, community=community, drawn=drawn)
    finally:
        del writer  # finishes the PDF into the buffer
    data = pdf_text.repair(bytes(buffer.data().data()), drawn)
    buffer.close()
    try:
        write_bytes(path, data)
    except FileProblem as exc:
        raise PrintError(str(exc)) from exc
    return pages


def no_cjk_font_message() -> str:
    return translate("Print", "没有找到能显示中文的字体，打印出来的中文会全部缺失。请先安装“微软雅黑”、“苹方”、“思源黑体”或“文泉驿微米黑”等中文字体。")  # noqa: E501


def ensure_cjk_font(parent: QWidget | None) -> bool:
    """True when Chinese can be printed; otherwise warn the user and return False."""
    if cjk_family() is not None:
        return True
    from ui import dialogs

    dialogs.warn(parent, translate("Print", "缺少中文字体"), no_cjk_font_message())
    return False


def _printer(landscape: bool, title: str) -> QPrinter:
    """A printer for the app's layout; its job carries `title` (the queue shows it, and a
    PDF printer names its file after it)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(landscape))
    printer.setDocName(title)
    return printer


def _paint_or_report(parent: QWidget | None, printer: QPagedPaintDevice, html: str,
                     title: str) -> None:
    """paint() from a dialog's signal: a failure becomes a message, not a lost exception.

    "Print to file (PDF)" is rendered like the app's own PDFs (text layer put right, the
    file written whole), on the paper and orientation the dialog left."""
    from PySide6.QtPrintSupport import QPrinter

    try:
        if (isinstance(printer, QPrinter) and printer.outputFileName()
                and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat):
            render_pdf(html, Path(printer.outputFileName()), title=title,
                       layout=printer.pageLayout())
            return
        paint(printer, html, title=title)
    except PrintError as exc:
        from ui import dialogs

        dialogs.error(parent, translate("Print", "无法打印"), str(exc))


def preview(parent: QWidget | None, html: str, *, title: str,
            landscape: bool = False) -> QDialog | None:
    """Qt's print preview (zoom, orientation, print from there); None without a CJK font."""
    if not ensure_cjk_font(parent):
        return None
    from ui.print.print_dialogs import PreviewDialog

    dialog = PreviewDialog(_printer(landscape, title), parent)
    dialog.setWindowTitle(translate("Print", "打印预览 - %1").replace("%1", title))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(lambda p: _paint_or_report(dialog, p, html, title))
    dialog.resize(900, 1000)
    dialog.open()
    return dialog


def print_dialog(parent: QWidget | None, html: str, *, title: str,
                 landscape: bool = False) -> QDialog | None:
    """The system print dialog; prints when the user presses Print."""
    if not ensure_cjk_font(parent):
        return None
    from PySide6.QtWidgets import QDialog

    from ui.print.print_dialogs import PrintDialog

    printer = _printer(landscape, title)
    dialog = PrintDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda *_: _paint_or_report(parent, printer, html, title))
    QDialog.open(dialog)  # PySide only binds QPrintDialog.open(receiver, member)
    return dialog
