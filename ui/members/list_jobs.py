"""The member list's long searches, a slice at a time between other events; the newest
keystroke wins.

A scan of 300,000 search texts takes tens of milliseconds. It runs on the GUI thread in
slices (models.members.search_index.SLICE), for at most BUDGET_MS at a time, and goes
back to the event loop in between: the window keeps painting and taking keys, and a newer
keystroke drops the older scan at its next slice. (A worker thread would not scan any
faster: the scan is Python holding the interpreter lock, and handing the lock between
two threads made each keystroke 2-5x slower on a loaded machine.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from models.members.search_index import SearchIndex

# Scan this long, then let the event loop run. Most scans of 300,000 texts end within it:
# each turn of the loop hands the CPU back, which costs a loaded machine more than it saves.
BUDGET_MS = 40.0


class SearchJobs(QObject):
    """One search at a time; `finished(text, positions)` comes for the newest one only."""

    finished = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[list[int] | None] | None = None
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self, index: SearchIndex, text: str, within: Sequence[int] | None) -> None:
        """Search now for up to BUDGET_MS; what is left goes on after other events."""
        self._steps, self._text = index.steps(text, within), text
        self._step()

    def cancel(self) -> None:
        self._steps = None
        self._timer.stop()

    def busy(self) -> bool:
        return self._steps is not None

    def _step(self) -> None:
        steps, end = self._steps, time.perf_counter() + BUDGET_MS / 1000
        while steps is not None:
            found = next(steps)
            if found is not None:
                self._steps = None
                self.finished.emit(self._text, found)
                return
            if time.perf_counter() >= end:
                self._timer.start()
                return
