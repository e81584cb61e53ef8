"""Pinyin keys for many names at once (roster import, re-keying a workspace), equal to
models.members.pinyin_keys' keys of each name.

pypinyin spends ~15-30 µs converting each word; an import of 10,000 rows of real names
holds thousands of different words. Here a text is cut into words with pypinyin's own
segmenter (`pypinyin.seg.mmseg.seg`, the cut lazy_pinyin makes), and each word's reading
is taken from the word table that prepare() brought in (pypinyin's own output, written by
resources/pinyin/make_phrases.py); a word the table lacks is read by pypinyin. Readings
are cached, so repeated characters and surnames cost a dict lookup. Tests compare the
result with models.members.pinyin_keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from models.members.pinyin_phrases import (
    HEADS,
    RUNS,
    SYLLABLES,
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
# strict mode). The same two steps, without the per-call overhead (RUNS: the pattern
# pinyin_phrases compiled, ~1 ms a start).
_ALL_HAN = RUNS.fullmatch


def _lower(s: str) -> str:
    return s.lower()


def word_reading(word: str) -> tuple[str, ...]:
    """pypinyin's syllables of a word (the word table holds them for its words)."""
    return tuple(lazy_pinyin(word, errors=_lower))


def char_readings(char: str) -> tuple[str, ...]:
    """Every reading pypinyin has of a character, each once (the word table's heads)."""
    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True,
                                      errors=_lower)[0]))


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    known = SYLLABLES.get(word)  # prepared from the word table: no conversion
    return word_reading(word) if known is None else known


@lru_cache(maxsize=8192)
def _heads(char: str) -> tuple[str, ...]:
    known = HEADS.get(char)
    return char_readings(char) if known is None else known


def _run_reading(run: str) -> list[str]:
    """The syllables of a run of Chinese: the segmenter's words, each read."""
    if len(run) == 1:  # a cut of one character is that character
        return [*_word(run)]
    out: list[str] = []
    for word in seg.cut(run):
        out += _word(word)
    return out


@lru_cache(maxsize=65536)  # a name's reading is wanted twice: its search and sort keys
def _reading(text: str) -> tuple[str, ...]:
    if _ALL_HAN(text):  # most names and nicknames: one run of Chinese
        return tuple(_run_reading(text))
    out: list[str] = []
    for i, piece in enumerate(RUNS.split(text)):
        if not piece:
            continue
        if i % 2:  # a Chinese run
            out += _run_reading(piece)
        else:  # no Chinese at all: pypinyin hands the whole piece to `errors` (documented)
            out.append(piece.lower())
    return tuple(out)


def _search_keys(text: str, rest: tuple[str, ...],
                 known: tuple[str, tuple[str, ...]] | None) -> tuple[str, str]:
    """pinyin_keys.search_keys of a stripped, non-empty text, given the reading of all
    but its first character and its surname."""
    heads = _heads(text[0])
    rest_full, rest_initials = "".join(rest), "".join([s[:1] for s in rest])
    if known is None and len(heads) == 1:  # most texts: one reading, one key of each
        return (heads[0] + rest_full).lower(), (heads[0][:1] + rest_initials).lower()
    fulls: dict[str, None] = {}
    initials: dict[str, None] = {}
    if known is not None:
        head, syllables = known
        whole = syllables + (rest if len(head) == 1 else _reading(text[len(head):]))
        fulls["".join(whole).lower()] = None
        initials["".join([s[:1] for s in whole]).lower()] = None
    for h in heads:  # each reading h + rest, joined as the whole would be
        fulls[(h + rest_full).lower()] = None
        initials[(h[:1] + rest_initials).lower()] = None
    return " ".join(fulls), " ".join(initials)


def _sort_key(text: str, known: tuple[str, tuple[str, ...]] | None) -> str:
    """pinyin_keys.sort_key of a non-empty text, given its surname."""
    if known is not None:
        syllables = known[1] + _reading(text[len(known[0]):])
    elif RUNS.match(text[0]):
        syllables = _word(text[0]) + _reading(text[1:])
    else:
        syllables = _reading(text)
    return " ".join(syllables).lower()


@lru_cache(maxsize=65536)
def fast_sort_key(text: str) -> str:
    """pinyin_keys.sort_key."""
    if not text:
        return ""
    prepare_text(text)
    return _sort_key(text, surname(text))


@lru_cache(maxsize=65536)
def fast_search_keys(text: str) -> tuple[str, str]:
    """pinyin_keys.search_keys."""
    prepare_text(text)  # as given: a bulk prepare() of the same texts makes this a lookup
    text = text.strip()
    if not text:
        return "", ""
    return _search_keys(text, _reading(text[1:]), surname(text))


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> tuple[str, str, str]:
    """A name's search keys and sort key, made together: one surname lookup, one reading."""
    if not name or name[0].isspace() or name[-1].isspace():  # the two read different texts
        return (*fast_search_keys(name), fast_sort_key(name))
    prepare_text(name)
    known = surname(name)
    return (*_search_keys(name, _reading(name[1:]), known), _sort_key(name, known))


def fast_keys(name: str, nickname: str) -> tuple[str, str, str]:
    """(pinyin, initials, sort_name) exactly as Member.refresh_keys() sets them: the
    search keys of the name and of the nickname, space-joined, and the name's sort key."""
    if not nickname:
        return _name_keys(name) if name else ("", "", "")
    nick_full, nick_initials = fast_search_keys(nickname)
    if not name:
        return nick_full, nick_initials, ""
    full, initials, sort = _name_keys(name)
    return f"{full} {nick_full}", f"{initials} {nick_initials}", sort


def prepare_keys(names: Iterable[tuple[str, str]]) -> None:
    """Before fast_keys() of many (name, nickname) pairs: the phrases pypinyin needs for
    all of them, in one lookup (models.members.pinyin_phrases), so each fast_keys() after
    it needs none."""
    prepare(text for pair in names for text in pair if text)
