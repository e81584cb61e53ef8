"""Pinyin search and sort keys for Chinese names (pypinyin does the reading)."""

from __future__ import annotations

from functools import lru_cache

# pypinyin loads its dictionaries on import (~0.3 s): import it on first use, so the
# app starts without it and only pays when a name is first written.


@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """'张三' -> 'zhang san': sorts Chinese names the way a Chinese reader expects."""
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text, errors=lambda s: s.lower())).lower()


@lru_cache(maxsize=65536)
def search_keys(text: str) -> tuple[str, str]:
    """Full pinyin and initials, each a space-separated list of alternative readings.

    A surname can be read differently from the same character elsewhere (单 shan/dan,
    曾 zeng/ceng, 解 xie/jie): pypinyin lists every reading of the first character
    (heteronyms), so any of them finds the member; the rest use the phrase reading.
    """
    from pypinyin import Style, lazy_pinyin, pinyin

    text = text.strip()
    if not text:
        return "", ""
    rest = lazy_pinyin(text[1:], errors=lambda s: s.lower())
    first = pinyin(text[0], style=Style.NORMAL, heteronym=True, errors=lambda s: s.lower())[0]
    fulls: list[str] = []
    initials: list[str] = []
    for head in dict.fromkeys(first):
        syllables = [head, *rest]
        fulls.append("".join(syllables).lower())
        initials.append("".join(s[:1] for s in syllables).lower())
    return " ".join(dict.fromkeys(fulls)), " ".join(dict.fromkeys(initials))


def combined_keys(*texts: str) -> tuple[str, str]:
    fulls, inits = [], []
    for text in texts:
        if text:
            f, i = search_keys(text)
            fulls.append(f)
            inits.append(i)
    return " ".join(fulls), " ".join(inits)


__all__ = ["sort_key", "search_keys", "combined_keys"]
