"""Opening the member card and the member dialogs on a large demo database.

Usage: .venv/bin/python tests/bench/bench_member_dialogs.py [DB] (default: a 100,000-member
demo built on first use in the temp folder the system names: $TMPDIR, else /tmp). Prints
milliseconds per step (median of 5).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    default = Path(tempfile.gettempdir()) / "qundesk-bench-cards-100k.sqlite3"
    db_path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if not db_path.exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "demo",
                        "--members", "100000"], check=True)
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from peewee import fn

    from models.members.cards import Member, find_members
    from models.store.db import open_database

    open_database(db_path)
    from ui.workspace import Workspace

    workspace = Workspace(db_path)
    from ui.members.card_dialog import MemberCardDialog
    from ui.members.contact_queue import ContactQueueDialog
    from ui.members.groups_dialog import GroupsDialog
    from ui.members.tags_dialog import TagsDialog

    members = Member.select().count()
    top = (Member.select(Member.inviter).where(Member.inviter.is_null(False))
           .group_by(Member.inviter).order_by(fn.COUNT(Member.id).desc()).scalar())

    def open_card(member_id):
        dialog = MemberCardDialog(workspace, member_id)
        dialog.show()
        app.processEvents()
        dialog.close()
        dialog.deleteLater()

    def open_dialog(cls):
        dialog = cls(workspace)
        dialog.show()
        app.processEvents()
        dialog.close()
        dialog.deleteLater()

    print(f"database: {db_path} ({members} members)")
    print(f"open card (top inviter, referral tree): {median_ms(lambda: open_card(top)):.1f} ms")
    print(f"open card (new member): {median_ms(lambda: open_card(None)):.1f} ms")
    print(f"inviter picker query 'zs': {median_ms(lambda: find_members('zs', 15)):.1f} ms")
    print(f"inviter picker query 'wang': {median_ms(lambda: find_members('wang', 15)):.1f} ms")
    print(f"groups dialog: {median_ms(lambda: open_dialog(GroupsDialog)):.1f} ms")
    print(f"tags dialog: {median_ms(lambda: open_dialog(TagsDialog)):.1f} ms")
    print(f"contact queue: {median_ms(lambda: open_dialog(ContactQueueDialog)):.1f} ms")


if __name__ == "__main__":
    main()
