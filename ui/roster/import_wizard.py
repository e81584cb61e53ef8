"""The roster import wizard: choose file -> check mapping -> preview -> import + summary.

Reading, checking and writing all run on a worker (ui.worker.Task) with progress and
Cancel; nothing is written before the owner presses “开始导入”, and the write is one
transaction, so a cancelled import leaves the workspace exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget, QWizard

from models.progress import CancelFn, Cancelled, ProgressFn
from ui import dialogs
from ui.operations import LongOp, Op
from ui.roster.import_pages import FilePage, MappingPage, PreviewPage, ResultPage
from ui.worker import Task, Work
from ui.workspace import Changed, Workspace

if TYPE_CHECKING:
    from models.roster.importer import ImportReport
    from models.roster.plan import ImportPlan
    from models.roster.reader import Book

R = TypeVar("R")


@dataclass
class Unusable:
    """A file that was read but whose (chosen) sheet cannot be imported: its sheets are
    listed so that the owner can pick another."""

    book: Book
    message: str


class ImportWizard(QWizard):
    FILE, MAPPING, PREVIEW, RESULT = range(4)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.plan: ImportPlan | None = None  # once a file is read
        self.report: ImportReport | None = None  # after the write
        self.task: Task | None = None
        self.checking = False  # a worker is converting or matching the plan's rows
        self._rebuild = False  # convert again once that worker ends (the mapping changed)
        self.setWindowTitle(self.tr("导入名单"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(860, 600)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in ((self.FILE, self.file_page), (self.MAPPING, self.mapping_page),
                              (self.PREVIEW, self.preview_page), (self.RESULT, self.result_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N)"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&F)"))

    # ------------------------------------------------------------ steps (on a worker)

    def _start(self, title: str, work: Work[R], on_done: Callable[[R], None],
               on_failed: Callable[[object], None] | None = None, show_dialog: bool = True) -> None:
        task = Task(self, title, work, show_dialog=show_dialog)
        task.succeeded.connect(on_done)
        task.failed.connect(on_failed or self._failed)
        task.cancelled.connect(self._cancelled)
        self.task = task
        task.start()

    def load_file(self, path: Path, sheet: str | None = None) -> None:
        from models.roster.files import RosterFileError
        from models.roster.importer import read_plan
        from models.roster.reader import open_book

        path = Path(path)
        book = self.plan.book if self.plan is not None and self.plan.path == path else None
        book = book or (self.file_page.book if self.file_page.path == path else None)
        self.plan = None
        self.file_page.show_error(self.tr("正在读取 %1 …").replace("%1", path.name))

        def work(progress: ProgressFn, cancelled: CancelFn) -> ImportPlan | Unusable:
            opened = book or open_book(path)
            try:
                return read_plan(path, sheet, book=opened)
            except RosterFileError as exc:  # an empty sheet: the others may hold the roster
                return Unusable(opened, str(exc))

        self._start(self.tr("读取名单"), work, self._file_read, self._file_failed)

    @Slot(object)
    def _file_read(self, result: ImportPlan | Unusable) -> None:
        if isinstance(result, Unusable):
            self.plan = None
            self.file_page.show_sheets(result.book, result.message)
            return
        self.plan = result
        self.file_page.show_plan()

    @Slot(object)
    def _file_failed(self, exc: object) -> None:
        self.plan = None
        self.file_page.show_sheets(None, _message(exc))

    def build_preview(self, mode: str) -> None:
        from models.roster.importer import paused_gc
        from models.roster.plan import convert_rows, match_rows

        plan = self.plan
        if plan is None:  # the pages move on only once a file is read
            return
        if self.checking:  # back to the mapping and forward again while a check ran
            self._rebuild = True
            return
        self.checking = True

        def work(progress: ProgressFn, cancelled: CancelFn) -> ImportPlan:
            with paused_gc():
                convert_rows(plan, progress, cancelled)
                match_rows(plan, mode, cancelled)
            return plan

        self._start(self.tr("检查每一行"), work, self._preview_ready, self._check_failed)

    def rematch(self, mode: str) -> None:
        """Match the rows again for the policy now on screen. One worker at a time works
        on the plan: a change made while one runs is caught up when it ends."""
        from models.roster.plan import match_rows

        plan = self.plan
        if plan is None or self.checking:
            return
        self.checking = True

        def work(progress: ProgressFn, cancelled: CancelFn) -> ImportPlan:
            match_rows(plan, mode, cancelled)
            return plan

        self._start(self.tr("检查重复"), work, self._preview_ready, self._check_failed)

    @Slot(object)
    def _preview_ready(self, plan: ImportPlan) -> None:
        self.checking = False
        wanted = self.preview_page.mode.currentData()
        if self._rebuild:
            self._rebuild = False
            self.build_preview(wanted)
            return
        if plan is not self.plan or not self.preview_page.active:
            return
        if plan.on_duplicate != wanted:
            self.rematch(wanted)  # the owner chose again meanwhile: never show stale counts
            return
        self.preview_page.show_plan()

    @Slot(object)
    def _check_failed(self, exc: object) -> None:
        self.checking = self._rebuild = False
        self._failed(exc)

    def run_import(self) -> None:
        from models.roster.importer import paused_gc, write_plan

        plan, db_path = self.plan, self.workspace.db_path
        if plan is None or self.checking:
            return
        mode = self.preview_page.mode.currentData()  # what the page shows, not what ran last

        def work(progress: ProgressFn, cancelled: CancelFn) -> ImportReport:
            with paused_gc():
                return write_plan(plan, db_path=db_path, progress=progress,
                                  cancelled=cancelled, on_duplicate=mode)

        op = LongOp(self, self.workspace, work, Changed.MEMBERS, self.tr("正在导入名单"))
        self.task = op.success(self._imported).failure(self._import_failed, storage=True) \
            .cancelled(self._cancelled).start()

    @Slot(object)
    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.workspace.status_message.emit(report.summary())
        text = report.summary()
        if report.notices:
            text += "\n" + "\n".join(report.notices)
        self.result_page.show_report(report, text)

    @Slot(object)
    def _import_failed(self, exc: object) -> None:
        self.result_page.show_report(None, self.tr("导入失败，数据没有任何改变。") + "\n"
                                     + _message(exc))

    @Slot()
    def _cancelled(self) -> None:
        self.checking = self._rebuild = False
        if self.currentId() == self.RESULT:
            self.result_page.show_report(None, self.tr("已取消导入，数据没有任何改变。"))
        elif self.currentId() == self.PREVIEW:
            self.back()

    @Slot(object)
    def _failed(self, exc: object) -> None:
        dialogs.error(self, self.tr("导入名单"), _message(exc))

    def undo_import(self) -> bool:
        from models.roster.importer import undo_import

        if self.report is None or self.report.batch is None:
            return False
        if not dialogs.confirm(self, self.tr("撤销导入"),
                               self.tr("删除这次导入新建的成员，并把更新过的成员恢复原样？")):
            return False
        batch, db_path = self.report.batch, self.workspace.db_path

        def done(text: str) -> None:
            self.workspace.status_message.emit(text)
            self.result_page.summary.setText(text)

        return Op(self, self.workspace, lambda: undo_import(batch, db_path=db_path), Changed.MEMBERS) \
            .success(done).failure(lambda exc: dialogs.error(self, self.tr("撤销导入"), str(exc))).run()


def _message(exc: object) -> str:
    if isinstance(exc, Cancelled):
        return ""
    return str(exc) or type(exc).__name__
