"""The text layer of the app's PDFs gives back exactly the Chinese printed, with every
font the app names (ui.fonts.CJK_FAMILIES): Qt's PDF engine names some glyphs by a
look-alike code point (the Kangxi radical ⽉ for 月 with Noto Sans CJK SC), and
ui.print.pdf_text puts the ToUnicode maps right."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from weekplan_data import TODAY, build_week

from ui.fonts import CJK_FAMILIES

# Ideographs (BMP and beyond), radicals, compatibility ideographs, CJK punctuation and
# full-width forms: a wrong code point in any of these blocks shows up as a difference.
CJK = re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\ufe10-\ufe1f"
                 "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")
NAMES = "张晓燕𠮷𬌗龘"  # a name with characters outside the BMP (通用规范汉字表 has them)


def cjk(text: str) -> Counter[str]:
    return Counter(CJK.findall(text))


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (pdftotext)")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def printed_text(html: str, title: str, pages: int, community: str = "") -> str:
    """What the page shows: the body's text, each page's header and footer (worked out
    here, not taken from the code under test)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    footer = QCoreApplication.translate("Print", "第 %1 / %2 页")
    return doc.toPlainText() + "".join(
        community + title + footer.replace("%1", str(n)).replace("%2", str(pages))
        for n in range(1, pages + 1))


@pytest.fixture(params=CJK_FAMILIES)
def family(request, qapp, monkeypatch) -> str:
    """Each family the app may print with, where installed (else that case is skipped)."""
    from PySide6.QtGui import QFontDatabase

    from ui.print import document

    if request.param not in QFontDatabase.families():
        pytest.skip(f"font {request.param!r} is not installed")
    monkeypatch.setattr(document, "cjk_family", lambda: request.param)
    return request.param


def _assert_same_chinese(expected: str, path: Path) -> None:
    """pdftotext gives back each CJK character as often as printed; pypdf gives back the
    same characters (it ignores the empty /ActualText with which Qt marks the second
    stroke of a synthesized bold, so it may count a bold one twice)."""
    want = cjk(expected)
    got = cjk(pdftotext(path))
    assert got == want, ("pdftotext", _show(got - want), _show(want - got))
    got_set, want_set = set(cjk(pypdf_text(path))), set(want)
    assert got_set == want_set, ("pypdf", sorted(got_set - want_set), sorted(want_set - got_set))


def _show(counts: Counter[str]) -> dict[str, int]:
    return {f"U+{ord(c):04X} {c}": n for c, n in counts.items()}


def test_week_plan_gives_back_its_chinese(db, family, tmp_path):
    from models.members.cards import Member
    from models.store import settings
    from models.week.plan import assemble
    from ui.print.document import render_pdf
    from ui.print.week_pdf import week_html, week_title

    build_week()
    settings.put("community_name", "AI 实战派")
    member = Member(name=NAMES, next_contact_on=TODAY)
    member.refresh_keys()
    member.save()
    plan = assemble(TODAY, today=TODAY)
    html, title = week_html(plan), week_title(plan)
    out = tmp_path / "week.pdf"
    pages = render_pdf(html, out, title=title)
    expected = printed_text(html, title, pages, "AI 实战派")
    assert "月" in expected and "日" in expected and "见" not in expected
    _assert_same_chinese(expected, out)
    assert "周计划 2026年11月16日 – 11月22日" in pdftotext(out)  # the dash too (not ‒)


def test_checklist_and_sign_in_sheet_give_back_their_chinese(db, family, tmp_path):
    from test_activities_print import _activity_with_people

    from ui.activities import printables
    from ui.print.document import community_name

    activity = _activity_with_people()
    for html, title, render in (
            (printables.checklist_html(activity), printables.checklist_title(activity),
             printables.render_checklist_pdf),
            (printables.signin_sheet_html(activity), printables.signin_title(activity),
             printables.render_signin_pdf)):
        out = tmp_path / "activity.pdf"
        pages = render(activity, out)
        _assert_same_chinese(printed_text(html, title, pages, community_name()), out)


def _look_alikes(family: str) -> str:
    """The characters this font draws with the glyph of a compatibility or radical code
    point (the whole class Qt may name wrongly), as NFKC or the font's cmap tells."""
    from PySide6.QtGui import QFont, QRawFont

    from ui.print.pdf_text import COMPATIBILITY

    raw = QRawFont.fromFont(QFont(family))
    glyph = {}
    for low, high in COMPATIBILITY:
        for point in range(low, high + 1):
            char = chr(point)
            if (index := raw.glyphIndexesForString(char)) and index[0]:
                glyph[index[0]] = char
    out = set()
    for point in list(range(0x3400, 0xA000)) + list(range(0x20000, 0x2A6E0)):
        char = chr(point)
        index = raw.glyphIndexesForString(char)
        if index and index[0] in glyph:
            out.add(char)
    for char in glyph.values():  # and what NFKC says the compatibility code points mean
        meant = unicodedata.normalize("NFKC", char)
        if meant != char and len(meant) == 1 and CJK.match(meant) \
                and raw.glyphIndexesForString(meant)[0]:
            out.add(meant)
    return "".join(sorted(out))


@pytest.mark.slow  # 805 characters per font; CI runs it
def test_every_look_alike_of_a_radical_comes_back_as_itself(qapp, family, tmp_path):
    from ui.print.document import render_pdf

    chars = _look_alikes(family)
    if not chars:
        pytest.skip(f"{family!r} shares no glyph with a radical or compatibility code point")
    lines = [chars[i:i + 30] for i in range(0, len(chars), 30)]
    html = "".join(f"<p>{line}</p>" for line in lines)
    out = tmp_path / "class.pdf"
    pages = render_pdf(html, out, title="部首", community="")
    _assert_same_chinese(printed_text(html, "部首", pages), out)


def test_cmap_parse_and_write_round_trip():
    from ui.print.pdf_text import parse_cmap, write_cmap

    qt = (b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<793E> <2F49> <D842DFB7> ]\n"
          b"endbfrange\n1 beginbfrange\n<0010> <0012> <0041>\nendbfrange\n"
          b"1 beginbfchar\n<0020> <00660069>\nendbfchar\n")
    mapping = parse_cmap(qt)
    assert mapping == {0: "\0", 1: "社", 2: "⽉", 3: "𠮷", 16: "A", 17: "B", 18: "C", 32: "fi"}
    assert parse_cmap(write_cmap(mapping)) == mapping
    many = {code: chr(0x4E00 + code) for code in range(250)}
    written = write_cmap(many)
    assert written.count(b"beginbfchar") == 3 and parse_cmap(written) == many


def test_without_the_font_compatibility_code_points_fall_back_to_nfkc():
    from ui.print.pdf_text import repaired_map

    fixed = repaired_map({1: "⽉", 2: "ﬁ", 3: "：", 4: "〈", 5: "－", 6: "月"}, None, None, {})
    assert fixed == {1: "月", 2: "fi", 3: "：", 4: "〈", 5: "－", 6: "月"}


def test_a_pdf_it_cannot_read_is_left_as_it_is(qapp):
    from ui.print.pdf_text import Drawn, repair

    assert repair(b"%PDF-1.4 not really", Drawn()) == b"%PDF-1.4 not really"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_character_comes_back_not_only_the_chinese(db, family, tmp_path, language):
    """Digits, Latin, dashes and ligatures too: in English, Noto Sans CJK draws digits
    with proportional forms no code point names (Qt leaves them out of the map)."""
    from models.week.plan import assemble
    from ui import i18n
    from ui.print.document import community_name, render_pdf
    from ui.print.week_pdf import week_html, week_title

    build_week()
    i18n.install(language)
    plan = assemble(TODAY, today=TODAY)
    html, title = week_html(plan), week_title(plan)
    out = tmp_path / "week.pdf"
    pages = render_pdf(html, out, title=title)
    expected = Counter("".join(printed_text(html, title, pages, community_name()).split()))
    got = Counter("".join(pdftotext(out).split()))
    assert got == expected, (_show(got - expected), _show(expected - got))
