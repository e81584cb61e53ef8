"""What "the last N days" and "more than N days" mean, in every figure and filter.

The last N days up to day D are N calendar days: D and the N-1 days before it, so "active
in the last 30 days" looks at today and the 29 days before. Anything before that window is
"more than N days" ago (N 天以上): a member who joined, or was last contacted, 30 days ago
or earlier. The Overview, the member list's filters, `stats` and the weekly plan all use
these two functions, so a figure and the list it opens always agree.
"""

from __future__ import annotations

import datetime as dt


def window_start(day: dt.date, days: int) -> dt.date:
    """The first day of the last `days` days up to `day` (`day` included)."""
    return day - dt.timedelta(days=max(days, 1) - 1)


def before_window(day: dt.date, days: int) -> dt.date:
    """The latest date that is more than `days` days before `day` (the day before the
    window): joined on or before it = joined more than `days` days ago."""
    return window_start(day, days) - dt.timedelta(days=1)
