"""The printed week: PDF text, page breaks, the print-week CLI and the missing-font path."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from weekplan_data import TODAY, build_long_week, build_week

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def run_cli(*args: str, db_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


def test_week_pdf_contains_the_weeks_chinese_titles(qapp, db, tmp_path):
    from ui.print.week_pdf import write_week_pdf

    build_week()
    out = tmp_path / "周计划.pdf"
    pages = write_week_pdf(out, TODAY, today=TODAY)
    assert pages >= 1 and out.read_bytes().startswith(b"%PDF")
    text = "".join(pdf_pages(out))
    for expected in ("周计划 2026年11月16日 – 11月22日", "AI 工具早报", "Prompt 写作分享",
                     "每周三读书会", "上海线下面基", "发布活动提醒", "张晓燕", "群规更新公告",
                     "制作宣传海报", "陈博文", "本周重点：筹备线下面基", "周一", "周日",
                     "AI 实战派 1 群"):
        assert expected in text, expected
    assert f"第1/{pages}页" in "".join(text.split())
    assert not list(tmp_path.glob(".*.tmp"))  # the temp file was renamed


def test_sections_left_out_are_not_printed(qapp, db, tmp_path):
    from ui.print.week_pdf import write_week_pdf

    build_week()
    out = tmp_path / "only-notes.pdf"
    write_week_pdf(out, TODAY, today=TODAY, sections={"notes"})
    text = "".join(pdf_pages(out))
    assert "本周重点" in text and "AI 工具早报" not in text and "周一" not in text


def test_long_week_breaks_across_pages_cleanly(qapp, db, tmp_path):
    from ui.print.week_pdf import write_week_pdf

    build_long_week(per_day=25)
    out = tmp_path / "long.pdf"
    pages = write_week_pdf(out, TODAY, today=TODAY, landscape=True)
    texts = pdf_pages(out)
    assert pages == len(texts) > 1
    for number, text in enumerate(texts, 1):
        # Every page: the header, its page number, and (days continue) the column headings.
        assert "周计划 2026年11月16日" in text
        assert f"第{number}/{pages}页" in "".join(text.split())
    # A day that continues onto the next page repeats its heading row there.
    for text in texts[1:-1]:
        assert "时间" in text and "事项" in text and "11月" in text
    every = "".join(texts)
    for day in range(1, 8):
        for n in (1, 25):
            assert f"第{day}天话题讨论{n:02d}" in every


def test_portrait_and_landscape_page_counts(qapp, db, tmp_path):
    from ui.print.week_pdf import write_week_pdf

    build_long_week(per_day=25)
    portrait = write_week_pdf(tmp_path / "p.pdf", TODAY, today=TODAY)
    landscape = write_week_pdf(tmp_path / "l.pdf", TODAY, today=TODAY, landscape=True)
    assert landscape > portrait > 1


def test_cli_print_week(db, db_path, tmp_path):
    build_week()
    out = tmp_path / "week.pdf"
    result = run_cli("print-week", "--week", "2026-11-20", "--pdf", str(out), db_path=db_path)
    assert result.returncode == 0, result.stderr
    assert "pages" in result.stdout and out.exists()
    assert "上海线下面基" in "".join(pdf_pages(out))


# What build_week() stores: the only Chinese an English printout may contain.
WEEK_DATA = ("张晓燕", "李建国", "王思远", "赵雨桐", "陈博文", "刘佳琪", "AI 实战派 1 群", "同城面基群",
             "AI 工具早报", "Prompt 写作分享", "群规更新公告", "每周三读书会", "早报", "分享", "公告",
             "话题讨论", "上海线下面基", "静安寺咖啡馆", "制作宣传海报", "发布活动提醒", "整理活动照片",
             "本周重点：筹备线下面基")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order with all white space removed (a title that wraps
    inside its table cell comes out whole)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return "".join(text.split())


def test_cli_print_week_in_english(db, db_path, tmp_path):
    build_week()
    out = tmp_path / "week-en.pdf"
    result = run_cli("--lang", "en", "print-week", "--week", "2026-11-20", "--pdf", str(out),
                     db_path=db_path)
    assert result.returncode == 0, result.stderr
    # The report line is the same in every language (scripts read it).
    assert re.fullmatch(rf"wrote {re.escape(str(out))} \(\d+ pages\)\n", result.stdout)
    text = pdf_text(out)
    for expected in ("WeeklyPlan", "Mon", "Sun", "Time", "Item", "Category/group", "Owner",
                     "Birthdaywishes", "Activity:上海线下面基", "Notesfortheweek", "Page1of"):
        assert expected in text, expected
    # Headings, labels, punctuation and the page footer are English: once the community's
    # own data is taken out, no Chinese is left.
    for data in sorted(WEEK_DATA, key=len, reverse=True):
        text = text.replace("".join(data.split()), "")
    assert not CJK.findall(text), "".join(CJK.findall(text))


def test_cli_print_week_follows_the_environment_language(db, db_path, tmp_path):
    build_week()
    out = tmp_path / "week-zh.pdf"
    result = run_cli("print-week", "--week", "2026-11-20", "--pdf", str(out), db_path=db_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "周计划" in text and "负责人" in text and "Owner" not in text


def test_cli_invalid_week_is_a_clear_error(db_path, tmp_path):
    result = run_cli("print-week", "--week", "2026-13-45", "--pdf", str(tmp_path / "x.pdf"),
                     db_path=db_path)
    assert result.returncode == 1  # a user error, per the CLI contract
    assert "2026-13-45" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_cli_missing_folder_exits_1(db, db_path, tmp_path):
    result = run_cli("print-week", "--pdf", str(tmp_path / "nope" / "x.pdf"), db_path=db_path)
    assert result.returncode == 1
    assert "nope" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_without_chinese_font_exits_1(qapp, db, db_path, tmp_path, monkeypatch, capsys):
    import main
    from ui.print import document

    monkeypatch.setattr(document, "cjk_family", lambda: None)
    out = tmp_path / "x.pdf"
    assert main.main(["--db", str(db_path), "print-week", "--pdf", str(out)]) == 1
    err = capsys.readouterr().err
    assert "中文" in err and "Traceback" not in err
    assert not out.exists()


def test_existing_pdf_kept_when_rendering_fails(qapp, db, tmp_path, monkeypatch):
    from ui.print import document

    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")

    def boom(*args, **kwargs):
        raise document.PrintError("failed")

    monkeypatch.setattr(document, "paint", boom)
    with pytest.raises(document.PrintError):
        document.render_pdf("<p>周计划</p>", out, title="t")
    assert out.read_bytes() == b"old"
    assert not list(tmp_path.glob(".*.tmp"))


def test_ensure_cjk_font_warns_before_printing(qapp, no_dialogs, monkeypatch):
    from ui.print import document

    assert document.ensure_cjk_font(None) is True and no_dialogs == []
    monkeypatch.setattr(document, "cjk_family", lambda: None)
    assert document.ensure_cjk_font(None) is False
    assert no_dialogs and no_dialogs[0][0] == "warn" and "中文" in no_dialogs[0][1]
    assert document.preview(None, "<p>中文</p>", title="t") is None
    assert document.print_dialog(None, "<p>中文</p>", title="t") is None


def test_rows_are_never_cut_by_a_page_break(qapp, tmp_path):
    from PySide6.QtGui import QPdfWriter, QTextTable

    from ui.print import document

    head = ("<thead><tr><th colspan='3' class='day'>周一</th></tr>"
            "<tr><th>时间</th><th>事项</th><th>负责人</th></tr></thead>")
    rows = "".join(f"<tr><td>{i}</td><td>第{i}行" + "很长的内容" * (i % 7) * 6
                   + "</td><td>张三</td></tr>" for i in range(90))
    html = f"<h1>清单</h1><table width='100%'>{head}{rows}</table><h2>结尾</h2><p>完</p>"
    writer = QPdfWriter(str(tmp_path / "rows.pdf"))
    writer.setPageLayout(document.page_layout())
    doc = document.build_document(html, writer)
    assert doc.pageCount() > 2
    layout, page_h = doc.documentLayout(), doc.pageSize().height()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) > 1  # continued as new tables, each with the heading rows
    seen = []
    for table in tables:
        assert table.format().headerRowCount() == 2
        assert table.cellAt(0, 0).firstCursorPosition().block().text() == "周一"
        for row in range(2, table.rows()):
            first = table.cellAt(row, 1).firstCursorPosition().block()
            last = table.cellAt(row, 1).lastCursorPosition().block()
            top = layout.blockBoundingRect(first).top()
            bottom = layout.blockBoundingRect(last).bottom()
            assert int(top // page_h) == int((bottom - 1) // page_h), first.text()[:8]
            seen.append(table.cellAt(row, 0).firstCursorPosition().block().text())
    assert seen == [str(i) for i in range(90)]  # nothing lost or repeated


def test_split_table_html():
    from ui.print.breaks import split_table as _split_table

    html = ('<p>x</p><table width="100%"><thead><tr><th>H</th></tr></thead>'
            "<tr><td>1</td></tr><tr><td>2</td></tr></table>")
    assert _split_table(html, 0, 2, 1) == (
        '<p>x</p><table width="100%"><thead><tr><th>H</th></tr></thead><tr><td>1</td></tr>'
        '</table><table width="100%" style="page-break-before: always">'
        "<thead><tr><th>H</th></tr></thead><tr><td>2</td></tr></table>")
    moved = _split_table(html, 0, 1, 1)  # the first row: the whole table moves instead
    assert moved.startswith('<p>x</p><table width="100%" style="page-break-before: always">')
    assert _split_table(moved, 0, 1, 1) is None
    assert _split_table(html, 0, 9, 1) is None


def test_a_table_moved_to_the_next_page_takes_its_heading_along(qapp, tmp_path):
    """The week's notes box (one tall row under its heading) near a page's foot: heading and
    box go to the next page together, never heading on one page and box on another."""
    from PySide6.QtGui import QPdfWriter, QTextTable

    from ui.print import document

    writer = QPdfWriter(str(tmp_path / "notes.pdf"))
    writer.setPageLayout(document.page_layout())
    notes = ('<h2>本周备注</h2><table width="100%" cellpadding="6"><tr><td>'
             + "<br/>" * 5 + "</td></tr></table>")
    seen_moves = 0
    for lines in range(30, 60):
        doc = document.build_document("<p>一行</p>" * lines + notes, writer)
        layout, page_h = doc.documentLayout(), doc.pageSize().height()
        heading = next(b for b in _blocks(doc) if b.text() == "本周备注")
        table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
        box = table.cellAt(0, 0).firstCursorPosition().block()
        heading_page = int(layout.blockBoundingRect(heading).top() // page_h)
        box_page = int(layout.blockBoundingRect(box).top() // page_h)
        assert heading_page == box_page, lines
        assert doc.pageCount() == box_page + 1, lines  # no blank page after it
        seen_moves += heading_page > 0
    assert seen_moves  # the range did reach the page's foot


def _blocks(doc):
    block = doc.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def test_split_table_moves_the_headings_above_a_whole_table():
    from ui.print.breaks import split_table as _split_table

    html = "<p>x</p><h2>逾期</h2>\n<h3>内容</h3><table><tr><td>1</td></tr></table>"
    assert _split_table(html, 0, 0, 0) == (
        '<p>x</p><h2 style="page-break-before: always">逾期</h2>\n<h3>内容</h3>'
        "<table><tr><td>1</td></tr></table>")
    assert _split_table(_split_table(html, 0, 0, 0), 0, 0, 0) is None
