"""群接龙 -> sign-ups and check-ins: the preview (plan) and the one write (apply).

`plan(activity, text, mode)` reads the pasted 接龙 (models.activities.jielong_parse), finds
each line's member (models.activities.jielong_match) and compares with what the activity
already holds. The owner then sets each row's choice (a candidate, a new card, or skip)
and `apply` writes the lot in one transaction with one undo entry.

Pasting the same 接龙 again later: a line the activity has already taken (its key is
on a sign-up) changes nothing; a new line signs its member up, or updates the companions
and remark of a member already signed up (someone edited their line); sign-ups whose
line is gone and whose member is on no line any more are listed as vanished, and are
removed only if the owner says so.

mode "checkin" (a 签到接龙 on the day) checks the members in through
models.activities.signups.check_in (attendance points included; members who did not sign
up are signed up on the spot); vanished check-ins are undone only on request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from models.activities import signups
from models.activities.activity import ActivityGone
from models.activities.jielong_match import (
    AMBIGUOUS,
    MATCHED,
    MAYBE,
    UNKNOWN,
    Candidate,
    MemberIndex,
    decide,
)
from models.activities.jielong_parse import Entry, Parsed, line_key, parse, segments
from models.activities.tables import Activity, SignUp
from models.members.cards import Member, ValidationError, save_member
from models.members.contributions import Contribution
from models.messages import MESSAGES, msg
from models.store import undo
from models.store.db import database, tuples

Mode = Literal["signup", "checkin"]
KNOWN = "known"  # match code: the activity took this very line before
SOURCE = "群接龙"  # the 来源渠道 of a card made from a 接龙 line

# What applying a row does (effects()), for the preview's last column.
SIGN_UP, UPDATE, ALREADY, CHECK_IN, WALK_IN, NEW_MEMBER, DUPLICATE, SKIP, NONE = (
    "sign_up", "update", "already", "check_in", "walk_in", "new_member", "duplicate", "skip",
    "none")

MESSAGES.update({
    "undo_jielong_signups": ("粘贴接龙：{n} 人报名", "Pasted sign-up list: {n} {n|sign-up|sign-ups}"),
    "undo_jielong_checkins": ("粘贴签到接龙：{n} 人签到",
                              "Pasted check-in list: {n} {n|check-in|check-ins}"),
    "jielong_member_gone": ("第 {line} 行选的成员已不存在（可能刚被删除），请重新粘贴",
                            "The member chosen on line {line} no longer exists (deleted?); "
                            "paste the list again"),
    "jielong_bad_line": ("第 {line} 行不能新建成员：{problem}",
                         "Line {line} cannot become a new member: {problem}"),
})


@dataclass
class Row:
    entry: Entry
    match: str  # matched | maybe | ambiguous | unknown | known
    candidates: list[Candidate]
    choice: int | None  # the member this line stands for; None: skip (or a new card)
    add_new: bool = False  # make a card from the line (unknown lines)
    known_as: str = ""  # for a known line: the member it was taken for

    @property
    def confidence(self) -> int:
        chosen = next((c for c in self.candidates if c.member_id == self.choice), None)
        return chosen.score if chosen else 0


@dataclass(frozen=True)
class Vanished:
    """A sign-up (or check-in) from an earlier paste whose line is gone."""

    signup_id: int
    member_id: int
    name: str
    line: str


@dataclass
class Plan:
    activity_id: int
    mode: Mode
    parsed: Parsed
    rows: list[Row]
    vanished: list[Vanished]
    capacity: int  # 0: no limit
    heads_before: int  # people signed up (members and their companions) before this paste
    # member id -> (companions, attended) of the activity's sign-ups when planned
    current: dict[int, tuple[int, bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    signed_up: int = 0
    updated: int = 0
    checked_in: int = 0
    new_members: int = 0
    removed: int = 0
    undo_id: int | None = None


def plan(activity_id: int, text: str, mode: Mode = "signup") -> Plan:
    """Read a pasted 接龙 against the activity; nothing is written."""
    activity = Activity.get_or_none(Activity.id == activity_id)
    if activity is None:
        raise ActivityGone(activity_id)
    parsed = parse(text)
    rows_now = signups.signups(activity_id)
    taken = {line_key(line): s for s in rows_now if (line := _line_of(s, mode))}
    index = MemberIndex(e.name for e in parsed.entries if e.key not in taken)
    rows: list[Row] = []
    for entry in parsed.entries:
        known = taken.get(entry.key)
        if known is not None:
            rows.append(Row(entry, KNOWN, [], known.member_id, known_as=known.member.name))
            continue
        candidates = index.candidates(entry.name)
        match, proposed = decide(candidates)
        rows.append(Row(entry, match, candidates, proposed, add_new=match == UNKNOWN))
    out = Plan(activity_id, mode, parsed, rows, [], activity.capacity,
               sum(s.heads for s in rows_now),
               {s.member_id: (int(s.companions), bool(s.attended)) for s in rows_now})
    out.vanished = vanished(out, rows_now)
    return out


def _line_of(s: SignUp, mode: Mode) -> str:
    return str(s.checkin_line if mode == "checkin" else s.jielong_line)


def vanished(p: Plan, rows_now: list[SignUp] | None = None) -> list[Vanished]:
    """Sign-ups taken from an earlier paste whose line is gone and whose member no line of
    this paste stands for (as the rows' choices are now)."""
    rows_now = signups.signups(p.activity_id) if rows_now is None else rows_now
    keys = {r.entry.key for r in p.rows}
    chosen = {r.choice for r in p.rows if r.choice is not None}
    out = []
    for s in rows_now:
        line = _line_of(s, p.mode)
        if line and line_key(line) not in keys and s.member_id not in chosen \
                and (p.mode == "signup" or s.attended):
            out.append(Vanished(s.id, s.member_id, s.member.name, line))
    return out


def effects(p: Plan) -> list[str]:
    """What applying each row does with the choices as they are (one code per row)."""
    out: list[str] = []
    seen: set[int] = set()
    for row in p.rows:
        if row.match == KNOWN:
            out.append(NONE)
            continue
        if row.choice is None:
            out.append(NEW_MEMBER if row.add_new else SKIP)
            continue
        if row.choice in seen:
            out.append(DUPLICATE)
            continue
        seen.add(row.choice)
        now = p.current.get(row.choice)
        if p.mode == "checkin":
            out.append(WALK_IN if now is None else ALREADY if now[1] else CHECK_IN)
        elif now is None:
            out.append(SIGN_UP)
        else:
            out.append(UPDATE if now[0] != row.entry.companions else ALREADY)
    return out


def heads_after(p: Plan, remove: Iterable[int] = ()) -> int:
    """People signed up once the plan is applied (capacity counts companions too)."""
    heads = p.heads_before
    gone = set(remove)
    for v in p.vanished:
        if v.signup_id in gone and p.mode == "signup":
            heads -= 1 + p.current.get(v.member_id, (0, False))[0]
    for row, effect in zip(p.rows, effects(p), strict=True):
        if effect in (SIGN_UP, WALK_IN, NEW_MEMBER):
            heads += 1 + row.entry.companions
        elif effect == UPDATE or (effect in (CHECK_IN, ALREADY) and row.entry.companions):
            assert row.choice is not None
            heads += row.entry.companions - p.current[row.choice][0]
    return heads


def attended_after(p: Plan, remove: Iterable[int] = ()) -> int:
    """People present once a check-in plan is applied (companions included)."""
    now = {mid: (1 + c) for mid, (c, came) in p.current.items() if came}
    gone = set(remove)
    for v in p.vanished:
        if v.signup_id in gone:
            now.pop(v.member_id, None)
    heads = sum(now.values())
    for row, effect in zip(p.rows, effects(p), strict=True):
        if effect in (CHECK_IN, WALK_IN, NEW_MEMBER):
            stated = row.entry.companions
            had = p.current.get(row.choice, (0, False))[0] if row.choice is not None else 0
            heads += 1 + (stated or had)
        elif effect == ALREADY and row.entry.companions and row.choice is not None:
            heads += row.entry.companions - p.current[row.choice][0]
    return heads


def counts(p: Plan) -> dict[str, int]:
    """How many rows of each match code (the preview's summary)."""
    out = {code: 0 for code in (MATCHED, MAYBE, AMBIGUOUS, UNKNOWN, KNOWN)}
    for row in p.rows:
        out[row.match] += 1
    return out


def _is_cjk(text: str) -> bool:
    return bool(text) and all("\u3400" <= ch <= "\u9fff" for ch in text)


def _new_card(entry: Entry) -> int:
    """A card from a line: 小明-杭州-设计 (or 小明 杭州) is 小明 with that 群昵称; 'Lily
    Chen' is Lily Chen (a space splits a Chinese name from what follows, not a Latin one)."""
    parts = segments(entry.name, spaces=False)
    if len(parts) == 1 and " " in entry.name and _is_cjk(entry.name.split(" ")[0]):
        parts = entry.name.split(" ")
    name = parts[0] if len(parts) > 1 else entry.name
    data = {"name": name, "source": SOURCE}
    if name != entry.name:
        data["nickname"] = entry.name
    try:
        return int(save_member(data).id)
    except ValidationError as problem:
        raise ValidationError({"jielong": msg("jielong_bad_line", line=entry.line,
                                              problem=str(problem))}) from problem


def apply(p: Plan, remove: Iterable[int] = (), when: dt.datetime | None = None) -> Result:
    """Write the plan: sign-ups (or check-ins), new cards for the lines so chosen, and the
    removal of the vanished sign-ups listed in `remove` (their ids); one transaction, one
    undo entry. Raises ActivityGone, or ValidationError naming the line at fault."""
    when = (when or dt.datetime.now()).replace(microsecond=0)
    gone = set(remove)
    tally = {"signed_up": 0, "updated": 0, "checked_in": 0, "new_members": 0, "removed": 0}
    with database.atomic():
        if Activity.get_or_none(Activity.id == p.activity_id) is None:
            raise ActivityGone(p.activity_id)
        snapshot = undo.capture(Activity, [p.activity_id], also=[(Contribution, "activity_id")],
                                rows=[(Member, "id", [])])
        created: list[int] = []
        chosen = [r.choice for r in p.rows if r.choice is not None and r.match != KNOWN]
        exist = {m for (m,) in tuples(Member.select(Member.id).where(Member.id.in_(chosen)))}
        wrote = False
        for row, effect in zip(p.rows, effects(p), strict=True):
            if effect in (NONE, SKIP, DUPLICATE):
                continue
            wrote = True
            if effect == NEW_MEMBER:
                member_id = _new_card(row.entry)
                created.append(member_id)
                tally["new_members"] += 1
            else:
                assert row.choice is not None
                if row.choice not in exist:
                    raise ValidationError({"jielong": msg("jielong_member_gone",
                                                          line=row.entry.line)})
                member_id = row.choice
            _write_row(p, row.entry, member_id, when, tally)
        for v in p.vanished:
            if v.signup_id in gone:
                if p.mode == "signup":
                    signups.remove(p.activity_id, [v.member_id])
                else:
                    signups.undo_check_in(p.activity_id, v.member_id)
                    SignUp.update(checkin_line="").where(SignUp.id == v.signup_id).execute()
                tally["removed"] += 1
                wrote = True
        undo_id = None
        if wrote:
            # the cards made here are the last table of the snapshot: undo deletes them
            snapshot["tables"][-1]["scope"] = created
            n = tally["checked_in"] if p.mode == "checkin" else tally["signed_up"]
            code = "undo_jielong_checkins" if p.mode == "checkin" else "undo_jielong_signups"
            undo_id = undo.record(undo.coded(code, n=n), snapshot)
    return Result(**tally, undo_id=undo_id)


def _write_row(p: Plan, entry: Entry, member_id: int, when: dt.datetime,
               tally: dict[str, int]) -> None:
    row = SignUp.get_or_none((SignUp.activity == p.activity_id) & (SignUp.member == member_id))
    if p.mode == "checkin":
        if signups.check_in(p.activity_id, member_id, when):
            tally["checked_in"] += 1
        row = SignUp.get((SignUp.activity == p.activity_id) & (SignUp.member == member_id))
        values: dict[str, object] = {"checkin_line": entry.text}
        if entry.companions:  # who really came with them
            values["companions"] = entry.companions
    elif row is None:
        SignUp.insert(activity=p.activity_id, member=member_id, signed_up_on=when.date(),
                      companions=entry.companions, note=entry.remark,
                      jielong_line=entry.text).execute()
        tally["signed_up"] += 1
        return
    else:
        values = {"jielong_line": entry.text, "companions": entry.companions}
        if row.companions != entry.companions:
            tally["updated"] += 1
    if entry.remark and not row.note:
        values["note"] = entry.remark
    SignUp.update(values).where(SignUp.id == row.id).execute()
