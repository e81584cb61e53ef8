"""QunDesk (群主台): no arguments opens the app; subcommands run headless (see README)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import NoReturn

__version__ = "0.1.0"


class UserError(Exception):
    """Bad input from the command line: one clear message, exit code 1."""


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a bad argument; the CLI contract says 1 for every user error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"qundesk: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (use YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qundesk", description="群主台 QunDesk")
    parser.add_argument("--db", type=Path, help="database file (default: your data folder)")
    parser.add_argument("--version", action="version", version=f"QunDesk {__version__}")
    parser.add_argument("--lang", choices=("zh", "en"), help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("demo", help="fill the database with a demo community")
    p.add_argument("--members", type=int, default=300)
    p.add_argument("--seed", type=int, default=7)

    p = sub.add_parser("import-roster", help="import members from .xlsx/.xls/.csv/.txt")
    p.add_argument("file", type=Path)
    p.add_argument("--sheet")
    p.add_argument("--on-duplicate", choices=("merge", "skip", "new"), default="merge")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--report", type=Path)

    p = sub.add_parser("undo-import", help="undo an import (default: the latest)")
    p.add_argument("batch", type=int, nargs="?")

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

    p = sub.add_parser("stats", help="the overview figures")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="back up the database")
    p.add_argument("--to", type=Path)
    p = sub.add_parser("restore", help="restore the database from a backup")
    p.add_argument("path", type=Path)
    sub.add_parser("check", help="check that the database is healthy and readable")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args.db, args.lang)

    from models import messages
    from models.store import paths
    from models.store.db import DatabaseProblem

    messages.set_language(args.lang or messages.language_from_environment())
    db_path = args.db or paths.default_db_path()
    try:
        return COMMANDS[args.command](args, Path(db_path))
    except (UserError, DatabaseProblem) as exc:
        print(f"qundesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("qundesk: cancelled", file=sys.stderr)
        return 130


def _open(db_path: Path):
    from models.store.db import open_database

    return open_database(db_path)


def cmd_demo(args: argparse.Namespace, db_path: Path) -> int:
    from models import demo

    if args.members < 0:
        raise UserError("--members must be 0 or more")
    _open(db_path)
    counts = demo.build(members=args.members, seed=args.seed)
    print(f"demo community: {counts['members']} members, {counts['groups']} groups, "
          f"{counts['tags']} tags in {db_path}")
    return 0


def cmd_import_roster(args: argparse.Namespace, db_path: Path) -> int:
    import gc

    from models.roster_read import prefetch

    if not args.file.is_file():
        raise UserError(f"{args.file}: no such file")
    gc.disable()  # a one-shot batch that makes no reference cycles: ~10 % faster
    prefetch(args.file, args.sheet)  # read the file while the workspace opens
    _open(db_path)
    from models.roster_import import RosterError, import_roster, warm_up

    warm_up()  # load the pinyin dictionaries while the file is still being parsed
    try:
        report = import_roster(args.file, sheet=args.sheet, on_duplicate=args.on_duplicate,
                               dry_run=args.dry_run, db_path=db_path)
    except RosterError as exc:
        raise UserError(str(exc)) from exc
    data = report.to_dict()
    if args.report:
        args.report.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(report.summary())
    for problem in data["errors"][:20]:
        print(f"  row {problem['row']}, {problem['column']}: {problem['message']}",
              file=sys.stderr)
    if len(data["errors"]) > 20:
        print(f"  ... {len(data['errors']) - 20} more (see --report)", file=sys.stderr)
    return 0


def cmd_undo_import(args: argparse.Namespace, db_path: Path) -> int:
    from models.roster_import import RosterError, undo_import

    _open(db_path)
    try:
        print(undo_import(args.batch, db_path=db_path))
    except RosterError as exc:
        raise UserError(str(exc)) from exc
    return 0


def cmd_export_roster(args: argparse.Namespace, db_path: Path) -> int:
    from models.roster_export import RosterError, export_roster

    _open(db_path)
    try:
        count = export_roster(args.out, tags=args.tag, group=args.group, masked=args.masked)
    except RosterError as exc:
        raise UserError(str(exc)) from exc
    print(f"exported {count} members to {args.out}")
    return 0


def cmd_print_week(args: argparse.Namespace, db_path: Path) -> int:
    from models import messages
    from ui import i18n
    from ui.print.document import PrintError
    from ui.print.week_pdf import ensure_gui_app, write_week_pdf

    _open(db_path)
    try:
        ensure_gui_app()
        i18n.install(messages.language())  # --lang, else the environment's (set in main)
        pages = write_week_pdf(args.pdf, args.week or dt.date.today())
    except PrintError as exc:
        raise UserError(f"{args.pdf}: {exc}") from exc
    print(f"wrote {args.pdf} ({pages} pages)")
    return 0


def cmd_export_calendar(args: argparse.Namespace, db_path: Path) -> int:
    from models.calendar_ics import export_ics

    _open(db_path)
    try:
        count = export_ics(args.out, args.start, args.end)
    except OSError as exc:
        raise UserError(f"{args.out}: {exc.strerror or exc}") from exc
    print(f"exported {count} calendar entries to {args.out}")
    return 0


def cmd_stats(args: argparse.Namespace, db_path: Path) -> int:
    from models.stats import compute, format_text

    _open(db_path)
    figures = compute()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_text(figures))
    return 0


def cmd_backup(args: argparse.Namespace, db_path: Path) -> int:
    from models.store import backup

    if not db_path.exists():
        raise UserError(f"{db_path}: no such database")
    db = _open(db_path)
    print(backup.create(db, db_path, reason="manual", to=args.to))
    return 0


def cmd_restore(args: argparse.Namespace, db_path: Path) -> int:
    from models.store import backup, schema

    if not args.path.is_file():
        raise UserError(f"{args.path}: no such backup file")
    db = _open(db_path)
    safety = backup.restore(db, db_path, args.path)
    schema.migrate(db, db_path)
    print(f"restored {args.path} into {db_path} (previous content saved as {safety})")
    return 0


def cmd_check(args: argparse.Namespace, db_path: Path) -> int:
    from models.store.db import inspect_file
    from models.store.schema import SCHEMA_VERSION

    if not db_path.exists():
        raise UserError(f"{db_path}: no such database")
    version = inspect_file(db_path, full=True)
    if version > SCHEMA_VERSION:
        raise UserError(f"{db_path}: schema {version} is newer than this QunDesk knows "
                        f"({SCHEMA_VERSION}); the file was not changed")
    print(f"{db_path}: ok (schema {version})")
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

if __name__ == "__main__":
    sys.exit(main())
