"""pypinyin given only the phrases a text needs reads every text as with its whole list
(models.members.pinyin_phrases), and the phrase table is pypinyin's own list."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.members import pinyin_keys, pinyin_phrases
from models.members.pinyin_bulk import fast_keys

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter. WHOLE: pypinyin imported first, so it loads its whole
# phrase list (the reference); else as the app imports it. The texts are strings of
# phrases, prefixes of phrases that are no phrase, and single characters, run together:
# the cases where forward maximum matching depends on what the list holds.
READ = r"""
import json, random, sqlite3, sys
sys.path.insert(0, {root!r})
if {whole!r}:
    import pypinyin.constants
from models.members import pinyin_keys, pinyin_phrases
from models.members import pinyin_bulk as fast
from models.members.pinyin_bulk import prepare_keys
con = sqlite3.connect({table!r})
phrases = [r[0] for r in con.execute("SELECT text FROM phrase WHERE reading IS NOT NULL")]
prefixes = [r[0] for r in con.execute("SELECT text FROM phrase WHERE reading IS NULL")]
chars = sorted({{c for p in phrases for c in p}})
rng = random.Random({seed})
texts = ["重庆", "长春市", "曾经的银行行长", "单于洋", "尉迟恭", "欧阳娜娜", "小明-北京",
         "Amy张😀", "行长行长", "一丁点儿", "〇二", ""]
for _ in range({count}):
    parts = [rng.choice((rng.choice(phrases), rng.choice(prefixes), rng.choice(chars),
                         rng.choice(("-", " ", "A", "😀"))))
             for _ in range(rng.randint(1, 5))]
    texts.append("".join(parts))
half = len(texts) // 2
prepare_keys((t, t[::-1]) for t in texts[half:])  # bulk, then one by one
out = {{
    "keys": [(pinyin_keys.sort_key(t), pinyin_keys.search_keys(t), fast.fast_keys(t, t[::-1]))
             for t in texts],
    "whole": pinyin_phrases.whole_list_loaded(),
}}
print(json.dumps(out, ensure_ascii=False))
"""


def _read(whole: bool, table: Path = pinyin_phrases.TABLE, seed: int = 3,
          count: int = 2500) -> dict[str, object]:
    code = READ.format(root=str(ROOT), whole=whole, table=str(table), seed=seed, count=count)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, encoding="utf-8")
    return json.loads(done.stdout)


def test_every_text_reads_as_with_the_whole_phrase_list() -> None:
    whole, needed = _read(whole=True), _read(whole=False)
    assert whole["whole"] is True and needed["whole"] is False
    assert needed["keys"] == whole["keys"]


def test_the_shipped_table_has_no_wal_to_miss() -> None:
    """pinyin_phrases opens the file with immutable=1, which ignores a -wal file: safe
    only for a file in rollback-journal mode (header bytes 18 and 19 are 1; WAL is 2)
    that nothing writes, as make_phrases.py leaves it."""
    header = pinyin_phrases.TABLE.read_bytes()[:100]
    assert header[:16] == b"SQLite format 3\x00"
    assert (header[18], header[19]) == (1, 1)
    assert not pinyin_phrases.TABLE.with_name(pinyin_phrases.TABLE.name + "-wal").exists()


def test_the_table_is_pypinyins_phrase_list() -> None:
    import pypinyin
    from pypinyin.phrases_dict import phrases_dict  # the module that loads the whole list

    con = sqlite3.connect(f"{pinyin_phrases.TABLE.as_uri()}?mode=ro", uri=True)
    meta = dict(con.execute("SELECT key, value FROM meta"))
    assert meta["pypinyin"] == pypinyin.__version__, \
        "run resources/pinyin/make_phrases.py after upgrading pypinyin"
    rows = con.execute("SELECT text, reading FROM phrase").fetchall()
    table = {text: json.loads(reading) for text, reading in rows if reading is not None}
    assert table == phrases_dict
    prefixes = {text for text, reading in rows if reading is None}
    every_prefix = {p[:k] for p in phrases_dict for k in range(1, len(p))}
    assert prefixes == every_prefix - set(phrases_dict)
    assert int(meta["longest"]) == max(map(len, phrases_dict))


# In a fresh interpreter with pypinyin's whole list: the word table as make_phrases.py
# would write it now, beside the file's rows.
WORDS = r"""
import json, sqlite3, sys
sys.path.insert(0, {root!r})
import pypinyin.constants
from pypinyin.phrases_dict import phrases_dict
sys.path.insert(0, {script!r})
from make_phrases import word_rows
con = sqlite3.connect({table!r})
shipped = con.execute("SELECT text, syllables, heads FROM word ORDER BY text").fetchall()
made = word_rows(phrases_dict, pypinyin.constants.PINYIN_DICT)
print(json.dumps({{"same": [list(r) for r in shipped] == [list(r) for r in made],
                   "rows": len(made), "chars": len(pypinyin.constants.PINYIN_DICT),
                   "phrases": len(phrases_dict)}}))
"""


def test_the_word_table_is_pypinyins_reading_of_each_word() -> None:
    """Every character pypinyin knows and every phrase: the syllables and readings
    pypinyin gives with its whole list (what a bulk read takes instead of asking it)."""
    code = WORDS.format(root=str(ROOT), script=str(ROOT / "resources" / "pinyin"),
                        table=str(pinyin_phrases.TABLE))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, encoding="utf-8")
    out = json.loads(done.stdout)
    assert out["same"], "run resources/pinyin/make_phrases.py after upgrading pypinyin"
    assert out["chars"] <= out["rows"] <= out["chars"] + out["phrases"]


def test_a_bulk_read_takes_readings_from_the_word_table() -> None:
    """曾 has readings zeng and ceng; 银行 reads yin hang: prepared, they come from the
    table (the same values pypinyin gives, checked above), not from a conversion."""
    from models.members import pinyin_bulk

    pinyin_phrases.prepare(["曾银行"])
    assert pinyin_phrases.SYLLABLES["银行"] == ("yin", "hang")
    assert set(pinyin_phrases.HEADS["曾"]) == {"zeng", "ceng"}
    assert pinyin_bulk.char_readings("曾") == pinyin_phrases.HEADS["曾"]
    assert pinyin_bulk.word_reading("银行") == ("yin", "hang")


def test_a_table_of_another_pypinyin_is_not_used(tmp_path: Path) -> None:
    """Another pypinyin's list could differ: pypinyin then loads its whole list itself.
    So does a file without the word table (made by an older make_phrases.py)."""
    other = tmp_path / "phrases.sqlite3"
    shutil.copy(pinyin_phrases.TABLE, other)
    with sqlite3.connect(other) as con:
        con.execute("UPDATE meta SET value = '0.1' WHERE key = 'pypinyin'")
    older = tmp_path / "older.sqlite3"
    shutil.copy(pinyin_phrases.TABLE, older)
    with sqlite3.connect(older) as con:
        con.execute("DROP TABLE word")
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from models.members import pinyin_phrases as p\n"
            f"p.TABLE = __import__('pathlib').Path({str(other)!r})\n"
            "from models.members.pinyin_keys import sort_key\n"
            "key = sort_key('去银行')\n"
            "print(p.whole_list_loaded(), key)")
    for table in (other, older, tmp_path / "missing.sqlite3"):
        out = subprocess.run([sys.executable, "-c", code.replace(str(other), str(table))],
                             capture_output=True, text=True, check=True).stdout.split()
        assert out == ["True", "qu", "yin", "hang"]


def test_the_app_reads_with_the_phrases_each_text_needs() -> None:
    """This process too (tests/conftest.py imports pypinyin the app's way)."""
    from pypinyin.constants import PHRASES_DICT

    assert not pinyin_phrases.whole_list_loaded()
    assert pinyin_keys.sort_key("去重庆") == "qu chong qing"  # 重 alone is zhong
    assert fast_keys("去银行", "")[2] == "qu yin hang"  # 行 alone is xing
    assert 0 < len(PHRASES_DICT) < 47_111 // 2


@pytest.mark.parametrize("texts", [["重庆", "重庆"], [""], ["ABC", "😀"], []])
def test_prepare_takes_any_texts(texts: list[str]) -> None:
    pinyin_phrases.prepare(texts)
    for text in texts:
        assert pinyin_keys.sort_key(text) == " ".join(
            pinyin_keys.name_reading(text)).lower() if text else True


def test_pypinyin_is_imported_only_through_pinyin_phrases() -> None:
    """Imported anywhere else first, pypinyin would load its whole list."""
    import ast

    for path in (ROOT / "models").rglob("*.py"):
        if path.name == "pinyin_phrases.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "pypinyin" for n in names), path


def test_pypinyin_is_imported_with_its_switches_and_the_environment_is_left_as_it_was() -> None:
    """No phrase list and no private copy of the character table (the app never changes
    it); the switches are pypinyin's own, read on import, and not left set for children."""
    import os

    from pypinyin import pinyin_dict
    from pypinyin.constants import PINYIN_DICT

    assert PINYIN_DICT is pinyin_dict.pinyin_dict
    assert not {"PYPINYIN_NO_PHRASES", "PYPINYIN_NO_DICT_COPY"} & set(os.environ)
