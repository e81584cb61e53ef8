"""The one way a screen changes data (as Anki's CollectionOp does it).

A screen hands a models/ function to `Op` with what it changes; `Op` then

- refuses at once, with the reason, when the workspace is read-only;
- runs it: `run()` now, for the short writes of a click (milliseconds); `run_long()`
  on a worker behind a progress dialog with Cancel, for imports and bulk work;
- on success tells every screen what changed with one typed notice
  (`Workspace.announce(Changed, origin)`), which also refreshes Edit > Undo, and then
  calls the screen's `success` callback;
- on failure shows the user's words: a domain refusal (ValidationError, CalendarError,
  ...) goes to the screen's `failure` callback if it has one (forms show it beside the
  field), else to a message box; a storage problem (disk full, file gone, read-only) goes
  to the main window, which says it once.

models/ functions run their own transaction and record their own undo entry, so an Op
never needs to know how to write or undo anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Self, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from models.activities.activity import ActivityGone
from models.calendar.edit import CalendarError
from models.members.cards import MemberGone, ValidationError
from models.messages import msg
from models.roster.batch import UndoImportError
from models.roster.exporter import RosterError as ExportError
from models.roster.files import RosterFileError
from models.roster.importer import RosterError
from models.store.files import FileProblem
from models.store.problems import (
    DamagedDatabaseError,
    DatabaseProblem,
    WorkspaceGoneError,
    from_sqlite,
)
from ui import crash, dialogs
from ui.worker import Task, Work
from ui.workspace import Changed, Workspace

T = TypeVar("T")

# What models/ raises when it refuses a change; str() is a message in the user's language.
REFUSALS: tuple[type[Exception], ...] = (ValidationError, CalendarError, ActivityGone, RosterError,
                                         ExportError, RosterFileError, UndoImportError)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


def refusal_text(exc: Exception) -> str:
    return msg("member_gone") if isinstance(exc, MemberGone) else str(exc)


class _Change(Generic[T]):
    """What a short and a long change share: the notice, the callbacks, the failures."""

    def __init__(self, parent: QObject, workspace: Workspace, changes: Changed) -> None:
        self.parent, self.workspace, self.changes = parent, workspace, changes
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._inline_storage = False

    def success(self, callback: Callable[[T], None]) -> Self:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None], storage: bool = False) -> Self:
        """Show a refusal in the screen itself (beside the field) instead of a box; with
        `storage`, problems of the file too (the form says "not saved" and stays open)."""
        self._failure, self._inline_storage = callback, storage
        return self

    def _window(self) -> QWidget | None:
        """Where a message box belongs: the nearest widget up from the origin (an item
        model's parent panel, say)."""
        found: QObject | None = self.parent
        while found is not None and not isinstance(found, QWidget):
            found = found.parent()
        return found

    def _allowed(self) -> bool:
        if self.workspace.read_only:
            dialogs.inform(self._window(), _tr("只读"), self.workspace.read_only_reason())
            return False
        return True

    def _succeeded(self, result: T) -> None:
        self.workspace.announce(self.changes, self.parent)
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, (*REFUSALS, MemberGone)):
            if self._failure is not None:
                self._failure(exc)
            else:
                dialogs.warn(self._window(), _tr("没有保存"), refusal_text(exc))
            return
        problem = exc if isinstance(exc, (DatabaseProblem, FileProblem)) else from_sqlite(exc)
        if problem is None:
            raise exc  # a real bug: the crash handler reports it
        if self._inline_storage and self._failure is not None:
            self._failure(problem)
            if not isinstance(problem, (WorkspaceGoneError, DamagedDatabaseError)):
                return  # the window must still hear that the file is gone or damaged
        if not crash.report_storage_problem(problem):
            dialogs.warn(self._window(), _tr("没有保存"), str(problem))


class Op(_Change[T]):
    """A change of a click or a key: a few milliseconds, run now on the GUI thread."""

    def __init__(self, parent: QObject, workspace: Workspace, change: Callable[[], T],
                 changes: Changed) -> None:
        super().__init__(parent, workspace, changes)
        self.change = change

    def run(self) -> bool:
        """True if the change was made (and announced)."""
        if not self._allowed():
            return False
        try:
            result = self.change()
        except Exception as exc:
            self._failed(exc)
            return False
        self._succeeded(result)
        return True


class LongOp(_Change[T]):
    """A change that takes a while (an import, bulk work): on a worker, behind a progress
    dialog with Cancel. `work(progress, cancelled)` raises Cancelled to roll back."""

    def __init__(self, parent: QObject, workspace: Workspace, work: Work[T], changes: Changed,
                 title: str) -> None:
        super().__init__(parent, workspace, changes)
        self.work, self.title = work, title
        self._cancelled: Callable[[], None] | None = None

    def cancelled(self, callback: Callable[[], None]) -> Self:
        self._cancelled = callback
        return self

    def start(self) -> Task | None:
        """Start it; the Task (keep a reference while it runs) or None when refused."""
        if not self._allowed():
            return None
        task = Task(self._window(), self.title, self.work)
        # Lambdas, not bound methods: Qt would not keep this Op alive for a bound method.
        task.succeeded.connect(lambda result: self._succeeded(result))
        task.failed.connect(lambda exc: self._failed(exc))
        if self._cancelled is not None:
            task.cancelled.connect(self._cancelled)
        return task.start()
