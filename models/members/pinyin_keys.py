"""Pinyin search and sort keys for Chinese names (pypinyin does the reading).

A 姓名 starts with a surname, and a surname is read as a surname: 曾思琪 sorts under
zeng, 单强 under shan, 尉迟恭 under yuchi (models.members.surnames chooses among
pypinyin's readings; pypinyin has no surname mode). The rest of the name is read the
way pypinyin reads it. Search keys keep every other reading of the first character as
well, so typing "ceng" still finds 曾思琪.
"""

from __future__ import annotations

from functools import lru_cache

from models.members.surnames import surname

# pypinyin loads its dictionaries on import (~0.1 s): import it on first use (through
# models.members.pinyin_phrases, which gives it the phrases each text needs), so the app
# starts without it and only pays when a name is first written.


def _lower(s: str) -> str:
    return s.lower()


def is_han(char: str) -> bool:
    """A character pypinyin has a reading for (a Chinese character)."""
    from models.members.pinyin_phrases import RE_HANS

    return bool(char) and RE_HANS.match(char) is not None


def name_reading(text: str) -> list[str]:
    """The syllables of a name, its surname read as a surname."""
    from models.members.pinyin_phrases import lazy_pinyin, prepare_text

    prepare_text(text)
    known = surname(text)
    if known is not None:
        head, syllables = known
        return [*syllables, *lazy_pinyin(text[len(head):], errors=_lower)]
    if is_han(text[:1]):  # a surname is read on its own, not as part of a word
        return [*lazy_pinyin(text[0], errors=_lower), *lazy_pinyin(text[1:], errors=_lower)]
    return list(lazy_pinyin(text, errors=_lower))


@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """'张三' -> 'zhang san', '曾思琪' -> 'zeng si qi': sorts Chinese names the way a
    Chinese reader expects."""
    return " ".join(name_reading(text)).lower() if text else ""


@lru_cache(maxsize=65536)
def search_keys(text: str) -> tuple[str, str]:
    """Full pinyin and initials, each a space-separated list of alternative readings.

    The surname reading comes first (曾 zeng, 尉迟 yuchi); then every reading of the
    first character (heteronyms: 曾 ceng, 单 dan/chan), so any of them finds the member;
    the rest uses pypinyin's phrase reading.
    """
    from models.members.pinyin_phrases import Style, lazy_pinyin, pinyin, prepare_text

    prepare_text(text)
    text = text.strip()
    if not text:
        return "", ""
    rest = lazy_pinyin(text[1:], errors=_lower)
    readings: list[list[str]] = []
    known = surname(text)
    if known is not None:
        head, syllables = known
        after = rest if len(head) == 1 else lazy_pinyin(text[len(head):], errors=_lower)
        readings.append([*syllables, *after])
    first = pinyin(text[0], style=Style.NORMAL, heteronym=True, errors=_lower)[0]
    readings += [[h, *rest] for h in dict.fromkeys(first)]
    return _joined(readings)


def _joined(readings: list[list[str]]) -> tuple[str, str]:
    fulls = dict.fromkeys("".join(r).lower() for r in readings)
    initials = dict.fromkeys("".join(s[:1] for s in r).lower() for r in readings)
    return " ".join(fulls), " ".join(initials)


def combined_keys(*texts: str) -> tuple[str, str]:
    fulls, inits = [], []
    for text in texts:
        if text:
            f, i = search_keys(text)
            fulls.append(f)
            inits.append(i)
    return " ".join(fulls), " ".join(inits)


__all__ = ["sort_key", "search_keys", "combined_keys", "name_reading", "is_han"]
