"""The English catalogue is complete, compiled and loadable (Chinese is the source language).

When a test here fails after you added UI strings: run `.venv/bin/python
.ci/update_translations.py`, translate the entries it marks unfinished in
resources/translations/qundesk_en.ts, run it again, and commit the .ts and the .qm.
"""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qundesk_en.ts"
QM = TS.with_suffix(".qm")


def _tool_module():
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / ".ci" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def _is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


@pytest.fixture(scope="module")
def current_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalogue merged with every string in the code right now."""
    tool = _tool_module()
    ts = tmp_path_factory.mktemp("ts") / "qundesk_en.ts"
    shutil.copyfile(TS, ts)
    tool.lupdate(ts)
    return ts


def test_every_source_string_has_an_english_translation(current_ts: Path) -> None:
    missing = [f"{context}: {message.findtext('source')!r}"
               for context, message in _entries(current_ts) if not _is_finished(message)]
    assert not missing, (
        f"{len(missing)} UI strings have no finished English translation "
        "(run .ci/update_translations.py, translate, run it again):\n" + "\n".join(missing))


def test_committed_catalogue_has_no_stale_or_unfinished_entries() -> None:
    unfinished = [f"{c}: {m.findtext('source')!r}" for c, m in _entries(TS)
                  if not _is_finished(m)]
    assert not unfinished, "unfinished in the committed .ts:\n" + "\n".join(unfinished)


def test_plural_forms_have_both_english_forms(current_ts: Path) -> None:
    bad = []
    for context, message in _entries(current_ts):
        if message.get("numerus") != "yes":
            continue
        forms = [(f.text or "").strip() for f in message.find("translation").findall(
            "numerusform")]
        if len(forms) != 2 or not all(forms) or "%Ln" not in message.findtext("source"):
            bad.append(f"{context}: {message.findtext('source')!r} -> {forms}")
    assert not bad, "plural entries need a singular and a plural English form:\n" + "\n".join(bad)


def test_placeholders_survive_translation() -> None:
    """A translation that drops %1 or %Ln would silently lose a name or a number."""
    import re

    bad = []
    for context, message in _entries(TS):
        if not _is_finished(message):
            continue
        source = message.findtext("source") or ""
        wanted = sorted(set(re.findall(r"%(?:\d|n)", source)))
        translation = message.find("translation")
        texts = ([f.text or "" for f in translation.findall("numerusform")]
                 if message.get("numerus") == "yes" else [translation.text or ""])
        for text in texts:
            # An English singular may spell the number out ("one member"); plurals may not.
            needed = [p for p in wanted if not (p == "%Ln" and text is texts[0] and len(texts) > 1)]
            if any(p not in text for p in needed):
                bad.append(f"{context}: {source!r} -> {text!r}")
    assert not bad, "placeholders lost in translation:\n" + "\n".join(bad)


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    tool = _tool_module()
    fresh = tmp_path / "fresh.qm"
    tool.lrelease(TS, fresh)
    assert QM.exists(), "resources/translations/qundesk_en.qm is missing"
    assert fresh.read_bytes() == QM.read_bytes(), (
        "qundesk_en.qm is older than qundesk_en.ts: run .ci/update_translations.py")


def test_qm_loads_and_translates(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "成员") == "Members"
    assert translator.translate("Appearance", "深色(&D)") == "&Dark"
    qapp.installTranslator(translator)
    try:
        plural = QCoreApplication.translate
        assert plural("TagsDialog", "%Ln 个标签", None, 1) == "1 tag"
        assert plural("TagsDialog", "%Ln 个标签", None, 3) == "3 tags"
        assert plural("MembersPage", "显示 %1 / 共 %Ln 位成员", None, 1) == "Showing %1 of 1 member"
        assert plural("TagsDialog", "已删除“%1”（%Ln 位成员）", None, 1) == "Deleted “%1” (1 member)"
    finally:
        qapp.removeTranslator(translator)


def test_extraction_sees_translate_helpers_and_aliases() -> None:
    """Idioms that are right at run time but that lupdate alone would misfile."""
    tool = _tool_module()
    helper = ('def _t(text: str) -> str:\n'
              '    return QCoreApplication.translate("Forms", text)\n')
    helpers = tool._helpers({"ui/x/forms.py": helper})
    assert helpers == {"ui.x.forms": {"_t": '"Forms"'}}
    user = 'from ui.x.forms import ERROR, _t\nlabel = _t("男")\nself.tr("女")\n'
    assert 'QCoreApplication.translate("Forms", "男")' in tool.scannable(user, None, helpers)
    assert 'self.tr("女")' in tool.scannable(user, None, helpers)
    alias = 'tr = QCoreApplication.translate\nx = tr("Ctx", "文本")\n'
    assert 'translate("Ctx", "文本")' in tool.scannable(alias)
    method_alias = '    tr = self.tr\n    x = tr("文本")\n'
    assert 'self.tr("文本")' in tool.scannable(method_alias)
    in_fstring = "x = f'<th>{_e(translate(\"WeekPlan\", \"时间\"))}</th>'\n"
    assert tool.scannable(in_fstring).rstrip().endswith(
        'QCoreApplication.translate("WeekPlan", "时间")')


def test_counts_are_grouped_in_both_languages(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    try:
        i18n.install("en")
        assert QCoreApplication.translate("MembersPage", "显示 %1 / 共 %Ln 位成员", None, 20000) \
            == "Showing %1 of 20,000 members"
        assert i18n.number(18002) == "18,002"
        i18n.install("zh")
        assert QCoreApplication.translate("MembersPage", "显示 %1 / 共 %Ln 位成员", None, 20000) \
            == "显示 %1 / 共 20,000 位成员"
    finally:
        i18n.install("zh")
