"""Pinyin keys for many names at once (roster import, re-keying a workspace), equal to

pypinyin spends ~30 µs per call on set-up; an import of 10,000 rows makes 50,000 calls.
Here a text is cut into words with pypinyin's own segmenter (`pypinyin.seg.mmseg.seg`,
the cut lazy_pinyin makes) and each word's reading is cached, so repeated characters,
surnames and emoji cost a dict lookup. Tests compare the result with
models.members.pinyin_keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from models.members.pinyin_phrases import (
    HAN_CLASS,
    Style,
    lazy_pinyin,
    pinyin,
    prepare,
    prepare_text,
    seg,
)
from models.members.surnames import surname

# pypinyin first splits text into runs of Chinese / other characters (simpleseg), then
# cuts each Chinese run by forward maximum matching against its phrase list (mmseg,
# strict mode). The same two steps, without the per-call overhead:
_RUNS = re.compile(f"({HAN_CLASS}+)")


def _lower(s: str) -> str:
    return s.lower()


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word, errors=_lower))


@lru_cache(maxsize=8192)
def _heads(char: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True,
                                      errors=_lower)[0]))


@lru_cache(maxsize=65536)
def _run_reading(run: str) -> tuple[str, ...]:
    out: list[str] = []
    for word in seg.cut(run):
        out.extend(_word(word))
    return tuple(out)


@lru_cache(maxsize=65536)  # a name's reading is wanted twice: its search and sort keys
def _reading(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for i, piece in enumerate(_RUNS.split(text)):
        if not piece:
            continue
        if i % 2:  # a Chinese run
            out.extend(_run_reading(piece))
        else:
            out.extend(_word(piece))
    return tuple(out)


@lru_cache(maxsize=65536)
def fast_sort_key(text: str) -> str:
    """pinyin_keys.sort_key."""
    if not text:
        return ""
    prepare_text(text)
    known = surname(text)
    if known is not None:
        syllables = [*known[1], *_reading(text[len(known[0]):])]
    elif _RUNS.match(text[0]):
        syllables = [*_word(text[0]), *_reading(text[1:])]
    else:
        syllables = [*_reading(text)]
    return " ".join(syllables).lower()


@lru_cache(maxsize=65536)
def fast_search_keys(text: str) -> tuple[str, str]:
    """pinyin_keys.search_keys."""
    prepare_text(text)  # as given: a bulk prepare() of the same texts makes this a lookup
    text = text.strip()
    if not text:
        return "", ""
    rest, rest_full, rest_initials = _joined(text[1:])
    fulls: dict[str, None] = {}
    initials: dict[str, None] = {}
    known = surname(text)
    if known is not None:
        head, syllables = known
        after = rest if len(head) == 1 else _reading(text[len(head):])
        fulls["".join((*syllables, *after)).lower()] = None
        initials["".join(s[:1] for s in (*syllables, *after)).lower()] = None
    for h in _heads(text[0]):  # each reading h + rest, joined as the whole would be
        fulls[(h + rest_full).lower()] = None
        initials[(h[:1] + rest_initials).lower()] = None
    return " ".join(fulls), " ".join(initials)


@lru_cache(maxsize=65536)
def _joined(text: str) -> tuple[tuple[str, ...], str, str]:
    """A text's reading, its syllables run together, and their initials run together."""
    syllables = _reading(text)
    return syllables, "".join(syllables), "".join(s[:1] for s in syllables)


def fast_keys(name: str, nickname: str) -> tuple[str, str, str]:
    """(pinyin, initials, sort_name) exactly as Member.refresh_keys() sets them."""
    fulls, inits = [], []
    for text in (name, nickname):
        if text:
            f, i = fast_search_keys(text)
            fulls.append(f)
            inits.append(i)
    return " ".join(fulls), " ".join(inits), fast_sort_key(name)


def prepare_keys(names: Iterable[tuple[str, str]]) -> None:
    """Before fast_keys() of many (name, nickname) pairs: the phrases pypinyin needs for
    all of them, in one lookup (models.members.pinyin_phrases), so each fast_keys() after
    it needs none."""
    prepare(text for pair in names for text in pair if text)
