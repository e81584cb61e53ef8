"""The 粘贴接龙 preview table: one row per 接龙 line, its match, and what the owner chose.

The last column (处理) is editable: a combo box of the line's candidates, "new card" and
"skip" (ChoiceDelegate); the dialog mirrors the current row's choice in a combo box
below the table for keyboard users.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models.activities import jielong
from models.activities.jielong_match import AMBIGUOUS, MATCHED, MAYBE, UNKNOWN, Candidate
from ui import i18n
from ui.colors import OVERDUE_RED, readable
from ui.table_model import Column, ColumnTableModel

Index = QModelIndex | QPersistentModelIndex
NEW, SKIP = "new", "skip"
Choice = int | str  # a member id, NEW or SKIP
CHOICE_COLUMN = 6
AMBER = QColor("#b26a00")
GREEN = QColor("#2e7d32")
MUTED = QColor("#7B8794")


def _ink(colour: QColor) -> QBrush:
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return QBrush(readable(colour, base))


class JielongPreviewModel(ColumnTableModel[jielong.Row]):
    """The plan's rows; setData on the 处理 column (EditRole) sets a row's choice."""

    COLUMNS = ("line", "text", "name", "companions", "remark", "match", "choice")
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: jielong.Plan | None = None
        self._effects: list[str] = []
        self._by_row: dict[int, str] = {}  # id(row) -> its effect, for the cells
        self.set_column_specs([
            Column("line", self.tr("行"), display=self._line, align=Qt.AlignmentFlag.AlignRight
                   | Qt.AlignmentFlag.AlignVCenter),
            Column("text", self.tr("接龙内容"), display=self._text, tooltip=self._text),
            Column("name", self.tr("姓名"), display=self._name),
            Column("companions", self.tr("同伴"), display=self._companions,
                   align=Qt.AlignmentFlag.AlignCenter),
            Column("remark", self.tr("备注"), display=self._remark),
            Column("match", self.tr("匹配"), display=self._match, foreground=self._match_ink,
                   tooltip=self._match_tip),
            Column("choice", self.tr("处理"), display=self._choice_text,
                   foreground=self._choice_ink),
        ])

    # ------------------------------------------------------------ the plan
    def set_plan(self, plan: jielong.Plan | None) -> None:
        self.plan = plan
        self._count_effects()
        self.set_rows(plan.rows if plan else [])

    def effects(self) -> list[str]:
        return list(self._effects)

    def options(self, row: int) -> list[tuple[str, Choice]]:
        """What the 处理 combo offers for a row: its candidates, a new card, skip."""
        line = self._rows[row]
        if line.match == jielong.KNOWN:
            return []
        out: list[tuple[str, Choice]] = [(self.candidate_text(c), c.member_id)
                                         for c in line.candidates]
        out.append((self.tr("新建成员“%1”").replace("%1", line.entry.name), NEW))
        out.append((self.tr("跳过"), SKIP))
        return out

    def choice(self, row: int) -> Choice:
        line = self._rows[row]
        if line.choice is not None:
            return line.choice
        return NEW if line.add_new else SKIP

    def set_choice(self, row: int, value: Choice) -> None:
        line = self._rows[row]
        if line.match == jielong.KNOWN:
            return
        line.choice = value if isinstance(value, int) else None
        line.add_new = value == NEW
        self._refresh()

    def set_unknown_new(self, add_new: bool) -> None:
        """The "new card for every line not found" switch."""
        for line in self._rows:
            if line.match == UNKNOWN and line.choice is None:
                line.add_new = add_new
        self._refresh()

    def _count_effects(self) -> None:
        self._effects = jielong.effects(self.plan) if self.plan else []
        rows = self.plan.rows if self.plan else []
        self._by_row = {id(r): e for r, e in zip(rows, self._effects, strict=True)}

    def _refresh(self) -> None:
        self._count_effects()
        if self._rows:  # a duplicate further down may change with any choice
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.changed.emit()

    # ------------------------------------------------------------ editing
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (index.isValid() and index.column() == CHOICE_COLUMN
                and self._rows[index.row()].match != jielong.KNOWN):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.EditRole and index.isValid() \
                and index.column() == CHOICE_COLUMN and 0 <= index.row() < len(self._rows):
            return self.choice(index.row())
        return super().data(index, role)

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.isValid() \
                and index.column() == CHOICE_COLUMN and (isinstance(value, int)
                                                         or value in (NEW, SKIP)):
            self.set_choice(index.row(), value)
            return True
        return super().setData(index, value, role)

    # ------------------------------------------------------------ what the cells say
    def candidate_text(self, c: Candidate) -> str:
        text = c.name + (i18n.aside(c.nickname) if c.nickname and c.nickname != c.name else "")
        if c.city:
            text += f" · {c.city}"
        if c.left:
            text += " · " + self.tr("已退群")
        return text + f" · {c.score}%"

    def _line(self, row: jielong.Row) -> str:
        return str(row.entry.line)

    def _text(self, row: jielong.Row) -> str:
        number = f"{row.entry.number}. " if row.entry.number is not None else ""
        return number + row.entry.text

    def _name(self, row: jielong.Row) -> str:
        return row.entry.name

    def _companions(self, row: jielong.Row) -> str:
        return f"+{row.entry.companions}" if row.entry.companions else ""

    def _remark(self, row: jielong.Row) -> str:
        return row.entry.remark

    def _match(self, row: jielong.Row) -> str:
        best = row.confidence or (row.candidates[0].score if row.candidates else 0)
        return {
            MATCHED: self.tr("匹配 %1%").replace("%1", str(best)),
            MAYBE: self.tr("可能 %1%").replace("%1", str(best)),
            AMBIGUOUS: self.tr("%Ln 位同名", "", len(row.candidates)),
            UNKNOWN: self.tr("未找到"),
            jielong.KNOWN: self.tr("已登记"),
        }[row.match]

    def _match_tip(self, row: jielong.Row) -> str:
        if row.match == jielong.KNOWN:
            return self.tr("上次粘贴已登记这一行：%1").replace("%1", row.known_as)
        via = {"wechat_id": self.tr("微信号"), "name": self.tr("姓名"), "nickname": self.tr("群昵称"),
               "wechat_name": self.tr("微信昵称"), "nickname_part": self.tr("群昵称的第一段"),
               "name_part": self.tr("接龙名字的第一段"), "pinyin": self.tr("拼音")}
        return "\n".join(f"{self.candidate_text(c)} ({via.get(c.via, c.via)})"
                         for c in row.candidates)

    def _match_ink(self, row: jielong.Row) -> QBrush | None:
        colour = {MATCHED: GREEN, MAYBE: AMBER, AMBIGUOUS: AMBER, UNKNOWN: OVERDUE_RED,
                  jielong.KNOWN: MUTED}[row.match]
        return _ink(colour)

    def _effect(self, row: jielong.Row) -> str:
        return self._by_row.get(id(row), jielong.NONE)

    def _choice_text(self, row: jielong.Row) -> str:
        effect = self._effect(row)
        if row.match == jielong.KNOWN:
            return self.tr("无变化（%1）").replace("%1", row.known_as)
        if effect == jielong.NEW_MEMBER:
            return self.tr("新建成员“%1”").replace("%1", row.entry.name)
        if effect == jielong.SKIP:
            return self.tr("选择成员…") if row.match == AMBIGUOUS else self.tr("跳过")
        chosen = next((c for c in row.candidates if c.member_id == row.choice), None)
        name = chosen.name if chosen else ""
        suffix = {
            jielong.SIGN_UP: self.tr("报名", "what a line does"),
            jielong.UPDATE: self.tr("已报名，更新同伴人数"),
            jielong.ALREADY: self.tr("已报名") if self.plan and self.plan.mode == "signup"
            else self.tr("已签到"),
            jielong.CHECK_IN: self.tr("签到"), jielong.WALK_IN: self.tr("未报名，现场签到"),
            jielong.DUPLICATE: self.tr("与上面的行重复，跳过"),
        }.get(effect, "")
        return self.tr("%1（%2）").replace("%1", name).replace("%2", suffix)

    def _choice_ink(self, row: jielong.Row) -> QBrush | None:
        effect = self._effect(row)
        if row.match == AMBIGUOUS and effect == jielong.SKIP:
            return _ink(AMBER)
        if effect in (jielong.SKIP, jielong.DUPLICATE, jielong.NONE, jielong.ALREADY):
            return _ink(MUTED)
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """The 处理 column's editor: a combo box of what the row may become."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        if isinstance(model, JielongPreviewModel):
            for label, value in model.options(index.row()):
                combo.addItem(label, value)
        combo.setAccessibleName(self.tr("第 %1 行的处理方式").replace(
            "%1", str(index.model().index(index.row(), 0).data())))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, QComboBox) and editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
