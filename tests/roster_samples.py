"""Real-looking roster files built at test time (and by the benchmark).

Each builder writes one file into a folder and returns its path. Hostile files are
built here too: zip and entity bombs, encrypted containers, renamed HTML, truncated
archives, sheets claiming a million rows.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEADERS = ["姓名", "群昵称", "微信号", "手机号", "性别", "城市", "公司", "职位", "行业",
           "入群时间", "生日", "标签", "来源", "积分", "备注"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国文博思远晓婷雨欣子涵浩然一鸣嘉怡俊"


def titled_xlsx(folder: Path) -> Path:
    """Title row merged over the sheet, a two-row header (group labels merged above),
    numeric phones, a serial date, text dates, a 合计 row, a blank row, a formula."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "成员名单"
    ws["A1"] = "AI 实战派社群成员名单"
    ws.merge_cells("A1:H1")
    ws.append(["姓名", "基本信息", None, "联系方式", None, "入群时间", "标签", "备注"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:E2")
    ws.append([None, "群昵称", "城市", "手机号", "微信号", None, None, None])
    ws.append(["张三", "三哥🚀", "杭州", 13800138000, "zhangsan_01", dt.date(2024, 3, 5),
               "AI，创业、读书", "老朋友"])
    ws.append(["李四", "小李", "北京", "+86 139-0013-9000", "lisi_2024", "2024年3月5日",
               "宝妈;亲子", "=A5&\"的备注\""])
    ws.append([None] * 8)
    ws.append(["王五", "\u200b王五\u3000", "上海", "０１３８００１３８００２", "ｗａｎｇｗｕ_88",
               45356, "运营|社群\n读书", ""])
    ws.append(["赵六", "", "成都", "13800138003", "zhaoliu_99", "03/05/2024", "", ""])
    ws.append(["合计", "4 人", None, None, None, None, None, None])
    path = folder / "titled.xlsx"
    wb.save(path)
    _cache_formula(path, "H5", "李四的备注")
    return path


def _cache_formula(path: Path, ref: str, value: str) -> None:
    """openpyxl writes formulas without a cached result; Excel always stores one."""
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                text = body.decode()
                text = re.sub(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?',
                              rf'<c r="{ref}" t="str"><f>\2</f><v>{value}</v>', text)
                body = text.encode()
            dst.writestr(info, body)
    path.write_bytes(out.getvalue())


def mac1904_xlsx(folder: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["姓名", "微信号", "入群时间"])
    ws.append(["孙七", "sunqi_001", 43894])  # 1904 system: 2024-03-05 (1900: 2020-03-04)
    path = folder / "mac1904.xlsx"
    wb.save(path)
    return path


# Varied names, as a real roster has them: ~130 surnames (compound ones too), given
# names from the 3,755 common characters (GB2312 level 1), nicknames in Chinese, English,
# with emoji. Thousands of different words, where the pools above hold a few dozen.
COMMON = [bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF)
          if (hi, lo) < (0xD7, 0xFA)]
MANY_SURNAMES = [*"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁"
                 "蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯"
                 "江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯"
                 "庄单解仇朴区查翟乐", "欧阳", "司马", "诸葛", "上官", "尉迟", "慕容"]
ENGLISH = ["Amy", "Tom", "Lily", "Jack", "Coco", "Kevin", "Sunny", "Leo", "Grace", "Momo"]


def varied_name(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(MANY_SURNAMES) + "".join(rng.choice(COMMON)
                                               for _ in range(rng.choice((1, 2, 2, 2))))
    kind = rng.random()
    nickname = ("" if kind < 0.3 else
                f"{rng.choice(ENGLISH)}{rng.randint(1, 99)}" if kind < 0.5 else
                "".join(rng.choice(COMMON) for _ in range(rng.randint(2, 4)))
                + rng.choice(["", "🚀", "🌸", "☀️", "🍀"]) if kind < 0.8 else "小" + name[-1])
    return name, nickname


def roster_xlsx(path: Path, rows: int, seed: int = 1, title: bool = True,
                varied: bool = False) -> Path:
    """A 15-column roster of `rows` members (benchmark and volume tests); `varied`: names
    and nicknames as varied as a real roster's (else from small pools)."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("成员")
    if title:
        ws.append(["XX社群成员名单"])
    ws.append(HEADERS)
    for i in range(rows):
        if varied:
            name, nickname = varied_name(rng)
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN)
                                                  for _ in range(rng.randint(1, 2)))
            nickname = rng.choice(["", "小" + name[1:], name + "😀", f"Amy{i % 50}"])
        ws.append([
            name, nickname,
            f"wx_user{i:06d}", 13800000000 + i, rng.choice("男女"),
            rng.choice(["北京", "上海", "深圳", "杭州", "成都"]), "某某科技有限公司", "产品经理",
            "互联网", dt.date(2023, 1, 1) + dt.timedelta(days=i % 600),
            dt.date(1990, 1, 1) + dt.timedelta(days=i % 3000),
            rng.choice(["AI，创业", "读书、跑步", "宝妈;亲子", ""]),
            rng.choice(["朋友推荐", "公众号", "小红书"]), i % 300, f"备注{i % 7}",
        ])
    wb.save(path)
    return path


def with_dimension(path: Path, out: Path) -> Path:
    """The same roster with the sheet's <dimension> element, as Excel, WPS and
    LibreOffice write one and openpyxl's write-only mode does not (openpyxl's read-only
    reader reads a sheet without it twice: once to look for it). The cells stay inline
    strings, as openpyxl writes them."""
    openpyxl.load_workbook(path).save(out)
    return out


def as_excel_writes(path: Path, out: Path) -> Path:
    """The same roster written the way Excel writes a sheet: the text in the shared
    string table (cells hold its index), a <dimension> and row spans, dates as numbers
    with a date format. Written by XlsxWriter, which writes sheets as Excel does."""
    import xlsxwriter

    source = openpyxl.load_workbook(path, read_only=True)
    book = xlsxwriter.Workbook(str(out), {"strings_to_numbers": False,
                                          "strings_to_formulas": False,
                                          "strings_to_urls": False})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for sheet in source.worksheets:
        target = book.add_worksheet(sheet.title)
        for r, row in enumerate(sheet.iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    target.write_datetime(r, c, value, day)
                elif value is not None:
                    target.write(r, c, value)
    source.close()
    book.close()
    return out


CSV_TEXT = ("姓名,微信号,手机号,标签,备注\r\n"
            "张三,zhangsan_01,13800138000,\"AI，创业\",\"第一行\n第二行\"\r\n"
            "李四,lisi_2024,0086-139-0013-9000,读书,普通\r\n")


def csv_file(folder: Path, name: str, encoding: str, text: str = CSV_TEXT) -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


# ---------------------------------------------------------------- hostile files


def zip_bomb(folder: Path) -> Path:
    """A workbook whose sheet inflates to 300 MB of zeros (declared honestly)."""
    path = folder / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"0" * (1 << 20)
            for _ in range(300):
                fh.write(block)
    return path


def entity_bomb(folder: Path) -> Path:
    src = titled_xlsx(folder)
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
           '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
           )
    path = folder / "entities.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(r"^<\?xml[^>]*>", "", body.decode())
                text = text.replace("老朋友", "&lol3;")
                body = (lol + text).encode()
            zout.writestr(info, body)
    return path


def encrypted_ole(folder: Path) -> Path:
    """What Excel saves for a password-protected .xlsx: an OLE file with EncryptionInfo."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    path = folder / "secret.xlsx"
    path.write_bytes(head + b"\x00" * 512 + directory + b"\x00" * 2048)
    return path


def encrypted_xlsx(folder: Path, password: str = "secret123", name: str = "加密名单.xlsx") -> Path:
    """A real password-protected workbook, as Excel saves one (ECMA-376 agile encryption
    in an OLE container), made from an ordinary roster with msoffcrypto-tool."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "微信号", "手机号"])
    wb.active.append(["张三", "zhangsan_01", "13800138000"])
    wb.active.append(["李四", "lisi_2024", "13900139000"])
    wb.save(plain)
    plain.seek(0)
    path = folder / name
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt(password, out)
    return path


def renamed_html(folder: Path) -> Path:
    path = folder / "export.xls"
    path.write_text("<html><body><table><tr><td>姓名</td></tr><tr><td>张三</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    return path


def truncated_xlsx(folder: Path) -> Path:
    src = titled_xlsx(folder)
    path = folder / "truncated.xlsx"
    data = src.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def huge_dimension(folder: Path) -> Path:
    """Two real rows and a stray cell on the last row Excel has (1,048,576)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "微信号"])
    ws.append(["张三", "zhangsan_01"])
    ws["A1048576"] = "x"
    path = folder / "stray.xlsx"
    wb.save(path)
    return path


def claimed_million(folder: Path) -> Path:
    """A sheet whose <dimension> claims a million rows though it holds two."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "微信号"])
    ws.append(["张三", "zhangsan_01"])
    src = folder / "claim_src.xlsx"
    wb.save(src)
    path = folder / "claim.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                body = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', body)
            zout.writestr(info, body)
    return path
