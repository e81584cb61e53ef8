"""Roster export to .xlsx (styled) or .csv (UTF-8 with BOM), the shareable directory
(masked phones, chosen fields only) and the blank import template.

Every text cell is written as a string, never a formula: in .xlsx the cell type is
forced to text (with Excel's quote prefix on risky cells), in .csv a risky value gets a
leading apostrophe (the import strips it again). Files are written under a temporary
name and renamed, so a crash never leaves half a file under the real name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from models.members.cards import CARD_FIELDS
from models.members.lunar import lunar_words
from models.messages import msg
from models.progress import CancelFn, ProgressFn, check
from models.roster.mapping import CUSTOM, CUSTOM_MARK, target_label
from models.roster.refs import group_cell, inviter_cell
from models.store.db import chunks, database
from models.store.files import (
    FileProblem,
    check_writable_target,
    problem_from,
    replace_atomically,
    write_bytes,
)

DEFAULT_COLUMNS = (
    "name", "nickname", "wechat_name", "wechat_id", "phone", "qq", "email", "gender", "city", "birthday",
    "job_title", "industry", "company", "expertise", "needs", "hobbies", "family", "source",
    "inviter", "joined_on", "left_on", "next_contact_on", "entry_fee", "is_friend", "tags",
    "groups", "points", "level", "notes",
)
# What a shareable directory may contain at most (never notes, needs, family, fees...).
SHAREABLE = ("name", "nickname", "wechat_name", "phone", "wechat_id", "gender", "city", "job_title",
             "industry", "company", "expertise", "hobbies", "tags", "groups", "joined_on")
DEFAULT_SHARED = ("nickname", "city", "industry", "job_title", "company", "expertise", "phone")
TEMPLATE_COLUMNS = ("name", "nickname", "wechat_name", "wechat_id", "phone", "gender", "city", "company",
                    "job_title", "industry", "joined_on", "birthday", "source", "inviter",
                    "tags", "groups", "points", "notes")
TEMPLATE_EXAMPLE = {
    "name": "张三", "nickname": "三哥-杭州-设计", "wechat_name": "三哥🚀",
    "wechat_id": "zhangsan_2024", "phone": "13800138000",
    "gender": "男", "city": "杭州", "company": "某某科技", "job_title": "产品经理",
    "industry": "互联网", "joined_on": dt.date(2024, 3, 5), "birthday": dt.date(1990, 6, 1),
    "source": "朋友推荐", "inviter": "", "tags": "AI、创业", "groups": "", "points": 10,
    "notes": "",
}
WIDTHS = {"name": 12, "nickname": 16, "wechat_name": 16, "wechat_id": 18, "phone": 15, "notes": 40,
          "expertise": 24, "needs": 24, "tags": 22, "groups": 18, "company": 20,
          "email": 22, "hobbies": 20, "family": 20}
DATE_COLUMNS = {"birthday", "joined_on", "left_on", "next_contact_on"}
_RISKY = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What an .xlsx cell drops: the control characters above, and what XML 1.0 cannot hold
# at all (lone surrogates, U+FFFE/U+FFFF).
_XLSX_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class RosterError(Exception):
    """A bad export request (unknown tag or group, wrong extension, unwritable file)."""


# ---------------------------------------------------------------- values


def mask_phone(phone: str) -> str:
    """'13800138000' -> '138****8000'; short numbers keep only their last two digits."""
    if not phone:
        return ""
    if len(phone) >= 7:
        return phone[:3] + "****" + phone[-4:]
    return "*" * (len(phone) - 2) + phone[-2:]


def mask_id(text: str) -> str:
    if not text:
        return ""
    if len(text) <= 4:
        return text[0] + "***"
    return text[:2] + "***" + text[-2:]


def safe_text(value: str) -> str:
    """Control characters out (Excel cannot hold them, and they hide content)."""
    return _CONTROL.sub("", value)


def is_risky(value: str) -> bool:
    return value.startswith(_RISKY)


def csv_guarded(text: str) -> str:
    """A leading apostrophe before text a spreadsheet would run as a formula; text that
    already starts with apostrophes before such a character gets one more, so the import
    (which takes exactly one off) gives back what was typed: '=1 stays '=1."""
    return "'" + text if is_risky(text.lstrip("'")) else text


# ---------------------------------------------------------------- data


def _member_ids(tags: Sequence[str], group: str | None, member_ids: Iterable[int] | None
                ) -> list[int]:
    from models.members.groups import Group, Membership
    from models.members.tags import MemberTag, Tag

    where, params = [], []
    for name in tags:
        tag = Tag.get_or_none(Tag.name == name)
        if tag is None:
            raise RosterError(msg("export_unknown_tag", name=name))
        where.append(f"m.id IN (SELECT member_id FROM {MemberTag._meta.table_name} "
                     f"WHERE tag_id = ?)")
        params.append(tag.id)
    if group:
        found = Group.get_or_none(Group.name == group)
        if found is None:
            raise RosterError(msg("export_unknown_group", name=group))
        where.append(f"m.id IN (SELECT member_id FROM {Membership._meta.table_name} "
                     f"WHERE group_id = ?)")
        params.append(found.id)
    sql = "SELECT m.id FROM member m"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY m.sort_name, m.id"
    ids = [r[0] for r in database.execute_sql(sql, params)]
    if member_ids is not None:
        wanted = set(member_ids)
        order = {mid: i for i, mid in enumerate(member_ids)}
        ids = sorted((i for i in ids if i in wanted), key=order.__getitem__)
    return ids


def custom_field_names() -> list[str]:
    from models.members.cards import CustomField

    return [f.name for f in CustomField.select().order_by(CustomField.position, CustomField.id)]


def all_columns() -> list[str]:
    return [*DEFAULT_COLUMNS, *(CUSTOM + n for n in custom_field_names())]


def _rows(ids: list[int], columns: Sequence[str]) -> Iterable[dict[str, Any]]:
    """Member values by column, in blocks (tags, groups, custom values joined in)."""
    from models.members.contributions import level_for, thresholds

    levels = thresholds()
    card = [c for c in CARD_FIELDS if c != "inviter"] + ["lunar_birthday"]
    # An inviter whose name is not unique is written with their WeChat ID, phone or row
    # in this file (models.roster.refs), so importing the file finds the same person.
    who = {mid: (name, wid, phone) for mid, name, wid, phone in database.execute_sql(
        "SELECT id, name, wechat_id, phone FROM member")} if "inviter" in columns else {}
    name_count: dict[str, int] = defaultdict(int)
    for name, _, _ in who.values():
        name_count[name] += 1
    row_of = {mid: i + 2 for i, mid in enumerate(ids)}  # the header is row 1
    fields = {f: i for i, f in enumerate(custom_field_names())}
    for block in chunks(ids, 500):
        marks = ",".join("?" * len(block))
        cols = ",".join(f'"{c}"' for c in card)
        cursor = database.execute_sql(
            f"SELECT id, {cols}, inviter_id, points FROM member WHERE id IN ({marks})", block)
        by_id = {}
        for row in cursor:
            values = dict(zip(card, row[1:len(card) + 1], strict=True))
            inviter_id, points = row[-2], row[-1]
            if inviter_id is not None and inviter_id in who:
                name, wid, phone = who[inviter_id]
                values["inviter"] = inviter_cell(name, name_count[name] == 1, wid, phone,
                                                 row_of.get(inviter_id))
            values["points"] = points
            values["level"] = level_for(points, levels)
            values["tags"], values["groups"] = [], []
            by_id[row[0]] = values
        if "tags" in columns:
            for mid, tag in database.execute_sql(
                    f"SELECT mt.member_id, t.name FROM member_tag mt JOIN tag t ON t.id = "
                    f"mt.tag_id WHERE mt.member_id IN ({marks}) ORDER BY t.name", block):
                by_id[mid]["tags"].append(tag)
        if "groups" in columns:
            for mid, group, role in database.execute_sql(
                    f'SELECT ms.member_id, g.name, ms.role FROM membership ms JOIN "group" g ON '
                    f"g.id = ms.group_id WHERE ms.member_id IN ({marks}) "
                    f"ORDER BY g.position, g.name, g.id", block):
                by_id[mid]["groups"].append(group_cell(group, role))
        if any(c.startswith(CUSTOM) for c in columns) and fields:
            for mid, fname, value in database.execute_sql(
                    f"SELECT cv.member_id, cf.name, cv.value FROM custom_value cv JOIN "
                    f"custom_field cf ON cf.id = cv.field_id WHERE cv.member_id IN ({marks})",
                    block):
                by_id[mid][CUSTOM + fname] = value
        for mid in block:
            yield by_id[mid]


def _cell(column: str, values: dict[str, Any], masked: bool) -> Any:
    value = values.get(column)
    if column == "birthday" and values.get("lunar_birthday"):  # 农历生日, as owners write it
        return lunar_words(values["lunar_birthday"], value)
    if column in ("tags", "groups"):
        return "、".join(value or [])
    if value is None:
        return ""
    if column in DATE_COLUMNS:
        return dt.date.fromisoformat(str(value)[:10]) if value else ""
    if column == "is_friend":
        return "是" if value else "否"
    if column == "entry_fee":
        return Decimal(str(value)) if value != "" else ""
    if column == "points":
        return int(value)
    text = str(value)
    if masked:
        if column == "phone":
            return mask_phone(text)
        if column == "wechat_id":
            return mask_id(text)
    return text


def header_text(column: str) -> str:
    from models.messages import FIELD_LABELS

    if column.startswith(CUSTOM):
        return target_label(column) + CUSTOM_MARK
    return FIELD_LABELS.get(column, (column,))[0]  # Chinese headers, always (import reads both)


# ---------------------------------------------------------------- writing


def export_roster(out: Path, tags: Sequence[str] = (), group: str | None = None,
                  masked: bool = False, member_ids: Sequence[int] | None = None,
                  columns: Sequence[str] | None = None,
                  shared_fields: Sequence[str] | None = None,
                  progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None, title: str | None = None) -> int:
    """Write the chosen members to `out` (.xlsx or .csv); returns how many were written.
    The .xlsx sheet is named `title`, else after the group or tags chosen."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RosterError(msg("export_bad_format", file=out.name))
    ids = _member_ids(list(tags), group, list(member_ids) if member_ids is not None else None)
    if masked:
        chosen = [c for c in (shared_fields or DEFAULT_SHARED) if c in SHAREABLE]
        columns = chosen or list(DEFAULT_SHARED)
    else:
        columns = list(columns) if columns else all_columns()
    rows = (_line(columns, values, masked) for values in _rows(ids, columns))
    headers = [header_text(c) for c in columns]
    title = title or group or msg("list_join").join(tags) or None
    _write_file(out, headers, columns, rows, len(ids), progress, cancelled, title=title)
    return len(ids)


def _line(columns: Sequence[str], values: dict[str, Any], masked: bool) -> list[Any]:
    return [_cell(c, values, masked) for c in columns]


def export_template(out: Path) -> None:
    """A blank import template: the recognised headers and one example row."""
    out = Path(out)
    headers = [header_text(c) for c in TEMPLATE_COLUMNS]
    example = [TEMPLATE_EXAMPLE.get(c, "") for c in TEMPLATE_COLUMNS]
    _write_file(out.with_suffix(".xlsx"), headers, list(TEMPLATE_COLUMNS), iter([example]), 1,
                None, None, title=None, note=msg("template_example_note"))


def _write_file(out: Path, headers: list[str], columns: Sequence[str],
                rows: Iterable[list[Any]], total: int, progress: ProgressFn | None,
                cancelled: CancelFn | None, title: str | None, note: str = "") -> None:
    try:
        check_writable_target(out)
        if out.suffix.lower() == ".csv":
            with replace_atomically(out) as tmp:
                _write_csv(tmp, headers, rows, total, progress, cancelled)
        else:
            # The workbook is built in memory and written whole by us (write_bytes:
            # temporary name, fsync, rename), so a full disk never leaves half a file.
            buffer = io.BytesIO()
            try:
                _write_xlsx(buffer, headers, columns, rows, total, progress, cancelled, note,
                            title)
            except OSError as exc:  # the cells' source failed (the disk, the database)
                raise problem_from(exc, out) from exc
            write_bytes(out, buffer.getvalue())
    except FileProblem as exc:
        raise RosterError(str(exc)) from exc


def _csv_value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return csv_guarded(safe_text(str(value)))


def _write_csv(path: Path, headers: list[str], rows: Iterable[list[Any]], total: int,
               progress: ProgressFn | None, cancelled: CancelFn | None) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for n, row in enumerate(rows, 1):
            writer.writerow([_csv_value(v) for v in row])
            if n % 1000 == 0:
                check(cancelled)
                if progress:
                    progress(n, total)


def text_width(text: str) -> int:
    """Display width in Excel character units: CJK (wide) characters count double."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


MAX_CELL = 32_767  # Excel's limit on a cell's text


def _xlsx_text(text: str) -> str:
    """Text as an .xlsx cell holds it: nothing XML cannot hold (control characters,
    lone surrogates), at most Excel's 32,767 characters (a longer note is cut there, as
    Excel itself would). The writer stores it as an inline string, escaped: markup in a
    cell ("<r>...</r>") stays text."""
    return _XLSX_DROP.sub("", text)[:MAX_CELL]


def _xlsx_value(value: Any) -> Any:
    """A cell as the writer takes it: text, a number, a day, or None for an empty cell.
    Text is always a string cell, never a formula, number or link."""
    kind = type(value)
    if kind is str:
        return _xlsx_text(value) if value else None
    if value is None or kind is bool or kind is int or kind is float:
        return value
    if kind is Decimal:
        return float(value)
    if isinstance(value, dt.datetime):  # the day is what counts
        return value.date()
    if isinstance(value, (dt.date, int, float)):
        return value
    return _xlsx_text(str(value))


def _formats(columns: Sequence[str]) -> tuple[Any, list[Any]]:
    """The header's format and each column's (rustpy_xlsxwriter Format objects). Text
    columns are text ("@") with Excel's quote prefix, so a cell that looks like a formula
    (=, +, -, @) stays text when the owner edits it later, and wrap at the column's
    width: a line break typed in any field shows, and nothing is cut off on paper (the
    writer formats whole columns, not single cells)."""
    from rustpy_xlsxwriter import Format

    def base() -> Any:
        return Format().set_font_name("等线").set_font_scheme("none").set_font_size(11)

    header = (base().set_bold().set_font_color("#FFFFFF").set_background_color("#2F6FEB")
              .set_pattern("solid").set_num_format("@").set_align("vcenter"))
    date = base().set_num_format("yyyy-mm-dd")
    money = base().set_num_format_index(2)
    number = base()
    text = base().set_num_format("@").set_quote_prefix().set_text_wrap().set_align("top")
    out = []
    for column in columns:
        out.append(date if column in DATE_COLUMNS else money if column == "entry_fee"
                   else number if column == "points" else text)
    return header, out

PAGE_SETUP = {  # A4 landscape, every column on the page's width, the header on every
    "paper_size": 9, "landscape": True, "fit_to_pages": (1, 0), "repeat_rows": 0,
    "print_gridlines": True,  # page, page numbers: a sign-in sheet without setup
    "margins": {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6},
    "header": "&C&A", "footer": "&C&P / &N",
}


_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str | None) -> str:
    """A sheet name Excel accepts: 31 characters at most, none of []:*?/\\."""
    name = _SHEET_NAME_BAD.sub(" ", title or "").strip().strip("'")[:31].strip()
    return name if name and name.lower() != "history" else "名单"


def _unique(headers: Sequence[str]) -> list[str]:
    """Header texts as record keys: a repeated one gets a space more (never happens for
    the roster's own columns; a caller's table may repeat a header)."""
    seen: set[str] = set()
    out = []
    for header in headers:
        while header in seen:
            header += " "
        seen.add(header)
        out.append(header)
    return out


def _write_xlsx(path: Path | BinaryIO, headers: list[str], columns: Sequence[str],
                rows: Iterable[list[Any]], total: int, progress: ProgressFn | None,
                cancelled: CancelFn | None, note: str = "", title: str | None = None) -> None:
    """A styled workbook via rustpy-xlsxwriter (rust_xlsxwriter underneath, constant
    memory: each row is written out as the next one comes; ~6x XlsxWriter's speed).
    Rows come from a generator that checks for Cancel and reports progress every 1,000
    rows; an exception there (Cancelled, a full disk) ends the write with nothing kept."""
    from rustpy_xlsxwriter import FastExcel

    keys = _unique([_xlsx_text(h) for h in headers])
    widths = [float(max(WIDTHS.get(c, 12 if c in DATE_COLUMNS else 11), text_width(h) + 2))
              for c, h in zip(columns, headers, strict=True)]
    header_format, column_formats = _formats(columns)

    def records() -> Iterator[dict[str, Any]]:
        for n, row in enumerate(rows, 1):
            yield dict(zip(keys, map(_xlsx_value, row), strict=True))
            if n % 1000 == 0:
                check(cancelled)
                if progress:
                    progress(n, total)
        check(cancelled)

    name = sheet_name(title)
    book = FastExcel(path).freeze(row=1, sheet=name)
    book.sheet(name, records(), column_widths=widths, column_formats=column_formats,
               header_format=header_format, autofilter=True, page_setup=PAGE_SETUP)
    if note:  # on a sheet of its own: a note row on the roster sheet would be imported
        book.sheet("说明", iter([{_xlsx_text(note): None}]), column_widths=[60.0],
                   header_format=_formats(["notes"])[1][0])  # plain wrapped text in A1
    try:
        book.save()
    except RuntimeError as exc:  # the writer's own failure, e.g. a sheet it refused
        raise OSError(str(exc)) from exc


def export_table(out: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain table (the import's problem list) as .xlsx or .csv, written safely."""
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        out = out.with_suffix(".xlsx")
    _write_file(out, list(headers), [""] * len(headers), (list(r) for r in rows), 0,
                None, None, title=None)
