"""Sign-ups tab: add people from the member list, check them in on the day."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.activities import signups
from models.activities.activity import get_activity
from ui import dialogs
from ui.activities.item_models import SignUpModel
from ui.activities.jielong_dialog import JielongDialog
from ui.activities.member_search import MemberSearchList
from ui.i18n import number
from ui.operations import Op
from ui.workspace import Changed, workspace_of


class AddSignUpsDialog(QDialog):
    """Pick members (search by name or pinyin, multi-select) and sign them up."""

    added = Signal(int)

    def __init__(self, activity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activity_id = activity_id
        self.setWindowTitle(self.tr("添加报名"))
        self.members = MemberSearchList(multi=True)
        self.members.marked = signups.member_activity_ids(activity_id)
        self.info = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("报名(&S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("选择要报名的成员（可按住 Ctrl 或 Shift 多选）：")))
        layout.addWidget(self.members, 1)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        self.members.selection_changed.connect(self._update)
        self.members.refresh()
        self._update()
        self.resize(460, 560)

    @Slot()
    def _update(self) -> None:
        n = len(self.members.selected_ids())
        self.info.setText(self.tr("已选 %Ln 人", "", n))
        self.ok.setEnabled(n > 0)

    @Slot()
    def save(self) -> None:
        ids, activity_id = self.members.selected_ids(), self.activity_id

        def done(added: int) -> None:
            self.added.emit(added)
            self.accept()

        Op(self, workspace_of(self), lambda: signups.sign_up(activity_id, ids),
           Changed.ACTIVITIES).success(done).run()


class SignUpsPanel(QWidget):
    changed = Signal()
    # The check-in search box. It hides the static QWidget.find(window id), which nothing
    # calls on a panel; the name is kept because callers and tests reach for `.find`.
    find: QLineEdit  # type: ignore[assignment]  # an attribute named like a QWidget static

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SignUpModel(self)
        self.model.changed.connect(self._on_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.summary = QLabel()
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("签到：输入姓名或昵称，回车签到"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.proxy.setFilterFixedString)
        self.find.returnPressed.connect(self._quick_check_in)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("报名名单"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("添加报名(&A)…"))
        self.jielong_button = self._jielong_button()
        self.check_button = QPushButton(self.tr("签到(&K)"))
        self.uncheck_button = QPushButton(self.tr("取消签到(&O)"))
        self.remove_button = QPushButton(self.tr("移除报名(&M)"))
        self.add_button.clicked.connect(self.add_signups)
        self.check_button.clicked.connect(lambda: self._set_selected(True))
        self.uncheck_button.clicked.connect(lambda: self._set_selected(False))
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.find, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.jielong_button, self.check_button,
                       self.uncheck_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._dialog: QDialog | None = None

    def _jielong_button(self) -> QPushButton:
        """粘贴接龙: a WeChat 接龙 copied from the group becomes sign-ups or check-ins."""
        button = QPushButton(self.tr("粘贴接龙(&T)"))
        button.setToolTip(self.tr("把微信群里的接龙复制后粘贴，自动匹配成员并报名或签到"))
        menu = QMenu(button)
        self.paste_signups_action = menu.addAction(self.tr("粘贴报名接龙(&S)…"))
        self.paste_checkins_action = menu.addAction(self.tr("粘贴签到接龙(&C)…"))
        self.paste_signups_action.triggered.connect(lambda: self.paste_jielong("signup"))
        self.paste_checkins_action.triggered.connect(lambda: self.paste_jielong("checkin"))
        button.setMenu(menu)
        return button

    def paste_jielong(self, mode: str, text: str | None = None) -> None:
        if self.model.activity_id is None:
            return
        dialog = JielongDialog(self.model.activity_id, "checkin" if mode == "checkin"
                               else "signup", self, text=text)
        dialog.applied.connect(self._jielong_applied)
        self._dialog = dialog
        dialog.open()

    @Slot(object, str)
    def _jielong_applied(self, _result: object, text: str) -> None:
        self.model.reload()
        self._on_changed()
        dialogs.inform(self, self.tr("粘贴接龙"), text)

    def load(self, activity_id: int | None) -> None:
        self.model.load(activity_id)
        self._refresh_summary()
        self.setEnabled(activity_id is not None)

    def _refresh_summary(self) -> None:
        signed, attended = self.model.counts()
        companions = self.model.companions()
        text = (self.tr("报名 %1 人（含同伴 %3 人） · 签到 %2 人") if companions
                else self.tr("报名 %1 人 · 签到 %2 人")).replace("%1", number(signed)) \
            .replace("%2", number(attended)).replace("%3", number(companions))
        if self.model.activity_id is not None:
            shown = get_activity(self.model.activity_id)
            capacity = shown.capacity if shown is not None else None
            if capacity:
                text += " · " + self.tr("名额 %1").replace("%1", number(capacity))
                if signed > capacity:
                    text += " " + self.tr("（已超出）")
        self.summary.setText(text)

    @Slot()
    def _on_changed(self) -> None:
        self._refresh_summary()
        self.changed.emit()

    def _selected_rows(self) -> list[int]:
        return sorted({self.proxy.mapToSource(i).row()
                       for i in self.view.selectionModel().selectedRows()})

    def _set_selected(self, attended: bool) -> None:
        for row in self._selected_rows():
            self.model.set_attended(row, attended)

    @Slot()
    def _quick_check_in(self) -> None:
        """On the day: type a name, press Enter; works when exactly one person matches."""
        if self.proxy.rowCount() != 1:
            return
        row = self.proxy.mapToSource(self.proxy.index(0, 0)).row()
        self.model.set_attended(row, True)
        self.find.clear()

    @Slot()
    def add_signups(self) -> None:
        if self.model.activity_id is None:
            return
        dialog = AddSignUpsDialog(self.model.activity_id, self)
        dialog.added.connect(self._added)
        self._dialog = dialog
        dialog.open()

    @Slot(int)
    def _added(self, count: int) -> None:
        self.model.reload()
        self._on_changed()

    @Slot()
    def remove_selected(self) -> None:
        rows = self._selected_rows()
        ids = [i for r in rows if (i := self.model.member_id(r)) is not None]
        if not ids or self.model.activity_id is None:
            return
        if dialogs.confirm(self, self.tr("移除报名"),
                           self.tr("移除 %Ln 人的报名？已签到的活动积分也会扣回。", "", len(ids)),
                           danger=True):
            activity_id = self.model.activity_id

            def done(_result: object) -> None:
                self.model.reload()
                self._on_changed()

            # Attendance points of removed check-ins go too: members change.
            Op(self, workspace_of(self), lambda: signups.remove(activity_id, ids),
               Changed.ACTIVITIES | Changed.MEMBERS).success(done).run()
