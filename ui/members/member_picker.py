"""A line edit that picks one member by name, nickname, WeChat ID or pinyin (zs, zhangsan)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from models.members.cards import find_members, member_name
from ui.i18n import aside

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class MemberPicker(QLineEdit):
    """Suggestions come from the database as the user types (a LIKE over name and pinyin
    keys stays fast at 100,000 members), so the completer shows them unfiltered."""

    member_changed = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None, exclude: int | None = None) -> None:
        super().__init__(parent)
        self.exclude = exclude
        self._member_id: int | None = None
        self._name = ""
        self.setPlaceholderText(self.tr("输入姓名、昵称或拼音（如 zs）"))
        self.setClearButtonEnabled(True)
        self.suggestions = QStandardItemModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setWidget(self)
        # The QModelIndex overload of activated (PySide6's stubs know no signal overloads).
        self.completer_.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        # Ask the database once typing pauses: a full scan at 100,000 members takes tens
        # of milliseconds, too much to repeat on every keystroke.
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(120)
        self.pause.timeout.connect(self.suggest_now)
        self.textEdited.connect(self._typed)

    def member_id(self) -> int | None:
        return self._member_id

    def is_unresolved(self) -> bool:
        """Text typed but no member chosen from the list."""
        return bool(self.text().strip()) and (self._member_id is None
                                              or self.text().strip() != self._name)

    def set_member(self, member_id: int | None) -> None:
        name = ""
        if member_id is not None:
            found = member_name(member_id)
            name = found or ""
            member_id = member_id if found is not None else None
        self._member_id, self._name = member_id, name
        self.setText(name)
        self.member_changed.emit(member_id)

    @Slot(str)
    def _typed(self, text: str) -> None:
        if not text.strip():
            self.pause.stop()
            self._member_id, self._name = None, ""
            self.member_changed.emit(None)
            self._hide_suggestions()
            return
        self.pause.start()

    @Slot()
    def suggest_now(self) -> None:
        self.pause.stop()
        text = self.text()
        if not text.strip():
            return
        self.suggestions.clear()
        for member_id, name, nickname in find_members(text, limit=15, exclude=self.exclude):
            item = QStandardItem(name + aside(nickname) if nickname else name)
            item.setData(member_id, ID_ROLE)
            item.setData(name, NAME_ROLE)
            self.suggestions.appendRow(item)
        if self.suggestions.rowCount():
            self.completer_.complete()
        else:
            self._hide_suggestions()

    def _hide_suggestions(self) -> None:
        popup = self.completer_.popup()  # made on first use, so never None here
        if popup is not None:
            popup.hide()

    @Slot(QModelIndex)
    def _picked(self, index: QModelIndex) -> None:
        member_id, name = index.data(ID_ROLE), index.data(NAME_ROLE)
        self._member_id, self._name = member_id, name
        # The completer writes the whole suggestion ("张三（清风）") after this slot: put
        # the plain name back once it has.
        QTimer.singleShot(0, self, self._show_name)  # `self` as context: dropped if deleted
        self.member_changed.emit(member_id)

    @Slot()
    def _show_name(self) -> None:
        self.setText(self._name)

    def pick_first(self) -> bool:
        """Choose the first suggestion (keyboard users and tests)."""
        if self.pause.isActive():
            self.suggest_now()
        if not self.suggestions.rowCount():
            return False
        self._picked(self.suggestions.index(0, 0))
        self.setText(self._name)
        return True
