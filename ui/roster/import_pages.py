"""The pages of the import wizard: file, column mapping, preview, run + summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from models.roster.mapping import CUSTOM, TARGETS, target_label
from models.roster.plan import NAME_FIELDS
from models.roster.values import cell_text
from ui import dialogs
from ui.roster.preview_model import PreviewModel, ProblemModel

if TYPE_CHECKING:
    from models.roster.importer import ImportReport
    from models.roster.plan import ImportPlan
    from models.roster.reader import Book


class WizardHost(Protocol):
    """What the pages ask of the wizard that holds them (ui.roster.import_wizard)."""

    plan: ImportPlan | None  # once a file is read

    def load_file(self, path: Path, sheet: str | None = None) -> None: ...
    def build_preview(self, mode: str) -> None: ...
    def rematch(self, mode: str) -> None: ...
    def run_import(self) -> None: ...
    def undo_import(self) -> bool: ...

SAMPLE_ROWS = 3


class FilePage(QWizardPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wiz = wizard
        self.path: Path | None = None  # the file whose sheets the combo lists
        self.book: Book | None = None
        self.setTitle(self.tr("选择名单文件"))
        self.setSubTitle(self.tr("支持 Excel（.xlsx / .xls）、LibreOffice（.ods）、CSV 和制表符分隔的 .txt。"
                                 "标题行、合并单元格、两行表头都能自动识别。"))
        self.path_edit = QLineEdit(readOnly=True)
        self.path_edit.setPlaceholderText(self.tr("还没有选择文件"))
        self.browse = QPushButton(self.tr("选择文件(&C)…"))
        self.browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentTextChanged.connect(self._sheet_changed)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(self.tr("工作表：")))
        sheet_row.addWidget(self.sheet_combo, 1)
        self.info = QLabel(wordWrap=True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.template = QPushButton(self.tr("下载空白导入模板(&G)…"))
        self.template.clicked.connect(self.save_template)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.info)
        layout.addStretch(1)
        layout.addWidget(self.template, 0, Qt.AlignmentFlag.AlignLeft)

    def isComplete(self) -> bool:
        return self.wiz.plan is not None

    @Slot()
    def choose_file(self) -> None:
        path = dialogs.open_file(self, self.tr("选择名单文件"),
                                 self.tr("名单文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;所有文件 (*)"))
        if path is not None:
            self.wiz.load_file(path)

    @Slot(str)
    def _sheet_changed(self, name: str) -> None:
        plan = self.wiz.plan
        # After an empty sheet was refused there is no plan, but the file's sheets stay
        # listed: the owner picks one that holds data.
        if (name and self.path is not None and self.book is not None
                and name in self.book.sheet_names and (plan is None or name != plan.sheet.name)):
            self.wiz.load_file(self.path, name)

    def show_plan(self) -> None:
        plan = self.wiz.plan
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if plan is not None:
            self.path, self.book = plan.path, plan.book
            self.path_edit.setText(str(plan.path))
            self.sheet_combo.addItems(plan.book.sheet_names)
            self.sheet_combo.setCurrentText(plan.sheet.name)
            kinds = {"xlsx": "Excel (.xlsx)", "xls": "Excel 97-2003 (.xls)", "csv": "CSV",
                     "ods": "OpenDocument (.ods)"}
            lines = [self.tr("格式：%1").replace("%1", kinds.get(plan.book.kind, plan.book.kind))]
            if plan.book.encoding:
                lines.append(self.tr("文字编码：%1，分隔符：%2").replace(
                    "%1", plan.book.encoding).replace("%2", repr(plan.book.delimiter)))
            lines.append(self.tr("表头在第 %1 行，共 %2 列").replace(
                "%1", str(plan.header_row)).replace("%2", str(len(plan.headers))))
            lines += plan.notices
            self.info.setText("\n".join(lines))
        self.sheet_combo.setEnabled(plan is not None and len(plan.book.sheet_names) > 1)
        self.sheet_combo.blockSignals(False)
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.info.setText(text)
        self.completeChanged.emit()

    def show_sheets(self, book: Book | None, text: str) -> None:
        """A refusal; with `book`, its sheets stay listed to choose another one."""
        self.path, self.book = (book.path, book) if book is not None else (None, None)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if book is not None:
            self.path_edit.setText(str(book.path))
            self.sheet_combo.addItem(self.tr("（请选择工作表）"))
            self.sheet_combo.addItems(book.sheet_names)
        self.sheet_combo.setEnabled(book is not None and len(book.sheet_names) > 1)
        self.sheet_combo.blockSignals(False)
        self.show_error(text)

    @Slot()
    def save_template(self) -> None:
        from ui.roster.template import save_import_template

        done = save_import_template(self)
        if done is not None:
            self.info.setText(done)


class MappingPage(QWizardPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("核对列的对应关系"))
        self.setSubTitle(self.tr("每一列导入到成员卡片的哪一项？认不出的列可以改成自定义字段或忽略。"
                                 "下次导入表头相同的文件会记住这里的选择。"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("表中的列"), self.tr("前几行的内容"),
                                              self.tr("导入为")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("color: #b45309")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        plan = self.wiz.plan
        if plan is None:
            return
        rows = plan.sheet.rows[plan.data_start:plan.data_start + 50]
        self.table.setRowCount(len(plan.headers))
        self.combos = []
        custom = self._custom_names()
        for i, header in enumerate(plan.headers):
            self.table.setItem(i, 0, QTableWidgetItem(plan.column_name(i)))
            samples = [cell_text(r[i]) for r in rows if i < len(r) and cell_text(r[i]).strip()]
            self.table.setItem(i, 1, QTableWidgetItem("、".join(samples[:SAMPLE_ROWS])))
            combo = QComboBox()
            combo.addItem(self.tr("（忽略这一列）"), None)
            for target in TARGETS:
                combo.addItem(target_label(target), target)
            for name in custom:
                combo.addItem(self.tr("自定义：%1").replace("%1", name), CUSTOM + name)
            current = plan.mapping.get(i)
            if header and header not in custom:
                combo.addItem(self.tr("新建自定义字段“%1”").replace("%1", header), CUSTOM + header)
            if current and current.startswith(CUSTOM) and combo.findData(current) < 0:
                combo.addItem(self.tr("自定义：%1").replace("%1", current[len(CUSTOM):]), current)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 220)
        self._changed()

    def _custom_names(self) -> list[str]:
        from models.roster.exporter import custom_field_names

        return custom_field_names()

    def mapping(self) -> dict[int, str | None]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos)}

    @Slot()
    def _changed(self) -> None:
        targets = [t for t in self.mapping().values() if t]
        doubles = sorted({target_label(t) for t in targets if targets.count(t) > 1})
        lines = []
        if not NAME_FIELDS & set(targets):
            lines.append(self.tr("没有对应“姓名”、“群昵称”或“微信昵称”的列：每位成员至少要有一个名字。"))
        if doubles:
            lines.append(self.tr("这些项对应了多列，只会用最后一列：%1").replace("%1", "、".join(doubles)))
        self.warning.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        targets = set(self.mapping().values())
        return bool(targets & NAME_FIELDS)

    def set_target(self, column: int, target: str | None) -> None:
        """Choose a target programmatically (tests, keyboard users via the combo)."""
        combo = self.combos[column]
        index = combo.findData(target)
        if index < 0 and target and target.startswith(CUSTOM):
            combo.addItem(self.tr("自定义：%1").replace("%1", target[len(CUSTOM):]), target)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def validatePage(self) -> bool:
        if self.wiz.plan is not None:
            self.wiz.plan.mapping = self.mapping()
        return True


class PreviewPage(QWizardPage):
    MODES = ("merge", "overwrite", "skip", "new")

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wiz = wizard
        self.ready = False
        self.active = False  # between initializePage and cleanupPage
        self.setTitle(self.tr("预览"))
        self.setSubTitle(self.tr("下面是每一行将被如何处理。点“开始导入”之前，什么都不会写入。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("开始导入(&I)"))
        self.mode = QComboBox()
        for mode, label in zip(self.MODES, (self.tr("合并：只补充空白的项"),
                                            self.tr("合并：用表中内容覆盖"),
                                            self.tr("跳过已有成员"),
                                            self.tr("全部作为新成员")), strict=True):
            self.mode.addItem(label, mode)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.status_filter = QComboBox()
        for status, label in ((None, self.tr("全部行")), ("new", self.tr("只看新建")),
                              ("update", self.tr("只看更新")), ("duplicate", self.tr("只看重复")),
                              ("error", self.tr("只看有错误的"))):
            self.status_filter.addItem(label, status)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("遇到已有成员（微信号、手机号或姓名相同）：")))
        top.addWidget(self.mode, 1)
        top.addWidget(self.status_filter)
        self.counts = QLabel()
        self.model = PreviewModel(self)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.model.set_filter(self.status_filter.currentData()))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        self.ready = False
        self.active = True
        self.model.set_rows([])
        self.counts.setText(self.tr("正在检查每一行…"))
        self.completeChanged.emit()
        self.wiz.build_preview(self.mode.currentData())

    def cleanupPage(self) -> None:
        self.active = False
        super().cleanupPage()

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(self.MODES.index(mode))

    @Slot()
    def _mode_changed(self) -> None:
        """Counts and the commit button wait for the rows matched with this policy (a
        worker already running catches up with it when it ends)."""
        if self.wiz.plan is None or not self.active:
            return
        self.ready = False
        self.counts.setText(self.tr("正在按新的方式检查重复…"))
        self.completeChanged.emit()
        self.wiz.rematch(self.mode.currentData())

    def show_plan(self) -> None:
        plan = self.wiz.plan
        self.ready = plan is not None
        if plan is not None:
            self.model.set_rows(plan.rows)
            c = plan.counts()
            self.counts.setText(self.tr("新建 %1 · 更新 %2 · 重复跳过 %3 · 有错误 %4 · 空行/合计行 %5")
                                .replace("%1", str(c["new"])).replace("%2", str(c["update"]))
                                .replace("%3", str(c["duplicate"])).replace("%4", str(c["error"]))
                                .replace("%5", str(plan.skipped_rows))
                                + "".join("\n" + n for n in plan.column_notices))
            self.view.resizeColumnsToContents()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ready

    def validatePage(self) -> bool:
        return self.ready  # never import while the rows are being matched again


class ResultPage(QWizardPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wiz = wizard
        self.done = False
        self.setTitle(self.tr("导入结果"))
        self.summary = QLabel(wordWrap=True)
        self.summary.setStyleSheet("font-size: 15px")
        self.problems = ProblemModel(self)
        self.view = QTableView()
        self.view.setModel(self.problems)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save = QPushButton(self.tr("保存问题清单(&S)…"))
        self.save.clicked.connect(self.save_problems)
        self.undo = QPushButton(self.tr("撤销这次导入(&U)"))
        self.undo.clicked.connect(self.undo_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.done = False
        self.save.setEnabled(False)
        self.undo.setEnabled(False)
        self.summary.setText(self.tr("正在导入…"))
        self.wiz.run_import()

    def isComplete(self) -> bool:
        return self.done

    def show_report(self, report: ImportReport | None, text: str) -> None:
        self.done = True
        self.summary.setText(text)
        problems = list(report.errors) if report is not None else []
        self.problems.set_problems(problems)
        self.view.resizeColumnsToContents()
        self.save.setEnabled(bool(problems))
        self.undo.setEnabled(report is not None and report.batch is not None)
        self.completeChanged.emit()

    @Slot()
    def save_problems(self) -> None:
        from models.roster.exporter import RosterError, export_table

        path = dialogs.save_file(self, self.tr("保存问题清单"), self.tr("Excel 文件 (*.xlsx)"),
                                 self.tr("导入问题清单.xlsx"))
        if path is None:
            return
        headers = self.problems.column_headers()
        rows = [[self.problems.index(r, c).data() for c in range(len(headers))]
                for r in range(self.problems.rowCount())]
        try:
            export_table(path, headers, rows)
        except RosterError as exc:
            dialogs.error(self, self.tr("无法保存"), str(exc))

    @Slot()
    def undo_import(self) -> None:
        if self.wiz.undo_import():
            self.undo.setEnabled(False)
