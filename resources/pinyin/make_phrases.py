"""Write resources/pinyin/phrases.sqlite3 from the installed pypinyin (run after upgrading it).

    .venv/bin/python resources/pinyin/make_phrases.py

The table holds pypinyin's phrase list (text -> reading, as pypinyin has it) and every
prefix of every phrase (reading NULL), so that models.members.pinyin_phrases can give
pypinyin exactly the phrases, and teach its segmenter exactly the prefixes, that occur in
a text (see that module). tests/test_pinyin_phrases.py checks the file against pypinyin.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

OUT = Path(__file__).with_name("phrases.sqlite3")


def rows(phrases: dict[str, list[list[str]]]) -> list[tuple[str, str | None]]:
    """(text, reading as JSON or NULL for a prefix only), sorted: the same file every run."""
    table: dict[str, str | None] = {}
    for text in phrases:
        for end in range(1, len(text)):
            table.setdefault(text[:end], None)
    for text, reading in phrases.items():
        table[text] = json.dumps(reading, ensure_ascii=False, separators=(",", ":"))
    return sorted(table.items())


def write(out: Path = OUT) -> Path:
    import pypinyin
    from pypinyin.phrases_dict import phrases_dict  # the whole list, as pypinyin loads it

    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    with con:
        con.execute("CREATE TABLE phrase (text TEXT PRIMARY KEY, reading TEXT) WITHOUT ROWID")
        con.executemany("INSERT INTO phrase VALUES (?, ?)", rows(phrases_dict))
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
