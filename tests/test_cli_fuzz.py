"""No argument ever ends in a traceback: every subcommand, every path argument given
hostile values (too long, a folder, a FIFO, a device, a missing folder), edge dates and
absurd counts. Each case exits 0 or 1 with one clear line, and changes nothing it must not."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import main
from models.members.cards import save_member
from models.store import inspect, schema
from models.store.db import close_database, open_database
from tests.store_helpers import fingerprint, run_cli

LONG = "名" * 120  # 360 bytes: over every file system's name limit


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    """A workspace with a member, a roster, a backup, and hostile things beside them."""
    db = tmp_path / "ws" / "w.sqlite3"
    open_database(db)
    save_member({"name": "张三", "phone": "13800138000"})
    close_database()
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,手机号\n李四,13900139000\n", encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    return {"db": db, "roster": roster, "fifo": fifo, "dir": tmp_path / "folder",
            "missing": tmp_path / "no" / "such" / "folder", "root": tmp_path}


def hostile_paths(place: dict[str, Path], suffix: str) -> dict[str, Path]:
    place["dir"].mkdir(exist_ok=True)
    return {"long": place["root"] / (LONG + suffix), "folder": place["dir"],
            "fifo": place["fifo"], "devzero": Path("/dev/zero"),
            "missing": place["missing"] / f"x{suffix}"}


def commands(place: dict[str, Path], value: Path) -> list[list[str]]:
    """Every subcommand with `value` in each of its path arguments in turn."""
    v = str(value)
    return [
        ["--db", v, "stats"], ["--db", v, "check"], ["--db", v, "demo", "--members", "2"],
        ["import-roster", v], ["import-roster", str(place["roster"]), "--report", v],
        ["import-roster", str(place["roster"]), "--dry-run", "--report", v],
        ["export-roster", v], ["export-roster", v + ".csv"],
        ["print-week", "--pdf", v], ["export-calendar", v],
        ["backup", "--to", v], ["restore", v], ["undo-import"],
    ]


def call(argv: list[str]) -> int:
    """main() in this process (argparse's own refusals exit through SystemExit)."""
    try:
        return main.main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def run(argv: list[str], db: Path) -> tuple[int, str]:
    args = argv if argv[0] == "--db" else ["--db", str(db), *argv]
    return call(args), ""


@pytest.mark.parametrize("kind", ["long", "folder", "fifo", "devzero", "missing"])
def test_hostile_paths_in_every_argument(place, kind, capsys, qapp):
    value = hostile_paths(place, ".xlsx")[kind]
    before = fingerprint(place["db"].parent)
    for argv in commands(place, value):
        code, _ = run(argv, place["db"])
        out = capsys.readouterr()
        assert code in (0, 1), argv
        assert "Traceback" not in out.err and "unexpected error" not in out.err, (argv, out.err)
        if code == 1:
            assert out.err.startswith("qundesk: ") and out.err.strip(), argv
    # hostile targets are left as they were, and the workspace is healthy and complete
    assert stat.S_ISFIFO(place["fifo"].stat().st_mode)
    made = list(place["dir"].iterdir())  # `backup --to FOLDER` puts a backup inside it
    assert all(p.name.endswith("-manual.sqlite3") and p.stat().st_mode & 0o077 == 0
               for p in made) and len(made) <= 1
    if place["missing"].exists():  # `--db NEW demo` made a new workspace there: complete
        assert inspect.examine(place["missing"] / "x.xlsx").version == schema.SCHEMA_VERSION
    assert os.stat("/dev/zero").st_mode & 0o777 == 0o666
    assert inspect.examine(place["db"], inspect.FULL).version == schema.SCHEMA_VERSION
    assert before["w.sqlite3"][1] == fingerprint(place["db"].parent)["w.sqlite3"][1]  # mode


@pytest.mark.parametrize("argv, code", [
    (["print-week", "--week", "0001-01-01", "--pdf", "w.pdf"], 1),
    (["print-week", "--week", "9999-12-31", "--pdf", "w.pdf"], 1),
    (["print-week", "--week", "1900-01-01", "--pdf", "w.pdf"], 0),
    (["print-week", "--week", "2999-12-31", "--pdf", "w.pdf"], 0),
    (["print-week", "--week", "2026-02-30", "--pdf", "w.pdf"], 1),
    (["export-calendar", "c.ics", "--from", "0001-01-01", "--to", "9999-12-31"], 1),
    (["export-calendar", "c.ics", "--from", "1900-01-01", "--to", "2999-12-31"], 0),
    (["export-calendar", "c.ics", "--from", "2026-12-31", "--to", "2026-01-01"], 1),
    (["demo", "--members", "1000000000000"], 1),
    (["demo", "--members", "300001"], 1),
    (["demo", "--members", "1e3"], 1),
    (["demo", "--members", "-1"], 1),
    (["demo", "--members", "2", "--seed", "123456789012345678901234567890"], 0),
    (["undo-import", "999999999999999999999"], 1),
    (["undo-import", "-5"], 1),
    (["import-roster", "r.csv", "--sheet", LONG], 1),
    (["export-roster", "o.xlsx", "--tag", LONG, "--group", "\x00"], 1),
])
def test_edge_values(place, argv, code, capsys, qapp, monkeypatch):
    monkeypatch.chdir(place["root"])
    result = call(["--db", str(place["db"]), *argv])
    out = capsys.readouterr()
    assert result == code, (argv, out.err)
    assert "Traceback" not in out.err and "unexpected error" not in out.err
    if code == 1:
        assert out.err.startswith("qundesk: ") or "usage:" in out.err


def test_a_fifo_as_database_or_roster_never_blocks(place):
    """Run as a real process with a timeout: a blocking open would hang, not fail."""
    for argv in (["--db", str(place["fifo"]), "stats"], ["--db", str(place["fifo"]), "check"],
                 ["--db", str(place["db"]), "import-roster", str(place["fifo"])],
                 ["--db", str(place["db"]), "restore", str(place["fifo"])]):
        result = run_cli(*argv, data_dir=place["root"] / "data", timeout=60)
        assert result.returncode == 1 and "不是普通文件" in result.stderr, argv
        assert "Traceback" not in result.stderr


def test_an_unexpected_error_is_one_line_with_a_report(place, monkeypatch, capsys, data_dir):
    from models.stats import overview as stats

    def broken(**kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(stats, "compute", broken)
    assert main.main(["--db", str(place["db"]), "stats"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error (ZeroDivisionError)" in err and "Traceback" not in err
    reports = list((data_dir / "logs").glob("error-*.txt"))
    assert len(reports) == 1 and "ZeroDivisionError" in reports[0].read_text("utf-8")
