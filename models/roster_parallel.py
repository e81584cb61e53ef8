"""Converting a big roster on two cores (command line / API imports on POSIX).

The second half of the sheet is converted - and its members' pinyin keys worked out -
in a forked child while this process does the first half; the child sends its rows
back pickled over a pipe. Only when it is safe: fork exists, this process runs a
single thread (forking a threaded process, e.g. the GUI, could inherit a held lock),
and the sheet is big enough to be worth it. Any trouble in the child and this process
simply converts that half itself: the result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import threading

from models.messages import msg
from models.progress import CancelFn
from models.roster_plan import ImportPlan, convert_range

MIN_ROWS = 4000


def convert_parallel(plan: ImportPlan, cancelled: CancelFn | None = None) -> None:
    if "level" in plan.mapping.values() and msg("level_derived") not in plan.notices:
        plan.notices.append(msg("level_derived"))
    start, stop = plan.data_start, len(plan.sheet.rows)
    if (stop - start < MIN_ROWS or not hasattr(os, "fork")
            or threading.active_count() > 1 or os.environ.get("QUNDESK_NO_FORK")):
        plan.rows, plan.skipped_rows = convert_range(plan, start, stop, None, cancelled, True)
        return
    middle = start + (stop - start) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: convert the second half, send it, leave at once
        os.close(read_end)
        try:
            payload = pickle.dumps(("ok", convert_range(plan, middle, stop, keys=True)), -1)
        except BaseException as exc:  # noqa: BLE001 - handed to the parent as is
            try:
                payload = pickle.dumps(("error", exc), -1)
            except Exception:
                payload = pickle.dumps(("failed", None), -1)
        with os.fdopen(write_end, "wb") as fh:
            fh.write(payload)
        os._exit(0)
    os.close(write_end)
    try:
        first, skipped = convert_range(plan, start, middle, None, cancelled, True)
    finally:
        with os.fdopen(read_end, "rb") as fh:
            data = fh.read()
        os.waitpid(pid, 0)
    try:
        status, result = pickle.loads(data)
    except Exception:
        status, result = "failed", None
    if status == "error" and isinstance(result, Exception):
        raise result
    if status != "ok":
        result = convert_range(plan, middle, stop, None, cancelled, True)
    second, skipped_second = result
    plan.rows, plan.skipped_rows = first + second, skipped + skipped_second
