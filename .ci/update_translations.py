#!/usr/bin/env python3
"""Refresh the English translation catalogue from the source code, then compile it.

    .venv/bin/python .ci/update_translations.py

1. pyside6-lupdate scans ui/ and main.py for tr()/translate() strings and merges them into
   resources/translations/qundesk_en.ts: existing translations are kept, new strings are
   added as "unfinished", strings no longer in the code are dropped.
2. pyside6-lrelease compiles the .ts into qundesk_en.qm, which the app loads.

Translate the unfinished entries (Qt Linguist: `.venv/bin/pyside6-linguist <ts>`, any
editor, or `--todo todo.json`, fill in the English, then `--fill todo.json`), run this
again, and commit both files. tests/test_translations.py fails
while any string has no finished English translation or the .qm is out of date.
Chinese is the source language, so there is no Chinese catalogue.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
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
#   tr = self.tr; tr("text")   (filed under no context) -> spelled self.tr("text")
#   def _t(text): return QCoreApplication.translate("Context", text); _t("text")
#       (a one-argument helper, also when imported from another module) -> each call is
#       spelled out as QCoreApplication.translate("Context", "text")
_APP = r"(?:QCoreApplication|QApplication|QGuiApplication)"
_TR_ALIAS = re.compile(r"\btr = (" + _APP + r")\.translate\b")
_SELF_TR_ALIAS = re.compile(r"\btr = self\.tr\b")
_BARE_TR = re.compile(r"(?<![\w.])tr\(")
_HELPER = re.compile(r"^def (\w+)\((\w+)(?:: str)?\) -> str:\n"
                     r"(?:[ \t]+(?:\"\"\"[^\n]*\"\"\"|#[^\n]*)\n)*"
                     r"[ \t]+return " + _APP + r"\.translate\((\"[^\"]+\"), \2\)\s*$", re.M)
_EXPLICIT = re.compile(r"""(?<![\w])translate\(\s*("[^"\n]+"|'[^'\n]+')\s*,\s*"""
                       r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)""")
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
    elif _SELF_TR_ALIAS.search(text):
        text = _BARE_TR.sub("self.tr(", text)
    usable = dict(own or {})
    for module, names in _IMPORT.findall(text):
        for imported in re.findall(r"\w+", names):
            if imported in (helpers or {}).get(module, {}):
                usable[imported] = helpers[module][imported]
    for helper, context in usable.items():
        text = re.sub(r"(?<![\w.])(?<!def )" + re.escape(helper) + r"\(",
                      f"QCoreApplication.translate({context}, ", text)
    # lupdate does not look inside f-strings: repeat every translate("Context", "text")
    # call as a plain statement at the end so strings used in f"...{translate(...)}" count.
    calls = [f"QCoreApplication.translate({context}, {literal})"
             for context, literal in _EXPLICIT.findall(text)]
    return text + ("\n\n" + "\n".join(calls) + "\n" if calls else "")


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


def unfinished(ts: Path) -> dict[str, object]:
    """Unfinished sources -> "" (or ["", ""] for plurals): a template for --fill."""
    todo: dict[str, object] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        if message.find("translation").get("type") == "unfinished":
            plural = message.get("numerus") == "yes"
            todo[message.findtext("source")] = ["", ""] if plural else ""
    return todo


def fill(ts: Path, translations: dict[str, object]) -> int:
    """Finish unfinished entries from {source: English | [singular, plural]}; return count."""
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        done += _fill_context(context, translations)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def _fill_context(context: ET.Element, translations: dict[str, object]) -> int:
    done = 0
    name = context.findtext("name") or ""
    for message in context.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        # "Context|source" keys translate one context differently (the same Chinese word
        # can need two English words).
        english = translations.get(f"{name}|{source}") or translations.get(source)
        if translation.get("type") != "unfinished" or not english:
            continue
        if message.get("numerus") == "yes":
            if not isinstance(english, list) or len(english) != 2 or not all(english):
                continue
            for form in list(translation):
                translation.remove(form)
            for text in english:
                ET.SubElement(translation, "numerusform").text = text
        elif isinstance(english, str):
            translation.text = english
        else:
            continue
        del translation.attrib["type"]
        done += 1
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--todo", type=Path, metavar="JSON",
                        help="also write the unfinished sources to JSON (a template for --fill)")
    parser.add_argument("--fill", type=Path, metavar="JSON",
                        help='finish entries from {"source": "English" | ["one", "many"]}')
    args = parser.parse_args()
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    if args.fill:
        count = fill(TS, json.loads(args.fill.read_text("utf-8")))
        lupdate(TS)  # back to lupdate's own layout, so later diffs stay small
        print(f"filled {count} entries from {args.fill}")
    lrelease(TS, QM)
    todo = unfinished(TS)
    if args.todo:
        args.todo.write_text(json.dumps(todo, ensure_ascii=False, indent=1), "utf-8")
    print(f"{TS.relative_to(ROOT)}: {len(todo)} unfinished; compiled {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
