"""Roster import/export benchmark (run by hand; pytest does not collect it).

    .venv/bin/python tests/bench/bench_roster.py [--big] [--no-pyc]

1. A 10,000-row, 15-column .xlsx: openpyxl read-only just reading it, versus the whole
   CLI import as a process (`python main.py --db tmp import-roster file`). Both are
   run seven times, interleaved; the best and the median of each are compared, and the
   ratio of each pair (target: <= 0.35x, wall and CPU). The same for 1,000 rows
   (target: <= 0.3 s). Beside them, the floor: the least any import of the file costs
   with this stack (the interpreter, calamine reading the cells, a bare SQLite insert).
   The CLI runs with its bytecode cached (in a temporary PYTHONPYCACHEPREFIX), as an
   installed app or the bundle has it; --no-pyc keeps PYTHONDONTWRITEBYTECODE as the
   environment sets it (every module compiled from source on every run: ~0.1 s more).
   Then the same with varied names (roster_samples.roster_xlsx(varied=True)): a real
   roster's names hold thousands of different words, the default file's a few dozen.
   Then that file saved with its <dimension> element, as Excel, WPS and LibreOffice save
   a sheet: the files above come from openpyxl's write-only mode, which leaves it out,
   and openpyxl's read-only reader reads a sheet without it twice (once looking for it).
   Then the same roster as Excel writes it (roster_samples.as_excel_writes): text in the
   shared string table, a <dimension>, dates as numbers. openpyxl reads that fastest of
   all, so the same import is the largest share of it.
2. Export of 20,000 and 100,000 members (with --big) to a styled .xlsx, in process
   (targets < 2 s, < 8 s), beside bare XlsxWriter (constant_memory) writing the same
   cells with no styling, measured in the same run.
3. With --big: a 100,000-row import as a process, its peak RSS (target < 500 MB).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import roster_samples  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def openpyxl_read(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds openpyxl read-only needs to read every row, in-process timing."""
    code = ("import openpyxl,sys,time;t=time.perf_counter();c=time.process_time();"
            "wb=openpyxl.load_workbook(sys.argv[1],read_only=True);"
            "n=sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True));"
            "print(time.perf_counter()-t, time.process_time()-c)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True)
    wall, cpu = map(float, out.stdout.split())
    return wall, cpu


def cli_import(path: Path, folder: Path) -> tuple[float, float, float]:
    """Wall and CPU seconds of the whole process, and its peak RSS in MB."""
    db = folder / f"bench-{time.monotonic_ns()}.sqlite3"
    env = dict(os.environ, QUNDESK_DATA_DIR=str(folder / "data"))
    if "--no-pyc" not in sys.argv:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db),
                           "import-roster", str(path)], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(done.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, _cpu() - cpu, max(before.ru_maxrss, after.ru_maxrss) / 1024


def export_time(folder: Path, members: int) -> tuple[float, float, int]:
    """Best of three: the styled export, and bare XlsxWriter writing the same cells."""
    from models.roster import exporter
    from models.store.db import close_database, open_database

    db = folder / f"export{members}.sqlite3"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo",
                    "--members", str(members)], check=True, capture_output=True,
                   env=dict(os.environ, QUNDESK_DATA_DIR=str(folder / "data")))
    open_database(db)
    columns = exporter.all_columns()
    cells = [exporter._line(columns, v, False)
             for v in exporter._rows(exporter._member_ids([], None, None), columns)]
    best = bare = 1e9
    for _ in range(3):
        start = time.perf_counter()
        count = exporter.export_roster(folder / "export.xlsx")
        best = min(best, time.perf_counter() - start)
        start = time.perf_counter()
        bare_xlsxwriter(folder / "bare.xlsx", columns, cells)
        bare = min(bare, time.perf_counter() - start)
    close_database()
    return best, bare, count


def bare_xlsxwriter(out: Path, headers: list[str], cells: list[list[object]]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    ws = wb.add_worksheet()
    for i, header in enumerate(headers):
        ws.write_string(0, i, header)
    for r, row in enumerate(cells, 1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write(r, c, value)
    wb.close()


# The least any import of the file can cost with this stack: the interpreter started,
# python-calamine reading every cell (as the app reads it), the rows inserted as they are
# into one SQLite table in WAL mode, committed. No checks, keys, matching, tags, indexes.
FLOOR = """
import sqlite3, sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
width = max(map(len, rows))
con = sqlite3.connect(sys.argv[2])
con.execute("PRAGMA journal_mode = wal")
con.execute(f"CREATE TABLE t ({','.join(f'c{i}' for i in range(width))})")
with con:
    con.executemany(f"INSERT INTO t VALUES ({','.join('?' * width)})",
                    (row + [None] * (width - len(row)) for row in rows))
con.close()
"""


def floor(path: Path, folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of FLOOR as a process."""
    cpu = _cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, str(path),
                    str(folder / f"floor-{time.monotonic_ns()}.sqlite3")], check=True)
    return time.perf_counter() - start, _cpu() - cpu


def compare(path: Path, folder: Path, label: str, runs: int = 7) -> None:
    """openpyxl and the CLI run alternately, `runs` times each. Besides the best and the
    median of each side, the ratio of each pair (the CLI beside the openpyxl read just
    before it) is given as min / median / max: on a shared machine whose speed drifts
    from minute to minute, the pair's ratio is steadier than the two sides' bests."""
    reads, imports, floors = [], [], []
    for _ in range(runs):
        reads.append(openpyxl_read(path))
        imports.append(cli_import(path, folder)[:2])
        floors.append(floor(path, folder))
    for name, pick in (("best", min), ("median", statistics.median)):
        read, imp = pick(r[0] for r in reads), pick(i[0] for i in imports)
        read_cpu, imp_cpu = pick(r[1] for r in reads), pick(i[1] for i in imports)
        print(f"{label} {name}: openpyxl read-only, just reading: wall {read:.2f} s, "
              f"CPU {read_cpu:.2f} s; CLI import, whole process: wall {imp:.2f} s, "
              f"CPU {imp_cpu:.2f} s; ratio wall {imp / read:.2f}x, CPU {imp_cpu / read_cpu:.2f}x")
    for kind, at in (("wall", 0), ("CPU", 1)):
        pairs = sorted(i[at] / r[at] for r, i in zip(reads, imports, strict=True))
        print(f"{label} ratio of each pair, {kind}: min {pairs[0]:.3f}x / median "
              f"{statistics.median(pairs):.3f}x / max {pairs[-1]:.3f}x")
    least = sorted(f[1] / r[1] for r, f in zip(reads, floors, strict=True))
    print(f"{label} floor (start, calamine, a bare insert of the cells): median "
          f"{statistics.median(f[0] for f in floors):.2f} s, CPU {statistics.median(least):.3f}x "
          "of openpyxl's read")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = roster_samples.roster_xlsx(folder / "roster10k.xlsx", 10_000)
        print(f"10,000-row x 15-column roster: {path.stat().st_size / 1e6:.2f} MB")
        cli_import(path, folder)  # fills the bytecode cache
        compare(path, folder, "10k")
        print("  (target <= 0.35x wall and CPU; a busy machine inflates wall times)")
        varied = roster_samples.roster_xlsx(folder / "varied10k.xlsx", 10_000, varied=True)
        cli_import(varied, folder)
        compare(varied, folder, "10k varied names")
        print("  (names and nicknames as varied as a real roster's: thousands of different "
              "words to read)")
        saved = roster_samples.with_dimension(varied, folder / "saved10k.xlsx")
        cli_import(saved, folder)
        compare(saved, folder, "10k varied names, with <dimension>")
        print("  (the same file with the element Excel writes: openpyxl then reads the sheet "
              "once, not twice, so the same import is a larger share of it)")
        excel = roster_samples.as_excel_writes(varied, folder / "excel10k.xlsx")
        cli_import(excel, folder)
        compare(excel, folder, "10k varied names, as Excel writes it")
        print("  (shared strings too: openpyxl's fastest case)")
        small = roster_samples.roster_xlsx(folder / "roster1k.xlsx", 1_000)
        compare(small, folder, "1k")
        print("  (target: the import <= 0.3 s)")
        for members in (20_000, 100_000) if "--big" in sys.argv else (20_000,):
            seconds, bare, count = export_time(folder, members)
            print(f"export {count} members to styled .xlsx: best {seconds:.2f} s; bare XlsxWriter "
                  f"constant_memory, same cells: {bare:.2f} s (target < {2 if members < 50_000 else 8} s)")
        if "--big" in sys.argv:
            big = roster_samples.roster_xlsx(folder / "roster100k.xlsx", 100_000)
            wall, _, rss = cli_import(big, folder)
            print(f"100,000-row import, whole process: {wall:.1f} s, peak RSS {rss:.0f} MB "
                  f"(target < 500 MB)")


if __name__ == "__main__":
    main()
