"""Matching planned rows against the workspace's members and earlier rows of the
file: new, update, duplicate, or refused, under the owner's duplicate policy."""

from __future__ import annotations

import re
from typing import Any

from models.members.cards import CARD_FIELDS
from models.members.phones import mobile_digits, phone_digits, phone_kind
from models.messages import field_label, msg
from models.progress import CancelFn, check
from models.roster.rowplan import ImportPlan, Problem
from models.store.db import chunks, database

MODES = ("merge", "overwrite", "skip", "new")
_LOOSE = re.compile(r"[\s\W_]+")


def phone_key(written: str | None) -> str:
    """What two phone numbers are compared by: a mobile's digits, a landline's digits
    however it is written; nothing for text that is no number ("不方便留" twice is not
    one person)."""
    if not written:
        return ""
    if written.isdigit() and len(written) == 11:  # a mobile, as stored: the usual case
        return written
    kind = phone_kind(written)
    if kind == "mobile":
        return mobile_digits(written) or written
    return phone_digits(written) if kind else ""


def _loose(text: str) -> str:
    return _LOOSE.sub("", text or "").casefold()


def match_rows(plan: ImportPlan, on_duplicate: str = "merge",
               cancelled: CancelFn | None = None) -> None:
    """Set each row's status against the database and against earlier rows of the file."""
    if on_duplicate not in MODES:
        raise ValueError(on_duplicate)
    plan.on_duplicate = on_duplicate
    by_wechat: dict[str, int] = {}
    by_phone: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    by_loose: dict[str, int] = {}
    info: dict[int, tuple[str, str, str, str]] = {}
    cursor = database.execute_sql("SELECT id, name, nickname, wechat_id, phone, wechat_name "
                                  "FROM member")
    for mid, name, nick, wid, written, wechat_name in cursor:
        phone = phone_key(written)
        info[mid] = (name, nick, wid or "", phone)
        if wid:
            by_wechat.setdefault(wid.lower(), mid)
        if phone:
            by_phone.setdefault(phone, mid)
        by_name.setdefault(name, []).append(mid)
        for key in (_loose(name), _loose(nick), _loose(wechat_name)):
            if key:
                by_loose.setdefault(key, mid)
    seen_wechat: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    for i, row in enumerate(plan.rows):
        if i % 5000 == 0:
            check(cancelled)
        row.match_id, row.match_by, row.note = None, "", ""
        if row.problems and any(p.stage == "match" for p in row.problems):  # earlier policy
            row.problems = [p for p in row.problems if p.stage != "match"]
        if row.problems and any(p.level == "error" for p in row.problems):
            row.status = "error"
            continue
        v = row.values
        wid = (v.get("wechat_id") or "").lower()
        phone = phone_key(v.get("phone"))
        earlier = (wid and seen_wechat.get(wid)) or (phone and seen_phone.get(phone))
        if earlier:
            row.status, row.note = "duplicate", msg("dup_in_file", row=earlier)
            continue
        if wid:
            seen_wechat[wid] = row.row
        if phone:
            seen_phone[phone] = row.row
        match, by = None, ""
        if wid and wid in by_wechat:
            match, by = by_wechat[wid], "wechat_id"
        elif phone and phone in by_phone:
            match, by = by_phone[phone], "phone"
        else:
            for mid in by_name.get(v.get("name", ""), []):
                _, _, m_wid, m_phone = info[mid]
                if (wid and m_wid and m_wid.lower() != wid) or (phone and m_phone
                                                                 and m_phone != phone):
                    continue  # same name, different person: only flagged below
                match, by = mid, "name"
                break
        row.match_id, row.match_by = match, by
        if match is None:
            row.status = "new"
            likely = by_loose.get(_loose(v.get("name", ""))) or by_loose.get(
                _loose(v.get("nickname", ""))) or by_loose.get(_loose(v.get("wechat_name", ""))
                ) if by_loose else None  # an empty workspace: no loose keys to work out
            if likely:
                row.note = msg("likely_duplicate", name=info[likely][0])
        elif on_duplicate == "skip":
            row.status, row.note = "duplicate", msg("dup_existing", name=info[match][0],
                                                    by=field_label(by))
        elif on_duplicate == "new":
            if by == "wechat_id":
                row.status = "error"
                row.problems.append(Problem(plan.sheet.name, row.row, field_label("wechat_id"),
                                            msg("dup_wechat", value=v["wechat_id"],
                                                other=info[match][0]), stage="match"))
            else:
                row.status, row.match_id = "new", None
                row.note = msg("likely_duplicate", name=info[match][0])
        else:
            row.status = "update"
            row.note = msg("dup_existing", name=info[match][0], by=field_label(by))


def existing_rows(ids: list[int]) -> dict[int, dict[str, Any]]:
    from models.members.cards import Member

    out: dict[int, dict[str, Any]] = {}
    for batch in chunks(ids):
        for member in Member.select().where(Member.id.in_(batch)):
            out[member.id] = {f: getattr(member, f) for f in CARD_FIELDS if f != "inviter"}
            out[member.id]["points"] = member.points
            out[member.id]["lunar_birthday"] = member.lunar_birthday
    return out
