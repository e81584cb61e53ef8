"""Roster import/export benchmark (run by hand; pytest does not collect it).

    .venv/bin/python tests/bench/bench_roster.py [--big]

1. A 10,000-row, 15-column .xlsx: openpyxl read-only just reading it, versus the whole
   CLI import as a process (`python main.py --db tmp import-roster file`). Both are
   run three times, interleaved, and the best of each is compared (target: < 0.5x).
2. Export of 10,000 members to a styled .xlsx (in process; target < 2 s).
3. With --big: a 100,000-row import as a process, its peak RSS (target < 500 MB).
"""

from __future__ import annotations

import os
import resource
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


def export_time(folder: Path) -> tuple[float, int]:
    from models.roster.exporter import export_roster
    from models.store.db import close_database, open_database

    db = folder / "export.sqlite3"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo",
                    "--members", "10000"], check=True, capture_output=True,
                   env=dict(os.environ, QUNDESK_DATA_DIR=str(folder / "data")))
    open_database(db)
    best = 1e9
    for _ in range(3):
        start = time.perf_counter()
        count = export_roster(folder / "export.xlsx")
        best = min(best, time.perf_counter() - start)
    close_database()
    return best, count


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = roster_samples.roster_xlsx(folder / "roster10k.xlsx", 10_000)
        print(f"10,000-row x 15-column roster: {path.stat().st_size / 1e6:.2f} MB")
        reads, imports = [], []
        for _ in range(5):
            reads.append(openpyxl_read(path))
            imports.append(cli_import(path, folder)[:2])
        read, imp = min(r[0] for r in reads), min(i[0] for i in imports)
        read_cpu, imp_cpu = min(r[1] for r in reads), min(i[1] for i in imports)
        print(f"openpyxl read-only, just reading: best wall {read:.2f} s, CPU {read_cpu:.2f} s")
        print(f"CLI import, whole process:        best wall {imp:.2f} s, CPU {imp_cpu:.2f} s")
        print(f"ratio: wall {imp / read:.2f}x, CPU {imp_cpu / read_cpu:.2f}x  (target < 0.5x)")
        print("  (a busy machine inflates wall times; CPU seconds are steadier)")
        seconds, count = export_time(folder)
        print(f"export {count} members to styled .xlsx: best {seconds:.2f} s (target < 2 s)")
        if "--big" in sys.argv:
            big = roster_samples.roster_xlsx(folder / "roster100k.xlsx", 100_000)
            wall, _, rss = cli_import(big, folder)
            print(f"100,000-row import, whole process: {wall:.1f} s, peak RSS {rss:.0f} MB "
                  f"(target < 500 MB)")


if __name__ == "__main__":
    main()
