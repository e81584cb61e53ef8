"""The checklist tab: progress bar, steps (tick, drag to reorder), add / edit / delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.activities import checklists
from ui import dialogs
from ui.activities.item_models import MUTED, ChecklistModel
from ui.activities.step_dialog import StepDialog
from ui.colors import OVERDUE_RED, text_style
from ui.flow_layout import FlowLayout
from ui.operations import Op
from ui.workspace import Changed, workspace_of


class ChecklistPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(self)
        self.model.changed.connect(self._on_changed)
        self.progress_label = QLabel()
        self.overdue_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("活动清单"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.doubleClicked.connect(self._double_clicked)
        self.add_button = QPushButton(self.tr("添加步骤(&A)"))
        self.edit_button = QPushButton(self.tr("编辑(&T)"))
        self.delete_button = QPushButton(self.tr("删除(&L)"))
        self.up_button = QPushButton(self.tr("上移(&M)"))
        self.down_button = QPushButton(self.tr("下移(&O)"))
        self.add_button.clicked.connect(self.add_step)
        self.edit_button.clicked.connect(self.edit_step)
        self.delete_button.clicked.connect(self.delete_step)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addWidget(self.bar, 1)
        top.addWidget(self.overdue_label)
        buttons = FlowLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.up_button,
                       self.down_button):
            buttons.add(button)
        hint = QLabel(self.tr("勾选表示完成（记录完成日期）；拖动行可调整顺序；双击编辑。"))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.hint = hint
        self._restyle()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._dialog: StepDialog | None = None

    def _restyle(self) -> None:
        """The red and grey of the labels, readable on this palette's window (light or dark)."""
        self.overdue_label.setStyleSheet(text_style(OVERDUE_RED, " font-weight: 600"))
        self.hint.setStyleSheet(text_style(MUTED))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
            self.view.viewport().update()  # the overdue rows' colours come from the palette
        super().changeEvent(event)

    def load(self, activity_id: int | None) -> None:
        self.model.load(activity_id)
        self._refresh_progress()
        self.setEnabled(activity_id is not None)

    def reload(self) -> None:
        self.model.reload()
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        done, total = self.model.progress()
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.progress_label.setText(self.tr("完成 %1/%2").replace("%1", str(done))
                                    .replace("%2", str(total)))
        overdue = sum(1 for r in range(self.model.rowCount())
                      if self.model.overdue(self.model._items[r]))
        self.overdue_label.setText(self.tr("%Ln 项逾期", "", overdue) if overdue else "")

    @Slot()
    def _on_changed(self) -> None:
        self._refresh_progress()
        self.changed.emit()

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    @Slot()
    def add_step(self) -> None:
        self._open_dialog(None)

    @Slot()
    def edit_step(self) -> None:
        step_id = self.model.step_id(self.selected_row())
        if step_id is not None:
            self._open_dialog(step_id)

    def _open_dialog(self, step_id: int | None) -> None:
        activity_id = self.model.activity_id
        if activity_id is None:  # no activity shown
            return
        self._dialog = StepDialog(activity_id, step_id, self)
        self._dialog.saved.connect(self._saved)
        self._dialog.open()

    @Slot(int)
    def _saved(self, step_id: int) -> None:
        self.model.reload()
        self._on_changed()
        for row in range(self.model.rowCount()):
            if self.model.step_id(row) == step_id:
                self.view.selectRow(row)

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != 0:
            self.edit_step()

    @Slot()
    def delete_step(self) -> None:
        row = self.selected_row()
        step_id = self.model.step_id(row)
        if step_id is None:
            return
        title = self.model.index(row, 1).data()
        if dialogs.confirm(self, self.tr("删除步骤"),
                           self.tr("删除步骤“%1”？").replace("%1", title), danger=True):
            def done(_result: object) -> None:
                self.model.reload()
                self._on_changed()

            Op(self, workspace_of(self), lambda: checklists.delete_step(step_id),
               Changed.ACTIVITIES).success(done).run()

    def _move(self, delta: int) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.model.move(row, row + delta)
        target = max(0, min(row + delta, self.model.rowCount() - 1))
        self.view.selectRow(target)
