"""Tag manager: categories with colours (add, rename, recolour, reorder, delete) and
their tags with usage counts (create, rename, merge, move, delete). Merges and deletes
are captured first so Edit > Undo can bring the tags and their members back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.members import tags
from models.members.cards import ValidationError
from ui import dialogs
from ui.i18n import aside, number
from ui.members.card_sections import EnterCatcher
from ui.members.form_helpers import error_style, section_title
from ui.operations import Op
from ui.workspace import Changed, Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
NONE_ID = 0  # the "uncategorised" pseudo category in the list

T = TypeVar("T")


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class TagsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("标签管理"))
        self.setSizeGripEnabled(True)
        self._loading = False

        # categories
        self.categories = QListWidget()
        self.categories.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.categories.currentRowChanged.connect(self._load_tags)
        self.categories.itemChanged.connect(self._category_renamed)
        self.new_category = QLineEdit()
        self.new_category.setPlaceholderText(self.tr("新分类名，如“兴趣”"))
        EnterCatcher(self.new_category, self.add_category)
        buttons = {}
        for key, text in (("add_cat", self.tr("新建分类(&N)")), ("colour", self.tr("颜色(&O)…")),
                          ("up", self.tr("上移(&U)")), ("down", self.tr("下移(&V)")),
                          ("del_cat", self.tr("删除分类(&D)")), ("add_tag", self.tr("新建标签(&E)")),
                          ("rename", self.tr("重命名(&R)")), ("merge", self.tr("合并(&G)")),
                          ("move", self.tr("移动(&M)")), ("del_tag", self.tr("删除标签(&L)"))):
            buttons[key] = QPushButton(text)
            buttons[key].setAutoDefault(False)
        self.buttons = buttons
        buttons["add_cat"].clicked.connect(self.add_category)
        buttons["colour"].clicked.connect(self.choose_colour)
        buttons["up"].clicked.connect(lambda: self.move_category(-1))
        buttons["down"].clicked.connect(lambda: self.move_category(1))
        buttons["del_cat"].clicked.connect(self.delete_category)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(section_title(self.tr("分类")))
        left_layout.addWidget(self.categories, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_category, 1)
        add_row.addWidget(buttons["add_cat"])
        left_layout.addLayout(add_row)
        cat_row = QHBoxLayout()
        for key in ("colour", "up", "down", "del_cat"):
            cat_row.addWidget(buttons[key])
        left_layout.addLayout(cat_row)

        # tags
        self.table = QTableWidget(0, 2)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("标签（双击改名）"), self.tr("使用人数")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._tag_renamed)
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText(self.tr("新标签名"))
        EnterCatcher(self.new_tag, self.add_tag)
        self.merge_target = QComboBox()
        self.move_target = QComboBox()
        buttons["add_tag"].clicked.connect(self.add_tag)
        buttons["rename"].clicked.connect(self._edit_current_tag)
        buttons["merge"].clicked.connect(self.merge_current)
        buttons["move"].clicked.connect(self.move_current)
        buttons["del_tag"].clicked.connect(self.delete_current)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.status = QLabel()
        self.status.setStyleSheet("color: #15803d;")
        self.status.setWordWrap(True)
        right = QWidget()
        grid = QGridLayout(right)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(section_title(self.tr("标签")), 0, 0, 1, 3)
        grid.addWidget(self.table, 1, 0, 1, 3)
        grid.addWidget(self.new_tag, 2, 0, 1, 2)
        grid.addWidget(buttons["add_tag"], 2, 2)
        grid.addWidget(QLabel(self.tr("把所选标签合并到")), 3, 0)
        grid.addWidget(self.merge_target, 3, 1)
        grid.addWidget(buttons["merge"], 3, 2)
        grid.addWidget(QLabel(self.tr("把所选标签移动到分类")), 4, 0)
        grid.addWidget(self.move_target, 4, 1)
        grid.addWidget(buttons["move"], 4, 2)
        tag_row = QHBoxLayout()
        tag_row.addWidget(buttons["rename"])
        tag_row.addWidget(buttons["del_tag"])
        tag_row.addStretch(1)
        grid.addLayout(tag_row, 5, 0, 1, 3)
        grid.addWidget(self.error, 6, 0, 1, 3)
        grid.addWidget(self.status, 7, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        body = QHBoxLayout()
        body.addWidget(left, 2)
        body.addWidget(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭(&C)"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(900, 560)
        tags.ensure_default_categories()
        self.reload()
        workspace.data_changed.connect(self._external_change)

    # ------------------------------------------------------------------ loading
    def reload(self, category_id: int | None = None, tag_id: int | None = None) -> None:
        if category_id is None:
            category_id = self.current_category_key()
        self._loading = True
        self.categories.clear()
        counts: dict[int, int] = {}
        for key, n in tags.tags_per_category().items():
            counts[key or NONE_ID] = counts.get(key or NONE_ID, 0) + n
        for category in tags.categories():
            item = QListWidgetItem(swatch(category.color), category.name)
            item.setData(ID_ROLE, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(self.tr("%Ln 个标签", "", counts.get(category.id, 0)))
            self.categories.addItem(item)
        loose = QListWidgetItem(swatch(tags.UNCATEGORISED_COLOUR), self.tr("未分类"))
        loose.setData(ID_ROLE, NONE_ID)
        self.categories.addItem(loose)
        self.move_target.clear()
        for category in tags.categories():
            self.move_target.addItem(swatch(category.color), category.name, category.id)
        self.move_target.addItem(self.tr("未分类"), NONE_ID)
        self._loading = False
        row = 0
        for i in range(self.categories.count()):
            if self.categories.item(i).data(ID_ROLE) == category_id:
                row = i
        self.categories.setCurrentRow(row)
        self._load_tags(row, tag_id)

    @Slot(object)
    def _external_change(self, changed: Changed) -> None:
        # Bulk tagging in the list, an undo, an import: usage counts move.
        if changed & (Changed.MEMBERS | Changed.TAGS) and self.isVisible() \
                and self.workspace.origin is not self:
            self.reload(tag_id=self.current_tag_id())

    def current_category_key(self) -> int | None:
        item = self.categories.currentItem()
        return item.data(ID_ROLE) if item else None

    @Slot(int)
    def _load_tags(self, _row: int = 0, select_tag: int | None = None) -> None:
        if self._loading:
            return
        key = self.current_category_key()
        usage = tags.usage_counts()
        all_tags = tags.all_tags()
        shown = [t for t in all_tags if (t.category_id or NONE_ID) == key]
        self._loading = True
        self.table.setRowCount(len(shown))
        for row, tag in enumerate(shown):
            name = QTableWidgetItem(tag.name)
            name.setData(ID_ROLE, tag.id)
            name.setIcon(swatch(tag.color))
            count = QTableWidgetItem(str(usage.get(tag.id, 0)))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, count)
            if tag.id == select_tag:
                self.table.selectRow(row)
        self.merge_target.clear()
        for tag in all_tags:
            self.merge_target.addItem(swatch(tag.color),
                                      tag.name + aside(str(usage.get(tag.id, 0))), tag.id)
        self._loading = False
        if select_tag is None and shown:
            self.table.selectRow(0)
        is_real = bool(key)
        for button in ("colour", "up", "down", "del_cat"):
            self.buttons[button].setEnabled(is_real)

    def current_tag_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item else None

    def _change(self, change: Callable[[], T], done: Callable[[T], None],
                refused: Callable[[], None] | None = None) -> bool:
        """One write of this dialog through the one operation path; a refusal is shown
        under the lists (then `refused` puts the view back as it is stored)."""
        def fail(exc: Exception) -> None:
            self._fail(exc)
            if refused is not None:
                refused()

        return Op(self, self.workspace, change, Changed.TAGS).success(done).failure(fail).run()

    def _done(self, text: str) -> None:
        self.error.clear()
        self.status.setText(text)

    def _fail(self, exc: Exception) -> None:
        self.status.clear()
        self.error.setText("；".join(exc.errors.values()) if isinstance(exc, ValidationError)
                           else str(exc))

    # ------------------------------------------------------------------ categories
    @Slot()
    def add_category(self) -> None:
        palette = ("#0ea5e9", "#84cc16", "#f43f5e", "#eab308", "#6366f1", "#10b981")
        colour = palette[self.categories.count() % len(palette)]
        name = self.new_category.text()

        def done(category: tags.TagCategory) -> None:
            self.new_category.clear()
            self.reload(category.id)
            self._done(self.tr("已新建分类“%1”").replace("%1", category.name))

        self._change(lambda: tags.save_category(name, colour), done)

    @Slot(QListWidgetItem)
    def _category_renamed(self, item: QListWidgetItem) -> None:
        if self._loading or not item.data(ID_ROLE):
            return
        name, key = item.text(), item.data(ID_ROLE)
        self._change(lambda: tags.save_category(name, category_id=key),
                     lambda _c: self._done(self.tr("分类已改名为“%1”").replace("%1", name.strip())),
                     refused=lambda: self.reload(key))

    @Slot()
    def choose_colour(self) -> None:
        key = self.current_category_key()
        if not key:
            return
        category = tags.get_category(key)
        if category is None:
            return
        picker = QColorDialog(QColor(category.color), self)
        picker.setWindowTitle(self.tr("分类颜色"))
        picker.colorSelected.connect(lambda colour: self.set_colour(key, colour))
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.open()

    def set_colour(self, category_id: int, colour: QColor) -> None:
        category = tags.get_category(category_id)
        if category is None:
            return
        def done(_category: object) -> None:
            self.reload(category_id)
            self._done(self.tr("颜色已更新"))

        self._change(lambda: tags.save_category(category.name, colour.name(), category_id), done)

    def move_category(self, step: int) -> None:
        ids = [c.id for c in tags.categories()]
        key = self.current_category_key()
        if key not in ids:
            return
        i = ids.index(key)
        j = i + step
        if 0 <= j < len(ids):
            ids[i], ids[j] = ids[j], ids[i]
            self._change(lambda: tags.reorder_categories(ids), lambda _r: self.reload(key))

    @Slot()
    def delete_category(self) -> None:
        key = self.current_category_key()
        if not key:
            return
        category = tags.get_category(key)
        if category is None:
            return
        count = tags.tags_per_category().get(key, 0)
        text = self.tr("删除分类“%1”？其中 %Ln 个标签会保留并变为“未分类”。", "", count) \
            .replace("%1", category.name)
        if not dialogs.confirm(self, self.tr("删除分类"), text, danger=True):
            return
        def done(_count: object) -> None:
            self.reload(NONE_ID)
            self._done(self.tr("已删除分类“%1”").replace("%1", category.name))

        self._change(lambda: tags.delete_category(key), done)

    # ------------------------------------------------------------------ tags
    @Slot()
    def add_tag(self) -> None:
        name = self.new_tag.text()
        key = self.current_category_key() or None
        def done(tag: tags.Tag) -> None:
            self.new_tag.clear()
            self.reload(key or NONE_ID, tag.id)
            self._done(self.tr("已新建标签“%1”").replace("%1", tag.name))

        self._change(lambda: tags.create_tag(name, key), done)

    @Slot()
    def _edit_current_tag(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.table.editItem(item)

    @Slot(QTableWidgetItem)
    def _tag_renamed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        self.rename(item.data(ID_ROLE), item.text())

    def rename(self, tag_id: int, new_name: str) -> None:
        """Rename; a name that another tag has already offers to merge into it."""
        old = tags.tag_names([tag_id]).get(tag_id, "")
        clash = tags.find_tag(new_name, excluding=tag_id)
        if clash is not None:
            text = self.tr("已有标签“%1”。把“%2”合并进去吗？（%Ln 位成员）", "",
                           tags.tag_usage(tag_id)).replace("%1", clash.name).replace("%2", old)
            if dialogs.confirm(self, self.tr("标签重名"), text):
                self.merge(tag_id, clash.id)
            else:
                self.reload()
            return

        def done(_result: object) -> None:
            self.reload(tag_id=tag_id)
            self._done(self.tr("“%1”已改名为“%2”").replace("%1", old).replace("%2", new_name.strip()))

        self._change(lambda: tags.rename_tag(tag_id, new_name), done, refused=self.reload)

    @Slot()
    def merge_current(self) -> None:
        source, target = self.current_tag_id(), self.merge_target.currentData()
        if source is None or target is None or source == target:
            self.error.setText(self.tr("请选择一个不同的目标标签"))
            return
        names = tags.tag_names([source, target])
        text = self.tr("把“%1”合并到“%2”？“%1”的 %Ln 位成员将改为“%2”，“%1”会被删除（可撤销）。",
                       "", tags.tag_usage(source)).replace("%1", names[source]) \
            .replace("%2", names[target])
        if dialogs.confirm(self, self.tr("合并标签"), text):
            self.merge(source, target)

    def merge(self, source: int, target: int) -> int:
        names = tags.tag_names([source, target])
        moved = 0

        def done(count: int) -> None:
            nonlocal moved
            moved = count
            merged = tags.get_tag(target)
            target_cat = (merged.category_id if merged is not None else None) or NONE_ID
            self.reload(target_cat, target)
            self._done(self.tr("已合并：“%1”的 %2 位成员并入，“%3”现有 %4 位成员（可撤销）")
                       .replace("%1", names[source]).replace("%2", number(count))
                       .replace("%3", names[target]).replace("%4", number(tags.tag_usage(target))))

        self._change(lambda: tags.merge_tags(source, target), done)
        return moved

    @Slot()
    def move_current(self) -> None:
        tag_id = self.current_tag_id()
        if tag_id is None:
            return
        key = self.move_target.currentData()
        where = self.move_target.currentText()

        def done(_result: object) -> None:
            self.reload(key, tag_id)
            self._done(self.tr("已移动到“%1”").replace("%1", where))

        self._change(lambda: tags.move_tag(tag_id, key or None), done)

    @Slot()
    def delete_current(self) -> None:
        tag_id = self.current_tag_id()
        if tag_id is None:
            return
        tag = tags.get_tag(tag_id)
        if tag is None:
            return
        count = tags.tag_usage(tag_id)
        text = self.tr("删除标签“%1”？%Ln 位成员会失去这个标签（可用“编辑 > 撤销”恢复）。", "",
                       count).replace("%1", tag.name)
        if not dialogs.confirm(self, self.tr("删除标签"), text, danger=True):
            return
        def done(_count: int) -> None:
            self.reload()
            self._done(self.tr("已删除“%1”（%Ln 位成员）", "", count).replace("%1", tag.name))

        self._change(lambda: tags.delete_tag(tag_id), done)
