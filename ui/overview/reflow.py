"""A grid of panels that rearranges itself as the window narrows, and the Overview's
arrangements of its cards and panels.

The Overview lays its cards and panels out in columns. In a narrow window (the first
run opens at 900 x 600) three columns of charts and lists need more width than there is:
in a scroll area that only scrolls up and down, the right-hand panels were cut off. A
ReflowGrid holds one arrangement per column count and shows the widest one whose panels
all get their minimum width, so every panel stays whole and the page only grows longer.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget

# A panel's place in one arrangement: (widget, row, column, columns it spans).
Place = tuple[QWidget, int, int, int]


class ReflowGrid(QGridLayout):
    def __init__(self, arrangements: dict[int, list[Place]], spacing: int = 10) -> None:
        """`arrangements`: {number of columns: the places of the same widgets}."""
        super().__init__()
        self.setHorizontalSpacing(spacing)
        self.setVerticalSpacing(spacing)
        self._arrangements = dict(sorted(arrangements.items(), reverse=True))
        self.columns = 0  # the arrangement shown (0: none yet)

    def needed(self, columns: int) -> int:
        """The width the arrangement of `columns` needs, as QGridLayout works out its
        minimum: each column as wide as the widest panel in it alone; a panel spanning
        several columns widens them evenly if they are narrower together than it."""
        gap = self.horizontalSpacing()
        places = self._arrangements[columns]
        widths = [0] * columns
        for widget, _, column, span in places:
            if span == 1:
                widths[column] = max(widths[column], _least(widget))
        for widget, _, column, span in places:
            short = _least(widget) - sum(widths[column:column + span]) - gap * (span - 1)
            for index in range(column, column + span) if span > 1 and short > 0 else ():
                widths[index] += -(-short // span)  # ceiling: never a pixel short
        return sum(widths) + gap * (columns - 1)

    def fitting(self, width: int) -> int:
        """The most columns whose arrangement fits in `width` (the fewest if none does)."""
        return next((c for c in self._arrangements if self.needed(c) <= width),
                    min(self._arrangements))

    def reflow(self, width: int) -> None:
        """Show the arrangement that fits `width`; nothing moves if it is the one shown."""
        columns = self.fitting(width)
        if columns == self.columns:
            return
        for widget, *_ in self._arrangements[columns]:
            # removeWidget deletes the layout's item for the widget in C++ at once. An
            # item taken with takeAt() lives on in Python, still registered as the widget's
            # item: the new one's size cache would then never hear of text changes.
            self.removeWidget(widget)  # the widget stays where it is parented
        for index in range(self.columnCount()):
            self.setColumnStretch(index, 0)
        for widget, row, column, span in self._arrangements[columns]:
            self.addWidget(widget, row, column, 1, span)
        for index in range(columns):
            self.setColumnStretch(index, 1)
        self.columns = columns


def _least(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def card_rows(cards: Sequence[QWidget]) -> dict[int, list[Place]]:
    """All the cards in one row when they fit, else in rows of four (4 + 3 at 900 px),
    three, two, one."""
    return {per_row: [(card, i // per_row, i % per_row, 1) for i, card in enumerate(cards)]
            for per_row in dict.fromkeys((len(cards), 4, 3, 2, 1))}


def panel_columns(flow: QWidget, donut: QWidget, trend: QWidget, participation: QWidget,
                  tags: QWidget, side: QWidget, queue: QWidget, birthdays: QWidget,
                  at_risk: QWidget) -> dict[int, list[Place]]:
    """The Overview's charts and lists: three columns (the wide charts over two, the small
    ones beside them); two; one. Every arrangement reads in the same order, row by row:
    the order Tab moves in (the panels join the page's focus chain in the order of the
    first arrangement shown)."""
    return {
        3: [(flow, 0, 0, 2), (donut, 0, 2, 1), (trend, 1, 0, 2), (participation, 1, 2, 1),
            (tags, 2, 0, 2), (side, 2, 2, 1),
            (queue, 3, 0, 1), (birthdays, 3, 1, 1), (at_risk, 3, 2, 1)],
        2: [(flow, 0, 0, 2), (donut, 1, 0, 1), (trend, 1, 1, 1), (participation, 2, 0, 1),
            (tags, 2, 1, 1), (side, 3, 0, 2),
            (queue, 4, 0, 1), (birthdays, 4, 1, 1), (at_risk, 5, 0, 2)],
        1: [(panel, row, 0, 1) for row, panel in enumerate(
            (flow, donut, trend, participation, tags, side, queue, birthdays, at_risk))],
    }
