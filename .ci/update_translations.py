#!/usr/bin/env python3
"""Refresh the English translation catalogue from the source code, then compile it.

    .venv/bin/python .ci/update_translations.py

1. pyside6-lupdate scans ui/ and main.py for tr()/translate() strings and merges them into
   resources/translations/qundesk_en.ts: existing translations are kept, new strings are
   added as "unfinished", strings no longer in the code are dropped.
2. pyside6-lrelease compiles the .ts into qundesk_en.qm, which the app loads.

Translate the unfinished entries (Qt Linguist: `.venv/bin/pyside6-linguist <ts>`, or
any editor), run this again, and commit both files. tests/test_translations.py fails
while any string has no finished English translation or the .qm is out of date.
Chinese is the source language, so there is no Chinese catalogue.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qundesk_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """A Qt tool from this Python's environment (the venv), else from PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (install PySide6 in this environment)")
    return found


def sources(root: Path = ROOT) -> list[str]:
    """Every file whose strings are shown to users, relative to root, in a stable order."""
    files = sorted(p for p in (root / "ui").rglob("*.py") if "__pycache__" not in p.parts)
    return [str(p.relative_to(root)) for p in files] + ["main.py"]


# lupdate only understands self.tr(...) and X.translate("Context", ...) calls. Two idioms
# in this code are right at run time but invisible or misread by it, so lupdate scans a
# rewritten copy of the sources (the source files themselves are not changed):
#   tr = QCoreApplication.translate; tr("Context", "text")   (bare tr() is read as
#       tr(text, comment) in the wrong context) -> renamed to translate(...)
#   def _t(text): return QCoreApplication.translate("Context", text); _t("text")
#       (a one-argument helper, also when imported from another module) -> each call is
#       spelled out as QCoreApplication.translate("Context", "text")
_APP = r"(?:QCoreApplication|QApplication|QGuiApplication)"
_TR_ALIAS = re.compile(r"\btr = (" + _APP + r")\.translate\b")
_BARE_TR = re.compile(r"(?<![\w.])tr\(")
_HELPER = re.compile(r"^def (\w+)\((\w+)(?:: str)?\) -> str:\n"
                     r"(?:[ \t]+(?:\"\"\"[^\n]*\"\"\"|#[^\n]*)\n)*"
                     r"[ \t]+return " + _APP + r"\.translate\((\"[^\"]+\"), \2\)\s*$", re.M)
_IMPORT = re.compile(r"^from ([\w.]+) import (\([^)]*\)|[^\n]+)", re.M)


def _helpers(texts: dict[str, str]) -> dict[str, dict[str, str]]:
    """module name -> {helper function name: quoted context} for one-argument helpers."""
    found: dict[str, dict[str, str]] = {}
    for name, text in texts.items():
        module = name.removesuffix(".py").replace("/", ".").replace("\\", ".")
        for match in _HELPER.finditer(text):
            found.setdefault(module, {})[match.group(1)] = match.group(3)
    return found


def scannable(text: str, own: dict[str, str] | None = None,
              helpers: dict[str, dict[str, str]] | None = None) -> str:
    """The text lupdate should read for one source file (see above)."""
    if _TR_ALIAS.search(text):
        text = _BARE_TR.sub("translate(", _TR_ALIAS.sub(r"translate = \1.translate", text))
    usable = dict(own or {})
    for module, names in _IMPORT.findall(text):
        for imported in re.findall(r"\w+", names):
            if imported in (helpers or {}).get(module, {}):
                usable[imported] = helpers[module][imported]
    for helper, context in usable.items():
        text = re.sub(r"(?<![\w.])(?<!def )" + re.escape(helper) + r"\(",
                      f"QCoreApplication.translate({context}, ", text)
    return text


def lupdate(ts: Path, root: Path = ROOT) -> None:
    """Merge the strings of the source tree into `ts` (created when missing)."""
    texts = {name: (root / name).read_text("utf-8") for name in sources(root)}
    helpers = _helpers(texts)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            copy = Path(tmp) / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            module = name.removesuffix(".py").replace("/", ".").replace("\\", ".")
            copy.write_text(scannable(text, helpers.get(module), helpers), "utf-8")
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none",
                        "-no-obsolete", "-source-language", "zh_CN", "-target-language", "en",
                        *sources(root), "-ts", str(ts.resolve())], cwd=tmp, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)
    import xml.etree.ElementTree as ET

    messages = ET.parse(TS).getroot().iter("message")
    todo = sum(1 for m in messages if m.find("translation").get("type") == "unfinished")
    print(f"{TS.relative_to(ROOT)}: {todo} unfinished; compiled {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
