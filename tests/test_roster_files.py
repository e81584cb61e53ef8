"""Reading roster files: formats by content, encodings, separators, hostile files."""

from __future__ import annotations

import datetime as dt
import io
import resource
import time
from pathlib import Path

import openpyxl
import pytest
import roster_samples as S

from models.members.cards import Member
from models.roster.batch import ImportBatch
from models.roster.importer import RosterError, import_roster, preview
from models.roster.plan import build_plan, read_plan

FIXTURES = Path(__file__).parent / "fixtures" / "roster"


def test_title_rows_merged_two_row_header_and_summary_rows(db, tmp_path):
    plan = build_plan(S.titled_xlsx(tmp_path))
    assert plan.header_row == 3  # the two-row header ends on row 3
    assert plan.headers[:5] == ["姓名", "群昵称", "城市", "手机号", "微信号"]
    assert [r.row for r in plan.rows] == [4, 5, 7, 8]  # blank row 6 and 合计 row 9 skipped
    assert plan.skipped_rows == 2
    zhang, li, wang, zhao = plan.rows
    assert zhang.values["phone"] == "13800138000"  # stored as a number in the sheet
    assert zhang.values["nickname"] == "三哥🚀"  # emoji kept
    assert zhang.tags == ["AI", "创业", "读书"]
    assert li.values["phone"] == "13900139000"  # +86 and dashes
    assert li.values["joined_on"] == dt.date(2024, 3, 5)  # 2024年3月5日
    assert li.values["notes"] == "李四的备注"  # formula read by its cached value
    assert wang.values["joined_on"] == dt.date(2024, 3, 5)  # Excel serial 45356
    assert wang.values["nickname"] == "王五"  # zero-width and ideographic space cleaned
    assert wang.values["wechat_id"] == "wangwu_88"  # full-width folded
    assert wang.values["phone"] == "013800138002"  # leading zero kept
    assert wang.tags == ["运营", "社群", "读书"]  # | and newline split
    assert "joined_on" not in zhao.values  # 03/05/2024 is ambiguous: flagged, not guessed
    assert [p.row for p in zhao.problems] == [8]
    assert "03/05/2024" in zhao.problems[0].message


def test_1904_date_system(db, tmp_path):
    plan = build_plan(S.mac1904_xlsx(tmp_path))
    assert plan.rows[0].values["joined_on"] == dt.date(2024, 3, 5)


@pytest.mark.parametrize("name", ["titled_libreoffice.xlsx", "titled_libreoffice.xls"])
def test_files_written_by_libreoffice(db, name):
    plan = build_plan(FIXTURES / name)
    assert plan.book.kind == name.rsplit(".", 1)[1]
    assert [r.values["name"] for r in plan.rows] == ["张三", "李四", "王五", "赵六"]
    assert [r.row for r in plan.rows] == [4, 5, 7, 8]
    assert plan.rows[0].values["phone"] == "13800138000"
    assert plan.rows[2].values["joined_on"] == dt.date(2024, 3, 5)
    if name.endswith("xlsx"):
        assert plan.rows[1].values["notes"] == "李四的备注"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16",
                                      "utf-16-le"])
def test_csv_encodings(db, tmp_path, encoding):
    plan = build_plan(S.csv_file(tmp_path, "r.csv", encoding))
    assert [r.values["name"] for r in plan.rows] == ["张三", "李四"]
    assert plan.rows[0].values["notes"] == "第一行\n第二行"  # multi-line cell
    assert plan.rows[0].tags == ["AI", "创业"]
    assert plan.rows[1].values["phone"] == "13900139000"  # 0086 prefix
    assert [r.row for r in plan.rows] == [2, 3]


@pytest.mark.parametrize(("name", "text"), [
    ("semi.csv", S.CSV_TEXT.replace(",", ";")),
    ("tab.txt", S.CSV_TEXT.replace(",", "\t")),
    ("sep.csv", "sep=|\r\n" + S.CSV_TEXT.replace(",", "|")),
])
def test_csv_separators(db, tmp_path, name, text):
    plan = build_plan(S.csv_file(tmp_path, name, "utf-8", text))
    assert [r.values["wechat_id"] for r in plan.rows] == ["zhangsan_01", "lisi_2024"]
    if name == "sep.csv":
        assert [r.row for r in plan.rows] == [3, 4]  # the sep= line is row 1


def test_csv_renamed_to_xlsx_is_read_and_reported(db, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(S.CSV_TEXT.encode("gbk"))
    plan = build_plan(path)
    assert len(plan.rows) == 2
    assert any(".xlsx" in n and "CSV" in n for n in plan.notices)


def test_sheet_choice(db, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["这是说明页"])
    ws = wb.create_sheet("名单")
    ws.append(["姓名", "手机号"])
    ws.append(["张三", "13800138000"])
    other = wb.create_sheet("第二批")
    other.append(["姓名", "微信号"])
    other.append(["李四", "lisi_2024"])
    wb.save(tmp_path / "multi.xlsx")
    assert read_plan(tmp_path / "multi.xlsx").sheet.name == "名单"  # first with a header
    plan = build_plan(tmp_path / "multi.xlsx", sheet="第二批")
    assert plan.rows[0].values["name"] == "李四"
    with pytest.raises(RosterError, match="没有工作表"):
        import_roster(tmp_path / "multi.xlsx", sheet="没有这页")


def _refused(db_path, path, pattern):
    before = Member.select().count()
    start = time.perf_counter()
    with pytest.raises(RosterError, match=pattern):
        import_roster(path, db_path=db_path)
    assert Member.select().count() == before  # zero rows written
    return time.perf_counter() - start


@pytest.mark.parametrize(("builder", "pattern"), [
    (S.zip_bomb, "异常巨大"),
    (S.entity_bomb, "不安全的 XML"),
    (S.encrypted_ole, "密码"),
    (S.renamed_html, "网页"),
    (S.truncated_xlsx, "损坏"),
])
def test_hostile_files_refused_with_nothing_written(db, db_path, tmp_path, builder, pattern):
    path = builder(tmp_path)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(db_path, path, pattern)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < 100  # bounded memory: nothing was inflated


@pytest.mark.parametrize("name", ["加密名单.xlsx", "renamed.xls", "no_extension"])
def test_real_password_protected_xlsx_refused(db, db_path, tmp_path, name):
    import msoffcrypto

    from models import messages

    path = S.encrypted_xlsx(tmp_path, password="secret123", name=name)
    with path.open("rb") as fh:  # really encrypted, and really the roster inside
        office = msoffcrypto.OfficeFile(fh)
        assert office.is_encrypted()
        office.load_key(password="secret123")
        plain = io.BytesIO()
        office.decrypt(plain)
    assert list(openpyxl.load_workbook(plain).active.values)[1][0] == "张三"
    _refused(db_path, path, f"“{name}”设置了打开密码")
    messages.set_language("en")
    with pytest.raises(RosterError, match=f"“{name}” is password-protected"):
        import_roster(path, db_path=db_path)
    assert Member.select().count() == 0 and ImportBatch.select().count() == 0


def test_dimension_claiming_a_million_rows_is_not_trusted(db, tmp_path):
    plan = build_plan(S.claimed_million(tmp_path))
    assert [r.values["name"] for r in plan.rows] == ["张三"]
    assert len(plan.sheet.rows) == 2


def test_broken_csvs(db, db_path, tmp_path):
    _refused(db_path, S.csv_file(tmp_path, "q.csv", "utf-8", S.CSV_TEXT + '王五,"wangwu_1,13\r\n'),
             "未闭合的引号")
    (tmp_path / "bytes.csv").write_bytes("姓名\r\n张三\r\n".encode("gbk") + b"\xff\xfe\xfa\r\n")
    _refused(db_path, tmp_path / "bytes.csv", "第 3 行.*编码")
    (tmp_path / "long.csv").write_text("姓名,备注\n张三," + "x" * 40000 + "\n", encoding="utf-8")
    _refused(db_path, tmp_path / "long.csv", "太长")
    (tmp_path / "nul.csv").write_bytes(("姓名,备注\n" + "张三,x\x00y\x00z\x00\n" * 50).encode())
    _refused(db_path, tmp_path / "nul.csv", "控制字符")  # binary, not a table with a NUL
    (tmp_path / "empty.csv").write_bytes(b"")
    _refused(db_path, tmp_path / "empty.csv", "空文件")
    (tmp_path / "pic.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    _refused(db_path, tmp_path / "pic.xlsx", "不是表格")


def test_control_characters_inside_cells_are_removed(db, tmp_path):
    path = S.csv_file(tmp_path, "c.csv", "utf-8", "姓名,备注\n张\x07三,ok\x1b\n")
    plan = build_plan(path)
    assert plan.rows[0].values == {"name": "张三", "notes": "ok"}


def test_over_long_xlsx_cell_refused(db, db_path, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "备注"])
    wb.active.append(["张三", "x" * 32767])
    wb.active["B2"].value = "x" * 32767
    path = tmp_path / "long.xlsx"
    wb.save(path)
    # 32,767 is Excel's own limit: accepted here, and kept whole in the notes
    plan = build_plan(path)
    assert plan.rows[0].status == "new" and plan.rows[0].values["notes"] == "x" * 32767
    assert plan.rows[0].problems == []


def test_first_over_long_cell_in_reading_order_is_named(db, db_path, tmp_path):
    """Rows are converted a column at a time; the refusal still names the first too-long
    cell as the owner reads the sheet (top row first), not the first column's."""
    long = "y" * 32768
    text = f"姓名,城市,备注\n张三,杭州,{long}\n李四,{long},ok\n"
    path = S.csv_file(tmp_path, "long.csv", "utf-8", text)
    with pytest.raises(RosterError) as found:
        preview(path)
    assert "第 2 行" in str(found.value) and "备注" in str(found.value)
    assert "城市" not in str(found.value)
