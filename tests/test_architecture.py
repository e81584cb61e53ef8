"""The house plan, checked: layers, no import cycles, no queries in ui/, modest modules.

These rules are what keeps a change in one place (see ARCHITECTURE.md).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import peewee
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("models", "ui")
LINE_LIMIT = 500


def _modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The project modules a file imports (at any depth, including inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    known = {_module_name(p) for pkg in PACKAGES for p in _modules(pkg)} | {"main"}
    return {name for name in found if name in known}


def _all_files() -> list[Path]:
    return [ROOT / "main.py"] + [p for pkg in PACKAGES for p in _modules(pkg)]


def test_models_never_import_qt_or_ui() -> None:
    for path in _modules("models"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert not name.startswith(("PySide6", "ui", "main")), f"{path}: imports {name}"


def test_no_import_cycles() -> None:
    graph = {_module_name(p) if p.name != "main.py" else "main": _imports(p) for p in _all_files()}
    # A package's __init__ importing its own modules is not a cycle of the plan.
    for name, targets in graph.items():
        graph[name] = {t for t in targets if t != name and not name.startswith(t + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycle = stack[stack.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def _is_query_handle(value: object) -> bool:
    """A peewee table class, the database handle or peewee itself."""
    from models.store.base import database

    return (isinstance(value, type) and issubclass(value, peewee.Model)) \
        or value is database or value is peewee


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """Nodes inside type annotations or `if TYPE_CHECKING:` blocks: naming a table's class
    as a type is not a query."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        notes: list[ast.AST | None] = []
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            notes = list(node.body)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            notes = [a.annotation for a in args] + [node.returns]
        elif isinstance(node, ast.AnnAssign):
            notes = [node.annotation]
        for note in notes:
            if note is not None:
                inside.update(id(n) for n in ast.walk(note))
    return inside


def test_ui_runs_no_queries() -> None:
    """ui/ asks models/ for data and changes; it never touches tables or the connection."""
    offences = []
    for path in _modules("ui"):
        module = importlib.import_module(_module_name(path))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        notes = _annotation_nodes(tree)
        for node in ast.walk(tree):
            values: list[object] = []
            if id(node) in notes:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                source = importlib.import_module(node.module)
                values = [getattr(source, a.name, None) for a in node.names]
            elif isinstance(node, ast.Import):
                values = [importlib.import_module(a.name) for a in node.names]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                owner = vars(module).get(node.value.id)
                if owner is not None and type(owner).__name__ == "module":
                    values = [getattr(owner, node.attr, None)]
            if any(_is_query_handle(v) for v in values):
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert not offences, "ui/ touches the database directly:\n" + "\n".join(sorted(set(offences)))


def test_modules_stay_modest() -> None:
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in _all_files()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LINE_LIMIT]
    assert not long, "split these by what they hold:\n" + "\n".join(long)


def test_changes_are_announced_only_through_the_operation_path() -> None:
    """Screens write through ui.operations (Op/LongOp), which announce; nobody else emits."""
    emitting = [f"{p.relative_to(ROOT)}:{n}" for p in _modules("ui")
                for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
                if "data_changed.emit" in line and p.name != "workspace.py"]
    assert not emitting, "announce changes with ui.operations.Op instead:\n" + "\n".join(emitting)
