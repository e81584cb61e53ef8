"""Write resources/pinyin/phrases.sqlite3 from the installed pypinyin (run after upgrading it).

    .venv/bin/python resources/pinyin/make_phrases.py

The file holds two tables, both pypinyin's own data or output:
- `phrase`: pypinyin's phrase list (text -> reading, as pypinyin has it) and every
  prefix of every phrase (reading NULL), so that models.members.pinyin_phrases can give
  pypinyin exactly the phrases, and teach its segmenter exactly the prefixes, that occur
  in a text (see that module);
- `word`: for every character pypinyin has a reading for and every phrase, the syllables
  pypinyin reads it as with its whole list (models.members.pinyin_bulk.word_reading), and
  for a character every reading it has (heteronyms, pinyin_bulk.char_readings). A bulk
  read looks words up here instead of converting each one again (~15 us a word).
tests/test_pinyin_phrases.py checks the file against pypinyin.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

OUT = Path(__file__).with_name("phrases.sqlite3")
ROOT = Path(__file__).resolve().parents[2]


def rows(phrases: dict[str, list[list[str]]]) -> list[tuple[str, str | None]]:
    """(text, reading as JSON or NULL for a prefix only), sorted: the same file every run."""
    table: dict[str, str | None] = {}
    for text in phrases:
        for end in range(1, len(text)):
            table.setdefault(text[:end], None)
    for text, reading in phrases.items():
        table[text] = json.dumps(reading, ensure_ascii=False, separators=(",", ":"))
    return sorted(table.items())


def word_rows(phrases: dict[str, list[list[str]]],
              chars: dict[int, str]) -> list[tuple[str, str, str | None]]:
    """(word, its syllables, a character's readings or NULL), space-separated, sorted.
    Call with pypinyin's whole phrase list loaded: the readings are the whole list's."""
    from models.members.pinyin_bulk import char_readings, word_reading

    out = []
    for word in sorted({*map(chr, chars), *phrases}):
        syllables = word_reading(word)
        heads = char_readings(word) if len(word) == 1 else None
        if any(" " in s or not s for s in (*syllables, *(heads or ()))):
            raise ValueError(f"a syllable of {word!r} cannot be kept space-separated")
        out.append((word, " ".join(syllables), " ".join(heads) if heads else None))
    return out


def write(out: Path = OUT) -> Path:
    import pypinyin
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.phrases_dict import phrases_dict  # the whole list, as pypinyin loads it

    sys.path.insert(0, str(ROOT))
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    with con:
        con.execute("CREATE TABLE phrase (text TEXT PRIMARY KEY, reading TEXT) WITHOUT ROWID")
        con.executemany("INSERT INTO phrase VALUES (?, ?)", rows(phrases_dict))
        con.execute("CREATE TABLE word (text TEXT PRIMARY KEY, syllables TEXT NOT NULL, "
                    "heads TEXT) WITHOUT ROWID")
        con.executemany("INSERT INTO word VALUES (?, ?, ?)", word_rows(phrases_dict, PINYIN_DICT))
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("pypinyin", pypinyin.__version__),
            ("phrases", str(len(phrases_dict))),
            ("longest", str(max(map(len, phrases_dict)))),
        ])
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)
    return out


if __name__ == "__main__":
    path = write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
