"""LibreOffice's own format, .ods, is read like .xlsx (by calamine), after the same kind of
checks: repeated rows and cells are counted with their repeats."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from models.members.cards import Member
from models.roster.importer import RosterError, import_roster

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def cell(text: str, repeat: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell office:value-type="string"{times}><text:p>{text}</text:p>'
            "</table:table-cell>")


def row(*cells: str, repeat: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


def ods(path: Path, rows: list[str], name: str = "名单", manifest: str = "<manifest/>") -> Path:
    # What LibreOffice ends every sheet with: an empty row repeated to the last one.
    tail = ('<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f'<office:body><office:spreadsheet><table:table table:name="{name}">'
               f'{"".join(rows)}{tail}</table:table></office:spreadsheet></office:body>'
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def test_an_ods_roster_imports(db, tmp_path):
    path = ods(tmp_path / "名单.ods", [row(cell("姓名"), cell("微信号"), cell("城市")),
                                      row(cell("张三"), cell("zhangsan_01"), cell("杭州")),
                                      row(cell("李四"), cell("lisi_2024"), cell("北京"))])
    report = import_roster(path)
    assert (report.sheet, report.created) == ("名单", 2)
    assert sorted((m.name, m.city) for m in Member.select()) == [("张三", "杭州"), ("李四", "北京")]


def test_an_ods_renamed_xlsx_is_read_as_what_it_is(db, tmp_path):
    path = ods(tmp_path / "renamed.xlsx", [row(cell("姓名")), row(cell("张三"))])
    report = import_roster(path)
    assert report.created == 1
    assert report.notices[0] == ("注意：“renamed.xlsx”的扩展名是 .xlsx，但内容其实是 OpenDocument "
                                 "(.ods)，已按 OpenDocument (.ods) 读取")


@pytest.mark.parametrize(("rows", "pattern"), [
    ([row(cell("姓名")), row(cell("张三"), repeat=300_000)], "有 300001 行内容"),
    ([row(cell("姓名"), cell("x", repeat=500))], "延伸到第 .* 列"),
    ([row(cell("姓名"), cell("x", repeat=150)), row(cell("张三"), repeat=20_000)], "太大"),
])
def test_repeats_are_counted_before_calamine_reads(db, tmp_path, rows, pattern):
    with pytest.raises(RosterError, match=pattern):
        import_roster(ods(tmp_path / "big.ods", rows))


def test_another_opendocument_file_is_not_a_table(db, tmp_path):
    path = tmp_path / "letter.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(RosterError, match="不是表格文件"):
        import_roster(path)


def test_a_password_protected_ods_says_so(db, tmp_path):
    manifest = ('<manifest:manifest><manifest:file-entry><manifest:encryption-data '
                'manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>')
    path = ods(tmp_path / "secret.ods", [row(cell("姓名")), row(cell("张三"))],
               manifest=manifest)
    with pytest.raises(RosterError, match="设置了打开密码"):
        import_roster(path)
