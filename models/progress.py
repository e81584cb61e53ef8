"""Progress and cancellation for long domain work (imports, exports, demo data)."""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):
    """Raised inside a transaction when the user cancels: the transaction rolls back."""


def no_progress(done: int, total: int) -> None:
    return None


def never_cancelled() -> bool:
    return False


def check(cancelled: CancelFn | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
