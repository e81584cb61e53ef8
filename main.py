"""QunDesk (群主台): no arguments opens the app; subcommands run headless (see README)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from models.version import __version__

if TYPE_CHECKING:
    from models.store.db import WorkspaceDatabase


class UserError(Exception):
    """Bad input from the command line: one clear message, exit code 1."""


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a bad argument; the CLI contract says 1 for every user error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"qundesk: {message}\n")


EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2999, 12, 31)  # dates the CLI accepts
MAX_DEMO_MEMBERS = 300_000  # the largest community the app is built and measured for


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (use YYYY-MM-DD)") from None
    if not EARLIEST <= day <= LATEST:
        raise argparse.ArgumentTypeError(
            f"“{text}” is outside {EARLIEST.isoformat()} … {LATEST.isoformat()}")
    return day


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if not 0 <= value <= MAX_DEMO_MEMBERS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_DEMO_MEMBERS:,}")
    return value


def _batch(text: str) -> int:
    from models.roster.texts import msg

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("cli_not_batch", text=text)) from None
    if not 1 <= value < 2**63:  # SQLite's integers
        raise argparse.ArgumentTypeError(msg("undo_no_batch", batch=text))
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None


def _lang_option(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qundesk", description="群主台 QunDesk")
    parser.add_argument("--db", type=Path, help="database file (default: your data folder)")
    parser.add_argument("--version", action="version", version=f"QunDesk {__version__}")
    parser.add_argument("--lang", choices=("zh", "en"), help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("demo", help="fill the database with a demo community")
    p.add_argument("--members", type=_count, default=300)
    p.add_argument("--seed", type=_seed, default=7)

    p = sub.add_parser("import-roster", help="import members from .xlsx/.xls/.csv/.txt")
    p.add_argument("file", type=Path)
    p.add_argument("--sheet")
    p.add_argument("--on-duplicate", choices=("merge", "skip", "new"), default="merge")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--report", type=Path)

    p = sub.add_parser("undo-import", help="undo an import (default: the latest)")
    p.add_argument("batch", type=_batch, nargs="?")

    p = sub.add_parser("export-roster", help="export members to .xlsx or .csv")
    p.add_argument("out", type=Path)
    p.add_argument("--tag", action="append", default=[])
    p.add_argument("--group")
    p.add_argument("--masked", action="store_true")

    p = sub.add_parser("print-week", help="print a week's plan to PDF")
    p.add_argument("--week", type=_date)
    p.add_argument("--pdf", type=Path, required=True)

    p = sub.add_parser("export-calendar", help="export the content calendar to .ics")
    p.add_argument("out", type=Path)
    p.add_argument("--from", dest="start", type=_date)
    p.add_argument("--to", dest="end", type=_date)
    p.add_argument("--birthdays", action="store_true",
                   help="add members' birthdays (a lunar birthday: one event per year)")

    p = sub.add_parser("stats", help="the overview figures")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="back up the database")
    p.add_argument("--to", type=Path)
    p = sub.add_parser("restore", help="restore the database from a backup")
    p.add_argument("path", type=Path)
    sub.add_parser("check", help="check that the database is healthy and readable")
    return parser


def main(argv: list[str] | None = None, exit_when_done: bool = False) -> int:
    """Run the app or one command; `exit_when_done`: a command ends the process at once
    when it is done (exit_now), as when run from the shell."""
    from models import messages

    # The language first: argument errors speak it too (one language at a time).
    messages.set_language(_lang_option(sys.argv[1:] if argv is None else argv)
                          or messages.language_from_environment())
    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args.db, args.lang)

    messages.set_language(args.lang or messages.language_from_environment())
    try:
        code = _run(args)
    except KeyboardInterrupt:
        print("qundesk: cancelled", file=sys.stderr)
        code = 130
    if exit_when_done:
        exit_now(code)
    return code


def _run(args: argparse.Namespace) -> int:
    """Run one subcommand; every failure a user can cause becomes one line and exit 1."""
    from models.store import files, paths
    from models.store.problems import DatabaseProblem, from_sqlite

    db_path: Path | None = None
    try:
        db_path = paths.default_db_path() if args.db is None else Path(args.db)
        return COMMANDS[args.command](args, db_path)
    except (UserError, DatabaseProblem, files.FileProblem) as exc:
        message = str(exc)
    except OSError as exc:  # a path the OS refuses (too long, no permission, ...)
        message = str(files.problem_from(exc))
    except Exception as exc:
        problem = from_sqlite(exc, db_path)
        message = str(problem) if problem is not None else _report_bug(exc)
    print(f"qundesk: {message}", file=sys.stderr)
    return 1


def _report_bug(exc: Exception) -> str:
    """A bug, not bad input: one line for the user, the (redacted) traceback in a file."""
    from models.store import files, paths

    try:
        from ui.crash import build_report  # the app's report: redacted, our frames only

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        text = build_report(type(exc), exc, exc.__traceback__, "command line")
        report: Path | None = files.write_text(paths.log_dir() / f"error-{stamp}.txt", text,
                                               private=True)
    except Exception:  # the message must get out even if the report can't
        report = None
    where = f"; details in {report}" if report else ""
    return f"unexpected error ({type(exc).__name__}); please report it{where}"


def _open(args: argparse.Namespace, db_path: Path, access: str) -> WorkspaceDatabase:
    from models.store.db import open_database

    return open_database(db_path, access=access, holder=args.command,
                         blank_is_new=args.db is None)


def cmd_demo(args: argparse.Namespace, db_path: Path) -> int:
    from models import demo

    _open(args, db_path, "write")
    counts = demo.build(members=args.members, seed=args.seed)
    print(f"demo community: {counts['members']} members, {counts['groups']} groups, "
          f"{counts['tags']} tags in {db_path}")
    return 0


def cmd_import_roster(args: argparse.Namespace, db_path: Path) -> int:
    import gc

    from models.roster.texts import msg
    from models.store import files

    files.regular_input(args.file)
    if args.report:
        files.check_writable_target(args.report)  # before the import, not after it
    gc.disable()  # a one-shot batch that makes no reference cycles: ~10 % faster
    from models.roster.importer import RosterError, import_roster

    _open(args, db_path, "read" if args.dry_run else "write")
    try:
        report = import_roster(args.file, sheet=args.sheet, on_duplicate=args.on_duplicate,
                               dry_run=args.dry_run, db_path=db_path)
    except RosterError as exc:
        raise UserError(str(exc)) from exc
    data = report.to_dict()
    print(report.summary())
    for notice in report.notices:  # what was left out, and why: never silently
        print(f"  {notice}")
    for problem in data["errors"][:20]:
        print(msg("cli_problem", row=problem["row"], column=problem["column"],
                  message=problem["message"]), file=sys.stderr)
    if len(data["errors"]) > 20:
        print(msg("cli_more_problems", count=len(data["errors"]) - 20), file=sys.stderr)
    if args.report:
        files.write_text(args.report, json.dumps(data, ensure_ascii=False, indent=2),
                         private=True)
    return 0


def cmd_undo_import(args: argparse.Namespace, db_path: Path) -> int:
    from models.roster.importer import RosterError, undo_import

    _open(args, db_path, "write")
    try:
        print(undo_import(args.batch, db_path=db_path))
    except RosterError as exc:
        raise UserError(str(exc)) from exc
    return 0


def cmd_export_roster(args: argparse.Namespace, db_path: Path) -> int:
    from models.roster.exporter import RosterError, export_roster
    from models.roster.texts import msg
    from models.store import files

    files.check_writable_target(args.out)
    _open(args, db_path, "read")
    try:
        count = export_roster(args.out, tags=args.tag, group=args.group, masked=args.masked)
    except RosterError as exc:
        raise UserError(str(exc)) from exc
    print(msg("cli_exported", count=count, file=args.out))
    return 0


def cmd_print_week(args: argparse.Namespace, db_path: Path) -> int:
    from models import messages
    from models.store import files
    from ui import i18n
    from ui.print.document import PrintError
    from ui.print.week_pdf import ensure_gui_app, write_week_pdf

    files.check_writable_target(args.pdf)
    _open(args, db_path, "read")
    try:
        ensure_gui_app()
        i18n.install(messages.language())  # --lang, else the environment's (set in main)
        pages = write_week_pdf(args.pdf, args.week or dt.date.today())
    except PrintError as exc:
        raise UserError(str(exc)) from exc
    print(f"wrote {args.pdf} ({pages} pages)")
    return 0


def cmd_export_calendar(args: argparse.Namespace, db_path: Path) -> int:
    from models.calendar.ics import count_entries, export_ics
    from models.store import files

    if args.start and args.end and args.start > args.end:
        raise UserError(f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}")
    files.check_writable_target(args.out)
    _open(args, db_path, "read")
    export_ics(args.out, args.start, args.end, birthdays=args.birthdays)
    counted = count_entries(args.start, args.end)
    # The first line is the contract scripts read; the count is of entries as the calendar
    # shows them (every occurrence of a series), not of .ics events.
    print(f"exported {counted.entries} calendar entries to {args.out}")
    if counted.series:
        print(f"  {counted.series} repeating series, counted through {counted.through}"
              + (" (they repeat on after that in the file)" if counted.open_ended else ""))
    if args.birthdays:
        from models.calendar.birthday_ics import birthday_events

        print(f"  {len(birthday_events('', args.start, args.end))} birthday events "
              "(a lunar birthday: one per year)")
    return 0


def cmd_stats(args: argparse.Namespace, db_path: Path) -> int:
    from models.stats.overview import compute, format_text
    from models.store.problems import LockedError, ReadOnlyError

    try:  # record this week's snapshot, as the Overview does, if nobody else is writing
        _open(args, db_path, "write")
        snapshot = True
    except (LockedError, ReadOnlyError):
        _open(args, db_path, "read")
        snapshot = False
    figures = compute(snapshot=snapshot)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_text(figures))
    return 0


def cmd_backup(args: argparse.Namespace, db_path: Path) -> int:
    from models.store import backup

    db = _open(args, db_path, "read")
    print(backup.create(db, db_path, reason="manual", to=args.to))
    return 0


def cmd_restore(args: argparse.Namespace, db_path: Path) -> int:
    from models.store import backup, files

    files.regular_input(args.path)
    db = _open(args, db_path, "write")
    safety = backup.restore(db, db_path, args.path)
    print(f"restored {args.path} into {db_path} (previous content saved as {safety})")
    return 0


def cmd_check(args: argparse.Namespace, db_path: Path) -> int:
    from models.store import inspect, schema
    from models.store.db import check_upgrade

    state = inspect.examine(db_path, inspect.FULL)
    if state.new:
        raise UserError(f"{db_path}: no such database")
    if state.blank:
        raise UserError(f"{db_path}: an empty file, not a QunDesk database")
    if state.version < schema.SCHEMA_VERSION:
        check_upgrade(db_path, state.version)
        print(f"{db_path}: ok (schema {state.version}; upgraded to {schema.SCHEMA_VERSION} "
              f"when next opened for writing)")
    else:
        print(f"{db_path}: ok (schema {state.version})")
    for note in state.notes:
        print(f"  note: {note} was not made by QunDesk (harmless)")
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "import-roster": cmd_import_roster,
    "undo-import": cmd_undo_import,
    "export-roster": cmd_export_roster,
    "print-week": cmd_print_week,
    "export-calendar": cmd_export_calendar,
    "stats": cmd_stats,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
}

def exit_now(code: int) -> NoReturn:
    """End a finished command without tearing the interpreter down object by object
    (pypinyin's readings, the rows of an import: ~40 ms at exit, more than the work on
    1,000 rows). The workspace is closed first (its WAL checkpointed, its lock and any
    snapshot let go) and the output flushed; nothing else waits for exit (no atexit
    work of ours). mypy ends its runs the same way."""
    import logging
    import os

    from models.store.db import close_database

    try:
        close_database()
    finally:
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be said
                pass
        os._exit(code)


if __name__ == "__main__":
    sys.exit(main(exit_when_done=True))
