"""Pinyin keys for many names at once (roster import), equal to models.members.pinyin_keys.

pypinyin spends ~30 µs per call on set-up; an import of 10,000 rows makes 50,000 calls.
Here a text is cut into words with pypinyin's own segmenter (the same cut lazy_pinyin
makes) and each word's reading is cached, so repeated characters, surnames and
emoji cost a dict lookup. Tests compare the result with models.members.pinyin_keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT, RE_HANS
from pypinyin.seg.mmseg import seg as _mmseg

# pypinyin first splits text into runs of Chinese / other characters (simpleseg), then
# cuts each Chinese run by forward maximum matching against its phrase list (mmseg,
# strict mode). The same two steps, without the per-call overhead:
_HAN_CLASS = RE_HANS.pattern[len("^(?:"):-len(")+$")]
_RUNS = re.compile(f"({_HAN_CLASS}+)")
_PREFIXES: set[str] = _mmseg._prefix_set._set


def _lower(s: str) -> str:
    return s.lower()


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word, errors=_lower))


@lru_cache(maxsize=8192)
def _heads(char: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True,
                                      errors=_lower)[0]))


def _cut(run: str) -> list[str]:
    """mmseg.Seg.cut with no_non_phrases=True, over the raw prefix set."""
    words: list[str] = []
    remain = run
    while remain:
        last_word, last_index = "", 0
        for index in range(len(remain)):
            word = remain[:index + 1]
            if word in _PREFIXES:
                if word in PHRASES_DICT:
                    last_word, last_index = word, index + 1
            else:
                if last_word:
                    words.append(last_word)
                    remain = remain[last_index:]
                else:
                    words.append(remain[0])
                    remain = remain[1:]
                break
        else:
            if last_word:
                words.append(last_word)
                remain = remain[last_index:]
            else:
                if remain not in PHRASES_DICT:
                    words.extend(remain)
                else:
                    words.append(remain)
                break
    return words


@lru_cache(maxsize=65536)
def _run_reading(run: str) -> tuple[str, ...]:
    out: list[str] = []
    for word in _cut(run):
        out.extend(_word(word))
    return tuple(out)


def _reading(text: str) -> list[str]:
    out: list[str] = []
    for i, piece in enumerate(_RUNS.split(text)):
        if not piece:
            continue
        if i % 2:  # a Chinese run
            out.extend(_run_reading(piece))
        else:
            out.extend(_word(piece))
    return out


@lru_cache(maxsize=65536)
def fast_sort_key(text: str) -> str:
    if not text:
        return ""
    return " ".join(_reading(text)).lower()


@lru_cache(maxsize=65536)
def fast_search_keys(text: str) -> tuple[str, str]:
    text = text.strip()
    if not text:
        return "", ""
    return _search_from_rest(text, _reading(text[1:]) if len(text) > 1 else [])


def _search_from_rest(text: str, rest: list[str]) -> tuple[str, str]:
    """search_keys(): every reading of the first character, then the rest's reading."""
    fulls: list[str] = []
    initials: list[str] = []
    for head in _heads(text[0]):
        syllables = [head, *rest]
        fulls.append("".join(syllables).lower())
        initials.append("".join(s[:1] for s in syllables).lower())
    return " ".join(dict.fromkeys(fulls)), " ".join(dict.fromkeys(initials))


def _name_keys(name: str) -> tuple[tuple[str, str], str] | None:
    """Search keys and sort key of a name from one segmentation, when the name starts
    with a Chinese character that is a word of its own (most names): then the reading
    of name[1:] is the full reading minus its first syllable."""
    run = _RUNS.match(name)
    if run is None or len(name) < 2 or name != name.strip():
        return None
    words = _cut(run[0])
    if len(words[0]) != 1:
        return None
    rest = [s for w in words[1:] for s in _word(w)]
    if len(name) > len(run[0]):
        rest += _reading(name[len(run[0]):])
    full = [*_word(words[0]), *rest]
    return _search_from_rest(name, rest), " ".join(full).lower()


def fast_keys(name: str, nickname: str) -> tuple[str, str, str]:
    """(pinyin, initials, sort_name) exactly as Member.refresh_keys() sets them."""
    both = _name_keys(name) if name else None
    fulls, inits = [], []
    for text in (name, nickname):
        if text:
            f, i = both[0] if both is not None and text is name else fast_search_keys(text)
            fulls.append(f)
            inits.append(i)
    return " ".join(fulls), " ".join(inits), both[1] if both else fast_sort_key(name)
