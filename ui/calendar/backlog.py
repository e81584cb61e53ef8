"""The backlog panel: unscheduled ideas (drag one onto a day) and content sources (内容来源)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.calendar import lists as L
from models.calendar.edit import Ref, ideas, unschedule
from ui import dialogs, i18n
from ui.calendar.common import MIME_REF, ref_from_mime, ref_mime
from ui.operations import Op
from ui.workspace import Changed, workspace_of

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
# A content source as its list item holds it: (id, name, link, notes).
SourceRow = tuple[int, str, str, str]


class IdeasModel(QAbstractListModel):
    """Backlog ideas; drags out as calendar refs, accepts one-off entries dropped back in."""

    unschedule_requested = Signal(object)  # Ref

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, str, str, str]] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = ideas()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item_id, title, kind, color = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return title + i18n.aside(kind)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(color)
        if role == ID_ROLE:
            return item_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_REF]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if not rows:
            return QMimeData()
        return ref_mime(Ref(self.rows[rows[0]][0], None, None))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        ref = ref_from_mime(data)
        # Only a scheduled one-off goes back to the backlog; series occurrences cannot.
        return ref is not None and ref.item_id is not None and ref.series_id is None \
            and ref.date is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.unschedule_requested.emit(ref_from_mime(data))
        return False  # the reload shows the new idea; nothing for the view to remove


class SourceDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str = "", link: str = "",
                 notes: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("内容来源"))
        self.name = QLineEdit(name)
        self.link = QLineEdit(link)
        self.link.setPlaceholderText("https://")
        self.notes = QPlainTextEdit(notes)
        self.notes.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("链接"), self.link)
        form.addRow(self.tr("说明"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class BacklogPanel(QWidget):
    idea_activated = Signal(int)
    new_idea_requested = Signal()
    changed = Signal()

    def editing_controls(self) -> tuple[QWidget, ...]:
        """What changes data here (the page turns it off on a read-only workspace)."""
        return self._editing[:3]

    def set_dragging(self, allowed: bool) -> None:
        self.idea_list.setDragEnabled(allowed)
        self.idea_list.setAcceptDrops(allowed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ideas = IdeasModel(self)
        self.ideas.unschedule_requested.connect(self._unschedule)
        self.idea_list = QListView()
        self.idea_list.setAccessibleName(self.tr("点子库"))
        self.idea_list.setModel(self.ideas)
        self.idea_list.setIconSize(QSize(12, 12))
        self.idea_list.setDragEnabled(True)
        self.idea_list.setAcceptDrops(True)
        self.idea_list.setDropIndicatorShown(True)
        self.idea_list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.idea_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.idea_list.doubleClicked.connect(
            lambda index: self.idea_activated.emit(index.data(ID_ROLE)))
        add_idea = QPushButton(self.tr("新点子(&I)"))
        add_idea.clicked.connect(self.new_idea_requested)
        self.sources = QListWidget()
        self.sources.setAccessibleName(self.tr("内容来源"))
        self.sources.itemDoubleClicked.connect(lambda _item: self._edit_source())
        add_source = QPushButton(self.tr("添加(&A)"))
        add_source.clicked.connect(self._add_source)
        remove_source = QPushButton(self.tr("删除(&D)"))
        remove_source.clicked.connect(self._remove_source)
        open_link = QPushButton(self.tr("打开链接(&O)"))
        open_link.clicked.connect(self._open_link)
        self._editing = (add_idea, add_source, remove_source, self.idea_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        head = QHBoxLayout()
        title = QLabel(self.tr("<b>点子库</b>"))
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(add_idea)
        layout.addLayout(head)
        hint = QLabel(self.tr("把点子拖到日历上的某一天即可排期；把单次内容拖回这里放回点子库。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7280;")
        layout.addWidget(hint)
        layout.addWidget(self.idea_list, 3)
        layout.addWidget(QLabel(self.tr("<b>内容来源</b>")))
        layout.addWidget(self.sources, 2)
        row = QHBoxLayout()
        for button in (add_source, remove_source, open_link):
            row.addWidget(button)
        layout.addLayout(row)

    def reload(self) -> None:
        self.ideas.reload()
        self.sources.clear()
        for source in L.sources():
            item = QListWidgetItem(source.name + (f"  ·  {source.link}" if source.link else ""))
            row: SourceRow = (source.id, source.name, source.link, source.notes)
            item.setData(ID_ROLE, row)
            item.setToolTip(source.notes or source.link)
            self.sources.addItem(item)

    @Slot(object)
    def _unschedule(self, ref: Ref) -> None:
        item_id = ref.item_id
        if item_id is not None:
            self._change(lambda: unschedule(item_id))

    def _change(self, change: Callable[[], object]) -> bool:
        done = Op(self, workspace_of(self), change, Changed.CALENDAR) \
            .success(lambda _result: self.changed.emit())
        return done.failure(lambda exc: dialogs.warn(self, self.tr("内容来源"), str(exc))).run()

    def _source_dialog(self, current: SourceRow | None) -> None:
        _sid, name, link, notes = current or (None, "", "", "")
        dialog = SourceDialog(self, name, link, notes)

        def save() -> None:
            self._change(lambda: L.save_source(dialog.name.text(), dialog.link.text(),
                                               dialog.notes.toPlainText(),
                                               current[0] if current else None))

        dialog.accepted.connect(save)
        dialog.open()

    @Slot()
    def _add_source(self) -> None:
        self._source_dialog(None)

    @Slot()
    def _edit_source(self) -> None:
        item = self.sources.currentItem()
        if item is not None:
            self._source_dialog(item.data(ID_ROLE))

    @Slot()
    def _remove_source(self) -> None:
        item = self.sources.currentItem()
        if item is None:
            return
        sid, name, _link, _notes = item.data(ID_ROLE)
        if dialogs.confirm(self, self.tr("删除内容来源"),
                           self.tr("删除内容来源“%1”？").replace("%1", name), danger=True):
            self._change(lambda: L.delete_source(sid))

    @Slot()
    def _open_link(self) -> None:
        item = self.sources.currentItem()
        if item is not None and item.data(ID_ROLE)[2]:
            QDesktopServices.openUrl(QUrl.fromUserInput(item.data(ID_ROLE)[2]))
