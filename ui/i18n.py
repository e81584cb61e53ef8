"""Language: Chinese is the source language of every string; English comes from a .qm.

The choice is stored in QSettings ("language": "zh" | "en" | "" for the system's).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from models import messages
from models.store.paths import resources_dir

LANGUAGES = {"zh": "简体中文", "en": "English"}
_installed: list[QTranslator] = []


def chosen_language(override: str | None = None) -> str:
    if override in LANGUAGES:
        return override
    stored = QSettings().value("language", "", str)
    if stored in LANGUAGES:
        return stored
    system = QLocale.system()
    return "zh" if system.language() == QLocale.Language.Chinese else "en"


def install(language: str) -> None:
    """Install translators for `language` (replacing any installed before)."""
    app = QCoreApplication.instance()  # the translators' parent (static calls need none)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    messages.set_language(language)
    # "%Ln" in tr() strings and number() group digits the way the language writes them.
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language == "zh":
        # Qt's own strings (OK/Cancel/Close, file dialogs, context menus) are English in
        # Qt itself; its Simplified-Chinese catalogue ships with PySide6 (and the bundle).
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_folder):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
        return
    folder = resources_dir() / "translations"
    ours = QTranslator(app)
    if ours.load(f"qundesk_{language}", str(folder)):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)


def number(value: int | float) -> str:
    """A count as people read it: 12,710 (digits grouped, in both languages)."""
    return f"{value:,.0f}" if isinstance(value, float) else f"{value:,}"


def join(items: Iterable[str]) -> str:
    """A list of names as the language writes it: '一群、二群' / 'Group 1, Group 2'."""
    return QCoreApplication.translate("List", "、").join(items)


def aside(text: str) -> str:
    """An aside after a title or name, as the language writes it: '（线上）' right after the
    Chinese, ' (Online)' with a space in English."""
    return QCoreApplication.translate("Aside", "（%1）").replace("%1", text)


def remember(language: str) -> None:
    QSettings().setValue("language", language)
