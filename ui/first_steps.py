"""The first-steps checklist: four steps that tick themselves as the owner does them
(models/guide/first_steps.py says when), each with the button that does it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from models.guide import first_steps
from ui.operations import Op
from ui.workspace import Changed, Workspace

DONE, TODO = "✔", "○"


class FirstStepsPanel(QFrame):
    """Shown at the top of the Overview until every step is done or the owner hides it."""

    go = Signal(str)  # a step's button: "import" | "tag" | "plan" | "print"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("firstSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("第一步清单"))
        title = QLabel(self.tr("<b>第一步清单</b>　做完一步，这里会自动打勾"))
        self.hide_button = QPushButton(self.tr("不再显示(&D)"))
        self.hide_button.clicked.connect(self.dismiss)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.hide_button)
        grid = QGridLayout(self)
        grid.addLayout(head, 0, 0, 1, 3)
        self.marks: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(first_steps.STEPS, start=1):
            mark = QLabel(TODO)
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(self.step_text(step))
            text.setWordWrap(True)
            button = QPushButton(self.button_text(step))
            button.clicked.connect(lambda _=False, s=step: self.go.emit(s))
            grid.addWidget(mark, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
            self.marks[step], self.texts[step], self.buttons[step] = mark, text, button
        grid.setColumnStretch(1, 1)
        self.refresh()

    def step_text(self, step: str) -> str:
        return {
            "import": self.tr("导入名单：把现有成员从 Excel、WPS 或问卷导出的表格导进来"),
            "tag": self.tr("打标签：给几位成员打上标签（城市、兴趣、付费……），以后按标签筛选"),
            "plan": self.tr("排本周：在内容日历里排一条内容，或新建一个活动"),
            "print": self.tr("打印周计划：在“周计划”里打印或另存为 PDF，发到群里"),
        }[step]

    def button_text(self, step: str) -> str:
        return {"import": self.tr("导入名单(&I)…"), "tag": self.tr("去打标签(&G)"),
                "plan": self.tr("去排内容(&C)"), "print": self.tr("去周计划(&P)")}[step]

    def done(self) -> dict[str, bool]:
        return first_steps.progress()

    @Slot()
    def refresh(self) -> None:
        done = self.done()
        for step, ticked in done.items():
            self.marks[step].setText(DONE if ticked else TODO)
            self.marks[step].setAccessibleName(self.tr("已完成") if ticked else self.tr("未完成"))
            self.buttons[step].setEnabled(not ticked)
            font = self.texts[step].font()
            font.setStrikeOut(ticked)
            self.texts[step].setFont(font)
        self.setVisible(not first_steps.dismissed() and not all(done.values()))

    @Slot()
    def dismiss(self) -> None:
        Op(self, self.workspace, first_steps.dismiss, Changed.WEEK_NOTES) \
            .success(lambda _r: self.refresh()).run()
