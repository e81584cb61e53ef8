"""Who wrote each 接龙 line: a member found by name, 群昵称, 微信昵称, WeChat ID or pinyin.

The rules, strongest first (the confidence is the score, 0-100):

- the WeChat ID (100), the name (95), the 群昵称 (95), the 微信昵称 (90), each compared
  loosely: emoji, spaces and punctuation left out, full-width folded, case ignored, so
  "🌸小红🌸" finds 小红 and "lily" finds Lily;
- then the first part of a "小明-杭州-设计" style nickname: the line's first part against
  the member's name and nicknames, and the line against the first part of the member's
  nickname (80; the 微信昵称's first part 75);
- then pinyin: a line written in pinyin ("xiaoming", "Xiao Ming") against a member's
  readings (70), a line in characters that reads the same as a member's name (60:
  王蕾 for 王磊, a homophone, maybe a typo).

A tier that finds exactly one member decides (a whole 群昵称 beats another member's
first part); several at the best tier are ambiguous: the owner picks. A member found only
by pinyin, or only among those who left, is a "maybe": proposed, but the owner confirms.

Members are read once into an index in memory (about 60 ms at 20,000 members): one pass
instead of a query per line and field.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from models.activities.jielong_parse import segments
from models.members.cards import Member
from models.members.pinyin_keys import search_keys
from models.members.text import clean_text
from models.store.db import tuples

# match codes, strongest first
MATCHED, MAYBE, AMBIGUOUS, UNKNOWN = "matched", "maybe", "ambiguous", "unknown"
WHOLE, PART, SOUND = 90, 75, 0  # the lowest score of each tier


@dataclass(frozen=True)
class Candidate:
    member_id: int
    name: str
    nickname: str
    wechat_name: str
    wechat_id: str
    city: str
    left: bool  # the member has left the community
    score: int
    via: str  # wechat_id | name | nickname | wechat_name | nickname_part | name_part | pinyin


def loose(text: str) -> str:
    """What two names are compared by: letters and digits only, folded, casefolded."""
    text = clean_text(text, fold=True)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN").casefold()


def _latin(text: str) -> bool:
    return bool(text) and text.isascii() and text.isalpha()


class MemberIndex:
    """Every member's names, nicknames, WeChat ID and pinyin readings, by loose key."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
        self.info: dict[int, tuple[str, str, str, str, str, bool]] = {}
        query = Member.select(Member.id, Member.name, Member.nickname, Member.wechat_name,
                              Member.wechat_id, Member.city, Member.pinyin, Member.left_on)
        for mid, name, nickname, wechat_name, wechat_id, city, pinyin, left_on in tuples(query):
            self.info[mid] = (name, nickname or "", wechat_name or "", wechat_id or "",
                              city or "", left_on is not None)
            self._add(wechat_id, mid, 100, "wechat_id")
            self._add(name, mid, 95, "name")
            self._add(nickname, mid, 95, "nickname")
            self._add(wechat_name, mid, 90, "wechat_name")
            for text, score in ((nickname, 80), (wechat_name, 75)):
                parts = segments(text or "")
                if len(parts) > 1:
                    self._add(parts[0], mid, score, "nickname_part")
            for reading in (pinyin or "").split():
                self._add(reading, mid, 70, "pinyin")

    def _add(self, text: str | None, mid: int, score: int, via: str) -> None:
        key = loose(text or "")
        if key and self.keys[key].get(mid, (0, ""))[0] < score:
            self.keys[key][mid] = (score, via)

    def _found(self, key: str, cap: int = 100, via: str | None = None,
               tier: tuple[int, int] = (0, 100)) -> dict[int, tuple[int, str]]:
        out: dict[int, tuple[int, str]] = {}
        for mid, (score, how) in self.keys.get(key, {}).items():
            if tier[0] <= score <= tier[1]:
                out[mid] = (min(score, cap), via or how)
        return out

    def candidates(self, name: str) -> list[Candidate]:
        """The members a line's name may be, best first, each once with its best score."""
        scores: dict[int, tuple[int, str]] = {}

        def take(found: dict[int, tuple[int, str]]) -> None:
            for mid, pair in found.items():
                if scores.get(mid, (0, ""))[0] < pair[0]:
                    scores[mid] = pair

        whole = loose(name)
        take(self._found(whole, tier=(WHOLE, 100)))  # the whole name, nickname, ID
        take(self._found(whole, tier=(PART, WHOLE - 1)))  # our whole = their first part
        parts = segments(name)
        if len(parts) > 1 and (head := loose(parts[0])) and head != whole:
            take(self._found(head, cap=80, via="name_part", tier=(PART, 100)))
        if _latin(whole):  # written in pinyin
            take(self._found(whole, tier=(70, 70)))
        else:
            for text in dict.fromkeys([name, parts[0] if parts else name]):
                chars = "".join(ch for ch in text if "\u3400" <= ch <= "\u9fff")
                if chars:
                    for reading in search_keys(chars)[0].split():
                        take(self._found(reading, cap=60, tier=(70, 70)))
        out = [Candidate(mid, *self.info[mid], score=score, via=via)
               for mid, (score, via) in scores.items()]
        out.sort(key=lambda c: (-c.score, c.left, c.name, c.member_id))
        return out


def decide(candidates: list[Candidate]) -> tuple[str, int | None]:
    """(match code, the member proposed) for a line's candidates."""
    if not candidates:
        return UNKNOWN, None
    for low in (WHOLE, PART):
        tier = [c for c in candidates if c.score >= low]
        if len(tier) == 1:
            best = tier[0]
            return (MAYBE if best.left else MATCHED), best.member_id
        if tier:
            active = [c for c in tier if not c.left]
            if len(active) == 1:  # the others have left: the one still here
                return MATCHED, active[0].member_id
            return AMBIGUOUS, None
    if len(candidates) == 1:
        return MAYBE, candidates[0].member_id
    return AMBIGUOUS, None
