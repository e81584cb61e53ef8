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

One pass over the members' search text picks those who may be on the list; only they
are read and keyed (MemberIndex), instead of a query per line and field.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from models.activities.jielong_parse import segments
from models.members.pinyin_keys import search_keys
from models.members.text import clean_text
from models.store.db import chunks, database

# match codes, strongest first
MATCHED, MAYBE, AMBIGUOUS, UNKNOWN = "matched", "maybe", "ambiguous", "unknown"
WHOLE, PART, SOUND = 90, 75, 0  # the lowest score of each tier
MAX_CANDIDATES = 12  # offered for one line (a demo's 600 namesakes help nobody)


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


_NOT_WORD = re.compile(r"[\W_]+")


def loose(text: str) -> str:
    """What two names are compared by: letters and digits only, folded, casefolded."""
    return _NOT_WORD.sub("", clean_text(text, fold=True)).casefold()


def _hanzi(text: str) -> str:
    return "".join(ch for ch in text if "\u3400" <= ch <= "\u9fff")


def _words(names: Iterable[str]) -> set[str]:
    """The words of which a member's name, nicknames, WeChat ID or pinyin readings must
    hold one to be one of `names`: the words of a name's first part (小明 of
    小明-杭州-设计, never the city), the name run together, their full-width twins, and
    the pinyin of the name and of its first part (every rule of the module needs one)."""
    out: set[str] = set()
    for name in names:
        text = clean_text(name, fold=True).lower()
        head = (segments(text) or [text])[0]  # "小明" of 小明-杭州-设计: never 杭州
        for word in [*_NOT_WORD.split(head), loose(text)]:
            if word:
                out.add(word)
                if word.isascii():  # a 群昵称 keeps full-width letters as typed
                    out.add("".join(chr(ord(c) + 0xFEE0) for c in word))
        for part in dict.fromkeys([text, head]):
            if chars := _hanzi(part):
                out.update(search_keys(chars)[0].split())
    return out


def _latin(text: str) -> bool:
    return bool(text) and text.isascii() and text.isalpha()


class MemberIndex:
    """The names, nicknames, WeChat IDs and pinyin readings, by loose key, of the members
    who may be one of `names` (the lines' names). One pass over every member's words
    (split at anything not a letter or digit) keeps those who share a word with a line
    (_words); only those few are read and keyed."""

    def __init__(self, names: Iterable[str]) -> None:
        self.keys: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
        self.info: dict[int, tuple[str, str, str, str, str, bool]] = {}
        words = _words(names)
        if not words:
            return
        cursor = database.execute_sql(
            "SELECT id, lower(name || ' ' || nickname || ' ' || wechat_name || ' '"
            " || COALESCE(wechat_id, '') || ' ' || pinyin) FROM member")
        split, disjoint = _NOT_WORD.split, words.isdisjoint
        ids = [mid for mid, text in cursor if not disjoint(split(text))]
        for batch in chunks(ids):
            cursor = database.execute_sql(
                "SELECT id, name, nickname, wechat_name, wechat_id, city, pinyin, left_on"
                f" FROM member WHERE id IN ({','.join('?' * len(batch))})", batch)
            for row in cursor:
                self._take(*row)

    def _take(self, mid: int, name: str, nickname: str | None, wechat_name: str | None,
              wechat_id: str | None, city: str | None, pinyin: str | None,
              left_on: object) -> None:
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
        for reading in _NOT_WORD.split(pinyin or ""):  # lowercase ASCII already
            if reading and self.keys[reading].get(mid, (0, ""))[0] < 70:
                self.keys[reading][mid] = (70, "pinyin")

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
                if chars := _hanzi(text):
                    for reading in search_keys(chars)[0].split():
                        take(self._found(reading, cap=60, tier=(70, 70)))
        out = [Candidate(mid, *self.info[mid], score=score, via=via)
               for mid, (score, via) in scores.items()]
        out.sort(key=lambda c: (-c.score, c.left, c.name, c.member_id))
        return out[:MAX_CANDIDATES]


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
