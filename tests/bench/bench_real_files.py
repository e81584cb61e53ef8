"""Import every spreadsheet in a folder, as an owner would, and count the outcomes
(run by hand; pytest does not collect it).

    .venv/bin/python tests/bench/bench_real_files.py FOLDER [--timeout 60] [--json OUT]
        [--every-sheet] [--verbose]

Each file (.xlsx .xlsm .xls .ods .csv .tsv .txt, found recursively) is imported into a
fresh workspace by a worker process: `imported` (rows were read, some members written),
`refused` (a RosterError: one clear message for the owner), or a bug: `traceback` (any
other exception), `timeout`, `crashed` (the worker died) or `memory` (peak RSS over
500 MB for a file under 50 MB). With --every-sheet each sheet is imported on its own as
well (`--sheet NAME`). The folder used for issue 14 held the test files of calamine,
xlrd, openpyxl, readxl, XlsxWriter and frictionless-py (see `fetch_suites` below).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"}
MEMORY_MB = 500
BUGS = ("traceback", "timeout", "crashed", "memory")


def fetch_suites(folder: Path, mirrors: list[Path]) -> None:
    """Copy the spreadsheets of git mirrors (no work tree) into `folder`, one file each."""
    for repo in mirrors:
        names = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "HEAD", "--name-only"],
                               capture_output=True, text=True, check=True).stdout.split("\n")
        target = folder / repo.parent.name
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            if Path(name).suffix.lower() in SUFFIXES:
                data = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{name}"],
                                      capture_output=True, check=True).stdout
                (target / name.replace("/", "__")).write_bytes(data)


# ---------------------------------------------------------------- the worker


def _one(path: Path, sheet: str | None, scratch: Path) -> dict[str, Any]:
    from models.roster.importer import RosterError, import_roster
    from models.store.db import close_database, open_database

    db = scratch / f"w{time.monotonic_ns()}.sqlite3"
    open_database(db)
    start = time.perf_counter()
    out: dict[str, Any] = {"file": str(path), "sheet": sheet}
    try:
        report = import_roster(path, sheet=sheet)
    except RosterError as exc:
        out.update(outcome="refused", message=str(exc))
    except Exception as exc:  # noqa: BLE001 - what this script is here to find
        out.update(outcome="traceback", message=f"{type(exc).__name__}: {exc}",
                   trace=traceback.format_exc(limit=-6))
    else:
        out.update(outcome="imported", created=report.created, rejected=report.rejected,
                   problems=len(report.errors), notices=report.notices, chosen=report.sheet,
                   message=report.summary())
    finally:
        close_database()
        for leftover in scratch.glob(db.name + "*"):
            leftover.unlink()
    out["seconds"] = round(time.perf_counter() - start, 3)
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def worker() -> None:
    sys.path.insert(0, str(ROOT))
    from models import messages

    messages.set_language("zh")
    with tempfile.TemporaryDirectory() as tmp:
        for line in sys.stdin:
            job = json.loads(line)
            result = _one(Path(job["file"]), job.get("sheet"), Path(tmp))
            print(json.dumps(result, ensure_ascii=False), flush=True)


def _sheets(path: Path) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from models.roster.files import RosterFileError
    from models.roster.reader import open_book

    try:
        return list(open_book(path).sheet_names)
    except (RosterFileError, Exception):  # noqa: BLE001 - the default import says why
        return []


# ---------------------------------------------------------------- the runner


class Runner:
    """A worker process that imports file after file; it is started again after a
    timeout, a crash, or once its peak memory passed the limit (the peak only grows,
    so the file that made it pass is the one flagged)."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.proc: subprocess.Popen[str] | None = None
        self.data = tempfile.mkdtemp(prefix="qd-real-")

    def _start(self) -> subprocess.Popen[str]:
        if self.proc is None:
            env = dict(os.environ, QUNDESK_DATA_DIR=self.data)
            self.proc = subprocess.Popen([sys.executable, __file__, "--worker"], env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, text=True, bufsize=1)
        return self.proc

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def run(self, path: Path, sheet: str | None) -> dict[str, Any]:
        import selectors

        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        base = {"file": str(path), "sheet": sheet}
        try:
            proc.stdin.write(json.dumps(base, ensure_ascii=False) + "\n")
            proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {**base, "outcome": "crashed", "message": "the worker had exited"}
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            ready = sel.select(self.timeout)
        if not ready:
            self.stop()
            return {**base, "outcome": "timeout", "message": f"no answer in {self.timeout:.0f} s"}
        line = proc.stdout.readline()
        if not line.startswith("{"):
            self.stop()
            return {**base, "outcome": "crashed", "message": f"worker died ({line[:80]!r})"}
        result: dict[str, Any] = json.loads(line)
        if result.get("rss_mb", 0) > MEMORY_MB:
            self.stop()
            if result["outcome"] != "traceback" and path.stat().st_size < 50 << 20:
                result["outcome"] = "memory"
        return result


def main() -> None:
    if "--worker" in sys.argv:
        worker()
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--every-sheet", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*")
                   if p.is_file() and p.suffix.lower() in SUFFIXES)
    runner = Runner(args.timeout)
    results = []
    start = time.perf_counter()
    for n, path in enumerate(files, 1):
        jobs: list[str | None] = [None]
        if args.every_sheet:
            names = _sheets(path)
            jobs += names if len(names) > 1 else []
        for sheet in jobs:
            result = runner.run(path, sheet)
            results.append(result)
            if args.verbose or result["outcome"] in BUGS:
                where = f"{path.relative_to(args.folder)}" + (f" [{sheet}]" if sheet else "")
                print(f"{n:5}/{len(files)} {result['outcome']:9} {where}: "
                      f"{result.get('message', '')[:160]}", flush=True)
                if result.get("trace") and result["outcome"] in BUGS:
                    print("      " + result["trace"].strip().replace("\n", "\n      "))
    runner.stop()
    counts = collections.Counter(r["outcome"] for r in results)
    by_source: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in results:
        by_source[Path(r["file"]).relative_to(args.folder).parts[0]][r["outcome"]] += 1
    refusals = collections.Counter(
        r["message"].split("”")[-1][:60] for r in results if r["outcome"] == "refused")
    print(f"\n{len(files)} files, {len(results)} imports in {time.perf_counter() - start:.0f} s")
    for source, c in sorted(by_source.items()):
        print(f"  {source:40} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"bugs: {sum(counts[b] for b in BUGS)}")
    print("refusals, by message:")
    for text, n in refusals.most_common(25):
        print(f"  {n:4}  …{text}")
    slowest = sorted(results, key=lambda r: -r.get("seconds", 0))[:5]
    print("slowest: " + ", ".join(f"{Path(r['file']).name} {r.get('seconds', '?')} s"
                                  for r in slowest))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
