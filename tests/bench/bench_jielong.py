"""Benchmark 粘贴接龙: reading, matching and writing a 接龙 at a large workspace.

    .venv/bin/python tests/bench/bench_jielong.py [members] [lines]

Builds a demo community, pastes a 接龙 of `lines` lines (members' names, 群昵称 and a few
strangers), and times parse, plan (the member index and matching) and apply; the
reference beside them, measured in the same run, is one LIKE scan over every member's
search text (what typing in the member search costs), so the figures can be compared on
a loaded machine.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench_activities import timed  # the best of five, printed

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    members = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    folder = Path(tempfile.mkdtemp())
    os.environ["QUNDESK_DATA_DIR"] = str(folder)
    from models import demo
    from models.activities import activity as activities
    from models.activities import jielong, jielong_parse
    from models.members.cards import Member
    from models.store import undo
    from models.store.db import database, open_database

    open_database(folder / "bench.sqlite3")
    start = time.perf_counter()
    demo.build(members=members, seed=7)
    print(f"demo with {members} members: {time.perf_counter() - start:.1f} s")
    rng = random.Random(7)
    people = list(Member.select(Member.name, Member.nickname).tuples())
    chosen = rng.sample(people, lines - 5)
    body = [f"{n}. {nick if nick and rng.random() < 0.4 else name}"
            + (" +1" if rng.random() < 0.2 else "")
            for n, (name, nick) in enumerate(chosen, start=1)]
    body += [f"{len(body) + i}. 路人{i}（第一次来）" for i in range(1, 6)]
    text = "#接龙\n周六读书会\n例 张三 +1\n\n" + "\n".join(body)
    aid = activities.save_activity({"title": "周六读书会", "start": dt.datetime(2026, 12, 13, 14)}).id

    timed("reference: one LIKE scan over search_text",
          lambda: Member.select().where(Member.search_text.contains("zzq")).count())
    timed(f"parse {lines} lines", lambda: jielong_parse.parse(text))
    plan = timed(f"plan (index {members} members + match)", lambda: jielong.plan(aid, text))
    counts = jielong.counts(plan)
    print("   matches:", counts)

    def write() -> object:
        result = jielong.apply(jielong.plan(aid, text))
        undo.undo()
        return result

    timed("plan + apply + undo", write, repeat=3)
    timed("re-paste plan (every line known)",
          lambda: (jielong.apply(jielong.plan(aid, text)), jielong.plan(aid, text))[1], repeat=1)
    timed("plan again (all known, no index)", lambda: jielong.plan(aid, text))
    # The demo draws names from a small pool (at 20,000 members most names have hundreds
    # of namesakes, so nearly every line is ambiguous); a real community's names are
    # mostly distinct: the same paste with names only one member has.
    from models.members.cards import save_member

    fresh = [save_member({"name": f"接龙测{i:03d}", "nickname": f"Q{i:03d}-杭州"}).name
             for i in range(lines)]
    distinct = "#接龙\n读书会\n\n" + "\n".join(
        f"{n}. {name}" for n, name in enumerate(fresh, start=1))
    aid2 = activities.save_activity({"title": "读书会", "start": dt.datetime(2026, 12, 20, 14)}).id
    plan2 = timed(f"plan, {lines} distinct names", lambda: jielong.plan(aid2, distinct))
    print("   matches:", jielong.counts(plan2))
    database.close()


if __name__ == "__main__":
    main()
