"""The text layer of the app's PDFs: copying, searching or `pdftotext` give back the
characters printed.

Qt's PDF engine writes each embedded font's ToUnicode map from the font's cmap: for every
glyph it takes the lowest BMP code point the font maps to that glyph. CJK fonts map many
code points to one glyph, so with Noto Sans CJK SC a printed 月 comes back as the Kangxi
radical ⽉ (U+2F49), 见 as ⻅ (U+2EC5), – as ‒ (U+2012), 〈 as 〈 (U+2329); a glyph that only
a character outside the BMP reaches (𠮷 U+20BB7, rare characters in names) gets no entry
at all and its text vanishes.

`repair(pdf, drawn)` rewrites those maps before the PDF is written. `drawn` (Drawn)
holds what was painted as Qt shaped it, glyph by glyph (QTextLayout.glyphRuns): for every
font, by PostScript name, which text each glyph stands for, ligatures included ('ﬁ' drew
"fi"). A glyph Qt named is found through that font's cmap (QRawFont); a glyph it could
not name (outside the BMP, or a shaped variant such as proportional digits) is matched to
the subset's unnamed glyphs by outline. Where nothing drawn tells, a compatibility or
radical code point stands for its NFKC form (⽉ -> 月). Only public Qt API and pypdf.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject, StreamObject
from PySide6.QtGui import QFont, QRawFont, QTextDocument, QTextLayout

_PIXELS = 64.0  # outline comparison size
_SAME_EXTENT = 1.5  # pixels (at _PIXELS) between the bounding boxes of two copies of a glyph
_CMAP_HEAD = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
              b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
              b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
              b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
_CMAP_TAIL = (b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


# ---------------------------------------------------------------- ToUnicode CMaps
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|(\[)|(\])")


def _text(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", "replace")


def parse_cmap(data: bytes) -> dict[int, str]:
    """code -> text of a ToUnicode CMap (bfchar, both forms of bfrange)."""
    out: dict[int, str] = {}
    for kind, body in _SECTION.findall(data):
        tokens: list[bytes | list[bytes]] = []
        array: list[bytes] | None = None
        for hex_digits, opening, closing in _TOKEN.findall(body):
            if opening:
                array = []
            elif closing:
                if array is not None:
                    tokens.append(array)
                array = None
            elif array is not None:
                array.append(hex_digits)
            else:
                tokens.append(hex_digits)
        step = 2 if kind == b"bfchar" else 3
        for i in range(0, len(tokens) - step + 1, step):
            first = tokens[i]
            if not isinstance(first, bytes):
                continue
            code = int(first, 16)
            if kind == b"bfchar":
                if isinstance(tokens[i + 1], bytes):
                    out[code] = _text(tokens[i + 1])  # type: ignore[arg-type]
                continue
            last, target = tokens[i + 1], tokens[i + 2]
            if not isinstance(last, bytes):
                continue
            if isinstance(target, list):
                for offset, value in enumerate(target[:int(last, 16) - code + 1]):
                    out[code + offset] = _text(value)
            else:
                start = _text(target)
                for offset in range(int(last, 16) - code + 1):
                    out[code + offset] = start[:-1] + chr(ord(start[-1]) + offset) \
                        if start else ""
    return out


def write_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap of `mapping` (2-byte codes), bfchar blocks of at most 100 entries."""
    entries = [b"<%04X> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode())
               for code, text in sorted(mapping.items()) if text]
    body = b"".join(b"%d beginbfchar\n" % len(entries[i:i + 100]) + b"".join(entries[i:i + 100])
                    + b"endbfchar\n" for i in range(0, len(entries), 100))
    return _CMAP_HEAD + body + _CMAP_TAIL


# ---------------------------------------------------------------- what was drawn
def _key(name: str) -> str:
    """A PostScript name as PDFs spell it (spaces and punctuation vary): letters and digits."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def postscript_name(font: QRawFont) -> str:
    """Name ID 6 of the font's 'name' table ('' when it has none)."""
    table = bytes(font.fontTable("name").data())
    if len(table) < 6:
        return ""
    count, strings = int.from_bytes(table[2:4], "big"), int.from_bytes(table[4:6], "big")
    for i in range(count):
        record = table[6 + 12 * i:18 + 12 * i]
        if len(record) < 12:
            break
        platform, _encoding, _language, name_id, length, offset = (
            int.from_bytes(record[j:j + 2], "big") for j in range(0, 12, 2))
        if name_id == 6:
            raw = table[strings + offset:strings + offset + length]
            return raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""


_RUNS = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes


class Drawn:
    """What a printout drew: per font (by PostScript name), the text of each glyph as Qt
    shaped it in context, fallback fonts, contextual forms (Noto's proportional digits in
    a Latin run) and ligatures ('ﬃ' drew "ffi") included."""

    def __init__(self) -> None:
        self.fonts: dict[str, QRawFont] = {}
        self.glyphs: dict[str, dict[int, str]] = {}
        self._names: dict[tuple[str, str, int], str] = {}

    def add_document(self, doc: QTextDocument) -> None:
        block = doc.begin()
        while block.isValid():
            if block.layout() is not None:
                self.add_layout(block.layout(), block.text())
            block = block.next()

    def add_text(self, text: str, font: QFont) -> None:
        """A line drawn with QPainter.drawText in `font` (headers and footers)."""
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        self.add_layout(layout, text)

    def add_layout(self, layout: QTextLayout, text: str) -> None:
        """The glyphs of each character of a laid-out `text` (QTextLayout.glyphRuns over
        that character alone; a run's own string indexes go wrong after characters
        outside the BMP); consecutive characters drawn with one glyph are its ligature."""
        cluster: list[tuple[str, int]] = []
        chars = ""
        offset = 0
        for char in text:
            width = 2 if ord(char) > 0xFFFF else 1
            glyphs = [(self._name(run.rawFont()), glyph)
                      for run in layout.glyphRuns(offset, width, _RUNS)
                      for glyph in run.glyphIndexes() if glyph]
            offset += width
            if glyphs and glyphs == cluster:
                chars += char
                continue
            self._record(cluster, chars)
            cluster, chars = glyphs, char
        self._record(cluster, chars)

    def _record(self, cluster: list[tuple[str, int]], chars: str) -> None:
        for n, (key, glyph) in enumerate(cluster):
            glyphs = self.glyphs.setdefault(key, {})
            text = chars if n == 0 else ""  # a character drawn with several glyphs
            if glyph not in glyphs or _rank(text) < _rank(glyphs[glyph]):
                glyphs[glyph] = text

    def _name(self, font: QRawFont) -> str:
        ident = (font.familyName(), font.styleName(), int(font.weight()))
        if ident not in self._names:
            self._names[ident] = _key(postscript_name(font))
            self.fonts.setdefault(self._names[ident], font)
        return self._names[ident]


# ---------------------------------------------------------------- choosing the text
# Code points a glyph of another character may be reverse-mapped to, which stand for the
# character NFKC names: CJK radicals, Kangxi radicals, Hangzhou numerals, the compatibility
# ideographs, vertical and compatibility forms, Latin ligatures, the angle brackets.
COMPATIBILITY = ((0x2E80, 0x2FDF), (0x3038, 0x303A), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
                 (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFB00, 0xFB4F), (0x2329, 0x232A))


def compatibility(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in COMPATIBILITY)


def _nfkc(text: str) -> str:
    """What a compatibility code point stands for (itself for any other)."""
    if len(text) != 1 or not compatibility(text):
        return text
    return unicodedata.normalize("NFKC", text) or text


def _rank(text: str) -> tuple[bool, bool, str]:
    """Two texts drawn with one glyph (月 and the radical ⽉): the plain one wins."""
    return not text, any(_nfkc(c) != c for c in text), text


def _glyph(font: QRawFont, char: str) -> int:
    indexes = font.glyphIndexesForString(char)
    return indexes[0] if indexes else 0


def _shape(font: QRawFont, glyph: int) -> list[float]:
    """An outline's extent and nine points along it."""
    path = font.pathForGlyph(glyph)
    rect = path.boundingRect()
    points = [path.pointAtPercent(t / 8) for t in range(9)] if not path.isEmpty() else []
    return [rect.x(), rect.y(), rect.width(), rect.height(),
            *(v for p in points for v in (p.x(), p.y()))]


def _by_outline(subset: QRawFont, original: QRawFont, cids: list[int],
                glyphs: list[int]) -> dict[int, int]:
    """Glyphs that no code point reaches (one outside the BMP, a shaped variant such as
    proportional digits) matched to the subset's unnamed glyphs by outline: the embedded
    subset holds Qt's copy of each outline, renumbered, its curves redrawn (so points
    along them differ a little, their extent hardly)."""
    pairs = []
    for cid in cids:
        mine = _shape(subset, cid)
        for glyph in glyphs:
            theirs = _shape(original, glyph)
            if len(mine) != len(theirs):
                continue
            extent = sum(abs(a - b) for a, b in zip(mine[:4], theirs[:4], strict=True))
            if extent < _SAME_EXTENT:  # then the points along it tell look-alikes apart
                pairs.append((sum(abs(a - b) for a, b in zip(mine, theirs, strict=True)),
                              cid, glyph))
    out: dict[int, int] = {}
    for _distance, cid, glyph in sorted(pairs):
        if cid not in out and glyph not in out.values():
            out[cid] = glyph
    return out


def _glyph_count(subset: QRawFont) -> int:
    maxp = bytes(subset.fontTable("maxp").data())
    return int.from_bytes(maxp[4:6], "big") if len(maxp) >= 6 else 0


def repaired_map(cmap: dict[int, str], original: QRawFont | None, subset: QRawFont | None,
                 drawn: dict[int, str]) -> dict[int, str]:
    """The ToUnicode map of one embedded font with each glyph's text put right: what the
    glyph drew (`drawn`: glyph -> text, in `original`'s numbering), else NFKC."""
    if original is None:
        return {code: _nfkc(text) for code, text in cmap.items()}
    original.setPixelSize(_PIXELS)
    out: dict[int, str] = {}
    used: set[int] = set()
    for code, text in cmap.items():
        glyph = _glyph(original, text) if len(text) == 1 and code else 0
        if glyph in drawn:
            out[code] = drawn[glyph]
            used.add(glyph)
        else:
            out[code] = _nfkc(text)
    unnamed = [g for g in drawn if g not in used and drawn[g].strip()]
    if unnamed and subset is not None and subset.isValid():
        subset.setPixelSize(_PIXELS)
        cids = [cid for cid in range(1, _glyph_count(subset)) if cid not in out]
        for cid, glyph in _by_outline(subset, original, cids, unnamed).items():
            out[cid] = drawn[glyph]
    return out


# ---------------------------------------------------------------- the PDF
def _fonts(resources: DictionaryObject, seen: set[int]) -> Iterator[DictionaryObject]:
    fonts = resources.get("/Font")
    for ref in (fonts.get_object().values() if fonts is not None else ()):
        font = ref.get_object()
        if id(font) not in seen and isinstance(font, DictionaryObject):
            seen.add(id(font))
            yield font
    xobjects = resources.get("/XObject")
    for ref in (xobjects.get_object().values() if xobjects is not None else ()):
        xobject = ref.get_object()
        inner = xobject.get("/Resources") if isinstance(xobject, DictionaryObject) else None
        if inner is not None and id(xobject) not in seen:
            seen.add(id(xobject))
            yield from _fonts(inner.get_object(), seen)


def _subset(font: DictionaryObject) -> QRawFont | None:
    """The embedded font program (Qt embeds a TrueType subset, CIDs = its glyphs)."""
    try:
        descendants = font["/DescendantFonts"].get_object()
        descriptor = descendants[0].get_object()["/FontDescriptor"].get_object()  # type: ignore[index]
        data = descriptor["/FontFile2"].get_object().get_data()
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return QRawFont(data, _PIXELS)


def repair(pdf: bytes, drawn: Drawn) -> bytes:
    """`pdf` with the ToUnicode map of every embedded font put right (see the module).
    Unchanged when nothing is wrong, or when the PDF is not one this can read (a PDF with
    a wrong text layer beats none)."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        changed = False
        seen: set[int] = set()
        for page in reader.pages:
            resources = page.get("/Resources")
            if resources is None:
                continue
            for font in _fonts(resources.get_object(), seen):
                stream = font.get("/ToUnicode")
                stream = stream.get_object() if stream is not None else None
                if font.get("/Subtype") != "/Type0" or not isinstance(stream, StreamObject):
                    continue
                key = _key(str(font.get("/BaseFont", "")).split("+", 1)[-1])
                cmap = parse_cmap(stream.get_data())
                fixed = repaired_map(cmap, drawn.fonts.get(key), _subset(font),
                                     drawn.glyphs.get(key, {}))
                if fixed != cmap:
                    stream.set_data(write_cmap(fixed))
                    changed = True
        if not changed:
            return pdf
        out = io.BytesIO()
        PdfWriter(clone_from=reader).write(out)
        return out.getvalue()
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError):
        return pdf  # not a PDF this reads (Qt's output changed): keep it as Qt wrote it
