"""Column-spec table models: a model declares its columns once and the base answers Qt.

A `Column` says what one column shows (header, per-role functions of a row); the base
classes implement rowCount/columnCount/headerData/data/flags/setData from those specs.
`ColumnHeaderModel` is the header half alone, for a model that answers data() itself
(the member list, whose data() is its hot path); `ColumnTableModel` adds the rows.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., object])
Role = Qt.ItemDataRole
_FUNCTIONS = ("display", "tooltip", "foreground", "font", "decoration", "check", "set_check")


def _weak(function: F | None) -> F | None:
    """`function` without a strong reference to a Qt object.

    A model holds its columns; a column holding the model back would make a reference
    cycle, and when Python's garbage collector breaks one it deletes the Qt object at an
    arbitrary moment, in whatever thread it runs in (see EnterCatcher in
    ui/members/card_sections.py). So a model's method is called through a weak reference,
    and a lambda that captures the model is refused: make it a method.
    """
    if function is None:
        return None
    if inspect.ismethod(function) and isinstance(function.__self__, QObject):
        owner, plain = weakref.ref(function.__self__), function.__func__
        return cast(F, lambda *args: plain(owner(), *args))
    if any(isinstance(cell.cell_contents, QObject) for cell in function.__closure__ or ()):
        raise TypeError(f"{function!r} captures a Qt object: pass a method instead")
    return function


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its key, its (already translated) header and how a row shows in it.

    Each function takes the row and returns that role's value (None: nothing to show).
    `check` makes a check box; `set_check(row number, checked)` writes it and says
    whether it did. The model's own methods are fine here, lambdas using `self` are not
    (see `_weak`).
    """

    key: str
    header: str
    display: Callable[[R], object] | None = None
    tooltip: Callable[[R], object] | None = None
    foreground: Callable[[R], object] | None = None
    font: Callable[[R], object] | None = None
    decoration: Callable[[R], object] | None = None
    align: Qt.AlignmentFlag | None = None
    check: Callable[[R], bool] | None = None
    set_check: Callable[[int, bool], bool] | None = None
    # role -> function, built once so data() is one dict look-up per cell and role
    roles: Mapping[int, Callable[[R], object]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in _FUNCTIONS:  # frozen: fields are set once, here
            object.__setattr__(self, name, _weak(getattr(self, name)))
        roles: dict[int, Callable[[R], object]] = {}
        for role, get in ((Role.DisplayRole, self.display), (Role.ToolTipRole, self.tooltip),
                          (Role.ForegroundRole, self.foreground), (Role.FontRole, self.font),
                          (Role.DecorationRole, self.decoration)):
            if get is not None:
                roles[role] = get
        if self.align is not None:
            alignment = int(self.align)
            roles[Role.TextAlignmentRole] = lambda _row: alignment
        if self.check is not None:
            check = self.check
            roles[Role.CheckStateRole] = lambda row: (Qt.CheckState.Checked if check(row)
                                                      else Qt.CheckState.Unchecked)
        object.__setattr__(self, "roles", roles)


class ColumnHeaderModel(QAbstractTableModel, Generic[R]):
    """columnCount and the horizontal headers from a list of `Column`s."""

    # The column keys in order, for code that finds a column by key (checked against the
    # specs); empty where the columns change at run time.
    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[R], ...] = ()

    def set_column_specs(self, columns: Iterable[Column[R]]) -> None:
        specs = tuple(columns)
        keys = tuple(c.key for c in specs)
        if self.COLUMNS and keys != self.COLUMNS:
            raise ValueError(f"{type(self).__name__}: columns {keys} are not {self.COLUMNS}")
        self.beginResetModel()
        self._columns = specs
        self.endResetModel()

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def column_headers(self) -> list[str]:
        return [c.header for c in self._columns]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Role.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None


class ColumnTableModel(ColumnHeaderModel[R]):
    """A table of rows (any objects) shown through the columns' functions."""

    read_only = False  # set by the page on a read-only workspace: ticks shown, not tickable

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_role(self, row: R, role: int) -> object:
        """A role the row answers the same in every column (an id, a row colour): override.
        Asked only when the cell's column has no function for the role."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Role.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        get = self._columns[index.column()].roles.get(role)
        return get(row) if get is not None else self.row_role(row, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)  # Qt's: enabled and selectable cells
        if (index.isValid() and not self.read_only
                and self._columns[index.column()].check is not None):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Role.EditRole) -> bool:
        if not index.isValid() or role != Role.CheckStateRole:
            return False
        set_check = self._columns[index.column()].set_check
        if set_check is None:
            return False
        # A view sends a Qt.CheckState (or its int); code may send a bool.
        checked = value if isinstance(value, bool) else \
            Qt.CheckState(value) == Qt.CheckState.Checked
        return set_check(index.row(), checked)
