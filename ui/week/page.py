"""The Weekly Plan screen: one week at a time, exactly as it will print.

The view shows the same HTML the printout uses (ui/print/week_pdf), so what the owner
sees is what goes on the wall. Section choices and paper orientation are remembered in
QSettings; the week's own notes are saved to the database as the owner types.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSettings, QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.week import plan as weekly_plan
from ui import dialogs
from ui.dates import from_qdate, to_qdate
from ui.empty_state import EmptyState
from ui.flow_layout import FlowLayout
from ui.operations import Op
from ui.print import document
from ui.print.week_pdf import week_html, week_range, week_title
from ui.workspace import Changed, Workspace

SETTINGS_SECTIONS = "week/sections"
SETTINGS_LANDSCAPE = "week/landscape"
SETTINGS_SPLITTER = "week/splitter"
NOTE_SAVE_DELAY_MS = 700


class WeekPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.week_start = weekly_plan.week_start(dt.date.today())
        self.plan: weekly_plan.WeekPlan | None = None
        self._stale = False
        self._build()
        self._restore_settings()
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.notes.textChanged.connect(self._note_timer.start)
        workspace.data_changed.connect(self._on_data_changed)
        workspace.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only()
        self.reload()

    @Slot()
    def _apply_read_only(self) -> None:
        self.notes.setReadOnly(bool(self.workspace.read_only))
        self.notes.setToolTip(self.workspace.read_only_reason())

    # ------------------------------------------------------------------ layout
    def _section_labels(self) -> dict[str, str]:
        """The check boxes' texts: each its own letter on this screen (not the menu bar's
        F/E/V/H, nor the buttons' T/R/P/S/G/O). The printout's headings are its own."""
        return {
            "content": self.tr("内容(&C)"), "activities": self.tr("活动(&A)"),
            "steps": self.tr("清单步骤(&K)"), "birthdays": self.tr("生日(&B)"),
            "followups": self.tr("私聊回访(&U)"), "overdue": self.tr("逾期事项(&D)"),
            "capacity": self.tr("快满的群(&L)"), "members": self.tr("成员变动(&M)"),
            "contributors": self.tr("贡献榜(&I)"), "notes": self.tr("备注(&N)"),
        }

    def _build(self) -> None:
        self.prev_button = QPushButton(self.tr("◀ 上一周"))
        self.this_button = QPushButton(self.tr("本周(&T)"))
        self.next_button = QPushButton(self.tr("下一周 ▶"))
        for button, keys in ((self.prev_button, "Alt+Left"), (self.next_button, "Alt+Right"),
                             (self.this_button, "Alt+Home")):
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip(self.tr("选择任意一天，显示它所在的那一周"))
        self.range_label = QLabel()
        self.range_label.setObjectName("weekRange")
        font = self.range_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.range_label.setFont(font)
        self.orientation = QComboBox()
        self.orientation.setAccessibleName(self.tr("打印方向"))
        self.orientation.addItem(self.tr("A4 纵向"), False)
        self.orientation.addItem(self.tr("A4 横向"), True)
        self.preview_button = QPushButton(self.tr("打印预览(&R)…"))
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.pdf_button = QPushButton(self.tr("另存为 PDF(&S)…"))

        top = FlowLayout()  # wraps in a narrow window instead of cutting text off
        for widget in (self.prev_button, self.this_button, self.next_button, self.date_edit):
            top.add(widget)
        top.add(self.range_label, stretch=True, minimum=max(
            self.range_label.fontMetrics().horizontalAdvance(sample)
            for sample in ("2026年12月28日 – 2027年1月3日", "28 Dec 2026 – 3 Jan 2027")) + 8)
        for control in (self.orientation, self.preview_button, self.print_button,
                        self.pdf_button):
            top.add(control)

        self.section_boxes: dict[str, QCheckBox] = {}
        sections = FlowLayout()
        sections.add(QLabel(self.tr("包含：")))
        for key, label in self._section_labels().items():
            box = QCheckBox(label)
            box.setChecked(True)
            box.toggled.connect(self._on_sections_changed)
            self.section_boxes[key] = box
            sections.add(box)

        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("本周计划预览"))
        self.view.setOpenLinks(False)
        # The plan's tables are 100% wide: they follow the width, never scroll sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.document().setDefaultStyleSheet(document.BASE_CSS)
        self.view.document().setDefaultFont(document.print_font(10))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("这一周要记住的事：目标、提醒、分工……\n"
                                              "会自动保存，并打印在周计划最后。"))
        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(QLabel(self.tr("本周备注")))
        notes_layout.addWidget(self.notes)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(notes_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.empty_state = EmptyState(self.tr("这一周还没有安排"), self.tr(
            "周计划把这一周的内容、活动、清单步骤、生日和要私聊的人排在一页上，"
            "打印出来或另存为 PDF 发到群里。先排点什么："), compact=True)
        self.empty_state.add_button(self.tr("去排内容(&G)"),
                                    lambda: self.workspace.show_page.emit("calendar"))
        self.empty_state.add_button(self.tr("去办活动(&O)"),
                                    lambda: self.workspace.show_page.emit("activities"))
        self.empty_state.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(sections)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.splitter, 1)

        self.prev_button.clicked.connect(lambda: self.go_to(self.week_start - dt.timedelta(7)))
        self.next_button.clicked.connect(lambda: self.go_to(self.week_start + dt.timedelta(7)))
        self.this_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.date_edit.dateChanged.connect(self._on_date_picked)
        self.orientation.currentIndexChanged.connect(self._on_orientation_changed)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_page)
        self.pdf_button.clicked.connect(self.save_pdf)

    def _restore_settings(self) -> None:
        store = QSettings()
        saved = store.value(SETTINGS_SECTIONS)
        if saved is not None:
            chosen = {saved} if isinstance(saved, str) else set(saved or [])
            for key, box in self.section_boxes.items():
                with QSignalBlocker(box):
                    box.setChecked(key in chosen)
        landscape = store.value(SETTINGS_LANDSCAPE, False, bool)
        with QSignalBlocker(self.orientation):
            self.orientation.setCurrentIndex(1 if landscape else 0)
        state = store.value(SETTINGS_SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)

    # ------------------------------------------------------------------ state
    def sections(self) -> set[str]:
        return {key for key, box in self.section_boxes.items() if box.isChecked()}

    def landscape(self) -> bool:
        return bool(self.orientation.currentData())

    @Slot(bool)
    def _on_sections_changed(self, _checked: bool = False) -> None:
        # An empty list is a choice too: store it as such so it survives a restart.
        QSettings().setValue(SETTINGS_SECTIONS, sorted(self.sections()) or [""])
        self.reload()

    @Slot(int)
    def _on_orientation_changed(self, _index: int) -> None:
        QSettings().setValue(SETTINGS_LANDSCAPE, self.landscape())

    @Slot(QDate)
    def _on_date_picked(self, day: QDate) -> None:
        self.go_to(from_qdate(day))

    def go_to(self, any_day: dt.date) -> None:
        """Show the week holding `any_day` (the current notes are saved first)."""
        self.save_note()
        self.week_start = weekly_plan.week_start(any_day)
        self.reload()

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        self._stale = False
        self.plan = weekly_plan.assemble(self.week_start, sections=self.sections())
        with QSignalBlocker(self.date_edit):
            self.date_edit.setDate(to_qdate(self.week_start))
        self.range_label.setText(week_range(self.plan))
        self.empty_state.setVisible(all(day.is_empty for day in self.plan.days))
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(week_html(self.plan))
        self.view.verticalScrollBar().setValue(scroll)
        note = weekly_plan.get_note(self.week_start)
        if note != self.notes.toPlainText():
            with QSignalBlocker(self.notes):
                self.notes.setPlainText(note)

    @Slot()
    def save_note(self) -> None:
        self._note_timer.stop()
        if self.workspace.read_only:
            return
        text = self.notes.toPlainText()
        if text.strip() == weekly_plan.get_note(self.week_start):
            return
        week = self.week_start

        def done(_result: object) -> None:
            if self.plan is not None and "notes" in self.plan.sections:
                self.plan.note = weekly_plan.get_note(week)
                self.view.setHtml(week_html(self.plan))

        Op(self, self.workspace, lambda: weekly_plan.save_note(week, text), Changed.WEEK_NOTES) \
            .success(done).run()

    @Slot(object)
    def _on_data_changed(self, _changed: object) -> None:
        # Any domain feeds the plan; rebuild now if visible, else on the next visit.
        if self.workspace.announced_by(self):  # its own note: already shown, keep typing
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def activated(self) -> None:
        if self._stale:
            self.reload()

    def save_state(self) -> None:
        self.save_note()
        QSettings().setValue(SETTINGS_SPLITTER, self.splitter.saveState())

    # ------------------------------------------------------------------ printing
    def _print_html(self) -> tuple[str, str]:
        self.save_note()
        plan = weekly_plan.assemble(self.week_start, sections=self.sections())
        return week_html(plan), week_title(plan)

    @Slot()
    def preview(self) -> QWidget | None:
        html, title = self._print_html()
        return document.preview(self, html, title=title, landscape=self.landscape())

    @Slot()
    def print_page(self) -> QWidget | None:
        html, title = self._print_html()
        dialog = document.print_dialog(self, html, title=title, landscape=self.landscape())
        accepted = getattr(dialog, "accepted", None)
        if accepted is not None:
            accepted.connect(self._printed)
        return dialog

    @Slot()
    def _printed(self) -> None:
        """The first-steps checklist's last step: the week plan printed (or saved as PDF)."""
        from models.guide import first_steps

        if not self.workspace.read_only and not first_steps.progress()["print"]:
            Op(self, self.workspace, lambda: first_steps.mark("print"), Changed.WEEK_NOTES).run()

    @Slot()
    def save_pdf(self) -> int:
        """Ask for a file name and write the PDF; returns the page count (0 if not saved)."""
        if not document.ensure_cjk_font(self):
            return 0
        suggested = self.tr("周计划-%1.pdf").replace("%1", self.week_start.isoformat())
        path = dialogs.save_file(self, self.tr("另存为 PDF"), self.tr("PDF 文件 (*.pdf)"),
                                 suggested)
        if path is None:
            return 0
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        html, title = self._print_html()
        try:
            pages = document.render_pdf(html, path, title=title, landscape=self.landscape())
        except document.PrintError as exc:
            dialogs.error(self, self.tr("无法保存 PDF"), str(exc))
            return 0
        self.workspace.status_message.emit(
            self.tr("已保存 %1（%Ln 页）", "", pages).replace("%1", str(path)))
        self._printed()
        return pages
