"""pypinyin with only the phrases a text needs, read as with its whole phrase list.

pypinyin reads its whole list of 47,000 phrases on import (2.5 MB of JSON, then every
prefix into its segmenter): ~75 ms, ~40 ms more to free at exit, and tens of MB, before
the first name is read. A name needs the few phrases that occur in it. So pypinyin is
imported with PYPINYIN_NO_PHRASES (its own switch), and before a text is read the
phrases occurring in it are looked up in a copy of pypinyin's list kept as an SQLite
table (resources/pinyin/phrases.sqlite3, made by resources/pinyin/make_phrases.py from the
pinned pypinyin; tests/test_pinyin_phrases.py checks it against pypinyin) and added the
way pypinyin's `load_phrases_dict` adds phrases (into its public PHRASES_DICT, and the
segmenter taught them with `seg.train`).

The reading is the same as with the whole list, character for character: pypinyin cuts a
run of Chinese by forward maximum matching (`pypinyin.seg.mmseg`), which asks of each
substring of the run whether it is a phrase and whether it starts one. The runs are
those of what a name's keys read: its first character alone, and the rest after it.
Every substring of such a run that could be in the list is looked up (its characters
and pairs, then the substrings one longer of those found, up to the longest phrase), so
each of those questions gets the answer the whole list gives: the phrases found are
loaded and the prefixes found are taught to the segmenter (`seg.train`, public).

The same lookup brings each word's reading from the file's `word` table: the syllables
pypinyin reads a character or a phrase as, and a character's heteronyms, written by
pypinyin itself with its whole list (make_phrases.py). A bulk read (pinyin_bulk) takes
them from SYLLABLES and HEADS instead of converting every word again.

When the file is missing or was made from another pypinyin version, the whole list is
loaded as pypinyin itself would load it, and every word is read by pypinyin.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import threading
from collections.abc import Iterable
from json import dumps, loads

from models.store.paths import resources_dir


def _import_pypinyin() -> bool:
    """Import pypinyin without its phrase list, unless it is in the process already;
    whether its whole list is loaded."""
    if "pypinyin.constants" in sys.modules:
        from pypinyin.constants import PHRASES_DICT

        return bool(PHRASES_DICT)
    # pypinyin's own switches, read by pypinyin.constants on import only: no phrase list,
    # and no private copy of its character table (the copy is for programs that change
    # the table, load_single_dict; the app never does): ~2 ms.
    switches = ("PYPINYIN_NO_PHRASES", "PYPINYIN_NO_DICT_COPY")
    before = {name: os.environ.get(name) for name in switches}
    os.environ.update(dict.fromkeys(switches, "1"))
    try:
        import pypinyin.constants  # noqa: F401
    finally:
        for name, value in before.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value
    return False


_whole = _import_pypinyin()

# The rest of the app takes pypinyin's functions from here, so that it is always
# imported this way first (tests/test_pinyin_phrases.py checks that).
import pypinyin  # noqa: E402
from pypinyin import Style, lazy_pinyin, load_phrases_dict, pinyin  # noqa: E402
from pypinyin.constants import PHRASES_DICT, RE_HANS  # noqa: E402
from pypinyin.seg.mmseg import seg  # noqa: E402

# A run of characters pypinyin reads (RE_HANS matches a whole string of them).
HAN_CLASS = RE_HANS.pattern[len("^(?:"):-len(")+$")]
# A run of them; the group makes split() keep the runs (findall gives the same).
RUNS = re.compile(f"({HAN_CLASS}+)")

TABLE = resources_dir() / "pinyin" / "phrases.sqlite3"
# Texts handled since the last clear (a bulk read prepares all its texts at once, so the
# per-text calls after it cost a set lookup).
_READY_LIMIT = 200_000
_ready: set[str] = set()
_lock = threading.Lock()
_table: sqlite3.Connection | None = None
_longest = 0
# The word table's readings of the words prepared so far (at most the table, ~90,000
# words): a word's syllables, a character's readings, space-split. Empty while pypinyin
# has its whole list: it is asked then.
SYLLABLES: dict[str, tuple[str, ...]] = {}
HEADS: dict[str, tuple[str, ...]] = {}


def _open_table() -> sqlite3.Connection | None:
    """The phrase table, if it is there and made from this pypinyin. It is read as
    immutable (no locks, nothing created beside it, even in a read-only bundle): it is
    shipped in rollback-journal mode and never written, so it has no -wal to miss."""
    global _longest
    try:
        con = sqlite3.connect(f"{TABLE.as_uri()}?mode=ro&immutable=1", uri=True,
                              check_same_thread=False)
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        con.execute("SELECT text, syllables, heads FROM word LIMIT 1").fetchall()
    except (sqlite3.Error, OSError, ValueError):
        return None
    if meta.get("pypinyin") != pypinyin.__version__:
        con.close()
        return None
    _longest = int(meta["longest"])
    return con


def _load_whole_list() -> None:
    global _whole
    from pypinyin.phrases_dict import phrases_dict  # pypinyin's own loader of its list

    load_phrases_dict(phrases_dict)
    _whole = True


def _pairs(runs: set[str]) -> set[str]:
    """Every two characters in a row in the runs."""
    out: set[str] = set()
    for run in runs:
        size = len(run)
        if size == 2:  # most runs of a name: no loop needed
            out.add(run)
        elif size == 3:
            out.update((run[:2], run[1:]))
        elif size > 3:
            out.update(run[start:start + 2] for start in range(size - 1))
    return out


def _longer(runs: set[str], size: int, found: set[str]) -> set[str]:
    """The substrings of `size` characters of the runs that start with one found: the
    table holds every prefix of every phrase, so no other one can be in it."""
    out: set[str] = set()
    for run in runs:
        for start in range(len(run) - size + 1):
            if run[start:start + size - 1] in found:
                out.add(run[start:start + size])
    return out


def _read_pieces(texts: list[str]) -> list[str]:
    """What a text's pinyin keys read of it (models.members.pinyin_keys): its first
    character on its own, and the rest after it, of the text and of it stripped (a
    surname, even a compound one, ends inside that rest). Phrases running across the
    first character are never read, so they are not looked up: about half the pairs of
    a roster's names."""
    out: list[str] = []
    for text in texts:
        out += (text[:1], text[1:])
        if text[:1].isspace():
            text = text.strip()
            out += (text[:1], text[1:])
    return out


def _json(texts: list[str]) -> str:
    # Chinese as it is, not as \u escapes: a third of the text for json_each to parse.
    return dumps(texts, ensure_ascii=False)


def prepare_text(text: str) -> None:
    """prepare() for one text (a set lookup once it is prepared)."""
    if not _whole and text not in _ready:
        prepare((text,))


def prepare(texts: Iterable[str]) -> None:
    """Make pypinyin read these texts' pinyin keys as with its whole phrase list (call
    before reading them; a bulk reader passes all its texts at once: one query)."""
    global _table
    if _whole:
        return
    with _lock:
        fresh = [t for t in texts if t not in _ready]
        if not fresh or _whole:
            return
        if _table is None:
            _table = _open_table()
            if _table is None:
                _load_whole_list()
                return
        # One regex pass over what the keys read of the texts (a newline is never part
        # of a run); names share surnames, nicknames share words: each run once.
        runs = set(RUNS.findall("\n".join(_read_pieces(fresh))))
        if runs:
            phrases: dict[str, list[list[str]]] = {}
            prefixes: list[str] = []
            chars = set("".join(runs))  # in one C call
            # The words the segmenter can cut out of these texts: characters and phrases.
            words = [c for c in chars if c not in SYLLABLES]
            # Characters and pairs first; then the substrings one longer of those found.
            level, size = [*chars, *_pairs(runs)] if _longest >= 2 else [*chars], 2
            while level:
                found = set()
                for text, reading in _table.execute(  # a key lookup per substring
                        "SELECT p.text, p.reading FROM json_each(?) AS j "
                        "JOIN phrase AS p ON p.text = j.value", (_json(level),)):
                    found.add(text)
                    if reading is not None:
                        if text not in PHRASES_DICT:
                            phrases[text] = loads(reading)
                        if len(text) > 1 and text not in SYLLABLES:
                            words.append(text)
                prefixes += found
                size += 1
                level = [*_longer(runs, size, found)] if found and size <= _longest else []
            for text, syllables, heads in _table.execute(
                    "SELECT w.text, w.syllables, w.heads FROM json_each(?) AS j "
                    "JOIN word AS w ON w.text = j.value", (_json(words),)):
                SYLLABLES[text] = tuple(syllables.split(" "))
                if heads is not None:
                    HEADS[text] = tuple(heads.split(" "))
            # What load_phrases_dict does, but teaching the segmenter only the new
            # prefixes: it re-teaches every phrase known so far (N texts, N² time).
            PHRASES_DICT.update(phrases)
            seg.train(iter(prefixes))  # the found phrases, and prefixes of phrases not in it
        if len(_ready) + len(fresh) > _READY_LIMIT:
            _ready.clear()
        _ready.update(fresh)


def whole_list_loaded() -> bool:
    """Whether pypinyin has its whole phrase list (imported before this module, or the
    table could not be used)."""
    return _whole


__all__ = ["HAN_CLASS", "HEADS", "RE_HANS", "RUNS", "SYLLABLES", "Style", "lazy_pinyin",
           "pinyin", "prepare", "prepare_text", "seg", "whole_list_loaded"]
