"""Reading a 群接龙 (a WeChat sign-up chain) as the owner copied it.

A 接龙 message looks like this::

    #接龙
    周六读书会 12月13日 14:00
    例 张三 +1

    1. 小明-杭州-设计
    2. Lily 带家属2人
    3. 王磊（第一次来）

The rules, in order:

- A line starting with "#" is a header ("#接龙"); the first other line before the list
  is the title; a line starting with 例/示例/格式/例如/e.g. is the example, dropped.
- The list is the numbered lines: "1." "1．" "１．" "1、" "1)" "1）" "(1)" "1:" "1 "
  "①" "❶" "1️⃣" ("12 月", "3 人" are no list numbers). Before the first numbered line
  everything is preamble.
- After the list started, an unnumbered line that starts with a bracket, "+" or
  "带", or is indented, continues the line above; another short line without sentence
  punctuation is an entry of its own (someone added themselves without a number);
  anything else is a remark about the list, ignored. A message without any number and
  without a header is read as one name per line.
- Companions (people a member brings), `companions` of an entry:
  "+N" / "＋N" / "加N" / "+N位朋友" -> N (张三 +1: Zhang San and one more); "+家属" -> 1
  "带…N人/位/个" / "带N个…"   -> N        (带家属2人, 带朋友1位, 带2个孩子)
  "带家属" / "带娃" (no count) -> 1
  "N人" / "共N人" / "一共N人" / "×N" / "xN" -> N - 1   (the whole party is N)
  Chinese numerals (一 二 两 … 十) are read in the 带 and 共 forms; several markers: the
  largest wins; at most MAX_COMPANIONS.
- The remark is the text in （…）, (…), 【…】, […]; WeChat's own "(已改)" (the member
  edited their line) is dropped and noted in `edited`.
- Repeated lines (the same text, whatever their number: a list pasted twice) are dropped.

Every entry has a `key` (line_key): its text without the number or WeChat's marks,
folded; a sign-up keeps the text of its line, so pasting the updated 接龙 later knows,
by key, which lines it has already taken.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from models.members.text import clean_text

MAX_COMPANIONS = 50

_CIRCLED = {**{chr(0x2460 + i): i + 1 for i in range(20)},  # ①..⑳
            **{chr(0x3251 + i): i + 21 for i in range(15)},  # ㉑..㉟
            **{chr(0x32B1 + i): i + 36 for i in range(15)},  # ㊱..㊿
            **{chr(0x2776 + i): i + 1 for i in range(10)},  # ❶..❿
            **{chr(0x2780 + i): i + 1 for i in range(10)},  # ➀..➉
            **{chr(0x278A + i): i + 1 for i in range(10)},  # ➊..➓
            "\U0001f51f": 10}  # 🔟
_NUMBERED = re.compile(
    r"^(?:[(\[]\s*(?P<p>\d{1,3})\s*[)\]]"  # (1)  [1]
    r"|(?P<k>\d{1,3})\ufe0f?\u20e3"  # 1️⃣ (a keycap emoji)
    r"|(?P<n>\d{1,3})(?:\s*[.、,;:)](?!\d)|\s+(?![月日号点时人周年个位岁天分])|$))"  # 1. 1、 1) 1: "1 "
    r"\s*(?P<rest>.*)$")
_HEADER = re.compile(r"^[#＃]")
_EXAMPLE = re.compile(r"^(?:例如|例子|示例|范例|样例|格式|例|e\.?g\.?|example)(?:\s|[:：.，,]|$)",
                      re.IGNORECASE)
_EXAMPLE_GLUED = re.compile(r"^(?:例|示例)\S")  # 例张三+1
_EDITED = re.compile(r"[(（\[【]\s*(?:已改|已修改|已编辑|edited)\s*[)）\]】]", re.IGNORECASE)
_BRACKETS = re.compile(r"[(（]([^()（）]*)[)）]|【([^【】]*)】|\[([^\[\]]*)\]|〔([^〔〕]*)〕")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM = r"(\d{1,3}|[零一二两俩三四五六七八九十]{1,3})"
_WHO = "家属|家人|老婆|老公|爱人|太太|先生|孩子|小孩|娃|宝宝|朋友|同事|同学|闺蜜|对象|人"
_PLUS = re.compile(r"(?:[+＋]|(?<![\u4e00-\u9fff])加)\s*(?:" + _NUM
                   + r"\s*(?:个|位|人|名)?(?:" + _WHO + r")?|(" + _WHO + r"))")
_BRING = re.compile(r"[带携](?:上|了)?(?:(?P<a>[^\d零一二两俩三四五六七八九十\s,，;；]{0,4}?)"
                    + r"(?P<n>" + _NUM[1:-1] + r")\s*(?:个|位|人|名|口)?(?:" + _WHO + r")?"
                    r"|(?P<who>" + _WHO + r"))")
_TOTAL = re.compile(r"(?:一共|共计|共|总共|合计)\s*" + _NUM + r"\s*(?:个人|人|位|名)"
                    r"|(?<![\d\u4e00-\u9fff])(\d{1,2})\s*(?:个人|人|位|名)(?![\u4e00-\u9fff])"
                    r"|[x×X*]\s*(\d{1,2})(?!\d)")
_SENTENCE = re.compile(r"[。，！？；：,!?;]|https?://")
_MARKS = re.compile(r"\s*[-－—–_~|｜/／·•・]+\s*")
_SEPARATORS = re.compile(r"\s*[-－—–_~|｜/／·•・]+\s*|\s+")
_MAX_NAME = 24  # an unnumbered line longer than this is prose, not a name


@dataclass(frozen=True)
class Entry:
    """One person's line of the 接龙."""

    line: int  # 1-based line of the pasted text where the entry starts
    number: int | None  # its number in the list as written; None when it had none
    text: str  # the line without its number (continuations joined with a space)
    name: str  # what the member wrote as their name ("小明-杭州-设计", "Lily")
    companions: int
    remark: str
    key: str
    edited: bool = False  # WeChat marked the line "(已改)"


@dataclass
class Parsed:
    title: str = ""
    entries: list[Entry] = field(default_factory=list)
    example: str = ""  # the example line ("例 张三 +1"), dropped
    repeated: list[int] = field(default_factory=list)  # lines dropped as repeats
    ignored: list[int] = field(default_factory=list)  # other lines after the list started


def number_value(text: str) -> int | None:
    """'3' -> 3, '三' -> 3, '十二' -> 12, '两' -> 2."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def companions_of(text: str) -> tuple[int, str]:
    """(companions, the text without the markers) for the text after the name."""
    found: list[int] = []

    def plus(m: re.Match[str]) -> str:
        n = number_value(m.group(1)) if m.group(1) else 1  # "+家属": one more
        if n is not None:
            found.append(n)
        return " "

    def bring(m: re.Match[str]) -> str:
        n = 1 if m.group("who") else number_value(m.group("n"))
        if n is not None:
            found.append(n)
        return " "

    def total(m: re.Match[str]) -> str:
        n = number_value(next(g for g in m.groups() if g))
        if n is not None:
            found.append(max(n - 1, 0))
        return " "

    rest = _PLUS.sub(plus, text)
    rest = _BRING.sub(bring, rest)
    rest = _TOTAL.sub(total, rest)
    return min(max(found, default=0), MAX_COMPANIONS), rest


def line_key(text: str) -> str:
    """What two lines are compared by: the text without WeChat's marks, folded."""
    text = clean_text(_EDITED.sub(" ", text), fold=True)
    return re.sub(r"\s+", " ", text).strip().casefold()


def read_entry(text: str, line: int, number: int | None) -> Entry | None:
    """One entry from the text after its number; None when nothing is left (a bare "5.")."""
    edited = _EDITED.search(text) is not None
    body = _EDITED.sub(" ", text)
    remarks: list[str] = []

    def bracket(m: re.Match[str]) -> str:
        inner = next((g for g in m.groups() if g is not None), "").strip()
        if inner:
            remarks.append(inner)
        return " "

    body = _BRACKETS.sub(bracket, body)
    companions, body = companions_of(body)
    # what remains is the name; a stray bracket or separator at its ends is dropped
    name = re.sub(r"\s+", " ", body).strip(" -－—–_~|｜/／·•・,，、;；:：。.()（）【】[]@＠")
    kept = []
    for r in remarks:  # "（带家属2人）": the count is read inside brackets too
        inside, rest = companions_of(r)
        companions = max(companions, inside)
        if rest.strip(" ,，;；、"):
            kept.append(r)
    remark = "；".join(kept)
    name = clean_text(name, fold=True)
    if not name:
        return None
    return Entry(line, number, re.sub(r"\s+", " ", text).strip(), name, companions, remark,
                 line_key(text), edited)


def _numbered(text: str) -> tuple[int, str] | None:
    head = text[:1]
    if head in _CIRCLED:
        return _CIRCLED[head], text[1:].lstrip(" .、")
    m = _NUMBERED.match(clean_text(text, fold=True))  # １．: full-width folds one to one
    if m is None:
        return None
    number = m.group("p") or m.group("k") or m.group("n")
    return int(number), text[m.start("rest"):]


def _is_continuation(raw: str, text: str) -> bool:
    return raw[:1] in (" ", "\t", "\u3000") or text[:1] in "(（【[〔+＋" or text.startswith("带")


def _name_like(text: str) -> bool:
    return len(text) <= _MAX_NAME and _SENTENCE.search(text) is None


def segments(name: str, spaces: bool = True) -> list[str]:
    """'小明-杭州-设计' -> ['小明', '杭州', '设计']: the parts of a 群昵称 written as
    name-city-job; the first is usually the person's name. With `spaces` false a space
    does not separate ("Lily Chen" is one part)."""
    return [s.strip() for s in (_SEPARATORS if spaces else _MARKS).split(name) if s.strip()]


def parse(text: str) -> Parsed:
    """Read a pasted 接龙 (see the module docstring for the rules)."""
    out = Parsed()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = [clean_text(raw.replace("\t", " ")) for raw in lines]
    has_numbers = any(_numbered(t) for t in cleaned if t)
    has_header = any(_HEADER.match(t) for t in cleaned if t)
    in_list = not has_numbers and not has_header  # a plain list of names
    seen: set[str] = set()
    # (line, number, text) of the entry being read; continuation lines join it
    pending: list[tuple[int, int | None, str]] = []

    def flush() -> None:
        if not pending:
            return
        line, number, body = pending.pop()
        entry = read_entry(body, line, number)
        if entry is None:
            return
        if entry.key in seen:
            out.repeated.append(line)
            return
        seen.add(entry.key)
        out.entries.append(entry)

    for index, (raw, line_text) in enumerate(zip(lines, cleaned, strict=True), start=1):
        if not line_text or unicodedata.category(line_text[0]) == "Zs":
            continue
        numbered = _numbered(line_text)
        if _HEADER.match(line_text):
            flush()
            in_list = False  # a second copy of the message, or a new 接龙 below
            continue
        if numbered is None and (_EXAMPLE.match(line_text) or _EXAMPLE_GLUED.match(line_text)):
            flush()
            out.example = out.example or line_text
            continue
        if numbered is not None:
            number, rest = numbered
            if _EXAMPLE.match(rest) or _EXAMPLE_GLUED.match(rest):
                out.example = out.example or rest
                continue
            flush()
            in_list = True
            pending.append((index, number, rest))
            continue
        if not in_list:
            if not out.title:
                out.title = line_text
            continue
        if pending and _is_continuation(raw, line_text):
            start, at, body = pending[-1]
            pending[-1] = (start, at, f"{body} {line_text}")
            continue
        flush()
        if _name_like(line_text):
            pending.append((index, None, line_text))
        else:
            out.ignored.append(index)
    flush()
    return out
