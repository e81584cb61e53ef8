"""The column-spec base of the item models (ui/table_model.py)."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt

from ui.table_model import Column, ColumnTableModel

ROLE = Qt.ItemDataRole


class Ticks(ColumnTableModel[dict[str, object]]):
    COLUMNS = ("done", "name")

    def __init__(self) -> None:
        super().__init__()
        self.written: list[tuple[int, bool]] = []
        self.set_column_specs([
            Column("done", "Done", check=lambda r: bool(r["done"]), set_check=self._tick),
            Column("name", "Name", display=lambda r: r["name"], tooltip=self._tip,
                   align=Qt.AlignmentFlag.AlignRight),
        ])

    def _tip(self, row: dict[str, object]) -> str:
        return f"{row['name']}!"

    def _tick(self, row: int, checked: bool) -> bool:
        self.written.append((row, checked))
        return True

    def row_role(self, row: dict[str, object], role: int) -> object:
        return row["name"] if role == ROLE.UserRole else None


def test_cells_headers_and_ticks(qapp: object) -> None:
    model = Ticks()
    model.set_rows([{"done": True, "name": "a"}, {"done": False, "name": "b"}])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    done, name = model.index(1, 0), model.index(1, 1)
    assert name.data() == "b" and name.data(ROLE.ToolTipRole) == "b!"
    assert name.data(ROLE.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight)
    assert done.data() is None and done.data(ROLE.CheckStateRole) == Qt.CheckState.Unchecked
    assert done.data(ROLE.UserRole) == "b"  # no column function: the row answers
    assert model.flags(done) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(name) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(done, Qt.CheckState.Checked.value, ROLE.CheckStateRole)
    assert model.setData(done, False, ROLE.CheckStateRole)
    assert not model.setData(name, True, ROLE.CheckStateRole)
    assert model.written == [(1, True), (1, False)]
    model.read_only = True
    assert not model.flags(done) & Qt.ItemFlag.ItemIsUserCheckable


def test_columns_must_match_the_declared_keys(qapp: object) -> None:
    with pytest.raises(ValueError):
        Ticks().set_column_specs([Column("name", "Name")])


def test_columns_do_not_keep_their_model_alive(qapp: object) -> None:
    """A model/column reference cycle would leave the model to the garbage collector."""
    gc.disable()
    try:
        model = Ticks()
        child = QObject(model)
        del model
        assert not shiboken6.isValid(child)  # deleted at once, without a collection
    finally:
        gc.enable()

    def capturing() -> None:
        owner = QObject()
        Column("x", "X", display=lambda _row: owner)

    with pytest.raises(TypeError):
        capturing()
