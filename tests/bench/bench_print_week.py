"""`print-week` benchmark (issue 6 target: < 1.5 s as a whole process). Not collected by
pytest; run:

    .venv/bin/python tests/bench/bench_print_week.py [--members 5000] [--runs 7]

Builds a demo community of that size once (cached in /tmp), then runs
`main.py print-week --pdf OUT.pdf` as a fresh process several times and reports the
wall-clock times (min / median / max), the CPU time per run (steadier when other work
shares the machine), the page count and the in-process split (assembly vs. layout + PDF).
"""

from __future__ import annotations

import argparse
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


def demo_db(members: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"qundesk_bench_week_{members}.sqlite3"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo",
                        "--members", str(members)], check=True, cwd=ROOT)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = demo_db(args.members)
    out = Path(tempfile.gettempdir()) / "qundesk_bench_week.pdf"
    env = dict(os.environ)
    env.pop("DISPLAY", None)  # headless, as on a server or in CI
    env.pop("QT_QPA_PLATFORM", None)  # write_week_pdf must choose offscreen by itself
    times, cpu = [], []
    stdout = ""
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db),
                                 "print-week", "--pdf", str(out)], capture_output=True,
                                text=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU time (user + sys) is less distorted than wall time on a busy machine.
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            sys.exit(f"print-week failed: {result.stderr}")
        stdout = result.stdout.strip()
    print(f"print-week, {args.members} members, whole process ({args.runs} runs): "
          f"min {min(times):.3f} s, median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s  [{stdout}]")
    print(f"CPU time (user + sys) per run: min {min(cpu):.3f} s, "
          f"median {statistics.median(cpu):.3f} s; load average {os.getloadavg()[0]:.2f}")

    # Where the time goes, in one process.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import datetime as dt

    from models.store.db import open_database
    from models.week.plan import assemble
    from ui.print.week_pdf import ensure_gui_app, week_html, week_title

    ensure_gui_app()
    from ui.print.document import render_pdf

    open_database(db)
    t0 = time.perf_counter()
    plan = assemble(dt.date.today())
    t1 = time.perf_counter()
    html = week_html(plan)
    t2 = time.perf_counter()
    pages = render_pdf(html, out, title=week_title(plan))
    t3 = time.perf_counter()
    print(f"in process: assemble {1000 * (t1 - t0):.0f} ms, HTML {1000 * (t2 - t1):.0f} ms, "
          f"layout + PDF {1000 * (t3 - t2):.0f} ms ({pages} pages)")


if __name__ == "__main__":
    main()
