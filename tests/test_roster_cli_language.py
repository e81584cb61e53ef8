"""The roster commands speak one language at a time: --lang, else the system's."""

from __future__ import annotations

import openpyxl
import pytest

import main
from models.members.cards import save_member


@pytest.fixture
def roster(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "微信号", "入群时间", "血型"])
    wb.active.append(["张三", "zhangsan_01", "03/05/2024", "A"])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    return path


def test_english_throughout(db_path, roster, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main.main(["--db", str(db_path), "import-roster", str(roster)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == ("r.xlsx (Sheet): 1 created, 0 updated, 0 skipped, 0 rejected"
                                   " (import batch 1; can be undone)")
    assert out.splitlines()[1].startswith("  These columns were not imported: 血型")
    assert err.startswith("  row 2, 入群时间: Joined “03/05/2024” could be day/month")
    assert main.main(["--db", str(db_path), "export-roster", str(tmp_path / "o.xlsx")]) == 0
    assert capsys.readouterr().out == f"exported 1 members to {tmp_path / 'o.xlsx'}\n"
    for batch, text in (("x", "“x” is not a batch number"), ("0", "There is no import batch 0")):
        with pytest.raises(SystemExit) as done:  # argparse's way out, with exit code 1
            main.main(["--db", str(db_path), "undo-import", batch])
        assert done.value.code == 1 and text in capsys.readouterr().err


def test_chinese_throughout_and_lang_wins(db_path, roster, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main.main(["--lang", "zh", "--db", str(db_path), "import-roster", str(roster)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("r.xlsx（Sheet）：新建 1，")
    assert err.startswith("  第 2 行，入群时间：入群时间“03/05/2024”日和月分不清")
    save_member({"name": "李四"})
    out_file = tmp_path / "o.csv"
    assert main.main(["--lang", "zh", "--db", str(db_path), "export-roster", str(out_file)]) == 0
    assert capsys.readouterr().out == f"已导出 2 位成员到 {out_file}\n"
    with pytest.raises(SystemExit) as done:
        main.main(["--lang", "zh", "--db", str(db_path), "undo-import", "x"])
    assert done.value.code == 1 and "“x”不是导入批次号" in capsys.readouterr().err
