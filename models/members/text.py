"""Text as the cards keep it: NFC, no control or zero-width characters, odd spaces
folded, names on one line.

clean_text() is the one cleaning every writer uses (cards, imports, search); it is kept
quick for clean text, which is nearly all text (one regex search and an NFC check).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
# Text holding none of these is already clean: clean_text() would return it unchanged
# (no control, zero-width or odd-space character, no double, leading or trailing space;
# with `fold`, no full-width letter, digit or sign either). Most stored and imported
# values are like that; one regex search saves walking every character in Python.
_UNSAFE = ("[\x00-\x1f\x7f-\xa0\u00ad\u1680\u2000-\u200d\u2028-\u202f\u205f\u2060\u3000"
           "\ufeff{}]|  |^ | $")
_NEEDS_CLEANING = re.compile(_UNSAFE.format(""))
_NEEDS_FOLDING = re.compile(_UNSAFE.format("\uff01-\uff5e"))
# The same characters alone, for all_clean(): one class scans a long text ~4x quicker
# than the alternation, and the spaces are found by substring searches.
_UNSAFE_CHARS = _UNSAFE.split("|", 1)[0]
_BAD_CHAR = re.compile(_UNSAFE_CHARS.format(""))
_BAD_FOLDED_CHAR = re.compile(_UNSAFE_CHARS.format("\uff01-\uff5e"))
# Control characters a cell may hide (tab and line breaks are text).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"


@cache
def _cjk_space() -> re.Pattern[str]:
    """A space between two Chinese characters. Compiled on first use: ~3 ms at every
    start otherwise (the class reaches into the supplementary planes), and most names
    hold no space."""
    return re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


def is_nfc(text: str) -> bool:
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def clean_text(value: Any, fold: bool = False) -> str:
    """Zero-width and control characters out, odd spaces folded, NFC (a decomposed
    "Zoë" is stored as the one the keyboard types); emoji kept intact.

    With `fold`, full-width letters and digits become ASCII (names and IDs only: in
    notes a full-width comma is the writer's choice).
    """
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if (_NEEDS_FOLDING if fold else _NEEDS_CLEANING).search(text) is None and is_nfc(text):
        return text  # already clean (the usual case)
    return _clean_slowly(text, fold)


# Between the texts all_clean() joins: a noncharacter no cleaning touches, that NFC
# never composes with a neighbour (so the joined text is NFC if and only if each is).
_SEP = "\uffff"


def all_clean(texts: list[str], fold: bool = False) -> bool:
    """True if clean_text(t, fold) and one_line(t) would return every text unchanged:
    the quick check of clean_text() made once over them all (an import checks a whole
    column at a time) instead of once per text. Never True wrongly; a text holding the
    separator itself may make it False."""
    joined = _SEP.join(texts)
    # _NEEDS_CLEANING's "  |^ | $" as substring tests ("$" also matches before a final
    # "\n", which the class already refuses).
    return ((_BAD_FOLDED_CHAR if fold else _BAD_CHAR).search(joined) is None
            and "  " not in joined and not joined.startswith(" ") and not joined.endswith(" ")
            and " " + _SEP not in joined and _SEP + " " not in joined and is_nfc(joined))


def _clean_slowly(text: str, fold: bool) -> str:
    """clean_text() character by character (tests prove the fast check agrees with it)."""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    if fold:
        text = "".join(
            unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" else ch
            for ch in text
        )
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return _SPACES.sub(" ", text).strip() if "\n" not in text else text.strip()


def one_line(text: str) -> str:
    """Line breaks inside a one-line field (a name, a city) become one space."""
    if "\n" in text or "\r" in text:
        return _SPACES.sub(" ", text).strip()
    return text


def clean_name(text: str) -> str:
    """A person's name on one line, without spaces between Chinese characters
    ("周\\n九" and "赵 六" are 周九 and 赵六; "Zoë Smith" keeps its space)."""
    text = one_line(text)
    return _cjk_space().sub("", text) if " " in text else text


def has_control(text: str) -> bool:
    return CONTROL.search(text) is not None
